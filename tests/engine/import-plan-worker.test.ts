// Large extracts are read and planned on a worker thread while the import stores rows: the result
// must be exactly what planning in the same thread gives, for every kind of row, and a refusal or
// a cancel on the worker's side must leave the case as it was.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { Engine } from '../../electron/engine/engine';
import { importExtract, PLAN_ON_WORKER_FROM_BYTES } from '../../electron/engine/import/import-extract';
import { BATCH_ROWS, planWorkerScript } from '../../electron/engine/import/plan-stream';
import { tempCase, tempDir, writeFile } from './helpers';

/** Every kind of row the planner decides, repeated past several batches. */
function messyExtract(repeats: number, dateOrder: 'month-first' | 'mixed'): string {
  const lines = ['Police extract for the review', 'Ref,Date,Time,Incident Type,Details,Officer'];
  for (let i = 0; i < repeats; i++) {
    const d = (i % 28) + 1;
    const m = (i % 12) + 1;
    const y = 2015 + (i % 5);
    // Ambiguous (both parts <= 12) and, in a month-first file, proof that it is month-first.
    lines.push(`R${i}a,${String(m).padStart(2, '0')}/${String(Math.min(d, 12)).padStart(2, '0')}/${y},09:30,Concern,"Note ${i}, first line`, `second line",PC ${i % 40}`);
    lines.push(dateOrder === 'month-first' ? `R${i}b,${m}/${d}/${y},,999 call,Call ${i},PC 1` : `R${i}b,${d}/${m}/${y},,999 call,Call ${i},PC 1`);
    if (i % 97 === 0) lines.push(`R${i}a,${String(m).padStart(2, '0')}/${String(Math.min(d, 12)).padStart(2, '0')}/${y},09:30,Concern,"Note ${i}, first line`, `second line",PC ${i % 40}`);
    if (i % 101 === 0) lines.push(',,,,,');
    if (i % 103 === 0) lines.push(`X${i},31/02/2016,,999 call,Impossible,PC 2`);
    if (i % 107 === 0) lines.push(`F${i},01/03/2099,,999 call,Future,PC 3`);
    if (i % 109 === 0) lines.push('Ref,Date,Time,Incident Type,Details,Officer');
    if (i % 113 === 0) lines.push(`N${i},,10:00,999 call,No date,PC 4`);
    if (i % 127 === 0) lines.push(`T${i},03/04/2016,25:99,999 call,Bad time,PC 5`);
    // A mixed file also holds month-first dates, so it proves neither order.
    if (dateOrder === 'mixed' && i % 131 === 0) lines.push(`M${i},12/31/2016,,999 call,Month first,PC 6`);
  }
  return lines.join('\r\n');
}

function tables(c: CaseFile): unknown[] {
  return [
    c.db.prepare('SELECT row_number, line, cells_json, content_hash FROM raw_rows ORDER BY id').all(),
    c.db.prepare(`SELECT e.date, e.date_to, e.precision, e.original_date, e.time, e.contact_type, e.text, e.practitioner, e.reference, e.flags, r.row_number
                  FROM entries e JOIN raw_rows r ON r.id = e.raw_row_id ORDER BY e.id`).all(),
    c.db.prepare('SELECT row_number, line, kind, reason, message, duplicate_of FROM import_problems ORDER BY id').all(),
  ];
}

