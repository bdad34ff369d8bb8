// Import an agency's extract: choose the file, name the agency, check the column mapping against
// a preview, import, and read the report of every row that was refused or flagged.
import { useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import { ImportDiffView } from './ImportDiffView';
import { ImportProgressBar } from './ImportProgressBar';
import { SheetPicker } from './SheetPicker';
import { CANONICAL_FIELDS, type CanonicalField, type ColumnMapping, type ImportReport, type StagedFile } from '../../../shared/types';
import { count, rowLabel } from '../../../shared/words';

const FIELD_LABELS: Record<CanonicalField, string> = {
  date: 'Date', time: 'Time', endDate: 'End date', sequence: 'Same-day order', contactType: 'Contact type', text: 'Event / notes',
  outcome: 'Action / outcome', analysis: 'Agency analysis', practitioner: 'Practitioner role', person: 'People involved',
  dob: 'Date of birth', nhsNumber: 'NHS number', address: 'Address', reference: 'Reference', source: 'Source / system',
};

export function ImportDialog(props: { api: JigsawApi; agencies: string[]; onClose: () => void; onImported: () => void }) {
  const { api } = props;
  const [agency, setAgency] = useState('');
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importing, setImporting] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(null);
    setReport(null);
    setBusy(`Reading ${file.name}…`);
    try {
      const s = await api.stageFile({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setStaged(s);
      setMapping(s.mapping);
      if (s.template) setAgency(s.template.agency); // a review template knows its agency (#9)
    } catch (e) {
      setStaged(null);
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function chooseSheet(sheet: string) {
    if (!staged) return;
    setError(null);
    setBusy(`Reading sheet ${sheet}…`);
    try {
      const s = await api.previewSheet({ stagedId: staged.stagedId, sheet });
      setStaged(s);
      setMapping(s.mapping);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!staged) return;
    setBusy('Importing…');
    setError(null);
    setImporting(staged.stagedId);
    try {
      const r = await api.importStaged({ stagedId: staged.stagedId, agency, mapping, ...(staged.sheet !== undefined && { sheet: staged.sheet }) });
      setReport(r);
      setStaged(null);
      props.onImported();
    } catch (e) {
      setError((e as Error).message);
      setStaged(null); // the upload is used up, imported or not: choose the file again to retry
    } finally {
      setBusy(null);
      setImporting(null);
    }
  }

  const fieldOfColumn = (i: number): CanonicalField | '' => (Object.entries(mapping).find(([, c]) => c === i)?.[0] as CanonicalField | undefined) ?? '';
  const setColumn = (i: number, field: CanonicalField | '') => {
    const next: ColumnMapping = {};
    for (const [f, c] of Object.entries(mapping) as [CanonicalField, number][]) if (c !== i && f !== field) next[f] = c;
    if (field) next[field] = i;
    setMapping(next);
  };

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">Import an agency extract</h2>
        <label>
          Agency
          <input list="known-agencies" value={agency} onChange={(e) => setAgency(e.target.value)} placeholder="e.g. Police" required />
          <datalist id="known-agencies">{props.agencies.map((a) => <option key={a} value={a} />)}</datalist>
        </label>
        <label>
          Extract file (CSV, spreadsheet, Word table or JSON)
          <input type="file" data-testid="import-file" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        {busy && <p role="status">{busy}</p>}
        {importing && <ImportProgressBar api={api} stagedId={importing} />}
        {error && <p className="error" role="alert">{error}</p>}
        {staged && (
          <>
            {staged.sheets && <SheetPicker sheets={staged.sheets} sheet={staged.sheet} disabled={busy !== null} onChoose={(s) => void chooseSheet(s)} />}
            <p>
              {staged.fileName}: {staged.format.toUpperCase()}{staged.sheet !== undefined && `, sheet “${staged.sheet}”`}, header on row {staged.headerRow || 'none found'}. Check what each column holds:
              {staged.template && <strong data-testid="template-recognised"> this is the review’s template for {staged.template.agency} (version {staged.template.templateVersion}): its columns are matched exactly.</strong>}
            </p>
            <div className="preview-scroll">
              <table className="preview">
                <thead>
                  <tr>
                    {staged.headers.map((h, i) => (
                      <th key={i} scope="col">
                        <span className="heading">{h || `Column ${i + 1}`}</span>
                        <select aria-label={`Column ${h || i + 1} holds`} value={fieldOfColumn(i)} onChange={(e) => setColumn(i, e.target.value as CanonicalField | '')}>
                          <option value="">(keep, not mapped)</option>
                          {CANONICAL_FIELDS.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
                        </select>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {staged.sampleRows.map((r, i) => (
                    <tr key={i}>{staged.headers.map((_, j) => <td key={j}>{r[j] ?? ''}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            </div>
            {mapping.date === undefined && <p className="error">Choose which column holds the date.</p>}
          </>
        )}
        {report && <ImportReportView report={report} />}
        <div className="actions">
          {staged && (
            <button type="button" disabled={!agency.trim() || mapping.date === undefined || busy !== null} onClick={() => void runImport()}>
              Import
            </button>
          )}
          <button type="button" onClick={props.onClose}>{report ? 'Done' : 'Cancel'}</button>
        </div>
      </div>
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  if (report.alreadyImported) return <p role="status">This exact file was already imported for {report.agency}; nothing was added.</p>;
  // Section dividers ("2005" across a Word table) are listed too, but need nobody's attention.
  const dividers = report.warnings.filter((p) => p.reason === 'section_divider');
  const problems = [
    ...report.rejected.map((p) => ({ row: p.row, line: p.line, kind: 'Rejected', text: p.message })),
    ...report.duplicates.map((d) => ({ row: d.row, line: d.line, kind: 'Duplicate', text: `Same as ${rowLabel(d.duplicateOf, d.duplicateOfLine)}` })),
    ...report.warnings.filter((p) => p.reason !== 'section_divider').map((p) => ({ row: p.row, line: p.line, kind: 'Warning', text: p.message })),
  ];
  const listed = [...problems, ...dividers.map((p) => ({ row: p.row, line: p.line, kind: 'Section divider', text: p.message }))].sort((a, b) => a.row - b.row);
  return (
    <div className="report" data-testid="import-report">
      <p role="status">
        {count(report.imported, 'entry')} imported from {report.file} for {report.agency} (version {report.version}).
        {problems.length > 0 && ` ${count(problems.length, 'row')} ${problems.length === 1 ? 'needs' : 'need'} attention; every row is kept in the case file.`}
        {dividers.length > 0 && ` ${count(dividers.length, 'section divider')} (a year, month or page heading) ${dividers.length === 1 ? 'was' : 'were'} not imported as ${dividers.length === 1 ? 'an entry' : 'entries'}.`}
      </p>
      {report.diff && <ImportDiffView diff={report.diff} />}
      {listed.length > 0 && (
        <table>
          <thead><tr><th scope="col">Where</th><th scope="col">Problem</th><th scope="col">Detail</th></tr></thead>
          <tbody>{listed.map((p, i) => <tr key={i}><td>{rowLabel(p.row, p.line)}</td><td>{p.kind}</td><td>{p.text}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}
