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
import { stagedPreview } from './import/staged-preview.js';
import type { SheetSummary } from './import/sources/index.js';
import { ImportJobs } from './import/import-jobs.js';
import type { ImportProgress } from '../../shared/import.js';
import { afterImport, refreshPeopleAndLinks } from './people/after-import.js';
import type { EntryLinkDetail, PersonDecision, PersonDetail, PersonSummary, PresentedPerson } from '../../shared/people.js';
import { decidePerson } from './people/decide.js';
import { presentedPeople } from './people/presented.js';
import { rejectLink } from './links/link-decisions.js';
import { ensureResolved, entryLinkDetails, getPerson, listPeople } from './people/queries.js';
import type { ClusterDecision, ClusterDetail, ClusterSummary, Lexicon, LexiconUpdate } from '../../shared/signals.js';
import * as signals from './signals/index.js';
import type { ActivityMonth, ChronologyPage, ChronologyQuery, FilterChoices, KeyEpisode, SavedView, TimelineWindow, ViewFilters, WindowQuery } from '../../shared/timeline.js';
import { chronologyPage } from './timeline/chronology-page.js';
import { deleteSavedView, listSavedViews, saveView } from './timeline/saved-views.js';
import { filterChoices, keyEpisodes } from './timeline/agenda-sources.js';
import { activityByMonth, timelineWindow } from './timeline/timeline-window.js';
import type { AgencyStatus, PackFile, PackKind, ReviewSettings, ReviewSettingsView, SignOffRequest, SilentPeriods } from '../../shared/review.js';
import { reviewDashboard } from './review/dashboard.js';
import { requestPack } from './review/request-pack.js';
import { getReviewSettings, updateReviewSettings } from './review/settings.js';
import { signOffExtract } from './review/sign-off.js';
import { silentPeriods } from './review/silent-periods.js';
import type { AnnotationPatch, AuditLogView, EntryAnnotations, UserIdentity } from '../../shared/annotations.js';
import type { ExportedFile, ExportOptions, ExportProgress } from '../../shared/export.js';
import { addCorrection, annotateEntry, getAnnotations } from './annotations/annotations.js';
import { carryForwardAnnotations } from './annotations/carry-forward.js';
import { exportAuditLog, readAuditLog } from './export/export-audit.js';
import { ExportJobs } from './export/export-jobs.js';
import { defaultSettingsFile, loadUser, saveUser } from './settings/user-settings.js';

export class Engine implements JigsawApi {
  private readonly stagingDir: string;
  private readonly staged = new Map<string, { file: string; fileName: string; sheets?: SheetSummary[] }>();
  private readonly imports = new ImportJobs();
  private readonly exports = new ExportJobs();
  /** Who is making changes: stamped on every audit row. */
  actor: Actor = { name: 'Unknown user', role: 'unknown' };

  /** Per-install settings (who the user is), outside any case file. */
  readonly settingsFile: string;

