// Turns what a person types into a safe FTS5 query: each word becomes a quoted prefix term, so
// FTS5 syntax (quotes, AND/OR/NEAR, column filters, stray punctuation) typed by a user can never
// break the query or change its meaning. All words must match.

const MAX_TERMS = 12;

/** The MATCH expression for `input`, or null when it holds no searchable word. */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
