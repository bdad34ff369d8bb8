// The date of death or of the serious incident, when the chair has not set one: read from the
// entries as the first day from which two or more agencies record a death or a life-threatening
// harm within a fortnight. Shown beside the setting as a proposal, and used by the clusters until
// the chair sets or corrects it, because responses after a death must never answer what came before.
import type { ProposedIncident } from '../../../shared/review.js';
import type { CaseFile } from '../case-file.js';

/** Words that report a death or life-threatening harm as having happened (not a threat of it). */
const INCIDENT_WORDS =
  /\b(?:died|has died|deceased|found dead|pronounced dead|life (?:was )?(?:pronounced )?extinct|passed away|fatal(?:ly)?|murder(?:ed)?|homicide|manslaughter|post[- ]mortem|inquest|coroner|(?:sudden|unexpected|his|her|their) death|death of|critical condition|life[- ]threatening|intensive care|PICU|ICU|cardiac arrest|CPR)\b/i;

/** Two agencies recording it within this many days of the first make it the incident. */
const CONFIRM_WITHIN_DAYS = 14;
const MIN_AGENCIES = 2;

export function proposeIncident(caseFile: CaseFile): ProposedIncident | null {
  const rows = caseFile.db
    .prepare(
      `SELECT e.date, e.agency_id AS agency, a.name, e.text, coalesce(e.outcome, '') AS outcome FROM entries e JOIN agencies a ON a.id = e.agency_id
       WHERE e.active = 1 AND e.precision = 'day' ORDER BY e.date, e.id`,
    )
    .iterate() as IterableIterator<{ date: string; agency: number; name: string; text: string; outcome: string }>;
  const hits: { date: string; agency: number; name: string; word: string }[] = [];
  for (const r of rows) {
    const m = INCIDENT_WORDS.exec(`${r.text} ${r.outcome}`);
    if (m) hits.push({ date: r.date, agency: r.agency, name: r.name, word: m[0] });
  }
  for (let i = 0; i < hits.length; i++) {
    const first = hits[i]!;
    const limit = addDays(first.date, CONFIRM_WITHIN_DAYS);
    const agencies = new Map<number, string>();
    for (let j = i; j < hits.length && hits[j]!.date <= limit; j++) agencies.set(hits[j]!.agency, hits[j]!.name);
    if (agencies.size >= MIN_AGENCIES) {
      return { date: first.date, why: `${first.name} records "${first.word}" on ${first.date}; ${agencies.size} agencies record a death or serious harm within ${CONFIRM_WITHIN_DAYS} days (${[...agencies.values()].join(', ')})` };
    }
  }
  return null;
}

/** The incident date the analysis uses: the chair's, else the one proposed from the entries. */
export function incidentDate(caseFile: CaseFile): string | null {
  return caseFile.meta('incident_date') ?? proposedIncident(caseFile)?.date ?? null;
}

const proposals = new WeakMap<CaseFile, { key: string; proposal: ProposedIncident | null }>();

/**
 * proposeIncident, kept while the active entries stay the same (their count and ids: entries are
 * never edited, only added or superseded): it reads every entry's text, and a recompute of the
 * signals asks for it more than once. Kept in memory, not in the case: reading never writes.
 */
export function proposedIncident(caseFile: CaseFile): ProposedIncident | null {
  const e = caseFile.db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS hi, coalesce(total(id), 0) AS s FROM entries WHERE active = 1').get() as Record<string, number>;
  const key = `${e.n}|${e.hi}|${e.s}`;
  const kept = proposals.get(caseFile);
  if (kept?.key === key) return kept.proposal;
  const proposal = proposeIncident(caseFile);
  proposals.set(caseFile, { key, proposal });
  return proposal;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
