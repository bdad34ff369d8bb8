// The contract behind the import dialog's sheet picker, through `dispatch` as the shell and the web
// host call it: staging a workbook lists its sheets, previewing another sheet shows that sheet's
// header and mapping, and the import reads the sheet chosen.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch, Engine } from '../../electron/engine/engine';
import type { StagedFile } from '../../shared/types';
import { tempCase, tempDir } from './helpers';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes for the panel');
  notes.addRow(['This extract was prepared by the named nurse.']);
  const ed = wb.addWorksheet('ED attendances');
  ed.addRow(['Arrival date', 'Presenting complaint', 'Triage notes']);
  for (let d = 13; d <= 17; d++) ed.addRow([`${d}/03/2023`, 'Fall', `Attendance ${d}: bruising to arms, says she fell`]);
  const wards = wb.addWorksheet('Ward stays');
  wards.addRow(['Admitted', 'Ward', 'Clinical summary']);
  wards.addRow(['20/03/2023', 'Ward 7', 'Admitted for observation after overdose']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ok = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

describe('choosing the sheet of a staged workbook', () => {
  it('lists the sheets with their rows, previews the one chosen and imports it', async () => {
    const c = tempCase();
    const engine = new Engine(c, { settingsFile: path.join(tempDir(), 'settings.json') });
    const staged = ok<StagedFile>(await dispatch(engine, 'stageFile', [{ fileName: 'trust.xlsx', bytes: await workbook() }]));
    expect(staged.sheets).toEqual([
      { name: 'Notes for the panel', rows: 1 },
      { name: 'ED attendances', rows: 6 },
      { name: 'Ward stays', rows: 2 },
    ]);
    expect([staged.sheet, staged.headers[0], staged.sampleRows.length]).toEqual(['ED attendances', 'Arrival date', 5]);

    const wards = ok<StagedFile>(await dispatch(engine, 'previewSheet', [{ stagedId: staged.stagedId, sheet: 'Ward stays' }]));
    expect(wards).toMatchObject({ stagedId: staged.stagedId, sheet: 'Ward stays', headers: ['Admitted', 'Ward', 'Clinical summary'], sheets: staged.sheets });
    expect(wards.mapping).toMatchObject({ date: 0, text: 2 });
    expect(wards.sampleRows).toEqual([['20/03/2023', 'Ward 7', 'Admitted for observation after overdose']]);

    // A sheet that is not there: the file is named, not the upload's temporary id.
    const missing = await dispatch(engine, 'previewSheet', [{ stagedId: staged.stagedId, sheet: 'Sheet9' }]);
    expect(missing).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^trust\.xlsx: no worksheet named "Sheet9"; it has "Notes for the panel", "ED attendances", "Ward stays"/) } });

    const report = ok<{ imported: number }>(await dispatch(engine, 'importStaged', [{ stagedId: staged.stagedId, agency: 'Acute trust', mapping: wards.mapping, sheet: 'Ward stays' }]));
    expect(report.imported).toBe(1);
    expect(c.listEntries({}).entries.map((e) => [e.date, e.text])).toEqual([['2023-03-20', 'Admitted for observation after overdose']]);
    engine.close(); // removes the staging folder
  });

  it('gives no sheet list for a workbook of one sheet or a CSV', async () => {
    const c = tempCase();
    const engine = new Engine(c, { settingsFile: path.join(tempDir(), 'settings.json') });
    const csv = ok<StagedFile>(await dispatch(engine, 'stageFile', [{ fileName: 'a.csv', bytes: new TextEncoder().encode('Date,Notes\n01/02/2023,Seen\n') }]));
    expect([csv.sheets, csv.sheet]).toEqual([undefined, undefined]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Only').addRow(['Date', 'Notes']);
    const one = ok<StagedFile>(await dispatch(engine, 'stageFile', [{ fileName: 'one.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]));
    expect([one.sheets, one.sheet]).toEqual([undefined, undefined]);
    engine.close();
  });
});
