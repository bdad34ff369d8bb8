// In the entry detail: the people Jigsaw resolved in this entry, and the other agencies' entries
// that record the same event, with the reason they are thought to be one.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { EntryLinkDetail, PersonSummary } from '../../../shared/people';
import './People.css';

export function PeopleLinkedEntries({ api, entryId, personIds }: { api: JigsawApi; entryId: number; personIds: number[] }) {
  const [links, setLinks] = useState<EntryLinkDetail[]>([]);
  const [people, setPeople] = useState<PersonSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.getEntryLinks(entryId).then(setLinks, () => setLinks([]));
  }, [api, entryId, version]);
  const wanted = personIds.join(',');
  useEffect(() => {
    if (!wanted) return;
    const ids = new Set(wanted.split(',').map(Number));
    api.listPeople().then((all) => setPeople(all.filter((p) => ids.has(p.id))), () => setPeople([]));
  }, [api, wanted]);

  return (
    <>
      {people.length > 0 && (
        <p data-testid="entry-people">
          <strong>Resolved people:</strong> {people.map((p) => `${p.name} (${p.pseudonym ?? p.role})`).join('; ')}
        </p>
      )}
      {links.length > 0 && (
        <section aria-label="Linked entries">
          <h3>Linked entries</h3>
          {error && <p className="error" role="alert">{error}</p>}
          <ul className="linked-entries">
            {links.map((l) => (
              <li key={l.id}>
                <span className="link-reason">{l.reason}</span>{' '}
                <button type="button" onClick={() => api.rejectLink(l.id).then(() => setVersion((v) => v + 1), (e: Error) => setError(e.message))}>
                  Not the same event
                </button>
                <ul>
                  {l.entries.map((e) => (
                    <li key={e.id}>
                      {e.date}{e.time && ` ${e.time}`}, {e.agency}{e.contactType && ` (${e.contactType})`}: {e.text.length > 140 ? `${e.text.slice(0, 140)}…` : e.text}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
