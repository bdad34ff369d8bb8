// The agencies at a glance: asked, received (which version, from which template), problems
// recorded, sign-off; with each agency's request pack to download and the sign-off form.
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { AgencyStatus, PackKind } from '../../../shared/review';
import { SignOffForm } from './SignOffForm';
import { count } from '../../../shared/words';

const STATE_TEXT: Record<AgencyStatus['state'], string> = {
  awaiting: 'Awaiting extract',
  awaiting_sign_off: 'Received, not signed off',
  signed_off: 'Signed off',
  needs_new_sign_off: 'Re-uploaded since sign-off: needs a new sign-off',
};

const PACK_LABELS: [PackKind, string][] = [['xlsx', 'Excel template'], ['docx', 'Word template'], ['cover', 'Cover note']];

/** Hand the bytes to the browser as a download; nothing is opened or shown. */
function download(file: { fileName: string; mimeType: string; bytes: Uint8Array }): void {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DashboardTable(props: { api: JigsawApi; revision: number }) {
  const { api } = props;
  const [rows, setRows] = useState<AgencyStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signing, setSigning] = useState<string | null>(null);

  const load = useCallback(() => {
    api.reviewDashboard().then(setRows, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load, props.revision]);

  async function pack(agency: string, kind: PackKind) {
    setError(null);
    try {
      download(await api.requestPack({ agency, kind }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (!rows) return <p role="status">{error ?? 'Loading agencies…'}</p>;
  return (
    <div className="dashboard">
      {error && <p className="error" role="alert">{error}</p>}
      {rows.length === 0 && <p>No agencies yet: list the agencies asked in the review settings.</p>}
      <table className="dashboard-table" data-testid="review-dashboard">
        <thead>
          <tr><th scope="col">Agency</th><th scope="col">Asked</th><th scope="col">Received</th><th scope="col">Problems</th><th scope="col">Sign-off</th><th scope="col">Request pack</th></tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <Fragment key={s.agency}>
              <tr data-agency={s.agency}>
                <th scope="row">{s.agency}</th>
                <td>{s.asked ? 'Yes' : 'No'}</td>
                <td>
                  {s.received
                    ? `Version ${s.received.version}: ${s.received.fileName}, ${count(s.received.imported, 'entry')}${s.received.templateVersion !== null ? ` (template v${s.received.templateVersion})` : ''}`
                    : '—'}
                </td>
                <td>{s.received ? `${s.problems.rejected} rejected, ${count(s.problems.warnings, 'warning')}, ${count(s.problems.duplicates, 'duplicate')}` : '—'}</td>
                <td className={`state-${s.state}`}>
                  {STATE_TEXT[s.state]}
                  {s.signOff && <span className="sign-off-by">{` Version ${s.signOff.version} by ${s.signOff.name} (${s.signOff.role}), ${s.signOff.date}`}</span>}
                  {s.received && s.state !== 'signed_off' && (
                    <button type="button" onClick={() => setSigning(s.agency)} aria-label={`Sign off ${s.agency}`}>Sign off…</button>
                  )}
                </td>
                <td className="pack-buttons">
                  {PACK_LABELS.map(([kind, label]) => (
                    <button key={kind} type="button" onClick={() => void pack(s.agency, kind)} aria-label={`${label} for ${s.agency}`}>{label}</button>
                  ))}
                </td>
              </tr>
              {signing === s.agency && (
                <tr>
                  <td colSpan={6}>
                    <SignOffForm api={api} status={s} onDone={(done) => { setSigning(null); if (done) load(); }} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
