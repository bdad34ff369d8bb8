// The spine: agencies, extracts (versions of an agency's upload), raw rows kept exactly as they
// arrived, normalised entries, and the problems found while importing.
export default `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  colour TEXT NOT NULL,
  mapping_json TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE extracts (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  superseded_by INTEGER REFERENCES extracts(id),
  header_row INTEGER NOT NULL,
  headers_json TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  imported_count INTEGER NOT NULL,
  rejected_count INTEGER NOT NULL,
  duplicate_count INTEGER NOT NULL,
  UNIQUE (agency_id, version)
);
CREATE INDEX extracts_agency_sha ON extracts(agency_id, sha256);

-- Every row exactly as it arrived. Provenance can't be edited: updates are refused.
CREATE TABLE raw_rows (
  id INTEGER PRIMARY KEY,
  extract_id INTEGER NOT NULL REFERENCES extracts(id),
  row_number INTEGER NOT NULL,
  cells_json TEXT NOT NULL,
  UNIQUE (extract_id, row_number)
);
CREATE TRIGGER raw_rows_immutable BEFORE UPDATE ON raw_rows
BEGIN SELECT RAISE(ABORT, 'raw rows are immutable'); END;

CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  extract_id INTEGER NOT NULL REFERENCES extracts(id),
  raw_row_id INTEGER NOT NULL REFERENCES raw_rows(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  active INTEGER NOT NULL DEFAULT 1,
  date TEXT NOT NULL,
  date_to TEXT NOT NULL,
  precision TEXT NOT NULL,
  original_date TEXT NOT NULL,
  time TEXT,
  sequence INTEGER,
  contact_type TEXT,
  text TEXT NOT NULL,
  outcome TEXT,
  analysis TEXT,
  practitioner TEXT,
  person_text TEXT,
  dob TEXT,
  nhs_number TEXT,
  address TEXT,
  reference TEXT,
  flags TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_active_date ON entries(active, date, agency_id);
CREATE INDEX entries_extract ON entries(extract_id);

CREATE TABLE import_problems (
  id INTEGER PRIMARY KEY,
  extract_id INTEGER NOT NULL REFERENCES extracts(id),
  row_number INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('rejected', 'warning', 'duplicate')),
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  duplicate_of INTEGER
);
CREATE INDEX import_problems_extract ON import_problems(extract_id, row_number);
`;
