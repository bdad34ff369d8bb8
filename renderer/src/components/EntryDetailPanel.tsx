import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { EntryDetail } from '../../../shared/types';
import { rowLabel } from '../../../shared/words';
import { AnnotationSection } from './AnnotationSection';
import { PeopleLinkedEntries } from './PeopleLinkedEntries';

const PRECISION: Record<string, string> = { day: 'exact day', week: 'week', month: 'month', season: 'season', year: 'year', approximate: 'approximate' };

export function EntryDetailPanel({ api, entryId, onClose }: { api: JigsawApi; entryId: number; onClose: () => void }) {
  const [entry, setEntry] = useState<EntryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getEntry(entryId).then(setEntry, (e: Error) => setError(e.message));
  }, [api, entryId]);

  return (
    <aside className="detail" aria-label="Entry detail">
      <button type="button" className="close" onClick={onClose} aria-label="Close entry detail">×</button>
      {error && <p role="alert">{error}</p>}
      {entry && (
        <>
          <h2>{entry.agency}: {entry.contactType ?? 'Entry'}</h2>
          <p className="when">
            {entry.date}{entry.dateTo !== entry.date && ` to ${entry.dateTo}`}{entry.time && ` ${entry.time}`} ({PRECISION[entry.precision]}; recorded as “{entry.originalDate}”)
          </p>
          {entry.flags.length > 0 && <p className="flags">Flags: {entry.flags.join(', ')}</p>}
          <p className="entry-text" data-testid="entry-text">{entry.text}</p>
          {entry.outcome && <p><strong>Outcome:</strong> {entry.outcome}</p>}
          {entry.practitioner && <p><strong>Practitioner:</strong> {entry.practitioner}</p>}
          {entry.personText && <p><strong>People:</strong> {entry.personText}</p>}
          <PeopleLinkedEntries api={api} entryId={entry.id} personIds={entry.persons} />
          <AnnotationSection api={api} entryId={entry.id} />
          <h3>Provenance</h3>
          <p data-testid="provenance">
            {entry.provenance.file}, {rowLabel(entry.provenance.row, entry.provenance.line)} (version {entry.provenance.extractVersion}, imported {entry.provenance.importedAt.slice(0, 16).replace('T', ' ')})
          </p>
          <p className="hash">SHA-256 {entry.provenance.sha256}</p>
          <h3>Original row</h3>
          <table className="raw">
            <tbody>
              {entry.raw.map((c, i) => (
                <tr key={i}><th scope="row">{c.header}</th><td>{c.value}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
