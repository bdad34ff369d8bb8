// A Word chronology's title block (the text above its table: "Woman: Kayleigh MARSH, DOB ...")
// is kept with the extract: it often says whose record the extract is.
export default `ALTER TABLE extracts ADD COLUMN title TEXT;`;
