// Identifiers that tell people apart: NHS number (with its modulus-11 check digit), date of birth,
// address. A number that fails its check digit is a typo, not an identifier: it neither joins
// nor separates people.
import { parseDate } from '../import/dates.js';

/** The 10 digits of a valid NHS number, or null. */
export function normaliseNhsNumber(text: string | null | undefined): string | null {
  if (!text) return null;
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return nhsCheckDigitValid(digits) ? digits : null;
}

/** NHS Digital's modulus 11: weights 10..2 on the first nine digits; 11 - (sum mod 11), 11 -> 0, 10 invalid. */
export function nhsCheckDigitValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === Number(digits[9]);
}

/** A date of birth as YYYY-MM-DD when it names one exact day; otherwise null. */
export function normaliseDob(text: string | null | undefined): string | null {
  if (!text?.trim()) return null;
  const p = parseDate(text.trim());
  if ('error' in p || p.precision !== 'day') return null;
  return p.date;
}

const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i;

/** A comparable form of an address: its postcode, else house number and first street word. */
export function addressKey(text: string | null | undefined): string | null {
  if (!text?.trim()) return null;
  const pc = text.match(POSTCODE);
  if (pc) return `pc:${pc[1]!.toUpperCase()}${pc[2]!.toUpperCase()}`;
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const num = words.find((w) => /^\d+[a-z]?$/.test(w));
  const street = words.find((w) => /^[a-z]{3,}$/.test(w) && !['flat', 'the', 'apartment', 'house', 'room'].includes(w));
  return num && street ? `ad:${num} ${street}` : null;
}
