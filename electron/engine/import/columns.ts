// Finds the header row among the first rows of an extract and maps its headings to the canonical
// chronology fields by recognising the names agencies' systems and templates use.
import type { CanonicalField, ColumnMapping } from '../../../shared/types.js';

/** Headings seen in agency exports, normalised (lower case, letters and digits only). */
const SYNONYMS: Record<CanonicalField, string[]> = {
  date: [
    'date', 'eventdate', 'contactdate', 'dateofcontact', 'dateofevent', 'incidentdate', 'startdate', 'datetime',
    'dateandtime', 'when', 'dateseen', 'appointmentdate', 'occurred', 'occurredon', 'datecreated', 'createddate',
    'recordeddate', 'daterecorded', 'calldate', 'attendancedate', 'arrivaldate', 'visitdate', 'episodedate',
    'entrydate', 'notedate', 'dateofincident', 'timestamp', 'eventdatetime', 'contactdatetime', 'datefrom', 'from',
    'dateofattendance', 'dateofappointment', 'dateofvisit', 'dateofcall', 'dateofreferral', 'referraldate',
  ],
  time: ['time', 'eventtime', 'contacttime', 'timeofcontact', 'starttime', 'calltime', 'arrivaltime', 'timeofcall', 'timeofevent', 'timeofincident', 'hrs'],
  endDate: ['enddate', 'dateto', 'todate', 'finishdate', 'enddatetime', 'until', 'to'],
  sequence: ['seq', 'sequence', 'seqno', 'order', 'samedayorder', 'sequenceno', 'sequencenumber', 'no', 'number', 'item', 'itemno', 'entryno', 'line'],
  contactType: [
    'type', 'contacttype', 'eventtype', 'category', 'contact', 'activity', 'encountertype', 'encounter', 'incidenttype',
    'calltype', 'appointmenttype', 'casenotetype', 'notetype', 'typeofcontact', 'contactmethod', 'recordtype', 'episodetype',
    'attendancetype', 'visittype', 'kind', 'eventcategory', 'subject', 'title', 'classification', 'complaint', 'chiefcomplaint',
  ],
  text: [
    'notes', 'note', 'summary', 'details', 'detail', 'description', 'event', 'narrative', 'casenote', 'casenotes', 'text',
    'record', 'information', 'comments', 'comment', 'presentingcomplaint', 'circumstances', 'whathappened', 'eventdetails',
    'contactdetails', 'summaryofcontact', 'contactsummary', 'incidentdetails', 'eventdescription', 'body', 'content',
    'entry', 'observations', 'clinicalnotes', 'history', 'factsofcontact', 'eventsummary', 'chronologyentry', 'message',
    'reason', 'reasonforcontact', 'synopsis', 'logentry', 'incidentsummary', 'freetext', 'details of contact',
  ],
  outcome: [
    'outcome', 'action', 'actions', 'actiontaken', 'result', 'disposal', 'plan', 'decision', 'response', 'actionoutcome',
    'nextsteps', 'outcomeaction', 'actionsoutcome', 'followup', 'resolution', 'disposition', 'actionandoutcome',
    'outcomeofcontact', 'actionsagreed',
  ],
  analysis: ['analysis', 'agencyanalysis', 'commentonpractice', 'reflection', 'analysisofinvolvement', 'practiceanalysis', 'agencycomment', 'learning'],
  practitioner: [
    'worker', 'officer', 'practitioner', 'staff', 'clinician', 'author', 'recordedby', 'role', 'professional', 'keyworker',
    'caseworker', 'enteredby', 'createdby', 'staffmember', 'practitionerrole', 'workerrole', 'officerrole', 'seenby',
    'attendingclinician', 'crew', 'staffrole', 'user', 'username', 'professionalinvolved', 'completedby', 'responsibleofficer',
  ],
  person: [
    'person', 'patient', 'tenant', 'client', 'name', 'serviceuser', 'personsinvolved', 'people', 'individual', 'victim',
    'customer', 'resident', 'child', 'adult', 'individuals', 'personslinked', 'linkedpersons', 'subjectname', 'patientname',
    'clientname', 'fullname', 'personname', 'peopleinvolved', 'personsinvolvedname', 'nominal', 'nominals', 'involved',
    'tenantname', 'caller', 'pupil', 'offender', 'whoinvolved', 'persons', 'keypeople', 'personlinked',
  ],
  dob: ['dob', 'dateofbirth', 'birthdate', 'born', 'patientdob', 'clientdob'],
  nhsNumber: ['nhs', 'nhsnumber', 'nhsno', 'nhsnum'],
  address: ['address', 'location', 'postcode', 'property', 'incidentaddress', 'locationaddress', 'addressofincident', 'place', 'venue'],
  reference: [
    'reference', 'ref', 'id', 'recordid', 'crimenumber', 'incidentnumber', 'casenumber', 'lognumber', 'urn', 'recordno',
    'referenceno', 'refno', 'caseref', 'incidentref', 'eventid', 'contactid', 'crn', 'occurrencenumber', 'cadnumber', 'callref',
    'incidentno', 'caseno', 'callno', 'logno', 'crimeno', 'recordnumber',
  ],
  source: ['source', 'system', 'sourcesystem', 'recordsource', 'sourceofinformation', 'team', 'service', 'department'],
};

