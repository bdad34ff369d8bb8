// The chair's changes to people: stored as a decision, audited, and applied at once by resolving
// again, all in one transaction. Returns the people the decision now concerns.
import type { PersonDecision, PersonSummary } from '../../../shared/people.js';
import { assertKnownActor } from '../annotations/annotations.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { refreshPeopleAndLinks } from './after-import.js';
import { storeDecision, toStored } from './decisions.js';
import { listPeople } from './queries.js';

export function decidePerson(caseFile: CaseFile, actor: Actor, decision: PersonDecision): PersonSummary[] {
  assertKnownActor(actor); // the audit log needs a name
  const db = caseFile.db;
  return db.transaction(() => {
    const ids = decision.kind === 'merge' ? decision.personIds : [decision.personId];
    const before = listPeople(caseFile).filter((p) => ids.includes(p.id));
    const stored = toStored(db, decision);
    const decisionId = storeDecision(db, stored);
    refreshPeopleAndLinks(caseFile);
    const keys = 'groups' in stored ? stored.groups.flat() : 'moved' in stored ? [...stored.moved, ...stored.rest] : stored.keys;
    const nowIds = new Set((db.prepare(`SELECT DISTINCT person_id FROM person_keys WHERE key IN (SELECT value FROM json_each(?))`).all(JSON.stringify(keys)) as { person_id: number }[]).map((r) => r.person_id));
    const after = listPeople(caseFile).filter((p) => nowIds.has(p.id));
    recordAudit(db, actor, {
      action: `person.${decision.kind}`,
      entity: 'person',
      entityId: ids.join(','),
      before: before.map(({ id, name, role, pseudonym, aliases }) => ({ id, name, role, pseudonym, aliases })),
      after: { decisionId, request: decision, people: after.map(({ id, name, role, pseudonym, aliases }) => ({ id, name, role, pseudonym, aliases })) },
    });
    return after;
  })();
}
