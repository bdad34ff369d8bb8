// The streamed exports read back by real parsers: the DOCX unzipped part by part and its XML
// checked, the XLSX read by exceljs; progress reported as rows go by; a cancelled export writes
// and records nothing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { generateTimelineCase } from '../../bench/generate-timeline-case';
import { annotateEntry } from '../../electron/engine/annotations/annotations';
import { readAudit } from '../../electron/engine/audit';
import { CaseFile } from '../../electron/engine/case-file';
import { dispatch, Engine } from '../../electron/engine/engine';
import { xmlText } from '../../electron/engine/export/docx-xml';
import { exportChronology } from '../../electron/engine/export/export-chronology';
import type { ExportStep } from '../../electron/engine/export/export-progress';
import { saveUser } from '../../electron/engine/settings/user-settings';
import type { ExportProgress } from '../../shared/export';
import { addPerson, CHAIR, entryIds } from './chair-fixtures';
import { tempDir } from './helpers';

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// (A lone surrogate cannot reach the case: SQLite stores text as UTF-8. xmlText is checked for it below.)
const HOSTILE = 'Bell\u0007 and \u000bvertical tab\u001f, <w:t>markup</w:t> & "quotes"\r\nsecond line';

function generated(rows: number): CaseFile {
  const file = path.join(tempDir(), 'big.jigsaw');
  generateTimelineCase(file, rows).close();
  return CaseFile.open(file);
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(Buffer.from(bytes));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

describe('streamed DOCX', () => {
  it('is a well-formed WordprocessingML package holding every row, hostile text escaped, header repeating, key episodes shaded', async () => {
    const c = generated(1200);
    try {
      c.db.prepare('UPDATE entries SET text = ? WHERE id = 7').run(HOSTILE);
      const ids = entryIds(c);
      for (const id of ids.slice(0, 3)) annotateEntry(c.db, CHAIR, id, { keyEpisode: true });
      const f = await exportChronology(c, CHAIR, { format: 'docx', includeAnalysis: true });
      expect(f.rows).toBe(1200);
      const p = await parts(f.bytes);
      expect([...p.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']);
      for (const [name, xml] of p) {
        expect(XMLValidator.validate(xml), name).toBe(true);
        expect(NOT_XML.test(xml), `${name} holds a character XML cannot`).toBe(false);
      }
      expect(p.get('[Content_Types].xml')).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
      expect(p.get('_rels/.rels')).toContain('Target="word/document.xml"');
      expect(p.get('word/_rels/document.xml.rels')).toContain('Target="styles.xml"');
      const doc = p.get('word/document.xml')!;
      // One table row per entry after the header row, which repeats on every page.
      const chronology = doc.slice(doc.lastIndexOf('<w:tbl>'));
      expect(chronology.match(/<w:tr>/g)).toHaveLength(1200 + 1);
      expect(chronology.match(/<w:tblHeader\/>/g)).toHaveLength(1);
      expect(chronology.indexOf('<w:tblHeader/>')).toBeLessThan(chronology.indexOf('</w:tr>'));
      expect(chronology.match(/<w:tr><w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"\/><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"\/>/g)).toHaveLength(3);
      // Two landscape A4 sections: the cover page, then the chronology.
      expect(doc.match(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/g)).toHaveLength(2);
      expect(doc.includes('&lt;w:t&gt;markup&lt;/w:t&gt; &amp; &quot;quotes&quot;'), 'markup in the text is escaped').toBe(true);

      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(f.bytes) });
      expect(text).toContain('1,200 entries from all agencies');
      expect(text).toContain('Key of abbreviations');
      expect(text).toContain('Bell and vertical tab, <w:t>markup</w:t> & "quotes"');
      // A line break inside a cell is a break, not a new paragraph.
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(f.bytes) });
      expect(html).toMatch(/Bell and vertical tab, &lt;w:t&gt;markup&lt;\/w:t&gt; &amp; (&quot;|")quotes(&quot;|")<br \/>second line/);
      expect(text).toContain('Generated entry 1200:');
      expect(html).toContain('1<br />KEY');
    } finally {
      c.close();
    }
  });

  it('reports its progress: a checking pass, then the writing pass, to the last row', async () => {
    const c = generated(2000);
    try {
      const steps: ExportStep[] = [];
      await exportChronology(c, CHAIR, { format: 'docx' }, new Date(), { onProgress: (s) => steps.push(s) });
      expect(new Set(steps.map((s) => s.total))).toEqual(new Set([2000]));
      const checking = steps.filter((s) => s.phase === 'checking');
      const writing = steps.filter((s) => s.phase === 'writing');
      expect(steps.indexOf(writing[0]!)).toBeGreaterThan(steps.indexOf(checking.at(-1)!));
      for (const phase of [checking, writing]) {
        expect(phase.length).toBeGreaterThan(5);
        expect(phase.map((s) => s.rows)).toEqual([...phase.map((s) => s.rows)].sort((a, b) => a - b));
        expect(phase.at(-1)!.rows).toBe(2000);
      }
    } finally {
      c.close();
    }
  });

  it('refuses a pseudonymised DOCX that still identifies someone before writing a row of it', async () => {
    const c = generated(600);
    try {
      // An agency named after the person: its name survives pseudonymisation and is caught.
      addPerson(c, { name: 'Ambrose Police', role: 'subject' });
      const steps: ExportStep[] = [];
      await expect(exportChronology(c, CHAIR, { format: 'docx', pseudonymise: true }, new Date(), { onProgress: (s) => steps.push(s) })).rejects.toMatchObject({ code: 'residual_identifiers' });
      expect(steps.some((s) => s.phase === 'checking')).toBe(true);
      expect(steps.some((s) => s.phase === 'writing')).toBe(false);
      expect(readAudit(c.db).at(-1)).toMatchObject({ action: 'export_refused' });
    } finally {
      c.close();
    }
  });
});

