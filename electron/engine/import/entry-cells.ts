// How a row's cells become an entry's values: a mapped cell as the entry holds it, and the entry's
// text (the notes column, or with none every unmapped cell labelled with its heading).
import type { ColumnMapping } from '../../../shared/types.js';
import { extraTextColumns, looksLikeProse, personNameParts } from './columns.js';

/** A mapped cell: trimmed, null when empty or unmapped (-1), line endings normalised. */
export function mappedCell(cells: string[], i: number): string | null {
  if (i < 0) return null;
  const raw = cells[i];
  if (raw === undefined || raw === '') return null;
  // Entries get normalised line endings; the raw row keeps the file's own.
  const v = raw.trim();
  if (v === '') return null;
  return v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
}

/** The text an entry shows and is searched by; nothing an agency wrote is missing from it. */
export function entryText(cells: string[], headers: string[], mapping: ColumnMapping): string {
  const t = mappedCell(cells, mapping.text ?? -1);
  if (t) {
    // A second notes-like column ("Details" beside "Summary", "Action taken" beside "Outcome"): added, labelled.
    let text = t;
    for (const x of extraTextColumns(headers, mapping)) {
      const v = mappedCell(cells, x.index);
      if (v && (!x.proseOnly || looksLikeProse(v))) text += `\n${x.label}: ${v}`;
    }
    return text;
  }
  // No notes column: keep every unmapped cell, labelled, so nothing is lost from the timeline.
  const used = new Set(Object.values(mapping));
  return cells
    .map((c, i) => (used.has(i) || !c.trim() ? null : `${headers[i] || `Column ${i + 1}`}: ${c.trim()}`))
    .filter(Boolean)
    .join('; ');
}

const namePartsCache = new WeakMap<ColumnMapping, { headers: string[]; parts: ReturnType<typeof personNameParts> }>();

/** The person the row names: the person column, or a forename and surname column read together. */
export function personCell(cells: string[], headers: string[], mapping: ColumnMapping): string | null {
  let hit = namePartsCache.get(mapping);
  if (!hit || hit.headers !== headers) {
    hit = { headers, parts: personNameParts(headers, mapping) };
    namePartsCache.set(mapping, hit);
  }
  if (!hit.parts) return mappedCell(cells, mapping.person ?? -1);
  const name = [mappedCell(cells, hit.parts.first), mappedCell(cells, hit.parts.last)].filter(Boolean).join(' ');
  return name || null;
}
