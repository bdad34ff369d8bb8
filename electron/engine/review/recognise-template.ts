// Recognises a filled-in Jigsaw template (the XLSX hidden sheet, the Word document property) so
// the import needs no mapping step: each heading is matched to the field the template gave it.
// A template made for another review, or for another agency than the one named, is refused.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import type { ColumnMapping } from '../../../shared/types.js';
import type { TemplateIdentity } from '../../../shared/review.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { norm } from '../import/columns.js';
import { reviewId } from './settings.js';
import { IDENTITY_PROPERTY, IDENTITY_SHEET, parsePayload, type TemplatePayload } from './template-identity.js';
import { isZip, readZipParts } from './zip-peek.js';

/** A template with tens of thousands of rows is a few MB; past this, no template is looked for. */
const MAX_TEMPLATE_BYTES = 64 * 1024 * 1024;

export interface RecognisedTemplate {
  identity: TemplateIdentity;
  payload: TemplatePayload;
  mapping: ColumnMapping;
  /** Template columns whose heading is not in the file (renamed or deleted). */
  missingColumns: TemplatePayload['columns'];
}

/** Read the template identity from a file, or null when it is not a Jigsaw template. */
export async function readTemplatePayload(file: string): Promise<TemplatePayload | null> {
  if (!isZip(file)) return null;
  const parts = await readZipParts(file, ['xl/workbook.xml', 'docProps/custom.xml']);
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const custom = parts.get('docProps/custom.xml');
  if (custom) {
    const props = [xml.parse(custom)?.Properties?.property ?? []].flat() as { name?: string; 'vt:lpwstr'?: unknown }[];
    const p = props.find((x) => x.name === IDENTITY_PROPERTY);
    if (p) return parsePayload(String(p['vt:lpwstr'] ?? ''));
  }
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) return null;
  const sheets = [xml.parse(workbook)?.workbook?.sheets?.sheet ?? []].flat() as { name?: string }[];
  if (!sheets.some((s) => s.name === IDENTITY_SHEET)) return null;
  // Only now read the whole workbook: a filled-in template is small. A huge workbook that merely
  // has a sheet of that name imports as an ordinary spreadsheet instead.
  if (fs.statSync(file).size > MAX_TEMPLATE_BYTES) return null;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    return null;
  }
  const v = wb.getWorksheet(IDENTITY_SHEET)?.getCell('A1').value;
  return parsePayload(typeof v === 'string' ? v : null);
}

/** Match the file's headings to the template's columns (by heading; by position when all were renamed). */
export function templateMapping(payload: TemplatePayload, headers: string[]): { mapping: ColumnMapping; missing: TemplatePayload['columns'] } {
  const mapping: ColumnMapping = {};
  const missing: TemplatePayload['columns'] = [];
  const index = new Map(headers.map((h, i) => [norm(h), i] as const).reverse());
  for (const c of payload.columns) {
    const i = index.get(norm(c.heading));
    if (i === undefined) missing.push(c);
    else mapping[c.field] = i;
  }
  if (missing.length === payload.columns.length && headers.length === payload.columns.length) {
    payload.columns.forEach((c, i) => (mapping[c.field] = i));
    return { mapping, missing: [] };
  }
  return { mapping, missing };
}

export async function recogniseTemplate(caseFile: CaseFile, file: string, headers: string[], agency?: string): Promise<RecognisedTemplate | null> {
  const payload = await readTemplatePayload(file);
  if (!payload) return null;
  const ours = reviewId(caseFile);
  if (payload.reviewId !== ours) {
    throw new JigsawError('wrong_review', `This file is a Jigsaw template for another review (template for ${payload.agency}); it was not imported. Check you chose the right file.`);
  }
  if (agency && agency.trim().toLowerCase() !== payload.agency.toLowerCase()) {
    throw new JigsawError('wrong_agency', `This template was made for ${payload.agency}, not ${agency.trim()}; import it as ${payload.agency}, or choose that agency's file.`);
  }
  const { mapping, missing } = templateMapping(payload, headers);
  return { identity: { reviewId: payload.reviewId, agency: payload.agency, templateVersion: payload.templateVersion }, payload, mapping, missingColumns: missing };
}
