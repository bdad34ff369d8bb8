// Per-install settings, kept outside any case file: who is using this computer's Jigsaw. Electron
// keeps the file in the app's userData folder; the web host and the CLI in $JIGSAW_HOME or
// ~/.jigsaw.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userIdentitySchema, type UserIdentity } from '../../../shared/annotations.js';
import { JigsawError } from '../errors.js';

export function defaultSettingsFile(): string {
  return path.join(process.env.JIGSAW_HOME ?? path.join(os.homedir(), '.jigsaw'), 'settings.json');
}

interface Settings {
  user?: UserIdentity;
}

function readSettings(file: string): Settings {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    return JSON.parse(text) as Settings;
  } catch {
    // A damaged settings file only means the user is asked again.
    return {};
  }
}

/** The user of this install, or null when they have not said yet. */
export function loadUser(file: string): UserIdentity | null {
  const parsed = userIdentitySchema.safeParse(readSettings(file).user);
  return parsed.success ? parsed.data : null;
}

export function saveUser(file: string, user: UserIdentity): UserIdentity {
  const parsed = userIdentitySchema.safeParse(user);
  if (!parsed.success) throw new JigsawError('bad_request', 'Please give both your name and your role');
  const settings = { ...readSettings(file), user: parsed.data };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Write then rename, so a crash never leaves half a settings file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return parsed.data;
}
