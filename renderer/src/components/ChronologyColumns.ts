// The chronology table's columns: what each shows of a row, as plain text (agency text is untrusted
// and only ever reaches the DOM as React text nodes), how wide it is, and which can be sorted.
import type { ChronologyRow, ChronologySort } from '../../../shared/timeline';
import { SIGNAL_MARK, SIGNAL_WORD } from './timeline-items';

export interface CellOptions {
  /** People as their pseudonyms (names, and the agency's own people column, hidden). */
  pseudonyms: boolean;
}

export interface ChronologyColumn {
  key: string;
  header: string;
  /** A CSS grid track. */
  width: string;
  sort?: ChronologySort;
  cell: (r: ChronologyRow, o: CellOptions) => string;
}

const PRECISION_WORD: Record<string, string> = { week: 'week', month: 'month', season: 'season', year: 'year', approximate: 'approximate' };

/** The date as Jigsaw read it: the range for an approximate date, its precision, and the hedges. */
export function dateAsRead(r: Pick<ChronologyRow, 'date' | 'dateTo' | 'precision' | 'flags'>): string {
  let s = r.date === r.dateTo ? r.date : `${r.date} to ${r.dateTo}`;
  if (r.precision !== 'day') s += ` (${PRECISION_WORD[r.precision] ?? r.precision})`;
  if (r.flags.includes('before')) s = `before ${s}`;
  if (r.flags.includes('after')) s = `after ${s}`;
  if (r.flags.includes('uncertain')) s = `? ${s}`;
  return s;
}

export function peopleText(r: ChronologyRow, o: CellOptions): string {
  if (o.pseudonyms) return r.people.map((p) => p.pseudonym ?? 'Person without a pseudonym').join(', ');
  return r.people.length ? r.people.map((p) => p.name).join(', ') : (r.personText ?? '');
}

const count = (n: number): string => (n ? String(n) : '');

export const COLUMNS: readonly ChronologyColumn[] = [
  { key: 'agency', header: 'Agency', width: '8.5rem', sort: 'agency', cell: (r) => r.agency },
  { key: 'date', header: 'Date', width: '11rem', sort: 'date', cell: dateAsRead },
  { key: 'time', header: 'Time', width: '4rem', cell: (r) => r.time ?? '' },
  { key: 'recorded', header: 'Date as recorded', width: '8rem', cell: (r) => r.originalDate },
  { key: 'type', header: 'Contact type', width: '9rem', cell: (r) => r.contactType ?? '' },
  { key: 'text', header: 'Text', width: 'minmax(16rem, 3fr)', cell: (r) => r.text },
  { key: 'outcome', header: 'Outcome', width: 'minmax(8rem, 1fr)', cell: (r) => r.outcome ?? '' },
  { key: 'people', header: 'People', width: '9rem', cell: peopleText },
  { key: 'signal', header: 'Signal', width: '7rem', sort: 'signal', cell: (r) => (r.signal ? `${SIGNAL_MARK[r.signal]} ${SIGNAL_WORD[r.signal]}`.trim() : '') },
  { key: 'cluster', header: 'Cluster', width: '8rem', cell: (r) => r.clusters.map((c) => `${c.status === 'missed' ? 'Missed' : 'Responded'} #${c.id}`).join(', ') },
  { key: 'links', header: 'Links', width: '3.5rem', cell: (r) => count(r.links) },
  { key: 'notes', header: 'Notes', width: '3.5rem', cell: (r) => count(r.notes) },
];

const STORE_KEY = 'jigsaw.chronology.columns';

/** The columns chosen last time (all of them the first time); unknown keys are dropped. */
export function loadColumns(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const keys = saved.filter((k): k is string => typeof k === 'string' && COLUMNS.some((c) => c.key === k));
      if (keys.length) return keys;
    }
  } catch {
    // No storage (or a damaged value): every column.
  }
  return COLUMNS.map((c) => c.key);
}

export function saveColumns(keys: string[]): void {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(keys));
  } catch {
    // Not remembered: the choice still holds for this session.
  }
}