  constructor(
    readonly caseFile: CaseFile,
    opts: { settingsFile?: string } = {},
  ) {
    // Uploaded bytes wait here, readable by this user only, until imported or the engine closes.
    this.stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-staging-'));
    fs.chmodSync(this.stagingDir, 0o700);
    this.settingsFile = opts.settingsFile ?? defaultSettingsFile();
    this.actor = loadUser(this.settingsFile) ?? this.actor;
    signals.refreshSignalsQuietly(caseFile); // entries imported elsewhere (CLI, demo build) get their signals
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
      // The preview (import/staged-preview.ts) lists a workbook's sheets; they are kept for previewSheet.
      const preview = await stagedPreview(this.caseFile, file, stagedId, fileName);
      this.staged.set(stagedId, { file, fileName, sheets: preview.sheets });
      return preview;
    } catch (err) {
      fs.rmSync(file, { force: true });
      if (err instanceof JigsawError) err.message = err.message.replace(stagedId, fileName);
      throw err;
    }
  }

  async previewSheet(req: { stagedId: string; sheet: string }): Promise<StagedFile> {
    const s = this.staged.get(req.stagedId);
    if (!s) throw new JigsawError('not_found', 'That upload has expired; choose the file again');
    return stagedPreview(this.caseFile, s.file, req.stagedId, s.fileName, { sheet: req.sheet, sheets: s.sheets });
  }

  async importStaged(req: { stagedId: string; agency: string; mapping?: ColumnMapping; sheet?: string }): Promise<ImportReport> {
    const s = this.staged.get(req.stagedId);
    if (!s) throw new JigsawError('not_found', 'That upload has expired; choose the file again');
    try {
      // In a worker thread (import/import-jobs.ts): the window stays responsive, polls progress, may cancel.
      const report = await this.imports.run(req.stagedId, this.caseFile, s.file, {
        agency: req.agency, fileName: s.fileName, mapping: req.mapping, actor: this.actor, ...(req.sheet !== undefined && { sheet: req.sheet }),
      });
      afterImport(this.caseFile, report); // people resolved and events linked again, before signals read them
      signals.refreshSignalsQuietly(this.caseFile); // clusters are recomputed again whenever people links change
      if (report.version !== null && report.version > 1) carryForwardAnnotations(this.caseFile.db, this.actor); // the chair's notes follow unchanged rows
      return report;
    } finally {
      this.staged.delete(req.stagedId);
      fs.rmSync(s.file, { force: true });
    }
  }

  async getImportProgress(stagedId: string): Promise<ImportProgress> {
    return this.imports.progress(stagedId);
  }

  async cancelImport(stagedId: string): Promise<ImportProgress> {
    return this.imports.cancel(stagedId);
  }

  async listEntries(q: EntryQuery): Promise<EntryPage> {
    return this.caseFile.listEntries(q);
  }

  async getEntry(id: number): Promise<EntryDetail> {
    return this.caseFile.getEntry(id);
  }

  // People and linked events (people/, links/).
  async listPeople(): Promise<PersonSummary[]> {
    ensureResolved(this.caseFile);
    return listPeople(this.caseFile);
  }

  async getPerson(id: number): Promise<PersonDetail> {
    return getPerson(this.caseFile, id, 2000);
  }

  async decidePerson(decision: PersonDecision): Promise<PersonSummary[]> {
    const people = decidePerson(this.caseFile, this.actor, decision);
    signals.refreshSignalsQuietly(this.caseFile); // concerns about one person depend on who is who
    return people;
  }

  async getEntryLinks(entryId: number): Promise<EntryLinkDetail[]> {
    return entryLinkDetails(this.caseFile, entryId);
  }

  async rejectLink(linkId: number): Promise<void> {
    rejectLink(this.caseFile, this.actor, linkId);
  }

  async presentationPeople(): Promise<PresentedPerson[]> {
    return presentedPeople(this.caseFile, this.actor);
  }

  async listClusters(): Promise<ClusterSummary[]> {
    return signals.listClusters(this.caseFile);
  }

  async getCluster(id: number): Promise<ClusterDetail> {
    return signals.getCluster(this.caseFile, id);
  }

  async decideCluster(req: { id: number; decision: ClusterDecision | null; reason?: string }): Promise<ClusterDetail> {
    return signals.decideCluster(this.caseFile, this.actor, req);
  }

  async addClusterNote(req: { id: number; text: string }): Promise<ClusterDetail> {
    return signals.addClusterNote(this.caseFile, this.actor, req);
  }

  async getLexicon(): Promise<Lexicon> {
    return signals.readLexicon(this.caseFile);
  }

  async updateLexicon(update: LexiconUpdate): Promise<Lexicon> {
    return signals.updateLexicon(this.caseFile, this.actor, update);
  }

  async timelineWindow(q: WindowQuery): Promise<TimelineWindow> {
    return timelineWindow(this.caseFile, q);
  }

  async activityByMonth(q: ViewFilters): Promise<ActivityMonth[]> {
    return activityByMonth(this.caseFile, q);
  }

  async listSavedViews(): Promise<SavedView[]> {
    return listSavedViews(this.caseFile);
  }

  async saveView(req: { name: string; query: ViewFilters }): Promise<SavedView> {
    return saveView(this.caseFile, this.actor, req.name, req.query);
  }

  async deleteSavedView(id: number): Promise<void> {
    deleteSavedView(this.caseFile, this.actor, id);
  }

  async keyEpisodes(): Promise<KeyEpisode[]> {
    return keyEpisodes(this.caseFile);
  }

  async filterChoices(): Promise<FilterChoices> {
    return filterChoices(this.caseFile);
  }

  async chronologyPage(q: ChronologyQuery): Promise<ChronologyPage> {
    return chronologyPage(this.caseFile, q);
  }

  async getReviewSettings(): Promise<ReviewSettingsView> {
    return getReviewSettings(this.caseFile);
  }

  async updateReviewSettings(settings: ReviewSettings): Promise<ReviewSettingsView> {
    const before = JSON.stringify(getReviewSettings(this.caseFile).settings.people);
    const view = updateReviewSettings(this.caseFile, this.actor, settings);
    // The chair's people anchor resolution: who is who, and so the links and clusters, may change.
    if (JSON.stringify(view.settings.people) !== before) refreshPeopleAndLinks(this.caseFile);
    signals.refreshSignalsQuietly(this.caseFile); // the incident date bounds the clusters
    return view;
  }

  async requestPack(req: { agency: string; kind: PackKind }): Promise<PackFile> {
    return requestPack(this.caseFile, req.agency, req.kind);
  }

  async reviewDashboard(): Promise<AgencyStatus[]> {
    return reviewDashboard(this.caseFile);
  }

  async signOffExtract(req: SignOffRequest): Promise<AgencyStatus> {
    return signOffExtract(this.caseFile, this.actor, req);
  }

  async silentPeriods(): Promise<SilentPeriods> {
    return silentPeriods(this.caseFile);
  }

  async getUser(): Promise<UserIdentity | null> {
    return loadUser(this.settingsFile);
  }

  async setUser(user: UserIdentity): Promise<UserIdentity> {
    this.actor = saveUser(this.settingsFile, user);
    return this.actor;
  }

  async getAnnotations(entryId: number): Promise<EntryAnnotations> {
    return getAnnotations(this.caseFile.db, entryId);
  }

  async annotateEntry(req: { entryId: number; patch: AnnotationPatch }): Promise<EntryAnnotations> {
    return annotateEntry(this.caseFile.db, this.actor, req.entryId, req.patch);
  }

  async addCorrection(req: { entryId: number; field?: string | null; note: string }): Promise<EntryAnnotations> {
    return addCorrection(this.caseFile.db, this.actor, req);
  }

  async readAuditLog(): Promise<AuditLogView> {
    return readAuditLog(this.caseFile);
  }

  async exportAuditLog(): Promise<ExportedFile> {
    return exportAuditLog(this.caseFile);
  }

  async exportChronology(opts: ExportOptions): Promise<ExportedFile> {
    // In a worker thread (export/export-jobs.ts): the window polls its progress and may cancel it.
    return this.exports.run(this.caseFile, this.actor, opts);
  }

  async getExportProgress(jobId: string): Promise<ExportProgress> {
    return this.exports.progress(jobId);
  }

  async cancelExport(jobId: string): Promise<ExportProgress> {
    return this.exports.cancel(jobId);
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
