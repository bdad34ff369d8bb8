// Classifies an entry's words with the case's lexicon. Each rule is indexed by the word it can start
// with, so a text is read once, word by word, and only the few rules that could start at a word are
// tried there; each match is then checked for negation in its own clause ("no bruising").
import type { LexiconRule, SignalKind } from '../../../shared/signals.js';
import { JigsawError } from '../errors.js';

export interface RuleHit {
  ruleId: number;
  kind: SignalKind;
  theme: string;
  severity: number;
  matched: string;
}

export interface Classification {
  kind: SignalKind | null;
  themes: string[];
  /** Highest severity among concern rules that fired; 0 when none. */
  concernSeverity: number;
  isResponse: boolean;
  hits: RuleHit[];
}

export interface Classifier {
  classify(text: string): Classification;
}

/** A phrase becomes a regular expression: whole words, `*` any word ending, `(a|b)` either, `?` optional. */
export function phraseSource(phrase: string): string {
  let out = '';
  for (const ch of phrase.trim()) {
    if (ch === '*') out += '\\w*';
    else if (ch === '(') out += '(?:';
    else if (ch === ')' || ch === '|' || ch === '?') out += ch;
    else if (/\s/.test(ch)) out += out.endsWith('\\s+') ? '' : '\\s+';
    else if (ch === '-') out += '[-\\s]?';
    else out += ch.replace(/[\\^$.+[\]{}/]/g, '\\$&');
  }
  return `(?<!\\w)${out}(?!\\w)`;
}

/** The rule as a regular-expression source, or a clear error naming the rule. */
export function ruleSource(rule: Pick<LexiconRule, 'pattern' | 'regex'>): string {
  const source = rule.regex ? rule.pattern : phraseSource(rule.pattern);
  // Combined into one expression, a rule must not number or name groups of its own.
  if (rule.regex && (/\(\?<(?![=!])/.test(source) || /\\[1-9]/.test(source))) {
    throw new JigsawError('bad_rule', `Rule "${rule.pattern}": named groups and back-references are not supported`);
  }
  try {
    new RegExp(source, 'u');
  } catch (err) {
    throw new JigsawError('bad_rule', `Rule "${rule.pattern}" is not a valid pattern: ${(err as Error).message}`);
  }
  if (new RegExp(source, 'u').test('')) throw new JigsawError('bad_rule', `Rule "${rule.pattern}" matches empty text`);
  return source;
}

// Words that deny what follows in the same clause, and (for responses) what comes straight after.
const NEGATION_BEFORE = /(?<!\w)(?:no|not|nil|nor|without|never|denies|denied|deny|denying|negative for|absence of|ruled out)(?!\w)/i;
const RESPONSE_NEGATION_BEFORE = /(?<!\w)(?:declined|refused|decided against|considered|no need for)(?!\w)/i;
const RESPONSE_NEGATION_AFTER = /^[\s:-]*(?:was |were |is |has been |have been )?(?:not|declined|refused|cancelled|deemed not|unnecessary)(?!\w)/i;
const CLAUSE_BREAK = /[.;:!?\n\r,]|(?<!\w)(?:but|however|although|though)(?!\w)/gi;
const NEGATION_WORDS = 5;

function clausePrefix(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 80), at);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) cut = m.index + m[0].length;
  const words = before.slice(cut).trim().split(/\s+/);
  return words.slice(-NEGATION_WORDS).join(' ');
}

function isNegated(text: string, start: number, end: number, kind: SignalKind): boolean {
  if (kind === 'routine') return false;
  const prefix = clausePrefix(text, start);
  if (NEGATION_BEFORE.test(prefix)) return true;
  if (kind !== 'response') return false;
  return RESPONSE_NEGATION_BEFORE.test(prefix) || RESPONSE_NEGATION_AFTER.test(text.slice(end, end + 40));
}

const KIND_ORDER: Record<SignalKind, number> = { response: 0, concern: 1, routine: 2 };

/** How a rule can start: an exact first word, a word prefix, or anywhere (checked everywhere). */
type Anchor = { exact: string } | { prefix: string } | 'anywhere';

