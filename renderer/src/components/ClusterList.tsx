// The ranked list of clusters: worst first, each with its status, dates, agencies and themes.
import type { ClusterSummary } from '../../../shared/signals';

export const STATUS_WORD = { missed: 'Missed', responded: 'Responded' } as const;
export const DECISION_WORD = { confirmed: 'Confirmed missed opportunity', dismissed: 'Dismissed' } as const;

export function ClusterList({ clusters, onChoose }: { clusters: ClusterSummary[]; onChoose: (c: ClusterSummary) => void }) {
  if (clusters.length === 0) {
    return <p className="muted">No clusters: no weeks in which two or more agencies recorded concerns about the same person.</p>;
  }
  return (
    <ol className="cluster-list" aria-label="Clusters, worst first">
      {clusters.map((c) => (
        <li key={c.id}>
          <button type="button" className={`cluster-item cluster-${c.status}`} onClick={() => onChoose(c)} aria-label={`${STATUS_WORD[c.status]} cluster ${c.from} to ${c.to}, ${c.agencies.length} agencies, score ${c.score}`}>
            <span className="cluster-head">
              <span className={`status status-${c.status}`}>{STATUS_WORD[c.status]}</span>
              <span className="score" title="Score: agencies, severity, density and escalation">{c.score}</span>
            </span>
            <span className="cluster-dates">{c.from} to {c.to}{c.personNames.length > 0 && ` · ${c.personNames.join(', ')}`}</span>
            <span className="cluster-agencies">{c.agencies.join(', ')}</span>
            <span className="cluster-themes">{c.themes.join(', ')}</span>
            {(c.decision || !c.detected || c.noteCount > 0) && (
              <span className="cluster-marks">
                {c.decision && <span className={`decision decision-${c.decision}`}>{DECISION_WORD[c.decision]}</span>}
                {!c.detected && <span className="stale">No longer found</span>}
                {c.noteCount > 0 && <span>{c.noteCount} note{c.noteCount === 1 ? '' : 's'}</span>}
              </span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}
