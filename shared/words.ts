// Counts in words as people write them: "1 agency", "2 agencies", "1 entry", "0 duplicates".
const IRREGULAR: Record<string, string> = { agency: 'agencies', entry: 'entries', person: 'people', identifier: 'identifiers', day: 'days', row: 'rows', warning: 'warnings' };

export function count(n: number, singular: string, plural?: string): string {
  const word = n === 1 ? singular : (plural ?? IRREGULAR[singular] ?? `${singular}s`);
  return `${n.toLocaleString('en-GB')} ${word}`;
}

/**
 * Where a row of an extract is, as a person looks for it: "row 14" (Excel's row, a Word table's
 * row), and for a CSV row that does not start on the line of that number (an earlier record spans
 * several lines) its first line too: "row 14, line 17". `capital` starts a sentence: "Row 14".
 */
export function rowLabel(row: number, line?: number | null, capital = false): string {
  const label = `${capital ? 'Row' : 'row'} ${row}`;
  return line != null && line !== row ? `${label}, line ${line}` : label;
}
