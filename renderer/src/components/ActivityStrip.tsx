// Above the timeline: entries per agency per month across the whole case (counted in SQL), so
// bursts and silences show at a glance. Drawn as SVG; summarised in words for screen readers.
import { useEffect, useMemo, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ActivityMonth, ViewFilters } from '../../../shared/timeline';
import type { CaseSummary } from '../../../shared/types';
import { countsByAgency, describeAgency, monthName, monthsBetween } from './activity-summary';

const ROW = 12;

export function ActivityStrip({ api, summary, filters, revision, onPickMonth, ready = true }: { api: JigsawApi; summary: CaseSummary; filters: ViewFilters; revision: number; onPickMonth: (month: string) => void; ready?: boolean }) {
  const [rows, setRows] = useState<ActivityMonth[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { from: _f, to: _t, ...rest } = filters;
  const key = JSON.stringify(rest);
  useEffect(() => {
    if (!ready) return;
    let current = true;
    api.activityByMonth(JSON.parse(key) as ViewFilters).then(
      (r) => current && setRows(r),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [api, key, revision, ready]);

  const months = useMemo(() => (summary.dateMin && summary.dateMax ? monthsBetween(summary.dateMin.slice(0, 7), summary.dateMax.slice(0, 7)) : []), [summary.dateMin, summary.dateMax]);
  const by = useMemo(() => countsByAgency(rows ?? []), [rows]);
  const busiest = useMemo(() => Math.max(1, ...(rows ?? []).map((r) => r.count)), [rows]);
  if (error) return <p className="error" role="alert">Could not count activity: {error}</p>;
  if (!rows || months.length === 0) return null;

  const agencies = summary.agencies;
  const width = months.length;
  const description = agencies.map((a) => describeAgency(a.name, months, by.get(a.id) ?? new Map())).join(' ');
  return (
    <figure className="activity-strip" data-testid="activity-strip">
      <figcaption className="visually-hidden">Entries per agency per month, {monthName(months[0]!)} to {monthName(months[months.length - 1]!)}. {description}</figcaption>
      <svg viewBox={`0 0 ${width} ${agencies.length * ROW}`} preserveAspectRatio="none" style={{ height: `${agencies.length * ROW}px` }} aria-hidden="true">
        {agencies.map((a, row) =>
          months.map((m, col) => {
            const n = by.get(a.id)?.get(m) ?? 0;
            if (n === 0) return null;
            return (
              <rect
                key={`${a.id}-${m}`}
                x={col}
                y={row * ROW + 1}
                width={1}
                height={ROW - 2}
                className={`agency-${row % 12}`}
                style={{ opacity: 0.25 + 0.75 * (n / busiest) }}
                onClick={() => onPickMonth(m)}
              >
                <title>{`${a.name}, ${monthName(m)}: ${n}`}</title>
              </rect>
            );
          }),
        )}
      </svg>
      <div className="activity-axis" aria-hidden="true">
        <span>{monthName(months[0]!)}</span>
        <span>{monthName(months[months.length - 1]!)}</span>
      </div>
    </figure>
  );
}
