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
    'start', 'created', 'createdon', 'recordedon', 'received', 'logged', 'enteredon', 'dateentered', 'datelogged',
  ],
  time: ['time', 'eventtime', 'contacttime', 'timeofcontact', 'starttime', 'calltime', 'arrivaltime', 'timeofcall', 'timeofevent', 'timeofincident', 'hrs'],
  endDate: ['enddate', 'dateto', 'todate', 'finishdate', 'enddatetime', 'until', 'to'],
  sequence: ['seq', 'sequence', 'seqno', 'order', 'samedayorder', 'sequenceno', 'sequencenumber', 'no', 'number', 'item', 'itemno', 'entryno', 'line'],
  contactType: [
    'type', 'contacttype', 'eventtype', 'category', 'contact', 'activity', 'encountertype', 'encounter', 'incidenttype',
    'calltype', 'appointmenttype', 'casenotetype', 'notetype', 'typeofcontact', 'contactmethod', 'recordtype', 'episodetype',
    'attendancetype', 'visittype', 'kind', 'eventcategory', 'subject', 'title', 'classification', 'complaint', 'chiefcomplaint',
    'method', 'mode', 'modeofcontact', 'class', 'presentingissue', 'natureofcontact', 'purpose', 'purposeofcontact', 'presentingproblem', 'cat',
  ],
  text: [
    'notes', 'note', 'summary', 'details', 'detail', 'description', 'event', 'narrative', 'casenote', 'casenotes', 'text',
    'record', 'information', 'comments', 'comment', 'presentingcomplaint', 'circumstances', 'whathappened', 'eventdetails',
    'contactdetails', 'summaryofcontact', 'contactsummary', 'incidentdetails', 'eventdescription', 'body', 'content',
    'entry', 'observations', 'clinicalnotes', 'history', 'factsofcontact', 'eventsummary', 'chronologyentry', 'message',
    'reason', 'reasonforcontact', 'synopsis', 'logentry', 'incidentsummary', 'freetext', 'details of contact',
    'remarks', 'remark', 'recording', 'caserecording', 'account', 'accountofevent', 'notetext', 'entrytext',
    'desc', 'descr', 'concern', 'concerns', 'concernsraised', 'natureofconcern',
  ],
  outcome: [
    'outcome', 'action', 'actions', 'actiontaken', 'result', 'disposal', 'plan', 'decision', 'response', 'actionoutcome',
    'nextsteps', 'outcomeaction', 'actionsoutcome', 'followup', 'resolution', 'disposition', 'actionandoutcome',
    'outcomeofcontact', 'actionsagreed', 'destination', 'dischargedestination', 'dischargeoutcome', 'conveyed', 'conveyance',
    'furtheraction', 'nextaction', 'actionrequired', 'actionsrequired',
  ],
  analysis: ['analysis', 'agencyanalysis', 'commentonpractice', 'practicecomment', 'commentsonpractice', 'reflection', 'analysisofinvolvement', 'practiceanalysis', 'agencycomment', 'learning'],
  practitioner: [
    'worker', 'officer', 'practitioner', 'staff', 'clinician', 'author', 'recordedby', 'role', 'professional', 'keyworker',
    'caseworker', 'enteredby', 'createdby', 'staffmember', 'practitionerrole', 'workerrole', 'officerrole', 'seenby',
    'attendingclinician', 'crew', 'staffrole', 'user', 'username', 'professionalinvolved', 'completedby', 'responsibleofficer',
    'offendermanager', 'manager', 'casemanager', 'allocatedworker', 'socialworker', 'namedworker', 'leadprofessional',
    'responsibleclinician', 'nurse', 'doctor', 'therapist', 'oic', 'officerincase', 'officerincharge', 'gp', 'designation',
    'jobtitle', 'recorder', 'teammember', 'staffname', 'workername', 'authorname', 'authorrole',
  ],
  person: [
    'person', 'patient', 'tenant', 'client', 'name', 'serviceuser', 'personsinvolved', 'people', 'individual', 'victim',
    'customer', 'resident', 'child', 'adult', 'individuals', 'personslinked', 'linkedpersons', 'subjectname', 'patientname',
    'clientname', 'fullname', 'personname', 'peopleinvolved', 'personsinvolvedname', 'nominal', 'nominals', 'involved',
    'tenantname', 'caller', 'pupil', 'offender', 'whoinvolved', 'persons', 'keypeople', 'personlinked',
    // Police systems list the people on an occurrence as "Subject(s)", "Nominal(s)", "Parties".
    'subjects', 'subjectsinvolved', 'suspect', 'suspects', 'victims', 'parties', 'involvedparties', 'partiesinvolved',
    'aggrieved', 'injuredparty', 'witness', 'witnesses', 'informant', 'occupant', 'occupants', 'youngperson', 'names',
    'who', 'surname', 'forename', 'firstname', 'lastname', 'familymember', 'familymembers',
    // The other side of an allegation, and children's services' "CYP" (child or young person).
    'perpetrator', 'perpetrators', 'allegedperpetrator', 'cyp',
  ],
  dob: ['dob', 'dateofbirth', 'birthdate', 'born', 'patientdob', 'clientdob'],
  nhsNumber: ['nhs', 'nhsnumber', 'nhsno', 'nhsnum'],
  address: ['address', 'where', 'location', 'postcode', 'property', 'incidentaddress', 'locationaddress', 'addressofincident', 'place', 'venue'],
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

