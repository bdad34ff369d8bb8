// Shared set-up for the review tests: a case with the chair's settings saved.
import type { ReviewSettings } from '../../shared/review';
import type { CaseFile } from '../../electron/engine/case-file';
import { getReviewSettings, updateReviewSettings } from '../../electron/engine/review/settings';

export const CHAIR = { name: 'Dana Whitlow', role: 'review chair' };

export function saveReviewSettings(c: CaseFile, patch: Partial<ReviewSettings> = {}) {
  const base = getReviewSettings(c).settings;
  return updateReviewSettings(c, CHAIR, {
    ...base,
    title: 'Review of Adult R (fictional)',
    periodFrom: '2023-01-01',
    periodTo: '2023-12-31',
    people: [{ name: 'Rowan Pellow', role: 'subject', dob: '1988-04-02', identifiers: 'NHS 943 476 5919; 6 Tamsin Court' }],
    agencies: ['Police', 'GP'],
    glossary: [{ abbreviation: 'NFA', meaning: 'No further action' }],
    ...patch,
  });
}

/** The template's headings in order, as the default settings want them. */
export const TEMPLATE_HEADINGS = ['Seq', 'Date', 'Time', 'End date', 'People involved', 'Contact type', 'Practitioner role', 'Event (facts only)', 'Action / outcome', 'Agency analysis', 'Source (record or system)'];
