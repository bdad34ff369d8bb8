// The merged timeline: one lane per agency. vis-timeline never gets the whole case: a range change
// asks the engine for what is in view (and as much again either side): the entries when there are at
// most `cap` in view, otherwise counts per agency and period computed in SQL. A window inside what is
// held is drawn from it, with no query and no new items (vis-timeline lays out only what is on screen).
// The timeline is created once; its DataSets live in refs and are updated by diff.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DataSet } from 'vis-data/standalone';
import { Timeline, type DataGroup, type DataItem, type IdType } from 'vis-timeline/standalone';
import type { JigsawApi } from '../../../shared/api';
import type { BucketPeriod, TimelineBand, TimelineWindow, ViewFilters, WindowQuery } from '../../../shared/timeline';
import type { CaseSummary, TimelineEntry } from '../../../shared/types';
import { useTimelineKeys } from '../hooks/useTimelineKeys';
import { bandsInView, clusterLine } from './timeline-bands';
import { around, entriesIn, reuse, type DayRange, type Held } from './timeline-held';
import { bandItem, bucketItem, day, entryItem, isoDay, nextDay, periodFor, SIGNAL_WORD, signalOf, textElement } from './timeline-items';
import { batchItemDrawing } from './vis-batched-draw';
import { PRESETS, ZoomControls } from './ZoomControls';

batchItemDrawing();

/** Most entries drawn at once: vis-timeline's first draw grows faster than linearly with items. */
export const ITEM_CAP = 400;

export interface TimelineFocus {
  start: string;
  end: string;
}

export interface TimelineViewProps {
  api: JigsawApi;
  summary: CaseSummary;
  revision: number;
  selected: number | null;
  /** Open an entry (click, or Enter on the entry under the keyboard cursor). */
  onSelect: (id: number | null) => void;
  /** Shaded periods behind the lanes, e.g. missed-signal clusters. */
  bands?: TimelineBand[];
  filters?: ViewFilters;
  /** Zoom to this period whenever a new object is passed. */
  focus?: TimelineFocus | null;
  /** Put the keyboard cursor on this entry once it is drawn (the table's selected row); a new object each time. */
  follow?: { id: number } | null;
  /** Entries to highlight together (e.g. linked to the open one). */
  linked?: number[];
  /** Panel meeting: labels without free text, nothing opens. */
  presentation?: boolean;
  label?: string;
  /** Called after each draw of fresh data (the first one marks the timeline as ready). */
  onDrawn?: () => void;
}

/** Zoom presets (in days) whose windows are fetched ahead: the short ones, cheap to ask for. */
const PRESETS_AHEAD = PRESETS.flatMap(([, days]) => (days !== null && days <= 31 ? [days] : []));
/** One zoom-in step (the + key and button): vis-timeline narrows the window to 1 / (1 + step). */
const ZOOM_IN_STEP = 0.5;

/** The window vis-timeline's zoomIn(step) makes of [start, end], about its middle. */
function zoomedIn(start: Date, end: Date, step: number): [Date, Date] {
  const span = end.getTime() - start.getTime();
  const trim = (span - span / (1 + step)) / 2;
  return [new Date(start.getTime() + trim), new Date(end.getTime() - trim)];
}

interface Plan {
  view: DayRange;
  period: BucketPeriod;
  /** What the answer depends on besides dates. */
  key: string;
  windowKey: string;
  query: WindowQuery;
  queryKey: string;
}

/** The entries in view, in the order the keyboard walks them. */
type Loaded = { entries: TimelineEntry[] };

