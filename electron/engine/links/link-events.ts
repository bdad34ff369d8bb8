// Links entries from different agencies that record one real-world event: an ambulance call and
// the ED arrival that night, a referral sent and received, a joint visit, an arrest and probation's
// note of it, a multi-agency meeting minuted by each, one injury seen by ambulance, ED and GP.
// Only entries that share a person (from entry_persons) are candidates. Each candidate pair is
// scored from generic evidence (link-weights.ts): contact types that fit one event, time apart,
// the distinctive words both texts use (TF-IDF), one naming the other's agency, one writing the
// other's date. Candidates come from a date-sorted sweep with a bounded number per entry, so the
// cost stays near-linear in the case size.
import type { CaseFile } from '../case-file.js';
import { agencyKind, cuesOf, namesAgencyKind, type AgencyKind, type Cues } from './event-cues.js';
import { loadRejections, rowKeys } from './link-decisions.js';
import { EVIDENCE_WINDOW_DAYS, LINK_THRESHOLD, LINK_WEIGHTS, LINK_WINDOW_DAYS, MAX_CANDIDATES_PER_ENTRY, timeScore } from './link-weights.js';
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
  people: Set<number>;
  date: string;
  /** Agencies of the case this entry's text names, by kind ("referral from Children's Services") or by name. */
  names: Set<number>;
  /** Days its text writes ("re incident 14/06/19"). */
  dates: Set<string>;
  /** Any contact-type cue at all: only then can it be one end of a cue pair. */
  cued: boolean;
}

interface Pair {
  a: number;
  b: number;
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
  const db = caseFile.db;
  const people = new Map<number, Set<number>>();
  for (const r of db.prepare('SELECT entry_id, person_id FROM entry_persons').iterate() as IterableIterator<{ entry_id: number; person_id: number }>) {
    const s = people.get(r.entry_id);
    if (s) s.add(r.person_id);
    else people.set(r.entry_id, new Set([r.person_id]));
  }
  const kinds = new Map<number, AgencyKind>();
  const events: Ev[] = [];
  const vectors = new TextVectors();
  const rows = db
    .prepare(
      `SELECT e.id, e.agency_id, a.name AS agency, e.date, e.time, coalesce(e.contact_type, '') AS contact_type, e.text
       FROM entries e JOIN agencies a ON a.id = e.agency_id WHERE e.active = 1 AND e.precision = 'day' ORDER BY e.date, e.time`,
    )
    .iterate() as IterableIterator<{ id: number; agency_id: number; agency: string; date: string; time: string | null; contact_type: string; text: string }>;
  const agencies = db.prepare('SELECT id, name FROM agencies').all() as { id: number; name: string }[];
  for (const a of agencies) kinds.set(a.id, agencyKind(a.name));
  for (const r of rows) {
    const p = people.get(r.id);
    if (!p) continue;
    const kind = kinds.get(r.agency_id)!;
    const text = `${r.contact_type} ${r.text}`;
    vectors.add(r.id, text);
    const at = Date.parse(`${r.date}T${r.time ?? '12:00'}:00Z`) / 60000;
    const lower = text.toLowerCase();
    const cues = cuesOf(kind, r.contact_type, r.text);
    const names = new Set<number>();
    for (const a of agencies) if (a.id !== r.agency_id && (namesAgencyKind(text, kinds.get(a.id)!) || (a.name.length >= 4 && lower.includes(a.name.toLowerCase())))) names.add(a.id);
    events.push({ id: r.id, agency: r.agency, agencyId: r.agency_id, kind, at, timed: r.time !== null, cues, people: p, date: r.date, names, dates: datesWritten(text), cued: hasCue(cues) });
  }
  events.sort((x, y) => x.at - y.at);

  // Two sweeps per entry: every entry within a few days (evidence of any kind), then, for an entry
  // with a contact-type cue, the cued entries up to the longer window (a referral received days later).
  const near = (EVIDENCE_WINDOW_DAYS + 1) * DAY;
  const cued = events.filter((e) => e.cued);
  const pairs: Pair[] = [];
  let from = 0;
  for (let i = 0; i < events.length; i++) {
    const a = events[i]!;
    let seen = 0;
    const consider = (b: Ev): void => {
      if (a.agencyId === b.agencyId || !sharePerson(a, b)) return;
      seen++;
      const pair = scorePair(a, b, vectors);
      if (pair) pairs.push(pair);
    };
    for (let j = i + 1; j < events.length && events[j]!.at - a.at <= near && seen < MAX_CANDIDATES_PER_ENTRY; j++) consider(events[j]!);
    if (!a.cued) continue;
    while (from < cued.length && cued[from]!.at - a.at <= near) from++;
    for (let k = from; k < cued.length && cued[k]!.at - a.at <= LINK_WINDOW_DAYS * DAY && seen < MAX_CANDIDATES_PER_ENTRY; k++) consider(cued[k]!);
  }
  write(caseFile, withoutRejected(caseFile, nearestCallOnly(pairs)));
  return { links: pairs.length };
}

/** The evidence that two entries record one event, as a link when it reaches the threshold. */
function scorePair(a: Ev, b: Ev, vectors: TextVectors): Pair | null {
  const forward = a.cued || b.cued ? sameEvent(a, b) : null;
  const cue = forward ?? (a.cued || b.cued ? sameEvent(b, a) : null);
  const dayGap = Math.floor(b.at / DAY) - Math.floor(a.at / DAY);
  if (!cue && dayGap > EVIDENCE_WINDOW_DAYS) return null;
  const gap = b.at - a.at;
  const time = timeScore(gap, a.timed && b.timed, dayGap);
  const named = a.names.has(b.agencyId) || b.names.has(a.agencyId);
  const dated = a.dates.has(b.date) || b.dates.has(a.date);
  const W = LINK_WEIGHTS;
  const without = (cue ? W.cue : 0) + time * W.time + (named ? W.namesAgency : 0) + (dated ? W.writesDate : 0);
  // Most pairs cannot reach the threshold even with identical texts: skip the comparison.
  if (without + W.text < LINK_THRESHOLD) return null;
  const { cosine, shared } = vectors.similarity(a.id, b.id);
  const score = without + cosine * W.text;
  if (score < LINK_THRESHOLD) return null;
  const [first, second] = forward || !cue ? [a, b] : [b, a];
  const why = [
    cue?.reason,
    describeTime(gap, a.timed && b.timed, dayGap),
    shared.length && cosine >= 0.15 ? `both mention ${shared.join(', ')}` : null,
    named ? 'one names the other agency' : null,
    dated ? "one gives the other's date" : null,
  ].filter(Boolean);
  return { a: a.id, b: b.id, gap: Math.abs(gap), callAgency: first.agencyId, arrival: second.id, kind: cue?.kind ?? 'same_event', reason: why.join('; ') };
}

function hasCue(c: Cues): boolean {
  return Boolean(c.call || c.edArrival || c.referralOut || c.referralIn || c.jointVisit || c.arrest || c.meeting);
}

function sharePerson(a: Ev, b: Ev): boolean {
  for (const p of a.people) if (b.people.has(p)) return true;
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
  const dayGap = Math.floor(second.at / DAY) - Math.floor(first.at / DAY);
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

/** Pairs that share an entry become one link (an ambulance call, the ED arrival and the police attendance). */
function write(caseFile: CaseFile, pairs: Pair[]): void {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    parent.set(find(p.a), find(p.b));
  }
  const groups = new Map<number, { entries: Set<number>; kinds: Set<string>; reasons: Set<string> }>();
  for (const p of pairs) {
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
