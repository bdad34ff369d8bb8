// The review's rules, applied to an extract as it is imported (inside the import's transaction),
// once the chair has saved review settings: mandatory columns present, mandatory cells filled,
// rows in date order unless numbered in a sequence column. Valid dates and the review period are
// checked by the import itself. Problems come back as warnings with a row number, like the import's.
import type { ColumnMapping, RowProblem } from '../../../shared/types.js';
import { rowLabel } from '../../../shared/words.js';
import type { CaseFile } from '../case-file.js';
import type { RecognisedTemplate } from './recognise-template.js';
import { savedReviewSettings } from './settings.js';

export function reviewRowProblems(caseFile: CaseFile, extractId: number, mapping: ColumnMapping, headerRow: number, template: RecognisedTemplate | null): RowProblem[] {
  const db = caseFile.db;
  if (template) {
    db.prepare('INSERT OR REPLACE INTO extract_templates(extract_id, review_id, template_version) VALUES (?, ?, ?)').run(extractId, template.identity.reviewId, template.identity.templateVersion);
  }
  const settings = savedReviewSettings(caseFile);
  if (!settings && !template) return [];
  // The template's own columns when it is one; otherwise the review's wanted columns.
  const mandatory = template ? template.payload.columns.filter((c) => c.mandatory) : settings!.columns.filter((c) => c.wanted && c.mandatory);
  const problems: RowProblem[] = [];
  const absent = mandatory.filter((c) => mapping[c.field] === undefined);
  for (const c of absent) {
    problems.push({ row: headerRow, reason: 'missing_column', message: `Row ${headerRow}: the mandatory column "${c.heading}" is missing from the file` });
  }
  const present = mandatory.filter((c) => mapping[c.field] !== undefined && c.field !== 'date'); // an empty date is already rejected
  // Done in SQL (json_extract, a window over file order): only the rows with a problem come back.
  const blank = (i: number): string => `(trim(coalesce(json_extract(r.cells_json, '$[${Number(i)}]'), ''), ' ' || char(9, 10, 13, 160)) = '')`;
  const flags = present.map((c, k) => `${blank(mapping[c.field]!)} AS m${k}`);
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT r.row_number AS row, r.line, e.date, e.time, e.sequence, lag(r.row_number) OVER w AS prevRow, lag(r.line) OVER w AS prevLine, lag(e.date) OVER w AS prevDate,
           lag(e.time) OVER w AS prevTime${flags.map((f) => `, ${f}`).join('')}
         FROM entries e JOIN raw_rows r ON r.id = e.raw_row_id WHERE e.extract_id = ? WINDOW w AS (ORDER BY r.row_number))
       WHERE ${[...present.map((_, k) => `m${k}`), `(sequence IS NULL AND prevRow IS NOT NULL AND (date < prevDate OR (date = prevDate AND time < prevTime)))`].join(' OR ')}
       ORDER BY row`,
    )
    .all(extractId) as ({
      row: number; line: number | null; date: string; time: string | null; sequence: number | null; prevRow: number | null; prevLine: number | null; prevDate: string; prevTime: string | null;
    } & Record<string, unknown>)[];
  for (const r of rows) {
    const at = { row: r.row, ...(r.line !== null && { line: r.line }) };
    const empty = present.filter((_, k) => r[`m${k}`] === 1);
    if (empty.length) {
      problems.push({ ...at, reason: 'missing_mandatory', message: `${rowLabel(r.row, r.line, true)}: ${empty.map((c) => `"${c.heading}"`).join(', ')} must be filled in` });
    }
    if (r.prevRow !== null && r.sequence === null && isBefore(r, { date: r.prevDate, time: r.prevTime })) {
      problems.push({
        ...at,
        reason: 'out_of_order',
        message: `${rowLabel(r.row, r.line, true)} (${r.date}${r.time ? ` ${r.time}` : ''}) comes after ${rowLabel(r.prevRow, r.prevLine)} (${r.prevDate}${r.prevTime ? ` ${r.prevTime}` : ''}): put the rows in date order, or number them in a sequence column`,
      });
    }
  }
  return problems;
}

function isBefore(a: { date: string; time: string | null }, b: { date: string; time: string | null }): boolean {
  if (a.date !== b.date) return a.date < b.date;
  return a.time !== null && b.time !== null && a.time < b.time;
}
