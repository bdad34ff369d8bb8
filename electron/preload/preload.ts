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
  listEntries: (query) => call('listEntries', query),
  getEntry: (id) => call('getEntry', id),
} satisfies JigsawApi;

contextBridge.exposeInMainWorld('jigsaw', api);
