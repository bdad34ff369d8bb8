// The preload exposes exactly the contract, as named functions (never a raw ipcRenderer), and is
// checked against it with `satisfies`. It runs sandboxed: only `electron` may be required.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiErrorShape, JigsawApi } from '../../shared/api';

async function call(method: keyof JigsawApi, ...args: unknown[]): Promise<never> {
  const r = (await ipcRenderer.invoke(`jigsaw:${method}`, args)) as { ok: true; value: never } | { ok: false; error: ApiErrorShape };
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}

const api = {
  getCase: () => call('getCase'),
  stageFile: (file) => call('stageFile', file),
  importStaged: (req) => call('importStaged', req),
  getImportProgress: (stagedId) => call('getImportProgress', stagedId),
  cancelImport: (stagedId) => call('cancelImport', stagedId),
  previewSheet: (req) => call('previewSheet', req),
  listEntries: (query) => call('listEntries', query),
  getEntry: (id) => call('getEntry', id),
  listClusters: () => call('listClusters'),
  getCluster: (id) => call('getCluster', id),
  decideCluster: (req) => call('decideCluster', req),
  addClusterNote: (req) => call('addClusterNote', req),
  getLexicon: () => call('getLexicon'),
  updateLexicon: (update) => call('updateLexicon', update),
  timelineWindow: (q) => call('timelineWindow', q),
  activityByMonth: (q) => call('activityByMonth', q),
  listSavedViews: () => call('listSavedViews'),
  saveView: (req) => call('saveView', req),
  deleteSavedView: (id) => call('deleteSavedView', id),
  keyEpisodes: () => call('keyEpisodes'),
  filterChoices: () => call('filterChoices'),
  chronologyPage: (q) => call('chronologyPage', q),
  getReviewSettings: () => call('getReviewSettings'),
  updateReviewSettings: (settings) => call('updateReviewSettings', settings),
  requestPack: (req) => call('requestPack', req),
  reviewDashboard: () => call('reviewDashboard'),
  signOffExtract: (req) => call('signOffExtract', req),
  silentPeriods: () => call('silentPeriods'),
  getUser: () => call('getUser'),
  setUser: (user) => call('setUser', user),
  getAnnotations: (entryId) => call('getAnnotations', entryId),
  annotateEntry: (req) => call('annotateEntry', req),
  addCorrection: (req) => call('addCorrection', req),
  readAuditLog: () => call('readAuditLog'),
  exportAuditLog: () => call('exportAuditLog'),
  exportChronology: (opts) => call('exportChronology', opts),
  getExportProgress: (jobId) => call('getExportProgress', jobId),
  cancelExport: (jobId) => call('cancelExport', jobId),
  listPeople: () => call('listPeople'),
  getPerson: (id) => call('getPerson', id),
  decidePerson: (decision) => call('decidePerson', decision),
  getEntryLinks: (entryId) => call('getEntryLinks', entryId),
  rejectLink: (linkId) => call('rejectLink', linkId),
  presentationPeople: () => call('presentationPeople'),
} satisfies JigsawApi;

contextBridge.exposeInMainWorld('jigsaw', api);
