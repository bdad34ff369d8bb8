// Links entries from different agencies that record one real-world event: an ambulance call and
// the ED arrival that night, a referral sent and received, a joint visit, an arrest and probation's
// note of it, a multi-agency meeting minuted by each, one injury seen by ambulance, ED and GP.
// Each candidate pair is scored from generic evidence (link-weights.ts): contact types that fit one
// event, time apart, the distinctive words both texts use (TF-IDF), one naming the other's agency,
// one writing the other's date, and whether they name the same people (entry_persons): a cost
// when they name different ones, since one meeting about a family is minuted under each child. Candidates come from a date-sorted sweep with a bounded number per entry, so the
// cost stays near-linear in the case size.
import type { CaseFile } from '../case-file.js';
import { agencyKind, cuesOf, MEETING, namedBy, type AgencyKind, type Cues } from './event-cues.js';
import { loadRejections, rowKeys } from './link-decisions.js';
import { EVIDENCE_WINDOW_DAYS, HOUSEHOLD_EVENTS, LINK_THRESHOLD, LINK_WEIGHTS, LINK_WINDOW_DAYS, MAX_CANDIDATES_PER_ENTRY, timeScore } from './link-weights.js';
import { TextVectors } from './text-vectors.js';
import { datesWritten } from './dates-written.js';

interface Ev {
  id: number;
  agency: string;
  agencyId: number;
  kind: AgencyKind;
  /** Minutes since 1970 of the local date and time (noon when no time). */
  at: number;
  timed: boolean;
  cues: Cues;
  /** Its people (usually one or two). */
  people: number[];
  date: string;
  /** Local calendar day number (days since 1970). */
  day: number;
  /** Agencies of the case this entry's text names, by kind ("referral from Children's Services") or by name. */
  names: number[] | null;
  /** Days its text writes ("re incident 14/06/19"), or null for none. */
  dates: Set<string> | null;
  /** Any contact-type cue at all: only then can it be one end of a cue pair. */
  cued: boolean;
  /** Its text's handle in the case's TextVectors. */
  slot: number;
}

