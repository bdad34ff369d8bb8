// The desktop shell: one window on a case, the renderer loaded from packaged files through the
// app:// protocol, and typed IPC handlers that check the sender, validate, then call the engine.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { API_METHODS } from '../../shared/api';
import { CaseFile } from '../engine/case-file';
import { buildCaseFromFixtures } from '../engine/demo-case';
import { dispatch, Engine } from '../engine/engine';
import { backupCase } from '../engine/protection/backup';
import { changePassphrase, checkNewPassphrase } from '../engine/protection/passphrase';
import { createCaseInteractively, openCaseInteractively, type OpenedCase } from './open-flow';
import { askPassphrase } from './passphrase-prompt';
import { appResponse } from './app-protocol';
import { APP_ORIGIN, hardenApp, hardenSession, isTrustedSender } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
hardenApp();

const appRoot = app.isPackaged ? process.resourcesPath : path.resolve(__dirname, '../..');
const rendererDir = app.isPackaged ? path.join(app.getAppPath(), 'dist/renderer') : path.join(appRoot, 'dist/renderer');
let engine: Engine | null = null;
let win: BrowserWindow | null = null;
/** The open case's passphrase, kept for this session only: backups and passphrase changes need it. */
let current: { file: string; passphrase: string | undefined } | null = null;

function useCase(opened: OpenedCase | null): void {
  if (!opened) return;
  engine?.close();
  // Who the user is belongs to this install, not to the case: kept in the app's userData folder.
  engine = new Engine(opened.caseFile, { settingsFile: path.join(app.getPath('userData'), 'settings.json') });
  current = { file: opened.caseFile.file, passphrase: opened.passphrase };
  win?.webContents.reload();
}

/** The demo case is fictional and never encrypted; real cases are encrypted when created here. */
async function openDemo(): Promise<OpenedCase> {
  const demo = await buildCaseFromFixtures(path.join(appRoot, 'fixtures/demo'), path.join(app.getPath('userData'), 'demo.jigsaw'));
  return { caseFile: demo, passphrase: undefined };
}

async function guarded(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    dialog.showErrorBox('Jigsaw', (err as Error).message);
  }
}

async function changeCasePassphrase(): Promise<void> {
  if (!current || !engine) return;
  const { file, passphrase } = current;
  // Someone at an unlocked computer must not be able to take the case over: ask the current one.
  if (passphrase !== undefined) {
    const again = await askPassphrase(win, { title: 'Current passphrase', message: `Enter the current passphrase of ${path.basename(file)}.`, confirm: false });
    if (again === null) return;
    if (again.normalize('NFC') !== passphrase.normalize('NFC')) throw new Error('That is not the current passphrase; nothing was changed.');
  }
  const next = await askPassphrase(win, { title: 'New passphrase', message: `Choose a new passphrase for ${path.basename(file)}.`, confirm: true });
  if (next === null) return;
  checkNewPassphrase(next);
  engine.close(); // rekeying needs the only connection to the case
  engine = null;
  let changed = false;
  try {
    changePassphrase(file, passphrase, next);
    changed = true;
  } finally {
    const now = changed ? next : passphrase;
    useCase({ caseFile: CaseFile.open(file, { passphrase: now }), passphrase: now });
  }
  await dialog.showMessageBox({ message: 'The passphrase was changed.', detail: 'Backups made earlier keep the old passphrase.' });
}

function registerIpc(): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`jigsaw:${method}`, async (event, args: unknown) => {
      if (!isTrustedSender(event, win?.webContents ?? null)) return { ok: false, error: { code: 'forbidden', message: 'Refused: call from an unexpected frame' } };
      if (!engine) return { ok: false, error: { code: 'no_case', message: 'No case is open' } };
      return dispatch(engine, method, args);
    });
  }
}

function registerProtocol(): void {
  protocol.handle('app', (request) => appResponse(request.url, rendererDir));
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
            click: () =>
              guarded(async () => {
                const r = await dialog.showSaveDialog({ title: 'Create a case file', filters });
                if (r.canceled || !r.filePath) return;
                useCase(await createCaseInteractively(win, r.filePath.endsWith('.jigsaw') ? r.filePath : `${r.filePath}.jigsaw`));
              }),
          },
          {
            label: 'Open case…',
            accelerator: 'CmdOrCtrl+O',
            click: () =>
              guarded(async () => {
                const r = await dialog.showOpenDialog({ title: 'Open a case file', filters, properties: ['openFile'] });
                if (!r.canceled && r.filePaths[0]) useCase(await openCaseInteractively(win, r.filePaths[0]));
              }),
          },
          { type: 'separator' },
          {
            label: 'Back up case…',
            click: () =>
              guarded(async () => {
                if (!current) return;
                const r = await dialog.showSaveDialog({ title: 'Back up the case', filters, defaultPath: current.file.replace(/\.jigsaw$/i, '-backup.jigsaw') });
                if (r.canceled || !r.filePath) return;
                const b = await backupCase(current.file, r.filePath, current.passphrase, { force: true });
                await dialog.showMessageBox({ message: 'Backup made and checked.', detail: `${b.file}\n${b.encrypted ? 'It is encrypted with the case passphrase.' : 'It is NOT encrypted.'}` });
              }),
          },
          { label: 'Change passphrase…', click: () => guarded(changeCasePassphrase) },
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
  await guarded(async () => {
    const fromEnv = process.env.JIGSAW_PASSPHRASE || undefined;
    if (!caseArg) useCase(await openDemo());
    else if (fs.existsSync(caseArg)) useCase(await openCaseInteractively(null, caseArg, fromEnv));
    else if (fromEnv) useCase({ caseFile: CaseFile.open(caseArg, { create: true, passphrase: fromEnv }), passphrase: fromEnv });
    else useCase(await createCaseInteractively(null, caseArg));
  });
  if (!engine) useCase(await openDemo());
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
      // No middle-click "open in new window" on anything in the page.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('window-all-closed', () => {
  engine?.close();
  app.quit();
});
