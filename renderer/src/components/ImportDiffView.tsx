// What a corrected upload changed against the agency's previous version: counts, then the rows
// (by their row numbers in each file) that were added, removed or changed, and which columns.
import type { ImportDiff } from '../../../shared/import';
import { count } from '../../../shared/words';

const rowList = (rows: number[], total: number) => `${rows.join(', ')}${total > rows.length ? `, and ${total - rows.length} more` : ''}`;

export function ImportDiffView({ diff }: { diff: ImportDiff }) {
  return (
    <section className="import-diff" data-testid="import-diff" aria-label="Changes since the previous version">
      <p>
        Compared with version {diff.previousVersion} ({diff.previousFile}): {count(diff.added, 'row')} added, {diff.removed} removed,{' '}
        {diff.changed} changed, {diff.unchanged} unchanged. Changed rows are matched by {diff.matchedBy}; the previous version is kept.
      </p>
      <ul>
        {diff.added > 0 && <li>Added: row {rowList(diff.addedRows, diff.added)}</li>}
        {diff.removed > 0 && <li>Removed: row {rowList(diff.removedRows, diff.removed)} of {diff.previousFile}</li>}
        {diff.changedRows.map((c) => (
          <li key={c.row}>
            Changed: row {c.row} (was row {c.previousRow}): {c.columns.join(', ') || 'spacing only'}
          </li>
        ))}
        {diff.changed > diff.changedRows.length && <li>and {diff.changed - diff.changedRows.length} more changed rows</li>}
      </ul>
    </section>
  );
}
