// Column mentions: the names an agency put in its person column, with the row's date of birth, NHS
// number and address when the row names one person only. Identical mentions share an identity key
// so that resolution works on distinct spellings, not on every row (100k rows, a few thousand keys).
import type { Db } from '../db/open-case-db.js';
import { addressKey, normaliseDob, normaliseNhsNumber } from './identifiers.js';
import { dobWrittenWith, parseName, splitPersonCell, type ParsedName } from './names.js';

export interface ColumnMention {
  entryId: number;
  agencyId: number;
  text: string;
  key: string;
}

/** One distinct way a person was recorded: a spelling plus the identifiers that came with it. */
export interface IdentityKey {
  key: string;
  /** Words written around the name where it was found (the chair's notes, "his sister ..."): read for a relationship. */
  context?: string;
  name: ParsedName;
  dob: string | null;
  nhs: string | null;
  /** Without DOB or NHS number a key is per agency: the same bare name in two agencies may be two people. */
  agencyId: number | null;
  addresses: Set<string>;
  /** Addresses as written, with how often. */
  addressTexts: Map<string, number>;
  agencies: Set<number>;
  count: number;
  examples: Map<string, number>;
  firstDate: string;
}

interface EntryPeopleRow {
  id: number;
  agency_id: number;
  date: string;
  person_text: string | null;
  dob: string | null;
  nhs_number: string | null;
  address: string | null;
}

export function keyOf(name: ParsedName, dob: string | null, nhs: string | null, agencyId: number | null): string {
  const given = name.given ?? '';
  const base = `${given}|${name.surname ?? ''}|${name.generation ?? ''}`;
  if (dob || nhs) return `${base}|${dob ?? ''}|${nhs ?? ''}`;
  return `${base}||@${agencyId ?? ''}`;
}

export function readColumnMentions(db: Db): { mentions: ColumnMention[]; keys: Map<string, IdentityKey> } {
  const rows = db
    .prepare(
      `SELECT id, agency_id, date, person_text, dob, nhs_number, address FROM entries
       WHERE active = 1 AND person_text IS NOT NULL ORDER BY date, id`,
    )
    .all() as EntryPeopleRow[];
  const parseCache = new Map<string, { text: string; name: ParsedName }[]>();
  const parsed = rows.map((r) => {
    let names = parseCache.get(r.person_text!);
    if (!names) {
      names = splitPersonCell(r.person_text!)
        .map((text) => ({ text, name: parseName(text) }))
        .filter((n): n is { text: string; name: ParsedName } => n.name !== null);
      markJuniors(names.map((n) => n.name));
      parseCache.set(r.person_text!, names);
    }
    return names;
  });
  settleNameOrder([...parseCache.values()].flat().map((n) => n.name));

  const mentions: ColumnMention[] = [];
  const keys = new Map<string, IdentityKey>();
  const dobOf = cached(normaliseDob);
  const nhsOf = cached(normaliseNhsNumber);
  const addressOf = cached(addressKey);
  rows.forEach((r, i) => {
    const names = parsed[i]!;
    const single = names.length === 1;
    const rowDob = single ? dobOf(r.dob) : null;
    const nhs = single ? nhsOf(r.nhs_number) : null;
    const addr = single ? addressOf(r.address) : null;
    for (const { text, name } of names) {
      // A date of birth written beside the name in the cell belongs to that name, even among several.
      const dob = dobOf(dobWrittenWith(text)) ?? rowDob;
      const agencyScope = dob || nhs ? null : r.agency_id;
      const key = keyOf(name, dob, nhs, agencyScope);
      let k = keys.get(key);
      if (!k) {
        k = { key, name, dob, nhs, agencyId: agencyScope, addresses: new Set(), addressTexts: new Map(), agencies: new Set(), count: 0, examples: new Map(), firstDate: r.date };
        keys.set(key, k);
      }
      k.count++;
      k.agencies.add(r.agency_id);
      if (addr) {
        k.addresses.add(addr);
        const a = r.address!.trim();
        k.addressTexts.set(a, (k.addressTexts.get(a) ?? 0) + 1);
      }
      k.examples.set(text, (k.examples.get(text) ?? 0) + 1);
      if (r.date < k.firstDate) k.firstDate = r.date;
      mentions.push({ entryId: r.id, agencyId: r.agency_id, text, key });
    }
  });
  return { mentions, keys };
}

/**
 * "Trewin Michael" without a comma: when its last word is never anyone's surname but its first
 * word is (elsewhere in the case), the agency wrote the surname first. Names are swapped in place.
 */
function settleNameOrder(names: ParsedName[]): void {
  const surnames = new Set(names.filter((n) => !n.swappable && n.surname).map((n) => n.surname!));
  for (const n of names) {
    if (!n.swappable || !n.given || !n.surname || n.initialOnly) continue;
    if (!surnames.has(n.surname) && surnames.has(n.given)) [n.given, n.surname] = [n.surname, n.given];
  }
}

/** "Michael Trewin; Michael Trewin Snr" in one cell: the unmarked one is the junior. */
function markJuniors(names: ParsedName[]): void {
  for (const marked of names)
    for (const other of names)
      if (marked.generation && !other.generation && other !== marked && other.given === marked.given && other.surname === marked.surname)
        other.generation = marked.generation === 'senior' ? 'junior' : 'senior';
}

/** The same date of birth or address is written on hundreds of rows: read each once. */
function cached(f: (v: string | null) => string | null): (v: string | null) => string | null {
  const seen = new Map<string, string | null>();
  return (v) => {
    if (v === null) return null;
    let out = seen.get(v);
    if (out === undefined) {
      out = f(v);
      seen.set(v, out);
    }
    return out;
  };
}
