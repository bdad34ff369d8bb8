// The chronology as a printed page shows it: fewer, wider columns than the spreadsheet (a
// landscape page holds about eight), facts and analysis still apart.
import type { ExportHead, ExportRow } from './chronology-table.js';

export interface DocumentView {
  headers: string[];
  /** Relative widths; renderers share the page width in proportion. */
  widths: number[];
  /** One row's cells, in the order of `headers`; `key` when it is a key episode (shaded). */
  row(r: ExportRow): { cells: string[]; key: boolean };
}

const join = (...parts: string[]): string => parts.filter(Boolean).join('\n');

export function documentView(h: ExportHead): DocumentView {
  const cols: { header: string; width: number; cell: (r: ExportRow) => string }[] = [
    { header: 'Seq', width: 4, cell: (r) => (r.keyEpisode ? `${r.seq}\nKEY` : r.seq!) },
    { header: 'Date and time', width: 9, cell: (r) => join(r.date!, r.time!) },
    { header: 'Agency', width: 9, cell: (r) => r.agency! },
    { header: 'Contact and practitioner', width: 11, cell: (r) => join(r.contactType!, r.practitioner!) },
    { header: 'People', width: 9, cell: (r) => r.people! },
    { header: 'Event (facts)', width: 30, cell: (r) => join(r.event!, r.corrections ? `Correction: ${r.corrections}` : '') },
    { header: 'Action / outcome', width: 14, cell: (r) => r.outcome! },
  ];
  if (h.includeAnalysis) {
    cols.push({
      header: 'Analysis',
      width: 22,
      cell: (r) => join(r.themes ? `Themes: ${r.themes}` : '', r.agencyAnalysis ? `Agency: ${r.agencyAnalysis}` : '', r.chairAnalysis ? `Reviewer: ${r.chairAnalysis}` : ''),
    });
  }
  cols.push({ header: 'Source', width: 10, cell: (r) => r.source! });
  return {
    headers: cols.map((c) => c.header),
    widths: cols.map((c) => c.width),
    row: (r) => ({ cells: cols.map((c) => c.cell(r)), key: r.keyEpisode === 'Yes' }),
  };
}
