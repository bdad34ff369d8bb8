// The chronology table's rows, fetched from the engine a page at a time as they scroll into view and
// kept only near where the table is (never the whole case): a plain cache class, and the hook that
// makes a new one whenever the filters, the sort or the case change.
import { useEffect, useMemo, useReducer } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ChronologyRow, ChronologySort, ViewFilters } from '../../../shared/timeline';

export const PAGE_ROWS = 100;
/** Pages held at once: a few screens either side of the one in view. */
const PAGES_KEPT = 40;
/** Requests on their way at once: a scrollbar dragged through the case asks only for where it stops. */
const IN_FLIGHT = 3;

export interface PagesQuery {
  filters: ViewFilters;
  sort: ChronologySort;
  descending: boolean;
}

export class ChronologyPages {
  private readonly pages = new Map<number, ChronologyRow[]>();
  private readonly asking = new Set<number>();
  private wanted: [number, number] = [0, 0];
  private live = false;
  /** Null until the first answer. */
  total: number | null = null;
  error: string | null = null;

  constructor(
    private readonly api: JigsawApi,
    private readonly query: PagesQuery,
    private readonly changed: () => void,
  ) {}

  start(): void {
    this.live = true;
    this.fill();
  }

  /** Answers arriving after this are dropped (the query or the case changed). */
  stop(): void {
    this.live = false;
  }

  rowAt(index: number): ChronologyRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  }

  /** Rows first..last are on screen: fetch their pages (and drop far ones). */
  want(first: number, last: number): void {
    this.wanted = [first, last];
    this.fill();
  }

  /** The row number of an entry under this query (null when filtered out); its page is kept. */
  async find(entryId: number): Promise<number | null> {
    const p = await this.api.chronologyPage({ ...this.query.filters, sort: this.query.sort, descending: this.query.descending, offset: 0, limit: PAGE_ROWS, find: entryId });
    if (!this.live) return null;
    this.keep(p.offset / PAGE_ROWS, p.rows, p.total);
    return p.found ?? null;
  }

  private keep(page: number, rows: ChronologyRow[], total: number): void {
    this.pages.set(page, rows);
    const news = this.total !== total || this.error !== null;
    this.total = total;
    this.error = null;
    // A page the table has already scrolled past is kept without redrawing the table.
    const [first, last] = this.wanted;
    if (news || (page >= Math.floor(first / PAGE_ROWS) && page <= Math.floor(last / PAGE_ROWS))) this.changed();
  }

  private fill(): void {
    if (!this.live) return;
    const [first, last] = this.wanted;
    const from = Math.floor(first / PAGE_ROWS);
    const to = Math.floor(last / PAGE_ROWS);
    for (const p of this.pages.keys()) if (this.pages.size > PAGES_KEPT && (p < from - PAGES_KEPT / 2 || p > to + PAGES_KEPT / 2)) this.pages.delete(p);
    const lastPage = this.total === null ? from : Math.max(0, Math.ceil(this.total / PAGE_ROWS) - 1);
    // The pages on screen first, then one either side for the next scroll.
    const order = [...range(from, Math.min(to, lastPage)), to + 1, from - 1].filter((p) => p >= 0 && p <= lastPage);
    for (const page of order) {
      if (this.asking.size >= IN_FLIGHT) return;
      if (this.pages.has(page) || this.asking.has(page)) continue;
      this.asking.add(page);
      this.api.chronologyPage({ ...this.query.filters, sort: this.query.sort, descending: this.query.descending, offset: page * PAGE_ROWS, limit: PAGE_ROWS }).then(
        (p) => {
          this.asking.delete(page);
          if (!this.live) return;
          this.keep(page, p.rows, p.total);
          this.fill(); // the table may have moved on while this was on its way
        },
        (e: Error) => {
          this.asking.delete(page);
          if (!this.live) return;
          this.error = e.message;
          this.changed();
        },
      );
    }
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** A fresh cache for each query and case revision; `version` changes as its pages arrive. */
export function useChronologyPages(api: JigsawApi, query: PagesQuery, revision: number): { pages: ChronologyPages; version: number } {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const key = JSON.stringify([query.filters, query.sort, query.descending, revision]);
  const pages = useMemo(() => {
    const [filters, sort, descending] = JSON.parse(key) as [ViewFilters, ChronologySort, boolean];
    return new ChronologyPages(api, { filters, sort, descending }, bump);
  }, [api, key]);
  useEffect(() => {
    pages.start();
    return () => pages.stop();
  }, [pages]);
  return { pages, version };
}
