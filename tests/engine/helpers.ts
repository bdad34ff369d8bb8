import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';

const dirs: string[] = [];
const cases: CaseFile[] = [];

afterEach(() => {
  for (const c of cases.splice(0)) c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-test-'));
  dirs.push(d);
  return d;
}

/** A fresh case file on disk, closed after the test. */
export function tempCase(name = 'case.jigsaw'): CaseFile {
  const c = CaseFile.open(path.join(tempDir(), name), { create: true });
  cases.push(c);
  return c;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

export const ROOT = path.resolve(import.meta.dirname, '../..');
