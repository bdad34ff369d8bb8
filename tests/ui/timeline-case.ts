// Fills the case a test's web host has open, through the real importer (or the bench's generator),
// before the page loads it. SQLite's WAL lets the host's connection and this one share the file.
import path from 'node:path';
import { generateTimelineCase } from '../../bench/generate-timeline-case';
import { CaseFile } from '../../electron/engine/case-file';
import { readManifest } from '../../electron/engine/demo-case';
import { importExtract } from '../../electron/engine/import/import-extract';
import { test } from '@playwright/test';
import { ROOT, startHost, type RunningHost } from './web-host';

export async function importDemo(casePath: string): Promise<void> {
  const dir = path.join(ROOT, 'fixtures/demo');
  const c = CaseFile.open(casePath);
  try {
    const m = readManifest(dir);
    c.setMeta('title', m.title);
    for (const x of m.extracts) await importExtract(c, path.join(dir, x.file), { agency: x.agency });
  } finally {
    c.close();
  }
}

export async function importText(casePath: string, fileName: string, agency: string, csv: string): Promise<void> {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-ui-csv-'));
  const c = CaseFile.open(casePath);
  try {
    fs.writeFileSync(path.join(dir, fileName), csv);
    await importExtract(c, path.join(dir, fileName), { agency });
  } finally {
    c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function generate(casePath: string, entries: number): void {
  generateTimelineCase(casePath, entries).close();
}

/** A fresh web host for each test, holding the demo case; call the returned getter inside a test. */
export function demoHostPerTest(): () => RunningHost {
  let host: RunningHost | undefined;
  test.beforeEach(async () => {
    host = await startHost();
    await importDemo(host.casePath);
  });
  test.afterEach(async () => {
    await host?.stop();
  });
  return () => host!;
}
