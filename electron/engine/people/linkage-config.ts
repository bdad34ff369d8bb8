// The thresholds of people resolution that are judgements, not facts, in one place: judged on the
// blind evaluation cases (npm run eval), never on one fixture's spellings.
export const LINKAGE = {
  /**
   * Two dates of birth one slip apart (one digit of the day, month or year's last digit, two adjacent digits of the day or month swapped,
   * day and month swapped) are one person's when the names agree at least this well (0..1, with a
   * surname and a given name on both sides) and no NHS number differs: a typo, not a veto.
   */
  dobSlipMinNameScore: 0.9,
  /** An extract is one person's record when one person is named in at least this share of its entries. */
  recordSubjectShare: 0.6,
  /** ... and named at least this many times as often as the next person (not professionals). */
  recordSubjectLead: 3,
  /** In one person's file that does not say whose, its most named person is the owner when named in this share of rows. */
  recordOwnerShare: 0.3,
  /** A person-identifier column with one value holds one person's record when it has at least this many rows. */
  recordMinRows: 3,
  /**
   * A row that names no one but professionals ("Strategy meeting held", "Case closed") is about the
   * review's subject, attributed as from the record (weaker than a name). Agencies send the rows
   * about the person the review is of; a row about someone else names them.
   */
  unnamedRowsAreTheSubjects: true,
  /** Free-text snippets the name tagger reads per resolution, at most (about 0.1 ms each). */
  maxNameSnippets: 50_000,
} as const;

/** True when two ISO dates of birth differ by one keying slip. */
export function dobSlip(a: string, b: string): boolean {
  if (a === b || a.length !== 10 || b.length !== 10) return false;
  const diff: number[] = [];
  for (let i = 0; i < 10; i++) if (a[i] !== b[i]) diff.push(i);
  // One digit of the day, the month or the year's last digit; a slip in the decade or century
  // (1965 for 1985) would join a father and a son who share a birthday, so it is not one.
  if (diff.length === 1) return diff[0]! >= 3;
  // Adjacent digits swapped within the day or the month ("12" for "21").
  if (diff.length === 2 && diff[1] === diff[0]! + 1 && diff[0]! >= 5 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return true;
  // Day and month swapped (an American-style slip): 1948-02-11 and 1948-11-02.
  return a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
}
