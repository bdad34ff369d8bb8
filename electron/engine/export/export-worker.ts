// An export, run in a worker thread so the process serving the window never blocks while a large
// DOCX or PDF is written: opens its own connection to the case file, reports progress, stops when
// asked (writing nothing) and hands back the bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { exportChronology } from './export-chronology.js';
import type { ExportCommand, ExportReply, ExportRequest } from './export-jobs.js';
import type { ExportStep } from './export-progress.js';

const req = workerData as ExportRequest;
const port = parentPort!;
const abort = new AbortController();
port.on('message', (m: ExportCommand) => {
  if (m.type === 'cancel') abort.abort();
});

/** At most a few progress messages a second, whatever the row rate. */
const PROGRESS_MS = 100;
let lastSent = 0;
function onProgress(step: ExportStep): void {
  const t = performance.now();
  if (t - lastSent < PROGRESS_MS && step.rows !== step.total) return;
  lastSent = t;
  port.postMessage({ type: 'progress', step } satisfies ExportReply);
}

// No top-level await: the Electron build bundles this file as CommonJS.
async function main(): Promise<void> {
  let caseFile: CaseFile | null = null;
  try {
    caseFile = CaseFile.open(req.caseFile, { passphrase: req.passphrase });
    const file = await exportChronology(caseFile, req.actor, req.opts, new Date(), { signal: abort.signal, onProgress });
    port.postMessage({ type: 'done', file } satisfies ExportReply, [file.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'error', code: err instanceof JigsawError ? err.code : 'internal', message: (err as Error).message } satisfies ExportReply);
  } finally {
    caseFile?.close();
    port.close();
  }
}

void main();
