import { describe, expect, it } from 'vitest';
import { readAudit, recordAudit, verifyAudit } from '../../electron/engine/audit';
import { tempCase } from './helpers';

describe('audit log', () => {
  it('records who changed what, and shows tampering', () => {
    const c = tempCase();
    const actor = { name: 'Chair One', role: 'chair' };
    recordAudit(c.db, actor, { action: 'annotate', entity: 'entry', entityId: 1, before: null, after: { note: 'a' } });
    recordAudit(c.db, actor, { action: 'annotate', entity: 'entry', entityId: 1, before: { note: 'a' }, after: { note: 'b' } });
    expect(readAudit(c.db).map((r) => [r.actorName, r.action, r.after])).toEqual([
      ['Chair One', 'annotate', { note: 'a' }],
      ['Chair One', 'annotate', { note: 'b' }],
    ]);
    expect(verifyAudit(c.db)).toBeNull();
    expect(() => c.db.prepare("UPDATE audit_log SET actor_name = 'x'").run()).toThrow(/append-only/);
    expect(() => c.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // Someone who drops the trigger to rewrite history still breaks the chain.
    c.db.exec('DROP TRIGGER audit_log_no_update');
    c.db.prepare("UPDATE audit_log SET after_json = '{\"note\":\"forged\"}' WHERE id = 1").run();
    expect(verifyAudit(c.db)).toBe(1);
  });
});
