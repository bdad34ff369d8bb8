// People named by what they are to someone, not by name: "Mum", "Dad", "FOB", "his wife", "the
// baby", "both parents", "the victim", "the client". Practitioners write a relationship from the
// point of view of the person whose record it is: "Mum" in the daughter's social-care file is the
// daughter's mother (the review's subject), in the subject's own GP record it is the subject's
// mother. So each relationship the chair gave (all relative to the subject: "mother", "husband",
// "daughter") is turned into a relationship to the record's person by composing through the
// subject (the daughter's parent is the subject; the subject's husband is the daughter's parent
// too), and a word names the one person in that relationship to the record's person.
import { differenceInCalendarDays } from 'date-fns';

export type Kin = 'self' | 'parent' | 'child' | 'partner' | 'sibling' | 'grandparent' | 'grandchild' | 'auntuncle';
export type Gender = 'f' | 'm' | null;

interface KinWord {
  kin: Kin;
  gender: Gender;
  /** A plural ("parents", "both children"): every person in that relationship. */
  plural?: true;
  /** An abbreviation that is an ordinary word in lower case ("mob", "pgf"): only in capitals. */
  capitals?: true;
  /** Relative to the baby, whoever's record it is ("FOB": father of baby, in the mother's maternity notes). */
  ofBaby?: true;
}

const w = (kin: Kin, gender: Gender, extra: Partial<KinWord> = {}): KinWord => ({ kin, gender, ...extra });

/** Relationship words as practitioners write them, each with the relationship and sex it implies. */
export const KIN_WORDS: Readonly<Record<string, KinWord>> = {
  mum: w('parent', 'f'), mother: w('parent', 'f'), mom: w('parent', 'f'), mam: w('parent', 'f'), mummy: w('parent', 'f'),
  stepmother: w('parent', 'f'), stepmum: w('parent', 'f'), mob: w('parent', 'f', { capitals: true, ofBaby: true }),
  dad: w('parent', 'm'), father: w('parent', 'm'), daddy: w('parent', 'm'), stepfather: w('parent', 'm'), stepdad: w('parent', 'm'),
  fob: w('parent', 'm', { capitals: true, ofBaby: true }),
  parent: w('parent', null), parents: w('parent', null, { plural: true }),
  daughter: w('child', 'f'), stepdaughter: w('child', 'f'), son: w('child', 'm'), stepson: w('child', 'm'),
  child: w('child', null), children: w('child', null, { plural: true }), kids: w('child', null, { plural: true }),
  wife: w('partner', 'f'), girlfriend: w('partner', 'f'), fiancee: w('partner', 'f'), gf: w('partner', 'f', { capitals: true }),
  husband: w('partner', 'm'), boyfriend: w('partner', 'm'), fiance: w('partner', 'm'), bf: w('partner', 'm', { capitals: true }),
  partner: w('partner', null), spouse: w('partner', null),
  sister: w('sibling', 'f'), stepsister: w('sibling', 'f'), brother: w('sibling', 'm'), stepbrother: w('sibling', 'm'),
  sibling: w('sibling', null), siblings: w('sibling', null, { plural: true }),
  grandmother: w('grandparent', 'f'), grandma: w('grandparent', 'f'), gran: w('grandparent', 'f'), granny: w('grandparent', 'f'),
  nan: w('grandparent', 'f'), nana: w('grandparent', 'f'), nanna: w('grandparent', 'f'),
  mgm: w('grandparent', 'f', { capitals: true }), pgm: w('grandparent', 'f', { capitals: true }),
  grandfather: w('grandparent', 'm'), grandad: w('grandparent', 'm'), granddad: w('grandparent', 'm'), grandpa: w('grandparent', 'm'),
  mgf: w('grandparent', 'm', { capitals: true }), pgf: w('grandparent', 'm', { capitals: true }),
  grandparents: w('grandparent', null, { plural: true }),
  grandson: w('grandchild', 'm'), granddaughter: w('grandchild', 'f'),
  aunt: w('auntuncle', 'f'), auntie: w('auntuncle', 'f'), aunty: w('auntuncle', 'f'), uncle: w('auntuncle', 'm'),
};

