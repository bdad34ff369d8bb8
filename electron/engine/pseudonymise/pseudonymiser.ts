// Replaces the case's identifiers in any text: every person's name in every spelling the case
// has by their pseudonym (professionals by "[professional]" unless given a pseudonym), dates of
// birth, NHS numbers, addresses and postcodes by a neutral marker.
import type { Db } from '../db/open-case-db.js';
import { addressParts, dateSpellings, LABELLED_DOB, literalsRegex, NHS_NUMBER, POSTCODE, STREET_ADDRESS } from './identifiers.js';
import { nameVariants, variantKey, variantsRegex } from './name-variants.js';
import type { CasePerson } from './people.js';

export const MARKERS = { name: '[name]', professional: '[professional]', dob: '[date of birth]', nhs: '[NHS number]', address: '[address]', postcode: '[postcode]' } as const;

/** What the case knows that identifies someone: used to replace, and again to check the output. */
export interface CaseIdentifiers {
  names: RegExp | null;
  dobs: RegExp | null;
  addresses: RegExp | null;
  /** Written name (variant key) -> the label it is replaced by. */
  labels: Map<string, string>;
}

/** Split a people column into names: "A; B", "A / B", "A and B"; "SURNAME, Forename" stays whole. */
export function splitPeopleCell(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[;/&\n|]|\band\b/i)) {
    const commaParts = part.split(',').map((s) => s.trim()).filter(Boolean);
    // "Rowan Pellow, Kyle Danner" is two people; "PELLOW, Rowan" is one.
    if (commaParts.length > 1 && commaParts.every((c) => c.split(/\s+/).length >= 2)) out.push(...commaParts);
    else if (part.trim()) out.push(part.trim());
  }
  return out;
}

/** A people-column name without its label, notes or title: "Mother: Mrs Jane Pellow (NOK)" -> "Jane Pellow". */
export function bareName(written: string): string {
  return written
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/^[^:]{2,30}:\s*/, '')
    .replace(/^(?:(?:mr|mrs|ms|miss|mx|dr|pc|ps|dc|ds|sgt|rev)\.?\s+)+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function labelOf(p: CasePerson): string {
  if (p.pseudonym) return p.pseudonym;
  return p.role === 'professional' ? MARKERS.professional : MARKERS.name;
}

export function caseIdentifiers(db: Db, people: CasePerson[]): CaseIdentifiers {
  const owners = new Map<string, Set<string>>();
  const variants: string[] = [];
  const add = (variant: string, label: string): void => {
    const key = variantKey(variant);
    if (!owners.has(key)) {
      owners.set(key, new Set());
      variants.push(variant);
    }
    owners.get(key)!.add(label);
  };
  for (const p of people) for (const v of nameVariants([p.displayName, ...p.aliases])) add(v, labelOf(p));
  // Names written in people columns or found as mentions but not (yet) resolved to a person are
  // still names: they are replaced too, by a neutral marker.
  const mentions = db
    .prepare(
      `SELECT person_text AS t FROM entries WHERE person_text IS NOT NULL AND person_text <> ''
       UNION SELECT mention FROM entry_persons WHERE origin <> 'record'`,
    )
    .all() as { t: string }[];
  const known = new Set(variants.map(variantKey));
  for (const m of mentions) {
    for (const name of splitPeopleCell(m.t)) {
      // Only whole-name forms: a lone word from an unresolved cell ("Mother", "Unknown male")
      // would otherwise blank that word everywhere.
      for (const v of nameVariants([bareName(name)])) if (/[\s,]/.test(v.trim()) && !known.has(variantKey(v))) add(v, MARKERS.name);
    }
  }
  const labels = new Map<string, string>();
  // A spelling two people share ("Pellow" for father and son) is replaced by the neutral marker.
  for (const [key, set] of owners) labels.set(key, set.size === 1 ? [...set][0]! : MARKERS.name);

  const fromEntries = db.prepare(`SELECT dob, address FROM entries WHERE dob IS NOT NULL OR address IS NOT NULL`).all() as { dob: string | null; address: string | null }[];
  const dobs = [...people.flatMap((p) => (p.dob ? dateSpellings(p.dob) : [])), ...fromEntries.flatMap((e) => (e.dob ? [e.dob] : []))];
  const addresses = [...people.flatMap((p) => (p.address ? addressParts(p.address) : [])), ...fromEntries.flatMap((e) => (e.address ? addressParts(e.address) : []))];
  return { names: variantsRegex(variants), dobs: literalsRegex(dobs), addresses: literalsRegex(addresses), labels };
}

export class Pseudonymiser {
  constructor(readonly ids: CaseIdentifiers) {}

  apply(text: string): string;
  apply(text: string | null): string | null;
  apply(text: string | null): string | null {
    if (text === null || text === '') return text;
    let out = text.replace(LABELLED_DOB, MARKERS.dob);
    if (this.ids.dobs) out = out.replace(this.ids.dobs, MARKERS.dob);
    out = out.replace(NHS_NUMBER, MARKERS.nhs);
    if (this.ids.addresses) out = out.replace(this.ids.addresses, MARKERS.address);
    out = out.replace(STREET_ADDRESS, MARKERS.address).replace(POSTCODE, MARKERS.postcode);
    if (this.ids.names) out = out.replace(this.ids.names, (m) => this.ids.labels.get(variantKey(m)) ?? MARKERS.name);
    return out;
  }

  /** A practitioner is shown by role: names replaced, and staff or collar numbers dropped ("PC 4411" -> "PC"). */
  practitioner(text: string | null): string | null {
    if (!text) return text;
    return this.apply(text)
      .replace(/(?<![\p{L}])#?\d{2,}(?![\p{L}])/gu, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  }
}
