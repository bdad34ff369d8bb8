// The chair's annotations, kept beside the agencies' facts (entries are never edited): one row of
// markers per annotated entry, and correction notes that sit beside the fact they correct.
export default `
CREATE TABLE annotations (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  key_episode INTEGER NOT NULL DEFAULT 0,
  analysis TEXT,
  themes_json TEXT NOT NULL DEFAULT '[]',
  same_day_order INTEGER,
  excluded INTEGER NOT NULL DEFAULT 0,
  exclude_reason TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK (excluded = 0 OR length(trim(coalesce(exclude_reason, ''))) > 0)
);

CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  field TEXT,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX corrections_entry ON corrections(entry_id, id);
`;
