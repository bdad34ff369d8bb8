// People as presentation mode shows them: by pseudonym. Those not yet given one get one now, the
// way an export gives them (same conventions, audited), so the labels a panel sees in the meeting
// are the ones the published review will use.
import type { PresentedPerson } from '../../../shared/people.js';
import type { Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { ensurePseudonyms, loadPeople, proposePseudonyms } from '../pseudonymise/people.js';
import { ensureResolved } from './queries.js';

export function presentedPeople(caseFile: CaseFile, actor: Actor): PresentedPerson[] {
  ensureResolved(caseFile);
  const db = caseFile.db;
  const reviewType = caseFile.summary().reviewType;
  let people;
  if (db.readonly) {
    // A closed review is not written to: the pseudonyms it would be given are shown, not stored.
    const loaded = loadPeople(db);
    const proposed = proposePseudonyms(loaded, reviewType);
    people = loaded.map((p) => ({ ...p, pseudonym: p.pseudonym ?? proposed.get(p.id) ?? null }));
  } else {
    people = db.transaction(() => ensurePseudonyms(db, actor, reviewType))();
  }
  return people.map((p) => ({ id: p.id, pseudonym: p.pseudonym ?? `Person ${p.id}`, name: p.displayName }));
}
