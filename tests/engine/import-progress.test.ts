// Imports through the engine run in a worker thread against the case file: progress (rows and
// percent of the file) can be polled while it runs, a cancel rolls everything back, and an
// encrypted case is written through the worker's own keyed connection.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { dispatch, Engine } from '../../electron/engine/engine';
import { workerScript } from '../../electron/engine/import/import-jobs';
import type { ImportProgress } from '../../shared/import';
import { tempDir } from './helpers';

function agencyCsv(rows: number): Buffer {
  const lines = ['Incident ref,Date,Time,Type,Details,Officer'];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2020, 0, 1) + (i % 1200) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    lines.push(`P-${i},${date},${String(i % 24).padStart(2, '0')}:15,Concern for welfare,"Call ${i} from neighbour, shouting heard",PC ${i % 300}`);
  }
  return Buffer.from(lines.join('\n'));
}

function engineOn(dir: string, passphrase?: string): Engine {
  const c = CaseFile.open(path.join(dir, 'case.jigsaw'), { create: true, passphrase });
  return new Engine(c, { settingsFile: path.join(dir, 'settings.json') });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('import off the main thread', () => {
  it('finds its worker script', () => {
    expect(workerScript()).not.toBeNull();
  });

  it('reports rows and percent while importing, then done', async () => {
    const dir = tempDir();
    const engine = engineOn(dir);
    try {
      const staged = await engine.stageFile({ fileName: 'police.csv', bytes: agencyCsv(40_000) });
      const running = engine.importStaged({ stagedId: staged.stagedId, agency: 'Police' });
      const seen: ImportProgress[] = [];
      let settled = false;
      void running.finally(() => (settled = true)).catch(() => {});
      while (!settled) {
        seen.push(await engine.getImportProgress(staged.stagedId));
        await sleep(40);
      }
      const report = await running;
      expect(report.imported).toBe(40_000);
      const mid = seen.filter((p) => p.state === 'running' && p.rows > 0);
      expect(mid.length).toBeGreaterThan(0);
      expect(mid.every((p) => p.percent >= 0 && p.percent < 100)).toBe(true);
      expect(await engine.getImportProgress(staged.stagedId)).toEqual({ state: 'done', rows: 40_001, percent: 100 });
      // The engine's own connection sees what the worker committed.
      expect((await engine.getCase()).entryCount).toBe(40_000);
    } finally {
      engine.close();
    }
  });

  it('cancels: the import rolls back and the case is as it was', async () => {
    const dir = tempDir();
    const engine = engineOn(dir);
    try {
      const staged = await engine.stageFile({ fileName: 'police.csv', bytes: agencyCsv(150_000) });
      const running = engine.importStaged({ stagedId: staged.stagedId, agency: 'Police' });
      let p = await engine.getImportProgress(staged.stagedId);
      while (p.state === 'running' && p.rows === 0) {
        await sleep(20);
        p = await engine.getImportProgress(staged.stagedId);
      }
      expect(p.state).toBe('running');
      await engine.cancelImport(staged.stagedId);
      await expect(running).rejects.toMatchObject({ code: 'cancelled', message: /police\.csv cancelled; nothing was imported/ });
      expect((await engine.getImportProgress(staged.stagedId)).state).toBe('cancelled');
      const summary = await engine.getCase();
      expect(summary.entryCount).toBe(0);
      expect(summary.agencies).toEqual([]);
      expect((engine.caseFile.db.prepare('SELECT count(*) AS n FROM raw_rows').get() as { n: number }).n).toBe(0);
    } finally {
      engine.close();
    }
  });

  it('imports into an encrypted case through the worker', async () => {
    const dir = tempDir();
    const engine = engineOn(dir, 'correct horse battery staple');
    try {
      const staged = await engine.stageFile({ fileName: 'gp.csv', bytes: Buffer.from('Date,Notes\n01/02/2023,Seen\n') });
      const out = await dispatch(engine, 'importStaged', [{ stagedId: staged.stagedId, agency: 'GP' }]);
      expect(out).toMatchObject({ ok: true, value: { imported: 1 } });
      expect((await engine.getCase()).entryCount).toBe(1);
    } finally {
      engine.close();
    }
  });

  it('answers unknown imports and validates ids at the contract', async () => {
    const dir = tempDir();
    const engine = engineOn(dir);
    try {
      expect(await dispatch(engine, 'getImportProgress', ['0'.repeat(32)])).toEqual({ ok: true, value: { state: 'unknown', rows: 0, percent: 0 } });
      expect(await dispatch(engine, 'cancelImport', ['../etc'])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    } finally {
      engine.close();
    }
  });
});
