// Periods with no recorded contact: for the subject (no agency at all) and per agency.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { SilentPeriods, SilentSpan } from '../../../shared/review';

const span = (s: SilentSpan): string => `${s.from} to ${s.to} (${s.days} days)`;

export function SilentPeriodsList(props: { api: JigsawApi; revision: number }) {
  const [data, setData] = useState<SilentPeriods | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    props.api.silentPeriods().then(setData, (e: Error) => setError(e.message));
  }, [props.api, props.revision]);

  if (!data) return <p role="status">{error ?? 'Finding silent periods…'}</p>;
  if (!data.from) return <p>No review period and no entries yet: nothing to search.</p>;
  return (
    <div className="silent-periods" data-testid="silent-periods">
      <p>Spans longer than {data.gapDays} days with no recorded contact, between {data.from} and {data.to}. They are shaded on the timeline.</p>
      <h3>No agency in contact</h3>
      {data.subject.length ? <ul>{data.subject.map((s) => <li key={s.from}>{span(s)}</li>)}</ul> : <p>None.</p>}
      <h3>By agency</h3>
      {data.agencies.length === 0 && <p>No extracts imported yet.</p>}
      <dl>
        {data.agencies.map((a) => (
          <div key={a.agencyId}>
            <dt>{a.agency}</dt>
            <dd>{a.spans.length ? a.spans.map(span).join('; ') : `No gap longer than ${data.gapDays} days`}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
