// Turns what the engine sends (entries, counts, bands) into vis-timeline items. Content is always a
// DOM element filled with textContent: agency text is untrusted and never parsed as HTML.
import type { DataItem } from 'vis-timeline/standalone';
import type { BucketPeriod, TimelineBand, TimelineBucket } from '../../../shared/timeline';
import type { TimelineEntry } from '../../../shared/types';

export const day = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00`);
export const nextDay = (iso: string): Date => {
  const d = day(iso);
  d.setDate(d.getDate() + 1);
  return d;
};
export const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function textElement(text: string, className: string): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text; // never innerHTML
  return el;
}

type SignalKind = NonNullable<TimelineEntry['signal']>['kind'];
/** The signal the signals module read in an entry, when it read one. */
export const signalOf = (e: TimelineEntry): SignalKind | null => e.signal?.kind ?? null;

/** A shape as well as a colour, so the kind reads without colour vision. */
export const SIGNAL_MARK: Record<SignalKind, string> = { concern: '▲', response: '■', routine: '' };
export const SIGNAL_WORD: Record<SignalKind, string> = { concern: 'Concern', response: 'Response', routine: 'Routine' };

function entryLabel(e: TimelineEntry, presentation: boolean): string {
  const time = e.time ? `${e.time} ` : '';
  // In presentation free text stays off the screen: it names people; the type and role do not.
  if (presentation) return `${time}${e.contactType ?? 'Entry'}`;
  return `${time}${e.contactType ? `${e.contactType}: ` : ''}${e.text.replace(/\s+/g, ' ').slice(0, 70)}`;
}

export interface ItemOptions {
  colourOf: Map<number, number>;
  presentation: boolean;
  linked: Set<number>;
}

export function entryItem(e: TimelineEntry, o: ItemOptions): DataItem {
  const exact = e.precision === 'day';
  const signal = signalOf(e);
  const content = document.createElement('span');
  content.className = 'item-label';
  if (signal && SIGNAL_MARK[signal]) content.append(textElement(`${SIGNAL_MARK[signal]} `, 'signal-mark'));
  content.append(document.createTextNode(entryLabel(e, o.presentation)));
  const classes = [`agency-${(o.colourOf.get(e.agencyId) ?? 0) % 12}`, 'entry'];
  if (!exact) classes.push('approximate');
  if (e.flags.length) classes.push('flagged');
  if (signal) classes.push(`signal-${signal}`);
  if (o.linked.has(e.id)) classes.push('linked');
  return {
    id: e.id,
    group: e.agencyId,
    start: exact && e.time ? new Date(`${e.date}T${e.time}:00`) : day(e.date),
    end: exact ? undefined : nextDay(e.dateTo),
    type: exact ? 'box' : 'range',
    content: content as unknown as string,
    className: classes.join(' '),
  };
}

export function bucketItem(b: TimelineBucket, colourOf: Map<number, number>, busiest: number): DataItem {
  // Four shades by share of the busiest period in view and around it (the counts held, so a box keeps
  // its shade while the window pans): bursts stand out, quiet spells fade.
  const level = Math.min(4, Math.max(1, Math.ceil((b.count / Math.max(1, busiest)) * 4)));
  return {
    id: `bucket:${b.agencyId}:${b.start}`,
    group: b.agencyId,
    start: day(b.start),
    end: day(b.end),
    type: 'range',
    content: textElement(String(b.count), 'bucket-count') as unknown as string,
    className: `bucket level-${level} agency-${(colourOf.get(b.agencyId) ?? 0) % 12}`,
  };
}

/** Class names come from the app's code, but are cleaned anyway: nothing but simple words. */
const safeClass = (c: string): string => c.replace(/[^A-Za-z0-9_ -]/g, '').trim();

export function bandItem(b: TimelineBand): DataItem {
  const end = /T/.test(b.end) ? new Date(b.end) : nextDay(b.end);
  return {
    id: `band:${b.id}`,
    start: /T/.test(b.start) ? new Date(b.start) : day(b.start),
    end,
    type: 'background',
    content: textElement(b.label, 'band-label') as unknown as string,
    className: `band ${safeClass(b.className)}`,
    ...(b.group === undefined ? {} : { group: b.group }),
  };
}

const DAY_MS = 86_400_000;
const PERIOD_DAYS: [BucketPeriod, number][] = [['day', 1], ['week', 7], ['month', 30.44], ['quarter', 91.3], ['year', 365.25]];

/** The finest period whose counts still fit the width: a count needs about 30 px to be read, and
 *  40 keeps the boxes (each one measured by vis-timeline) few enough to redraw quickly. */
export function periodFor(start: Date, end: Date, widthPx: number): BucketPeriod {
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  const fits = Math.max(8, widthPx / 40);
  for (const [p, len] of PERIOD_DAYS) if (days / len <= fits) return p;
  return 'year';
}