/**
 * Headings that mean one thing in one system and another elsewhere ("Event" is the notes in one
 * export and the contact type beside a "Notes" column in another). They rank below a heading
 * that is sure, and take their second meaning when the first is already taken.
 */
const LOOSE: Record<string, CanonicalField[]> = {
  event: ['text', 'contactType'],
  record: ['text', 'contactType'],
  entry: ['text', 'contactType'],
  information: ['text', 'outcome'],
  reason: ['text', 'contactType'],
  subject: ['contactType', 'text'],
  title: ['contactType', 'text'],
  contact: ['contactType', 'text'],
  activity: ['contactType', 'text'],
  comments: ['text', 'analysis'],
  comment: ['text', 'analysis'],
  message: ['text', 'contactType'],
  response: ['outcome', 'text'],
};

/** Best guess of the canonical field a heading means, with a confidence 0..1. */
export function guessField(heading: string): { field: CanonicalField; score: number } | null {
  const n = norm(heading);
  if (!n) return null;
  if (LOOSE[n]) return { field: LOOSE[n][0]!, score: 0.9 };
  const hit = LOOKUP.get(n);
  if (hit) return { field: hit, score: 1 };
  // A plural or "(s)" of a known heading ("Officer(s)", "Outcomes", "Case Notes").
  const single = singular(n);
  if (single !== n && LOOSE[single]) return { field: LOOSE[single][0]!, score: 0.85 };
  const singleHit = single !== n ? LOOKUP.get(single) : undefined;
  if (singleHit) return { field: singleHit, score: 0.9 };
  // "Date of contact (dd/mm/yyyy)", "Agency notes / summary": look for known words inside.
  const words = headingWords(heading);
  if (n.includes('nhs')) return { field: 'nhsNumber', score: 0.8 };
  if (n.includes('dob') || n.includes('birth')) return { field: 'dob', score: 0.8 };
  const id = identifierField(words);
  if (id !== undefined) return id;
  // "Date entered", "Call Received", "Episode Start" (but "Entered by" is a person).
  const dated = words.some((w) => DATE_WORDS.has(w)) || n.startsWith('date');
  const timed = words.some((w) => TIME_WORDS.has(w));
  if (dated || (!timed && !words.includes('by') && words.some((w) => DATE_VERBS.has(w)))) {
    return { field: words.some((w) => END_WORDS.has(w)) ? 'endDate' : 'date', score: 0.7 };
  }
  if (timed) return { field: 'time', score: 0.6 };
  // "Type of Event", "Reason for Referral", "Officer in Case": the words before the preposition
  // name what the column holds; the rest says about what.
  const cut = words.findIndex((w, k) => k > 0 && PREPOSITIONS.has(w));
  const head = cut > 0 ? words.slice(0, cut) : words;
  // "Officer Name", "Clinician Name": a member of staff's name is the practitioner, anyone else's a person.
  if (head.length > 1 && /^names?$/.test(head[head.length - 1]!)) {
    const whole = LOOKUP.get(head.slice(0, -1).join(''));
    const of = whole ?? LOOKUP.get(head[head.length - 2]!) ?? LOOKUP.get(singular(head[head.length - 2]!));
    if (of === 'practitioner') return { field: 'practitioner', score: 0.6 };
  }
  // The last word names what a heading holds ("Crew Notes", "Case Note Narrative", "clinician_role").
  for (const w of [...head].reverse()) {
    if (w.length <= 3) continue;
    const f = LOOKUP.get(w) ?? LOOKUP.get(singular(w));
    if (f) return { field: f, score: 0.5 };
  }
  return null;
}

