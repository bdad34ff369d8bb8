// Chooses a reader by the file's content, not its name: a CSV named .xlsx still imports, and a
// file that is none of the formats agencies send is refused with a message saying what it is.
import fs from 'node:fs';
import path from 'node:path';
import { JigsawError } from '../../errors.js';
import { LIMITS } from '../limits.js';
import { openCsv, readSample } from './csv.js';
import { openDocx } from './docx.js';
import { detectEncoding } from './encoding.js';
import { openJson } from './json.js';
import { openSafeArchive } from './zip.js';
import { openXlsx, readWorkbookInfo, type WorkbookInfo } from './xlsx.js';
import type { Source, SourceOptions } from './types.js';

export type { SheetSummary, Source, SourceOptions, SourceRow } from './types.js';

const REFUSED: { magic: number[]; what: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Excel (.xls) or Word (.doc) file, or a password-protected Office file: save it as .xlsx, .docx or CSV without a password' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF: ask the agency for the spreadsheet, Word table or CSV it was made from' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document: save it as .docx' },
  { magic: [0x1f, 0x8b], what: 'a compressed (gzip) file: extract it first' },
];

export async function openSource(file: string, opts: SourceOptions = {}, label = path.basename(file)): Promise<Source> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new JigsawError('unreadable_file', `${label}: file not found or not readable`);
  }
  if (size === 0) throw new JigsawError('unreadable_file', `${label}: the file is empty`);
  if (size > LIMITS.maxFileBytes) throw new JigsawError('file_too_large', `${label}: larger than the ${LIMITS.maxFileBytes / 2 ** 30} GB limit`);
  const head = readHead(file, 8);
  if (head[0] === 0x50 && head[1] === 0x4b) return openArchive(file, label, size, opts);
  const refused = REFUSED.find((r) => r.magic.every((b, i) => head[i] === b));
  if (refused) throw new JigsawError('unsupported_format', `${label}: this is ${refused.what}`);
  const { encoding, bomBytes } = detectEncoding(file);
  const first = readSample(file, encoding, bomBytes, 4096).trimStart()[0];
  if (first === '[') return openJson(file, 'json', label);
  if (first === '{') return openJson(file, looksLikeJsonLines(file, encoding, bomBytes) ? 'jsonl' : 'json', label);
  return openCsv(file, label);
}

/**
 * JSON-lines: the first line is a whole object on its own, and either another line follows or that
 * object is a record itself rather than a wrapper round an array of records.
 */
function looksLikeJsonLines(file: string, encoding: string, bomBytes: number): boolean {
  const lines = readSample(file, encoding, bomBytes, 1024 * 1024).trimStart().split(/\r?\n/);
  let first: unknown;
  try {
    first = JSON.parse(lines[0] ?? '');
  } catch {
    return false;
  }
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return false;
  if (lines.slice(1).some((l) => l.trim().startsWith('{'))) return true;
  const wrapsRecords = Object.values(first).some((v) => Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null));
  return !wrapsRecords;
}

async function openArchive(file: string, label: string, size: number, opts: SourceOptions): Promise<Source> {
  const archive = await openSafeArchive(file, label);
  const names = archive.names;
  if (names.includes('word/document.xml') && !names.includes('xl/workbook.xml')) return openDocx(archive, label, size);
  if (names.includes('xl/workbook.xml')) {
    let info: WorkbookInfo;
    try {
      info = await readWorkbookInfo(archive);
    } finally {
      archive.close();
    }
    return openXlsx(file, label, names, opts, info);
  }
  archive.close();
  throw new JigsawError('unsupported_format', `${label}: a zip archive, not a spreadsheet (.xlsx) or Word document (.docx)`);
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
