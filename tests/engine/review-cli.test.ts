import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, writeFile } from './helpers';
import { runJigsaw } from './run-cli';

const jigsaw = (...args: string[]) => runJigsaw(args);

describe('review commands', () => {
  it('settings, request pack, check --review, import, sign-off, dashboard and silent periods', async () => {
    const dir = tempDir();
    const casePath = path.join(dir, 'review.jigsaw');
    await jigsaw('import', casePath, path.join(ROOT, 'fixtures/review/gp.csv'), '--agency', 'GP');

    const shown = JSON.parse((await jigsaw('review', casePath, '--json')).stdout);
    expect(shown).toMatchObject({ saved: false, revision: 0 });
    const settings = { ...shown.settings, periodFrom: '2023-01-01', periodTo: '2023-12-31', agencies: ['Police', 'GP'], people: [{ name: 'Rowan Pellow', role: 'subject', dob: null, identifiers: '' }] };
    const saved = await jigsaw('review', casePath, '--settings', writeFile(dir, 'settings.json', JSON.stringify(settings)), '--json');
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ saved: true, revision: 1, settings: { agencies: ['Police', 'GP'] } });

    const out = path.join(dir, 'packs');
    const t = await jigsaw('template', casePath, '--out', out, '--json');
    expect(t.code).toBe(0);
    const files = JSON.parse(t.stdout).files as { agency: string; kind: string; path: string }[];
    expect(files.map((f) => [f.agency, f.kind, path.basename(f.path)])).toEqual([
      ['Police', 'xlsx', 'chronology-template-police-v1.xlsx'],
      ['Police', 'docx', 'chronology-template-police-v1.docx'],
      ['Police', 'cover', 'cover-note-police-v1.docx'],
      ['GP', 'xlsx', 'chronology-template-gp-v1.xlsx'],
      ['GP', 'docx', 'chronology-template-gp-v1.docx'],
      ['GP', 'cover', 'cover-note-gp-v1.docx'],
    ]);

    // The police lead fills in the template with one row out of the period, then checks it first.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[0]!.path);
    const ws = wb.getWorksheet('Chronology')!;
    const h = (ws.getRow(1).values as string[]).slice(1);
    const put = (row: number, values: Record<string, ExcelJS.CellValue>) => Object.entries(values).forEach(([k, v]) => (ws.getCell(row, h.indexOf(k) + 1).value = v));
    const base = { 'People involved': 'Rowan Pellow', 'Contact type': '999 call', 'Practitioner role': 'PC', 'Event (facts only)': 'Call about shouting.', 'Action / outcome': 'Attended' };
    put(2, { ...base, Date: new Date('2023-02-01T00:00:00Z') });
    put(3, { ...base, Date: new Date('2024-02-01T00:00:00Z') });
    const filled = path.join(dir, 'police-filled.xlsx');
    await wb.xlsx.writeFile(filled);

    const check = await jigsaw('check', filled, '--review', casePath, '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ imported: 1, rejected: [{ row: 3, reason: 'outside_review_period' }], warnings: [] });
    expect(JSON.parse((await jigsaw('dashboard', casePath, '--json')).stdout).find((s: { agency: string }) => s.agency === 'Police')).toMatchObject({ state: 'awaiting', received: null });

    expect((await jigsaw('import', casePath, filled, '--agency', 'Police')).code).toBe(0);
    const signed = await jigsaw('sign-off', casePath, '--agency', 'Police', '--version', '1', '--name', 'Priya Okonjo', '--role', 'DI', '--date', '2024-01-05', '--json');
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ agency: 'Police', state: 'signed_off', signOff: { version: 1, name: 'Priya Okonjo', role: 'DI', date: '2024-01-05' } });

    const board = JSON.parse((await jigsaw('dashboard', casePath, '--json')).stdout);
    expect(board.map((s: { agency: string; state: string }) => [s.agency, s.state])).toEqual([['Police', 'signed_off'], ['GP', 'awaiting_sign_off']]);

    const silent = await jigsaw('silent', casePath, '--json');
    expect(JSON.parse(silent.stdout)).toMatchObject({ gapDays: 60, from: '2023-01-01', to: '2023-12-31', subject: [{ from: '2023-06-01', to: '2023-12-31', days: 214 }] });
    expect(fs.existsSync(path.join(dir, 'review.jigsaw'))).toBe(true);
  }, 180_000); // ten CLI runs, each a fresh Node with tsx

  it('refuses bad settings and a missing review case in one line each', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'x.csv', 'Date,Notes\n01/02/2023,x\n');
    const r = await jigsaw('check', f, '--review', path.join(dir, 'nope.jigsaw'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.jigsaw');
    const bad = await jigsaw('review', path.join(dir, 'c.jigsaw'), '--settings', writeFile(dir, 'bad.json', '{"title": "x"}'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^jigsaw: Review settings not saved: /);
    expect(fs.existsSync(path.join(dir, 'c.jigsaw'))).toBe(false);
  });
});
