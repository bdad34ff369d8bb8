// The case's own lexicon and settings: seeded from the defaults on first use, edited by the panel
// (audited), versioned so that a change reclassifies every entry.
import type { Lexicon, LexiconRule, LexiconUpdate, SignalSettings } from '../../../shared/signals.js';
import { signalApiArgs } from '../../../shared/signals.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { ruleSource } from './classify.js';
import { DEFAULT_RULES, DEFAULT_SETTINGS } from './default-lexicon.js';

const META = { seeded: 'signals_seeded', version: 'signals_lexicon_version', span: 'signals_span_days', grace: 'signals_grace_days', model: 'signals_read_by_model' } as const;

interface RuleRow {
  id: number;
  pattern: string;
  is_regex: number;
  case_sensitive: number;
  kind: LexiconRule['kind'];
  theme: string;
  severity: number;
  enabled: number;
}

/** Seed the defaults once per case; a panel that deletes every rule keeps an empty lexicon. */
export function ensureLexicon(c: CaseFile): void {
  if (c.meta(META.seeded) !== null) return;
  c.db.transaction(() => {
    insertRules(c, DEFAULT_RULES.map((r) => ({ ...r, enabled: true })));
    c.setMeta(META.seeded, new Date().toISOString());
    c.setMeta(META.version, '1');
  })();
}

export function readLexicon(c: CaseFile): Lexicon {
  ensureLexicon(c);
  const rows = c.db.prepare('SELECT * FROM signal_rules ORDER BY id').all() as RuleRow[];
  return {
    rules: rows.map((r) => ({
      id: r.id,
      pattern: r.pattern,
      regex: r.is_regex === 1,
      caseSensitive: r.case_sensitive === 1,
      kind: r.kind,
      theme: r.theme,
      severity: r.severity,
      enabled: r.enabled === 1,
    })),
    settings: readSettings(c),
  };
}

export function readSettings(c: CaseFile): SignalSettings {
  const num = (key: string, fallback: number) => {
    const v = Number(c.meta(key));
    return c.meta(key) !== null && Number.isFinite(v) ? v : fallback;
  };
  const model = c.meta(META.model);
  return {
    spanDays: num(META.span, DEFAULT_SETTINGS.spanDays),
    graceDays: num(META.grace, DEFAULT_SETTINGS.graceDays),
    readByModel: model === null ? DEFAULT_SETTINGS.readByModel : model === '1',
  };
}

/** Changes to the lexicon invalidate every classification: the version says so. */
export function lexiconVersion(c: CaseFile): string {
  return c.meta(META.version) ?? '0';
}

/** Replace the rules and/or the settings; every rule is checked first, so a bad one changes nothing. */
export function updateLexicon(c: CaseFile, actor: Actor, update: LexiconUpdate): Lexicon {
  const parsed = signalApiArgs.updateLexicon.parse([update])[0];
  parsed.rules?.forEach((r) => ruleSource(r));
  const before = readLexicon(c);
  c.db.transaction(() => {
    if (parsed.rules) {
      c.db.prepare('DELETE FROM signal_rules').run();
      insertRules(c, parsed.rules);
    }
    if (parsed.settings) {
      c.setMeta(META.span, String(parsed.settings.spanDays));
      c.setMeta(META.grace, String(parsed.settings.graceDays));
      if (parsed.settings.readByModel !== undefined) c.setMeta(META.model, parsed.settings.readByModel ? '1' : '0');
    }
    c.setMeta(META.version, String(Number(lexiconVersion(c)) + 1));
    const after = readLexicon(c);
    recordAudit(c.db, actor, { action: 'signals.lexicon.update', entity: 'lexicon', before, after });
  })();
  return readLexicon(c);
}

function insertRules(c: CaseFile, rules: readonly Omit<LexiconRule, 'id'>[]): void {
  const ins = c.db.prepare('INSERT INTO signal_rules(pattern, is_regex, case_sensitive, kind, theme, severity, enabled) VALUES (?,?,?,?,?,?,?)');
  for (const r of rules) ins.run(r.pattern, r.regex ? 1 : 0, r.caseSensitive ? 1 : 0, r.kind, r.theme, r.severity, r.enabled ? 1 : 0);
}
