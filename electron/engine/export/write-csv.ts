// CSV for any spreadsheet: UTF-8 with a BOM (so Excel reads the accents), CRLF lines, every
// field quoted, cells neutralised against formula injection.
import { neutralise } from './neutralise.js';

function field(s: string): string {
  return `"${neutralise(s).replaceAll('"', '""')}"`;
}

export function toCsv(header: string[], rows: string[][]): Uint8Array {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return new Uint8Array(Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'));
}
