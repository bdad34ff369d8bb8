// Chooses a reader by the file's content, not its name: a CSV named .xlsx still imports.
import fs from 'node:fs';
import path from 'node:path';
import { JigsawError } from '../../errors.js';
import { LIMITS } from '../limits.js';
import { openCsv } from './csv.js';
import type { Source } from './types.js';

export type { Source, SourceRow } from './types.js';

export async function openSource(file: string): Promise<Source> {
  const name = path.basename(file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new JigsawError('unreadable_file', `${name}: file not found or not readable`);
  }
  if (size === 0) throw new JigsawError('unreadable_file', `${name}: the file is empty`);
  if (size > LIMITS.maxFileBytes) throw new JigsawError('file_too_large', `${name}: larger than the ${LIMITS.maxFileBytes / 2 ** 30} GB limit`);
  const head = readHead(file, 8);
  if (head[0] === 0x50 && head[1] === 0x4b) {
    throw new JigsawError('unsupported_format', `${name}: XLSX and Word files are not supported yet`);
  }
  return openCsv(file);
}

function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = fs.readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}
