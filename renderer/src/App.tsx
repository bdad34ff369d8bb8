import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JigsawApi } from '../../shared/api';
import type { CaseSummary } from '../../shared/types';
import { count } from '../../shared/words';
import { EntryDetailPanel } from './components/EntryDetailPanel';
import { ExportControls } from './components/ExportControls';
import { ImportDialog } from './components/ImportDialog';
import { PeoplePanel } from './components/PeoplePanel';
import { CaseTimeline } from './components/CaseTimeline';
import { ClusterPanel, clusterBands, useClusters } from './components/ClusterPanel';
import type { TimelineFocus } from './components/TimelineView';
import { PresentationMode } from './components/PresentationMode';
import { ReviewPanel } from './components/ReviewPanel';
import { useSilentBands } from './components/SilentBands';

export function App({ api }: { api: JigsawApi }) {
  const [summary, setSummary] = useState<CaseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [revision, setRevision] = useState(0);
  const [presenting, setPresenting] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [peopleOpen, setPeopleOpen] = useState(false);

  const refresh = useCallback(() => {
    api.getCase().then(setSummary, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(refresh, [refresh]);
  const silentBands = useSilentBands(api, revision);
  const { clusters, error: clusterError, reload: reloadClusters } = useClusters(api, revision);
  const [chosenCluster, setChosenCluster] = useState<number | null>(null);
  const [clusterFocus, setClusterFocus] = useState<TimelineFocus | null>(null);
  const signalBands = useMemo(() => clusterBands(clusters), [clusters]);
  const bands = useMemo(() => [...signalBands, ...(silentBands ?? [])], [signalBands, silentBands]);
  const chooseCluster = useCallback((c: { id: number; from: string; to: string } | null) => {
    setChosenCluster(c?.id ?? null);
    // Choosing a cluster brings the timeline to it, with a few days either side.
    if (c) setClusterFocus({ start: shiftDays(c.from, -7), end: shiftDays(c.to, 14) });
  }, []);

  if (error) return <main className="fatal" role="alert">Jigsaw could not open the case: {error}</main>;
  if (!summary) return <main className="loading">Opening case…</main>;

  return (
    <div className="app">
      <header className="topbar">
        <div>
          <h1>{summary.title}</h1>
          <p className="subtitle">
            {summary.reviewType} · {count(summary.entryCount, 'entry')} from {count(summary.agencies.length, 'agency')}
            {summary.periodFrom && ` · review period ${summary.periodFrom} to ${summary.periodTo ?? '…'}`}
          </p>
        </div>
        <button type="button" onClick={() => setPresenting(true)} disabled={summary.entryCount === 0}>Present</button>
        <button type="button" onClick={() => setPeopleOpen(true)} disabled={summary.entryCount === 0}>People…</button>
        <button type="button" onClick={() => setReviewing(true)}>Review…</button>
        <button type="button" onClick={() => setImporting(true)}>Import extract…</button>
        <ExportControls api={api} summary={summary} />
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
            <CaseTimeline
              api={api}
              summary={summary}
              revision={revision}
              selected={selected}
              onSelect={setSelected}
              bands={bands}
              focusOn={clusterFocus}
              linked={clusters?.find((c) => c.id === chosenCluster)?.entryIds}
            />
          )}
        </section>
        {summary.entryCount > 0 && (
          <ClusterPanel api={api} clusters={clusters} error={clusterError} chosen={chosenCluster} onChoose={chooseCluster} onChanged={reloadClusters} onOpenEntry={setSelected} />
        )}
        {selected !== null && <EntryDetailPanel key={selected} api={api} entryId={selected} onClose={() => setSelected(null)} />}
      </main>
      {reviewing && (
        <ReviewPanel
          api={api}
          revision={revision}
          onClose={() => setReviewing(false)}
          onChanged={() => {
            setRevision((r) => r + 1);
            refresh();
          }}
        />
      )}
      {peopleOpen && (
        <PeoplePanel
          api={api}
          onClose={() => setPeopleOpen(false)}
          onOpenEntry={(id) => {
            setPeopleOpen(false);
            setSelected(id);
          }}
          onChanged={() => setRevision((r) => r + 1)}
        />
      )}
      {presenting && <PresentationMode api={api} summary={summary} bands={signalBands} onExit={() => setPresenting(false)} />}
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

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
