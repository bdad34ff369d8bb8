// Choosing the passphrase when a case is created and asking for it when an encrypted case is
// opened, in the desktop app. A wrong passphrase is said plainly and asked again; nothing on disk
// changes until the case opens.
import type { BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { CaseFile } from '../engine/case-file';
import { isEncryptedCaseFile } from '../engine/db/open-case-db';
import { JigsawError } from '../engine/errors';
import { checkNewPassphrase } from '../engine/protection/passphrase';
import { askPassphrase } from './passphrase-prompt';

export interface OpenedCase {
  caseFile: CaseFile;
  passphrase: string | undefined;
}

const MAX_TRIES = 5;

/** Create a new case, encrypted with a passphrase the user chooses (asked twice). */
export async function createCaseInteractively(parent: BrowserWindow | null, file: string): Promise<OpenedCase | null> {
  if (fs.existsSync(file)) throw new JigsawError('file_exists', `${path.basename(file)} already exists: use Open case… to open it`);
  let error: string | undefined;
  for (;;) {
    const passphrase = await askPassphrase(parent, {
      title: 'Choose a passphrase',
      message: `Choose a passphrase for ${path.basename(file)}. The case file is encrypted with it; without it nobody (not even you) can open the case, so keep it safe.`,
      confirm: true,
      error,
    });
    if (passphrase === null) return null;
    try {
      checkNewPassphrase(passphrase);
    } catch (err) {
      error = (err as Error).message;
      continue;
    }
    return { caseFile: CaseFile.open(file, { create: true, passphrase }), passphrase };
  }
}

/** Open an existing case, asking for its passphrase when it is encrypted. */
export async function openCaseInteractively(parent: BrowserWindow | null, file: string, fromEnv?: string): Promise<OpenedCase | null> {
  if (!isEncryptedCaseFile(file)) return { caseFile: CaseFile.open(file), passphrase: undefined };
  if (fromEnv) return { caseFile: CaseFile.open(file, { passphrase: fromEnv }), passphrase: fromEnv };
  let error: string | undefined;
  for (let i = 0; i < MAX_TRIES; i++) {
    const passphrase = await askPassphrase(parent, {
      title: 'Passphrase',
      message: `${path.basename(file)} is encrypted. Enter its passphrase.`,
      confirm: false,
      error,
    });
    if (passphrase === null) return null;
    try {
      return { caseFile: CaseFile.open(file, { passphrase }), passphrase };
    } catch (err) {
      if (!(err instanceof JigsawError) || err.code !== 'wrong_passphrase') throw err;
      error = 'That passphrase is wrong. Nothing was changed; try again.';
    }
  }
  throw new JigsawError('wrong_passphrase', `${path.basename(file)} was not opened: the passphrase was wrong ${MAX_TRIES} times`);
}