describe('xmlText', () => {
  it('escapes markup and drops what XML cannot hold, keeping tabs, newlines and paired surrogates', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('x\u0000\u0008\u000b\u000c\u001f\ufffe\uffffy')).toBe('xy');
    expect(xmlText('lone \ud800 and \udc00, pair \ud83d\ude00')).toBe('lone  and , pair \ud83d\ude00');
    expect(xmlText('tab\tnew\nline')).toBe('tab\tnew\nline');
  });
});

describe('streamed XLSX', () => {
  it('reads back in exceljs with real dates, times and numbers, frozen header, filters and the About sheet', async () => {
    const c = generated(3000);
    try {
      const f = await exportChronology(c, CHAIR, { format: 'xlsx', pseudonymise: true, overrideResidual: true });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(f.bytes) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Chronology')!;
      expect(ws.rowCount).toBe(3001);
      expect(ws.getRow(1).getCell(1).value).toBe('Seq');
      expect(ws.getRow(1).font).toMatchObject({ bold: true });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe('A1:M1'); // facts only: 13 columns
      const seq = ws.getColumn(1).values.slice(2);
      expect(seq).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
      const exact = ws.getRow(2).getCell(2);
      expect(exact.type).toBe(ExcelJS.ValueType.Date);
      expect(exact.value).toBeInstanceOf(Date);
      expect(exact.numFmt).toBe('dd/mm/yyyy');
      expect(ws.getRow(2).getCell(3).numFmt).toBe('hh:mm');
      expect(ws.getRow(2).getCell(3).value).toBeInstanceOf(Date);
      // Every 97th entry is dated to a month only: it stays text, as the chronology words it.
      const dates = ws.getColumn(2).values.slice(2);
      expect(dates.filter((d) => typeof d === 'string').length).toBe(Math.floor(3000 / 97));
      const about = wb.getWorksheet('About')!;
      const aboutText = about.getSheetValues().flat().filter(Boolean).map(String);
      expect(aboutText).toContain('3,000 entries from all agencies, whole case.');
      expect(aboutText).toContain('Emergency Department');
    } finally {
      c.close();
    }
  });
});

describe('cancelling an export', () => {
  it('in the worker: progress is polled, the cancel stops it, nothing is returned, written or recorded', async () => {
    const dir = tempDir();
    generateTimelineCase(path.join(dir, 'big.jigsaw'), 20_000).close();
    const settingsFile = path.join(dir, 'settings.json');
    saveUser(settingsFile, CHAIR);
    const engine = new Engine(CaseFile.open(path.join(dir, 'big.jigsaw')), { settingsFile });
    try {
      const before = readAudit(engine.caseFile.db).length;
      const files = fs.readdirSync(dir).sort();
      const jobId = 'ab'.repeat(16);
      const running = dispatch(engine, 'exportChronology', [{ format: 'docx', pseudonymise: true, overrideResidual: true, jobId }]);
      let seen: ExportProgress = (await dispatch(engine, 'getExportProgress', [jobId])) as unknown as ExportProgress;
      for (let i = 0; i < 400; i++) {
        const r = await dispatch(engine, 'getExportProgress', [jobId]);
        seen = (r as { value: ExportProgress }).value;
        if (seen.rows > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(seen).toMatchObject({ state: 'running', total: 20_000 });
      expect(seen.rows).toBeGreaterThan(0);
      expect(await dispatch(engine, 'cancelExport', [jobId])).toMatchObject({ ok: true });
      expect(await running).toEqual({ ok: false, error: { code: 'cancelled', message: 'Export cancelled; nothing was written' } });
      expect(await dispatch(engine, 'getExportProgress', [jobId])).toMatchObject({ ok: true, value: { state: 'cancelled' } });
      // No export in the audit log (pseudonyms given on the way are their own entries) and no new file.
      expect(readAudit(engine.caseFile.db).slice(before).filter((r) => r.action.startsWith('export'))).toEqual([]);
      expect(fs.readdirSync(dir).sort().filter((f) => !/-wal$|-shm$/.test(f))).toEqual(files.filter((f) => !/-wal$|-shm$/.test(f)));
      // A bad id never reaches the engine.
      expect(await dispatch(engine, 'cancelExport', ['nope'])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    } finally {
      engine.close();
    }
  });

  it('in this thread: an abort between batches ends the export with nothing recorded', async () => {
    const c = generated(3000);
    try {
      const abort = new AbortController();
      const steps: ExportStep[] = [];
      const run = exportChronology(c, CHAIR, { format: 'xlsx' }, new Date(), {
        signal: abort.signal,
        onProgress: (s) => {
          steps.push(s);
          if (s.rows >= 512) abort.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(Math.max(...steps.map((s) => s.rows))).toBeLessThan(3000);
      expect(readAudit(c.db).filter((r) => r.action.startsWith('export'))).toEqual([]);
      expect(c.db.inTransaction).toBe(false);
    } finally {
      c.close();
    }
  });
});
