// The protection commands through the real `jigsaw` binary: passphrase from JIGSAW_PASSPHRASE
// (stdin is not a terminal here, so nothing is ever prompted), JSON shapes, exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { ROOT, tempDir, writeFile } from './helpers';
import { runJigsaw } from './run-cli';

const PASS = 'cli passphrase one';

const jigsaw = (env: Record<string, string>, ...args: string[]) => runJigsaw(args, env);

describe('jigsaw doctor, backup, restore, passphrase, close-review', () => {
  it('creates an encrypted case from JIGSAW_PASSPHRASE and reports on it', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'r.jigsaw');
    expect((await jigsaw({ JIGSAW_PASSPHRASE: PASS }, 'import', c, path.join(ROOT, 'fixtures/demo/police.csv'), '--agency', 'Police')).code).toBe(0);
    const doc = await jigsaw({ JIGSAW_PASSPHRASE: PASS }, 'doctor', c, '--json');
    expect(doc.code).toBe(0);
    expect(JSON.parse(doc.stdout)).toMatchObject({ ok: true, encrypted: true, integrity: ['ok'], counts: { agencies: 1, entries: 6 }, auditBrokenAt: null });

    const wrong = await jigsaw({ JIGSAW_PASSPHRASE: 'not the passphrase' }, 'timeline', c);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toEqual(['jigsaw: Could not open r.jigsaw: the passphrase is wrong (or the file is not a Jigsaw case). Nothing was changed.']);
    const none = await jigsaw({}, 'doctor', c);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/r\.jigsaw is encrypted: enter its passphrase \(or set JIGSAW_PASSPHRASE\)/);
  });

  it('backs up, changes the passphrase, restores, then closes the review', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'r.jigsaw');
    const env = { JIGSAW_PASSPHRASE: PASS };
    expect((await jigsaw(env, 'import', c, path.join(ROOT, 'fixtures/demo/gp-practice.csv'), '--agency', 'GP')).code).toBe(0);
    const b = await jigsaw(env, 'backup', c, path.join(dir, 'b.jigsaw'), '--json');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ integrity: 'ok', encrypted: true });

    const p = await jigsaw({ ...env, JIGSAW_NEW_PASSPHRASE: 'cli passphrase two' }, 'passphrase', c, '--json');
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ action: 'changed', encrypted: true });
    const short = await jigsaw({ JIGSAW_PASSPHRASE: 'cli passphrase two', JIGSAW_NEW_PASSPHRASE: 'short' }, 'passphrase', c);
    expect(short).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 8 characters/) });

    // The backup keeps the passphrase it was made with.
    const r = await jigsaw(env, 'restore', path.join(dir, 'b.jigsaw'), path.join(dir, 'restored.jigsaw'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tables.entries).toBeGreaterThan(0);

    const unconfirmed = await jigsaw({ JIGSAW_PASSPHRASE: 'cli passphrase two' }, 'close-review', c, '--export-made');
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/add --yes/);
    const noExport = await jigsaw({ JIGSAW_PASSPHRASE: 'cli passphrase two' }, 'close-review', c, '--yes');
    expect(noExport.stderr).toMatch(/final export/);
    expect(fs.existsSync(c)).toBe(true);

    const exported = writeFile(dir, 'final.docx', 'final chronology');
    const closed = await jigsaw({ JIGSAW_PASSPHRASE: 'cli passphrase two' }, 'close-review', c, '--export-file', exported, '--yes', '--json');
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ case: c, exportFile: exported, deleted: [{ file: c, overwritten: true }] });
    expect(fs.readdirSync(dir).sort()).toEqual(['b.jigsaw', 'final.docx', 'restored.jigsaw']);
  });

  it('makes the final export through the export module, then deletes the case', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'r.jigsaw');
    const env = { JIGSAW_PASSPHRASE: PASS, JIGSAW_HOME: dir, HOME: dir };
    expect((await jigsaw(env, 'import', c, path.join(ROOT, 'fixtures/demo/police.csv'), '--agency', 'Police')).code).toBe(0);
    const half = await jigsaw(env, 'close-review', c, '--format', 'csv', '--yes');
    expect(half.code).toBe(2);
    const closed = await jigsaw(env, 'close-review', c, '--format', 'csv', '--out', path.join(dir, 'final.csv'), '--yes', '--json');
    expect(closed.stderr).toBe('');
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ exportFile: path.join(dir, 'final.csv'), deleted: [{ file: c }] });
    const csv = fs.readFileSync(path.join(dir, 'final.csv'), 'utf8');
    expect(csv).toMatch(/pushed down the stairs/);
    expect(fs.existsSync(c)).toBe(false);
  });

  it('the web host opens an encrypted case with JIGSAW_PASSPHRASE, and refuses without it', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'web.jigsaw');
    const made = CaseFile.open(c, { create: true, passphrase: PASS });
    made.setMeta('title', 'Encrypted web review');
    made.close();
    const host = (env: Record<string, string>) =>
      spawn(process.execPath, [path.join(ROOT, 'bin/web.mjs'), c], { cwd: ROOT, env: { ...process.env, JIGSAW_RENDERER_DIR: dir, JIGSAW_PASSPHRASE: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

    const refused = host({});
    let stderr = '';
    refused.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await new Promise((r) => refused.once('exit', r))).toBe(1);
    expect(stderr).toMatch(/web\.jigsaw is encrypted: enter its passphrase \(or set JIGSAW_PASSPHRASE\)/);

    const served = host({ JIGSAW_PASSPHRASE: PASS });
    try {
      const first = await new Promise<string>((resolve) => readline.createInterface({ input: served.stdout }).once('line', resolve));
      const url = new URL(first);
      const res = await fetch(`${url.origin}/api/getCase`, { method: 'POST', headers: { 'x-jigsaw-token': url.hash.replace('#token=', '') }, body: '[]' });
      expect(await res.json()).toMatchObject({ ok: true, value: { title: 'Encrypted web review' } });
    } finally {
      const exited = new Promise((r) => served.once('exit', r));
      served.kill('SIGTERM');
      await exited;
    }
  });
});
