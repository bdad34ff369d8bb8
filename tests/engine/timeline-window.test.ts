import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTimelineCase } from '../../bench/generate-timeline-case';
import { CaseFile } from '../../electron/engine/case-file';
import { dispatch, Engine } from '../../electron/engine/engine';
import { importExtract } from '../../electron/engine/import/import-extract';
import { entryFilter } from '../../electron/engine/timeline/entry-filter';
import { periodSpan } from '../../electron/engine/timeline/periods';
import { activityByMonth, countByPeriod, timelineWindow } from '../../electron/engine/timeline/timeline-window';
import { tempCase, tempDir, writeFile } from './helpers';

const EXTRACT = [
  'Date,Type,Notes,Outcome',
  '02/01/2023,Visit,Seen at home,',
  '03/01/2023,999 call,Shouting reported,NFA',
  'March 2023,Referral in,Approximate month,',
  '15/03/2023,ED attendance,Bruising to face,Discharged',
  '20/03/2023,Visit,No answer at door,',
].join('\n');

function generated(entries: number): CaseFile {
  const c = generateTimelineCase(path.join(tempDir(), 'big.jigsaw'), entries);
  return c;
}

describe('timeline window', () => {
  it('returns the entries themselves when at most `cap` are in view, including ranges that began earlier', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
    const w = timelineWindow(c, { from: '2023-03-10', to: '2023-03-31', cap: 10, period: 'day' });
    expect(w.mode).toBe('entries');
    if (w.mode !== 'entries') return;
    // "March 2023" is stored as 2023-03-01..2023-03-31: it overlaps the window though it starts before.
    expect(w.entries.map((e) => e.originalDate)).toEqual(['March 2023', '15/03/2023', '20/03/2023']);
    expect(w.total).toBe(3);
  });

  it('returns counts per agency and period, summing to the entries in view, when over the cap', () => {
    const c = generated(5000);
    const q = { from: '2015-01-01', to: '2015-12-31' };
    const w = timelineWindow(c, { ...q, cap: 100, period: 'month' });
    expect(w.mode).toBe('buckets');
    if (w.mode !== 'buckets') return;
    const byStart = (c.db.prepare('SELECT count(*) AS n FROM entries WHERE active = 1 AND date BETWEEN ? AND ?').get(q.from, q.to) as { n: number }).n;
    expect(w.total).toBe(byStart);
    expect(w.buckets.reduce((n, b) => n + b.count, 0)).toBe(byStart);
    const police = (c.db.prepare("SELECT count(*) AS n FROM entries e JOIN agencies a ON a.id = e.agency_id WHERE a.name = 'Police' AND e.date BETWEEN '2015-03-01' AND '2015-03-31'").get() as { n: number }).n;
    const policeId = c.agencyId('Police');
    expect(w.buckets.find((b) => b.agencyId === policeId && b.start === '2015-03-01')).toEqual({ agencyId: policeId, start: '2015-03-01', end: '2015-04-01', count: police });
    // Never more than one count per agency per period.
    expect(new Set(w.buckets.map((b) => `${b.agencyId}/${b.start}`)).size).toBe(w.buckets.length);
  });

  it('with whole periods, counts the edge periods whole while the total still counts the window', () => {
    const c = generated(5000);
    const q = { from: '2015-02-10', to: '2015-11-20', cap: 100, period: 'month' as const };
    const count = (from: string, to: string, search?: boolean) =>
      (c.db.prepare(`SELECT count(*) AS n FROM entries WHERE active = 1 AND date BETWEEN ? AND ?${search ? " AND text LIKE '%generated%'" : ''}`).get(from, to) as { n: number }).n;
    for (const search of [undefined, 'generated']) {
      const w = timelineWindow(c, { ...q, search, wholePeriods: true });
      if (w.mode !== 'buckets') throw new Error('expected counts');
      expect(w.total).toBe(count(q.from, q.to));
      expect(w.buckets[0]!.start).toBe('2015-02-01');
      expect(w.buckets.at(-1)!.end).toBe('2015-12-01');
      expect(w.buckets.reduce((n, b) => n + b.count, 0)).toBe(count('2015-02-01', '2015-11-30'));
    }
  });

  it('sums counts from the cached day counts exactly as SQL counts them, and refreshes them when the case changes', () => {
    const c = generated(4000);
    const sqlCounts = (q: object, period: 'day' | 'week' | 'month' | 'quarter' | 'year') =>
      // A search that matches every entry forces the SQL path.
      countByPeriod(c, { ...q, search: 'generated' }, period);
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const q = { from: '2016-02-10', to: '2019-11-03', agencies: ['GP', 'police'] };
      expect(countByPeriod(c, q, period)).toEqual(sqlCounts(q, period));
    }
    const before = countByPeriod(c, {}, 'year').reduce((n, b) => n + b.count, 0);
    c.db.prepare("UPDATE entries SET active = 0 WHERE id IN (SELECT id FROM entries ORDER BY id LIMIT 10)").run();
    expect(countByPeriod(c, {}, 'year').reduce((n, b) => n + b.count, 0)).toBe(before - 10);
    // A write through another connection (an import worker) is seen too.
    const other = CaseFile.open(c.file);
    other.db.prepare("UPDATE entries SET active = 0 WHERE id IN (SELECT id FROM entries WHERE active = 1 ORDER BY id LIMIT 5)").run();
    other.close();
    expect(countByPeriod(c, {}, 'year').reduce((n, b) => n + b.count, 0)).toBe(before - 15);
  });

  it('keys weeks to Mondays and quarters and years to their first day', () => {
    const c = generated(3000);
    const w = timelineWindow(c, { from: '2016-01-01', to: '2016-03-31', cap: 10, period: 'week' });
    if (w.mode !== 'buckets') throw new Error('expected counts');
    for (const b of w.buckets) {
      expect(new Date(`${b.start}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(Date.parse(b.end) - Date.parse(b.start)).toBe(7 * 86_400_000);
    }
    expect(periodSpan('quarter', '2016-Q3')).toEqual({ start: '2016-07-01', end: '2016-10-01' });
    expect(periodSpan('year', '2016')).toEqual({ start: '2016-01-01', end: '2017-01-01' });
    expect(periodSpan('month', '2016-12')).toEqual({ start: '2016-12-01', end: '2017-01-01' });
  });

  it('answers a window from the date indexes, never by scanning the entries', () => {
    const c = generated(2000);
    const f = entryFilter(c.db, { from: '2020-01-01', to: '2020-01-31' });
    const plan = (c.db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT 1 FROM entries e WHERE ${f.where} LIMIT 401)`).all(...f.params) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toContain('entries_active_date');
    expect(plan.join('\n')).toContain('entries_spanning');
    expect(plan.some((d) => /^SCAN (e|entries|s)\b/.test(d))).toBe(false);
    const counts = entryFilter(c.db, { from: '2020-01-01', to: '2020-01-31' }, { byStart: true });
    const plan2 = (c.db.prepare(`EXPLAIN QUERY PLAN SELECT e.agency_id, substr(e.date, 1, 7) AS k, count(*) FROM entries e WHERE ${counts.where} GROUP BY e.agency_id, k`).all(...counts.params) as { detail: string }[]).map((r) => r.detail);
    expect(plan2.join('\n')).toMatch(/COVERING INDEX entries_active_date/);
  });

  it('counts activity per agency per month across the whole case, with filters', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
    await importExtract(c, writeFile(tempDir(), 'g.csv', 'Date,Notes\n05/01/2023,Seen\n'), { agency: 'GP' });
    const police = c.agencyId('Police');
    const gp = c.agencyId('GP');
    expect(activityByMonth(c, { from: '2023-03-01' })).toEqual([
      { agencyId: police, month: '2023-01', count: 2 },
      { agencyId: gp, month: '2023-01', count: 1 },
      { agencyId: police, month: '2023-03', count: 3 },
    ]);
    expect(activityByMonth(c, { agencies: ['GP'] })).toEqual([{ agencyId: gp, month: '2023-01', count: 1 }]);
  });

  it('filters by person and by signal kind and theme', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
    const ids = (c.db.prepare('SELECT id FROM entries ORDER BY date, id').all() as { id: number }[]).map((r) => r.id);
    const person = Number(c.db.prepare("INSERT INTO persons(display_name) VALUES ('Alex Example')").run().lastInsertRowid);
    c.db.prepare("INSERT INTO entry_persons(entry_id, person_id, mention, origin) VALUES (?, ?, 'Alex', 'text')").run(ids[1], person);
    c.db.prepare("INSERT INTO entry_signals(entry_id, kind, themes, rule_ids) VALUES (?, 'concern', 'injury,alcohol', '1')").run(ids[3]);
    c.db.prepare("INSERT INTO entry_signals(entry_id, kind, themes, rule_ids) VALUES (?, 'response', 'referral', '2')").run(ids[2]);
    const window = { from: '2023-01-01', to: '2023-12-31', cap: 50, period: 'month' as const };
    const pick = (q: object) => {
      const w = timelineWindow(c, { ...window, ...q });
      return w.mode === 'entries' ? w.entries.map((e) => e.id) : [];
    };
    expect(pick({ persons: [person] })).toEqual([ids[1]]);
    expect(pick({ signals: ['concern'] })).toEqual([ids[3]]);
    expect(pick({ signals: ['concern', 'response'] }).sort()).toEqual([ids[2], ids[3]].sort());
    expect(pick({ themes: ['alcohol'] })).toEqual([ids[3]]);
    expect(pick({ themes: ['alc'] })).toEqual([]);
    expect(pick({ signals: ['routine'] })).toEqual([]);
  });

  it('summarises the case from the indexes: the last day is the end of a trailing date range', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', `${EXTRACT}\nDecember 2023,Letter,Approximate end,`), { agency: 'Police' });
    const s = c.summary();
    expect([s.entryCount, s.dateMin, s.dateMax]).toEqual([6, '2023-01-02', '2023-12-31']);
    expect(s.agencies.map((a) => a.entryCount)).toEqual([6]);
  });

  it('refuses malformed window requests at the contract', async () => {
    const c = tempCase();
    const engine = new Engine(c);
    try {
      const bad = await dispatch(engine, 'timelineWindow', [{ from: '2023-01-01', to: '2023-02-01', cap: 100000, period: 'month' }]);
      expect(bad.ok).toBe(false);
      const worse = await dispatch(engine, 'timelineWindow', [{ from: "2023'; DROP TABLE entries", to: '2023-02-01', cap: 10, period: 'month' }]);
      expect(worse).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const good = await dispatch(engine, 'timelineWindow', [{ from: '2023-01-01', to: '2023-02-01', cap: 10, period: 'decade' }]);
      expect(good.ok).toBe(false);
    } finally {
      engine.close();
    }
  });
});
