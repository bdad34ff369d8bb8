// A workbook of several sheets: the agency lead chooses the one that holds the chronology. Each
// sheet is listed with its rows so a cover or notes sheet is easy to tell from the data.
export function SheetPicker(props: { sheets: { name: string; rows: number; hidden?: boolean }[]; sheet: string | undefined; disabled: boolean; onChoose: (sheet: string) => void }) {
  return (
    <label className="sheet-picker">
      Worksheet to import
      <select data-testid="import-sheet" value={props.sheet ?? ''} disabled={props.disabled} onChange={(e) => props.onChoose(e.target.value)}>
        {props.sheets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} ({s.rows} {s.rows === 1 ? 'row' : 'rows'}{s.hidden ? ', hidden in Excel' : ''})
          </option>
        ))}
      </select>
    </label>
  );
}
