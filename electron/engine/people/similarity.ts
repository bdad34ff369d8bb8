// When two written names can be the same person's: exact, a known nickname, an initial, or a
// small typo (edit distance from `fastest-levenshtein`, sound from `double-metaphone`).
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { KNOWN_GIVEN_NAMES, nameVariants } from './nicknames.js';

const phoneticCache = new Map<string, [string, string]>();

export function phonetic(word: string): [string, string] {
  let p = phoneticCache.get(word);
  if (!p) {
    p = doubleMetaphone(word);
    if (phoneticCache.size > 200_000) phoneticCache.clear();
    phoneticCache.set(word, p);
  }
  return p;
}

function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = phonetic(a);
  const [b1, b2] = phonetic(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 !== '' && a2 === b2);
}

const memo = new Map<string, number>();

/** Resolution compares the same few hundred spellings again and again: remember each answer. */
function remembered(kind: string, a: string, b: string, f: () => number): number {
  const key = a < b ? `${kind}${a}\u0000${b}` : `${kind}${b}\u0000${a}`;
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size > 500_000) memo.clear();
    v = f();
    memo.set(key, v);
  }
  return v;
}

/** 1 exact, 0.9 typo or sound-alike spelling, 0 different. For surnames and full given names alike. */
export function spellingScore(a: string, b: string): number {
  if (a === b) return 1;
  return remembered('s', a, b, () => spellingScoreOf(a, b));
}

function spellingScoreOf(a: string, b: string): number {
  const len = Math.min(a.length, b.length);
  if (len < 3) return 0;
  const d = distance(a, b);
  if (d === 1 && len >= 4) return 0.9;
  // A transposition ("Danner"/"Dannre") is two edits: allow it, and two edits that sound alike, in longer names.
  if (d <= 2 && len >= 5 && (soundAlike(a, b) || isTransposition(a, b))) return 0.85;
  return 0;
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

const expandCache = new Map<string, Set<string>>();

/** The names a given name may stand for: its nicknames, and those of a known name it misspells ("Micheal"). */
function expandGiven(g: string): Set<string> {
  let out = expandCache.get(g);
  if (out) return out;
  out = new Set(nameVariants(g));
  if (out.size === 1 && g.length >= 5) for (const known of KNOWN_GIVEN_NAMES) if (known.length >= 5 && spellingScore(g, known) > 0) for (const v of nameVariants(known)) out.add(v);
  if (expandCache.size > 100_000) expandCache.clear();
  expandCache.set(g, out);
  return out;
}

/** Given names: exact 1; nickname (also of a misspelling) 0.9; typo 0.85-0.9; an initial against a name: 0.7. */
export function givenScore(a: string, b: string): number {
  if (a === b) return 1;
  return remembered('g', a, b, () => givenScoreOf(a, b));
}

function givenScoreOf(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) {
    const [init, full] = a.length === 1 ? [a, b] : [b, a];
    if (full.length === 1) return 0;
    return [...expandGiven(full)].some((v) => v[0] === init) ? 0.7 : 0;
  }
  const spelling = spellingScore(a, b);
  if (spelling > 0) return spelling;
  const eb = expandGiven(b);
  for (const v of expandGiven(a)) if (eb.has(v)) return 0.9;
  return 0;
}

/** The blocking key for a surname: its primary metaphone code. */
export function surnameBlock(surname: string): string {
  return phonetic(surname)[0] || surname;
}
