// The integrated chronology as a table: one row per entry in the export's order (or by agency or
// signal), with the timeline's filters. Only the rows on screen exist in the DOM (@tanstack/react-virtual)
// and only the pages near them are held, so a million entries scroll like a hundred. Keyboard: arrows,
// Page Up/Down, Home/End move the selected row, Enter opens it. Agency text is rendered as text.
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JigsawApi } from '../../../shared/api';
import type { ChronologyRow, ChronologySort, ViewFilters } from '../../../shared/timeline';
import { useChronologyPages } from '../hooks/useChronologyPages';
import { COLUMNS, loadColumns, saveColumns, type ChronologyColumn } from './ChronologyColumns';
import { ColumnChooser } from './ColumnChooser';
import './chronology.css';

/** Fixed row and header heights: the virtualiser needs no measuring, and 1,000,000 rows stay under
 *  Chromium's largest element height (about 33.5 million px). */
const ROW_H = 28;
const HEADER_H = 32;
/** More than the rows on any screen plus overscan, so consecutive rows never share a slot. */
const ROW_SLOTS = 256;

const SORT_WORD: Record<ChronologySort, string> = { date: 'date', agency: 'agency, then date', signal: 'signal (concerns first), then date' };
const PSEUDONYMS_KEY = 'jigsaw.chronology.pseudonyms';

export interface ChronologyTableProps {
  api: JigsawApi;
  revision: number;
  filters: ViewFilters;
  /** The entry to show when the table opens or its filters change (e.g. the one open, or last selected). */
  at?: number | null;
  /** The selected row changed (the timeline follows it). */
  onCursor: (row: { id: number; date: string }) => void;
  /** Enter or a double click: open the entry's detail. */
  onOpen: (id: number) => void;
  /** The first rows arrived. */
  onLoaded?: () => void;
}

