import readline from 'node:readline/promises';
import { terminalIo } from '../../engine/protection/ask-passphrase.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export.js';
import { closeReview, makeFinalExport } from '../../engine/protection/close-review.js';
import { JigsawError } from '../../engine/errors.js';
import path from 'node:path';
import type { Command } from '../commands.js';
import { cliActor } from './export.js';
import { usage } from './usage.js';

// Destroys the case: it needs the final export (made now with --format/--out through the export
// module, or named, or confirmed) and, on a terminal, the case's file name typed back; without a
// terminal, --yes.
export const closeReviewCommand: Command = {
  usage: 'jigsaw close-review <case> [<backup-file>...] (--format xlsx|csv|docx|pdf --out <file> | --export-file <file> | --export-made) [--yes] [--json]',
  async run({ positionals, values, passphrase, out }) {
    const [casePath, ...backups] = positionals;
    if (!casePath) return usage('close-review needs <case>');
    const format = values.format as string | undefined;
    const outFile = values.out as string | undefined;
    if ((format === undefined) !== (outFile === undefined)) return usage('the final export needs both --format and --out');
    if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) return usage(`unknown export format "${format}" (xlsx, csv, docx or pdf)`);
    let exportFile = values['export-file'] as string | undefined;
    if (!exportFile && !outFile && values['export-made'] !== true) {
      throw new JigsawError('no_export', 'Closing a review needs the final export: --format and --out to make it now, or --export-file <export> (or --export-made); nothing was deleted');
    }
    const name = path.basename(casePath);
    if (values.yes !== true) {
      if (!terminalIo.interactive) throw new JigsawError('not_confirmed', 'Closing a review deletes the case for good: add --yes to confirm; nothing was deleted');
      process.stderr.write(`This overwrites and deletes ${name}${backups.length ? ` and ${backups.length} backup(s)` : ''}. It cannot be undone.\n`);
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
      const typed = await rl.question(`Type the case file name (${name}) to confirm: `).finally(() => rl.close());
      if (typed.trim() !== name) throw new JigsawError('not_confirmed', 'The name did not match; nothing was deleted');
    }
    if (format && outFile) exportFile = await makeFinalExport(casePath, passphrase, cliActor(), format as ExportFormat, outFile);
    const r = closeReview(casePath, { passphrase, exportFile, exportConfirmed: values['export-made'] === true, backups });
    out(r, [`Review closed: ${r.deleted.length} file(s) overwritten and deleted:`, ...r.deleted.map((d) => `  ${d.file} (${d.bytes} bytes)`), r.limits].join('\n'));
    return 0;
  },
};