const LOOKUP = new Map<string, CanonicalField>();
for (const [field, names] of Object.entries(SYNONYMS) as [CanonicalField, string[]][]) {
  for (const n of names) if (!LOOKUP.has(norm(n))) LOOKUP.set(norm(n), field);
}

export function norm(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Best guess of the canonical field a heading means, with a confidence 0..1. */
export function guessField(heading: string): { field: CanonicalField; score: number } | null {
  const n = norm(heading);
  if (!n) return null;
  const hit = LOOKUP.get(n);
  if (hit) return { field: hit, score: 1 };
  // "Date of contact (dd/mm/yyyy)", "Agency notes / summary": look for known words inside.
  const words = heading.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (n.includes('nhs')) return { field: 'nhsNumber', score: 0.8 };
  if (n.includes('dob') || n.includes('birth')) return { field: 'dob', score: 0.8 };
  if (words.some((w) => DATE_WORDS.has(w)) || n.startsWith('date')) return { field: n.includes('end') ? 'endDate' : 'date', score: 0.7 };
  if (words.some((w) => TIME_WORDS.has(w))) return { field: 'time', score: 0.6 };
  // The last word names what a heading holds ("Crew Notes", "Case Note Narrative", "clinician_role").
  for (const w of [...words].reverse()) {
    const f = LOOKUP.get(w);
    if (f && w.length > 3) return { field: f, score: 0.5 };
  }
  return null;
}

/** Abbreviations systems use in headings ("Contact Dt", "event_ts", "Call Tm"). */
const DATE_WORDS = new Set(['date', 'dt', 'dte', 'ts', 'datetime', 'timestamp']);
const TIME_WORDS = new Set(['time', 'tm', 'hrs']);

/** Map headings to fields: strongest guesses first, each field used once. */
export function mapHeadings(headings: string[]): ColumnMapping {
  const guesses = headings
    .map((h, i) => ({ i, g: guessField(h) }))
    .filter((x): x is { i: number; g: { field: CanonicalField; score: number } } => x.g !== null)
    .sort((a, b) => b.g.score - a.g.score || a.i - b.i);
  const mapping: ColumnMapping = {};
  for (const { i, g } of guesses) if (mapping[g.field] === undefined) mapping[g.field] = i;
  return mapping;
}

/** How strongly a row looks like a header row: recognised headings, with a date heading required. */
export function headerScore(cells: string[]): number {
  const nonEmpty = cells.filter((c) => c.trim() !== '');
  if (nonEmpty.length < 2) return 0;
  let score = 0;
  let hasDate = false;
  for (const c of nonEmpty) {
    if (c.length > 60) return 0;
    const g = guessField(c);
    if (g) {
      score += g.score;
      if (g.field === 'date') hasDate = true;
    }
  }
  return hasDate ? score : score / 4;
}

/**
 * Index of the header row among the first rows. When no row's headings are recognised, the first
 * row of short labels (no dates, no numbers) followed by a row of data is taken, so the user can
 * map it by hand; -1 when there is none.
 */
export function findHeaderRow(rows: string[][], isDate: (v: string) => boolean = () => false): number {
  let best = -1;
  let bestScore = 1.4;
  rows.forEach((cells, i) => {
    const s = headerScore(cells);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  if (best >= 0) return best;
  const wide = (r: string[]) => r.filter((c) => c.trim() !== '').length;
  return rows.findIndex((cells, i) => {
    const filled = cells.map((c) => c.trim()).filter(Boolean);
    return (
      filled.length >= 2 &&
      filled.every((c) => c.length <= 60 && !isDate(c) && !/^[\d\s.,:/-]+$/.test(c)) &&
      rows.slice(i + 1).some((r) => wide(r) >= Math.min(2, filled.length))
    );
  });
}

/** A data row that repeats the header (page breaks in exported spreadsheets). */
export function isRepeatedHeader(cells: string[], headers: string[]): boolean {
  let same = 0;
  let filled = 0;
  headers.forEach((h, i) => {
    if (!h.trim()) return;
    filled++;
    if (norm(cells[i] ?? '') === norm(h)) same++;
  });
  return filled > 0 && same >= Math.max(2, Math.ceil(filled * 0.6));
}
