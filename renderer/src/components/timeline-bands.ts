// Which shaded bands vis-timeline is given for a window. Each band is an element it lays out and
// measures on every redraw, and a large case has hundreds of clusters: so it gets only the bands
// overlapping the dates held (the window and its surroundings), and clusters closer together than
// a few pixels at the current scale are drawn as one band that says how many it holds. Silent
// periods are never merged: a merged one would shade contacts that happened between them.
import type { TimelineBand } from '../../../shared/timeline';
import type { DayRange } from './timeline-held';

/** Clusters with less than this many pixels between them are drawn as one band. */
export const MERGE_GAP_PX = 12;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

const isCluster = (b: TimelineBand): boolean => b.group === undefined && /(^|\s)cluster-band(\s|$)/.test(b.className);
const isMissed = (b: TimelineBand): boolean => /(^|\s)cluster-missed(\s|$)/.test(b.className);

/** Bands overlapping `covered`, with clusters nearer than MERGE_GAP_PX at `pxPerDay` merged. */
export function bandsInView(bands: readonly TimelineBand[], covered: DayRange, pxPerDay: number): TimelineBand[] {
  const inView = bands.filter((b) => b.start.slice(0, 10) <= covered.to && b.end.slice(0, 10) >= covered.from);
  const clusters = inView.filter(isCluster).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const others = inView.filter((b) => !isCluster(b));
  return [...mergeNear(clusters, pxPerDay), ...others];
}

function mergeNear(sorted: TimelineBand[], pxPerDay: number): TimelineBand[] {
  const gapDays = MERGE_GAP_PX / Math.max(pxPerDay, 1e-9);
  const out: TimelineBand[] = [];
  let run: TimelineBand[] = [];
  let runEnd = '';
  const flush = () => {
    if (run.length) out.push(run.length === 1 ? run[0]! : merged(run, runEnd));
    run = [];
  };
  for (const b of sorted) {
    // A band's end day is inclusive: the gap is the days strictly between the two.
    if (run.length && dayNumber(b.start) - dayNumber(runEnd) - 1 >= gapDays) flush();
    if (!run.length || b.end > runEnd) runEnd = b.end;
    run.push(b);
  }
  flush();
  return out;
}

function merged(run: TimelineBand[], end: string): TimelineBand {
  const missed = run.filter(isMissed).length;
  const first = run[0]!;
  return {
    // Named by what it holds, so the same run keeps its element while the window moves.
    id: `merged:${first.id}:${run.length}`,
    start: first.start,
    end,
    className: `cluster-band ${missed ? 'cluster-missed' : 'cluster-responded'} band-merged`,
    label: `${run.length} clusters close together: ${missed} missed, ${run.length - missed} responded. Each is listed beside the timeline.`,
  };
}

/** Clusters overlapping `view`, one by one (merged or not), for the line under the timeline: the
 *  bands' own labels sit behind the lanes' boxes, and a screen reader does not see shading. */
export function clustersIn(bands: readonly TimelineBand[], view: DayRange): { missed: number; responded: number } {
  let missed = 0;
  let responded = 0;
  for (const b of bands) {
    if (!isCluster(b) || b.start.slice(0, 10) > view.to || b.end.slice(0, 10) < view.from) continue;
    if (isMissed(b)) missed++;
    else responded++;
  }
  return { missed, responded };
}

/** The line under the timeline: how many clusters are shaded in view, or nothing when none are. */
export function clusterLine(bands: readonly TimelineBand[], view: DayRange): string {
  const { missed, responded } = clustersIn(bands, view);
  const n = missed + responded;
  if (n === 0) return '';
  return `Shaded: ${n} missed-signal ${n === 1 ? 'cluster' : 'clusters'} in view (${missed} missed, ${responded} responded).`;
}
