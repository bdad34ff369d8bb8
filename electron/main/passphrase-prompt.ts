// Asks for a passphrase in a small modal window. Its answer is accepted only from that window's
// own top frame; closing the window is a cancel.
import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import path from 'node:path';
import { passphrasePageUrl, type PromptSpec } from './passphrase-page';
import { isPromptUrl } from './security-policy';

export function askPassphrase(parent: BrowserWindow | null, spec: PromptSpec): Promise<string | null> {
  const win = new BrowserWindow({
    parent: parent ?? undefined,
    modal: parent !== null,
    width: 440,
    height: spec.confirm ? 330 : 260,
    resizable: false,
    minimizable: false,
    maximizable: false,
    title: spec.title,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'passphrase-preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.setMenu(null);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | null): void => {
      if (settled) return;
      settled = true;
      ipcMain.removeListener('passphrase:answer', onAnswer);
      if (!win.isDestroyed()) win.close();
      resolve(value);
    };
    const onAnswer = (event: IpcMainEvent, value: unknown): void => {
      const frame = event.senderFrame;
      if (event.sender !== win.webContents || !frame || frame.parent !== null || !isPromptUrl(frame.url)) return;
      finish(typeof value === 'string' ? value : null);
    };
    ipcMain.on('passphrase:answer', onAnswer);
    win.on('closed', () => finish(null));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(passphrasePageUrl(spec));
  });
}
