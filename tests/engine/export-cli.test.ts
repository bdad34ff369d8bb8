import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { ROOT, tempDir, writeFile } from './helpers';
import { runJigsaw } from './run-cli';

const jigsaw = (env: Record<string, string>, ...args: string[]) => runJigsaw(args, env);

describe('jigsaw export and audit', () => {
  it('exports a pseudonymised XLSX of the chosen agencies and period, stamped with the install user; audit shows it', async () => {
    const dir = tempDir();
    const env = { JIGSAW_HOME: dir };
    writeFile(dir, 'settings.json', JSON.stringify({ user: { name: 'Morwenna Tregear', role: 'Independent reviewer' } }));
    const casePath = path.join(dir, 'review.jigsaw');
    expect((await jigsaw(env, 'import', casePath, path.join(ROOT, 'fixtures/demo/police.csv'), '--agency', 'Police')).code).toBe(0);
    expect((await jigsaw(env, 'import', casePath, path.join(ROOT, 'fixtures/demo/gp-practice.csv'), '--agency', 'GP')).code).toBe(0);
    const c = CaseFile.open(casePath);
    resolvePeople(c);
    c.close();

    const out = path.join(dir, 'out.xlsx');
    const r = await jigsaw(env, 'export', casePath, '--format', 'xlsx', '--out', out, '--pseudonymise', '--agency', 'Police', '--from', '2023-03-01', '--to', '2023-03-31', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: out, format: 'xlsx', rows: 3, pseudonymised: true, residual: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Chronology')!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    expect(cells.join(' ')).not.toMatch(/rowan|pellow|kyle|danner/i);
    expect(ws.getColumn(4).values.slice(2)).toEqual(['Police', 'Police', 'Police']);

    const audit = await jigsaw(env, 'audit', casePath, '--json');
    expect(audit.code).toBe(0);
    const log = JSON.parse(audit.stdout);
    expect(log.brokenAt).toBeNull();
    expect(log.rows.at(-1)).toMatchObject({ action: 'export', actorName: 'Morwenna Tregear', actorRole: 'Independent reviewer' });

    const csv = path.join(dir, 'audit.csv');
    const auditCsv = await jigsaw(env, 'audit', casePath, '--out', csv);
    expect(auditCsv.code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toContain('chain intact');
  });

  it('refuses a residual identifier with exit 1 and a message listing it; bad usage exits 2', async () => {
    const dir = tempDir();
    const env = { JIGSAW_HOME: dir };
    const casePath = path.join(dir, 'c.jigsaw');
    const file = writeFile(dir, 'nance-housing.csv', 'Date,Details,Tenant\n01/02/2023,Visited,Kerensa Nance\n');
    expect((await jigsaw(env, 'import', casePath, file, '--agency', 'Housing')).code).toBe(0);
    const out = path.join(dir, 'x.csv');
    const r = await jigsaw(env, 'export', casePath, '--format', 'csv', '--out', out, '--pseudonymise');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Not exported');
    expect(r.stderr).toContain('name "nance" in row 1, Source (file, row)');
    expect(fs.existsSync(out)).toBe(false);
    const forced = await jigsaw(env, 'export', casePath, '--format', 'csv', '--out', out, '--pseudonymise', '--override-residual');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('exported despite 1 identifiers found');
    expect((await jigsaw(env, 'export', casePath, '--format', 'odt', '--out', out)).code).toBe(2);
    expect((await jigsaw(env, 'export', casePath, '--format', 'csv')).code).toBe(2);
  });
});
