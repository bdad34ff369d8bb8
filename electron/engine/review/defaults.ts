// What a new review starts with: the canonical chronology columns (domain notes), the contact
// types agencies most often record, and a 60-day silent-period gap.
import type { ReviewColumn, ReviewSettings } from '../../../shared/review.js';

export const DEFAULT_COLUMNS: ReviewColumn[] = [
  { field: 'sequence', heading: 'Seq', wanted: true, mandatory: false },
  { field: 'date', heading: 'Date', wanted: true, mandatory: true },
  { field: 'time', heading: 'Time', wanted: true, mandatory: false },
  { field: 'endDate', heading: 'End date', wanted: true, mandatory: false },
  { field: 'person', heading: 'People involved', wanted: true, mandatory: true },
  { field: 'contactType', heading: 'Contact type', wanted: true, mandatory: true },
  { field: 'practitioner', heading: 'Practitioner role', wanted: true, mandatory: true },
  { field: 'text', heading: 'Event (facts only)', wanted: true, mandatory: true },
  { field: 'outcome', heading: 'Action / outcome', wanted: true, mandatory: true },
  { field: 'analysis', heading: 'Agency analysis', wanted: true, mandatory: false },
  { field: 'source', heading: 'Source (record or system)', wanted: true, mandatory: false },
  { field: 'reference', heading: 'Reference', wanted: false, mandatory: false },
];

export const DEFAULT_CONTACT_TYPES = [
  '999 call', 'Non-emergency call', 'Home visit', 'Office appointment', 'Telephone contact', 'Letter / email',
  'ED attendance', 'Hospital admission', 'Hospital discharge', 'GP appointment', 'Ambulance call-out',
  'Referral in', 'Referral out', 'Safeguarding concern', 'Strategy meeting', 'MARAC', 'Section 42 enquiry',
  'Multi-agency meeting', 'Assessment', 'Did not attend / was not brought', 'No access visit', 'Case closure', 'Other',
];

export const DEFAULT_SILENT_GAP_DAYS = 60;

export function defaultSettings(meta: { title: string | null; reviewType: string | null; periodFrom: string | null; periodTo: string | null; incidentDate?: string | null }): ReviewSettings {
  return {
    title: meta.title ?? 'Review',
    reviewType: meta.reviewType ?? 'Safeguarding Adults Review',
    periodFrom: meta.periodFrom,
    periodTo: meta.periodTo,
    incidentDate: meta.incidentDate ?? null,
    people: [],
    agencies: [],
    columns: DEFAULT_COLUMNS.map((c) => ({ ...c })),
    contactTypes: [...DEFAULT_CONTACT_TYPES],
    glossary: [],
    silentGapDays: DEFAULT_SILENT_GAP_DAYS,
  };
}
