// Timeline: full-text search over the entries (FTS5, external content: the text is stored once, in
// `entries`), kept in step by triggers; a partial index for the few entries whose dates are ranges,
// so a window query never scans the case; and the named views a reviewer saves.

/** The triggers that keep `entries_fts` in step with `entries`. Bulk loaders may drop them, insert,
 *  then run `INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')` and recreate them. */
export const ENTRIES_FTS_TRIGGERS = `
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts(rowid, text, contact_type, outcome) VALUES (new.id, new.text, new.contact_type, new.outcome);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, text, contact_type, outcome) VALUES ('delete', old.id, old.text, old.contact_type, old.outcome);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF text, contact_type, outcome ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, text, contact_type, outcome) VALUES ('delete', old.id, old.text, old.contact_type, old.outcome);
  INSERT INTO entries_fts(rowid, text, contact_type, outcome) VALUES (new.id, new.text, new.contact_type, new.outcome);
END;
`;

export const DROP_ENTRIES_FTS_TRIGGERS = `
DROP TRIGGER IF EXISTS entries_fts_insert;
DROP TRIGGER IF EXISTS entries_fts_delete;
DROP TRIGGER IF EXISTS entries_fts_update;
`;

export default `
CREATE VIRTUAL TABLE entries_fts USING fts5(
  text, contact_type, outcome,
  content = 'entries', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
${ENTRIES_FTS_TRIGGERS}

-- Entries whose date is a range (approximate dates): the only ones that can start before a window
-- and still overlap it.
CREATE INDEX entries_spanning ON entries(date_to, date) WHERE active = 1 AND date_to <> date;
-- Entry counts per agency (the legend, the case summary) from the index alone.
CREATE INDEX entries_agency_active ON entries(agency_id, active);

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  query_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
