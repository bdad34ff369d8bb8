// Export the integrated chronology: format, period, agencies, analysis or not, pseudonymised or
// not. A pseudonymised export that still identifies someone is refused with what was found; the
// chair may then export anyway, which the audit log records. A long export shows its progress
// (polled from the engine's worker) and can be cancelled, which writes nothing.
import { useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ExportFormat, ExportProgress } from '../../../shared/export';
import type { CaseSummary } from '../../../shared/types';
import { saveExported } from './ExportDownload';
import { usePolledJob } from '../hooks/usePolledJob';
import './Annotations.css';
import { count } from '../../../shared/words';

const FORMATS: [ExportFormat, string][] = [
  ['docx', 'Word (DOCX): cover page, keys and a landscape table'],
  ['xlsx', 'Excel (XLSX): one row per entry, filters on'],
  ['pdf', 'PDF: landscape table'],
  ['csv', 'CSV: for any spreadsheet'],
];

/** A fresh id for one export, so the dialog can poll and cancel exactly that one. */
function newJobId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function ExportProgressBar({ api, jobId }: { api: JigsawApi; jobId: string }) {
  const polled = usePolledJob<ExportProgress | { state: 'starting' }>(
    jobId,
    (id) => api.getExportProgress(id),
    (id) => api.cancelExport(id),
    { state: 'starting' },
  );
  const progress = 'rows' in polled.progress ? polled.progress : null;
  const { stopping, stop } = polled;

  const rows = progress ? `${progress.rows.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')} entries` : '';
  const label = !progress ? 'Starting…' : progress.phase === 'checking' ? `Checking ${rows}` : `Writing ${rows}`;
  return (
    <div className="import-progress export-progress" data-testid="export-progress">
      <progress max={100} value={progress?.percent ?? 0} aria-label="Export progress" />
      {/* Not role=status: the dialog's one status line is the outcome of the export. */}
      <span aria-live="polite">{stopping ? 'Cancelling: nothing will be written…' : `${label} (${progress?.percent ?? 0}%)`}</span>
      <button type="button" onClick={() => void stop()} disabled={stopping}>
        Cancel export
      </button>
    </div>
  );
}

export function ExportDialog({ api, summary, onClose }: { api: JigsawApi; summary: CaseSummary; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [from, setFrom] = useState(summary.periodFrom ?? '');
  const [to, setTo] = useState(summary.periodTo ?? '');
  const [agencies, setAgencies] = useState<string[]>(summary.agencies.map((a) => a.name));
  const [includeAnalysis, setIncludeAnalysis] = useState(true);
  const [pseudonymise, setPseudonymise] = useState(true);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [residual, setResidual] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function run(overrideResidual: boolean) {
    setBusy(true);
    setError(null);
    setDone(null);
    const id = newJobId();
    setJobId(id);
    try {
      const f = await api.exportChronology({
        jobId: id,
        format,
        from: from || undefined,
        to: to || undefined,
        agencies: agencies.length === summary.agencies.length ? undefined : agencies,
        includeAnalysis,
        pseudonymise,
        overrideResidual,
      });
      saveExported(f);
      setResidual(null);
      setOverride(false);
      setDone(`Exported ${count(f.rows, 'entry')} as ${f.fileName}${f.residual.length ? ` despite ${count(f.residual.length, 'identifier')} found (recorded in the audit log)` : ''}.`);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'residual_identifiers') setResidual((e as Error).message);
      else if (code === 'cancelled') setDone((e as Error).message);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
      setJobId(null);
    }
  }

  const toggleAgency = (name: string, on: boolean) => setAgencies((xs) => (on ? [...xs, name] : xs.filter((x) => x !== name)));

  return (
    <div className="modal-backdrop chair-modal">
      <div className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title">
        <h2 id="export-title">Export the chronology</h2>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map(([f, label]) => <option key={f} value={f}>{label}</option>)}
          </select>
        </label>
        <div className="row">
          <label>
            From
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        <fieldset>
          <legend>Agencies</legend>
          {summary.agencies.map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" checked={agencies.includes(a.name)} onChange={(e) => toggleAgency(a.name, e.target.checked)} /> {a.name}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={includeAnalysis} onChange={(e) => setIncludeAnalysis(e.target.checked)} /> Include analysis (in its own columns)
        </label>
        <label className="check">
          <input type="checkbox" checked={pseudonymise} onChange={(e) => setPseudonymise(e.target.checked)} /> Pseudonymise (for anything shared or published)
        </label>
        {!pseudonymise && <p className="error">Without pseudonymisation the file holds names and other personal data.</p>}
        {residual && (
          <div className="residual" role="alert" data-testid="residual">
            <p>{residual}</p>
            <label className="check">
              <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> I have checked these: export anyway (recorded in the audit log)
            </label>
            <button type="button" disabled={!override || busy} onClick={() => void run(true)}>Export anyway</button>
          </div>
        )}
        {busy && jobId && <ExportProgressBar api={api} jobId={jobId} />}
        {error && <p className="error" role="alert">{error}</p>}
        {done && <p className="saved" role="status">{done}</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>Close</button>
          <button type="button" disabled={busy || agencies.length === 0} onClick={() => void run(false)}>{busy ? 'Exporting…' : 'Export'}</button>
        </div>
      </div>
    </div>
  );
}
