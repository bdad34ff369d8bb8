import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { requestPack } from '../../electron/engine/review/request-pack';
import { readTemplatePayload, recogniseTemplate, templateMapping } from '../../electron/engine/review/recognise-template';
import { readZipParts } from '../../electron/engine/review/zip-peek';
import { saveReviewSettings, TEMPLATE_HEADINGS } from './review-helpers';
import { tempCase, tempDir } from './helpers';

async function packFile(c: Parameters<typeof requestPack>[0], agency: string, kind: 'xlsx' | 'docx' | 'cover'): Promise<string> {
  const p = await requestPack(c, agency, kind);
  const file = path.join(tempDir(), p.fileName);
  fs.writeFileSync(file, p.bytes);
  return file;
}

describe('request pack', () => {
  it('XLSX template: one header row, date/time/sequence checks, contact-type drop-down, hidden identity sheet', async () => {
    const c = tempCase();
    const view = saveReviewSettings(c);
    const pack = await requestPack(c, 'Police', 'xlsx');
    expect(pack.fileName).toBe('chronology-template-police-v1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(pack.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Chronology')!;
    expect(wb.worksheets[0]!.name).toBe('Chronology');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_HEADINGS);
    expect(ws.getRow(2).values).toEqual([]);
    const col = (h: string) => TEMPLATE_HEADINGS.indexOf(h) + 1;
    expect(ws.getCell(2, col('Date')).dataValidation).toMatchObject({ type: 'date', operator: 'between', errorStyle: 'warning' });
    expect(ws.getCell(500, col('Date')).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(2, col('Time')).dataValidation).toMatchObject({ type: 'time' });
    expect(ws.getCell(2, col('Seq')).dataValidation).toMatchObject({ type: 'whole' });
    expect(ws.getCell(2, col('Contact type')).dataValidation).toMatchObject({ type: 'list', formulae: ["'Jigsaw'!$B$1:$X$1"] });

    const hidden = wb.getWorksheet('Jigsaw')!;
    expect(hidden.state).toBe('hidden');
    expect(JSON.parse(hidden.getCell('A1').value as string)).toMatchObject({ reviewId: view.reviewId, agency: 'Police', templateVersion: 1 });
    expect(hidden.getCell('B1').value).toBe('999 call');
    expect(hidden.rowCount).toBe(1); // never the busiest sheet, so the import reads the chronology
    expect(wb.description).toContain('If in doubt, include it');
  });

  it('Word template: the same columns in one table, the identity in a document property; cover note with period and people', async () => {
    const c = tempCase();
    const view = saveReviewSettings(c);
    const docx = await packFile(c, 'GP', 'docx');
    const parts = await readZipParts(docx, ['word/document.xml', 'docProps/custom.xml']);
    const body = parts.get('word/document.xml')!;
    expect(body.match(/<w:tbl>/g)).toHaveLength(1);
    const firstRow = body.slice(body.indexOf('<w:tr>'), body.indexOf('</w:tr>'));
    const cells = [...firstRow.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => new XMLParser().parse(`<x>${m[1]}</x>`).x);
    expect(cells).toEqual(TEMPLATE_HEADINGS);
    expect(body).toContain('<w:tblHeader');
    expect(await readTemplatePayload(docx)).toMatchObject({ reviewId: view.reviewId, agency: 'GP', templateVersion: 1 });

    const cover = await packFile(c, 'GP', 'cover');
    const text = (await readZipParts(cover, ['word/document.xml'])).get('word/document.xml')!.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('between 01/01/2023 and 31/12/2023');
    expect(text).toContain('Rowan Pellow (subject), born 02/04/1988');
    expect(text).toContain('If in doubt, include it');
    expect(text).toMatch(/Keep facts apart from analysis/);
    expect(text).toContain('NFA: No further action');
    expect(await readTemplatePayload(cover)).toBeNull();
  });

  it('recognises its own templates only, maps headings exactly, and refuses another review or agency', async () => {
    const chair = tempCase('a.jigsaw');
    saveReviewSettings(chair);
    const xlsx = await packFile(chair, 'Police', 'xlsx');
    const shuffled = [...TEMPLATE_HEADINGS].reverse();
    const r = await recogniseTemplate(chair, xlsx, shuffled, 'police');
    expect(r?.identity).toMatchObject({ agency: 'Police', templateVersion: 1 });
    expect(r?.mapping).toMatchObject({ date: shuffled.indexOf('Date'), text: shuffled.indexOf('Event (facts only)'), sequence: shuffled.indexOf('Seq') });
    expect(r?.missingColumns).toEqual([]);

    await expect(recogniseTemplate(chair, xlsx, TEMPLATE_HEADINGS, 'GP')).rejects.toThrow(/made for Police, not GP/);
    const other = tempCase('b.jigsaw');
    await expect(recogniseTemplate(other, xlsx, TEMPLATE_HEADINGS, 'Police')).rejects.toThrow(/template for another review/);

    // A plain spreadsheet is not a template.
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['Date', 'Notes']);
    const plainFile = path.join(tempDir(), 'plain.xlsx');
    await plain.xlsx.writeFile(plainFile);
    expect(await recogniseTemplate(chair, plainFile, ['Date', 'Notes'], 'Police')).toBeNull();
  });

  it('maps a heading the agency deleted as missing, and falls back to position when all were renamed', () => {
    const payload = { format: 1 as const, reviewId: 'x', agency: 'GP', templateVersion: 1, columns: [
      { field: 'date' as const, heading: 'Date', mandatory: true },
      { field: 'text' as const, heading: 'Event', mandatory: true },
      { field: 'practitioner' as const, heading: 'Practitioner role', mandatory: true },
    ] };
    expect(templateMapping(payload, ['date', 'EVENT'])).toEqual({ mapping: { date: 0, text: 1 }, missing: [payload.columns[2]] });
    expect(templateMapping(payload, ['Datum', 'Ereignis', 'Rolle'])).toEqual({ mapping: { date: 0, text: 1, practitioner: 2 }, missing: [] });
  });
});
