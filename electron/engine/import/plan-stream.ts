// The row plans of an extract, in file order and in batches: planned in this thread for small
// files, or on a worker thread of their own for large ones, so reading, parsing and dating the file
// (one core) overlaps storing the rows in the case file (the other). The worker runs at most a few
// batches ahead of the store, so memory stays flat however large the file.
import { Worker } from 'node:worker_threads';
import { JigsawError } from '../errors.js';
import { locateWorker } from '../worker-script.js';
import type { DateEvidence } from './dates.js';
import { RowPlanner, type PlanContext, type RowPlan } from './row-plan.js';
import type { Source, SourceOptions } from './sources/index.js';

export interface PlanBatch {
  plans: RowPlan[];
  /** Bytes of the file read so far: progress. */
  bytesRead: number;
}

export interface PlanStream {
  batches(): AsyncIterable<PlanBatch>;
  /** How the file's slashed dates are ordered: complete once batches() has ended. */
  evidence(): DateEvidence;
}

export interface PlanWorkerRequest {
  file: string;
  label: string;
  sourceOptions: SourceOptions;
  ctx: PlanContext;
}

export type PlanWorkerMessage =
  | ({ type: 'batch' } & PlanBatch)
  | { type: 'end'; evidence: DateEvidence }
  | { type: 'error'; code: string; message: string };

/** A batch is sent at this many rows, or sooner once its raw rows hold BATCH_CHARS characters. */
export const BATCH_ROWS = 2000;
export const BATCH_CHARS = 4 * 1024 * 1024;
/** Batches the worker may have sent and the store not yet taken. */
export const BATCHES_AHEAD = 4;

/** The source's rows planned in file order, in batches of BATCH_ROWS rows or BATCH_CHARS characters. */
export async function* planBatches(source: Source, planner: RowPlanner): AsyncGenerator<PlanBatch> {
  let plans: RowPlan[] = [];
  let chars = 0;
  for await (const r of source.rows()) {
    const plan = planner.plan(r);
    plans.push(plan);
    chars += plan.raw.length;
    if (plans.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      yield { plans, bytesRead: source.bytesRead() };
      plans = [];
      chars = 0;
    }
  }
  if (plans.length > 0) yield { plans, bytesRead: source.bytesRead() };
}

export function planInThisThread(source: Source, ctx: PlanContext): PlanStream {
  const planner = new RowPlanner(ctx);
  return { evidence: () => planner.evidence, batches: () => planBatches(source, planner) };
}

/** The plan worker's script, or null where none can run (see locateWorker). */
export function planWorkerScript(): URL | null {
  return locateWorker(typeof import.meta.url === 'string' ? import.meta.url : undefined, 'plan-worker');
}

export function planInWorker(script: URL, request: PlanWorkerRequest): PlanStream {
  let evidence: DateEvidence | null = null;
  return {
    evidence: () => {
      if (!evidence) throw new Error('the row plans were not read to the end');
      return evidence;
    },
    async *batches() {
      const worker = new Worker(script, { workerData: request });
      const queue: PlanWorkerMessage[] = [];
      let failure: Error | null = null;
      let wake: (() => void) | null = null;
      const notify = (): void => {
        wake?.();
        wake = null;
      };
      worker.on('message', (m: PlanWorkerMessage) => {
        queue.push(m);
        notify();
      });
      worker.on('error', (err) => {
        failure ??= err;
        notify();
      });
      worker.on('exit', () => {
        failure ??= new Error('reading the file stopped unexpectedly; nothing was imported');
        notify();
      });
      try {
        for (;;) {
          const m = queue.shift();
          if (!m) {
            if (failure) throw failure;
            await new Promise<void>((r) => (wake = r));
            continue;
          }
          if (m.type === 'error') throw m.code === 'internal' ? new Error(m.message) : new JigsawError(m.code, m.message);
          if (m.type === 'end') {
            evidence = m.evidence;
            return;
          }
          worker.postMessage('taken');
          yield { plans: m.plans, bytesRead: m.bytesRead };
        }
      } finally {
        worker.removeAllListeners();
        void worker.terminate();
      }
    },
  };
}
