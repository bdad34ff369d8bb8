// Pacing for a long export: rows are handed to a writer with a pause every few hundred, so the
// thread hears a cancel, reports how far it is, and lets the zip stream drain what was written.
import type { ExportProgress } from '../../../shared/export.js';
import { JigsawError } from '../errors.js';
import type { ExportRow } from './chronology-table.js';

export type ExportStep = Pick<ExportProgress, 'phase' | 'rows' | 'total'>;

export interface ExportHooks {
  signal?: AbortSignal;
  onProgress?: (p: ExportStep) => void;
}

const EVERY = 256;

export function cancelledError(): JigsawError {
  return new JigsawError('cancelled', 'Export cancelled; nothing was written');
}

export function throwIfCancelled(hooks: ExportHooks): void {
  if (hooks.signal?.aborted) throw cancelledError();
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The rows as an async stream that pauses, checks for a cancel and reports progress as it goes. */
export async function* paced(rows: Iterable<ExportRow>, phase: ExportStep['phase'], total: number, hooks: ExportHooks, each?: (r: ExportRow) => void): AsyncGenerator<ExportRow> {
  let n = 0;
  hooks.onProgress?.({ phase, rows: 0, total });
  for (const r of rows) {
    each?.(r);
    yield r;
    if (++n % EVERY === 0) {
      await pause();
      throwIfCancelled(hooks);
      hooks.onProgress?.({ phase, rows: n, total });
    }
  }
  await pause();
  throwIfCancelled(hooks);
  hooks.onProgress?.({ phase, rows: n, total });
}

/** Chunks as one array of exactly their length (one copy, never a slice of Node's shared pool). */
export function joinBytes(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A stream's bytes, once it ends. */
export function collect(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(joinBytes(chunks)));
  });
}