interface Pair {
  a: number;
  b: number;
  agencyA: number;
  agencyB: number;
  score: number;
  kind: string;
  reason: string;
  /** Minutes between the two entries. */
  gap: number;
  /** For a call and an arrival: the calling agency, and the arrival. */
  callAgency: number;
  arrival: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

export function linkEvents(caseFile: CaseFile): { links: number } {
  const vectors = new TextVectors();
  const events = loadEvents(caseFile, vectors);
  const pairs = candidatePairs(events, vectors);
  write(caseFile, withoutRejected(caseFile, nearestCallOnly(pairs)));
  return { links: pairs.length };
}

/** Entries with a day-precise date, read for linking, in time order. */
function loadEvents(caseFile: CaseFile, vectors: TextVectors): Ev[] {
  const db = caseFile.db;
  const people = new Map<number, number[]>();
  for (const r of db.prepare('SELECT entry_id, person_id FROM entry_persons').iterate() as IterableIterator<{ entry_id: number; person_id: number }>) {
    const s = people.get(r.entry_id);
    if (!s) people.set(r.entry_id, [r.person_id]);
    else if (!s.includes(r.person_id)) s.push(r.person_id);
  }
  const agencies = (db.prepare('SELECT id, name FROM agencies').all() as { id: number; name: string }[]).map((a) => {
    const kind = agencyKind(a.name);
    return { id: a.id, name: a.name, kind, lower: a.name.toLowerCase(), named: namedBy(kind), minutes: MEETING.test(a.name) };
  });
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const events: Ev[] = [];
  const rows = db
    .prepare(`SELECT id, agency_id, date, time, coalesce(contact_type, '') AS contact_type, text FROM entries WHERE active = 1 AND precision = 'day'`)
    .iterate() as IterableIterator<{ id: number; agency_id: number; date: string; time: string | null; contact_type: string; text: string }>;
  for (const r of rows) {
    const p = people.get(r.id) ?? [];
    const agency = byId.get(r.agency_id)!;
    const text = `${r.contact_type} ${r.text}`;
    const lower = text.toLowerCase();
    const cues = cuesOf(agency.kind, r.contact_type, r.text);
    if (agency.minutes) cues.meeting = true; // every row of a meeting's minutes is that meeting
    let names: number[] | null = null;
    for (const a of agencies) if (a.id !== r.agency_id && (a.named?.test(text) || (a.name.length >= 4 && lower.includes(a.lower)))) (names ??= []).push(a.id);
    const dates = datesWritten(text, r.date);
    const at = minutesOf(r.date, r.time);
    events.push({
      id: r.id,
      agency: agency.name,
      agencyId: r.agency_id,
      kind: agency.kind,
      at,
      day: Math.floor(at / DAY),
      timed: r.time !== null,
      cues,
      people: p,
      date: r.date,
      names,
      dates: dates.size ? dates : null,
      cued: hasCue(cues),
      slot: vectors.add(text),
    });
  }
  return events.sort((x, y) => x.at - y.at);
}

/**
 * Two sweeps per entry: every entry within a few days (evidence of any kind), then, for an entry
 * with a contact-type cue, the cued entries up to the longer window (a referral received days later).
 */
function candidatePairs(events: Ev[], vectors: TextVectors): Pair[] {
  const near = (EVIDENCE_WINDOW_DAYS + 1) * DAY;
  const cued = events.filter((e) => e.cued);
  const pairs: Pair[] = [];
  let from = 0;
  for (let i = 0; i < events.length; i++) {
    const a = events[i]!;
    let seen = 0;
    for (let j = i + 1; j < events.length && seen < MAX_CANDIDATES_PER_ENTRY; j++) {
      const b = events[j]!;
      if (b.at - a.at > near) break;
      if (a.agencyId === b.agencyId) continue;
      seen++;
      const pair = scorePair(a, b, vectors);
      if (pair) pairs.push(pair);
    }
    if (!a.cued) continue;
    while (from < cued.length && cued[from]!.at - a.at <= near) from++;
    for (let k = from; k < cued.length && seen < MAX_CANDIDATES_PER_ENTRY; k++) {
      const b = cued[k]!;
      if (b.at - a.at > LINK_WINDOW_DAYS * DAY) break;
      if (a.agencyId === b.agencyId) continue;
      seen++;
      const pair = scorePair(a, b, vectors);
      if (pair) pairs.push(pair);
    }
  }
  return pairs;
}

/** The evidence that two entries record one event, as a link when it reaches the threshold. */
function scorePair(a: Ev, b: Ev, vectors: TextVectors): Pair | null {
  const forward = a.cued || b.cued ? sameEvent(a, b) : null;
  const cue = forward ?? (a.cued || b.cued ? sameEvent(b, a) : null);
  const dayGap = b.day - a.day;
  if (!cue && dayGap > EVIDENCE_WINDOW_DAYS) return null;
  const gap = b.at - a.at;
  const time = timeScore(gap, a.timed && b.timed, dayGap);
  const named = (a.names?.includes(b.agencyId) ?? false) || (b.names?.includes(a.agencyId) ?? false);
  const dated = (a.dates?.has(b.date) ?? false) || (b.dates?.has(a.date) ?? false);
  const W = LINK_WEIGHTS;
  const differ = cue && HOUSEHOLD_EVENTS.has(cue.kind) ? W.peopleDiffer : W.peopleDifferPersonal;
  const persons = a.people.length === 0 || b.people.length === 0 ? W.personUnknown : sharePerson(a.people, b.people) ? 0 : differ;
  const without = (cue ? (cue.kind === 'arrest' ? W.arrestCue : W.cue) : 0) + time * W.time + (named ? W.namesAgency : 0) + (dated ? W.writesDate : 0) + persons;
  // Most pairs cannot reach the threshold even with identical texts: skip the comparison.
  if (without + W.text < LINK_THRESHOLD) return null;
  const cosine = vectors.cosine(a.slot, b.slot);
  const score = without + cosine * W.text;
  if (score < LINK_THRESHOLD) return null;
  const [first, second] = forward || !cue ? [a, b] : [b, a];
  const why = [
    cue?.reason,
    describeTime(gap, a.timed && b.timed, dayGap),
    cosine >= 0.15 ? `both mention ${vectors.sharedWords(a.slot, b.slot).join(', ')}` : null,
    named ? 'one names the other agency' : null,
    dated ? "one gives the other's date" : null,
    persons < 0 && persons !== W.personUnknown ? 'different people named' : null,
  ].filter(Boolean);
  return { a: a.id, b: b.id, agencyA: a.agencyId, agencyB: b.agencyId, score, gap: Math.abs(gap), callAgency: first.agencyId, arrival: second.id, kind: cue?.kind ?? 'same_event', reason: why.join('; ') };
}

/** Minutes since 1970 of a local ISO date and HH:MM time (noon when there is none), without Date parsing. */
function minutesOf(date: string, time: string | null): number {
  const days = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
  const minutes = time ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) : 12 * 60;
  return days * DAY + minutes;
}

