import { describe, expect, it } from 'vitest';
import { dayNumber, detectClusters, type SignalPoint } from '../../electron/engine/signals/detect';

const settings = { spanDays: 30, graceDays: 14, readByModel: true };
let nextId = 1;
const concern = (date: string, agencyId: number, severity = 2): SignalPoint => ({ id: nextId++, day: dayNumber(date), agencyId, concernSeverity: severity, isResponse: false });
const response = (date: string, agencyId: number): SignalPoint => ({ id: nextId++, day: dayNumber(date), agencyId, concernSeverity: 0, isResponse: true });
const sorted = (ps: SignalPoint[]) => [...ps].sort((a, b) => a.day - b.day || a.id - b.id);

describe('finding clusters in one person’s signals', () => {
  it('needs concerns from two agencies within the span', () => {
    expect(detectClusters(sorted([concern('2023-03-01', 1), concern('2023-03-20', 2)]), settings)).toHaveLength(1);
    expect(detectClusters(sorted([concern('2023-03-01', 1), concern('2023-04-15', 2)]), settings)).toHaveLength(0);
    expect(detectClusters(sorted([concern('2023-03-01', 1), concern('2023-03-05', 1), concern('2023-03-09', 1)]), settings)).toHaveLength(0);
  });

  it('marks a cluster responded when any agency responds in the window or the grace after it', () => {
    const base = [concern('2023-03-01', 1), concern('2023-03-10', 2)];
    const [missed] = detectClusters(sorted([...base, response('2023-03-30', 3)]), settings);
    expect(missed!.responses).toHaveLength(0);
    const [answered] = detectClusters(sorted([...base, response('2023-03-20', 3)]), settings);
    expect(answered!.responses).toHaveLength(1);
    expect(answered!.score).toBeLessThan(missed!.score);
    // a response before the first concern does not answer it
    expect(detectClusters(sorted([...base, response('2023-02-20', 3)]), settings)[0]!.responses).toHaveLength(0);
  });

  it('ranks more agencies, more severe and accelerating contacts higher', () => {
    const two = detectClusters(sorted([concern('2023-01-01', 1, 1), concern('2023-01-20', 2, 1)]), settings)[0]!;
    const four = detectClusters(sorted([concern('2023-01-01', 1, 3), concern('2023-01-15', 2, 3), concern('2023-01-22', 3, 3), concern('2023-01-25', 4, 3), concern('2023-01-26', 1, 3)]), settings)[0]!;
    expect(four.score).toBeGreaterThan(two.score);
    expect(four.escalation).toBeGreaterThan(0.5);
    expect(four.gaps!.late).toBeLessThan(four.gaps!.early);
  });

  it('keeps separate episodes apart and prefers the window with more agencies', () => {
    const ps = sorted([
      concern('2023-01-01', 1), concern('2023-01-10', 2),
      concern('2023-06-01', 1), concern('2023-06-20', 2), concern('2023-06-25', 3), concern('2023-07-10', 4), concern('2023-07-12', 5),
    ]);
    const found = detectClusters(ps, settings);
    expect(found.map((f) => f.agencyIds.length).sort()).toEqual([2, 4]);
    // June 20 - July 12 (four agencies in 22 days) wins over June 1 - June 25 (three)
    const best = found.find((f) => f.agencyIds.length === 4)!;
    expect(best.concerns[0]!.day).toBe(dayNumber('2023-06-20'));
  });

  it('handles a long stream of concerns in time roughly linear in its length', () => {
    const ps: SignalPoint[] = [];
    for (let d = 0; d < 200_000; d++) ps.push({ id: d + 1, day: 10_000 + Math.floor(d / 3), agencyId: d % 4, concernSeverity: 1 + (d % 3), isResponse: d % 97 === 0 });
    const t = performance.now();
    const found = detectClusters(ps, settings);
    expect(performance.now() - t).toBeLessThan(5000);
    // every concern is in at most one cluster
    const ids = found.flatMap((f) => f.concerns.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(found.length).toBeGreaterThan(100);
  });

  it('never lets a response after the incident answer concerns before it, and forms no cluster after it', () => {
    const base = [concern('2023-03-01', 1), concern('2023-03-10', 2)];
    const incidentDay = dayNumber('2023-03-12');
    const [c] = detectClusters(sorted([...base, response('2023-03-15', 1)]), settings, { incidentDay });
    expect(c!.responses).toHaveLength(0);
    // without the incident date, the same response answers it
    expect(detectClusters(sorted([...base, response('2023-03-15', 1)]), settings)[0]!.responses).toHaveLength(1);
    // police and coroner concerns after the death are no missed signal
    expect(detectClusters(sorted([concern('2023-03-20', 1), concern('2023-03-22', 2)]), settings, { incidentDay })).toHaveLength(0);
  });

  it('treats the incident day itself as after: its concerns form no cluster and its responses answer none', () => {
    const base = [concern('2023-03-01', 1), concern('2023-03-10', 2)];
    const incidentDay = dayNumber('2023-03-12');
    const [c] = detectClusters(sorted([...base, concern('2023-03-12', 3), response('2023-03-12', 1)]), settings, { incidentDay });
    expect(c!.toDay).toBe(dayNumber('2023-03-10'));
    expect(c!.responses).toHaveLength(0);
    expect(c!.answered).toBe(false);
  });

  it('needs more than one agency merely told ("GP notified") to call a cluster answered', () => {
    const base = [concern('2023-03-01', 1), concern('2023-03-10', 2)];
    const told: SignalPoint = { ...response('2023-03-11', 1), weak: true };
    const toldAgain: SignalPoint = { ...response('2023-03-13', 2), id: 99, weak: true };
    const [once] = detectClusters(sorted([...base, told]), settings);
    expect(once!.responses).toHaveLength(1);
    expect(once!.answered).toBe(false);
    expect(detectClusters(sorted([...base, told, toldAgain]), settings)[0]!.answered).toBe(true);
    expect(detectClusters(sorted([...base, response('2023-03-11', 1)]), settings)[0]!.answered).toBe(true);
    // an answered cluster ranks below the same concerns unanswered
    expect(detectClusters(sorted([...base, response('2023-03-11', 1)]), settings)[0]!.score).toBeLessThan(once!.score);
  });

  it('counts a response only when it is from, or addressed to, an agency that saw the concerns', () => {
    const base = [concern('2023-03-01', 1), concern('2023-03-10', 2)];
    const elsewhere: SignalPoint = { ...response('2023-03-12', 5), answers: [5, 6] };
    const toOne: SignalPoint = { ...response('2023-03-12', 5), answers: [5, 2] };
    const meeting: SignalPoint = { ...response('2023-03-12', 5), answers: 'all' };
    expect(detectClusters(sorted([...base, elsewhere]), settings)[0]!.responses).toHaveLength(0);
    expect(detectClusters(sorted([...base, toOne]), settings)[0]!.responses).toHaveLength(1);
    expect(detectClusters(sorted([...base, meeting]), settings)[0]!.responses).toHaveLength(1);
  });

  it('does not call one event recorded by two agencies a cluster', () => {
    const call = { ...concern('2023-03-01', 1), event: 7 };
    const arrival = { ...concern('2023-03-01', 2), event: 7 };
    expect(detectClusters(sorted([call, arrival]), settings)).toHaveLength(0);
    expect(detectClusters(sorted([call, arrival, concern('2023-03-09', 3)]), settings)).toHaveLength(1);
  });
});
