import { useCallback, useEffect, useState } from 'react';
import type { JigsawApi } from '../../shared/api';
import type { CaseSummary } from '../../shared/types';
import { EntryDetailPanel } from './components/EntryDetailPanel';
import { ImportDialog } from './components/ImportDialog';
import { TimelineView } from './components/TimelineView';

export function App({ api }: { api: JigsawApi }) {
  const [summary, setSummary] = useState<CaseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [revision, setRevision] = useState(0);

  const refresh = useCallback(() => {
    api.getCase().then(setSummary, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(refresh, [refresh]);

  if (error) return <main className="fatal" role="alert">Jigsaw could not open the case: {error}</main>;
  if (!summary) return <main className="loading">Opening case…</main>;

  return (
    <div className="app">
      <header className="topbar">
        <div>
          <h1>{summary.title}</h1>
          <p className="subtitle">
            {summary.reviewType} · {summary.entryCount} entries from {summary.agencies.length} agencies
            {summary.periodFrom && ` · review period ${summary.periodFrom} to ${summary.periodTo ?? '…'}`}
          </p>
        </div>
        <button type="button" onClick={() => setImporting(true)}>Import extract…</button>
      </header>
      <main className="workspace">
        <section className="timeline-pane" aria-label="Merged timeline">
          <ul className="legend" aria-label="Agencies">
            {summary.agencies.map((a, i) => (
              <li key={a.id}>
                <span className={`swatch agency-${i % 12}`} aria-hidden="true" /> {a.name} ({a.entryCount})
              </li>
            ))}
          </ul>
          {summary.entryCount === 0 ? (
            <p className="empty">No entries yet. Import an agency’s extract to begin.</p>
          ) : (
            <TimelineView api={api} summary={summary} revision={revision} selected={selected} onSelect={setSelected} />
          )}
        </section>
        {selected !== null && <EntryDetailPanel key={selected} api={api} entryId={selected} onClose={() => setSelected(null)} />}
      </main>
      {importing && (
        <ImportDialog
          api={api}
          agencies={summary.agencies.map((a) => a.name)}
          onClose={() => setImporting(false)}
          onImported={() => {
            setRevision((r) => r + 1);
            refresh();
          }}
        />
      )}
    </div>
  );
}