export function TimelineView(props: TimelineViewProps) {
  const { api, summary, revision, selected, onSelect, bands, filters, focus, follow, linked, presentation = false } = props;
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const items = useRef(new DataSet<DataItem>());
  const groups = useRef(new DataSet<DataGroup>());
  /** What each entry/count item on the timeline was drawn from, so an unchanged item keeps its DOM. */
  const drawnItems = useRef(new Map<IdType, string>());
  /** The bands asked for, and those drawn (by id and signature): only the ones near the window. */
  const allBands = useRef<TimelineBand[]>(bands ?? []);
  const drawnBands = useRef(new Map<IdType, string>());
  /** The dates held and the scale they were drawn at, which decide the bands drawn. */
  const bandView = useRef<{ covered: DayRange; pxPerDay: number } | null>(null);
  const loaded = useRef<Loaded>({ entries: [] });
  /** The engine's last answer, covering the window and its surroundings. */
  const held = useRef<Held | null>(null);
  /** The window last drawn or asked for. */
  const shown = useRef('');
  const request = useRef(0);
  const generation = useRef(0);
  const mode = useRef<'entries' | 'buckets'>('entries');
  const [status, setStatus] = useState('');
  const [cursorText, setCursorText] = useState('');
  const [clusterText, setClusterText] = useState('');
  /** The days last drawn, for the line saying which clusters are in view. */
  const viewShown = useRef<DayRange | null>(null);
  const sayClusters = useCallback((view: DayRange | null): void => {
    viewShown.current = view;
    setClusterText(view ? clusterLine(allBands.current, view) : '');
  }, []);
  /** The entry under the keyboard cursor (also set by a click). */
  const cursor = useRef<number | null>(null);
  /** The entry open in the detail panel. */
  const opened = useRef<number | null>(null);

  // Everything the range handler reads, kept current without recreating the timeline.
  const live = useRef({ api, summary, filters, presentation, linked, onSelect, onDrawn: props.onDrawn });
  useEffect(() => {
    live.current = { api, summary, filters, presentation, linked, onSelect, onDrawn: props.onDrawn };
  });

  /** A move past the edge of the window, finished once the next window has loaded. */
  const pending = useRef<{ step: 1 | -1; after: string } | null>(null);

  // Put the keyboard cursor on an entry and say what it is (only refs and setters: safe in any closure).
  const pointAt = useCallback((e: TimelineEntry, i: number, n: number): void => {
    cursor.current = e.id;
    timeline.current?.setSelection([e.id]);
    const sig = signalOf(e);
    const what = live.current.presentation ? e.contactType ?? 'Entry' : `${e.contactType ? `${e.contactType}: ` : ''}${e.text.slice(0, 200)}`;
    setCursorText(`${i + 1} of ${n}. ${e.agency}, ${e.date}${e.time ? ` ${e.time}` : ''}. ${sig ? `${SIGNAL_WORD[sig]}. ` : ''}${what}`);
  }, []);
  const resumeMove = useCallback((mode: 'entries' | 'buckets', list: TimelineEntry[]): void => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    if (mode === 'buckets') {
      setCursorText('Too many entries here to move one by one: zoom in.');
      return;
    }
    const i = p.step === 1 ? list.findIndex((e) => orderKey(e) > p.after) : findLastIndex(list, (e) => orderKey(e) < p.after);
    if (i < 0) setCursorText('No entries in this part of the timeline: press again to go further.');
    else pointAt(list[i]!, i, list.length);
  }, [pointAt]);

  /** An entry to put the cursor on as soon as a drawing holds it (see `follow`). */
  const following = useRef<number | null>(null);
  const followNow = useCallback((): void => {
    const list = loaded.current.entries;
    const i = following.current === null ? -1 : list.findIndex((e) => e.id === following.current);
    if (i < 0) return;
    following.current = null;
    pointAt(list[i]!, i, list.length);
  }, [pointAt]);

  // vis-timeline covers itself with a loading screen, and skips redrawing on range changes, until a
  // redraw after its first range change; a window drawn from held data changes no item to cause one.
  const firstDrawDone = useRef(false);
  const settleFirstDraw = useCallback((): void => {
    if (!firstDrawDone.current) timeline.current?.redraw();
  }, []);

  /** Answers fetched ahead for the zoom presets around the cursor, by query. */
  const ahead = useRef(new Map<string, Held>());
  const asking = useRef(new Set<string>());
  /** Bumped when the case changes: answers asked for before then are not kept. */
  const caseEpoch = useRef(0);

  /** What drawing [start, end] takes: its days, the period for counts, and the engine query. */
  const plan = useCallback((start: Date, end: Date): Plan | null => {
    const { filters: f, presentation: p, linked: l } = live.current;
    const period = periodFor(start, end, container.current?.clientWidth || 1000);
    // A period filter narrows the visible window; outside it nothing is drawn.
    const view = { from: maxIso(isoDay(start), f?.from), to: minIso(isoDay(end), f?.to) };
    if (view.to < view.from) return null;
    const key = JSON.stringify([f ?? {}, p, l]);
    // The window and as much again either side. Counts cover whole periods (the same boxes while the
    // window moves within them), except where a chosen period bounds the window.
    const range = around(view, { from: f?.from, to: f?.to });
    const query = { ...(f ?? {}), ...range, view, cap: ITEM_CAP, period, wholePeriods: !f?.from && !f?.to };
    return { view, period, key, windowKey: JSON.stringify([key, view, period]), query, queryKey: JSON.stringify(query) };
  }, []);

  /** The middle of the zoom presets: the entry under the cursor, or the middle of the window. */
  const centre = useCallback((): Date => {
    const atCursor = loaded.current.entries.find((e) => e.id === cursor.current);
    if (atCursor) return day(atCursor.date);
    const w = timeline.current?.getWindow();
    return w ? new Date((w.start.getTime() + w.end.getTime()) / 2) : new Date();
  }, []);

  // How many are on their way, on the wrapper (as data-loading is): tests and the bench wait for none.
  const aheadDue = useRef(false);
  const markAsking = useCallback((): void => container.current?.parentElement?.setAttribute('data-asking-ahead', String(asking.current.size + (aheadDue.current ? 1 : 0))), []);
  // Asked for while the timeline is idle, so choosing one draws at once: the day, week and month
  // presets around the centre (small windows: cheap to ask for, and a handful of items), and the
  // window one zoom-in step closer (never zoom out: a wider window costs the engine more).
  const fetchAhead = useCallback((): void => {
    const c = centre().getTime();
    const windows = PRESETS_AHEAD.map((days): [Date, Date] => [new Date(c - (days * 86_400_000) / 2), new Date(c + (days * 86_400_000) / 2)]);
    const w = timeline.current?.getWindow();
    if (w) windows.push(zoomedIn(w.start, w.end, ZOOM_IN_STEP));
    for (const [start, end] of windows) {
      const pl = plan(start, end);
      if (!pl || reuse(held.current, pl.key, pl.view, pl.period, ITEM_CAP) || ahead.current.has(pl.queryKey) || asking.current.has(pl.queryKey)) continue;
      asking.current.add(pl.queryKey);
      markAsking();
      const epoch = caseEpoch.current;
      live.current.api.timelineWindow(pl.query).then(
        (answer) => {
          asking.current.delete(pl.queryKey);
          markAsking();
          if (epoch !== caseEpoch.current) return;
          if (ahead.current.size >= windows.length * 2) ahead.current.clear();
          ahead.current.set(pl.queryKey, { key: pl.key, answer });
        },
        () => {
          asking.current.delete(pl.queryKey); // asked again when chosen
          markAsking();
        },
      );
    }
  }, [centre, plan, markAsking]);

  /** Marks a complete drawing of the window (new data drawn, or what is held already covers it). */
  const drawn = useCallback((m: 'entries' | 'buckets'): void => {
    settleFirstDraw();
    generation.current += 1;
    const wrap = container.current?.parentElement;
    wrap?.setAttribute('data-generation', String(generation.current));
    wrap?.setAttribute('data-mode', m);
    wrap?.setAttribute('data-loading', 'false');
    resumeMove(m, loaded.current.entries);
    followNow();
    // After this task: the answers arrive while the user looks (the engine answers off this thread).
    aheadDue.current = true;
    markAsking();
    setTimeout(() => {
      aheadDue.current = false;
      fetchAhead();
      markAsking();
    }, 0);
  }, [resumeMove, followNow, settleFirstDraw, fetchAhead, markAsking]);

  /** Draws an answer from the engine: only new or changed items reach vis-timeline. */
  const show = useCallback((w: TimelineWindow, pl: Plan): void => {
    const tl = timeline.current;
    if (!tl) return;
    const { summary: s, presentation: p, linked: l } = live.current;
    held.current = { key: pl.key, answer: w };
    const colourOf = new Map(s.agencies.map((ag, i) => [ag.id, i]));
    bandView.current = { covered: w.covered ?? pl.view, pxPerDay: pxPerDay(pl.view, container.current?.clientWidth) };
    const nextBands = bandsInView(allBands.current, bandView.current.covered, bandView.current.pxPerDay).map(bandItem);
    let next: DataItem[];
    if (w.mode === 'entries') {
      loaded.current.entries = entriesIn(w.entries, pl.view);
      const linkedSet = linkedTo(w.entries, opened.current, l);
      next = w.entries.map((e) => entryItem(e, { colourOf, presentation: p, linked: linkedSet }));
      setStatus(entryStatus(w.total));
    } else {
      loaded.current.entries = [];
      const busiest = Math.max(1, ...w.buckets.map((b) => b.count));
      next = w.buckets.map((b) => bucketItem(b, colourOf, busiest));
      setStatus(bucketStatus(w.total, w.period));
    }
    if (w.mode !== mode.current) {
      // Every entry or count changes: a fresh DataSet is drawn in one redraw, where removing and
      // adding item by item would redraw after each step.
      mode.current = w.mode;
      items.current = new DataSet<DataItem>([...nextBands, ...next]);
      drawnItems.current = new Map(next.map((i) => [i.id!, signature(i)]));
      drawnBands.current = new Map(nextBands.map((i) => [i.id!, signature(i)]));
      tl.setItems(items.current);
      if (opened.current !== null && w.mode === 'entries') tl.setSelection([opened.current]);
      // Counts sit side by side in one row per lane; entries stack so none hides another.
      tl.setOptions({ stack: w.mode === 'entries' });
    } else {
      applyDiff(items.current, drawnBands.current, nextBands);
      applyDiff(items.current, drawnItems.current, next);
    }
    sayClusters(pl.view);
    live.current.onDrawn?.();
    drawn(w.mode);
  }, [drawn, sayClusters]);

  const load = useCallback((start: Date, end: Date, force = false): void => {
    if (!timeline.current || !container.current) return;
    const pl = plan(start, end);
    if (!pl) {
      held.current = null;
      shown.current = '';
      loaded.current = { entries: [] };
      applyDiff(items.current, drawnItems.current, []);
      setStatus('This part of the timeline is outside the chosen period.');
      sayClusters(null);
      return;
    }
    if (force) {
      // The case changed: answers fetched ahead are stale.
      ahead.current.clear();
      caseEpoch.current += 1;
    }
    if (!force && pl.windowKey === shown.current) return; // the same window, already drawn or on its way
    shown.current = pl.windowKey;
    const again = force ? null : reuse(held.current, pl.key, pl.view, pl.period, ITEM_CAP);
    if (again) {
      ++request.current; // an answer still on its way was for an earlier window
      if (again.mode === 'entries') {
        loaded.current.entries = again.inView;
        setStatus(entryStatus(again.inView.length));
      } else {
        loaded.current.entries = [];
        setStatus(bucketStatus(again.total, again.period));
      }
      sayClusters(pl.view);
      drawn(again.mode);
      return;
    }
    const early = force ? undefined : ahead.current.get(pl.queryKey);
    if (early && early.key === pl.key) {
      ++request.current;
      show(early.answer, pl);
      return;
    }
    const mine = ++request.current;
    container.current.parentElement?.setAttribute('data-loading', 'true');
    live.current.api.timelineWindow(pl.query).then(
      (w) => {
        if (mine === request.current) show(w, pl); // else a newer range is already on its way
      },
      (e: Error) => {
        if (mine !== request.current) return;
        shown.current = ''; // let the same window be asked for again
        setStatus(`Could not load entries: ${e.message}`);
        container.current?.parentElement?.setAttribute('data-loading', 'false');
      },
    );
  }, [plan, show, drawn, sayClusters]);

  const reloadWindow = useCallback(
    (force: boolean) => {
      const tl = timeline.current;
      if (!tl) return;
      const w = tl.getWindow();
      load(w.start, w.end, force);
    },
    [load],
  );

  // Create the timeline once; destroy it on unmount.
  useEffect(() => {
    // vis-timeline fits its first items unless it is given a window: give it the whole review, so
    // a band that arrives before the entries does not become the window.
    const { dateMin, dateMax } = live.current.summary;
    const initial = dateMin && dateMax ? wholeReview(dateMin, dateMax) : {};
    const tl = new Timeline(container.current!, items.current, groups.current, {
      ...initial,
      stack: true,
      zoomMin: 1000 * 60 * 60 * 6,
      zoomMax: 1000 * 60 * 60 * 24 * 366 * 60,
      orientation: 'top',
      margin: { item: 4 },
      height: '100%',
      xss: { disabled: false },
      align: 'left',
      selectable: true,
      showTooltips: false,
      // Lanes below the fold stay reachable (many agencies, stacked entries).
      verticalScroll: true,
      onInitialDrawComplete: () => {
        firstDrawDone.current = true;
      },
    });
    timeline.current = tl;
    // The lane names scroll with the lanes: reachable by keyboard (arrow keys scroll it).
    const lanes = container.current!.querySelector('.vis-panel.vis-left');
    lanes?.setAttribute('tabindex', '0');
    lanes?.setAttribute('role', 'group');
    lanes?.setAttribute('aria-label', 'Agency lanes: scroll to see more');
    const onRange = (p: { start: Date; end: Date }) => {
      settleFirstDraw();
      load(p.start, p.end);
    };
    // Keys, presets and counts move the window in one step: load at once rather than after
    // vis-timeline's 200 ms settle delay. Drags and wheel zooms wait for `rangechanged`.
    const onRangeNow = (p: { start: Date; end: Date; byUser?: boolean }) => {
      if (!p.byUser) load(p.start, p.end);
    };
    const onPick = (p: { items: IdType[] }) => {
      const id = p.items[0];
      if (typeof id === 'number') {
        cursor.current = id;
        if (!live.current.presentation) live.current.onSelect(id);
      } else if (typeof id === 'string' && id.startsWith('bucket:')) {
        // A count: zoom into its period so its entries can be seen.
        const it = items.current.get(id);
        if (it) tl.setWindow(it.start, it.end ?? it.start, { animation: false });
      }
    };
    tl.on('rangechanged', onRange);
    tl.on('rangechange', onRangeNow);
    tl.on('select', onPick);
    return () => {
      tl.off('rangechanged', onRange);
      tl.off('rangechange', onRangeNow);
      tl.off('select', onPick);
      tl.destroy();
      timeline.current = null;
    };
  }, [load, settleFirstDraw]);

  useEffect(() => {
    groups.current.update(summary.agencies.map((a, i) => ({ id: a.id, content: textElement(a.name, `group-label agency-text-${i % 12}`) as unknown as string })));
    const gone = groups.current.getIds().filter((id) => !summary.agencies.some((a) => a.id === id));
    groups.current.remove(gone);
  }, [summary.agencies]);

  // Fit the whole case when it opens or changes.
  useEffect(() => {
    const tl = timeline.current;
    if (!tl || !summary.dateMin || !summary.dateMax || revision < 0) return;
    const { start, end } = wholeReview(summary.dateMin, summary.dateMax);
    tl.setWindow(start, end, { animation: false });
    load(start, end, true);
  }, [summary, revision, load]);

  useEffect(() => reloadWindow(false), [filters, presentation, linked, reloadWindow]);

  useEffect(() => {
    allBands.current = bands ?? [];
    // Before the first answer: every band, at the scale of the whole review.
    const v = bandView.current ?? { covered: { from: '0000-01-01', to: '9999-12-31' }, pxPerDay: wholeReviewScale(live.current.summary, container.current?.clientWidth) };
    applyDiff(items.current, drawnBands.current, bandsInView(allBands.current, v.covered, v.pxPerDay).map(bandItem));
    if (viewShown.current) sayClusters(viewShown.current);
  }, [bands, sayClusters]);

  useEffect(() => {
    if (!follow) return;
    following.current = follow.id;
    followNow(); // already drawn (the focus left the window where it was)
  }, [follow, followNow]);

  useEffect(() => {
    if (!focus || !timeline.current) return;
    timeline.current.setWindow(day(focus.start), nextDay(focus.end), { animation: false });
    load(day(focus.start), nextDay(focus.end));
  }, [focus, load]);

  useEffect(() => {
    opened.current = selected;
    timeline.current?.setSelection(selected === null ? [] : [selected]);
    if (selected !== null) cursor.current = selected;
    // Entries recording the same event elsewhere light up with the opened one (no refetch).
    const { summary: s, presentation: p, linked: l } = live.current;
    const answer = held.current?.answer;
    const list = answer?.mode === 'entries' ? answer.entries : [];
    if (list.length === 0) return;
    const colourOf = new Map(s.agencies.map((ag, i) => [ag.id, i]));
    const linkedSet = linkedTo(list, selected, l);
    updateChanged(items.current, drawnItems.current, list.map((e) => entryItem(e, { colourOf, presentation: p, linked: linkedSet })));
  }, [selected]);

  // Move the keyboard cursor to an entry in view, announcing it for screen readers.
  const moveCursor = useCallback(
    (step: 1 | -1) => {
      const tl = timeline.current;
      const list = loaded.current.entries;
      if (!tl || list.length === 0) {
        setCursorText('No single entries in view: zoom in to move between them.');
        return;
      }
      const at = cursor.current === null ? -1 : list.findIndex((e) => e.id === cursor.current);
      const i = at < 0 ? (step === 1 ? 0 : list.length - 1) : at + step;
      if (i >= 0 && i < list.length) {
        pointAt(list[i]!, i, list.length);
        return;
      }
      // Past the edge: slide the window on by most of its width and continue from there.
      const w = tl.getWindow();
      const shift = (w.end.getTime() - w.start.getTime()) * 0.9 * step;
      pending.current = { step, after: orderKey(list[at]!) };
      setCursorText(step === 1 ? 'Moving on to later entries…' : 'Moving back to earlier entries…');
      tl.setWindow(new Date(w.start.getTime() + shift), new Date(w.end.getTime() + shift), { animation: false });
    },
    [pointAt],
  );

  const zoom = useCallback((factor: number) => {
    const tl = timeline.current;
    if (!tl) return;
    if (factor < 1) tl.zoomIn(1 - factor, { animation: false });
    else tl.zoomOut(factor - 1 > 1 ? 1 : factor - 1, { animation: false });
  }, []);

  const onKeyDown = useTimelineKeys({
    next: () => moveCursor(1),
    previous: () => moveCursor(-1),
    zoomIn: () => zoom(1 - ZOOM_IN_STEP),
    zoomOut: () => zoom(2),
    open: () => {
      if (cursor.current !== null && !live.current.presentation) onSelect(cursor.current);
    },
  });

  const setRange = useCallback((start: Date, end: Date) => {
    timeline.current?.setWindow(start, end, { animation: false });
    load(start, end);
  }, [load]);


  return (
    <div className="timeline-wrap">
      <ZoomControls
        onPreset={(days) => {
          if (days === null) {
            if (summary.dateMin && summary.dateMax) {
              const w = wholeReview(summary.dateMin, summary.dateMax);
              setRange(w.start, w.end);
            }
            return;
          }
          const c = centre().getTime();
          const half = (days * 86_400_000) / 2;
          setRange(new Date(c - half), new Date(c + half));
        }}
        onZoom={(f) => zoom(f)}
      />
      <div
        ref={container}
        className="timeline"
        data-testid="timeline"
        tabIndex={0}
        role="region"
        aria-label={props.label ?? 'Merged timeline: arrow keys or J and K move between entries, Enter opens one, plus and minus zoom'}
        onKeyDown={onKeyDown}
      />
      <p className="timeline-status" role="status" aria-live="polite" data-testid="timeline-status">{status}</p>
      <p className="timeline-status" role="status" aria-live="polite" data-testid="timeline-clusters">{clusterText}</p>
      <p className="visually-hidden" aria-live="assertive" data-testid="timeline-cursor">{cursorText}</p>
    </div>
  );
}

