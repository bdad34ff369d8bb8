// The chair's people in scope (review settings) as anchors of resolution: each becomes identity
// keys (the name with the date of birth and NHS number given, and every other name the chair
// wrote: "also known as Dot", "née Marsh"), kept together and apart from the other anchors, so
// the agencies' spellings join the person the chair named. Their role comes from the settings.
import type { PersonRole } from '../../../shared/people.js';
import type { ReviewPerson } from '../../../shared/review.js';
import { addressKey, normaliseNhsNumber } from './identifiers.js';
import { ANCHOR_PREFIX } from './cluster.js';
import { keyOf, type IdentityKey } from './mentions.js';
import { parseName, type ParsedName } from './names.js';

export interface Anchor {
  /** The chair's name for the person, shown as the person's name. */
  name: string;
  role: PersonRole | null;
  dob: string | null;
  nhs: string | null;
  address: string | null;
  /** The keys standing for this person (the first is the main name). */
  keys: IdentityKey[];
}

const ALIAS_LEAD = /^(?:also known as|a\.?k\.?a\.?|known as|goes by|nickname|nick name|called|alias|other names?|previous(?:ly)?(?: known as)?|formerly)\b[:\s]*/i;
const SURNAME_LEAD = /^(?:n[ée]e|maiden name|birth name|previous surname|former surname)\b[:\s]*/i;
const NHS_LIKE = /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/;
const ROLE: Record<ReviewPerson['role'], PersonRole | null> = { subject: 'subject', family: 'family', associate: 'associate', other: null };

export function anchorsFrom(people: readonly ReviewPerson[]): Anchor[] {
  return people.flatMap((p, i) => {
    const name = parseName(p.name);
    if (!name) return [];
    const parts = p.identifiers.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean);
    let nhs: string | null = null;
    let address: string | null = null;
    const aliases: ParsedName[] = [];
    for (const part of parts) {
      const number = part.match(NHS_LIKE);
      if (number && !nhs && normaliseNhsNumber(number[0])) {
        nhs = normaliseNhsNumber(number[0]);
        continue;
      }
      if (SURNAME_LEAD.test(part)) {
        for (const s of listOf(part.replace(SURNAME_LEAD, ''))) {
          const alias = parseName(`${name.given ?? ''} ${s}`.trim());
          if (alias) aliases.push(alias);
        }
        continue;
      }
      if (ALIAS_LEAD.test(part)) {
        for (const a of listOf(part.replace(ALIAS_LEAD, ''))) {
          // One word is a name the person goes by ("Dot"); it keeps the surname, for the join.
          const alias = parseName(/\s/.test(a) ? a : `${a} ${name.surname ?? ''}`.trim());
          if (alias) aliases.push(alias);
        }
        continue;
      }
      if (!address && addressKey(part)) address = part;
    }
    const keys = [name, ...aliases].map((n, j) => ({ ...anchorKey(i, j, n, p.dob, nhs, address), context: p.identifiers }));
    return [{ name: p.name.trim(), role: ROLE[p.role], dob: p.dob, nhs, address, keys }];
  });
}

function listOf(text: string): string[] {
  return text
    .split(/\s*(?:,|\/|\bor\b|\band\b)\s*/i)
    .map((s) => s.replace(/^["'“‘]|["'”’.]$/g, '').trim())
    .filter((s) => /\p{L}/u.test(s));
}

function anchorKey(person: number, n: number, name: ParsedName, dob: string | null, nhs: string | null, address: string | null): IdentityKey {
  const addr = addressKey(address);
  // Counted once: enough to be the group's spelling when nothing else names it, never outvoting an agency.
  return {
    key: `${ANCHOR_PREFIX}${person}:${n}:${keyOf(name, dob, nhs, null)}`,
    name,
    dob,
    nhs,
    agencyId: null,
    addresses: new Set(addr ? [addr] : []),
    addressTexts: new Map(),
    agencies: new Set(),
    count: 1,
    examples: new Map([[name.raw, 1]]),
    firstDate: '9999',
  };
}
