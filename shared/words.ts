// Counts in words as people write them: "1 agency", "2 agencies", "1 entry", "0 duplicates".
const IRREGULAR: Record<string, string> = { agency: 'agencies', entry: 'entries', person: 'people', identifier: 'identifiers', day: 'days', row: 'rows', warning: 'warnings' };

export function count(n: number, singular: string, plural?: string): string {
  const word = n === 1 ? singular : (plural ?? IRREGULAR[singular] ?? `${singular}s`);
  return `${n.toLocaleString('en-GB')} ${word}`;
}
