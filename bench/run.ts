// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one
// table. Each benchmark measures its baseline in the same run and reports the ratio against it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './types.js';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const f of files) {
  process.stderr.write(`running ${f}…\n`);
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default: () => Promise<BenchRow[]> };
  rows.push(...(await mod.default()));
}

const fmt = (n: number | null | undefined, unit = ''): string => (n === null || n === undefined ? '' : `${Number.isInteger(n) ? n : n.toFixed(n < 10 ? 2 : 1)}${unit}`);
const header = ['benchmark', 'size', 'measure', 'value', 'baseline', 'baseline value', 'ratio', 'target', 'note'];
const table = rows.map((r) => [r.benchmark, r.size, r.measure, fmt(r.value, r.unit), r.baseline ?? '', fmt(r.baselineValue, r.unit), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`, r.target ?? '', r.note ?? '']);
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(line(header));
console.log(line(header.map(() => '---')));
for (const r of table) console.log(line(r));
