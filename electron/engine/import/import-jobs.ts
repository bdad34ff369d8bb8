// Imports in progress, each in its own worker thread, known by the staged file's id: the window
// polls their progress (rows read, share of the file read) and may cancel one. Where no worker can
// be started (a case held in memory, or a bundle without the worker script) the import runs in
// this thread instead, with the same progress and cancel.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportProgress } from '../../../shared/import.js';
import type { ImportReport } from '../../../shared/types.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { importExtract, type ImportOptions } from './import-extract.js';
import { locateWorker } from '../worker-script.js';

export type JobOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;

export interface WorkerRequest {
  caseFile: string;
  passphrase?: string;
  file: string;
  options: JobOptions;
}

export type WorkerReply =
  | { type: 'progress'; rows: number; percent: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; code: string; message: string };

interface Job extends ImportProgress {
  cancel(): void;
  endedAt?: number;
}

/** How long a cancelled worker may take to roll back before it is stopped outright. */
const CANCEL_GRACE_MS = 15_000;
const KEEP_FINISHED = 20;

/** The worker script beside this module (see locateWorker). */
export function workerScript(): URL | null {
  return locateWorker(typeof import.meta.url === 'string' ? import.meta.url : undefined, 'import-worker');
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  progress(id: string): ImportProgress {
    const j = this.jobs.get(id);
    return j ? { state: j.state, rows: j.rows, percent: j.percent } : { state: 'unknown', rows: 0, percent: 0 };
  }

  /** Ask a running import to stop; it rolls back and leaves the case as it was. */
  cancel(id: string): ImportProgress {
    const j = this.jobs.get(id);
    if (j?.state === 'running') j.cancel();
    return this.progress(id);
  }

  async run(id: string, caseFile: CaseFile, file: string, options: JobOptions): Promise<ImportReport> {
    const job: Job = { state: 'running', rows: 0, percent: 0, cancel: () => {} };
    this.jobs.set(id, job);
    this.forgetOld();
    try {
      const script = caseFile.file === ':memory:' ? null : workerScript();
      const report = script ? await this.inWorker(job, script, caseFile, file, options) : await this.inline(job, caseFile, file, options);
      Object.assign(job, { state: 'done', percent: 100 });
      return report;
    } catch (err) {
      job.state = err instanceof JigsawError && err.code === 'cancelled' ? 'cancelled' : 'failed';
      throw err;
    } finally {
      job.endedAt = Date.now();
    }
  }

  private async inline(job: Job, caseFile: CaseFile, file: string, options: JobOptions): Promise<ImportReport> {
    const abort = new AbortController();
    job.cancel = () => abort.abort();
    return importExtract(caseFile, file, { ...options, signal: abort.signal, onProgress: (p) => Object.assign(job, p) });
  }

  private inWorker(job: Job, script: URL, caseFile: CaseFile, file: string, options: JobOptions): Promise<ImportReport> {
    const { file: caseFilePath, passphrase } = caseFile.connectionOptions();
    const request: WorkerRequest = { caseFile: caseFilePath, passphrase, file, options };
    return new Promise<ImportReport>((resolve, reject) => {
      const worker = new Worker(script, { workerData: request });
      let settled = false;
      let cancelled = false;
      const finish = (f: () => void): void => {
        if (settled) return;
        settled = true;
        f();
      };
      job.cancel = () => {
        cancelled = true;
        worker.postMessage({ type: 'cancel' });
        setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
      };
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'progress') Object.assign(job, { rows: m.rows, percent: m.percent });
        else if (m.type === 'done') finish(() => resolve(m.report));
        else finish(() => reject(m.code === 'internal' ? new Error(m.message) : new JigsawError(m.code, m.message)));
      });
      worker.on('error', (err) => finish(() => reject(err)));
      worker.on('exit', () =>
        finish(() =>
          reject(
            cancelled
              ? new JigsawError('cancelled', `Import of ${options.fileName ?? path.basename(file)} cancelled; nothing was imported`)
              : new Error('the import stopped unexpectedly; nothing was imported'),
          ),
        ),
      );
    });
  }

  private forgetOld(): void {
    const ended = [...this.jobs.entries()].filter(([, j]) => j.endedAt !== undefined).sort((a, b) => a[1].endedAt! - b[1].endedAt!);
    for (const [id] of ended.slice(0, Math.max(0, ended.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
