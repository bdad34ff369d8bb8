// Exports in progress, each in a worker thread (export-worker.ts) so the window stays responsive,
// known by the id the window chose: it polls their progress (rows done of the total) and may
// cancel one, which then writes nothing. Where no worker can be started (a case held in memory, or
// a bundle without the worker script) the export runs in this thread, with the same progress and cancel.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ExportedFile, ExportOptions, ExportProgress } from '../../../shared/export.js';
import type { Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { exportChronology } from './export-chronology.js';
import { cancelledError, type ExportStep } from './export-progress.js';
import { locateWorker } from '../worker-script.js';

export interface ExportRequest {
  caseFile: string;
  passphrase?: string;
  actor: Actor;
  opts: ExportOptions;
}

export type ExportReply = { type: 'progress'; step: ExportStep } | { type: 'done'; file: ExportedFile } | { type: 'error'; code: string; message: string };
export type ExportCommand = { type: 'cancel' };

interface Job extends ExportProgress {
  checkFirst: boolean;
  cancel(): void;
  endedAt?: number;
}

/** How long a cancelled worker may take to stop by itself before it is stopped outright. */
const CANCEL_GRACE_MS = 10_000;
const KEEP_FINISHED = 20;
/** DOCX and PDF read the rows twice; the check is the cheaper pass, so it counts for less of the bar. */
const CHECK_SHARE = 0.25;

/** The worker script beside this module (see locateWorker). */
export function exportWorkerScript(): URL | null {
  return locateWorker(typeof import.meta.url === 'string' ? import.meta.url : undefined, 'export-worker');
}

function advance(job: Job, s: ExportStep): void {
  const done = s.total === 0 ? 1 : s.rows / s.total;
  const share = !job.checkFirst ? done : s.phase === 'checking' ? done * CHECK_SHARE : CHECK_SHARE + done * (1 - CHECK_SHARE);
  // Never 100 while the zip is still being finished: 'done' says that.
  Object.assign(job, { phase: s.phase, rows: s.rows, total: s.total, percent: Math.min(99, Math.floor(share * 100)) });
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  progress(id: string): ExportProgress {
    const j = this.jobs.get(id);
    return j ? { state: j.state, phase: j.phase, rows: j.rows, total: j.total, percent: j.percent } : { state: 'unknown', phase: 'writing', rows: 0, total: 0, percent: 0 };
  }

  /** Ask a running export to stop: it fails with code "cancelled" and nothing is written. */
  cancel(id: string): ExportProgress {
    const j = this.jobs.get(id);
    if (j?.state === 'running') j.cancel();
    return this.progress(id);
  }

  async run(caseFile: CaseFile, actor: Actor, opts: ExportOptions): Promise<ExportedFile> {
    const id = opts.jobId ?? randomUUID();
    const job: Job = { state: 'running', phase: 'writing', rows: 0, total: 0, percent: 0, checkFirst: opts.format === 'docx' || opts.format === 'pdf', cancel: () => {} };
    this.jobs.set(id, job);
    this.forgetOld();
    try {
      const script = caseFile.file === ':memory:' ? null : exportWorkerScript();
      const file = script ? await this.inWorker(job, script, caseFile, actor, opts) : await this.inline(job, caseFile, actor, opts);
      Object.assign(job, { state: 'done', rows: file.rows, total: file.rows, percent: 100 });
      return file;
    } catch (err) {
      job.state = err instanceof JigsawError && err.code === 'cancelled' ? 'cancelled' : 'failed';
      throw err;
    } finally {
      job.endedAt = Date.now();
    }
  }

  private inline(job: Job, caseFile: CaseFile, actor: Actor, opts: ExportOptions): Promise<ExportedFile> {
    const abort = new AbortController();
    job.cancel = () => abort.abort();
    // This connection serves the window too while the export awaits: no long read transaction on it.
    return exportChronology(caseFile, actor, opts, new Date(), { signal: abort.signal, onProgress: (s) => advance(job, s), snapshot: false });
  }

  private inWorker(job: Job, script: URL, caseFile: CaseFile, actor: Actor, opts: ExportOptions): Promise<ExportedFile> {
    const { file, passphrase } = caseFile.connectionOptions();
    const request: ExportRequest = { caseFile: file, passphrase, actor, opts };
    return new Promise<ExportedFile>((resolve, reject) => {
      const worker = new Worker(script, { workerData: request });
      let settled = false;
      let cancelled = false;
      const finish = (f: () => void): void => {
        if (!settled) {
          settled = true;
          f();
        }
      };
      job.cancel = () => {
        cancelled = true;
        worker.postMessage({ type: 'cancel' } satisfies ExportCommand);
        setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
      };
      worker.on('message', (m: ExportReply) => {
        if (m.type === 'progress') advance(job, m.step);
        else if (m.type === 'done') finish(() => resolve(m.file));
        else finish(() => reject(m.code === 'internal' ? new Error(m.message) : new JigsawError(m.code, m.message)));
      });
      worker.on('error', (err) => finish(() => reject(err)));
      worker.on('exit', () => finish(() => reject(cancelled ? cancelledError() : new Error('the export stopped unexpectedly; nothing was written'))));
    });
  }

  private forgetOld(): void {
    const ended = [...this.jobs.entries()].filter(([, j]) => j.endedAt !== undefined).sort((a, b) => a[1].endedAt! - b[1].endedAt!);
    for (const [id] of ended.slice(0, Math.max(0, ended.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
