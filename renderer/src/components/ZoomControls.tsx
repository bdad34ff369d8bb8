// Zoom presets (day, week, month, year, whole review) and zoom in/out buttons.

/** Label and length in days (null: the whole review). */
export const PRESETS: [string, number | null][] = [
  ['Day', 1],
  ['Week', 7],
  ['Month', 31],
  ['Year', 366],
  ['Whole review', null],
];

export function ZoomControls({ onPreset, onZoom }: { onPreset: (days: number | null) => void; onZoom: (factor: number) => void }) {
  return (
    <div className="zoom-controls" role="toolbar" aria-label="Zoom">
      {PRESETS.map(([label, days]) => (
        <button key={label} type="button" data-testid={`zoom-${label.toLowerCase().replace(/\s+/g, '-')}`} onClick={() => onPreset(days)}>
          {label}
        </button>
      ))}
      <button type="button" onClick={() => onZoom(0.5)} aria-label="Zoom in">+</button>
      <button type="button" onClick={() => onZoom(2)} aria-label="Zoom out">−</button>
    </div>
  );
}
