// The chair's controls in the top bar: who is signed in (asked once per install), the export
// dialog and the audit log. Kept in one component so App only places it.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { JigsawApi } from '../../../shared/api';
import type { UserIdentity } from '../../../shared/annotations';
import type { CaseSummary } from '../../../shared/types';
import { AuditPanel } from './AuditPanel';
import { ExportDialog } from './ExportDialog';
import { UserSetupDialog } from './UserSetupDialog';

export function ExportControls({ api, summary }: { api: JigsawApi; summary: CaseSummary }) {
  // undefined while asking the engine; null when this install has no user yet.
  const [user, setUser] = useState<UserIdentity | null | undefined>(undefined);
  const [changingUser, setChangingUser] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [auditing, setAuditing] = useState(false);
  // The first-run form is a bar at the foot of the window, in the layout's flow (not over it), so
  // it never hides the timeline or a dialog while the user has not answered yet.
  const anchor = useRef<HTMLSpanElement>(null);
  const [footer, setFooter] = useState<Element | null>(null);
  useEffect(() => {
    api.getUser().then(setUser, () => setUser(null));
    setFooter(anchor.current?.closest('.app') ?? document.body);
  }, [api]);

  return (
    <>
      <span ref={anchor} hidden />
      {user && (
        <button type="button" className="user-badge" onClick={() => setChangingUser(true)} aria-label={`Signed in as ${user.name}, ${user.role}: change`}>
          {user.name} ({user.role})
        </button>
      )}
      <button type="button" onClick={() => setAuditing(true)}>Audit log</button>
      <button type="button" onClick={() => setExporting(true)} disabled={summary.entryCount === 0}>Export…</button>
      {(user === null || changingUser) &&
        footer &&
        createPortal(
          <UserSetupDialog
            api={api}
            current={user ?? null}
            onSaved={(u) => {
              setUser(u);
              setChangingUser(false);
            }}
            onCancel={user ? () => setChangingUser(false) : undefined}
          />,
          footer,
        )}
      {exporting && <ExportDialog api={api} summary={summary} onClose={() => setExporting(false)} />}
      {auditing && <AuditPanel api={api} onClose={() => setAuditing(false)} />}
    </>
  );
}
