// The chair's annotations on one entry, beside (never over) the agency's facts: key-episode
// marker, same-day order, themes, analysis, exclusion from export with its reason, corrections.
import { useEffect, useId, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { EntryAnnotations } from '../../../shared/annotations';
import './Annotations.css';

const CORRECTABLE = [
  ['', 'the entry as a whole'],
  ['date', 'date'],
  ['time', 'time'],
  ['text', 'event text'],
  ['outcome', 'outcome'],
  ['people', 'people'],
  ['practitioner', 'practitioner'],
] as const;

export function AnnotationSection({ api, entryId, onChanged }: { api: JigsawApi; entryId: number; onChanged?: () => void }) {
  const [a, setA] = useState<EntryAnnotations | null>(null);
  const [keyEpisode, setKeyEpisode] = useState(false);
  const [order, setOrder] = useState('');
  const [themes, setThemes] = useState('');
  const [analysis, setAnalysis] = useState('');
  const [excluded, setExcluded] = useState(false);
  const [reason, setReason] = useState('');
  const [field, setField] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  const load = (x: EntryAnnotations) => {
    setA(x);
    setKeyEpisode(x.keyEpisode);
    setOrder(x.sameDayOrder === null ? '' : String(x.sameDayOrder));
    setThemes(x.themes.join(', '));
    setAnalysis(x.analysis ?? '');
    setExcluded(x.excluded);
    setReason(x.excludeReason ?? '');
  };
  useEffect(() => {
    api.getAnnotations(entryId).then(load, (e: Error) => setError(e.message));
  }, [api, entryId]);

  async function run(what: () => Promise<EntryAnnotations>, done: string) {
    setError(null);
    setStatus(null);
    try {
      load(await what());
      setStatus(done);
      onChanged?.();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const n = order.trim() ? Number(order) : null;
    if (n !== null && (!Number.isInteger(n) || n < 1)) {
      setError('Same-day order is a whole number from 1');
      return;
    }
    void run(
      () =>
        api.annotateEntry({
          entryId,
          patch: {
            keyEpisode,
            sameDayOrder: n,
            themes: themes.split(',').map((t) => t.trim()).filter(Boolean),
            analysis: analysis.trim() || null,
            excluded,
            excludeReason: excluded ? reason : null,
          },
        }),
      'Saved: recorded in the audit log.',
    );
  };

  const addCorrection = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api.addCorrection({ entryId, field: field || null, note });
      setNote('');
      return r;
    }, 'Correction added: recorded in the audit log.');
  };

  if (!a) return error ? <p className="error" role="alert">{error}</p> : null;
  return (
    <section className="annotations" aria-labelledby="annotations-title">
      <h3 id="annotations-title">Reviewer’s annotations</h3>
      <form onSubmit={save} aria-label="Annotations">
        <label className="check">
          <input type="checkbox" checked={keyEpisode} onChange={(e) => setKeyEpisode(e.target.checked)} /> Key episode
        </label>
        <label>
          Same-day order
          <input type="number" min={1} step={1} value={order} onChange={(e) => setOrder(e.target.value)} />
        </label>
        <label>
          Themes (separated by commas)
          <input type="text" value={themes} onChange={(e) => setThemes(e.target.value)} maxLength={2000} />
        </label>
        <label>
          Analysis
          <textarea value={analysis} onChange={(e) => setAnalysis(e.target.value)} maxLength={20000} />
        </label>
        <label className="check">
          <input type="checkbox" checked={excluded} onChange={(e) => setExcluded(e.target.checked)} /> Exclude from export
        </label>
        {excluded && (
          <label>
            Reason for excluding
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
          </label>
        )}
        <div className="actions">
          <button type="submit">Save annotations</button>
        </div>
      </form>
      {a.updatedBy && <p className="hash">Last changed by {a.updatedBy}, {a.updatedAt?.slice(0, 16).replace('T', ' ')}</p>}
      <h3>Corrections</h3>
      {a.corrections.length === 0 ? (
        <p className="empty">None. A correction is a note beside the fact; the agency’s record is never changed.</p>
      ) : (
        <ul className="corrections" data-testid="corrections">
          {a.corrections.map((c) => (
            <li key={c.id}>
              {c.field && <strong>{c.field}: </strong>}
              {c.note} <span className="hash">({c.createdBy}, {c.createdAt.slice(0, 10)})</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addCorrection} aria-label="Add a correction">
        <label htmlFor={`${ids}-field`}>Correct</label>
        <select id={`${ids}-field`} value={field} onChange={(e) => setField(e.target.value)}>
          {CORRECTABLE.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
        <label>
          Correction note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={20000} />
        </label>
        <div className="actions">
          <button type="submit" disabled={!note.trim()}>Add correction</button>
        </div>
      </form>
      {status && <p className="saved" role="status">{status}</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