const entryStatus = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'} in view.`;
const bucketStatus = (total: number, period: BucketPeriod): string =>
  `${total.toLocaleString('en-GB')} entries in view: too many to draw one by one, so each box counts one agency’s entries per ${period}. Zoom in, or choose a box, to see them.`;

/** Entries to highlight: those linked to the opened entry, and any the parent names. */
function linkedTo(list: TimelineEntry[], openedId: number | null, extra: number[] | undefined): Set<number> {
  const open = openedId === null ? undefined : list.find((e) => e.id === openedId);
  return new Set([...(open?.linkedEntries ?? []), ...(extra ?? [])]);
}

/** Date, time and id: the order entries are drawn and walked in. */
const orderKey = (e: TimelineEntry): string => `${e.date} ${e.time ?? '99:99'} ${String(e.id).padStart(12, '0')}`;

function findLastIndex<T>(list: T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

const maxIso = (a: string, b?: string): string => (b && b > a ? b : a);
const minIso = (a: string, b?: string): string => (b && b < a ? b : a);

/** Pixels per day when `view` fills the timeline's width. */
function pxPerDay(view: DayRange, width: number | undefined): number {
  const days = (day(view.to).getTime() - day(view.from).getTime()) / 86_400_000 + 1;
  return (width || 1000) / Math.max(1, days);
}

function wholeReviewScale(s: CaseSummary, width: number | undefined): number {
  if (!s.dateMin || !s.dateMax) return 1;
  const w = wholeReview(s.dateMin, s.dateMax);
  return (width || 1000) / Math.max(1, (w.end.getTime() - w.start.getTime()) / 86_400_000);
}

function wholeReview(min: string, max: string): { start: Date; end: Date } {
  const start = day(min);
  const end = nextDay(max);
  const pad = Math.max(86_400_000, (end.getTime() - start.getTime()) * 0.03);
  return { start: new Date(start.getTime() - pad), end: new Date(end.getTime() + pad) };
}

/** Everything an item is drawn from: equal signatures draw the same DOM. */
function signature(i: DataItem): string {
  const time = (d: DataItem['start'] | undefined) => (d instanceof Date ? d.getTime() : String(d ?? ''));
  const content = i.content as unknown;
  const text = content instanceof Node ? content.textContent : String(content ?? '');
  return [i.type, i.group, time(i.start), time(i.end), i.className, text].join('\u0000');
}

/** Hand vis-timeline only the items that are new or changed: each one it is given is rebuilt and
 *  measured (one forced layout per item), so an item that stays keeps its DOM. */
function updateChanged(set: DataSet<DataItem>, drawn: Map<IdType, string>, next: DataItem[]): void {
  const changed: DataItem[] = [];
  for (const item of next) {
    const sig = signature(item);
    if (drawn.get(item.id!) === sig) continue;
    drawn.set(item.id!, sig);
    changed.push(item);
  }
  if (changed.length) set.update(changed);
}

/** Replace the items tracked in `drawn` (entries and counts, or bands) with `next`, touching only
 *  what changed; the others stay. */
function applyDiff(set: DataSet<DataItem>, drawn: Map<IdType, string>, next: DataItem[]): void {
  const keep = new Set<IdType>(next.map((i) => i.id!));
  const gone = [...drawn.keys()].filter((id) => !keep.has(id));
  for (const id of gone) drawn.delete(id);
  if (gone.length) set.remove(gone);
  updateChanged(set, drawn, next);
}
