// The XLSX template: one "Chronology" sheet with a single header row, cell checks for dates,
// times and the same-day sequence, a drop-down of contact types, and a hidden sheet saying which
// review, agency and template version it is (read back on import for an exact mapping).
import ExcelJS from 'exceljs';
import type { ReviewSettings, TemplateField } from '../../../shared/review.js';
import { coverNote } from './cover-note.js';
import { IDENTITY_SHEET, type TemplatePayload } from './template-identity.js';

/** Rows prepared with cell checks; agencies can add more (Excel extends the checks as rows are inserted). */
export const TEMPLATE_ROWS = 1000;
export const CHRONOLOGY_SHEET = 'Chronology';

const WIDTH: Partial<Record<TemplateField, number>> = { sequence: 6, date: 13, time: 8, endDate: 13, text: 60, outcome: 40, analysis: 40, person: 24 };
const excelDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function buildXlsxTemplate(settings: ReviewSettings, payload: TemplatePayload): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jigsaw';
  wb.title = `Chronology template: ${settings.title}`;
  const ws = wb.addWorksheet(CHRONOLOGY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const hidden = wb.addWorksheet(IDENTITY_SHEET, { state: 'hidden' });

  ws.columns = payload.columns.map((c) => ({ header: c.heading, key: c.field, width: WIDTH[c.field] ?? 20 }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  payload.columns.forEach((c, i) => {
    if (c.mandatory) header.getCell(i + 1).note = 'Must be filled in for every row';
  });

  // The hidden sheet holds one row (so the import, which reads the sheet with the most rows, never
  // takes it for the data): the identity as JSON in A1, then the contact types for the drop-down.
  hidden.getCell('A1').value = JSON.stringify(payload);
  settings.contactTypes.forEach((t, i) => (hidden.getCell(1, i + 2).value = t));
  const listEnd = hidden.getColumn(Math.max(2, settings.contactTypes.length + 1)).letter;

  const from = settings.periodFrom ?? '1900-01-01';
  const to = settings.periodTo ?? '2199-12-31';
  const period = settings.periodFrom || settings.periodTo ? ` between ${from.split('-').reverse().join('/')} and ${to.split('-').reverse().join('/')}` : '';
  // Warnings, not stops: an uncertain date ("? 03/2016", "March 2016") must still be allowed in.
  const checks: Partial<Record<TemplateField, ExcelJS.DataValidation>> = {
    date: {
      type: 'date', operator: 'between', formulae: [excelDate(from), excelDate(to)], allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
      errorTitle: 'Date', error: `Enter a date${period} as dd/mm/yyyy. For an uncertain date keep your text (e.g. ? 03/2016 or March 2016).`,
    },
    endDate: {
      type: 'date', operator: 'between', formulae: [excelDate(from), excelDate(to)], allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
      errorTitle: 'End date', error: `Enter a date${period} as dd/mm/yyyy.`,
    },
    time: {
      // Excel's "time" check; exceljs's types list it under a different name.
      type: 'time' as 'decimal', operator: 'between', formulae: ['0', '0.999988425925926'], allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
      errorTitle: 'Time', error: 'Enter a time as hh:mm (24-hour clock), or leave it blank.',
    },
    sequence: {
      type: 'whole', operator: 'between', formulae: ['1', '999'], allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
      errorTitle: 'Seq', error: 'Number the contacts of one day 1, 2, 3 in the order they happened.',
    },
    contactType: {
      type: 'list', formulae: [`'${IDENTITY_SHEET}'!$B$1:$${listEnd}$1`], allowBlank: true, showErrorMessage: true,
      errorStyle: 'information', errorTitle: 'Contact type', error: 'Pick a type from the list when one fits; otherwise your own words are kept.',
    },
  };
  const numFmt: Partial<Record<TemplateField, string>> = { date: 'dd/mm/yyyy', endDate: 'dd/mm/yyyy', time: 'hh:mm', sequence: '0' };

  // Column styles and range checks only: no empty rows are written, so none come back as "empty".
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  payload.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const check = checks[c.field];
    if (check) validations.add(`${col.letter}2:${col.letter}${TEMPLATE_ROWS + 1}`, check);
    if (numFmt[c.field]) col.numFmt = numFmt[c.field]!;
    else col.alignment = { vertical: 'top', wrapText: true };
  });
  header.font = { bold: true };

  // The cover note goes with the file too, as the workbook's description.
  wb.description = coverNote(settings, payload.agency, payload.templateVersion).flatMap((b) => [b.heading ?? '', ...b.lines]).filter(Boolean).join('\n');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
