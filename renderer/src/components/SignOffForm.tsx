// The agency lead's sign-off of the extract version in use: name, role, date.
import { useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { AgencyStatus } from '../../../shared/review';

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function SignOffForm(props: { api: JigsawApi; status: AgencyStatus; onDone: (s: AgencyStatus | null) => void }) {
  const version = props.status.received!.version;
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [date, setDate] = useState(today());
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    try {
      props.onDone(await props.api.signOffExtract({ agency: props.status.agency, version, name, role, date }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="sign-off" aria-label={`Sign off ${props.status.agency} version ${version}`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p>Sign off version {version} of {props.status.agency}’s extract ({props.status.received!.fileName}) as complete and accurate.</p>
      <div className="row">
        <label>Agency lead’s name<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>Role<input value={role} onChange={(e) => setRole(e.target.value)} required /></label>
        <label>Date<input type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit">Record sign-off</button>
        <button type="button" onClick={() => props.onDone(null)}>Cancel</button>
      </div>
    </form>
  );
}
