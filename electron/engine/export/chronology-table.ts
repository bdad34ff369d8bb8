// The integrated chronology as a table every format renders: one row per entry in date, same-day
// and time order, the agencies' facts in their own columns and the analysis in others.
import type { ExportOptions } from '../../../shared/export.js';
import type { Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import type { Pseudonymiser } from '../pseudonymise/pseudonymiser.js';
import type { CasePerson } from '../pseudonymise/people.js';
import { count, rowLabel } from '../../../shared/words.js';

export type ColumnGroup = 'fact' | 'chair' | 'analysis' | 'provenance';

export interface ExportColumn {
  key: string;
  header: string;
  /** Width in characters, for spreadsheets; documents share the page in proportion. */
  width: number;
  group: ColumnGroup;
}

export const COLUMNS: readonly ExportColumn[] = [
  { key: 'seq', header: 'Seq', width: 6, group: 'fact' },
  { key: 'date', header: 'Date', width: 13, group: 'fact' },
  { key: 'time', header: 'Time', width: 7, group: 'fact' },
  { key: 'agency', header: 'Agency', width: 16, group: 'fact' },
  { key: 'contactType', header: 'Contact type', width: 18, group: 'fact' },
  { key: 'people', header: 'People involved', width: 20, group: 'fact' },
  { key: 'practitioner', header: 'Practitioner role', width: 16, group: 'fact' },
  { key: 'event', header: 'Event (facts)', width: 60, group: 'fact' },
  { key: 'outcome', header: 'Action / outcome', width: 30, group: 'fact' },
  { key: 'corrections', header: 'Correction notes', width: 30, group: 'chair' },
  { key: 'keyEpisode', header: 'Key episode', width: 10, group: 'chair' },
  { key: 'themes', header: 'Themes', width: 20, group: 'analysis' },
  { key: 'agencyAnalysis', header: 'Agency analysis', width: 40, group: 'analysis' },
  { key: 'chairAnalysis', header: "Reviewer's analysis", width: 40, group: 'analysis' },
  { key: 'dateRecorded', header: 'Date as recorded', width: 14, group: 'provenance' },
  { key: 'source', header: 'Source (file, row)', width: 24, group: 'provenance' },
];

export type ExportRow = Record<string, string>;

/**
 * Row keys that are not columns: what a spreadsheet needs to write real cells (the exact day as
 * ISO, empty when the date is approximate or hedged, which stays text as recorded).
 */
export const EXACT_DATE_KEY = '_exactDate';

/** Everything about an export but its rows: what the cover page, the About sheet and the notes say. */
export interface ExportHead {
  title: string;
  reviewType: string;
  period: string;
  generatedAt: string;
  preparedBy: Actor;
  pseudonymised: boolean;
  includeAnalysis: boolean;
  /** Plain sentences describing what the export holds (options, exclusions). */
  notes: string[];
  columns: ExportColumn[];
  /** Rows the export holds (after the reviewer's exclusions). */
  rowCount: number;
  excluded: number;
  /** Pseudonym -> what the person is (never their name); only in pseudonymised exports. */
  pseudonymKey: { pseudonym: string; description: string }[];
}

export interface Abbreviation {
  abbreviation: string;
  meaning: string;
}

/** The chronology as a head and a row stream that can be read more than once. */
export interface Chronology {
  head: ExportHead;
  /** The rows in order, read from the case a batch at a time (never all held at once), pseudonymised one by one. */
  rows(): Generator<ExportRow>;
}

interface Row {
  id: number;
  agency: string;
  date: string;
  date_to: string;
  precision: string;
  original_date: string;
  time: string | null;
  contact_type: string | null;
  text: string;
  outcome: string | null;
  analysis: string | null;
  practitioner: string | null;
  person_text: string | null;
  flags: string;
  file_name: string;
  row_number: number;
  line: number | null;
  key_episode: number | null;
  chair_analysis: string | null;
  themes_json: string | null;
  excluded: number | null;
}

const PRECISION_WORDS: Record<string, string> = { week: 'week of', month: 'month', season: 'season', year: 'year', approximate: 'approx.' };

/** UK day-first, with an approximate date's range and precision spelled out. */
export function formatDate(date: string, dateTo: string, precision: string, flags: string[]): string {
  const uk = (iso: string): string => iso.split('-').reverse().join('/');
  let s = date === dateTo ? uk(date) : `${uk(date)} to ${uk(dateTo)}`;
  if (precision !== 'day') s += ` (${PRECISION_WORDS[precision] ?? precision})`;
  if (flags.includes('before')) s = `before ${s}`;
  if (flags.includes('after')) s = `after ${s}`;
  if (flags.includes('uncertain')) s = `? ${s}`;
  return s;
}

const ABBREVIATIONS: [string, string][] = [
  ['A&E', 'Accident and Emergency'],
  ['ASC', 'Adult Social Care'],
  ['CPN', 'Community Psychiatric Nurse'],
  ['DC', 'Detective Constable'],
  ['DNA', 'Did not attend'],
  ['DS', 'Detective Sergeant'],
  ['ED', 'Emergency Department'],
  ['GP', 'General Practitioner'],
  ['IDVA', 'Independent Domestic Violence Advisor'],
  ['MARAC', 'Multi-Agency Risk Assessment Conference'],
  ['MASH', 'Multi-Agency Safeguarding Hub'],
  ['NFA', 'No further action'],
  ['NHS', 'National Health Service'],
  ['PC', 'Police Constable'],
  ['PS', 'Police Sergeant'],
  ['s42', 'Enquiry under section 42 of the Care Act 2014'],
  ['WNB', 'Was not brought'],
];

const ROLE_WORDS: Record<CasePerson['role'], string> = {
  subject: 'The subject of the review',
  family: 'A family member',
  associate: 'An associate',
  professional: 'A professional',
  unknown: 'A person named in the records',
};

export interface TableInput {
  caseFile: CaseFile;
  actor: Actor;
  opts: ExportOptions;
  pseudonymiser: Pseudonymiser | null;
  people: CasePerson[];
  now: Date;
}

/** Rows fetched per query: enough to amortise the query, few enough to keep memory flat. */
const BATCH = 500;

const FROM = `FROM entries e JOIN agencies a ON a.id = e.agency_id JOIN extracts x ON x.id = e.extract_id JOIN raw_rows r ON r.id = e.raw_row_id
       LEFT JOIN annotations n ON n.entry_id = e.id`;

export function openChronology({ caseFile, actor, opts, pseudonymiser: p, people, now }: TableInput): Chronology {
  const db = caseFile.db;
  const where = ['e.active = 1'];
  const params: string[] = [];
  if (opts.to) {
    where.push('e.date <= ?');
    params.push(opts.to);
  }
  if (opts.from) {
    where.push('e.date_to >= ?');
    params.push(opts.from);
  }
  if (opts.agencies?.length) {
    where.push(`a.name IN (${opts.agencies.map(() => '?').join(',')})`);
    params.push(...opts.agencies);
  }
  // Only the order is held (a number a row); the text is read a batch at a time as it is written.
  const ordered = db
    .prepare(
      `SELECT e.id, n.excluded ${FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY e.date, coalesce(n.same_day_order, 1000000), coalesce(e.time, ''), coalesce(e.sequence, 0), e.id`,
    )
    .raw()
    .all(...params) as [number, number | null][];
  const ids = ordered.filter(([, excluded]) => excluded !== 1).map(([id]) => id);
  const excluded = ordered.length - ids.length;
  const batch = db.prepare(
    `SELECT e.id, a.name AS agency, e.date, e.date_to, e.precision, e.original_date, e.time, e.contact_type, e.text, e.outcome,
       e.analysis, e.practitioner, e.person_text, e.flags, x.file_name, r.row_number, r.line,
       n.key_episode, n.analysis AS chair_analysis, n.themes_json, n.excluded
     ${FROM}
     WHERE e.id IN (SELECT value FROM json_each(?))`,
  );
  const corrections = new Map<number, string[]>();
  for (const c of db.prepare('SELECT entry_id, field, note FROM corrections ORDER BY id').all() as { entry_id: number; field: string | null; note: string }[]) {
    corrections.set(c.entry_id, [...(corrections.get(c.entry_id) ?? []), c.field ? `${c.field}: ${c.note}` : c.note]);
  }
  const text = (s: string | null): string => (p ? p.apply(s) : s) ?? '';
  const includeAnalysis = opts.includeAnalysis === true;
  const toRow = (r: Row, i: number): ExportRow => ({
    seq: String(i + 1),
    date: formatDate(r.date, r.date_to, r.precision, r.flags ? r.flags.split(',') : []),
    [EXACT_DATE_KEY]: r.precision === 'day' && r.date === r.date_to && !r.flags ? r.date : '',
    time: r.time ?? '',
    agency: r.agency,
    contactType: text(r.contact_type),
    people: text(r.person_text),
    practitioner: (p ? p.practitioner(r.practitioner) : r.practitioner) ?? '',
    event: text(r.text),
    outcome: text(r.outcome),
    corrections: text((corrections.get(r.id) ?? []).join('\n')),
    keyEpisode: r.key_episode === 1 ? 'Yes' : '',
    themes: includeAnalysis ? text((JSON.parse(r.themes_json ?? '[]') as string[]).join('; ')) : '',
    agencyAnalysis: includeAnalysis ? text(r.analysis) : '',
    chairAnalysis: includeAnalysis ? text(r.chair_analysis) : '',
    dateRecorded: r.original_date,
    source: `${r.file_name}, ${rowLabel(r.row_number, r.line)}`,
  });
  function* rows(): Generator<ExportRow> {
    for (let start = 0; start < ids.length; start += BATCH) {
      const slice = ids.slice(start, start + BATCH);
      const byId = new Map((batch.all(JSON.stringify(slice)) as Row[]).map((r) => [r.id, r]));
      for (const [k, id] of slice.entries()) {
        const r = byId.get(id);
        if (r) yield toRow(r, start + k);
      }
    }
  }

  const summary = caseFile.summary();
  const period = opts.from || opts.to ? `${opts.from ?? 'start'} to ${opts.to ?? 'end'}` : summary.periodFrom ? `${summary.periodFrom} to ${summary.periodTo ?? '…'}` : 'whole case';
  const notes = [
    `${count(ids.length, 'entry')} from ${opts.agencies?.length ? opts.agencies.join(', ') : 'all agencies'}, ${period}.`,
    p ? 'Pseudonymised: names, dates of birth, NHS numbers and addresses are replaced; see the key of pseudonyms.' : 'NOT pseudonymised: contains personal data.',
    includeAnalysis ? 'Analysis is in its own columns, apart from the agencies’ facts.' : 'Facts only: analysis columns are left out.',
  ];
  if (excluded > 0) notes.push(`${excluded} ${excluded === 1 ? 'entry was' : 'entries were'} excluded by the reviewer (reasons in the case's audit log).`);

  return {
    head: {
      title: text(summary.title),
      reviewType: summary.reviewType,
      period,
      generatedAt: now.toISOString(),
      preparedBy: actor,
      pseudonymised: p !== null,
      includeAnalysis,
      notes,
      columns: COLUMNS.filter((c) => includeAnalysis || c.group !== 'analysis'),
      rowCount: ids.length,
      excluded,
      pseudonymKey: p
        ? people
            .filter((x) => x.pseudonym)
            .map((x) => ({ pseudonym: x.pseudonym!, description: ROLE_WORDS[x.role] ?? ROLE_WORDS.unknown }))
        : [],
    },
    rows,
  };
}

/** The abbreviations of the key, in the key's order: those the output uses. */
export class AbbreviationFinder {
  private readonly pending = ABBREVIATIONS.map(([abbreviation, meaning]) => ({
    abbreviation,
    meaning,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${abbreviation}(?![\\p{L}\\p{N}])`, 'u'),
    found: false,
  }));

  private left = this.pending.length;

  add(text: string): void {
    if (this.left === 0 || !text) return;
    for (const a of this.pending) {
      if (!a.found && a.re.test(text)) {
        a.found = true;
        this.left--;
      }
    }
  }

  found(): Abbreviation[] {
    return this.pending.filter((a) => a.found).map(({ abbreviation, meaning }) => ({ abbreviation, meaning }));
  }
}

/** The head's own text, with where it sits: what the residual check reads before the rows. */
export function headTexts(h: ExportHead): { where: string; text: string }[] {
  return [
    { where: 'the title', text: h.title },
    ...h.notes.map((n) => ({ where: 'the cover page', text: n })),
    ...h.pseudonymKey.map((k) => ({ where: 'the key of pseudonyms', text: `${k.pseudonym} ${k.description}` })),
  ];
}
