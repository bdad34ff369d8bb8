// The merged timeline: one lane per agency. vis-timeline never gets the whole case: each range
// change asks the engine for the entries in view, capped, and the DataSets are updated in place.
import { useEffect, useRef, useState } from 'react';
import { DataSet } from 'vis-data/standalone';
import { Timeline, type DataItem, type DataGroup } from 'vis-timeline/standalone';
import type { JigsawApi } from '../../../shared/api';
import type { CaseSummary, TimelineEntry } from '../../../shared/types';

const ITEM_CAP = 400;

function textElement(text: string, className: string): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text; // agency text is untrusted: never parsed as HTML
  return el;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00`);
const nextDay = (iso: string): Date => new Date(day(iso).getTime() + 86_400_000);

function toItem(e: TimelineEntry, colourIndex: number): DataItem {
  const label = `${e.time ? `${e.time} ` : ''}${e.contactType ? `${e.contactType}: ` : ''}${e.text.replace(/\s+/g, ' ').slice(0, 70)}`;
  const exact = e.precision === 'day';
  return {
    id: e.id,
    group: e.agencyId,
    start: exact && e.time ? new Date(`${e.date}T${e.time}:00`) : day(e.date),
    end: exact ? undefined : nextDay(e.dateTo),
    type: exact ? 'box' : 'range',
    content: textElement(label, 'item-label') as unknown as string,
    className: `agency-${colourIndex % 12}${exact ? '' : ' approximate'}${e.flags.length ? ' flagged' : ''}`,
  };
}

export function TimelineView(props: { api: JigsawApi; summary: CaseSummary; revision: number; selected: number | null; onSelect: (id: number | null) => void }) {
  const { api, summary, revision, onSelect } = props;
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const items = useRef(new DataSet<DataItem>());
  const groups = useRef(new DataSet<DataGroup>());
  const request = useRef(0);
  const [status, setStatus] = useState('');

  // Create the timeline once; destroy it on unmount.
  useEffect(() => {
    const tl = new Timeline(container.current!, items.current, groups.current, {
      stack: true,
      zoomMin: 1000 * 60 * 60 * 6,
      orientation: 'top',
      margin: { item: 4 },
      height: '100%',
      xss: { disabled: false },
      align: 'left',
    });
    timeline.current = tl;
    return () => {
      tl.destroy();
      timeline.current = null;
    };
  }, []);

  useEffect(() => {
    const tl = timeline.current;
    if (!tl) return;
    const colourOf = new Map(summary.agencies.map((a, i) => [a.id, i]));
    groups.current.update(summary.agencies.map((a, i) => ({ id: a.id, content: textElement(a.name, `group-label agency-text-${i % 12}`) as unknown as string })));
    const load = (start: Date, end: Date): void => {
      const mine = ++request.current;
      const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      api.listEntries({ from: iso(start), to: iso(end), limit: ITEM_CAP }).then(
        (page) => {
          if (mine !== request.current) return; // a newer range is already on its way
          const next = page.entries.map((e) => toItem(e, colourOf.get(e.agencyId) ?? 0));
          const keep = new Set(next.map((i) => i.id));
          items.current.remove(items.current.getIds().filter((id: string | number) => !keep.has(id as number)));
          items.current.update(next);
          setStatus(page.truncated ? `Showing the first ${page.entries.length} of ${page.total} entries in view: zoom in to see them all.` : `${page.total} entries in view.`);
        },
        (e: Error) => setStatus(`Could not load entries: ${e.message}`),
      );
    };
    const onRange = (p: { start: Date; end: Date }) => load(p.start, p.end);
    const onSelect_ = (p: { items: (number | string)[] }) => onSelect(p.items.length ? Number(p.items[0]) : null);
    tl.on('rangechanged', onRange);
    tl.on('select', onSelect_);
    if (summary.dateMin && summary.dateMax && revision >= 0) {
      const start = day(summary.dateMin);
      const end = nextDay(summary.dateMax);
      const pad = Math.max(86_400_000, (end.getTime() - start.getTime()) * 0.03);
      tl.setWindow(new Date(start.getTime() - pad), new Date(end.getTime() + pad), { animation: false });
      load(new Date(start.getTime() - pad), new Date(end.getTime() + pad));
    }
    return () => {
      tl.off('rangechanged', onRange);
      tl.off('select', onSelect_);
    };
  }, [api, summary, revision, onSelect]);

  return (
    <div className="timeline-wrap">
      <div ref={container} className="timeline" data-testid="timeline" />
      <p className="timeline-status" role="status" aria-live="polite">{status}</p>
    </div>
  );
}