describe('planning rows on a worker thread', () => {
  it('finds its worker script', () => {
    expect(planWorkerScript()).not.toBeNull();
  });

  for (const order of ['month-first', 'mixed'] as const) {
    it(`gives exactly the in-thread result for a ${order} extract with every kind of bad row`, async () => {
      const file = writeFile(tempDir(), 'police.csv', messyExtract(3 * BATCH_ROWS, order));
      const now = new Date('2026-01-01T00:00:00Z');
      const here = tempCase('here.jigsaw');
      const there = tempCase('there.jigsaw');
      const inThread = await importExtract(here, file, { agency: 'Police', now, planOnWorker: false });
      const onWorker = await importExtract(there, file, { agency: 'Police', now, planOnWorker: true });
      expect(onWorker).toEqual(inThread);
      expect(tables(there)).toEqual(tables(here));
      // The file exercised what it was meant to.
      const reasons = new Set([...inThread.rejected, ...inThread.warnings].map((p) => p.reason));
      expect([...reasons].sort()).toEqual(
        order === 'mixed'
          ? ['ambiguous_date', 'empty_row', 'future_date', 'impossible_date', 'missing_date', 'repeated_header', 'unreadable_date']
          : ['empty_row', 'future_date', 'impossible_date', 'missing_date', 'repeated_header', 'unreadable_date'],
      );
      expect(inThread.duplicates.length).toBeGreaterThan(0);
      // Its multi-line cells put most rows on a later line than their number: lines cross the thread too.
      expect(there.db.prepare('SELECT count(*) FROM raw_rows WHERE line IS NOT NULL').pluck().get()).toBeGreaterThan(BATCH_ROWS);
      const flagged = there.db.prepare(`SELECT count(*) FROM entries WHERE instr(flags, 'ambiguous_date') > 0`).pluck().get() as number;
      if (order === 'mixed') expect(flagged).toBe(inThread.warnings.filter((w) => w.reason === 'ambiguous_date').length);
      else expect(flagged).toBe(0);
    });
  }

  it('a month-first file has its ambiguous dates swapped, not flagged', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'gp.csv', ['Date,Details', '03/04/2016,Ambiguous', '12/31/2016,Proves month-first'].join('\n'));
    const r = await importExtract(c, file, { agency: 'GP', planOnWorker: true });
    expect(r.warnings).toEqual([]);
    expect(c.db.prepare('SELECT date, flags FROM entries ORDER BY id').all()).toEqual([
      { date: '2016-03-04', flags: '' },
      { date: '2016-12-31', flags: '' },
    ]);
  });

  it('a refusal on the worker (too many columns) leaves the case as it was', async () => {
    const c = tempCase();
    const lines = ['Date,Details', ...Array.from({ length: 5000 }, (_, i) => `01/02/2016,Row ${i}`), `01/02/2016,${Array.from({ length: 600 }, () => 'x').join(',')}`];
    const file = writeFile(tempDir(), 'wide.csv', lines.join('\n'));
    await expect(importExtract(c, file, { agency: 'Police', planOnWorker: true })).rejects.toMatchObject({ code: 'too_many_columns' });
    expect(c.db.prepare('SELECT (SELECT count(*) FROM extracts) + (SELECT count(*) FROM raw_rows) + (SELECT count(*) FROM entries)').pluck().get()).toBe(0);
    // The connection is left as it was found: foreign keys still enforced.
    expect(c.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a cancel part-way stops the worker and rolls everything back', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'police.csv', messyExtract(20 * BATCH_ROWS, 'month-first'));
    const abort = new AbortController();
    let progressSeen = 0;
    const running = importExtract(c, file, {
      agency: 'Police', planOnWorker: true, signal: abort.signal,
      onProgress: () => {
        if (++progressSeen === 2) abort.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(progressSeen).toBe(2);
    expect(c.db.prepare('SELECT (SELECT count(*) FROM extracts) + (SELECT count(*) FROM raw_rows) + (SELECT count(*) FROM entries)').pluck().get()).toBe(0);
  });

  it('a cancel after the last rows are stored, before the commit, still leaves nothing', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'small.csv', ['Date,Details', '01/02/2016,One batch only', '02/02/2016,Still one batch'].join('\n'));
    const abort = new AbortController();
    // Progress comes once per batch, after it is stored: with one batch, this is the end of the rows.
    const running = importExtract(c, file, { agency: 'Police', signal: abort.signal, onProgress: (p) => p.percent < 100 && abort.abort() });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(c.db.prepare('SELECT (SELECT count(*) FROM extracts) + (SELECT count(*) FROM entries)').pluck().get()).toBe(0);
  });

  it('the engine imports a large file through its import worker, which plans on a worker of its own', async () => {
    const dir = tempDir();
    // Clean rows with a few bad ones, just past the size where the worker is used.
    const row = (i: number): string => `R${i},${(i % 28) + 1}/${(i % 12) + 1}/${2015 + (i % 5)},10:${String(i % 60).padStart(2, '0')},Concern,"Neighbour reports shouting from the flat late at night, call ${i}",PC ${i % 40}`;
    const lines = ['Ref,Date,Time,Incident Type,Details,Officer'];
    for (let i = 0; Buffer.byteLength(lines.join('\n')) < PLAN_ON_WORKER_FROM_BYTES + 100_000; i++) {
      for (let j = 0; j < 1000; j++) lines.push(i % 50 === 0 && j === 0 ? `B${i},31/02/2016,,Call,Impossible,PC 1` : row(i * 1000 + j));
    }
    const body = lines.join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(PLAN_ON_WORKER_FROM_BYTES);
    const reference = await importExtract(tempCase('reference.jigsaw'), writeFile(dir, 'police.csv', body), { agency: 'Police', planOnWorker: false });
    const engine = new Engine(CaseFile.open(path.join(dir, 'case.jigsaw'), { create: true }), { settingsFile: path.join(dir, 'settings.json') });
    try {
      const staged = await engine.stageFile({ fileName: 'police.csv', bytes: Buffer.from(body) });
      const report = await engine.importStaged({ stagedId: staged.stagedId, agency: 'Police' });
      expect({ ...report, extractId: null }).toEqual({ ...reference, extractId: null });
      expect((await engine.getCase()).entryCount).toBe(reference.imported);
    } finally {
      engine.close();
    }
  }, 180_000);
});