/** Words for a baby: the one person in scope who is unborn or under two on the entry's date. */
export const INFANT_WORDS: ReadonlySet<string> = new Set(['baby', 'babies', 'infant', 'newborn', 'unborn', 'neonate']);
/** Words for the person whose record it is (a case-record system's "the client"). */
const RECORD_PERSON_WORDS = new Set(['client', 'patient', 'pop', 'su', 'tenant', 'resident', 'customer']);
/** Words for the person harmed: the review's subject, when an adult (a child's review has other victims: the mother of domestic abuse). */
const VICTIM_WORDS = new Set(['victim', 'ivic']);

const cue = (words: Iterable<string>): RegExp => new RegExp(`(?<!\\p{L})(?:${[...words].join('|')})(?!\\p{L})`, 'iu');
const INFANT_CUE = cue(INFANT_WORDS);
/** Any word match() reads (a hyphenated "step-dad" ends in one). */
const CUE = cue([...Object.keys(KIN_WORDS), ...INFANT_WORDS, ...RECORD_PERSON_WORDS, ...VICTIM_WORDS]);

const INVERSE: Record<Kin, Kin> = {
  self: 'self', parent: 'child', child: 'parent', partner: 'partner', sibling: 'sibling', grandparent: 'grandchild', grandchild: 'grandparent', auntuncle: 'auntuncle',
};

/** X is (F's `a`)'s `b`: what is X to F? null where the step is not one a practitioner would write as a kin word. */
function compose(a: Kin, b: Kin): Kin | null {
  if (a === 'self') return b;
  if (b === 'self') return a;
  const table: Partial<Record<Kin, Partial<Record<Kin, Kin>>>> = {
    parent: { parent: 'grandparent', partner: 'parent', child: 'sibling', sibling: 'auntuncle' },
    partner: { child: 'child' },
    sibling: { parent: 'parent', sibling: 'sibling' },
    // My child's other parent is, as a rule, my partner or ex-partner ("partner Jordan" in the mother's notes).
    child: { child: 'grandchild', parent: 'partner' },
    grandchild: { parent: 'child' },
  };
  return table[a]?.[b] ?? null;
}

export interface KinPerson {
  id: number;
  /** What they are to the review's subject ('self' for the subject); null when unknown. */
  kin: Kin | null;
  gender: Gender;
  dob: string | null;
  /** Initial of their first name, upper case ("K" for Kayleigh). */
  initial?: string;
}

export interface KinMention {
  entryId: number;
  personId: number;
  text: string;
  /** Not written but implied: the person a relationship word was read from ("father" is someone's father). */
  implied?: true;
}

/** The first relationship word in the chair's notes or a name's surroundings, as what the person is to the subject, with the sex it implies. */
export function kinOf(texts: string[]): { kin: Kin; gender: Gender } | null {
  for (const t of texts)
    for (const m of t.matchAll(/\p{L}+/gu)) {
      const word = KIN_WORDS[m[0].toLowerCase()];
      if (word && !word.plural && (!word.capitals || m[0] === m[0].toUpperCase())) return { kin: word.kin, gender: word.gender };
    }
  return null;
}

export class KinMatcher {
  private readonly byId: Map<number, KinPerson>;

  /** `victimId`: whom "the victim" means (the subject the chair named), or null. */
  constructor(
    private readonly people: KinPerson[],
    private readonly victimId: number | null,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
  }

  /** What X is to F (both in scope), through the subject. */
  kinTo(focus: number, x: number): Kin | null {
    if (focus === x) return 'self';
    const f = this.byId.get(focus)?.kin;
    const b = this.byId.get(x)?.kin;
    if (!f || !b) return null;
    return compose(INVERSE[f], b);
  }

