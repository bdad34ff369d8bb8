// A crash mid-import: the importing process is killed hard (SIGKILL) while its transaction is
// writing to the WAL; the case must reopen intact, with nothing of the half-done extract in it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { importExtract } from '../../electron/engine/import/import-extract';
import { ROOT, tempDir, writeFile } from './helpers';

const PASS = 'crash test passphrase';

function bigCsv(dir: string, rows: number): string {
  const lines = ['Date,Contact type,Notes,Worker'];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + (i % 2500) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    lines.push(`${date},Home visit,Visit number ${i}: seen at home; concerns about weight loss and unpaid rent noted for follow-up,PC ${i % 97}`);
  }
  return writeFile(dir, 'huge.csv', `${lines.join('\n')}\n`);
}

async function waitFor(check: () => boolean, child: { exitCode: number | null }, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && child.exitCode === null) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe.each([
  ['unencrypted', undefined],
  ['encrypted', PASS],
])('a hard kill part-way through an import (%s case)', (_label, passphrase) => {
  it('leaves the case as it was: integrity ok, no partial extract, earlier data intact', async () => {
    const dir = tempDir();
    const casePath = path.join(dir, 'review.jigsaw');
    const first = CaseFile.open(casePath, { create: true, passphrase });
    await importExtract(first, writeFile(dir, 'gp.csv', 'Date,Notes\n13/02/2023,Earlier entry kept safe\n'), { agency: 'GP' });
    first.close();
    const huge = bigCsv(dir, 150_000);

    const child = spawn(process.execPath, [path.join(ROOT, 'bin/jigsaw.mjs'), 'import', casePath, huge, '--agency', 'Housing'], {
      cwd: ROOT,
      env: { ...process.env, JIGSAW_PASSPHRASE: passphrase ?? '' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // The import's single transaction spills pages into the WAL as it goes: kill it then.
    const wal = `${casePath}-wal`;
    const writing = await waitFor(() => fs.existsSync(wal) && fs.statSync(wal).size > 1_000_000, child, 90_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(writing, 'the import was seen writing before the kill').toBe(true);
    expect(fs.statSync(wal).size).toBeGreaterThan(1_000_000); // uncommitted frames are still on disk

    const c = CaseFile.open(casePath, { passphrase });
    try {
      expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(c.agencies().map((a) => a.name)).toEqual(['GP']);
      expect(c.db.prepare('SELECT count(*) AS n FROM extracts').get()).toEqual({ n: 1 });
      expect(c.db.prepare('SELECT count(*) AS n FROM raw_rows').get()).toEqual({ n: 2 });
      expect(c.listEntries({}).entries.map((e) => e.text)).toEqual(['Earlier entry kept safe']);
    } finally {
      c.close();
    }
  });
});
