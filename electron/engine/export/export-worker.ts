// An export, run in a worker thread so the process serving the window never blocks while a large
// DOCX or PDF is written: opens its own connection to the case file and hands back the bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { exportChronology } from './export-chronology.js';
import type { ExportReply, ExportRequest } from './export-jobs.js';

const req = workerData as ExportRequest;
const port = parentPort!;
// No top-level await: the Electron build bundles this file as CommonJS.
async function main(): Promise<void> {
  let caseFile: CaseFile | null = null;
  try {
    caseFile = CaseFile.open(req.caseFile, { passphrase: req.passphrase });
    const file = await exportChronology(caseFile, req.actor, req.opts);
    port.postMessage({ type: 'done', file } satisfies ExportReply, [file.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'error', code: err instanceof JigsawError ? err.code : 'internal', message: (err as Error).message } satisfies ExportReply);
  } finally {
    caseFile?.close();
    port.close();
  }
}

void main();
