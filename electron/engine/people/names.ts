// Reading people's names as agencies write them: "PELLOW, Rowan", "R. Pellow", "Mr rowan  pellow",
// several names in one cell, a role or relationship beside a name.
import type { PersonRole } from '../../../shared/people.js';

export interface ParsedName {
  /** As written (trimmed). */
  raw: string;
  /** Lower-case given name, or its initial when only that was written; null when none. */
  given: string | null;
  /** True when `given` is only an initial. */
  initialOnly: boolean;
  surname: string | null;
  /** Role the agency noted beside the name ("mother", "PC", "associate"). */
  roleHint: PersonRole | null;
  /** "Sr" / "Jr" and the like: two people who share a name. */
  generation: 'senior' | 'junior' | null;
  /** Two words without a comma: the order (given first or surname first) is a guess. */
  swappable: boolean;
  /** A professional's title as written before the name ("PC", "Dr"), lower case. */
  title: string | null;
}

const TITLES = /^(mr|mrs|ms|miss|mx|master|sir|dame|rev|revd)\.?$/i;
const PROFESSIONAL_TITLES = /^(dr|doctor|pc|ps|dc|ds|di|dci|sgt|insp|inspector|sergeant|constable|officer|nurse|sister|sw|cpn|hv|midwife|gp|prof|cllr)\.?$/i;
const FAMILY = /\b(mother|mum|mom|father|dad|son|daughter|brother|sister|sibling|partner|ex-?partner|wife|husband|spouse|girlfriend|boyfriend|grandmother|grandfather|nan|nana|gran|grandad|grandson|granddaughter|aunt|auntie|uncle|niece|nephew|cousin|step-?\w+|carer \(family\)|family)\b/i;
const ASSOCIATE = /\b(associate|friend|mate|lodger|visitor|neighbour|acquaintance|suspect|perpetrator|alleged)\b/i;
const SUBJECT = /\b(subject|patient|client|service user|tenant|victim)\b/i;
const PROFESSIONAL = /\b(social worker|officer|nurse|doctor|gp|practitioner|worker|manager|keyworker|key worker|clinician|paramedic|consultant|therapist|probation|police|housing officer)\b/i;

const PROSE = new Set(['the', 'at', 're', 'and', 'of', 'to', 'in', 'on', 'with', 'for', 'was', 'is', 'called', 'reported', 'seen', 'visit', 'see', 'notes', 'from', 'by', 'his', 'her', 'their']);

/** What agencies write when they have no name: never a person. */
const PLACEHOLDER =
  /^(?:unknown|not known|n\/?k|n\/?a|na|none|nil|not recorded|not given|no name(?: given)?|anon(?:ymous)?|caller|withheld|redacted|male|female|(?:the )?(?:patient|client|tenant|service user|young person|child|victim|subject|offender|resident|customer|pupil)|su|yp|cyp|unnamed|tbc|see notes?|various|others?|family|parents?|children)$/i;

/** A person cell can hold several names: split on ; / & | "and" line breaks, and commas between full names. */
export function splitPersonCell(cell: string): string[] {
  if (PLACEHOLDER.test(cell.trim().replace(/[.\s]+$/, ''))) return [];
  const parts = cell
    .split(/\s*(?:;|\||\n|(?<!\d)\/(?!\d)|&|\band\b|\+)\s*/i) // a slash between digits is a date's
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    // "PELLOW, Rowan" is one name; "Rowan Pellow, Kyle Danner" is two.
    // An address beside the name ("..., 41 Tanner Street") is where, not who.
    let inAddress = false;
    const commaParts = p.split(/\s*,\s*/).filter((c) => {
      // "Flat 7, Kestrel House, Mill Lane": what follows an address's first part is the address too.
      inAddress = isAddressPart(c) || (inAddress && STREET_WORDS.test(c));
      return c && !inAddress;
    });
    if (commaParts.length > 1 && commaParts.every((c) => wordsOf(stripNotes(c)).length >= 2)) out.push(...commaParts);
    else if (commaParts.length) out.push(commaParts.join(', '));
  }
  return out.filter((p) => /\p{L}/u.test(p));
}

const STREET_WORDS = /\b(?:street|st|road|rd|lane|ln|avenue|ave|close|court|ct|crescent|drive|dr|way|place|terrace|grove|gardens|flat|house|estate|square|walk|row|mews|hill|park)\b\.?/i;

/** "41 Tanner Street" or "Flat 7, Kestrel House" beside a name in a persons cell: where, not who. */
function isAddressPart(p: string): boolean {
  const bare = stripNotes(p).trim();
  return /^\d/.test(bare) || (/\d/.test(bare) && STREET_WORDS.test(bare)) || /^flat\b/i.test(bare);
}

const DOB_IN_NOTES = /(?:^|[\s([,;])(?:d\.?o\.?b\.?:?\s*|b\.\s*|born\s+)?(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?=$|[\s)\],;])/i;

/** A date of birth written with a name in a persons cell: "ASHDOWN, Leonard (22/11/1979)", "Kai Marsh DOB 02/01/2004". */
export function dobWrittenWith(name: string): string | null {
  return DOB_IN_NOTES.exec(name)?.[1] ?? null;
}

function stripNotes(s: string): string {
  return s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
}

function wordsOf(s: string): string[] {
  return s
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}.'-]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
}

const clean = (w: string): string =>
  w
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z'-]/g, '')
    .replace(/^['-]+|['-]+$/g, '');

