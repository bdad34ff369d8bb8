// One person: what is known, every agency's contacts with them, and the chair's corrections
// (rename, role, pseudonym, confirm, merge with someone, split spellings off). Each correction is
// audited and kept when extracts are imported again.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { PersonDecision, PersonDetail, PersonRole, PersonSummary } from '../../../shared/people';
import { PERSON_ROLES } from '../../../shared/people';
import type { TimelineEntry } from '../../../shared/types';
import { ROLE_LABEL, UNSURE } from './people-labels';

interface Props {
  api: JigsawApi;
  personId: number;
  people: PersonSummary[];
  onOpenEntry: (entryId: number) => void;
  /** After a decision: the id the person now has (a merge or split may change it). */
  onChanged: (personId: number | null) => void;
}

/** A person page lists this many contacts; the timeline's person filter shows any number. */
const CONTACTS_SHOWN = 1000;

export function PersonPage({ api, personId, people, onOpenEntry, onChanged }: Props) {
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getPerson(personId).then(setPerson, (e: Error) => setError(e.message));
    api.listEntries({ persons: [personId], limit: CONTACTS_SHOWN }).then(
      (p) => {
        setEntries(p.entries);
        setTotal(p.total);
      },
      (e: Error) => setError(e.message),
    );
  }, [api, personId]);

  const decide = (d: PersonDecision, pickAfter: (after: PersonSummary[]) => number | null): void => {
    setError(null);
    api.decidePerson(d).then((after) => onChanged(pickAfter(after)), (e: Error) => setError(e.message));
  };
  if (!person) return error ? <p className="error" role="alert">{error}</p> : <p>Loading…</p>;
  const same = (after: PersonSummary[]): number | null => after[0]?.id ?? null;
  const mentionsOf = new Map<number, string[]>();
  for (const m of person.mentions) mentionsOf.set(m.entryId, [...(mentionsOf.get(m.entryId) ?? []), m.text]);

  return (
    <section className="person-page" aria-label={`Person: ${person.name}`}>
      <h3>{person.name}{person.pseudonym && ` — published as “${person.pseudonym}”`}</h3>
      {!person.confirmed && person.confidence < UNSURE && (
        <p className="people-unsure" role="note">Jigsaw is not sure all these spellings are one person. Check them below, then confirm or split.</p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <dl>
        <dt>Role</dt><dd>{ROLE_LABEL[person.role]}</dd>
        <dt>Date of birth</dt><dd>{person.dob ?? 'not recorded'}</dd>
        <dt>NHS number</dt><dd>{person.nhsNumber ?? 'not recorded'}</dd>
        <dt>Address</dt><dd>{person.address ?? 'not recorded'}</dd>
        <dt>Agencies</dt><dd>{person.agencies.join(', ')}</dd>
        <dt>Written as</dt><dd>{person.aliases.join('; ')}</dd>
        <dt>Status</dt><dd>{person.confirmed ? 'Confirmed by the chair' : `Found by Jigsaw (confidence ${Math.round(person.confidence * 100)}%)`}</dd>
      </dl>
      <Corrections key={`${person.name}|${person.pseudonym}|${person.role}`} person={person} people={people} decide={decide} same={same} />
      <h4>Contacts with {person.name} ({total})</h4>
      {total > entries.length && <p>Showing the first {entries.length}; the timeline’s person filter shows them all.</p>}
      <table className="people-table person-contacts" aria-label="Contacts">
        <thead><tr><th>Date</th><th>Agency</th><th>Type</th><th>Named as</th><th>Entry</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.date}{e.time && ` ${e.time}`}</td>
              <td>{e.agency}</td>
              <td>{e.contactType}</td>
              <td>{(mentionsOf.get(e.id) ?? []).join('; ')}</td>
              <td className="text">
                <button type="button" className="link" onClick={() => onOpenEntry(e.id)}>{e.text.length > 160 ? `${e.text.slice(0, 160)}…` : e.text}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Corrections({ person, people, decide, same }: {
  person: PersonDetail;
  people: PersonSummary[];
  decide: (d: PersonDecision, pickAfter: (after: PersonSummary[]) => number | null) => void;
  same: (after: PersonSummary[]) => number | null;
}) {
  const [name, setName] = useState(person.name);
  const [pseudonym, setPseudonym] = useState(person.pseudonym ?? '');
  const [mergeWith, setMergeWith] = useState<number | ''>('');
  const [splitKeys, setSplitKeys] = useState<string[]>([]);
  const others = people.filter((p) => p.id !== person.id);
  return (
    <div className="person-actions">
      <fieldset>
        <legend>Name and publication</legend>
        <label>Name <input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <button type="button" disabled={!name.trim() || name === person.name} onClick={() => decide({ kind: 'rename', personId: person.id, name }, same)}>Rename</button>
        <label>Pseudonym <input value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} /></label>
        <button type="button" disabled={!pseudonym.trim() || pseudonym === person.pseudonym} onClick={() => decide({ kind: 'pseudonym', personId: person.id, pseudonym }, same)}>Set pseudonym</button>
        <label>Role{' '}
          <select value={person.role} onChange={(e) => decide({ kind: 'role', personId: person.id, role: e.target.value as PersonRole }, same)}>
            {PERSON_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Is this one person?</legend>
        <button type="button" disabled={person.confirmed} onClick={() => decide({ kind: 'confirm', personId: person.id }, same)}>Confirm: all one person</button>
        <label>Same person as{' '}
          <select value={mergeWith} onChange={(e) => setMergeWith(e.target.value ? Number(e.target.value) : '')}>
            <option value="">choose…</option>
            {others.map((p) => <option key={p.id} value={p.id}>{p.name}{p.dob ? ` (born ${p.dob})` : ''} — {p.pseudonym}</option>)}
          </select>
        </label>
        <button type="button" disabled={mergeWith === ''} onClick={() => mergeWith !== '' && decide({ kind: 'merge', personIds: [person.id, mergeWith] }, same)}>Merge</button>
      </fieldset>
      {person.keys.length > 1 && (
        <fieldset>
          <legend>Split: tick the spellings that are someone else</legend>
          {person.keys.map((k) => (
            <label key={k.key}>
              <input
                type="checkbox"
                checked={splitKeys.includes(k.key)}
                onChange={(e) => setSplitKeys((ks) => (e.target.checked ? [...ks, k.key] : ks.filter((x) => x !== k.key)))}
              />{' '}
              {k.example} — {k.count} {k.count === 1 ? 'mention' : 'mentions'}
            </label>
          ))}
          <button
            type="button"
            disabled={splitKeys.length === 0 || splitKeys.length === person.keys.length}
            onClick={() => decide({ kind: 'split', personId: person.id, keys: splitKeys }, (after) => after.find((p) => p.id === person.id)?.id ?? after[0]?.id ?? null)}
          >
            Move ticked spellings to another person
          </button>
        </fieldset>
      )}
    </div>
  );
}
