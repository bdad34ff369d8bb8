// The `jigsaw` command line: the engine without a window, for agency leads' checks, scripted
// imports and tests. Output with --json is stable and documented in the README.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { CaseFile } from '../engine/case-file.js';
import { JigsawError } from '../engine/errors.js';
import { assertReadableFile, importExtract } from '../engine/import/import-extract.js';
import { afterImport } from '../engine/people/after-import.js';
import { commandTable, type Command } from './commands.js';
import { checkFileAgainstReview } from '../engine/review/check-file.js';
import { passphraseFor } from '../engine/protection/ask-passphrase.js';
import { PROTECTION_COMMANDS } from './commands/protection-commands.js';
import { count, rowLabel } from '../../shared/words.js';

const USAGE = `Usage:
  jigsaw import <case> <file> --agency <name> [--sheet <name>] [--json]
  jigsaw check <file> [--agency <name>] [--sheet <name>] [--review <case>] [--json]
  jigsaw timeline <case> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--agency A]... [--limit N] [--json]
${Object.values(commandTable).map((c) => `  ${c.usage}`).join('\n')}`;

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: false,
    options: {
      agency: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      pseudonymise: { type: 'boolean' },
      review: { type: 'string' },
      sheet: { type: 'string' }, // XLSX: the worksheet to read (import/import-extract.ts)
      // review commands (commands/review.ts)
      settings: { type: 'string' },
      version: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      date: { type: 'string' },
      gap: { type: 'string' },
      force: { type: 'boolean' },
      remove: { type: 'boolean' },
      'export-file': { type: 'string' },
      'export-made': { type: 'boolean' },
      yes: { type: 'boolean' },
    },
  });
  const json = values.json === true;
  const out = (v: unknown, text: string): void => {
    process.stdout.write(json ? `${JSON.stringify(v, null, 2)}\n` : `${text}\n`);
  };
  const agencies = (values.agency as string[] | undefined) ?? [];
  try {
    // JIGSAW_PASSPHRASE, or asked on the terminal when the case is encrypted (or about to be created).
    const passphrase = await passphraseFor(command === 'check' ? undefined : caseLike(command, positionals[0]), { creating: command === 'import' });
    switch (command) {
      case 'import': {
        const [casePath, file] = positionals;
        if (!casePath || !file || agencies.length !== 1) return usage('import needs <case> <file> --agency <name>');
        assertReadableFile(file); // before the case is created: a bad file writes nothing
        const c = CaseFile.open(casePath, { create: true, passphrase });
        try {
          const r = await importExtract(c, file, { agency: agencies[0]!, sheet: values.sheet as string | undefined });
          afterImport(c, r);
          out(
            { imported: r.imported, rejected: r.rejected, duplicates: r.duplicates, warnings: r.warnings, alreadyImported: r.alreadyImported, extractId: r.extractId, version: r.version, ...(r.diff && { diff: r.diff }) },
            describeReport(r),
          );
        } finally {
          c.close();
        }
        return 0;
      }
      case 'check': {
        const [file] = positionals;
        if (!file) return usage('check needs <file>');
        if (typeof values.review === 'string') {
          // Against a review's rules (engine/review/check-file.ts): the review's case is only read.
          const r = await checkFileAgainstReview(values.review, file, { agency: agencies[0], passphrase: await passphraseFor(values.review) });
          out({ imported: r.imported, rejected: r.rejected, duplicates: r.duplicates, warnings: r.warnings }, describeReport(r, true));
          return 0;
        }
        const c = CaseFile.open(':memory:', { create: true });
        try {
          const r = await importExtract(c, file, { agency: agencies[0] ?? 'Agency', dryRun: true, sheet: values.sheet as string | undefined });
          out({ imported: r.imported, rejected: r.rejected, duplicates: r.duplicates, warnings: r.warnings }, describeReport(r, true));
        } finally {
          c.close();
        }
        return 0;
      }
      case 'timeline': {
        const [casePath] = positionals;
        if (!casePath) return usage('timeline needs <case>');
        const c = CaseFile.open(casePath, { passphrase, readonly: false });
        try {
          const page = c.listEntries({
            from: values.from as string | undefined,
            to: values.to as string | undefined,
            agencies: agencies.length ? agencies : undefined,
            limit: values.limit ? Number(values.limit) : Number.MAX_SAFE_INTEGER - 1,
          });
          out(page.entries, page.entries.map((e) => `${e.date} ${e.time ?? '     '}  ${e.agency.padEnd(14)} ${e.text.replace(/\s+/g, ' ').slice(0, 100)}`).join('\n'));
        } finally {
          c.close();
        }
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        return command ? 0 : 2;
      default: {
        const cmd: Command | undefined = commandTable[command];
        if (!cmd) return usage(`unknown command "${command}"`);
        return await cmd.run({ positionals, values, json, passphrase, out });
      }
    }
  } catch (err) {
    if (err instanceof JigsawError) {
      process.stderr.write(`jigsaw: ${err.message}\n`);
      return 1;
    }
    if (process.env.JIGSAW_DEBUG) throw err;
    process.stderr.write(`jigsaw: unexpected error: ${(err as Error).message} (set JIGSAW_DEBUG=1 for details)\n`);
    return 1;
  }
}

function usage(problem: string): number {
  process.stderr.write(`jigsaw: ${problem}\n${USAGE}\n`);
  return 2;
}

function describeReport(r: Awaited<ReturnType<typeof importExtract>>, check = false): string {
  if (r.alreadyImported) return `${r.file}: already imported for ${r.agency} (version ${r.version}); nothing added`;
  // Section dividers ("2005" across a Word table) are reported apart: not entries, and nothing to fix.
  const dividers = r.warnings.filter((p) => p.reason === 'section_divider');
  const warnings = r.warnings.filter((p) => p.reason !== 'section_divider');
  const lines = [
    `${r.file} (${r.agency}, ${r.format}): ${count(r.imported, 'row')} ${check ? 'would be imported' : 'imported'}` +
      `, ${r.rejected.length} rejected, ${count(r.duplicates.length, 'duplicate')}, ${count(warnings.length, 'warning')}` +
      (dividers.length ? `, ${count(dividers.length, 'section divider')}` : ''),
    ...r.rejected.map((p) => `  rejected  ${rowLabel(p.row, p.line)}: ${p.reason}: ${p.message}`),
    ...r.duplicates.map((d) => `  duplicate ${rowLabel(d.row, d.line)} of ${rowLabel(d.duplicateOf, d.duplicateOfLine)}`),
    ...warnings.map((p) => `  warning   ${rowLabel(p.row, p.line)}: ${p.reason}: ${p.message}`),
    ...dividers.map((p) => `  divider   ${rowLabel(p.row, p.line)}: ${p.message}`),
    ...(r.diff
      ? [
          `  against version ${r.diff.previousVersion} (${r.diff.previousFile}): ${count(r.diff.added, 'row')} added, ${r.diff.removed} removed, ` +
            `${r.diff.changed} changed, ${r.diff.unchanged} unchanged`,
        ]
      : []),
  ];
  return lines.join('\n');
}

/** The first argument when it names a case file (so a CSV is never mistaken for an encrypted case). */
function caseLike(command: string | undefined, first: string | undefined): string | undefined {
  return first && (first.toLowerCase().endsWith('.jigsaw') || PROTECTION_COMMANDS.includes(command ?? '')) ? first : undefined;
}

export const caseBaseName = (p: string): string => path.basename(p);
