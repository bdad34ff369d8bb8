// Asked once per install: the user's name and role, stamped on every change in the audit log. It
// sits in a corner rather than blocking the screen, so the case can still be read meanwhile.
import { useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { UserIdentity } from '../../../shared/annotations';
import './Annotations.css';

export function UserSetupDialog(props: { api: JigsawApi; current: UserIdentity | null; onSaved: (u: UserIdentity) => void; onCancel?: () => void }) {
  const [name, setName] = useState(props.current?.name ?? '');
  const [role, setRole] = useState(props.current?.role ?? '');
  const [error, setError] = useState<string | null>(null);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      props.onSaved(await props.api.setUser({ name, role }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section className="user-setup" aria-labelledby="user-setup-title">
      <form onSubmit={save}>
        <h2 id="user-setup-title">{props.current ? 'Change user' : 'Who is using Jigsaw?'}</h2>
        <p>Every change you make to a case is recorded with your name and role. This is asked once on this computer.</p>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required maxLength={120} />
        </label>
        <label>
          Your role
          <input value={role} onChange={(e) => setRole(e.target.value)} placeholder="e.g. Independent reviewer" required maxLength={120} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          {props.onCancel && <button type="button" onClick={props.onCancel}>Cancel</button>}
          <button type="submit" disabled={!name.trim() || !role.trim()}>Save my name and role</button>
        </div>
      </form>
    </section>
  );
}
