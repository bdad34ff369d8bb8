// Finds the engine's entry (or report line) for each labelled row. Row numbers are tried first;
// when an engine numbers a format's rows another way (a JSON array by line, say), the label's key
// (verbatim text of the row) finds the entry instead, and report lines are placed between the
// entries either side.
import type { Labels, LabelRow } from './labels.js';
import { rowKey } from './labels.js';
import type { Observed, ObservedEntry } from './run-case.js';

export interface RowMatch {
  /** label "file#row" -> entry */
  entryOf: Map<string, ObservedEntry>;
  /** label "file#row" -> the engine's report row (rejected, duplicate or warning), when reported */
  reportedAs: Map<string, string>;
  /** Entries no labelled row explains. */
  unlabelled: ObservedEntry[];
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();
/** Where the row starts in its file, as labels number rows (eval/LABELS.md): a CSV record's first line, else the engine's row. */
const startOf = (r: { row: number; line?: number }): number => r.line ?? r.row;

export function matchRows(labels: Labels, observed: Observed): RowMatch {
  const entryOf = new Map<string, ObservedEntry>();
  const used = new Set<number>();
  const byFile = new Map<string, ObservedEntry[]>();
  for (const e of observed.entries) byFile.set(e.source.file, [...(byFile.get(e.source.file) ?? []), e]);

  const has = (e: ObservedEntry, key: string | undefined): boolean => !key || norm(e.rawText).includes(norm(key));
  for (const r of labels.rows) {
    const candidates = byFile.get(r.file) ?? [];
    let e = candidates.find((c) => startOf(c.source) === r.row && has(c, r.key));
    if (!e && r.key) e = candidates.find((c) => !used.has(c.id) && has(c, r.key));
    if (e && !used.has(e.id)) {
      entryOf.set(rowKey(r.file, r.row), e);
      used.add(e.id);
    }
  }

  const reportedAs = new Map<string, string>();
  for (const rep of observed.reports) {
    const lines = new Map<number, string>();
    for (const p of rep.rejected) lines.set(startOf(p), `rejected: ${p.reason}`);
    for (const d of rep.duplicates) lines.set(startOf(d), `duplicate of ${d.duplicateOfLine ?? d.duplicateOf}`);
    for (const w of rep.warnings) if (!lines.has(startOf(w))) lines.set(startOf(w), `warning: ${w.reason}`);
    const rows = labels.rows.filter((r) => r.file === rep.file).sort((a, b) => a.row - b.row);
    for (const [i, r] of rows.entries()) {
      const k = rowKey(r.file, r.row);
      const mine = entryOf.get(k);
      if (mine) {
        // a warning on an imported row still counts as reported (e.g. an uncertain date)
        const w = lines.get(startOf(mine.source));
        if (w) reportedAs.set(k, w);
        continue;
      }
      const direct = lines.get(r.row);
      if (direct && identityNumbering(rows, entryOf)) {
        reportedAs.set(k, direct);
        continue;
      }
      const lo = engineRowBefore(rows, i, entryOf);
      const hi = engineRowAfter(rows, i, entryOf);
      const between = [...lines].filter(([n]) => n > lo && n < hi).map(([, w]) => w);
      if (between.length) reportedAs.set(k, between[0]!);
      else if (direct) reportedAs.set(k, direct);
    }
  }
  const unlabelled = observed.entries.filter((e) => !used.has(e.id));
  return { entryOf, reportedAs, unlabelled };
}

function identityNumbering(rows: LabelRow[], entryOf: Map<string, ObservedEntry>): boolean {
  return rows.every((r) => {
    const e = entryOf.get(rowKey(r.file, r.row));
    return !e || startOf(e.source) === r.row;
  });
}

function engineRowBefore(rows: LabelRow[], i: number, entryOf: Map<string, ObservedEntry>): number {
  for (let j = i - 1; j >= 0; j--) {
    const e = entryOf.get(rowKey(rows[j]!.file, rows[j]!.row));
    if (e) return startOf(e.source);
  }
  return 0;
}

function engineRowAfter(rows: LabelRow[], i: number, entryOf: Map<string, ObservedEntry>): number {
  for (let j = i + 1; j < rows.length; j++) {
    const e = entryOf.get(rowKey(rows[j]!.file, rows[j]!.row));
    if (e) return startOf(e.source);
  }
  return Number.MAX_SAFE_INTEGER;
}
