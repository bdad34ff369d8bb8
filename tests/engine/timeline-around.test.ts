// The timeline asks for its window and the dates around it at once, so pans and zooms inside them
// are drawn from what it holds. These tests hold the engine's answer (what it covers, its counts per
// day) and the renderer's decision to reuse it to the counts SQL gives for the same windows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTimelineCase } from '../../bench/generate-timeline-case';
import { timelineWindow } from '../../electron/engine/timeline/timeline-window';
import { around, entriesIn, reuse } from '../../renderer/src/components/timeline-held';
import type { CaseFile } from '../../electron/engine/case-file';
import { tempDir } from './helpers';

const generated = (entries: number): CaseFile => generateTimelineCase(path.join(tempDir(), 'around.jigsaw'), entries);
const startingIn = (c: CaseFile, from: string, to: string): number =>
  (c.db.prepare('SELECT count(*) AS n FROM entries WHERE active = 1 AND date BETWEEN ? AND ?').get(from, to) as { n: number }).n;
const overlapping = (c: CaseFile, from: string, to: string): number =>
  (c.db.prepare('SELECT count(*) AS n FROM entries WHERE active = 1 AND date <= ? AND date_to >= ?').get(to, from) as { n: number }).n;

describe('timeline window and its surroundings', () => {
  it('counts the view for the cap and the total, and covers the dates around it with counts per day', () => {
    const c = generated(6000);
    const view = { from: '2016-03-10', to: '2016-09-20' };
    const range = around(view);
    expect(range).toEqual({ from: '2015-08-28', to: '2017-04-03' });
    const w = timelineWindow(c, { ...range, view, cap: 100, period: 'month', wholePeriods: true });
    if (w.mode !== 'buckets') throw new Error('expected counts');
    expect(w.total).toBe(startingIn(c, view.from, view.to));
    expect(w.covered).toEqual({ from: '2015-08-01', to: '2017-04-30' });
    expect(w.perDay!.from).toBe('2015-08-01');
    expect(w.perDay!.counts).toHaveLength(639);
    expect(w.perDay!.counts.reduce((a, b) => a + b, 0)).toBe(startingIn(c, '2015-08-01', '2017-04-30'));
    // The counts drawn hold the whole covered range.
    expect(w.buckets.reduce((n, b) => n + b.count, 0)).toBe(startingIn(c, '2015-08-01', '2017-04-30'));

    // A pan inside it: drawn from what is held, its total counted exactly.
    const panned = { from: '2016-06-01', to: '2016-12-10' };
    const held = { key: 'k', answer: w };
    expect(reuse(held, 'k', panned, 'month', 100)).toEqual({ mode: 'buckets', period: 'month', total: startingIn(c, panned.from, panned.to) });
    // Zoomed in a step, the monthly counts stay; two steps finer they are asked for again.
    expect(reuse(held, 'k', panned, 'week', 100)?.mode).toBe('buckets');
    expect(reuse(held, 'k', panned, 'day', 100)).toBeNull();
    // Zoomed out to yearly counts, monthly ones are too many for the width.
    expect(reuse(held, 'k', panned, 'quarter', 100)).toBeNull();
    // Outside what is covered, with other filters, or few enough to draw singly: asked again.
    expect(reuse(held, 'k', { from: '2017-03-01', to: '2017-06-01' }, 'month', 100)).toBeNull();
    expect(reuse(held, 'other filters', panned, 'month', 100)).toBeNull();
    expect(reuse(held, 'k', { from: '2016-06-01', to: '2016-06-03' }, 'month', 100)).toBeNull();
  });

  it('sends the entries around the view when few, and only the view when many', () => {
    const c = generated(3000);
    const view = { from: '2018-05-01', to: '2018-05-31' };
    const w = timelineWindow(c, { ...around(view), view, cap: 100, period: 'day' });
    if (w.mode !== 'entries') throw new Error('expected entries');
    expect(w.total).toBe(overlapping(c, view.from, view.to));
    expect(w.covered).toEqual(around(view));
    expect(w.entries).toHaveLength(overlapping(c, w.covered!.from, w.covered!.to));
    const held = { key: 'k', answer: w };
    const later = { from: '2018-06-10', to: '2018-06-30' };
    const again = reuse(held, 'k', later, 'day', 100);
    if (again?.mode !== 'entries') throw new Error('expected entries held');
    expect(again.inView.map((e) => e.id)).toEqual(entriesIn(w.entries, later).map((e) => e.id));
    expect(again.inView).toHaveLength(overlapping(c, later.from, later.to));

    // More than three times the cap around the view: the view alone, and only it is covered.
    const wide = { from: '2016-01-01', to: '2020-12-31' };
    const cap = overlapping(c, view.from, view.to);
    expect(overlapping(c, wide.from, wide.to)).toBeGreaterThan(cap * 3);
    const dense = timelineWindow(c, { ...wide, view, cap, period: 'day' });
    if (dense.mode !== 'entries') throw new Error('expected entries');
    expect(dense.covered).toEqual(view);
    expect(dense.entries).toHaveLength(cap);
    expect(reuse({ key: 'k', answer: dense }, 'k', later, 'day', cap)).toBeNull();
  });
});
