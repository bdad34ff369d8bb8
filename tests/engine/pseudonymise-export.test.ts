import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { annotateEntry } from '../../electron/engine/annotations/annotations';
import { readAudit, verifyAudit } from '../../electron/engine/audit';
import type { CaseFile } from '../../electron/engine/case-file';
import { buildCaseFromFixtures } from '../../electron/engine/demo-case';
import { exportChronology } from '../../electron/engine/export/export-chronology';
import { resolvePeople } from '../../electron/engine/people/resolve';
import type { ExportFormat } from '../../shared/export';
import { addPerson, caseWith, CHAIR, entryIds } from './chair-fixtures';
import { ROOT, tempDir } from './helpers';

/** Text of an export, read back by a library that knows its format. */
async function readBack(format: ExportFormat, bytes: Uint8Array): Promise<string> {
  if (format === 'csv') return Buffer.from(bytes).toString('utf8');
  if (format === 'docx') return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const out: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.value ?? '')))));
    return out.join('\n');
  }
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' '));
  return pages.join('\n');
}

// Every spelling of the demo case's people, as the fixture writes them (and the forms a reader
// would recognise them by), written out here rather than taken from the code under test.
const DEMO_IDENTIFIERS = [/rowan/i, /pellow/i, /\bmike\b/i, /\bkyle\b/i, /danner/i, /\bR\.\s*P/, /4857773456/, /485\s777\s3456/, /tamsin/i];

async function demoCase(): Promise<CaseFile> {
  const c = await buildCaseFromFixtures(path.join(ROOT, 'fixtures/demo'), path.join(tempDir(), 'demo.jigsaw'));
  resolvePeople(c);
  return c;
}

describe('pseudonymised export of the demo case', () => {
  for (const format of ['xlsx', 'csv', 'docx', 'pdf'] as const) {
    it(`${format}: holds no name variant, NHS number or address of the case`, async () => {
      const c = await demoCase();
      try {
        const ids = entryIds(c);
        annotateEntry(c.db, CHAIR, ids[2]!, { keyEpisode: true, analysis: 'Rowan Pellow told police about Kyle; no referral followed', themes: ['cuckooing'] });
        const f = await exportChronology(c, CHAIR, { format, pseudonymise: true, includeAnalysis: true });
        expect(f.residual).toEqual([]);
        const text = await readBack(format, f.bytes);
        for (const re of DEMO_IDENTIFIERS) expect(text, `${format} output matches ${re}`).not.toMatch(re);
        expect(text).toContain('Adult A');
        expect(text).toMatch(/no referral followed/);
        expect(text).toContain('Associate');
        expect(text).toContain('[address]');
        // Agency facts survive apart from the identifiers.
        expect(text).toMatch(/pushed down the stairs/);
        // The unpseudonymised export still holds the names: the mapping is reversible inside the case.
        const plain = await readBack(format, (await exportChronology(c, CHAIR, { format })).bytes);
        expect(plain).toMatch(/Rowan Pellow/);
      } finally {
        c.close();
      }
    });
  }
});

describe('residual check', () => {
  it('refuses a pseudonymised export that still identifies someone, listing what it found, unless overridden (audited)', async () => {
    // Agencies often name files after the person: the source column then carries the name.
    const c = await caseWith('Date,Details,Person\n01/02/2023,Visit to Jo Trevail,Jo Trevail\n', 'Housing', 'trevail-housing.csv');
    addPerson(c, { name: 'Jo Trevail', role: 'subject', nhs: '9434765919' });
    let message = '';
    try {
      await exportChronology(c, CHAIR, { format: 'xlsx', pseudonymise: true });
    } catch (e) {
      message = (e as Error & { code: string }).code + ': ' + (e as Error).message;
    }
    expect(message).toMatch(/^residual_identifiers: Not exported/);
    expect(message).toContain('name "trevail" in row 1, Source (file, row)');
    expect(readAudit(c.db).at(-1)).toMatchObject({ action: 'export_refused', actorName: CHAIR.name });
    expect(JSON.stringify(readAudit(c.db).at(-1)!.after)).not.toMatch(/trevail/i);

    const f = await exportChronology(c, CHAIR, { format: 'xlsx', pseudonymise: true, overrideResidual: true });
    expect(f.residual).toEqual([{ kind: 'name', found: 'trevail', where: 'row 1, Source (file, row)' }]);
    const last = readAudit(c.db).at(-1)!;
    expect(last).toMatchObject({ action: 'export_override', actorName: CHAIR.name, after: { pseudonymise: true, overridden: f.residual } });
    const text = await readBack('xlsx', f.bytes);
    expect(text).toContain('Visit to Adult A');
    expect(verifyAudit(c.db)).toBeNull();
  });

  it('gives everyone without a pseudonym one, kept in the case and audited', async () => {
    const c = await caseWith('Date,Details\n01/02/2023,Kerensa Nance seen with Tomas Nance\n');
    const kerensa = addPerson(c, { name: 'Kerensa Nance', role: 'subject' });
    const tomas = addPerson(c, { name: 'Tomas Nance', role: 'family' });
    const f = await exportChronology(c, CHAIR, { format: 'csv', pseudonymise: true });
    expect(Buffer.from(f.bytes).toString('utf8')).toContain('Adult A seen with Family member 1');
    const stored = c.db.prepare('SELECT id, pseudonym FROM persons ORDER BY id').all();
    expect(stored).toEqual([
      { id: kerensa, pseudonym: 'Adult A' },
      { id: tomas, pseudonym: 'Family member 1' },
    ]);
    expect(readAudit(c.db).filter((r) => r.action === 'assign_pseudonym').map((r) => r.after)).toEqual([{ pseudonym: 'Adult A' }, { pseudonym: 'Family member 1' }]);
  });
});
