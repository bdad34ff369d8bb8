// Delimited text: encoding detected, delimiter sniffed, quoted multi-line fields, streamed.
// Records are read by csv-parser.ts (papaparse, csv-parse where papaparse would read otherwise; plus the line each record starts on).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { detectEncoding } from './encoding.js';
import { JigsawError } from '../../errors.js';
import { readCsvRecords } from './csv-parser.js';
import type { Source, SourceRow } from './types.js';

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Pick the delimiter that splits the first lines into the most consistent number of fields. */
export function sniffDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim()).slice(0, 30);
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const withAny = counts.filter((c) => c > 0);
    if (withAny.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of withAny) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const score = modeCount * 10 + Math.min(mode, 50);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export function readSample(file: string, encoding: BufferEncoding | string, bomBytes: number, bytes = 64 * 1024): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, bomBytes);
    return iconv.decode(buf.subarray(0, n), encoding);
  } finally {
    fs.closeSync(fd);
  }
}

export function openCsv(file: string, label = path.basename(file)): Source {
  const { encoding, bomBytes } = detectEncoding(file);
  const sample = readSample(file, encoding, bomBytes);
  if (looksBinary(sample)) {
    throw new JigsawError('unreadable_file', `${label}: not a text, spreadsheet, Word or JSON file (it looks like binary data)`);
  }
  const delimiter = sniffDelimiter(sample);
  let stream: fs.ReadStream | null = null;
  return {
    format: 'csv',
    bytesRead: () => stream?.bytesRead ?? 0,
    async *rows(): AsyncIterable<SourceRow> {
      stream = fs.createReadStream(file, { start: bomBytes, highWaterMark: 1024 * 1024 });
      const text = stream.pipe(iconv.decodeStream(encoding)) as unknown as AsyncIterable<string> & { destroy(): void };
      try {
        yield* readCsvRecords(text, delimiter, label);
      } finally {
        text.destroy();
        (stream as fs.ReadStream | null)?.destroy();
      }
    },
  };
}

/** Control characters (other than tab/CR/LF) in quantity mean this is not text. */
export function looksBinary(sample: string): boolean {
  if (!sample) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad > Math.max(4, sample.length * 0.02);
}
