// The agency's side, end to end: the chair's XLSX template filled in the way a person would (real
// Excel dates and times, text typed into date cells, a cell left empty, rows out of order), then
// imported with no mapping at all and checked against the review's rules.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { importExtract } from '../../electron/engine/import/import-extract';
import { reviewDashboard } from '../../electron/engine/review/dashboard';
import { requestPack } from '../../electron/engine/review/request-pack';
import { getReviewSettings } from '../../electron/engine/review/settings';
import { saveReviewSettings } from './review-helpers';
import { tempCase, tempDir } from './helpers';
import type { CaseFile } from '../../electron/engine/case-file';

/** Headings the import's own guesser would get wrong ("comment" reads as notes): only the template knows. */
function customColumns(c: CaseFile) {
  return getReviewSettings(c).settings.columns.map((col) => (col.field === 'analysis' ? { ...col, heading: 'Agency comment on practice' } : col));
}

type Row = Partial<Record<string, ExcelJS.CellValue>>;

async function fillTemplate(c: CaseFile, agency: string, rows: Row[], name = 'filled.xlsx'): Promise<string> {
  const pack = await requestPack(c, agency, 'xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(pack.bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chronology')!;
  const headings = (ws.getRow(1).values as string[]).slice(1);
  rows.forEach((r, i) => {
    for (const [h, v] of Object.entries(r)) {
      const col = headings.indexOf(h);
      if (col < 0) throw new Error(`no column ${h}`);
      ws.getCell(i + 2, col + 1).value = v ?? null;
    }
  });
  const file = path.join(tempDir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`); // what Excel stores for a typed date
const t = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) / 1440; // a typed time: a fraction of a day
const good = (date: ExcelJS.CellValue, extra: Row = {}): Row => ({
  Date: date, 'People involved': 'Rowan Pellow', 'Contact type': 'Home visit', 'Practitioner role': 'Duty social worker',
  'Event (facts only)': 'Visited at home; flat cold, little food.', 'Action / outcome': 'Referral to housing', ...extra,
});

describe('a filled-in template', () => {
  it('imports with no mapping step and reports every broken rule by row', async () => {
    const c = tempCase();
    saveReviewSettings(c, { columns: customColumns(c) });
    const file = await fillTemplate(c, 'Adult Social Care', [
      good(d('2023-01-10'), { Time: t('21:00'), 'Agency comment on practice': 'Should have escalated.' }), // row 2
      good(d('2023-02-14'), { 'Practitioner role': null }), // row 3: mandatory cell left empty
      good('31/02/2023'), // row 4: typed over the date check: no such date
      good(d('2022-06-01')), // row 5: before the review period
      good(d('2023-03-20')), // row 6
      good(d('2023-03-05')), // row 7: earlier than row 6, no sequence
      good(d('2023-03-05'), { Seq: 2, Time: t('09:00') }), // row 8
      good(d('2023-03-05'), { Seq: 1, Time: t('08:00') }), // row 9: earlier, but numbered
      good('? April 2023'), // row 10: an uncertain date, allowed by the warning-only check
    ]);

    const engine = new Engine(c);
    const staged = await engine.stageFile({ fileName: 'asc.xlsx', bytes: fs.readFileSync(file) });
    expect(staged.template).toEqual({ agency: 'Adult Social Care', templateVersion: 1 });
    expect(staged.headerRow).toBe(1);

    const r = await importExtract(c, file, { agency: 'Adult Social Care' }); // no mapping given
    const col = (h: string) => staged.headers.indexOf(h);
    expect(r.mapping).toEqual(staged.mapping);
    expect(r.mapping).toMatchObject({ date: col('Date'), time: col('Time'), sequence: col('Seq'), text: col('Event (facts only)'), analysis: col('Agency comment on practice'), practitioner: col('Practitioner role') });
    expect(r.format).toBe('xlsx');
    expect(r.imported).toBe(7);
    expect(r.rejected.map((p) => [p.row, p.reason])).toEqual([[4, 'impossible_date'], [5, 'outside_review_period']]);
    expect(r.warnings.map((p) => [p.row, p.reason])).toEqual([[3, 'missing_mandatory'], [7, 'out_of_order']]);
    expect(r.warnings[0]!.message).toContain('"Practitioner role" must be filled in');

    const first = c.listEntries({}).entries[0]!;
    expect(first).toMatchObject({ date: '2023-01-10', time: '21:00', practitioner: 'Duty social worker' });
    const analysis = c.db.prepare('SELECT analysis FROM entries WHERE date = ?').get('2023-01-10') as { analysis: string };
    expect(analysis.analysis).toBe('Should have escalated.');
    const uncertain = c.listEntries({}).entries.find((e) => e.originalDate === '? April 2023');
    expect(uncertain).toMatchObject({ precision: 'month', flags: ['uncertain'] });

    const status = reviewDashboard(c).find((s) => s.agency === 'Adult Social Care')!;
    expect(status).toMatchObject({ asked: false, state: 'awaiting_sign_off', received: { version: 1, templateVersion: 1, imported: 7 }, problems: { rejected: 2, warnings: 2, duplicates: 0 } });
    engine.close();
  });

  it('a missing mandatory column is reported once, at the header row', async () => {
    const c = tempCase();
    saveReviewSettings(c);
    const pack = await requestPack(c, 'GP', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(pack.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Chronology')!;
    const headings = (ws.getRow(1).values as string[]).slice(1);
    ws.spliceColumns(headings.indexOf('Action / outcome') + 1, 1); // the agency deleted a column
    ws.getCell(2, headings.indexOf('Date') + 1).value = d('2023-05-02');
    ws.getCell(2, headings.indexOf('Event (facts only)') + 1).value = 'Seen in surgery.';
    const file = path.join(tempDir(), 'gp.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await importExtract(c, file, { agency: 'GP' });
    expect(r.imported).toBe(1);
    expect(r.warnings.filter((w) => w.reason === 'missing_column')).toEqual([expect.objectContaining({ row: 1, message: expect.stringContaining('"Action / outcome" is missing') })]);
  });

  it('is refused when imported under another agency, or into another review', async () => {
    const c = tempCase('chair.jigsaw');
    saveReviewSettings(c);
    const file = await fillTemplate(c, 'Police', [good(d('2023-04-01'))]);
    await expect(importExtract(c, file, { agency: 'GP' })).rejects.toThrow(/made for Police, not GP/);
    const other = tempCase('other.jigsaw');
    await expect(importExtract(other, file, { agency: 'Police' })).rejects.toThrow(/another review/);
    expect(other.agencies()).toEqual([]);
  });
});

describe('a filled-in Word template', () => {
  it('imports with no mapping step: the table rows typed in, the identity from the document', async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const c = tempCase();
    saveReviewSettings(c);
    const pack = await requestPack(c, 'GP', 'docx');
    const parts = unzipSync(pack.bytes);
    const xml = strFromU8(parts['word/document.xml']!);
    // The empty row under the header, typed into once per event (as Tab in the last cell does in Word).
    const start = xml.indexOf('<w:tr>', xml.indexOf('</w:tr>'));
    const end = xml.indexOf('</w:tr>', start) + '</w:tr>'.length;
    const emptyRow = xml.slice(start, end);
    const typed = (cells: string[]) => {
      let i = 0;
      return emptyRow.replace(/<w:t xml:space="preserve"><\/w:t>/g, () => `<w:t xml:space="preserve">${cells[i++] ?? ''}</w:t>`);
    };
    //                 Seq  Date          Time     End  People          Type          Practitioner   Event                         Outcome           Analysis  Source
    const rows = [
      typed(['', '02/05/2023', '10:20', '', 'Rowan Pellow', 'GP appointment', 'GP 2', 'Bruising to left arm; says she fell.', 'Advice given', '', 'EMIS']),
      typed(['', '14/04/2023', '', '', 'Rowan Pellow', 'Telephone contact', '', 'Requests repeat sleeping tablets.', 'Prescribed', '', 'EMIS']),
    ];
    parts['word/document.xml'] = strToU8(xml.slice(0, start) + rows.join('') + xml.slice(end));
    const file = path.join(tempDir(), 'gp-filled.docx');
    fs.writeFileSync(file, zipSync(parts));

    const r = await importExtract(c, file, { agency: 'GP' });
    expect(r.format).toBe('docx');
    expect(r.imported).toBe(2);
    expect(r.rejected).toEqual([]);
    expect(r.warnings.map((p) => [p.row, p.reason])).toEqual([[3, 'missing_mandatory'], [3, 'out_of_order']]);
    expect(reviewDashboard(c).find((s) => s.agency === 'GP')?.received).toMatchObject({ templateVersion: 1, imported: 2 });
  });
});
