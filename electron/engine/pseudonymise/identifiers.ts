// Identifiers other than names: NHS numbers, dates of birth, addresses and postcodes, found by
// their shape in any text and, for the ones the case knows, by their value in any common format.

/** 10 digits, with or without spaces or hyphens in the usual 3-3-4 grouping. */
export const NHS_NUMBER = /(?<![\p{N}])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\p{N}])/gu;

/** UK postcodes ("TR1 2AB", "tr12ab"). */
export const POSTCODE = /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/giu;

const STREET_WORDS =
  'Road|Rd|Street|St|Court|Ct|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Place|Pl|Crescent|Terrace|Gardens|Grove|Square|Sq|House|Walk|Hill|Park|Row|Mews|View|Rise|Parade|Estate|Flats|Yard|Green|Cottages';
/** A house number and a street ("flat 6 Tamsin Court", "12a Mill Lane"). */
export const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:flat|apartment|apt|unit|room)\\s+\\d+[a-z]?,?\\s+)?\\d+[a-z]?,?\\s+(?:[\\p{Lu}][\\p{L}'’-]*\\s+){1,3}(?:${STREET_WORDS})\\.?(?![\\p{L}\\p{N}])`,
  'gu',
);

const DATE_SHAPE = String.raw`(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{2,4})`;
/** A date introduced as a date of birth ("DOB 02/03/1980", "born 2nd March 1980"). */
export const LABELLED_DOB = new RegExp(String.raw`(?:\bD\.?O\.?B\.?|\bdate of birth|\bborn(?:\s+on)?)\s*[:\-]?\s*${DATE_SHAPE}`, 'giu');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The ways a known date of birth (YYYY-MM-DD) is written in UK records. */
export function dateSpellings(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso.trim() ? [iso.trim()] : [];
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const dd = d, mm = mo, dn = String(Number(d)), mn = String(Number(mo)), yy = y.slice(2);
  const month = MONTHS[Number(mo) - 1]!;
  const out = new Set<string>([iso]);
  for (const sep of ['/', '.', '-']) for (const day of [dd, dn]) for (const mon of [mm, mn]) for (const year of [y, yy]) out.add(`${day}${sep}${mon}${sep}${year}`);
  for (const day of [dd, dn]) for (const name of [month, month.slice(0, 3)]) for (const year of [y, yy]) {
    out.add(`${day} ${name} ${year}`);
    out.add(`${day}-${name}-${year}`);
  }
  return [...out];
}

/** Literal strings (case-insensitive, any spacing) as one whole-word regex; null when none. */
export function literalsRegex(values: string[]): RegExp | null {
  const clean = [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v.length >= 3))].sort((a, b) => b.length - a.length);
  if (clean.length === 0) return null;
  const alternation = clean.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The parts of a written address worth looking for on their own: each line with a house number,
 * and its street without the number. Towns and counties alone identify nobody and are left.
 */
export function addressParts(address: string): string[] {
  const out = new Set<string>();
  const clean = address.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  out.add(clean);
  for (const line of clean.split(/[,\n]/).map((l) => l.trim())) {
    if (line.length < 4 || !/\d/.test(line)) continue;
    out.add(line);
    const street = line.replace(/^(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?\s+)?\d+[a-z]?\s+/i, '');
    if (street !== line && street.length >= 4) out.add(street);
  }
  return [...out];
}