function hasCue(c: Cues): boolean {
  return Boolean(c.call || c.edArrival || c.referralOut || c.referralIn || c.jointVisit || c.arrest || c.meeting || c.hearing);
}

function sharePerson(a: number[], b: number[]): boolean {
  if (a.length === 1 && b.length === 1) return a[0] === b[0];
  for (const p of a) if (b.includes(p)) return true;
  return false;
}

function describeTime(minutes: number, timed: boolean, dayGap: number): string {
  if (timed && Math.abs(minutes) < DAY) {
    const m = Math.round(Math.abs(minutes));
    return m < 120 ? `${m} minutes apart` : `${Math.round(m / 60)} hours apart`;
  }
  return describeGap(Math.abs(dayGap)).replace('later', 'apart');
}

/** Second follows first within `days` days: by the clock when both have times, else by the date. */
function follows(timed: boolean, gap: number, dayGap: number, days: number): boolean {
  return timed ? gap >= -HOUR && gap <= days * DAY : dayGap >= 0 && dayGap <= days;
}

/** Why `first` and `second` are one event, or null. `second` may be earlier (the caller tries both orders). */
function sameEvent(first: Ev, second: Ev): { kind: string; reason: string } | null {
  const gap = second.at - first.at; // minutes, second after first when positive
  const dayGap = second.day - first.day;
  const sameDay = dayGap === 0;
  const timed = first.timed && second.timed;
  if (first.cues.call && (first.kind === 'ambulance' || first.kind === 'police') && second.cues.edArrival && (second.kind === 'ed' || second.kind === 'hospital')) {
    const near = first.timed && second.timed ? gap >= -HOUR && gap <= 8 * HOUR : gap >= 0 && gap <= DAY;
    if (near) return { kind: 'ambulance_ed', reason: `${first.agency} call and ${second.agency} arrival the same night` };
  }
  if (first.cues.referralOut && second.cues.referralIn && follows(timed, gap, dayGap, 3)) {
    const target = first.cues.referralOut;
    if (target === 'any' || target === second.kind) {
      return { kind: 'referral', reason: `Referral sent by ${first.agency} and received by ${second.agency} ${describeGap(dayGap)}` };
    }
  }
  if (first.cues.jointVisit && second.cues.jointVisit && Math.abs(gap) <= DAY && (sameDay || !first.timed || !second.timed)) {
    return { kind: 'joint_visit', reason: `Joint visit recorded by ${first.agency} and ${second.agency}` };
  }
  if (first.kind === 'police' && first.cues.arrest && second.cues.arrest && second.kind !== 'police' && follows(timed, gap, dayGap, 7)) {
    return { kind: 'arrest', reason: `Arrest recorded by ${first.agency} and noted by ${second.agency} ${describeGap(dayGap)}` };
  }
  if (first.cues.meeting && second.cues.meeting && sameDay) {
    return { kind: 'meeting', reason: `The same multi-agency meeting recorded by ${first.agency} and ${second.agency}` };
  }
  if (first.cues.hearing && second.cues.hearing && sameDay) {
    return { kind: 'hearing', reason: `The same court hearing recorded by ${first.agency} and ${second.agency}` };
  }
  return null;
}

