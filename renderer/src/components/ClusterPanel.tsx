// Missed signals beside the timeline: the ranked clusters, and one cluster's evidence with the
// panel's decision and notes. Clusters also become bands on the timeline (clusterBands).
import { useCallback, useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ClusterSummary } from '../../../shared/signals';
import type { TimelineBand } from '../../../shared/timeline';
import { ClusterDetailView } from './ClusterDetail';
import { ClusterList } from './ClusterList';
import { ClusterRules } from './ClusterRules';
import './clusters.css';

/** The case's clusters, reloaded whenever `revision` changes or `reload` is called. */
export function useClusters(api: JigsawApi, revision: number): { clusters: ClusterSummary[] | null; error: string | null; reload: () => void } {
  const [clusters, setClusters] = useState<ClusterSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api.listClusters().then(
      (c) => live && (setClusters(c), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, revision, tick]);
  return { clusters, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}

export function clusterBands(clusters: ClusterSummary[] | null): TimelineBand[] {
  return (clusters ?? [])
    .filter((c) => c.detected)
    .map((c) => ({
      id: `cluster-${c.id}`,
      start: c.from,
      end: c.to,
      className: `cluster-band cluster-${c.status}`,
      label: `${c.status === 'missed' ? 'Missed signals' : 'Responded'}: ${c.agencies.length} agencies`,
    }));
}

export interface ClusterPanelProps {
  api: JigsawApi;
  clusters: ClusterSummary[] | null;
  error: string | null;
  chosen: number | null;
  onChoose: (c: ClusterSummary | null) => void;
  onChanged: () => void;
  onOpenEntry: (entryId: number) => void;
}

export function ClusterPanel({ api, clusters, error, chosen, onChoose, onChanged, onOpenEntry }: ClusterPanelProps) {
  const [editingRules, setEditingRules] = useState(false);
  return (
    <aside className="clusters" aria-label="Missed signals">
      <div className="clusters-head">
        <h2>Missed signals</h2>
        <button type="button" onClick={() => setEditingRules(true)}>Rules…</button>
      </div>
      {editingRules && <ClusterRules api={api} onClose={() => setEditingRules(false)} onSaved={onChanged} />}
      {error && <p role="alert" className="error">Could not load clusters: {error}</p>}
      {!clusters && !error && <p className="muted">Looking for clusters…</p>}
      {clusters && chosen === null && <ClusterList clusters={clusters} onChoose={onChoose} />}
      {clusters && chosen !== null && (
        <ClusterDetailView key={chosen} api={api} id={chosen} onBack={() => onChoose(null)} onChanged={onChanged} onOpenEntry={onOpenEntry} />
      )}
    </aside>
  );
}
