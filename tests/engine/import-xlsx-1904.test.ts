// Workbooks in Excel's 1904 date system (old Mac Excel, and any workbook saved with "Use 1904 date
// system" on): serial 0 is 1 Jan 1904, so every serial means a date 1,462 days later than in the
// 1900 system. Built part by part as such a workbook is on disk, in the part orders writers use.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { openSource } from '../../electron/engine/import/sources/index';
import { makeZip } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const strings = ['Date', 'Time', 'Contact type', 'Notes', 'Home visit', 'Phone call', 'Strategy meeting', 'Letter sent'];
const s = (ref: string, text: string): string => `<c r="${ref}" t="s"><v>${strings.indexOf(text)}</v></c>`;
const n = (ref: string, v: number, style: number): string => `<c r="${ref}" s="${style}"><v>${v}</v></c>`;

/**
 * Styles: 1 = built-in short date (numFmtId 14), 2 = "d-mmm-yy", 3 = built-in h:mm (20),
 * 4 = "DD/MM/YYYY" in capitals as LibreOffice writes it (which exceljs does not take for a date).
 * 1904 serials: 41050 = 22 May 2016, 41051.5 = 23 May 2016 12:00, 41052 = 24 May 2016.
 */
function parts(date1904: boolean): Record<string, string> {
  return {
    '[Content_Types].xml':
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels': `${xml}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels':
      `${xml}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${xml}<workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${date1904 ? ' date1904="1"' : ''} showInkAnnotation="0" autoCompressPictures="0"/>` +
      '<sheets><sheet name="Chronology" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/styles.xml':
      `${xml}<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="d\\-mmm\\-yy"/><numFmt numFmtId="165" formatCode="DD/MM/YYYY"/></numFmts>` +
      '<fonts count="1"><font><sz val="12"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5">' +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/sharedStrings.xml': `${xml}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml':
      `${xml}<worksheet xmlns="${NS}"><sheetData>` +
      `<row r="1">${s('A1', 'Date')}${s('B1', 'Time')}${s('C1', 'Contact type')}${s('D1', 'Notes')}</row>` +
      `<row r="2">${n('A2', 41050, 1)}${n('B2', 0.59375, 3)}${s('C2', 'Home visit')}${s('D2', 'Letter sent')}</row>` +
      `<row r="3">${n('A3', 41051.5, 2)}${s('C3', 'Phone call')}${s('D3', 'Letter sent')}</row>` +
      `<row r="4">${n('A4', 41052, 4)}${s('C4', 'Strategy meeting')}${s('D4', 'Letter sent')}</row>` +
      '</sheetData></worksheet>',
  };
}

/** Excel's own order (workbook first, shared strings last), and one with the workbook part last. */
const ORDERS: Record<string, string[]> = {
  'workbook first (as Excel writes it)': ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'],
  'workbook last': ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'],
};

function workbook(date1904: boolean, order: string[]): Buffer {
  const p = parts(date1904);
  return makeZip(order.map((name) => ({ name, data: p[name]! })));
}

describe('XLSX in the 1904 date system', () => {
  for (const [label, order] of Object.entries(ORDERS)) {
    it(`reads serial dates and times from the 1904 epoch, parts ordered ${label}`, async () => {
      const c = tempCase();
      const r = await importExtract(c, writeFile(tempDir(), 'mac-1904.xlsx', workbook(true, order)), { agency: 'Children’s services' });
      expect(r.rejected).toEqual([]);
      expect(r.imported).toBe(3);
      expect(c.listEntries({}).entries.map((e) => [e.date, e.time, e.contactType])).toEqual([
        ['2016-05-22', '14:15', 'Home visit'],
        ['2016-05-23', '12:00', 'Phone call'],
        ['2016-05-24', null, 'Strategy meeting'],
      ]);
      // The raw row keeps the date as the cell showed it, and the time as a time, not "1904-01-01 14:15".
      const first = c.getEntry(c.listEntries({}).entries[0]!.id);
      expect(first.raw.slice(0, 2).map((x) => x.value)).toEqual(['2016-05-22', '14:15']);
    });
  }

  it('reads a workbook in Excel\'s own part order the same way every time (sheets before the shared strings)', async () => {
    // exceljs alone put such sheets aside and now and then read them without their strings.
    const file = writeFile(tempDir(), 'excel-order.xlsx', workbook(true, ORDERS['workbook first (as Excel writes it)']!));
    for (let i = 0; i < 20; i++) {
      const rows: string[][] = [];
      for await (const r of (await openSource(file)).rows()) rows.push(r.cells);
      expect(rows.map((r) => r.join('|'))).toEqual(['Date|Time|Contact type|Notes', '2016-05-22|14:15|Home visit|Letter sent', '2016-05-23 12:00||Phone call|Letter sent', '2016-05-24||Strategy meeting|Letter sent']);
    }
  });

  it('reads the same serials four years earlier in a 1900-system workbook: the epoch comes from the workbook', async () => {
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'win-1900.xlsx', workbook(false, ORDERS['workbook last']!)), { agency: 'Police' });
    expect(r.imported).toBe(3);
    expect(c.listEntries({}).entries.map((e) => e.date)).toEqual(['2012-05-21', '2012-05-22', '2012-05-23']);
  });
});
