// What a corrected upload changed against the agency's previous version: counts, then the rows
// (by their row numbers in each file) that were added, removed or changed, and which columns.
import type { ImportDiff, RowRef } from '../../../shared/import';
import { count, rowLabel } from '../../../shared/words';

// "row 4; row 9, line 12": a label may hold a comma of its own, so they are parted by semicolons.
const rowList = (rows: RowRef[], total: number) => `${rows.map((r) => rowLabel(r.row, r.line)).join('; ')}${total > rows.length ? `; and ${total - rows.length} more` : ''}`;

export function ImportDiffView({ diff }: { diff: ImportDiff }) {
  return (
    <section className="import-diff" data-testid="import-diff" aria-label="Changes since the previous version">
      <p>
        Compared with version {diff.previousVersion} ({diff.previousFile}): {count(diff.added, 'row')} added, {diff.removed} removed,{' '}
        {diff.changed} changed, {diff.unchanged} unchanged. Changed rows are matched by {diff.matchedBy}; the previous version is kept.
      </p>
      <ul>
        {diff.added > 0 && <li>Added: {rowList(diff.addedRows, diff.added)}</li>}
        {diff.removed > 0 && <li>Removed: {rowList(diff.removedRows, diff.removed)} of {diff.previousFile}</li>}
        {diff.changedRows.map((c) => (
          <li key={c.row}>
            Changed: {rowLabel(c.row, c.line)} (was {rowLabel(c.previousRow, c.previousLine)}): {c.columns.join(', ') || 'spacing only'}
          </li>
        ))}
        {diff.changed > diff.changedRows.length && <li>and {count(diff.changed - diff.changedRows.length, 'more changed row')}</li>}
      </ul>
    </section>
  );
}
