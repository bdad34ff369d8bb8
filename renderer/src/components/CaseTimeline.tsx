// The case view's timeline area: search and filters (with saved views), search results, the
// activity strip, and the merged timeline, sharing one set of filters.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { FilterChoices, TimelineBand, ViewFilters } from '../../../shared/timeline';
import type { CaseSummary } from '../../../shared/types';
import { ActivityStrip } from './ActivityStrip';
import { ChronologyTable } from './ChronologyTable';
import { FilterBar } from './FilterBar';
import { SearchResults } from './SearchResults';
import { TimelineView, type TimelineFocus } from './TimelineView';
import './timeline.css';

export interface CaseTimelineProps {
  api: JigsawApi;
  summary: CaseSummary;
  revision: number;
  selected: number | null;
  onSelect: (id: number | null) => void;
  /** Missed-signal clusters (or any period to shade) drawn behind the lanes. */
  bands?: TimelineBand[];
  /** Entries to highlight together, besides those linked to the open one. */
  linked?: number[];
  /** A period to bring into view from outside (e.g. a chosen missed-signal cluster); a new object each time. */
  focusOn?: TimelineFocus | null;
}

export function CaseTimeline({ api, summary, revision, selected, onSelect, bands, linked, focusOn }: CaseTimelineProps) {
  const [filters, setFilters] = useState<ViewFilters>({});
  const [focus, setFocus] = useState<TimelineFocus | null>(null);
  const [lastFocusOn, setLastFocusOn] = useState(focusOn);
  const [view, setView] = useState<'timeline' | 'table'>('timeline');
  if (focusOn !== lastFocusOn) {
    setLastFocusOn(focusOn);
    if (focusOn) {
      setFocus(focusOn);
      setView('timeline'); // a chosen cluster is shown on the timeline
    }
  }
  const [more, setMore] = useState<FilterChoices>({ persons: [], themes: [] });
  // The timeline's first window goes to the engine first; the strip, filters and views follow it.
  const [ready, setReady] = useState(false);
  const onDrawn = useCallback(() => setReady(true), []);
  useEffect(() => {
    // People and themes come from other modules' data; without any, those filters stay hidden.
    if (ready) api.filterChoices().then(setMore, () => setMore({ persons: [], themes: [] }));
  }, [api, revision, ready]);
  // The table beside the timeline, on the same filters. The timeline follows the table's selected
  // row: switching back centres it there with the entry under the keyboard cursor.
  // The selected row is kept in a ref: a move through the table must not re-render the filters.
  const tableRow = useRef<{ id: number; date: string } | null>(null);
  const onTableCursor = useCallback((r: { id: number; date: string }) => {
    tableRow.current = r;
  }, []);
  const [tableAt, setTableAt] = useState<number | null>(null);
  const [follow, setFollow] = useState<{ id: number } | null>(null);
  const showTimeline = () => {
    setView('timeline');
    const r = tableRow.current;
    if (r) {
      setTableAt(r.id); // and the table opens on it again
      setFocus({ start: shiftDays(r.date, -3), end: shiftDays(r.date, 3) });
      setFollow({ id: r.id });
    }
  };
  const choices = useMemo(() => ({ agencies: summary.agencies, persons: more.persons, themes: more.themes }), [summary.agencies, more]);

  const applyFilters = useCallback((f: ViewFilters) => {
    setFilters(f);
    // A chosen period brings the timeline to it.
    if (f.from || f.to) setFocus({ start: f.from ?? summary.dateMin ?? f.to!, end: f.to ?? summary.dateMax ?? f.from! });
  }, [summary.dateMin, summary.dateMax]);

  return (
    <>
      <FilterBar api={api} filters={filters} choices={choices} onChange={applyFilters} ready={ready} />
      <div className="view-switch" role="group" aria-label="Show the chronology as">
        <button type="button" aria-pressed={view === 'timeline'} onClick={showTimeline}>Timeline</button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>Table</button>
      </div>
      {view === 'table' && (
        <ChronologyTable api={api} revision={revision} filters={filters} at={selected ?? tableAt} onCursor={onTableCursor} onOpen={onSelect} onLoaded={onDrawn} />
      )}
      {view === 'timeline' && filters.search && (
        <SearchResults
          api={api}
          filters={filters}
          revision={revision}
          onOpen={(id, date) => {
            setFocus({ start: shiftDays(date, -3), end: shiftDays(date, 3) });
            onSelect(id);
          }}
        />
      )}
      {view === 'timeline' && (
        <>
          <ActivityStrip
            ready={ready}
            api={api}
            summary={summary}
            filters={filters}
            revision={revision}
            onPickMonth={(m) => setFocus({ start: `${m}-01`, end: lastDay(m) })}
          />
          <p className="signal-key" aria-hidden="true">
            <span className="signal-mark">▲</span> concern <span className="signal-mark">■</span> response <span className="band-swatch" /> missed-signal cluster
          </p>
          <TimelineView api={api} summary={summary} revision={revision} selected={selected} onSelect={onSelect} bands={bands} filters={filters} focus={focus} follow={follow} linked={linked} onDrawn={onDrawn} />
        </>
      )}
    </>
  );
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
