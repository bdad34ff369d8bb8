// People: a row may be attributed to the person whose record the extract is, though it names
// nobody (origin 'record', weaker than a name in a column or the text). entry_persons is derived
// (rebuilt by every resolution), so it is rebuilt here with the wider CHECK and its rows copied.
export default `
CREATE TABLE entry_persons_new (
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  mention TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('column', 'text', 'record')),
  PRIMARY KEY (entry_id, person_id, mention)
);
INSERT INTO entry_persons_new SELECT entry_id, person_id, mention, origin FROM entry_persons;
DROP TABLE entry_persons;
ALTER TABLE entry_persons_new RENAME TO entry_persons;
CREATE INDEX entry_persons_person ON entry_persons(person_id, entry_id);
`;