/** The first word(s) a rule can match on, so each text is only tried against a handful of rules. */
export function anchorsOf(rule: Pick<LexiconRule, 'pattern' | 'regex'>): Anchor[] {
  const p = rule.pattern.trim();
  if (rule.regex) {
    // A regular expression that opens with a literal word (after an optional \b) can be anchored on it.
    const m = /^(?:\\b)?([A-Za-z0-9]+)(.?)/.exec(p);
    if (!m || m[2] === '|' || /[?*{]/.test(m[2]!) || /[|]/.test(p.replace(/\([^()]*\)/g, ''))) {
      return m && /[?*]/.test(m[2]!) && m[1]!.length > 1 ? [{ prefix: m[1]!.slice(0, -1).toLowerCase() }] : ['anywhere'];
    }
    return [{ prefix: m[1]!.toLowerCase() }];
  }
  if (p.startsWith('(')) {
    const close = p.indexOf(')');
    if (close < 0 || p[close + 1] === '?') return ['anywhere'];
    const starred = p[close + 1] === '*';
    return p.slice(1, close).split('|').flatMap((alt) => tokenAnchor(alt + (starred ? '*' : '')));
  }
  return tokenAnchor(p);
}

function tokenAnchor(text: string): Anchor[] {
  const m = /^(\w+)(.?)/.exec(text.trim());
  if (!m) return ['anywhere'];
  const word = m[1]!.toLowerCase();
  if (m[2] === '*') return [{ prefix: word }];
  if (m[2] === '?') return word.length > 1 ? [{ prefix: word.slice(0, -1) }] : ['anywhere'];
  if (m[2] === '(' || m[2] === '|') return ['anywhere'];
  return [{ exact: word }];
}

interface CompiledRule {
  rule: LexiconRule;
  /** Sticky: tried only at a candidate word's start. */
  sticky: RegExp;
}

export function buildClassifier(rules: readonly LexiconRule[]): Classifier {
  const enabled = rules
    .filter((r) => r.enabled)
    // At one position the first rule that matches wins: responses first, then the longest phrase.
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.pattern.length - a.pattern.length || a.id - b.id);
  const exact = new Map<string, CompiledRule[]>();
  const prefix = new Map<string, CompiledRule[]>();
  const anywhere: CompiledRule[] = [];
  const push = (m: Map<string, CompiledRule[]>, k: string, c: CompiledRule) => {
    const l = m.get(k);
    if (!l) m.set(k, [c]);
    else if (!l.includes(c)) l.push(c);
  };
  for (const rule of enabled) {
    const source = ruleSource(rule);
    const flags = `${rule.caseSensitive ? '' : 'i'}${rule.regex ? 'u' : ''}`;
    const c: CompiledRule = { rule, sticky: new RegExp(source, `y${flags}`) };
    for (const a of anchorsOf(rule)) {
      if (a === 'anywhere') anywhere.push(c);
      else if ('exact' in a) push(exact, a.exact, c);
      else push(prefix, a.prefix, c);
    }
  }
  const prefixLengths = [...new Set([...prefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  const rank = new Map(enabled.map((r, i) => [r, i]));
  const byRank = (a: CompiledRule, b: CompiledRule) => rank.get(a.rule)! - rank.get(b.rule)!;
  const global = anywhere.map((c) => ({ rule: c.rule, re: new RegExp(c.sticky.source, c.sticky.flags.replace('y', 'g')) }));
  const WORD = /\w+/g;

  /** The rules that could start at a word (lower case), best first; undefined when none. */
  const lookup = (lower: string): CompiledRule[] | undefined => {
    let out = exact.get(lower);
    for (const len of prefixLengths) {
      if (len > lower.length) break;
      const more = prefix.get(lower.slice(0, len));
      if (more) out = out ? [...new Set([...out, ...more])].sort(byRank) : more;
    }
    return out;
  };
  // Chronologies reuse a small vocabulary: remember each word's candidates (bounded).
  const seen = new Map<string, CompiledRule[] | undefined>();
  const candidatesFor = (word: string): CompiledRule[] | undefined => {
    if (seen.has(word)) return seen.get(word);
    const out = lookup(word.toLowerCase());
    if (seen.size < 500_000) seen.set(word, out);
    return out;
  };

  const accept = (hits: RuleHit[], rule: LexiconRule, text: string, start: number, matched: string): boolean => {
    if (matched.length === 0 || isNegated(text, start, start + matched.length, rule.kind)) return false;
    hits.push({ ruleId: rule.id, kind: rule.kind, theme: rule.theme, severity: rule.severity, matched });
    return true;
  };

  return {
    classify(text: string): Classification {
      const hits: RuleHit[] = [];
      let resumeAt = 0;
      WORD.lastIndex = 0;
      for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
        if (w.index < resumeAt) continue;
        const candidates = candidatesFor(w[0]);
        if (!candidates) continue;
        for (const c of candidates) {
          c.sticky.lastIndex = w.index;
          const m = c.sticky.exec(text);
          if (m && accept(hits, c.rule, text, w.index, m[0])) {
            resumeAt = w.index + m[0].length; // words inside a match are not read again
            break;
          }
        }
      }
      // Rules with no literal first word (rare: some regular expressions) are searched everywhere.
      for (const g of global) {
        g.re.lastIndex = 0;
        for (let m = g.re.exec(text); m; m = g.re.exec(text)) {
          if (m[0].length === 0) g.re.lastIndex++;
          else accept(hits, g.rule, text, m.index, m[0]);
        }
      }
      return summarise(hits);
    },
  };
}

function summarise(hits: RuleHit[]): Classification {
  if (hits.length === 0) return { kind: null, themes: [], concernSeverity: 0, isResponse: false, hits };
  let concernSeverity = 0;
  let isResponse = false;
  const themes: string[] = [];
  for (const h of hits) {
    if (h.kind === 'concern') concernSeverity = Math.max(concernSeverity, h.severity);
    else if (h.kind === 'response') isResponse = true;
    if (!themes.includes(h.theme)) themes.push(h.theme);
  }
  // A response outranks a concern (the agency acted on what it saw); a concern outranks routine.
  const kind: SignalKind = isResponse ? 'response' : concernSeverity > 0 ? 'concern' : 'routine';
  // Routine themes say nothing once a concern or response is present.
  const shown = kind === 'routine' ? themes : themes.filter((t) => hits.some((h) => h.theme === t && h.kind !== 'routine'));
  return { kind, themes: shown, concernSeverity, isResponse, hits };
}

/** The words of an entry the lexicon reads: contact type, text and outcome. */
export function entryText(e: { contact_type: string | null; text: string; outcome: string | null }): string {
  return `${e.contact_type ?? ''}. ${e.text}. ${e.outcome ?? ''}`;
}
