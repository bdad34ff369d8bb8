// XLSX through exceljs: one row per entry, the header frozen and filters on, text wrapped. The
// sequence is a number, an exact date a real date cell and a time a real time (so sorting and
// filtering work in Excel); every other cell is a (neutralised) string, so nothing in agency text
// can become a formula. An approximate date stays text as the chronology words it.
import ExcelJS from 'exceljs';
import { EXACT_DATE_KEY, type ExportRow, type ExportTable } from './chronology-table.js';
import { neutralise } from './neutralise.js';

function cellValue(key: string, r: ExportRow): string | number | Date {
  const v = r[key] ?? '';
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

export async function toXlsx(t: ExportTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jigsaw';
  wb.created = new Date(t.generatedAt);
  const ws = wb.addWorksheet('Chronology', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({
    header: c.header, key: c.key, width: c.width, style: { alignment: { vertical: 'top', wrapText: true }, ...(FORMATS[c.key] && { numFmt: FORMATS[c.key] }) },
  }));
  for (const r of t.rows) ws.addRow(Object.fromEntries(t.columns.map((c) => [c.key, cellValue(c.key, r)])));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };

  const about = wb.addWorksheet('About');
  about.columns = [{ width: 28 }, { width: 90 }];
  about.addRow([t.title]).font = { bold: true, size: 14 };
  about.addRow([t.reviewType]);
  for (const n of t.notes) about.addRow([neutralise(n)]);
  about.addRow([`Prepared by ${t.preparedBy.name} (${t.preparedBy.role}), ${t.generatedAt.slice(0, 10)}`]);
  if (t.pseudonymKey.length) {
    about.addRow([]);
    about.addRow(['Pseudonym', 'Who']).font = { bold: true };
    for (const k of t.pseudonymKey) about.addRow([neutralise(k.pseudonym), k.description]);
  }
  if (t.abbreviations.length) {
    about.addRow([]);
    about.addRow(['Abbreviation', 'Meaning']).font = { bold: true };
    for (const a of t.abbreviations) about.addRow([a.abbreviation, a.meaning]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
