// A CSV row's first line where it is not its row number (an earlier record spans several lines):
// rows are numbered as Excel shows them, and the line finds the row in a text editor. Null for
// every other row, and for rows imported before this version (their row_number was the line).
export default `
ALTER TABLE raw_rows ADD COLUMN line INTEGER;
ALTER TABLE import_problems ADD COLUMN line INTEGER;
`;
