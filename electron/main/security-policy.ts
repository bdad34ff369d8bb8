// The shell's security decisions as plain functions, with no `electron` import, so they are unit
// tested in Node. security.ts wires them into Electron's hooks.
import path from 'node:path';

export const APP_ORIGIN = 'app://jigsaw';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** Our packaged page: exactly app://jigsaw/…, no credentials, no look-alike hosts. */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'app:' && u.host === 'jigsaw' && u.username === '' && u.password === '' && url.toLowerCase().startsWith(`${APP_ORIGIN}/`);
}

/** The passphrase prompt is a self-contained data: page with no script of its own. */
export function isPromptUrl(url: string): boolean {
  return url.startsWith('data:text/html;');
}

export interface FrameLike {
  url: string;
  parent: unknown;
}

/** IPC is answered only for the top frame of our own page (never an iframe, never a remote page). */
export function isTrustedFrame(frame: FrameLike | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** Everything the renderer may load: its own files, and exports it made itself (blob: downloads). No network, not even localhost. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('devtools://') || isPromptUrl(url) || url.startsWith('data:image/');
}

/** Navigation (links, redirects, location changes) may only stay within the app. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** No permission (camera, microphone, geolocation, notifications, clipboard read, …) is ever needed. */
export function mayGrantPermission(_permission: string): boolean {
  return false;
}

/** The file inside `root` that app://jigsaw/<path> names, or null when it would escape `root`. */
export function resolveAppFile(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  const u = new URL(url);
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  return file.startsWith(base + path.sep) ? file : null;
}
