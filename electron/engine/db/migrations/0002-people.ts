// People resolved across agencies, and which entries mention them. Owned by the people module;
// signals, export and pseudonymisation read it.
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
`;
