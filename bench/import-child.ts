// One measured import, in a process of its own so its peak memory is its own:
// `node --import tsx bench/import-child.ts <extract.csv> <case.jigsaw> [thread]` prints {rows, ms, peakRssMb};
// `thread` plans the rows in the importing thread instead of on a worker of their own.
import { CaseFile } from '../electron/engine/case-file.js';
import { importExtract } from '../electron/engine/import/import-extract.js';

const [file, casePath, mode] = process.argv.slice(2);
const c = CaseFile.open(casePath!, { create: true });
const started = performance.now();
const r = await importExtract(c, file!, { agency: 'Police', now: new Date('2026-01-01T00:00:00Z'), ...(mode === 'thread' ? { planOnWorker: false } : {}) });
const ms = performance.now() - started;
c.close();
const problems = r.rejected.length + r.duplicates.length + r.warnings.length;
process.stdout.write(`${JSON.stringify({ rows: r.imported, problems, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
