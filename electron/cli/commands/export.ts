// `jigsaw export` writes the integrated chronology (XLSX, CSV, DOCX or PDF), pseudonymised when
// asked; `jigsaw audit` shows or writes the case's audit log with the chain's verification.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export.js';
import type { Actor } from '../../engine/audit.js';
import { CaseFile } from '../../engine/case-file.js';
import { JigsawError } from '../../engine/errors.js';
import { exportAuditLog, readAuditLog } from '../../engine/export/export-audit.js';
import { exportChronology } from '../../engine/export/export-chronology.js';
import { defaultSettingsFile, loadUser } from '../../engine/settings/user-settings.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

/** The install's user when they have said who they are; otherwise the login name, marked as such. */
export function cliActor(): Actor {
  return loadUser(defaultSettingsFile()) ?? { name: os.userInfo().username, role: 'command line (user not set)' };
}

function writeOut(file: string, bytes: Uint8Array): string {
  const target = path.resolve(file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new JigsawError('bad_output', `${file} is a folder: give a file name for --out`);
  try {
    fs.writeFileSync(target, bytes, { mode: 0o600 });
  } catch (err) {
    throw new JigsawError('bad_output', `Could not write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return target;
}

export const exportCommand: Command = {
  usage: 'jigsaw export <case> --format xlsx|csv|docx|pdf --out <file> [--pseudonymise] [--from D] [--to D] [--agency A]... [--analysis] [--override-residual] [--json]',
  async run({ positionals, values, passphrase, out }) {
    const [casePath] = positionals;
    const format = values.format as string | undefined;
    const outFile = values.out;
    if (!casePath || typeof outFile !== 'string' || !format) return usage('export needs <case> --format xlsx|csv|docx|pdf --out <file>');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return usage(`unknown export format "${format}" (xlsx, csv, docx or pdf)`);
    for (const d of [values.from, values.to]) if (d !== undefined && !(typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))) return usage('--from and --to take a date as YYYY-MM-DD');
    const c = CaseFile.open(casePath, { passphrase });
    try {
      const agencies = (values.agency as string[] | undefined) ?? [];
      const f = await exportChronology(c, cliActor(), {
        format: format as ExportFormat,
        from: values.from as string | undefined,
        to: values.to as string | undefined,
        agencies: agencies.length ? agencies : undefined,
        includeAnalysis: values.analysis === true,
        pseudonymise: values.pseudonymise === true,
        overrideResidual: values['override-residual'] === true,
      });
      const written = writeOut(outFile, f.bytes);
      out(
        { file: written, format, rows: f.rows, pseudonymised: values.pseudonymise === true, residual: f.residual },
        `${written}: ${f.rows} entries (${format}${values.pseudonymise === true ? ', pseudonymised' : ''})` +
          (f.residual.length ? `\nexported despite ${f.residual.length} identifiers found (recorded in the audit log)` : ''),
      );
      return 0;
    } finally {
      c.close();
    }
  },
};

export const auditCommand: Command = {
  usage: 'jigsaw audit <case> [--out <file.csv>] [--json]',
  async run({ positionals, values, passphrase, out }) {
    const [casePath] = positionals;
    if (!casePath) return usage('audit needs <case>');
    const c = CaseFile.open(casePath, { passphrase, readonly: true });
    try {
      const log = readAuditLog(c);
      const verdict = log.brokenAt === null ? `chain intact (${log.rows.length} changes)` : `CHAIN BROKEN at change ${log.brokenAt}: the log was altered outside Jigsaw`;
      if (typeof values.out === 'string') {
        const written = writeOut(values.out, exportAuditLog(c).bytes);
        out({ file: written, changes: log.rows.length, brokenAt: log.brokenAt }, `${written}: ${verdict}`);
      } else {
        out(log, [...log.rows.map((r) => `${r.id} ${r.at} ${r.actorName} (${r.actorRole}) ${r.action} ${r.entity}${r.entityId ? ` ${r.entityId}` : ''}`), verdict].join('\n'));
      }
      // A broken chain is a finding, not a usage error: exit 3 so scripts notice.
      return log.brokenAt === null ? 0 : 3;
    } finally {
      c.close();
    }
  },
};
