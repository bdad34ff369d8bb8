// The review from the command line: settings, request packs, the agencies' dashboard, sign-off and
// silent periods. JSON shapes are those of the API (shared/review.ts) and are listed in the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../engine/audit.js';
import { CaseFile } from '../../engine/case-file.js';
import { JigsawError } from '../../engine/errors.js';
import { reviewDashboard } from '../../engine/review/dashboard.js';
import { PACK_KINDS, requestPack } from '../../engine/review/request-pack.js';
import { getReviewSettings, updateReviewSettings } from '../../engine/review/settings.js';
import { signOffExtract } from '../../engine/review/sign-off.js';
import { silentPeriods } from '../../engine/review/silent-periods.js';
import { reviewSettingsSchema, type AgencyStatus, type ReviewSettings } from '../../../shared/review.js';
import type { Command, CommandContext } from '../commands.js';
import { usage } from './usage.js';
import { count } from '../../../shared/words.js';

/** Changes made from the command line are audited under the operating-system user. */
const cliActor = (): Actor => ({ name: os.userInfo().username || 'command line', role: 'command line' });

async function withCase<T>(ctx: CommandContext, fn: (c: CaseFile) => Promise<T> | T, create = false): Promise<T> {
  const c = CaseFile.open(ctx.positionals[0]!, { passphrase: ctx.passphrase, create });
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const agencyList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export const reviewCommand: Command = {
  usage: 'jigsaw review <case> [--settings settings.json] [--json]   (show, or replace, the review settings; creates the case)',
  async run(ctx) {
    if (!ctx.positionals[0]) return usage('review needs <case>');
    const file = str(ctx.values.settings);
    let input: ReviewSettings | undefined;
    if (file) {
      try {
        input = JSON.parse(fs.readFileSync(file, 'utf8')) as ReviewSettings;
      } catch (err) {
        throw new JigsawError('unreadable_file', `${path.basename(file)}: not readable as JSON (${(err as Error).message})`);
      }
      // Checked before the case is opened (or created), so bad settings write nothing at all.
      const checked = reviewSettingsSchema.safeParse(input);
      if (!checked.success) {
        const first = checked.error.issues[0];
        throw new JigsawError('bad_request', `Review settings not saved: ${first?.path.join('.') || 'settings'}: ${first?.message ?? 'invalid'}`);
      }
    }
    const view = await withCase(ctx, (c) => (input ? updateReviewSettings(c, cliActor(), input) : getReviewSettings(c)), input !== undefined);
    const s = view.settings;
    ctx.out(view, [
      `${s.title}: ${s.reviewType}, period ${s.periodFrom ?? '…'} to ${s.periodTo ?? '…'} (settings revision ${view.revision}${view.saved ? '' : ', defaults: not saved yet'})`,
      `  people:   ${s.people.map((p) => `${p.name} (${p.role})`).join('; ') || 'none listed'}`,
      `  agencies: ${s.agencies.join('; ') || 'none asked'}`,
      `  columns:  ${s.columns.filter((c) => c.wanted).map((c) => `${c.heading}${c.mandatory ? '*' : ''}`).join(', ')}  (* mandatory)`,
      `  silent-period gap: ${s.silentGapDays} days; glossary: ${s.glossary.length} abbreviations`,
    ].join('\n'));
    return 0;
  },
};

export const templateCommand: Command = {
  usage: 'jigsaw template <case> [--agency A]... [--out DIR] [--json]   (request packs: XLSX, Word template, cover note)',
  async run(ctx) {
    if (!ctx.positionals[0]) return usage('template needs <case>');
    const outDir = path.resolve(str(ctx.values.out) ?? '.');
    const written = await withCase(ctx, async (c) => {
      const agencies = agencyList(ctx.values.agency).length ? agencyList(ctx.values.agency) : getReviewSettings(c).settings.agencies;
      if (!agencies.length) throw new JigsawError('bad_request', 'Name an agency with --agency, or list the agencies asked in the review settings');
      fs.mkdirSync(outDir, { recursive: true });
      const files: { agency: string; kind: string; path: string }[] = [];
      for (const agency of agencies) {
        for (const kind of PACK_KINDS) {
          const pack = await requestPack(c, agency, kind);
          const p = path.join(outDir, pack.fileName);
          fs.writeFileSync(p, pack.bytes);
          files.push({ agency, kind, path: p });
        }
      }
      return files;
    });
    ctx.out({ files: written }, written.map((f) => `${f.agency.padEnd(20)} ${f.kind.padEnd(6)} ${f.path}`).join('\n'));
    return 0;
  },
};

const STATE_TEXT: Record<AgencyStatus['state'], string> = {
  awaiting: 'awaiting extract',
  awaiting_sign_off: 'received, not signed off',
  signed_off: 'signed off',
  needs_new_sign_off: 're-uploaded since sign-off: needs a new sign-off',
};

const describeStatus = (s: AgencyStatus): string =>
  `${s.agency.padEnd(22)} ${s.asked ? 'asked' : 'not asked'}; ` +
  (s.received ? `v${s.received.version} ${s.received.fileName} (${count(s.received.imported, 'entry')}); problems: ${s.problems.rejected} rejected, ${count(s.problems.warnings, 'warning')}, ${count(s.problems.duplicates, 'duplicate')}; ` : '') +
  STATE_TEXT[s.state] +
  (s.signOff ? ` (v${s.signOff.version} by ${s.signOff.name}, ${s.signOff.role}, ${s.signOff.date})` : '');

export const dashboardCommand: Command = {
  usage: 'jigsaw dashboard <case> [--json]   (agencies: asked, received, problems, signed off)',
  async run(ctx) {
    if (!ctx.positionals[0]) return usage('dashboard needs <case>');
    const rows = await withCase(ctx, (c) => reviewDashboard(c));
    ctx.out(rows, rows.map(describeStatus).join('\n') || 'No agencies asked or imported yet');
    return 0;
  },
};

export const signOffCommand: Command = {
  usage: 'jigsaw sign-off <case> --agency A --version N --name "Full name" --role "Role" [--date YYYY-MM-DD] [--json]',
  async run(ctx) {
    const [agency] = agencyList(ctx.values.agency);
    const version = Number(str(ctx.values.version));
    const name = str(ctx.values.name);
    const role = str(ctx.values.role);
    const date = str(ctx.values.date) ?? new Date().toISOString().slice(0, 10);
    if (!ctx.positionals[0] || !agency || !Number.isInteger(version) || version < 1 || !name || !role) {
      return usage('sign-off needs <case> --agency A --version N --name "Full name" --role "Role"');
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return usage('--date must be YYYY-MM-DD');
    const status = await withCase(ctx, (c) => signOffExtract(c, cliActor(), { agency, version, name, role, date }));
    ctx.out(status, describeStatus(status));
    return 0;
  },
};

export const silentCommand: Command = {
  usage: 'jigsaw silent <case> [--gap DAYS] [--json]   (periods with no contact)',
  async run(ctx) {
    if (!ctx.positionals[0]) return usage('silent needs <case>');
    const gap = str(ctx.values.gap);
    if (gap !== undefined && !/^\d+$/.test(gap)) return usage('--gap must be a number of days');
    const r = await withCase(ctx, (c) => silentPeriods(c, { gapDays: gap ? Number(gap) : undefined }));
    const span = (s: { from: string; to: string; days: number }) => `${s.from} to ${s.to} (${s.days} days)`;
    ctx.out(r, [
      `No contact from any agency for more than ${r.gapDays} days, ${r.from ?? '…'} to ${r.to ?? '…'}:`,
      ...(r.subject.length ? r.subject.map((s) => `  ${span(s)}`) : ['  none']),
      ...r.agencies.map((a) => `${a.agency}: ${a.spans.length ? a.spans.map(span).join('; ') : 'no gap over the limit'}`),
    ].join('\n'));
    return 0;
  },
};