/**
 * A heading's words, lower case: "Date of contact (dd/mm/yyyy)", "Officer(s)", and the camelCase
 * field names of newer systems' JSON ("clinicalNarrative", "callReceivedUtc", "incidentId").
 */
export function headingWords(heading: string): string[] {
  return heading
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "notes" -> "note", "subjects" -> "subject", "addresses" -> "address"; short words unchanged. */
function singular(w: string): string {
  if (w.length <= 4 || !w.endsWith('s') || w.endsWith('ss')) return w;
  if (w.endsWith('sses') || w.endsWith('xes')) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Last words that make a heading an identifier: "Occurrence No.", "Attendance Number", "Tenancy Ref", "Event ID". */
const ID_WORDS = new Set(['no', 'nr', 'num', 'number', 'ref', 'reference', 'id', 'urn']);
/** Identifiers of a person, not of the record: never the row's reference. */
const PERSON_ID_WORDS = new Set(['hospital', 'mrn', 'pnc', 'upn', 'chi', 'ni', 'nino', 'mosaic', 'system', 'systm', 'emis', 'lcs', 'paris', 'rio', 'care', 'unit', 'health', 'insurance']);
/** Identifiers of the member of staff: "Officer Collar No.", "Staff ID", "Warrant No.". */
const STAFF_ID_WORDS = new Set(['collar', 'warrant', 'badge', 'payroll', 'employee', 'gmc', 'nmc', 'hcpc', 'pin', 'shoulder']);
const SEQUENCE_WORDS = new Set(['seq', 'sequence', 'item', 'entry', 'line', 'row', 'order', 'serial']);

/**
 * A heading that ends in an identifier word names the kind of thing identified: the record (the
 * reference), the member of staff (the practitioner), the line (the sequence), or a person, whose
 * identifier is left unmapped (it repeats on every row, so it cannot pair rows across versions).
 * `undefined` when the heading is not an identifier at all.
 */
function identifierField(words: string[]): { field: CanonicalField; score: number } | null | undefined {
  if (words.length < 2 || !ID_WORDS.has(words[words.length - 1]!)) return undefined;
  const before = words.slice(0, -1);
  if (before.some((w) => STAFF_ID_WORDS.has(w))) return { field: 'practitioner', score: 0.5 };
  if (before.some((w) => SEQUENCE_WORDS.has(w))) return { field: 'sequence', score: 0.6 };
  if (before.some((w) => PERSON_ID_WORDS.has(w) || LOOKUP.get(w) === 'person' || LOOKUP.get(singular(w)) === 'person')) return null;
  if (before.some((w) => LOOKUP.get(w) === 'practitioner')) return { field: 'practitioner', score: 0.5 };
  if (before.some((w) => DATE_WORDS.has(w) || TIME_WORDS.has(w))) return undefined;
  return { field: 'reference', score: 0.6 };
}

/** "Person ID", "Client No.", "Mosaic ID", "NHS number": a column identifying a person, not the record. */
export function isPersonIdentifierHeading(heading: string): boolean {
  const words = headingWords(heading);
  const n = norm(heading);
  return identifierField(words) === null || LOOKUP.get(n) === 'nhsNumber' || LOOKUP.get(n) === 'dob';
}

/** Abbreviations systems use in headings ("Contact Dt", "event_ts", "Call Tm"). */
const DATE_WORDS = new Set(['date', 'dt', 'dte', 'ts', 'datetime', 'timestamp']);
const TIME_WORDS = new Set(['time', 'tm', 'hrs']);
/** Words that make a heading a date when it has no date word: "Call Received", "Episode Start". */
const DATE_VERBS = new Set(['start', 'started', 'created', 'recorded', 'received', 'logged', 'entered', 'opened', 'occurred']);
const END_WORDS = new Set(['end', 'ended', 'to', 'until', 'finish', 'finished', 'closed']);
const PREPOSITIONS = new Set(['of', 'for', 'from', 'in', 'at', 'on', 'with', 'about', 'regarding', 're']);

/**
 * Map headings to fields: strongest guesses first, each field used once. With `sample` (the data
 * rows under the header), several columns that could each be the notes are told apart by what they
 * hold: the notes are the long free text, and a short column beside it ("Presenting Complaint",
 * "What happened" holding "Drop-in") is the kind of contact. A heading that loses its field takes
 * its second meaning when that is free.
 */
export function mapHeadings(headings: string[], sample: string[][] = []): ColumnMapping {
  const guesses = headings
    .map((h, i) => ({ i, g: guessField(h) }))
    .filter((x): x is { i: number; g: { field: CanonicalField; score: number } } => x.g !== null)
    .sort((a, b) => b.g.score - a.g.score || a.i - b.i);
  const mapping: ColumnMapping = {};
  const losers: number[] = [];
  for (const { i, g } of guesses) {
    if (mapping[g.field] === undefined) mapping[g.field] = i;
    else losers.push(i);
  }
  const length = sample.length ? averageLengths(sample) : null;
  const textClaims = guesses.filter(({ g }) => g.field === 'text').map(({ i }) => i);
  if (length && textClaims.length > 1 && mapping.text !== undefined) {
    const current = mapping.text;
    const longest = textClaims.reduce((a, b) => ((length[b] ?? 0) > (length[a] ?? 0) ? b : a));
    if (longest !== current && (length[current] ?? 0) < SHORT && (length[longest] ?? 0) >= 2 * (length[current] ?? 0)) {
      mapping.text = longest;
      losers.splice(losers.indexOf(longest), 1);
      losers.unshift(current);
    }
  }
  // A reference names one record: a column repeating one value down the rows (a tenancy or case
  // number) identifies the person or the case instead, and would pair nothing across versions.
  if (mapping.reference !== undefined && sample.length >= 3) {
    const values = sample.map((r) => (r[mapping.reference!] ?? '').trim()).filter(Boolean);
    if (values.length >= 3 && new Set(values).size < values.length / 2) delete mapping.reference;
  }
  // A yes/no column ("Safeguarding concern?") is a flag, not the notes or the kind of contact: it
  // joins the text as "Heading: Yes" instead (extraTextColumns).
  const flag = (i: number | undefined): boolean => i !== undefined && isFlagColumn(sample, i);
  if (flag(mapping.text)) delete mapping.text;
  if (flag(mapping.contactType)) delete mapping.contactType;
  if (mapping.text === undefined && length) inferTextColumn(mapping, headings, sample, length);
  for (const i of losers) {
    if (flag(i)) continue;
    const n = norm(headings[i]!);
    const second = [...(LOOSE[n] ?? LOOSE[singular(n)] ?? [])];
    // A short text-like column beside the notes says what kind of contact it was.
    if (length && guessField(headings[i]!)?.field === 'text' && (length[i] ?? 0) < SHORT) second.push('contactType');
    const free = second.find((f) => mapping[f] === undefined);
    if (free) mapping[free] = i;
  }
  return mapping;
}

/**
 * No heading named the notes ("What was seen or heard", "Concerns"): the column of headings Jigsaw
 * does not know that holds the longest prose is the text, so the entry reads as the agency wrote it
 * rather than as every unmapped cell labelled; other such prose columns still join it (extraTextColumns).
 */
function inferTextColumn(mapping: ColumnMapping, headings: string[], sample: string[][], length: number[]): void {
  const used = new Set(Object.values(mapping));
  let best = -1;
  headings.forEach((h, i) => {
    if (used.has(i) || guessField(h) !== null || (length[i] ?? 0) < SHORT) return;
    const values = sample.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    if (values.filter(looksLikeProse).length < values.length * 0.6) return;
    if (best < 0 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  });
  if (best >= 0) mapping.text = best;
}

/** Every filled cell (at least two) says yes or no: Y/N, Yes/No, True/False, a tick or a cross. */
function isFlagColumn(sample: string[][], i: number): boolean {
  const values = sample.map((r) => (r[i] ?? '').trim()).filter(Boolean);
  return values.length >= 2 && values.every((v) => /^(?:y|n|yes|no|true|false|x|✓|✔|✗|tick(?:ed)?)$/i.test(v));
}

/** Average characters in a column's filled cells (0 for a column never filled). */
const SHORT = 40;
function averageLengths(rows: string[][]): number[] {
  const sum: number[] = [];
  const count: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      const v = c.trim();
      if (!v) return;
      sum[i] = (sum[i] ?? 0) + v.length;
      count[i] = (count[i] ?? 0) + 1;
    });
  }
  return sum.map((s, i) => (count[i] ? s / count[i]! : 0));
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

/** Fields a person reads as words: a second column of one of these belongs in the entry's text. */
const TEXT_LIKE = new Set<CanonicalField>(['text', 'outcome', 'contactType', 'person', 'practitioner']);

export interface ExtraTextColumn {
  index: number;
  /** The heading the value is labelled with in the entry's text. */
  label: string;
  /** A heading Jigsaw does not recognise: its cells are added only when they hold prose. */
  proseOnly: boolean;
}

const extraCache = new WeakMap<ColumnMapping, { headers: string[]; extras: ExtraTextColumn[] }>();

/**
 * Unmapped columns that still hold what the agency wrote about the event, added to the entry's
 * text as "Heading: value" so nothing is missing from the timeline or search: a heading read as a
 * text-like field another column already holds ("Details" beside "Summary", "Action taken" beside
 * "Outcome", "Suspect" beside "Victim"), and, when they hold prose, headings not recognised at all
 * ("Voice of the child", "Concerns raised"). Left in the raw row only: identifiers, dates and times,
 * and a second analysis column (an agency's analysis is kept apart from the facts). The mapping
 * itself is unchanged, so saved mappings load as before. Cached per mapping: called for every row.
 */
export function extraTextColumns(headers: string[], mapping: ColumnMapping): ExtraTextColumn[] {
  const hit = extraCache.get(mapping);
  if (hit && hit.headers === headers) return hit.extras;
  const used = new Set(Object.values(mapping));
  const nameParts = personNameParts(headers, mapping);
  const extras: ExtraTextColumn[] = [];
  headers.forEach((h, index) => {
    if (used.has(index) || !h.trim()) return;
    if (nameParts?.other === index) return; // joined into the person's name instead
    const words = headingWords(h);
    const g = guessField(h);
    if (g && TEXT_LIKE.has(g.field)) extras.push({ index, label: h.trim(), proseOnly: false });
    else if (!g && identifierField(words) === undefined) extras.push({ index, label: h.trim(), proseOnly: true });
  });
  extraCache.set(mapping, { headers, extras });
  return extras;
}

/** Words, not a code or a number: a letter, a space between words, and some length. */
export function looksLikeProse(value: string): boolean {
  return value.length >= 20 && /[a-z]{2,}\s+[a-z]{2,}/i.test(value);
}

/** Headings' last words for the two halves of a name ("Patient Forename", "patient.surname", "Last Name"). */
const NAME_HALF = /(?:^| )(?:(forenames?|first ?names?|given ?names?)|(surname|last ?name|family ?name))$/;

/** Which half of a name a heading holds, and whose name it is (the words before: "patient"). */
function nameHalf(heading: string): { half: 'first' | 'last'; owner: string } | null {
  const w = headingWords(heading).join(' ');
  const m = NAME_HALF.exec(w);
  return m ? { half: m[1] ? 'first' : 'last', owner: w.slice(0, m.index) } : null;
}

/**
 * A name split over two columns ("Patient Surname" | "Patient Forename"): the person column takes
 * one half and the other column, unmapped, holds the rest. The two are read together as one name,
 * forename first, so the entry names the person as a reader (and the people matcher) would.
 */
export function personNameParts(headers: string[], mapping: ColumnMapping): { first: number; last: number; other: number } | null {
  const person = mapping.person;
  const mine = person === undefined ? null : nameHalf(headers[person] ?? '');
  if (person === undefined || !mine) return null;
  const used = new Set(Object.values(mapping));
  const other = headers.findIndex((h, i) => {
    const n = used.has(i) ? null : nameHalf(h);
    return n !== null && n.half !== mine.half && n.owner === mine.owner;
  });
  if (other < 0) return null;
  return mine.half === 'first' ? { first: person, last: other, other } : { first: other, last: person, other };
}
