// The request pack for one agency: the XLSX template, the Word table template and the cover note,
// each as bytes with a file name (the UI downloads them, the CLI writes them to a folder).
import type { PackFile, PackKind } from '../../../shared/review.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { buildCoverNote, buildDocxTemplate } from './docx-template.js';
import { getReviewSettings } from './settings.js';
import { slug, templatePayload } from './template-identity.js';
import { buildXlsxTemplate } from './xlsx-template.js';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function requestPack(caseFile: CaseFile, agency: string, kind: PackKind): Promise<PackFile> {
  const name = agency.trim();
  if (!name) throw new JigsawError('bad_request', 'Name the agency the request pack is for');
  const view = getReviewSettings(caseFile);
  const payload = templatePayload(view.settings, { reviewId: view.reviewId, agency: name, templateVersion: view.revision });
  const stem = `${slug(name)}-v${view.revision}`;
  if (kind === 'xlsx') return { fileName: `chronology-template-${stem}.xlsx`, mimeType: MIME.xlsx, bytes: new Uint8Array(await buildXlsxTemplate(view.settings, payload)) };
  if (kind === 'docx') return { fileName: `chronology-template-${stem}.docx`, mimeType: MIME.docx, bytes: new Uint8Array(await buildDocxTemplate(view.settings, payload)) };
  return { fileName: `cover-note-${stem}.docx`, mimeType: MIME.docx, bytes: new Uint8Array(await buildCoverNote(view.settings, name, view.revision)) };
}

export const PACK_KINDS: PackKind[] = ['xlsx', 'docx', 'cover'];
