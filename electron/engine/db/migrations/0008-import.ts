// Import: each data row's content hash (duplicates within an extract and the difference between an
// agency's versions are found through it, without holding the file in memory), and the difference
// report of a corrected upload.
export default `
ALTER TABLE raw_rows ADD COLUMN content_hash INTEGER;
CREATE INDEX raw_rows_content ON raw_rows(extract_id, content_hash) WHERE content_hash IS NOT NULL;
ALTER TABLE extracts ADD COLUMN diff_json TEXT;
`;
