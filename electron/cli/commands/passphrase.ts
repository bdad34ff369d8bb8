import { askNewPassphrase } from '../../engine/protection/ask-passphrase.js';
import { changePassphrase } from '../../engine/protection/passphrase.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

// The current passphrase comes from JIGSAW_PASSPHRASE or the prompt; the new one from
// JIGSAW_NEW_PASSPHRASE or a prompt asked twice. --remove stores the case unencrypted.
export const passphraseCommand: Command = {
  usage: 'jigsaw passphrase <case> [--remove] [--json]   (new one from JIGSAW_NEW_PASSPHRASE or asked)',
  async run({ positionals, values, passphrase, out }) {
    const [casePath] = positionals;
    if (!casePath) return usage('passphrase needs <case>');
    const next = values.remove === true ? null : ((await askNewPassphrase()) ?? null);
    const r = changePassphrase(casePath, passphrase, next);
    const said = { encrypted: 'is now encrypted', changed: 'has a new passphrase', decrypted: 'is now stored WITHOUT encryption' }[r.action];
    out(r, `${r.file} ${said}`);
    return 0;
  },
};
