// `jigsaw check <file> --review <case>`: an agency lead checks a file against the review's rules
// before sending it. The review's settings are copied into a throw-away in-memory case and the
// file is imported there; the review's own case file is only read.
import type { ImportReport } from '../../../shared/types.js';
import { CaseFile } from '../case-file.js';
import { importExtract } from '../import/import-extract.js';
import { readTemplatePayload } from './recognise-template.js';
import { getReviewSettings, storedPart } from './settings.js';

export async function checkFileAgainstReview(reviewCase: string, file: string, opts: { agency?: string; passphrase?: string } = {}): Promise<ImportReport> {
  const review = CaseFile.open(reviewCase, { readonly: true, passphrase: opts.passphrase });
  const view = getReviewSettings(review);
  const meta = ['title', 'review_type', 'period_from', 'period_to', 'review_id'].map((k) => [k, review.meta(k)] as const);
  review.close();

  const scratch = CaseFile.open(':memory:', { create: true });
  try {
    for (const [k, v] of meta) scratch.setMeta(k, v);
    if (view.saved) {
      scratch.db.prepare('INSERT INTO review_settings(id, settings_json, revision, updated_at) VALUES (1, ?, ?, ?)').run(JSON.stringify(storedPart(view.settings)), view.revision, new Date().toISOString());
    }
    const agency = opts.agency ?? (await readTemplatePayload(file))?.agency ?? 'Agency';
    return await importExtract(scratch, file, { agency });
  } finally {
    scratch.close();
  }
}
