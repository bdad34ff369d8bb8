// Finds missed-signal clusters in one person's classified entries. Pure: no database, so it is
// tested directly and benchmarked at scale. O(n log n) per person: every concern opens a window
// of `spanDays`; windows with concerns from two or more agencies are ranked and the best
// non-overlapping ones are kept; what is left between them is searched again.
import type { SignalSettings } from '../../../shared/signals.js';

export interface SignalPoint {
  id: number;
  /** Days since 1970-01-01 (UTC) of the entry's date. */
  day: number;
  agencyId: number;
  /** 0 when the entry raised no concern. */
  concernSeverity: number;
  isResponse: boolean;
  /**
   * A response: the agencies it can answer (its own, and those it is sent or addressed to), or
   * 'all' for a multi-agency meeting, MARAC or protection plan. Absent: answers any cluster.
   */
  answers?: readonly number[] | 'all';
  /** A response that only told an agency ("GP notified via ePCR"): alone it answers no cluster (see CLUSTER_ANSWER). */
  weak?: boolean;
  /** The linked-event group the entry belongs to (two agencies' records of one event share it). */
  event?: number;
}

/** What bounds a case's clusters beyond the lexicon's settings. */
export interface ClusterBounds {
  /**
   * Day of the death or serious incident: concerns from that day on form no cluster, and responses
   * from that day on answer none before it (the police attending the death answer nothing earlier).
   */
  incidentDay?: number | null;
}

export interface FoundCluster {
  concerns: SignalPoint[];
  /** Responses dated from the first concern to `graceDays` after the last. */
  responses: SignalPoint[];
  /** The responses amount to an answer: one that is more than an agency told, or several that are. */
  answered: boolean;
  fromDay: number;
  toDay: number;
  agencyIds: number[];
  score: number;
  /** 0..1: how much the gaps between concerns shortened (contacts accelerating). */
  escalation: number;
  /** Mean gap in days in the first and second half of the cluster (null when fewer than 3 concerns). */
  gaps: { early: number; late: number } | null;
}

const MAX_PASSES = 4;

/** When a cluster counts as answered: one full response (a referral, information shared, a meeting, an enquiry, a plan), or this many agencies merely told. */
export const CLUSTER_ANSWER = { weakResponsesNeeded: 2 } as const;

/** Clusters of different people are one when this share of the weaker one's concerns are the stronger one's too. */
export const CLUSTER_MERGE = { sharedConcerns: 0.5 } as const;

/** `points` must be sorted by day, then id. */
export function detectClusters(points: readonly SignalPoint[], settings: SignalSettings, bounds: ClusterBounds = {}): FoundCluster[] {
  const cutoff = bounds.incidentDay ?? Number.POSITIVE_INFINITY;
  const concerns = points.filter((p) => p.concernSeverity > 0 && p.day < cutoff);
  const responses = points.filter((p) => p.isResponse && p.day < cutoff);
  const windows: [number, number][] = [];
  findWindows(concerns, 0, concerns.length, settings.spanDays, windows, 1);
  return windows.map(([a, b]) => describe(concerns.slice(a, b + 1), responses, settings)).filter((f) => distinctEvents(f.concerns) >= 2);
}

/** One event recorded by two agencies is not several agencies seeing concerns: linked entries count once. */
function distinctEvents(concerns: readonly SignalPoint[]): number {
  return new Set(concerns.map((p) => p.event ?? -p.id)).size;
}

/** A response answers a cluster when it comes from, or is addressed to, one of the cluster's agencies. */
function answersCluster(r: SignalPoint, agencyIds: readonly number[]): boolean {
  if (r.answers === undefined || r.answers === 'all') return true;
  return r.answers.some((a) => agencyIds.includes(a));
}

