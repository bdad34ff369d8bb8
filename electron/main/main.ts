// The desktop shell: one window on a case, the renderer loaded from packaged files through the
// app:// protocol, and typed IPC handlers that check the sender, validate, then call the engine.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, net } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_METHODS } from '../../shared/api';
import { CaseFile } from '../engine/case-file';
import { buildCaseFromFixtures } from '../engine/demo-case';
import { dispatch, Engine } from '../engine/engine';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, hardenApp, hardenSession, isTrustedSender } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
hardenApp();

const appRoot = app.isPackaged ? process.resourcesPath : path.resolve(__dirname, '../..');
const rendererDir = app.isPackaged ? path.join(app.getAppPath(), 'dist/renderer') : path.join(appRoot, 'dist/renderer');
let engine: Engine | null = null;
let win: BrowserWindow | null = null;

async function openCase(file: string | null): Promise<void> {
  engine?.close();
  const passphrase = process.env.JIGSAW_PASSPHRASE || undefined;
  const caseFile = file
    ? CaseFile.open(file, { create: true, passphrase })
    : await buildCaseFromFixtures(path.join(appRoot, 'fixtures/demo'), path.join(app.getPath('userData'), 'demo.jigsaw'), passphrase);
  engine = new Engine(caseFile);
  win?.webContents.reload();
}

function registerIpc(): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`jigsaw:${method}`, async (event, args: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Refused: call from an unexpected frame' } };
      if (!engine) return { ok: false, error: { code: 'no_case', message: 'No case is open' } };
      return dispatch(engine, method, args);
    });
  }
}

function registerProtocol(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, `.${rel}`);
    if (url.host !== 'jigsaw' || !file.startsWith(rendererDir + path.sep)) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function buildMenu(): void {
  const filters = [{ name: 'Jigsaw case', extensions: ['jigsaw'] }];
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'File',
        submenu: [
          {
            label: 'New case…',
            accelerator: 'CmdOrCtrl+N',
            click: async () => {
              const r = await dialog.showSaveDialog({ title: 'Create a case file', filters });
              if (!r.canceled && r.filePath) await openCase(r.filePath.endsWith('.jigsaw') ? r.filePath : `${r.filePath}.jigsaw`);
            },
          },
          {
            label: 'Open case…',
            accelerator: 'CmdOrCtrl+O',
            click: async () => {
              const r = await dialog.showOpenDialog({ title: 'Open a case file', filters, properties: ['openFile'] });
              if (!r.canceled && r.filePaths[0]) await openCase(r.filePaths[0]);
            },
          },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      { role: 'viewMenu' },
    ]),
  );
}

app.whenReady().then(async () => {
  hardenSession();
  registerProtocol();
  registerIpc();
  buildMenu();
  const caseArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.jigsaw')) ?? null;
  await openCase(caseArg);
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Jigsaw',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('window-all-closed', () => {
  engine?.close();
  app.quit();
});
