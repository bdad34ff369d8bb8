// Reads and plans an extract's rows on a worker thread (see plan-stream.ts), posting them in
// batches and waiting whenever BATCHES_AHEAD batches are not yet taken by the store.
import { parentPort, workerData } from 'node:worker_threads';
import { JigsawError } from '../errors.js';
import { BATCHES_AHEAD, planBatches, type PlanWorkerMessage, type PlanWorkerRequest } from './plan-stream.js';
import { RowPlanner } from './row-plan.js';
import { openSource } from './sources/index.js';

const req = workerData as PlanWorkerRequest;
const port = parentPort!;
let ahead = 0;
let resume: (() => void) | null = null;
port.on('message', () => {
  ahead--;
  resume?.();
  resume = null;
});
const send = (m: PlanWorkerMessage): void => port.postMessage(m);

// No top-level await: the worker may also be bundled as CommonJS beside the Electron shell.
async function main(): Promise<void> {
  try {
    const source = await openSource(req.file, req.sourceOptions, req.label);
    const planner = new RowPlanner(req.ctx);
    for await (const batch of planBatches(source, planner)) {
      while (ahead >= BATCHES_AHEAD) await new Promise<void>((r) => (resume = r));
      ahead++;
      send({ type: 'batch', ...batch });
    }
    send({ type: 'end', evidence: planner.evidence });
  } catch (err) {
    send({ type: 'error', code: err instanceof JigsawError ? err.code : 'internal', message: (err as Error).message });
  } finally {
    port.close();
  }
}

void main();
