// CSV for any spreadsheet: UTF-8 with a BOM (so Excel reads the accents), CRLF lines, every
// field quoted, cells neutralised against formula injection.
import { joinBytes } from './export-progress.js';
import type { WriterInput } from './export-writer.js';
import { neutralise } from './neutralise.js';

function field(s: string): string {
  return `"${neutralise(s).replaceAll('"', '""')}"`;
}

const line = (cells: string[]): string => `${cells.map(field).join(',')}\r\n`;

export function toCsv(header: string[], rows: string[][]): Uint8Array {
  return new Uint8Array(Buffer.from(`\uFEFF${[header, ...rows].map(line).join('')}`, 'utf8'));
}

/** The chronology as CSV, encoded a few hundred rows at a time rather than as one string. */
export async function chronologyCsv({ head, rows }: WriterInput): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let text = `\uFEFF${line(head.columns.map((c) => c.header))}`;
  for await (const r of rows) {
    text += line(head.columns.map((c) => r[c.key] ?? ''));
    if (text.length >= 1 << 16) {
      chunks.push(Buffer.from(text, 'utf8'));
      text = '';
    }
  }
  chunks.push(Buffer.from(text, 'utf8'));
  return joinBytes(chunks);
}
