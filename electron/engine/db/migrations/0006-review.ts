// The review: the chair's settings (one row, versioned by revision), which extracts came from a
// Jigsaw template, and agency leads' sign-offs of an extract version. Every case gets a review id
// so templates made from it can be told apart from another review's.
export default `
CREATE TABLE review_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE extract_templates (
  extract_id INTEGER PRIMARY KEY REFERENCES extracts(id),
  review_id TEXT NOT NULL,
  template_version INTEGER NOT NULL
);

CREATE TABLE extract_signoffs (
  id INTEGER PRIMARY KEY,
  extract_id INTEGER NOT NULL REFERENCES extracts(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE INDEX extract_signoffs_extract ON extract_signoffs(extract_id);
CREATE TRIGGER extract_signoffs_immutable BEFORE UPDATE ON extract_signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are kept as given'); END;

INSERT OR IGNORE INTO meta(key, value) VALUES ('review_id', lower(hex(randomblob(16))));
`;
