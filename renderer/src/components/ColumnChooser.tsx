// Which of the chronology table's columns are shown (at least one); the table remembers the choice.
import type { ChronologyColumn } from './ChronologyColumns';

export function ColumnChooser({ columns, shown, onChange }: { columns: readonly ChronologyColumn[]; shown: string[]; onChange: (keys: string[]) => void }) {
  const toggle = (key: string, on: boolean) => {
    // Kept in the table's own column order, whatever order they were ticked in.
    const next = columns.filter((c) => (c.key === key ? on : shown.includes(c.key))).map((c) => c.key);
    if (next.length) onChange(next);
  };
  return (
    <details className="column-chooser">
      <summary>Columns ({shown.length} of {columns.length})</summary>
      <fieldset>
        <legend>Columns shown</legend>
        {columns.map((c) => (
          <label key={c.key}>
            <input type="checkbox" checked={shown.includes(c.key)} disabled={shown.length === 1 && shown.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} /> {c.header}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
