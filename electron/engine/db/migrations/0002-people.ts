// People resolved across agencies, and which entries mention them. Owned by the people module;
// signals, export and pseudonymisation read it. Also: the chair's decisions about people (kept so
// they survive re-import and re-resolution) and events recorded by several agencies (links).
export default `
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'unknown' CHECK (role IN ('subject', 'family', 'associate', 'professional', 'unknown')),
  pseudonym TEXT,
  dob TEXT,
  nhs_number TEXT,
  address TEXT,
  confidence REAL NOT NULL DEFAULT 1,
  confirmed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE person_aliases (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (person_id, alias)
);

CREATE TABLE entry_persons (
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  mention TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('column', 'text')),
  PRIMARY KEY (entry_id, person_id, mention)
);
CREATE INDEX entry_persons_person ON entry_persons(person_id, entry_id);

-- The identity keys (normalised name + identifiers) each person was resolved from: how a
-- re-resolution recognises the same person again and keeps its id.
CREATE TABLE person_keys (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  example TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (person_id, key)
);
CREATE INDEX person_keys_key ON person_keys(key);

-- The chair's decisions, in the order made, stated in identity keys (not person ids) so that they
-- apply again after every re-import. kind: merge | split | rename | role | pseudonym | confirm.
CREATE TABLE person_decisions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'role', 'pseudonym', 'confirm')),
  payload_json TEXT NOT NULL,
  decided_at TEXT NOT NULL
);

-- One real-world event recorded by several agencies.
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  confidence REAL NOT NULL DEFAULT 1
);
CREATE TABLE link_entries (
  link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  PRIMARY KEY (link_id, entry_id)
);
CREATE INDEX link_entries_entry ON link_entries(entry_id);

-- Links the chair said are not one event, by the content of the rows they join (entry ids change
-- when an agency sends a new version; a row's agency and cells do not).
CREATE TABLE link_rejections (
  id INTEGER PRIMARY KEY,
  row_keys_json TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
`;
