import { doctor } from '../../engine/protection/doctor.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

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
        `  holds       ${c.agencies} agencies, ${c.extracts} extracts, ${c.rawRows} raw rows, ${c.entries} entries, ${c.problems} import problems`,
        `  audit trail ${c.auditRows} rows, ${r.auditBrokenAt === null ? 'chain intact' : `ALTERED at row ${r.auditBrokenAt}`}`,
        ...r.problems.map((p) => `  ! ${p}`),
      ].join('\n'),
    );
    return r.ok ? 0 : 1;
  },
};
