// Runs one labelled case through the real engine, the way the app does: a fresh case file, the
// chair's review settings, every extract staged and imported through the API, then what the
// chair would read back (entries, people, links, clusters, a pseudonymised export).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseFile } from '../electron/engine/case-file.js';
import { Engine } from '../electron/engine/engine.js';
import { listLinks } from '../electron/engine/people/queries.js';
import type { ImportReport, TimelineEntry } from '../shared/types.js';
import type { ClusterSummary } from '../shared/signals.js';
import type { PersonSummary } from '../shared/people.js';
import type { Labels } from './labels.js';

export interface ObservedEntry extends TimelineEntry {
  /** Every raw cell of the row, joined: what a label's key is looked for in. */
  rawText: string;
}

export interface Observed {
  reports: ImportReport[];
  /** Extracts the engine refused outright, with its message. */
  refused: { file: string; message: string }[];
  entries: ObservedEntry[];
  people: PersonSummary[];
  links: number[][];
  clusters: ClusterSummary[];
  exportText: string;
  exportRefused: string | null;
  seconds: number;
}

const REVIEW_TYPES: Record<string, string> = {
  SAR: 'Safeguarding Adults Review',
  DHR: 'Domestic Homicide Review',
  CSPR: 'Child Safeguarding Practice Review',
  SUSR: 'Single Unified Safeguarding Review',
};

export async function runCase(dir: string, labels: Labels, opts: { settings: boolean; model?: boolean }): Promise<Observed> {
  const started = performance.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-eval-'));
  const caseFile = CaseFile.open(path.join(work, `${labels.case}.jigsaw`), { create: true });
  const engine = new Engine(caseFile, { settingsFile: path.join(work, 'settings.json') });
  try {
    await engine.setUser({ name: 'Evaluation', role: 'chair' });
    if (opts.settings) await applySettings(engine, labels);
    if (opts.model === false) {
      const { settings } = await engine.getLexicon();
      await engine.updateLexicon({ settings: { ...settings, readByModel: false } });
    }
    const reports: ImportReport[] = [];
    const refused: Observed['refused'] = [];
    for (const x of labels.extracts) {
      try {
        const staged = await engine.stageFile({ fileName: x.file, bytes: fs.readFileSync(path.join(dir, x.file)) });
        reports.push(await engine.importStaged({ stagedId: staged.stagedId, agency: x.agency }));
      } catch (err) {
        refused.push({ file: x.file, message: (err as Error).message });
      }
    }
    const people = await engine.listPeople();
    const clusters = await engine.listClusters();
    const page = caseFile.listEntries({ limit: 1_000_000 });
    const entries = page.entries.map((e) => ({ ...e, rawText: caseFile.getEntry(e.id).raw.map((c) => c.value).join('\u0001') }));
    const links = listLinks(caseFile).map((l) => l.entryIds);
    const { text, refusedWith } = await pseudonymisedExport(engine);
    return { reports, refused, entries, people, links, clusters, exportText: text, exportRefused: refusedWith, seconds: (performance.now() - started) / 1000 };
  } finally {
    engine.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function applySettings(engine: Engine, labels: Labels): Promise<void> {
  const view = await engine.getReviewSettings();
  const s = labels.settings;
  await engine.updateReviewSettings({
    ...view.settings,
    title: labels.title,
    reviewType: REVIEW_TYPES[labels.reviewType] ?? labels.reviewType,
    periodFrom: s.periodFrom ?? null,
    periodTo: s.periodTo ?? null,
    incidentDate: s.incident?.date ?? null,
    people: s.people.map((p) => ({ name: p.name, role: p.role, dob: p.dob ?? null, identifiers: p.identifiers ?? '' })),
  });
}

/** The publication a chair would make: CSV, pseudonymised. A refusal is kept; the override shows what it found. */
async function pseudonymisedExport(engine: Engine): Promise<{ text: string; refusedWith: string | null }> {
  try {
    const f = await engine.exportChronology({ format: 'csv', pseudonymise: true });
    return { text: Buffer.from(f.bytes).toString('utf8'), refusedWith: null };
  } catch (err) {
    const f = await engine.exportChronology({ format: 'csv', pseudonymise: true, overrideResidual: true });
    return { text: Buffer.from(f.bytes).toString('utf8'), refusedWith: (err as Error).message };
  }
}
