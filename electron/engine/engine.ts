// The engine behind the contract: one open case, implementing `JigsawApi` in plain Node. The
// Electron shell and the web host both call it through `dispatch`, after validating arguments.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ApiErrorShape, type ApiMethod, type JigsawApi } from '../../shared/api.js';
import type { ColumnMapping, EntryDetail, EntryPage, EntryQuery, ImportReport, StagedFile, CaseSummary } from '../../shared/types.js';
import type { Actor } from './audit.js';
import { CaseFile } from './case-file.js';
import { JigsawError } from './errors.js';
import { importExtract, previewFile } from './import/import-extract.js';

export class Engine implements JigsawApi {
  private readonly stagingDir: string;
  private readonly staged = new Map<string, { file: string; fileName: string }>();
  /** Who is making changes: stamped on every audit row. */
  actor: Actor = { name: 'Unknown user', role: 'unknown' };

  constructor(readonly caseFile: CaseFile) {
    // Uploaded bytes wait here, readable by this user only, until imported or the engine closes.
    this.stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-staging-'));
    fs.chmodSync(this.stagingDir, 0o700);
  }

  close(): void {
    fs.rmSync(this.stagingDir, { recursive: true, force: true });
    this.caseFile.close();
  }

  async getCase(): Promise<CaseSummary> {
    return this.caseFile.summary();
  }

  async stageFile(f: { fileName: string; bytes: Uint8Array }): Promise<StagedFile> {
    const stagedId = crypto.randomBytes(16).toString('hex');
    const file = path.join(this.stagingDir, stagedId);
    fs.writeFileSync(file, f.bytes, { mode: 0o600 });
    const fileName = path.basename(f.fileName);
    try {
      const p = await previewFile(file);
      this.staged.set(stagedId, { file, fileName });
      const start = Math.max(p.headerIndex, -1) + 1;
      return {
        stagedId,
        fileName,
        format: p.format,
        headerRow: p.headerIndex >= 0 ? p.head[p.headerIndex]!.row : 0,
        headers: p.headerIndex >= 0 ? p.headers : (p.head[0]?.cells ?? []).map((_, i) => `Column ${i + 1}`),
        sampleRows: p.head.slice(start, start + 8).map((r) => r.cells.map((c) => (c.length > 300 ? `${c.slice(0, 300)}…` : c))),
        mapping: p.mapping,
      };
    } catch (err) {
      fs.rmSync(file, { force: true });
      if (err instanceof JigsawError) err.message = err.message.replace(stagedId, fileName);
      throw err;
    }
  }

  async importStaged(req: { stagedId: string; agency: string; mapping?: ColumnMapping }): Promise<ImportReport> {
    const s = this.staged.get(req.stagedId);
    if (!s) throw new JigsawError('not_found', 'That upload has expired; choose the file again');
    try {
      return await importExtract(this.caseFile, s.file, { agency: req.agency, fileName: s.fileName, mapping: req.mapping });
    } finally {
      this.staged.delete(req.stagedId);
      fs.rmSync(s.file, { force: true });
    }
  }

  async listEntries(q: EntryQuery): Promise<EntryPage> {
    return this.caseFile.listEntries(q);
  }

  async getEntry(id: number): Promise<EntryDetail> {
    return this.caseFile.getEntry(id);
  }
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/** Validate a call from outside the process and run it; errors come back as data, never thrown. */
export async function dispatch(api: JigsawApi, method: string, args: unknown): Promise<DispatchResult> {
  let call: { method: ApiMethod; args: unknown[] };
  try {
    call = parseArgs(method, args);
  } catch (err) {
    return { ok: false, error: { code: 'bad_request', message: (err as Error).message } };
  }
  try {
    const fn = api[call.method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn.apply(api, call.args) };
  } catch (err) {
    if (err instanceof JigsawError) return { ok: false, error: { code: err.code, message: err.message } };
    console.error(`[jigsaw] ${call.method} failed:`, err);
    return { ok: false, error: { code: 'internal', message: `Jigsaw could not complete ${call.method}: ${(err as Error).message}` } };
  }
}