/** Adds to `out` the chosen windows (inclusive index ranges) among concerns[lo, hi). */
function findWindows(c: readonly SignalPoint[], lo: number, hi: number, span: number, out: [number, number][], pass: number): void {
  if (hi - lo < 2) return;
  // Sliding window: for each start i, the last j within `span` days and the distinct agencies.
  const candidates: { a: number; b: number; key: number }[] = [];
  const perAgency = new Map<number, number>();
  const sevPrefix = new Float64Array(hi - lo + 1);
  for (let k = lo; k < hi; k++) sevPrefix[k - lo + 1] = sevPrefix[k - lo]! + c[k]!.concernSeverity;
  let j = lo - 1;
  for (let i = lo; i < hi; i++) {
    while (j + 1 < hi && c[j + 1]!.day - c[i]!.day <= span) {
      j++;
      perAgency.set(c[j]!.agencyId, (perAgency.get(c[j]!.agencyId) ?? 0) + 1);
    }
    if (perAgency.size >= 2) {
      // More agencies first, then more (and more severe) concerns; earlier on ties.
      candidates.push({ a: i, b: j, key: perAgency.size * 1e6 + (sevPrefix[j - lo + 1]! - sevPrefix[i - lo]!) });
    }
    const left = c[i]!.agencyId;
    const n = perAgency.get(left)! - 1;
    if (n === 0) perAgency.delete(left);
    else perAgency.set(left, n);
  }
  if (candidates.length === 0) return;
  candidates.sort((x, y) => y.key - x.key || x.a - y.a);
  // Accept the best windows that overlap none already accepted. Accepted windows are disjoint
  // index ranges, so [a, b] overlaps one iff a lies inside one or one starts within (a, b].
  const taken = new Uint8Array(hi - lo);
  const starts = new Fenwick(hi - lo);
  const accepted: [number, number][] = [];
  for (const { a, b } of candidates) {
    if (taken[a - lo] || starts.sum(a - lo + 1, b - lo) > 0) continue;
    for (let k = a; k <= b; k++) taken[k - lo] = 1;
    starts.add(a - lo);
    accepted.push([a, b]);
  }
  accepted.sort((x, y) => x[0] - y[0]);
  out.push(...accepted);
  if (pass >= MAX_PASSES) return;
  // Concerns between accepted windows may still hold a cluster of their own.
  let from = lo;
  for (const [a, b] of accepted) {
    findWindows(c, from, a, span, out, pass + 1);
    from = b + 1;
  }
  findWindows(c, from, hi, span, out, pass + 1);
}

function describe(concerns: SignalPoint[], allResponses: readonly SignalPoint[], settings: SignalSettings): FoundCluster {
  const fromDay = concerns[0]!.day;
  const toDay = concerns[concerns.length - 1]!.day;
  const agencyIds = [...new Set(concerns.map((p) => p.agencyId))];
  const responses = allResponses
    .slice(lowerBound(allResponses, fromDay), lowerBound(allResponses, toDay + settings.graceDays + 1))
    .filter((r) => answersCluster(r, agencyIds));
  const answered = responses.some((r) => !r.weak) || responses.length >= CLUSTER_ANSWER.weakResponsesNeeded;
  const { escalation, gaps } = acceleration(concerns);
  const severity = concerns.reduce((s, p) => s + p.concernSeverity, 0);
  const weeks = Math.max(1, (toDay - fromDay + 1) / 7);
  const strength =
    (Math.min(agencyIds.length, 5) / 5) * 40 + Math.min(severity / 12, 1) * 25 + Math.min(concerns.length / weeks / 3, 1) * 15 + escalation * 20;
  // A cluster that got a response is shown, but ranked below the ones nobody answered.
  const score = Math.round(strength * (answered ? 0.5 : 1) * 10) / 10;
  return { concerns, responses, answered, fromDay, toDay, agencyIds, score, escalation, gaps };
}

function acceleration(concerns: SignalPoint[]): { escalation: number; gaps: FoundCluster['gaps'] } {
  if (concerns.length < 3) return { escalation: 0, gaps: null };
  const g: number[] = [];
  for (let k = 1; k < concerns.length; k++) g.push(concerns[k]!.day - concerns[k - 1]!.day);
  const half = Math.floor(g.length / 2);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const early = mean(g.slice(0, Math.max(1, half)));
  const late = mean(g.slice(Math.max(1, half)));
  const escalation = early > 0 ? Math.max(0, Math.min(1, 1 - late / early)) : 0;
  return { escalation, gaps: { early, late } };
}

function lowerBound(xs: readonly SignalPoint[], day: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts of accepted window starts, to test "does any start fall in (a, b]" in O(log n). */
class Fenwick {
  private readonly t: Int32Array;
  constructor(n: number) {
    this.t = new Int32Array(n + 1);
  }
  add(i: number): void {
    for (let k = i + 1; k < this.t.length; k += k & -k) this.t[k]!++;
  }
  private prefix(i: number): number {
    let s = 0;
    for (let k = i; k > 0; k -= k & -k) s += this.t[k]!;
    return s;
  }
  /** Starts at indices lo..hi inclusive. */
  sum(lo: number, hi: number): number {
    return hi < lo ? 0 : this.prefix(hi + 1) - this.prefix(lo);
  }
}

export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
