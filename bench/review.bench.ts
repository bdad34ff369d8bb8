// What the review adds to an import, and what silent periods and request packs cost: the same
// generated CSV imported into a case without review settings (the baseline) and into one with
// them (rule checks on), in the same run; silent periods against a bare scan of the same dates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseFile } from '../electron/engine/case-file.js';
import { importExtract } from '../electron/engine/import/import-extract.js';
import { requestPack } from '../electron/engine/review/request-pack.js';
import { getReviewSettings, updateReviewSettings } from '../electron/engine/review/settings.js';
import { silentPeriods } from '../electron/engine/review/silent-periods.js';
import type { BenchRow } from './types.js';

const ROWS = Number(process.env.JIGSAW_BENCH_REVIEW_ROWS ?? 200_000);
const seconds = (t0: number): number => (performance.now() - t0) / 1000;

function writeCsv(file: string): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Date,Time,Contact type,Practitioner role,Event (facts only),People involved,Action / outcome\n');
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    // Mostly in order, a jump forward every 7th row (so some rows come back out of order), a blank role every 50th.
    const d = new Date(Date.UTC(2012, 0, 1) + Math.floor((i / ROWS) * 4000) * 86_400_000 + (i % 7 === 0 ? 40 * 86_400_000 : 0));
    buf += `${d.toISOString().slice(0, 10)},10:${String(i % 60).padStart(2, '0')},Home visit,${i % 50 ? 'Support worker' : ''},"Visit ${i}: seen at home, concerns about weight loss noted",Rowan Pellow,Follow-up booked\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

export default async function reviewBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-review-'));
  try {
    const csv = path.join(dir, 'extract.csv');
    writeCsv(csv);
    const size = `${ROWS.toLocaleString('en-GB')} rows`;

    const plain = CaseFile.open(path.join(dir, 'plain.jigsaw'), { create: true });
    let t0 = performance.now();
    await importExtract(plain, csv, { agency: 'Housing' });
    const plainSec = seconds(t0);
    plain.close();

    const ruled = CaseFile.open(path.join(dir, 'review.jigsaw'), { create: true });
    updateReviewSettings(ruled, { name: 'bench', role: 'bench' }, { ...getReviewSettings(ruled).settings, periodFrom: '2012-01-01', periodTo: '2024-12-31', agencies: ['Housing'] });
    t0 = performance.now();
    const r = await importExtract(ruled, csv, { agency: 'Housing' });
    const ruledSec = seconds(t0);

    t0 = performance.now();
    let n = 0;
    for (const _row of ruled.db.prepare('SELECT date, date_to FROM entries WHERE active = 1 ORDER BY date').iterate()) n++;
    const scanSec = seconds(t0);
    t0 = performance.now();
    const silent = silentPeriods(ruled, { gapDays: 30 });
    const silentSec = seconds(t0);

    t0 = performance.now();
    const xlsx = await requestPack(ruled, 'Housing', 'xlsx');
    const xlsxSec = seconds(t0);
    t0 = performance.now();
    const docx = await requestPack(ruled, 'Housing', 'docx');
    const docxSec = seconds(t0);
    ruled.close();

    return [
      { benchmark: 'review', size, measure: 'import with review rule checks', value: ruledSec, unit: 's', baseline: 'same import, no review settings', baselineValue: plainSec, ratio: ruledSec / plainSec, note: `${r.warnings.length} rule warnings` },
      { benchmark: 'review', size, measure: 'silent periods (subject + per agency)', value: silentSec, unit: 's', baseline: 'bare ordered scan of the dates', baselineValue: scanSec, ratio: silentSec / scanSec, note: `${n} entries, ${silent.subject.length} silent spans` },
      { benchmark: 'review', size: '1 agency', measure: 'XLSX template', value: xlsxSec * 1000, unit: 'ms', note: `${xlsx.bytes.length} bytes` },
      { benchmark: 'review', size: '1 agency', measure: 'Word template', value: docxSec * 1000, unit: 'ms', note: `${docx.bytes.length} bytes` },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
