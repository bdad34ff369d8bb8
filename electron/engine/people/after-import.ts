// Run after every import that changed the case: people are resolved again over all active entries
// (the chair's decisions re-applied) and events linked again. Separate from the import's own
// transaction, so a failure here never undoes an import; the next import or resolution retries.
import type { ImportReport } from '../../../shared/types.js';
import type { CaseFile } from '../case-file.js';
import { linkEvents } from '../links/link-events.js';
import { resolvePeople } from './resolve.js';

export function refreshPeopleAndLinks(caseFile: CaseFile): void {
  resolvePeople(caseFile);
  linkEvents(caseFile);
}

/** After an import: nothing to do when the file added nothing or was a dry run. */
export function afterImport(caseFile: CaseFile, report: ImportReport): void {
  if (report.alreadyImported || report.extractId === null) return;
  try {
    refreshPeopleAndLinks(caseFile);
  } catch (err) {
    // The import itself succeeded and is kept; say why people were not refreshed.
    console.error(`[jigsaw] people and links not refreshed after importing ${report.file}: ${(err as Error).message}`);
  }
}
