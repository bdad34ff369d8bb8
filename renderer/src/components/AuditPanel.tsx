// The case's audit log: every change with who, when, what, before and after, the verdict of the
// hash chain, and an export of the whole log as CSV.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { AuditLogView } from '../../../shared/annotations';
import { saveExported } from './ExportDownload';
import './Annotations.css';

const show = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v, null, 1).replace(/\n\s*/g, ' '));

export function AuditPanel({ api, onClose }: { api: JigsawApi; onClose: () => void }) {
  const [log, setLog] = useState<AuditLogView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.readAuditLog().then(setLog, (e: Error) => setError(e.message));
  }, [api]);

  async function exportCsv() {
    try {
      saveExported(await api.exportAuditLog());
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="modal-backdrop chair-modal">
      <div className="modal audit-panel" role="dialog" aria-modal="true" aria-labelledby="audit-title">
        <div className="review-head">
          <h2 id="audit-title">Audit log</h2>
          <div>
            <button type="button" onClick={() => void exportCsv()} disabled={!log}>Export CSV</button> <button type="button" onClick={onClose}>Close</button>
          </div>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        {log && (
          <>
            <p data-testid="chain" className={log.brokenAt === null ? 'chain-ok' : 'chain-broken'}>
              {log.brokenAt === null
                ? `Chain verified: ${log.rows.length} changes, none altered.`
                : `Chain broken at change ${log.brokenAt}: the log was altered outside Jigsaw.`}
            </p>
            {log.rows.length === 0 ? (
              <p className="empty">No changes yet.</p>
            ) : (
              <table className="audit-table">
                <thead>
                  <tr><th scope="col">#</th><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th></tr>
                </thead>
                <tbody>
                  {[...log.rows].reverse().map((r) => (
                    <tr key={r.id}>
                      <td>{r.id}</td>
                      <td>{r.at.slice(0, 19).replace('T', ' ')}</td>
                      <td>{r.actorName} <span className="hash">({r.actorRole})</span></td>
                      <td>{r.action}</td>
                      <td>{r.entity}{r.entityId ? ` ${r.entityId}` : ''}</td>
                      <td className="change">{show(r.before)}</td>
                      <td className="change">{show(r.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </div>
  );
}
