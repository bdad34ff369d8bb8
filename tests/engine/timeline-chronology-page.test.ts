import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTimelineCase } from '../../bench/generate-timeline-case';
import { addCorrection, annotateEntry } from '../../electron/engine/annotations/annotations';
import { CaseFile } from '../../electron/engine/case-file';
import { buildCaseFromFixtures } from '../../electron/engine/demo-case';
import { dispatch, Engine } from '../../electron/engine/engine';
import { importExtract } from '../../electron/engine/import/import-extract';
import * as signals from '../../electron/engine/signals/index';
import { chronologyPage } from '../../electron/engine/timeline/chronology-page';
import type { ChronologyQuery, ChronologySort, ViewFilters } from '../../shared/timeline';
import { ROOT, tempCase, tempDir, writeFile } from './helpers';

const actor = { name: 'Chair Person', role: 'chair' };

/** The export's order (export/chronology-table.ts), written out plainly, optionally grouped first. */
function expectedIds(c: CaseFile, sort: ChronologySort, descending: boolean, ids?: Set<number>): number[] {
  const within = (d: string) => `coalesce(n.same_day_order, 1000000) ${d}, coalesce(e.time, '') ${d}, coalesce(e.sequence, 0) ${d}, e.id ${d}`;
  const groupDir = descending ? 'DESC' : 'ASC';
  const orderBy =
    sort === 'date'
      ? `e.date ${groupDir}, ${within(groupDir)}`
      : sort === 'agency'
        ? `a.name COLLATE NOCASE ${groupDir}, e.date, ${within('ASC')}`
        : `CASE sig.kind WHEN 'concern' THEN 0 WHEN 'response' THEN 1 WHEN 'routine' THEN 2 ELSE 3 END ${groupDir}, e.date, ${within('ASC')}`;
  const all = c.db
    .prepare(
      `SELECT e.id FROM entries e JOIN agencies a ON a.id = e.agency_id LEFT JOIN annotations n ON n.entry_id = e.id LEFT JOIN entry_signals sig ON sig.entry_id = e.id
       WHERE e.active = 1 ORDER BY ${orderBy}`,
    )
    .all() as { id: number }[];
  return all.map((r) => r.id).filter((id) => !ids || ids.has(id));
}

/** Every row, read page by page as the table does. */
function readAll(c: CaseFile, q: Omit<ChronologyQuery, 'offset' | 'limit'>, limit: number): { ids: number[]; total: number } {
  const ids: number[] = [];
  let total = 0;
  for (let offset = 0; ; offset += limit) {
    const p = chronologyPage(c, { ...q, offset, limit });
    total = p.total;
    expect(p.offset).toBe(offset);
    ids.push(...p.rows.map((r) => r.id));
    if (p.rows.length < limit) break;
  }
  return { ids, total };
}

/** The ids listEntries (the timeline's filter) matches, as the reference for each filter. */
function matching(c: CaseFile, f: ViewFilters): Set<number> {
  return new Set(c.listEntries({ ...f, limit: 1_000_000 }).entries.map((e) => e.id));
}

const EXTRACT = [
  'Date,Time,Type,Notes,Outcome,People',
  '03/01/2023,10:00,999 call,"Caller says <img src=x onerror=alert(1)> at the door",NFA,Michael Trewin',
  '03/01/2023,09:00,Visit,Seen at home,,',
  'March 2023,,Referral in,Approximate month,,',
  '?15/03/2023,,ED attendance,Bruising to face,Discharged,',
  '02/01/2023,,Visit,First visit,,',
].join('\n');

