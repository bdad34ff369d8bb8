// The renderer's only way to the engine: the preload's `window.jigsaw` in Electron, or the same
// contract over HTTP to the web host (token from the address the host printed).
import type { ApiErrorShape, JigsawApi } from '../../shared/api';
import { API_METHODS } from '../../shared/api';
import { decodeWire, encodeWire } from '../../shared/wire';

declare global {
  interface Window {
    jigsaw?: JigsawApi;
  }
}

export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export function getApi(): JigsawApi {
  if (window.jigsaw) return window.jigsaw;
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('jigsaw-token', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  const token = fromHash ?? sessionStorage.getItem('jigsaw-token') ?? '';
  return webApi(token);
}

function webApi(token: string): JigsawApi {
  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jigsaw-token': token },
      body: JSON.stringify(encodeWire(args)),
    });
    if (!res.ok) throw new ApiError('transport', res.status === 403 ? 'This page has lost its session token: reopen the address Jigsaw printed' : `Request failed (${res.status})`);
    const out = decodeWire(await res.json()) as { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };
    if (!out.ok) throw new ApiError(out.error.code, out.error.message);
    return out.value;
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as JigsawApi;
}