export function ChronologyTable({ api, revision, filters, at, onCursor, onOpen, onLoaded }: ChronologyTableProps) {
  const [sort, setSort] = useState<{ by: ChronologySort; descending: boolean }>({ by: 'date', descending: false });
  const [shown, setShown] = useState(loadColumns);
  const [pseudonyms, setPseudonyms] = useState(() => readFlag(PSEUDONYMS_KEY));
  const [cursor, setCursor] = useState(0);
  const query = useMemo(() => ({ filters, sort: sort.by, descending: sort.descending }), [filters, sort]);
  const { pages, version } = useChronologyPages(api, query, revision);
  const total = pages.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const gridId = useId();
  const columns = useMemo(() => COLUMNS.filter((c) => shown.includes(c.key)), [shown]);

  // A plain class the React compiler cannot see into; nothing here is memoised by it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    overscan: 8,
    // Scroll updates render with React's next batch, not synchronously inside the scroll event.
    useFlushSync: false,
    // The sticky header sits above the rows inside the scrolling element.
    scrollMargin: HEADER_H,
    scrollPaddingStart: HEADER_H,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.want(first, last), [pages, first, last]);

  const moveTo = useCallback(
    (i: number, align: 'auto' | 'center' = 'auto') => {
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, i));
      setCursor(next);
      virtualizer.scrollToIndex(next, { align });
    },
    [total, virtualizer],
  );

  // A new query (filters, sort, case): stay on the entry that was selected if it is still there.
  const atNow = useRef(at);
  const cursorId = useRef<number | null>(null);
  useEffect(() => {
    atNow.current = at;
  }, [at]);
  useEffect(() => {
    const target = atNow.current ?? cursorId.current;
    let current = true;
    const top = () => {
      setCursor(0);
      scroller.current?.scrollTo({ top: 0 });
    };
    if (target === null || target === undefined) {
      top();
      return;
    }
    pages.find(target).then(
      (i) => {
        if (!current) return;
        if (i === null) top();
        else {
          setCursor(i);
          // After the rows' height for the new total is laid out.
          requestAnimationFrame(() => virtualizer.scrollToIndex(i, { align: 'center' }));
        }
      },
      () => current && top(),
    );
    return () => {
      current = false;
    };
  }, [pages, virtualizer]);

  // Tell the parent (and screen readers) which entry is selected once its row has arrived.
  const cursorRow = pages.rowAt(cursor);
  useEffect(() => {
    if (!cursorRow || cursorRow.id === cursorId.current) return;
    cursorId.current = cursorRow.id;
    onCursor({ id: cursorRow.id, date: cursorRow.date });
  }, [cursorRow, onCursor]);
  const said = cursorRow ? `Row ${cursor + 1} of ${total}. ${describe(cursorRow, pseudonyms)}` : '';

  const loaded = pages.total !== null;
  useEffect(() => {
    if (loaded) onLoaded?.();
  }, [loaded, onLoaded]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.metaKey) return;
    const screen = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? ROW_H * 10) - HEADER_H) / ROW_H) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(cursor + 1),
      ArrowUp: () => moveTo(cursor - 1),
      PageDown: () => moveTo(cursor + screen),
      PageUp: () => moveTo(cursor - screen),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => cursorRow && onOpen(cursorRow.id),
    };
    const act = moves[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const chooseSort = (by: ChronologySort) => setSort((s) => ({ by, descending: s.by === by ? !s.descending : false }));
  const template = columns.map((c) => c.width).join(' ');
  const cursorShown = items.some((v) => v.index === cursor) && cursorRow !== undefined;

  return (
    <div className="chronology" data-version={version}>
      <div className="chronology-tools">
        <p className="chronology-status" role="status" data-testid="chronology-status">
          {pages.error
            ? `Could not load the chronology: ${pages.error}`
            : loaded
              ? `${total.toLocaleString('en-GB')} ${total === 1 ? 'entry' : 'entries'}, sorted by ${SORT_WORD[sort.by]}${sort.descending ? ', descending' : ''}.`
              : 'Loading the chronology…'}
        </p>
        <ColumnChooser
          columns={COLUMNS}
          shown={shown}
          onChange={(keys) => {
            setShown(keys);
            saveColumns(keys);
          }}
        />
        <label className="chronology-pseudonyms">
          <input
            type="checkbox"
            checked={pseudonyms}
            onChange={(e) => {
              setPseudonyms(e.target.checked);
              writeFlag(PSEUDONYMS_KEY, e.target.checked);
            }}
          />{' '}
          People as pseudonyms
        </label>
      </div>
      <div
        ref={scroller}
        className="chronology-grid"
        role="grid"
        aria-label="Integrated chronology: arrow keys, Page Up, Page Down, Home and End move between rows, Enter opens one"
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        aria-busy={!loaded}
        aria-activedescendant={cursorShown ? `${gridId}-r${cursor}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="chronology-grid"
        style={{ ['--chronology-columns' as string]: template, ['--chronology-min-width' as string]: `${minWidthRem(columns)}rem` }}
      >
        <div role="rowgroup" className="chronology-head" style={{ height: HEADER_H }}>
          <div role="row" aria-rowindex={1} className="chronology-row">
            {columns.map((c) => (
              <HeaderCell key={c.key} column={c} sort={sort} onSort={chooseSort} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="chronology-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => (
            <Row
              // Keyed by slot, not row: a row scrolled in takes over the DOM of one scrolled out.
              key={v.index % ROW_SLOTS}
              id={`${gridId}-r${v.index}`}
              index={v.index}
              top={v.start - HEADER_H}
              row={pages.rowAt(v.index)}
              columns={columns}
              pseudonyms={pseudonyms}
              selected={v.index === cursor}
              onPick={moveTo}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="chronology-cursor">{said}</p>
    </div>
  );
}

interface RowProps {
  id: string;
  index: number;
  top: number;
  row: ChronologyRow | undefined;
  columns: readonly ChronologyColumn[];
  pseudonyms: boolean;
  selected: boolean;
  onPick: (index: number) => void;
  onOpen: (id: number) => void;
}

/** One row; memoised, so a scroll re-renders only the rows that came into view. */
const Row = memo(function Row({ id, index, top, row, columns, pseudonyms, selected, onPick, onOpen }: RowProps) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`chronology-row${selected ? ' cursor' : ''}${row?.signal ? ` signal-${row.signal}` : ''}`}
      style={{ height: ROW_H, transform: `translateY(${top}px)` }}
      data-entry={row?.id}
      onClick={() => onPick(index)}
      onDoubleClick={() => row && onOpen(row.id)}
    >
      {columns.map((c, ci) => (
        <div key={c.key} role="gridcell" className={`chronology-cell cell-${c.key}`}>
          {row ? c.cell(row, { pseudonyms }) : ci === 0 ? 'Loading…' : ''}
        </div>
      ))}
    </div>
  );
});

function HeaderCell({ column: c, sort, onSort }: { column: ChronologyColumn; sort: { by: ChronologySort; descending: boolean }; onSort: (by: ChronologySort) => void }) {
  const active = c.sort !== undefined && sort.by === c.sort;
  return (
    <div role="columnheader" className={`chronology-cell cell-${c.key}`} aria-sort={c.sort === undefined ? undefined : active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      {c.sort === undefined ? (
        c.header
      ) : (
        <button type="button" className="sort-button" onClick={() => onSort(c.sort!)} title={`Sort by ${c.header.toLowerCase()}`}>
          {c.header}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      )}
    </div>
  );
}

function describe(r: ChronologyRow, pseudonyms: boolean): string {
  const who = COLUMNS.find((c) => c.key === 'people')!.cell(r, { pseudonyms });
  return `${r.agency}, ${r.date}${r.time ? ` ${r.time}` : ''}. ${r.signal ? `${r.signal}. ` : ''}${r.contactType ? `${r.contactType}: ` : ''}${r.text.slice(0, 200)}${who ? ` People: ${who}.` : ''}`;
}

/** The narrowest the columns can be, so they scroll sideways rather than squash. */
function minWidthRem(columns: readonly ChronologyColumn[]): number {
  return columns.reduce((n, c) => n + Number(/([\d.]+)rem/.exec(c.width)?.[1] ?? 6), 0);
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'true';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, String(on));
  } catch {
    // Not remembered: the choice still holds for this session.
  }
}