describe('chronology page', () => {
  it('lists entries in the export order with their facts, dates as read and as recorded', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
    const p = chronologyPage(c, { sort: 'date', offset: 0, limit: 100 });
    expect(p.total).toBe(5);
    expect(p.rows.map((r) => `${r.date} ${r.time ?? '-'}`)).toEqual(['2023-01-02 -', '2023-01-03 09:00', '2023-01-03 10:00', '2023-03-01 -', '2023-03-15 -']);
    const month = p.rows[3]!;
    expect([month.precision, month.dateTo, month.originalDate]).toEqual(['month', '2023-03-31', 'March 2023']);
    const uncertain = p.rows[4]!;
    expect(uncertain.flags).toContain('uncertain');
    expect(uncertain.originalDate).toBe('?15/03/2023');
    // Agency text comes back exactly as it arrived: escaping is the renderer's job (it renders text).
    expect(p.rows[2]!.text).toBe('Caller says <img src=x onerror=alert(1)> at the door');
    expect(p.rows[2]!.outcome).toBe('NFA');
    expect(p.rows[2]!.personText).toBe('Michael Trewin');
    expect(p.rows.map((r) => r.id)).toEqual(expectedIds(c, 'date', false));
  });

  it('puts the chair’s same-day order first within a day, and counts notes', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
    const before = chronologyPage(c, { sort: 'date', offset: 0, limit: 10 }).rows;
    const late = before[2]!; // 3 Jan 10:00
    annotateEntry(c.db, actor, late.id, { sameDayOrder: 1, analysis: 'Should have been referred' });
    addCorrection(c.db, actor, { entryId: late.id, field: 'time', note: 'Call was at 09:40' });
    const after = chronologyPage(c, { sort: 'date', offset: 0, limit: 10 }).rows;
    expect(after.map((r) => r.id).slice(0, 3)).toEqual([before[0]!.id, late.id, before[1]!.id]);
    expect(after[1]!.notes).toBe(2);
    expect(after.map((r) => r.id)).toEqual(expectedIds(c, 'date', false));
  });

  it('shows people, links, signals and clusters the other modules found (demo case)', async () => {
    const c = await buildCaseFromFixtures(path.join(ROOT, 'fixtures/demo'), path.join(tempDir(), 'demo.jigsaw'));
    try {
      signals.refreshSignalsQuietly(c);
      const { rows, total } = chronologyPage(c, { sort: 'date', offset: 0, limit: 500 });
      expect(total).toBe(c.summary().entryCount);
      const people = rows.flatMap((r) => r.people);
      expect(people.length).toBeGreaterThan(0);
      for (const p of people) expect(p.name).toBeTruthy();
      const linked = rows.filter((r) => r.links > 0);
      const links = c.db.prepare('SELECT count(DISTINCT entry_id) AS n FROM link_entries').get() as { n: number };
      expect(linked.length).toBe(links.n);
      const inClusters = c.db.prepare('SELECT count(DISTINCT ce.entry_id) AS n FROM cluster_entries ce JOIN clusters k ON k.id = ce.cluster_id WHERE k.detected = 1').get() as { n: number };
      expect(rows.filter((r) => r.clusters.length > 0).length).toBe(inClusters.n);
      const sig = c.db.prepare('SELECT entry_id AS id, kind FROM entry_signals').all() as { id: number; kind: string }[];
      for (const s of sig) expect(rows.find((r) => r.id === s.id)?.signal).toBe(s.kind);
    } finally {
      c.close();
    }
  });

  it('pages a generated case of 3,000 entries in order for every sort, direction and filter, with totals and find', () => {
    const c = generateTimelineCase(path.join(tempDir(), 'gen.jigsaw'), 3000);
    try {
      signals.refreshSignalsQuietly(c);
      const kinds = c.db.prepare('SELECT kind, count(*) AS n FROM entry_signals GROUP BY kind').all() as { kind: string; n: number }[];
      expect(kinds.length).toBeGreaterThan(1); // the signal sort below has groups to order
      // Same-day order set on a few entries: it must hold on every page, not just the first.
      for (const id of [17, 1234, 2999]) annotateEntry(c.db, actor, id, { sameDayOrder: 1 });
      const filters: ViewFilters[] = [
        {},
        { agencies: ['GP', 'Police'] },
        { from: '2016-02-10', to: '2017-06-30' },
        { search: 'bruising' },
        { signals: ['concern'] },
        { search: 'visit', agencies: ['Housing'], from: '2015-01-01' },
      ];
      for (const f of filters) {
        const ids = matching(c, f);
        for (const sort of ['date', 'agency', 'signal'] as const) {
          for (const descending of [false, true]) {
            const want = expectedIds(c, sort, descending, ids);
            const got = readAll(c, { ...f, sort, descending }, 137);
            expect(got.total, JSON.stringify({ f, sort, descending })).toBe(ids.size);
            expect(got.ids, JSON.stringify({ f, sort, descending })).toEqual(want);
            // Finding an entry returns the page holding it, and its row number.
            const target = want[Math.floor(want.length * 0.7)];
            if (target === undefined) continue;
            const p = chronologyPage(c, { ...f, sort, descending, offset: 0, limit: 100, find: target });
            expect(p.found).toBe(want.indexOf(target));
            expect(p.offset).toBe(Math.floor(p.found! / 100) * 100);
            expect(p.rows[p.found! - p.offset]!.id).toBe(target);
          }
        }
      }
      // An entry the filters leave out is not found; the first page comes back.
      const gp = c.agencyId('GP')!;
      const notGp = (c.db.prepare('SELECT id FROM entries WHERE agency_id <> ? LIMIT 1').get(gp) as { id: number }).id;
      const p = chronologyPage(c, { agencies: ['GP'], sort: 'date', offset: 0, limit: 10, find: notGp });
      expect([p.found, p.offset, p.rows.length]).toEqual([null, 0, 10]);
      // Past the end: no rows, the total still said.
      expect(chronologyPage(c, { sort: 'date', offset: 5000, limit: 10 })).toEqual({ total: 3000, offset: 5000, rows: [] });
      // A search with no searchable word matches nothing.
      expect(chronologyPage(c, { search: '!!!', sort: 'date', offset: 0, limit: 10 }).total).toBe(0);
    } finally {
      c.close();
    }
  });

  it('sees entries another connection adds (the counts are recounted when the case changes)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'case.jigsaw');
    const c = CaseFile.open(file, { create: true });
    try {
      await importExtract(c, writeFile(dir, 'x.csv', EXTRACT), { agency: 'Police' });
      expect(chronologyPage(c, { sort: 'date', offset: 0, limit: 10 }).total).toBe(5);
      const other = CaseFile.open(file);
      await importExtract(other, writeFile(dir, 'y.csv', 'Date,Notes\n01/02/2023,Another agency\n'), { agency: 'GP' });
      other.close();
      const p = chronologyPage(c, { sort: 'agency', offset: 0, limit: 10 });
      expect(p.total).toBe(6);
      expect(p.rows[0]!.agency).toBe('GP');
    } finally {
      c.close();
    }
  });

  it('is served through the contract: arguments are checked, the engine answers', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
    const engine = new Engine(c, { settingsFile: path.join(tempDir(), 'settings.json') });
    const ok = await dispatch(engine, 'chronologyPage', [{ sort: 'agency', offset: 0, limit: 2 }]);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((ok.value as { total: number; rows: unknown[] }).rows).toHaveLength(2);
    for (const bad of [{ sort: 'date', offset: 0, limit: 100_000 }, { sort: 'text', offset: 0, limit: 10 }, { sort: 'date', offset: -1, limit: 10 }]) {
      const r = await dispatch(engine, 'chronologyPage', [bad]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('bad_request');
    }
  });
});
