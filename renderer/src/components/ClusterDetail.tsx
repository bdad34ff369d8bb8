// One cluster, explained: why it was flagged, its entries with the words that fired, and the
// panel's decision (confirm / dismiss with a reason) and notes. Agency text is shown as text only.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import { MODEL_RULE_ID, type ClusterDetail } from '../../../shared/signals';
import { DECISION_WORD, STATUS_WORD } from './ClusterList';

export interface ClusterDetailProps {
  api: JigsawApi;
  id: number;
  onBack: () => void;
  onChanged: () => void;
  onOpenEntry: (entryId: number) => void;
}

export function ClusterDetailView({ api, id, onBack, onChanged, onOpenEntry }: ClusterDetailProps) {
  const [cluster, setCluster] = useState<ClusterDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.getCluster(id).then(setCluster, (e: Error) => setError(e.message));
  }, [api, id]);

  const save = (p: Promise<ClusterDetail>, after?: () => void) => {
    setBusy(true);
    setError(null);
    p.then(
      (c) => {
        setCluster(c);
        after?.();
        onChanged();
      },
      (e: Error) => setError(e.message),
    ).finally(() => setBusy(false));
  };

  return (
    <div className="cluster-detail" data-testid="cluster-detail">
      <button type="button" onClick={onBack}>← All clusters</button>
      {error && <p role="alert" className="error">{error}</p>}
      {cluster && (
        <>
          <h3>
            <span className={`status status-${cluster.status}`}>{STATUS_WORD[cluster.status]}</span> {cluster.from} to {cluster.to}
          </h3>
          <p className="muted">Score {cluster.score} · {cluster.agencies.join(', ')}{cluster.personNames.length > 0 && ` · ${cluster.personNames.join(', ')}`}</p>
          {!cluster.detected && <p className="stale">No longer found with the current entries and lexicon; kept for the panel’s decision and notes.</p>}
          <h4>Why it is flagged</h4>
          <ul className="reasons" data-testid="cluster-reasons">
            {cluster.reasons.map((r) => <li key={r}>{r}</li>)}
          </ul>
          <h4>Evidence</h4>
          <ol className="evidence">
            {cluster.evidence.map((e) => (
              <li key={e.entryId} className={`evidence-${e.role}`}>
                <button type="button" className="link" onClick={() => onOpenEntry(e.entryId)}>{e.date} · {e.agency}{e.contactType && `: ${e.contactType}`}</button>
                <span className="role">{e.role === 'response' ? 'response' : 'concern'}</span>
                <p className="entry-text">{e.text}</p>
                {e.outcome && <p className="muted">Outcome: {e.outcome}</p>}
                <p className="fired">
                  {e.rules.map((r, i) => (
                    <span key={`${r.ruleId}-${i}`} className={`fired-${r.kind}`} title={r.ruleId === MODEL_RULE_ID ? 'read by the concern model, severity 1' : `rule ${r.ruleId}, severity ${r.severity}`}>“{r.matched}” → {r.theme}</span>
                  ))}
                </p>
              </li>
            ))}
          </ol>
          <h4>Panel decision</h4>
          {cluster.decision ? (
            <p className={`decision decision-${cluster.decision}`} data-testid="cluster-decision">
              {DECISION_WORD[cluster.decision]}{cluster.decisionReason && `: ${cluster.decisionReason}`} ({cluster.decidedBy}, {cluster.decidedAt?.slice(0, 10)})
            </p>
          ) : (
            <p className="muted">Not decided yet.</p>
          )}
          <label>
            Reason (needed to dismiss)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
          </label>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => save(api.decideCluster({ id, decision: 'confirmed', reason }), () => setReason(''))}>Confirm missed opportunity</button>
            <button type="button" disabled={busy || !reason.trim()} onClick={() => save(api.decideCluster({ id, decision: 'dismissed', reason }), () => setReason(''))}>Dismiss</button>
            {cluster.decision && <button type="button" disabled={busy} onClick={() => save(api.decideCluster({ id, decision: null }))}>Clear decision</button>}
          </div>
          <h4>Notes</h4>
          <ul className="notes">
            {cluster.notes.map((n) => (
              <li key={n.id}><span className="muted">{n.author}, {n.at.slice(0, 16).replace('T', ' ')}:</span> {n.text}</li>
            ))}
          </ul>
          <label>
            Add a note
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={5000} />
          </label>
          <div className="actions">
            <button type="button" disabled={busy || !note.trim()} onClick={() => save(api.addClusterNote({ id, text: note }), () => setNote(''))}>Add note</button>
          </div>
        </>
      )}
    </div>
  );
}
