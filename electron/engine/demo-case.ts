// Builds the demo case from the fictional extracts in fixtures/demo (listed in its manifest).
import fs from 'node:fs';
import path from 'node:path';
import { CaseFile } from './case-file.js';
import { importExtract } from './import/import-extract.js';
import { refreshPeopleAndLinks } from './people/after-import.js';

export interface Manifest {
  title: string;
  reviewType: string;
  periodFrom?: string;
  periodTo?: string;
  extracts: { file: string; agency: string }[];
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Create `caseFile` from a fixture folder when it does not exist yet; return it open. */
export async function buildCaseFromFixtures(fixtureDir: string, caseFile: string, passphrase?: string): Promise<CaseFile> {
  const fresh = !fs.existsSync(caseFile);
  fs.mkdirSync(path.dirname(caseFile), { recursive: true });
  const c = CaseFile.open(caseFile, { create: true, passphrase });
  if (!fresh) return c;
  const m = readManifest(fixtureDir);
  c.setMeta('title', m.title);
  c.setMeta('review_type', m.reviewType);
  if (m.periodFrom) c.setMeta('period_from', m.periodFrom);
  if (m.periodTo) c.setMeta('period_to', m.periodTo);
  for (const x of m.extracts) await importExtract(c, path.join(fixtureDir, x.file), { agency: x.agency });
  refreshPeopleAndLinks(c);
  return c;
}
