import { backupCase } from '../../engine/protection/backup.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

export const backupCommand: Command = {
  usage: 'jigsaw backup <case> <backup-file> [--force] [--json]',
  async run({ positionals, values, passphrase, out }) {
    const [casePath, dest] = positionals;
    if (!casePath || !dest) return usage('backup needs <case> <backup-file>');
    const r = await backupCase(casePath, dest, passphrase, { force: values.force === true });
    out(r, `Backed up to ${r.file} (${r.bytes} bytes, ${r.encrypted ? 'encrypted with the case passphrase' : 'NOT encrypted'}); reopened and checked: integrity ok, ${r.tables.entries ?? 0} entries`);
    return 0;
  },
};
