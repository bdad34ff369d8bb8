// JSON from newer case systems: an array of records (bare, or the first array inside a wrapping
// object such as {"records": [...]}), or JSON-lines. Streamed: a small scanner finds where each
// record starts and ends (and on which line), JSON.parse reads it, nested fields are flattened to
// dotted names (`patient.name`). A first pass collects every field name so that a field appearing
// only late in the file still gets its column; the header row is those names (row 0).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { JigsawError } from '../../errors.js';
import { LIMITS } from '../limits.js';
import { detectEncoding } from './encoding.js';
import type { Source, SourceRow } from './types.js';

interface RawRecord {
  line: number;
  text: string;
}

export async function openJson(file: string, kind: 'json' | 'jsonl', label = path.basename(file)): Promise<Source> {
  const { encoding, bomBytes } = detectEncoding(file);
  let stream: fs.ReadStream | null = null;
  const records = (): AsyncIterable<RawRecord> => {
    stream = fs.createReadStream(file, { start: bomBytes, highWaterMark: 1024 * 1024 });
    const text = stream.pipe(iconv.decodeStream(encoding)) as AsyncIterable<string>;
    return kind === 'jsonl' ? jsonLines(text, label) : arrayRecords(text, label);
  };

  // Pass 1: every field name in order of first appearance, and whether records share lines.
  const keys = new Map<string, number>();
  let lastLine = -1;
  let sharedLines = false;
  for await (const r of records()) {
    if (r.line === lastLine) sharedLines = true;
    lastLine = r.line;
    const flat = parseRecord(r.text);
    if (!flat) continue;
    for (const k of flat.keys()) {
      if (!keys.has(k)) keys.set(k, keys.size);
      if (keys.size > LIMITS.maxColumns) throw new JigsawError('too_many_columns', `${label}: the records hold more than ${LIMITS.maxColumns} different fields; the file was refused`);
    }
  }
  if (keys.size === 0) throw new JigsawError('unreadable_file', `${label}: JSON without any records (objects with fields)`);
  const header = [...keys.keys()];

  return {
    format: kind,
    headerFirst: true,
    // One-line JSON puts every record on line 1: number the records instead.
    rowNote: sharedLines ? 'record number' : undefined,
    bytesRead: () => stream?.bytesRead ?? 0,
    async *rows(): AsyncIterable<SourceRow> {
      yield { row: 0, cells: header };
      let n = 0;
      try {
        for await (const r of records()) {
          n++;
          const row = sharedLines ? n : r.line;
          const flat = parseRecord(r.text);
          if (!flat) {
            yield { row, cells: [r.text], problem: `${sharedLines ? 'Record' : 'Line'} ${row} is not a readable JSON record` };
            continue;
          }
          const cells = new Array<string>(header.length).fill('');
          for (const [k, v] of flat) cells[keys.get(k)!] = v;
          yield { row, cells };
        }
      } finally {
        (stream as fs.ReadStream | null)?.destroy();
      }
    },
  };
}

/** A record's fields flattened to text, or null when it is not a JSON object. */
export function parseRecord(text: string): Map<string, string> | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const out = new Map<string, string>();
  flatten(v as Record<string, unknown>, '', out);
  return out;
}

function flatten(v: unknown, prefix: string, out: Map<string, string>): void {
  if (v === null || v === undefined) {
    if (prefix) out.set(prefix, '');
  } else if (Array.isArray(v)) {
    // A list of plain values (people, tags) reads best as one cell; a list of records gets indexes.
    if (v.every((x) => x === null || typeof x !== 'object')) out.set(prefix, v.filter((x) => x !== null).map(String).join('; '));
    else v.forEach((x, i) => flatten(x, `${prefix}.${i}`, out));
  } else if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '');
    for (const [k, x] of entries) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix || 'value', String(v));
  }
}

async function* jsonLines(text: AsyncIterable<string>, label: string): AsyncIterable<RawRecord> {
  let line = 1;
  let rest = '';
  for await (const chunk of text) {
    rest += chunk;
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const l = rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      if (l.trim()) yield { line, text: l };
      line++;
    }
    if (rest.length > LIMITS.maxRecordChars) throw new JigsawError('cell_too_large', `${label}: line ${line} is longer than ${LIMITS.maxRecordChars} characters; the file was refused`);
  }
  if (rest.trim()) yield { line, text: rest.replace(/\r$/, '') };
}

/**
 * Finds the records of a JSON array without parsing the whole file: tracks strings and nesting
 * depth character by character and cuts out each element of the record array with its line.
 */
async function* arrayRecords(text: AsyncIterable<string>, label: string): AsyncIterable<RawRecord> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let recordDepth = -1; // depth inside the record array once found
  let finished = false;
  let capturing: 'container' | 'scalar' | null = null;
  let pieces: string[] = [];
  let captured = 0;
  let startLine = 0;
  let topSeen = false;
  for await (const chunk of text) {
    let from = capturing ? 0 : -1;
    const emit = (end: number): RawRecord => {
      pieces.push(chunk.slice(from, end));
      const rec = { line: startLine, text: pieces.join('') };
      pieces = [];
      captured = 0;
      capturing = null;
      from = -1;
      return rec;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (finished) continue;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (!topSeen) {
        topSeen = true;
        if (c !== 91 && c !== 123) throw new JigsawError('unreadable_file', `${label}: not JSON records (it should start with [ or {)`);
      }
      if (capturing === 'scalar' && depth === recordDepth && (c === 44 || c === 93)) yield emit(i);
      if (capturing === null && recordDepth >= 0 && depth === recordDepth && c !== 44 && c !== 93) {
        capturing = c === 123 || c === 91 ? 'container' : 'scalar';
        from = i;
        startLine = line;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        depth++;
        // The record array: the top-level array, or the first array directly inside the top object.
        if (c === 91 && recordDepth < 0 && depth <= 2) recordDepth = depth;
      } else if (c === 125 || c === 93) {
        depth--;
        if (capturing === 'container' && depth === recordDepth) yield emit(i + 1);
        else if (depth === recordDepth - 1 && c === 93) finished = true;
      }
    }
    if (capturing) {
      pieces.push(chunk.slice(from));
      captured += chunk.length - from;
      if (captured > LIMITS.maxRecordChars) throw new JigsawError('cell_too_large', `${label}: the record starting on line ${startLine} is larger than ${LIMITS.maxRecordChars} characters; the file was refused`);
    }
  }
  if (!topSeen) throw new JigsawError('unreadable_file', `${label}: the file holds no JSON`);
  if (recordDepth < 0 && depth === 0) throw new JigsawError('unreadable_file', `${label}: a JSON object without a list of records`);
  if (!finished) {
    const where = capturing ? `in the record starting on line ${startLine}` : `at line ${line}`;
    throw new JigsawError('unreadable_file', `${label}: the JSON ends part-way ${where} (the file looks truncated); nothing was imported`);
  }
}