  /** The one person in scope unborn or under two on the date, if exactly one. */
  private babyOn(date: string): number | null {
    const babies = this.people.filter((p) => p.dob && infantOn(p.dob, date));
    return babies.length === 1 ? babies[0]!.id : null;
  }

  /**
   * People an entry names by relationship. `focus`: whose record the entry is (the extract's
   * person, or the one person its person column names); `date`: the entry's ISO date;
   * `focusOwnsRecord`: the extract is the focus's own record.
   */
  match(entryId: number, text: string, date: string, focus: number | null, adultSubject: boolean, focusOwnsRecord = false): KinMention[] {
    const out: KinMention[] = [];
    const seen = new Set<number>();
    const push = (personId: number, word: string): void => {
      if (seen.has(personId)) return;
      seen.add(personId);
      out.push({ entryId, personId, text: word });
    };
    // Most entries hold none of the words: one regex test skips them (a case has up to a million).
    const initial = focusOwnsRecord && focus !== null ? this.byId.get(focus)?.initial : undefined;
    if (!CUE.test(text) && !(initial && text.includes(initial))) return out;
    let anchored = false;
    // "Mother and baby well": with the baby in the sentence, "mother" is the baby's, whoever's record it is.
    const babyHere = INFANT_CUE.test(text) ? this.babyOn(date) : null;
    for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)?/gu)) {
      const raw = m[0];
      // In one person's record their first initial alone is them ("K seen alone"); "I" and "A" are words.
      if (raw.length === 1) {
        if (focusOwnsRecord && focus !== null && raw !== 'I' && raw !== 'A' && this.byId.get(focus)?.initial === raw) push(focus, raw);
        continue;
      }
      const lower = raw.toLowerCase();
      const head = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
      if (INFANT_WORDS.has(head)) {
        const baby = this.babyOn(date);
        if (baby !== null) push(baby, raw);
        continue;
      }
      // Short ones are ordinary words in lower case ("su", "pop"): only as written in records ("SU", "PoP").
      if (focus !== null && RECORD_PERSON_WORDS.has(lower) && (lower.length > 3 || raw === raw.toUpperCase() || raw === 'PoP')) {
        push(focus, raw);
        continue;
      }
      if (VICTIM_WORDS.has(lower) && adultSubject && this.victimId !== null) {
        push(this.victimId, raw);
        continue;
      }
      const word = KIN_WORDS[lower] ?? KIN_WORDS[head];
      if (!word || (word.capitals && raw !== raw.toUpperCase())) continue;
      const from = word.ofBaby ? this.babyOn(date) : babyHere !== null && word.kin === 'parent' ? babyHere : focus;
      if (from === null) continue;
      const related = this.people.filter((p) => p.id !== from && this.kinTo(from, p.id) === word.kin && (!word.gender || !p.gender || p.gender === word.gender));
      // "Dad" is the father known to be male before a parent whose sex no record gave.
      const sure = word.gender && !word.plural ? related.filter((p) => p.gender === word.gender) : [];
      const fits = sure.length === 1 ? sure : related;
      if (word.plural ? fits.length >= 1 && fits.length <= 6 : fits.length === 1) {
        for (const p of fits) push(p.id, raw);
        anchored = true;
      }
    }
    // "Father offered a parenting course" in the child's file is about the child as well.
    if (anchored && focus !== null && !seen.has(focus)) out.push({ entryId, personId: focus, text: '', implied: true });
    return out;
  }
}

/** Unborn (due within about ten months) or under two years old on the date. */
function infantOn(dob: string, date: string): boolean {
  const days = differenceInCalendarDays(new Date(`${date.slice(0, 10)}T12:00:00Z`), new Date(`${dob}T12:00:00Z`));
  return days >= -300 && days < 731;
}
