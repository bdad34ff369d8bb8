// The import, run in a worker thread so the process serving the window never blocks: opens its own
// connection to the case file (SQLite allows one writer; the import is still one transaction on
// this connection), reports progress a few times a second, and stops when told to cancel.
import { parentPort, workerData } from 'node:worker_threads';
import { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { importExtract, type ImportOptions } from './import-extract.js';
import type { WorkerReply, WorkerRequest } from './import-jobs.js';

const req = workerData as WorkerRequest;
const port = parentPort!;
const abort = new AbortController();
port.on('message', (m: { type: string }) => {
  if (m.type === 'cancel') abort.abort();
});
const send = (m: WorkerReply): void => port.postMessage(m);

let last = 0;
const options: ImportOptions = {
  ...req.options,
  signal: abort.signal,
  onProgress: (p) => {
    const now = Date.now();
    if (now - last < 150 && p.percent < 100) return;
    last = now;
    send({ type: 'progress', ...p });
  },
};

// No top-level await: the worker may also be bundled as CommonJS beside the Electron shell.
async function main(): Promise<void> {
  let caseFile: CaseFile | null = null;
  try {
    caseFile = CaseFile.open(req.caseFile, { passphrase: req.passphrase });
    const report = await importExtract(caseFile, req.file, options);
    send({ type: 'done', report });
  } catch (err) {
    send({ type: 'error', code: err instanceof JigsawError ? err.code : 'internal', message: (err as Error).message });
  } finally {
    caseFile?.close();
    port.close();
  }
}

void main();
