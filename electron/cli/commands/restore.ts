import { restoreCase } from '../../engine/protection/backup.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

export const restoreCommand: Command = {
  usage: 'jigsaw restore <backup-file> <case> [--force] [--json]',
  async run({ positionals, values, passphrase, out }) {
    const [backup, casePath] = positionals;
    if (!backup || !casePath) return usage('restore needs <backup-file> <case>');
    const r = await restoreCase(backup, casePath, passphrase, { force: values.force === true });
    out(r, `Restored ${r.file} from ${backup}; reopened and checked: integrity ok, ${r.tables.entries ?? 0} entries`);
    return 0;
  },
};
