import { doctor } from '../../engine/protection/doctor.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';
import { count } from '../../../shared/words.js';

export const doctorCommand: Command = {
  usage: 'jigsaw doctor <case> [--json]',
  async run({ positionals, passphrase, out }) {
    const [casePath] = positionals;
    if (!casePath) return usage('doctor needs <case>');
    const r = doctor(casePath, passphrase);
    const c = r.counts;
    out(
      r,
      [
        `${r.file}: ${r.ok ? 'healthy' : 'PROBLEMS FOUND'}`,
        `  integrity   ${r.integrity.join('; ')}`,
        `  schema      ${r.schemaVersion} (this Jigsaw: ${r.appSchemaVersion})`,
        `  encrypted   ${r.encrypted ? `yes (${r.cipher})` : 'no'}`,
        `  holds       ${count(c.agencies, 'agency')}, ${count(c.extracts, 'extract')}, ${count(c.rawRows, 'raw row')}, ${count(c.entries, 'entry')}, ${count(c.problems, 'import problem')}`,
        `  audit trail ${c.auditRows} rows, ${r.auditBrokenAt === null ? 'chain intact' : `ALTERED at row ${r.auditBrokenAt}`}`,
        ...r.problems.map((p) => `  ! ${p}`),
      ].join('\n'),
    );
    return r.ok ? 0 : 1;
  },
};
