// Runs an export in a worker thread (export-worker.ts) so the window stays responsive; where no
// worker can be started (a case held in memory, or a bundle without the worker script) it runs in
// this thread instead.
import { Worker } from 'node:worker_threads';
import type { ExportedFile, ExportOptions } from '../../../shared/export.js';
import type { Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { exportChronology } from './export-chronology.js';
import { locateWorker } from '../worker-script.js';

export interface ExportRequest {
  caseFile: string;
  passphrase?: string;
  actor: Actor;
  opts: ExportOptions;
}

export type ExportReply = { type: 'done'; file: ExportedFile } | { type: 'error'; code: string; message: string };

/** The worker script beside this module (see locateWorker). */
export function exportWorkerScript(): URL | null {
  return locateWorker(typeof import.meta.url === 'string' ? import.meta.url : undefined, 'export-worker');
}

export async function runExport(caseFile: CaseFile, actor: Actor, opts: ExportOptions): Promise<ExportedFile> {
  const script = caseFile.file === ':memory:' ? null : exportWorkerScript();
  if (!script) return exportChronology(caseFile, actor, opts);
  const { file, passphrase } = caseFile.connectionOptions();
  const request: ExportRequest = { caseFile: file, passphrase, actor, opts };
  return new Promise<ExportedFile>((resolve, reject) => {
    const worker = new Worker(script, { workerData: request });
    let settled = false;
    const finish = (f: () => void): void => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    worker.on('message', (m: ExportReply) => {
      if (m.type === 'done') finish(() => resolve(m.file));
      else finish(() => reject(m.code === 'internal' ? new Error(m.message) : new JigsawError(m.code, m.message)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', () => finish(() => reject(new Error('the export stopped unexpectedly; nothing was written'))));
  });
}
