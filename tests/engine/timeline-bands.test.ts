// The bands the timeline draws for a window: only those near it, and clusters too close together to
// tell apart at the current scale drawn as one band that counts them. Silent periods never merge.
import { describe, expect, it } from 'vitest';
import type { TimelineBand } from '../../shared/timeline';
import { bandsInView, clusterLine, clustersIn, MERGE_GAP_PX } from '../../renderer/src/components/timeline-bands';

const cluster = (id: number, start: string, end: string, status: 'missed' | 'responded' = 'missed'): TimelineBand => ({
  id: `cluster-${id}`,
  start,
  end,
  className: `cluster-band cluster-${status}`,
  label: `${status}: 2 agencies`,
});
const silent = (id: string, start: string, end: string, group?: number): TimelineBand => ({
  id,
  start,
  end,
  className: group === undefined ? 'silent-period' : 'silent-period agency-silence',
  label: 'No contact',
  ...(group === undefined ? {} : { group }),
});
const all = { from: '0000-01-01', to: '9999-12-31' };

describe('bands drawn for a window', () => {
  it('keeps only bands overlapping the dates held, touching edges included', () => {
    const bands = [cluster(1, '2023-01-01', '2023-01-07'), cluster(2, '2023-03-01', '2023-03-07'), silent('s1', '2023-05-01', '2023-06-30'), cluster(3, '2023-09-01', '2023-09-07')];
    const shown = bandsInView(bands, { from: '2023-01-07', to: '2023-05-01' }, 100);
    expect(shown.map((b) => b.id).sort()).toEqual(['cluster-1', 'cluster-2', 's1']);
  });

  it('merges clusters closer than the gap at this scale, counting missed and responded', () => {
    const bands = [cluster(1, '2023-01-01', '2023-01-07'), cluster(2, '2023-01-10', '2023-01-16', 'responded'), cluster(3, '2023-01-20', '2023-01-26'), cluster(4, '2023-06-01', '2023-06-07')];
    // One pixel a day: two- and three-day gaps are under the merge gap; four months are not.
    const shown = bandsInView(bands, all, 1);
    expect(shown).toHaveLength(2);
    const run = shown.find((b) => b.id.startsWith('merged:'))!;
    expect(run).toMatchObject({ start: '2023-01-01', end: '2023-01-26' });
    expect(run.className.split(' ')).toEqual(expect.arrayContaining(['cluster-band', 'cluster-missed', 'band-merged']));
    expect(run.label).toBe('3 clusters close together: 2 missed, 1 responded. Each is listed beside the timeline.');
    expect(shown.find((b) => b.id === 'cluster-4')).toEqual(bands[3]);
  });

  it('draws each cluster on its own once zoomed in far enough to tell them apart', () => {
    const bands = [cluster(1, '2023-01-01', '2023-01-07'), cluster(2, '2023-01-10', '2023-01-16')];
    // Two days between them: merged while they are nearer than the gap, apart from then on.
    expect(bandsInView(bands, all, MERGE_GAP_PX / 2 - 0.5)).toHaveLength(1);
    expect(bandsInView(bands, all, MERGE_GAP_PX / 2)).toEqual(bands);
  });

  it('merges a cluster inside a longer one into a run ending where the longer one ends', () => {
    const bands = [cluster(1, '2023-01-01', '2023-03-31', 'responded'), cluster(2, '2023-02-01', '2023-02-07', 'responded'), cluster(3, '2023-04-20', '2023-04-27', 'responded')];
    const shown = bandsInView(bands, all, 10);
    expect(shown.map((b) => [b.start, b.end])).toEqual([['2023-01-01', '2023-03-31'], ['2023-04-20', '2023-04-27']]);
    expect(shown[0]!.className).toContain('cluster-responded');
    expect(shown[0]!.label).toBe('2 clusters close together: 0 missed, 2 responded. Each is listed beside the timeline.');
  });

  it('never merges silent periods, however close, and keeps their lanes', () => {
    const bands = [silent('s1', '2023-01-01', '2023-01-31'), silent('s2', '2023-02-01', '2023-02-28'), silent('a1', '2023-01-01', '2023-01-31', 7), silent('a2', '2023-02-02', '2023-02-28', 7)];
    expect(bandsInView(bands, all, 0.01)).toEqual(bands);
  });

  it('keeps hundreds of clusters seen from far out to a handful of bands', () => {
    const bands = Array.from({ length: 300 }, (_, i) => {
      const d = new Date(Date.UTC(2020, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
      return cluster(i, d, d, i % 3 ? 'responded' : 'missed');
    });
    // About four years across 1,000 pixels.
    const shown = bandsInView(bands, all, 1000 / 1500);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.label).toBe('300 clusters close together: 100 missed, 200 responded. Each is listed beside the timeline.');
    // A month across 1,000 pixels, far from the start: only that month's clusters, one by one.
    const month = bandsInView(bands, { from: '2022-01-01', to: '2022-01-31' }, 1000 / 31);
    expect(month.length).toBeGreaterThan(4);
    expect(month.every((b) => b.id.startsWith('cluster-') && b.start >= '2022-01-01' && b.start <= '2022-01-31')).toBe(true);
  });

  it('counts the clusters overlapping a view one by one, not silent periods', () => {
    const bands = [cluster(1, '2023-01-01', '2023-01-07'), cluster(2, '2023-01-05', '2023-01-20', 'responded'), cluster(3, '2023-03-01', '2023-03-02'), silent('s1', '2023-01-01', '2023-12-31')];
    expect(clustersIn(bands, { from: '2023-01-07', to: '2023-02-28' })).toEqual({ missed: 1, responded: 1 });
    expect(clustersIn(bands, { from: '2023-04-01', to: '2023-12-31' })).toEqual({ missed: 0, responded: 0 });
    expect(clusterLine(bands, { from: '2023-03-02', to: '2023-03-31' })).toBe('Shaded: 1 missed-signal cluster in view (1 missed, 0 responded).');
    expect(clusterLine(bands, { from: '2023-04-01', to: '2023-12-31' })).toBe('');
  });
});
