// The Electron security checklist in one place: sandboxed, isolated renderers; no navigation,
// no new windows, no permissions, no network; IPC accepted only from our own page. The decisions
// themselves live in security-policy.ts (no `electron` import, unit tested).
import { app, session, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isAllowedRequest, isTrustedFrame, mayGrantPermission, mayNavigate } from './security-policy';

export { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAppUrl } from './security-policy';

/** Every IPC call must come from our page's top frame, in the window we expect. */
export function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent, expected?: WebContents | null): boolean {
  if (expected !== undefined && event.sender !== expected) return false;
  return isTrustedFrame(event.senderFrame);
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(mayGrantPermission(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => mayGrantPermission(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  // No network at all: anything that is not our own packaged page is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // Never offer to save credentials or download anything the page did not create itself.
  ses.on('will-download', (event, item) => {
    if (!item.getURL().startsWith('blob:app://jigsaw/')) event.preventDefault();
  });
}

export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
}