function describeGap(days: number): string {
  return days <= 0 ? 'the same day' : days === 1 ? 'a day later' : `${days} days later`;
}

/** Drop pairs the chair said are not one event (both rows in one rejected group). */
function withoutRejected(caseFile: CaseFile, pairs: Pair[]): Pair[] {
  const rejected = loadRejections(caseFile.db);
  if (rejected.length === 0 || pairs.length === 0) return pairs;
  const keys = rowKeys(caseFile.db, [...new Set(pairs.flatMap((p) => [p.a, p.b]))]);
  const groupsOf = new Map<string, number[]>();
  rejected.forEach((g, i) => g.forEach((k) => groupsOf.set(k, [...(groupsOf.get(k) ?? []), i])));
  return pairs.filter((p) => {
    const ga = groupsOf.get(keys.get(p.a) ?? '') ?? [];
    const gb = groupsOf.get(keys.get(p.b) ?? '') ?? [];
    return !ga.some((g) => gb.includes(g));
  });
}

/** An arrival at ED belongs to the last call before it: of several calls from one agency, keep the nearest. */
function nearestCallOnly(pairs: Pair[]): Pair[] {
  const best = new Map<string, Pair>();
  for (const p of pairs) {
    if (p.kind !== 'ambulance_ed') continue;
    const key = `${p.arrival}:${p.callAgency}`;
    const cur = best.get(key);
    if (!cur || p.gap < cur.gap) best.set(key, p);
  }
  return pairs.filter((p) => p.kind !== 'ambulance_ed' || best.get(`${p.arrival}:${p.callAgency}`) === p);
}

/**
 * Pairs that share an entry become one link (an ambulance call, the ED arrival and the police
 * attendance), strongest pairs first, and never two entries of one agency in a link: an incident,
 * the referral it led to and that referral's receipt are three events, though each pair shares a
 * date or a person.
 */
function write(caseFile: CaseFile, pairs: Pair[]): void {
  const parent = new Map<number, number>();
  const agenciesOf = new Map<number, Set<number>>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const kept: Pair[] = [];
  for (const p of [...pairs].sort((x, y) => y.score - x.score)) {
    for (const [e, agency] of [[p.a, p.agencyA], [p.b, p.agencyB]] as const)
      if (!parent.has(e)) {
        parent.set(e, e);
        agenciesOf.set(e, new Set([agency]));
      }
    const [ra, rb] = [find(p.a), find(p.b)];
    if (ra === rb) {
      kept.push(p);
      continue;
    }
    const [sa, sb] = [agenciesOf.get(ra)!, agenciesOf.get(rb)!];
    if ([...sa].some((x) => sb.has(x))) continue;
    parent.set(ra, rb);
    for (const x of sa) sb.add(x);
    agenciesOf.delete(ra);
    kept.push(p);
  }
  const groups = new Map<number, { entries: Set<number>; kinds: Set<string>; reasons: Set<string> }>();
  for (const p of kept) {
    const root = find(p.a);
    const g = groups.get(root) ?? { entries: new Set(), kinds: new Set(), reasons: new Set() };
    g.entries.add(p.a).add(p.b);
    g.kinds.add(p.kind);
    g.reasons.add(p.reason);
    groups.set(root, g);
  }
  const db = caseFile.db;
  db.transaction(() => {
    db.exec('DELETE FROM link_entries; DELETE FROM links;');
    const link = db.prepare('INSERT INTO links(kind, reason) VALUES (?, ?)');
    const member = db.prepare('INSERT INTO link_entries(link_id, entry_id) VALUES (?, ?)');
    const ordered = [...groups.values()].sort((x, y) => Math.min(...x.entries) - Math.min(...y.entries));
    for (const g of ordered) {
      const id = Number(link.run([...g.kinds].join(','), [...g.reasons].join('; ')).lastInsertRowid);
      for (const e of [...g.entries].sort((x, y) => x - y)) member.run(id, e);
    }
  })();
}
