import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { generateTimelineCase } from '../../bench/generate-timeline-case';
import { readAudit } from '../../electron/engine/audit';
import { CaseFile } from '../../electron/engine/case-file';
import { dispatch, Engine } from '../../electron/engine/engine';
import { saveUser } from '../../electron/engine/settings/user-settings';
import { CHAIR } from './chair-fixtures';
import { tempDir } from './helpers';

describe('export through the engine', () => {
  it('runs in a worker thread: the engine keeps serving while a large DOCX is written', async () => {
    const dir = tempDir();
    generateTimelineCase(path.join(dir, 'big.jigsaw'), 1500).close();
    const settingsFile = path.join(dir, 'settings.json');
    saveUser(settingsFile, CHAIR);
    const engine = new Engine(CaseFile.open(path.join(dir, 'big.jigsaw')), { settingsFile });
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 20);
      const started = performance.now();
      const r = await dispatch(engine, 'exportChronology', [{ format: 'docx' }]);
      const ms = performance.now() - started;
      clearInterval(timer);
      expect(r.ok).toBe(true);
      const f = (r as { value: { bytes: Uint8Array; rows: number } }).value;
      expect(f.rows).toBe(1500);
      expect((await mammoth.extractRawText({ buffer: Buffer.from(f.bytes) })).value).toContain('1,500 entries from all agencies');
      // The main thread ticked through the export (a blocked thread would tick once at the end).
      expect(ticks).toBeGreaterThan(Math.min(20, ms / 100));
      // The worker's connection recorded the export, stamped with the install's user.
      expect(readAudit(engine.caseFile.db).at(-1)).toMatchObject({ action: 'export', actorName: CHAIR.name, after: { format: 'docx', rows: 1500 } });
    } finally {
      engine.close();
    }
  });

  it('brings a refusal back from the worker as the same error the renderer branches on', async () => {
    const dir = tempDir();
    const c = CaseFile.open(path.join(dir, 'c.jigsaw'), { create: true });
    generateTimelineCase(path.join(dir, 'c.jigsaw'), 10).close();
    c.db.prepare("UPDATE entries SET text = 'NHS 943 476 5919 noted' WHERE id = 1").run();
    const settingsFile = path.join(dir, 'settings.json');
    saveUser(settingsFile, CHAIR);
    const engine = new Engine(c, { settingsFile });
    try {
      // The pseudonymiser removes the number itself; a name in an agency's name is kept and caught.
      c.db.prepare("INSERT INTO persons(display_name, role) VALUES ('Ambrose Police', 'subject')").run();
      const r = await dispatch(engine, 'exportChronology', [{ format: 'pdf', pseudonymise: true }]);
      expect(r).toMatchObject({ ok: false, error: { code: 'residual_identifiers' } });
      expect((r as { error: { message: string } }).error.message).toContain('name "Police" in row');
      const unknown = new Engine(CaseFile.open(path.join(dir, 'c.jigsaw')), { settingsFile: path.join(dir, 'nobody.json') });
      expect(await dispatch(unknown, 'exportChronology', [{ format: 'csv' }])).toMatchObject({ ok: false, error: { code: 'no_user' } });
      unknown.close();
    } finally {
      engine.close();
    }
  });
});
