// Everyone Jigsaw found across the agencies' records, subject first; choosing one opens their page.
import { useCallback, useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { PersonSummary } from '../../../shared/people';
import { PersonPage } from './PersonPage';
import { ROLE_LABEL, UNSURE } from './people-labels';
import './People.css';

export function PeoplePanel({ api, onClose, onOpenEntry, onChanged }: { api: JigsawApi; onClose: () => void; onOpenEntry: (entryId: number) => void; onChanged: () => void }) {
  const [people, setPeople] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    api.listPeople().then(setPeople, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load]);

  return (
    <div className="modal-backdrop">
      <div className="modal people-panel" role="dialog" aria-modal="true" aria-labelledby="people-title">
        <div className="people-head">
          <h2 id="people-title">People</h2>
          <div>
            {open !== null && <button type="button" onClick={() => setOpen(null)}>Back to everyone</button>}{' '}
            <button type="button" onClick={onClose}>Close</button>
          </div>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        {open !== null && people ? (
          <PersonPage
            key={`${open}-${version}`}
            api={api}
            personId={open}
            people={people}
            onOpenEntry={onOpenEntry}
            onChanged={(nowId) => {
              load();
              onChanged();
              setOpen(nowId);
              setVersion((v) => v + 1);
            }}
          />
        ) : (
          people && <PeopleTable people={people} onOpen={setOpen} />
        )}
      </div>
    </div>
  );
}

function PeopleTable({ people, onOpen }: { people: PersonSummary[]; onOpen: (id: number) => void }) {
  if (people.length === 0) return <p>No people yet: they are found in the person columns of imported extracts.</p>;
  return (
    <table className="people-table" aria-label="People">
      <thead>
        <tr><th>Name</th><th>Pseudonym</th><th>Role</th><th>Contacts</th><th>Agencies</th><th>Also written</th></tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <td>
              <button type="button" className="link" onClick={() => onOpen(p.id)}>{p.name}</button>
              {p.dob && <span> (born {p.dob})</span>}
              {p.confirmed ? <span> ✓ confirmed</span> : p.confidence < UNSURE && <span className="people-unsure"> check</span>}
            </td>
            <td>{p.pseudonym}</td>
            <td>{ROLE_LABEL[p.role]}</td>
            <td>{p.entryCount}</td>
            <td>{p.agencies.join(', ')}</td>
            <td>{p.aliases.filter((a) => a !== p.name).slice(0, 5).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
