// What the import dialog shows of an uploaded file before anything is written: its format, header
// row, first rows and proposed mapping, and for a workbook of several sheets every sheet with its
// rows, so the agency lead can choose the one that holds the chronology.
import type { StagedFile } from '../../../shared/types.js';
import type { CaseFile } from '../case-file.js';
import { recogniseTemplate } from '../review/recognise-template.js';
import { previewSource } from './import-extract.js';
import { openSource, type SheetSummary } from './sources/index.js';

const SAMPLE_ROWS = 8;
const SAMPLE_CELL_CHARS = 300;

/**
 * `sheet`: the worksheet to preview (otherwise the busiest); `sheets`: the workbook's sheets as
 * counted when the file was first staged, so choosing another sheet does not count them again.
 */
export async function stagedPreview(
  caseFile: CaseFile, file: string, stagedId: string, fileName: string, choice: { sheet?: string; sheets?: SheetSummary[] } = {},
): Promise<StagedFile> {
  const source = await openSource(file, { sheet: choice.sheet, listSheets: choice.sheets === undefined }, fileName);
  const p = await previewSource(source);
  // A filled-in review template brings its own exact mapping and agency (engine/review).
  const template = await recogniseTemplate(caseFile, file, p.headers);
  const sheets = choice.sheets ?? source.sheets;
  const start = Math.max(p.headerIndex, -1) + 1;
  return {
    stagedId,
    fileName,
    format: p.format,
    headerRow: p.headerIndex >= 0 ? p.head[p.headerIndex]!.row : 0,
    headers: p.headerIndex >= 0 ? p.headers : (p.head[0]?.cells ?? []).map((_, i) => `Column ${i + 1}`),
    sampleRows: p.head
      .slice(start, start + SAMPLE_ROWS)
      .map((r) => r.cells.map((c) => (c.length > SAMPLE_CELL_CHARS ? `${c.slice(0, SAMPLE_CELL_CHARS)}…` : c))),
    mapping: template?.mapping ?? p.mapping,
    ...(template && { template: { agency: template.identity.agency, templateVersion: template.identity.templateVersion } }),
    ...(sheets && sheets.length > 1 && { sheets }),
    ...(source.sheet !== undefined && sheets && sheets.length > 1 && { sheet: source.sheet }),
  };
}