function roleHintOf(s: string, titled: boolean): PersonRole | null {
  if (titled) return 'professional';
  if (FAMILY.test(s)) return 'family';
  if (ASSOCIATE.test(s)) return 'associate';
  if (PROFESSIONAL.test(s)) return 'professional';
  if (SUBJECT.test(s)) return 'subject';
  return null;
}

/** One name as written: "SURNAME, Forename", "Forename Middle Surname", "F. Surname", "Mother: Jane Pellow". */
export function parseName(written: string): ParsedName | null {
  const raw = written.trim().replace(/\s+/g, ' ');
  if (PLACEHOLDER.test(raw.replace(/[.\s]+$/, ''))) return null;
  // "Unknown male ~70s", "Unidentified female": a description, not a name.
  if (/^(?:unknown|unidentified|unnamed|anonymous)\b/i.test(raw)) return null;
  const notes = [...raw.matchAll(/\(([^)]*)\)|\[([^\]]*)\]/g)].map((m) => m[1] ?? m[2] ?? '').join(' ');
  let body = stripNotes(raw);
  // "Mother: Jane Pellow" / "Jane Pellow - mother"
  let label = '';
  const colon = body.match(/^([^:]{2,30}):\s*(.+)$/);
  if (colon) {
    label = colon[1]!;
    body = colon[2]!;
  }
  const dash = body.match(/^(.+?)\s+[-–]\s+(.{2,40})$/);
  if (dash) {
    body = dash[1]!;
    label = `${label} ${dash[2]}`;
  }
  let generation: ParsedName['generation'] = null;
  if (/\b(snr|sr|senior)\b\.?/i.test(body)) generation = 'senior';
  if (/\b(jnr|jr|junior)\b\.?/i.test(body)) generation = 'junior';
  body = body.replace(/\b(snr|sr|senior|jnr|jr|junior)\b\.?/gi, ' ');

  let surnameFirst = false;
  let words: string[];
  const comma = body.match(/^([^,]+),\s*([^,]+)$/);
  if (comma) {
    surnameFirst = true;
    words = [...wordsOf(comma[2]!), ...wordsOf(comma[1]!)];
  } else {
    words = wordsOf(body);
  }
  let titled = false;
  let title: string | null = null;
  while (words.length > 1 && (TITLES.test(words[0]!) || PROFESSIONAL_TITLES.test(words[0]!))) {
    if (PROFESSIONAL_TITLES.test(words[0]!)) {
      titled = true;
      title = words[0]!.replace(/\.$/, '').toLowerCase();
    }
    words.shift();
  }
  // A trailing title in "SURNAME, Forename Mr"
  while (words.length > 1 && TITLES.test(words[words.length - 1]!) && surnameFirst) words.pop();
  if (words.length === 0) return null;
  // "Forename SURNAME" with a surname in capitals already handled by position; a lone word is a given name.
  const tokens = words.map((w) => ({ w, c: clean(w.replace(/\./g, '')) })).filter((t) => t.c);
  // More than five words, or everyday words, is a sentence in the wrong column, not a name.
  if (tokens.length === 0 || tokens.length > 5 || tokens.some((t) => PROSE.has(t.c))) return null;
  let reordered = false;
  if (!surnameFirst && tokens.length >= 2 && isAllCaps(tokens[0]!.w) && !isAllCaps(tokens[tokens.length - 1]!.w) && tokens[0]!.c.length > 1) {
    // "PELLOW Rowan": a capitalised first word among mixed case is the surname.
    tokens.push(tokens.shift()!);
    reordered = true;
  }
  let given: string | null = null;
  let surname: string | null = null;
  if (tokens.length === 1) {
    const only = tokens[0]!;
    if (surnameFirst) surname = only.c;
    else given = only.c;
  } else {
    given = tokens[0]!.c;
    surname = tokens[tokens.length - 1]!.c;
  }
  const initialOnly = given !== null && given.length === 1;
  if (initialOnly && !surname) return null; // "A" alone names nobody
  return {
    raw,
    given,
    initialOnly,
    surname,
    roleHint: roleHintOf(`${label} ${notes}`, titled),
    generation,
    swappable: !surnameFirst && !reordered && tokens.length === 2,
    title,
  };
}

function isAllCaps(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w);
}

/** How a name is shown: "Rowan Pellow". */
export function displayName(n: Pick<ParsedName, 'given' | 'surname' | 'initialOnly'>): string {
  const cap = (s: string): string => s.replace(/(^|[\s'-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  const g = n.given ? (n.initialOnly ? `${n.given.toUpperCase()}.` : cap(n.given)) : '';
  return [g, n.surname ? cap(n.surname) : ''].filter(Boolean).join(' ');
}

/** How a professional is published: by role, never by name. */
export function professionOf(title: string | null): string {
  if (!title) return 'Professional';
  if (/^(pc|ps|dc|ds|di|dci|sgt|insp|inspector|sergeant|constable|officer)$/.test(title)) return 'Police officer';
  if (/^(dr|doctor|gp|prof)$/.test(title)) return 'Doctor';
  if (/^(nurse|sister|cpn|hv|midwife)$/.test(title)) return title === 'midwife' ? 'Midwife' : title === 'hv' ? 'Health visitor' : 'Nurse';
  if (title === 'sw') return 'Social worker';
  if (title === 'cllr') return 'Councillor';
  return 'Professional';
}
