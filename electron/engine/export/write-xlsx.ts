// XLSX through exceljs's streaming writer: each row is committed (turned into sheet XML and
// zipped) as soon as it is added, so memory stays flat however long the chronology. One row per
// entry, the header frozen and filters on, text wrapped. The sequence is a number, an exact date
// a real date cell and a time a real time (so sorting and filtering work in Excel); every other
// cell is a (neutralised) string, so nothing in agency text can become a formula. An approximate
// date stays text as the chronology words it.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXACT_DATE_KEY, type ExportRow } from './chronology-table.js';
import { collect } from './export-progress.js';
import type { WriterInput } from './export-writer.js';
import { neutralise } from './neutralise.js';

function cellValue(key: string, r: ExportRow): string | number | Date | null {
  const v = r[key] ?? '';
  if (v === '') return null; // no cell at all, rather than an empty string cell
  if (key === 'seq' && /^\d+$/.test(v)) return Number(v);
  if (key === 'date' && r[EXACT_DATE_KEY]) {
    const [y, m, d] = r[EXACT_DATE_KEY].split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  const hm = key === 'time' ? /^(\d{2}):(\d{2})$/.exec(v) : null;
  if (hm) return (Number(hm[1]) * 60 + Number(hm[2])) / 1440; // Excel keeps a time as a fraction of a day
  return neutralise(v);
}

const FORMATS: Record<string, string> = { date: 'dd/mm/yyyy', time: 'hh:mm' };

export async function toXlsx({ head: t, rows, abbreviations }: WriterInput): Promise<Uint8Array> {
  const out = new PassThrough();
  const bytes = collect(out);
  // Inline strings rather than a shared-strings table, which would hold every distinct text until the end.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Jigsaw';
  wb.created = new Date(t.generatedAt);
  const ws = wb.addWorksheet('Chronology', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  const styles: Partial<ExcelJS.Style>[] = t.columns.map((c) => ({ alignment: { vertical: 'top', wrapText: true }, ...(FORMATS[c.key] && { numFmt: FORMATS[c.key] }) }));
  ws.columns = t.columns.map((c, i) => ({ key: c.key, width: c.width, style: styles[i] }));
  // The streaming writer does not write a header row from the columns: it is the first row added.
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  try {
    for await (const r of rows) {
      const row = ws.addRow(t.columns.map((c) => cellValue(c.key, r)));
      // One style object per column, shared by its cells: exceljs then finds the style's id by
      // identity instead of comparing a fresh copy for every cell.
      row.eachCell((cell, col) => void (cell.style = styles[col - 1]!));
      row.commit();
    }
  } catch (err) {
    out.destroy();
    bytes.catch(() => {});
    throw err;
  }
  ws.commit();

  const about = wb.addWorksheet('About');
  about.columns = [{ width: 28 }, { width: 90 }];
  const line = (cells: string[], font?: Partial<ExcelJS.Font>): void => {
    const row = about.addRow(cells);
    if (font) row.font = font;
    row.commit();
  };
  line([t.title], { bold: true, size: 14 });
  line([t.reviewType]);
  for (const n of t.notes) line([neutralise(n)]);
  line([`Prepared by ${t.preparedBy.name} (${t.preparedBy.role}), ${t.generatedAt.slice(0, 10)}`]);
  if (t.pseudonymKey.length) {
    line([]);
    line(['Pseudonym', 'Who'], { bold: true });
    for (const k of t.pseudonymKey) line([neutralise(k.pseudonym), k.description]);
  }
  const abbrevs = abbreviations();
  if (abbrevs.length) {
    line([]);
    line(['Abbreviation', 'Meaning'], { bold: true });
    for (const a of abbrevs) line([a.abbreviation, a.meaning]);
  }
  about.commit();
  await wb.commit();
  return bytes;
}
