// Classifies an entry's words with the case's lexicon. Each rule is indexed by the word it can start
// with, so a text is read once, word by word, and only the few rules that could start at a word are
// tried there; each match is then checked for negation in its own clause ("no bruising").
import { MODEL_RULE_ID, type LexiconRule, type SignalKind } from '../../../shared/signals.js';
import { JigsawError } from '../errors.js';
import { CONCERN_MODEL, concernEvidence, concernProbability } from './concern-model.js';

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
// Contractions count ("doesn't appear intoxicated"), but not can't / couldn't / won't / wouldn't:
// "couldn't explain the bruising" and "won't let her" deny nothing.
const NEGATION_BEFORE =
  /(?<!\w)(?:no|not|nil|nor|neither|none|without|never|denies|denied|deny|denying|negative for|absence of|ruled out|nothing to (?:suggest|indicate)|(?:does|did|do|is|was|are|were|has|have|had)n['’]t)(?!\w)/i;
const RESPONSE_NEGATION_BEFORE = /(?<!\w)(?:declined|refused|decided against|considered|no need for)(?!\w)/i;
// "safeguarding referral – declined", "MARAC alert not noted": a word or two may come between.
const RESPONSE_NEGATION_AFTER = /^[\s:\-–—]*(?:[\w']+\s+){0,2}?(?:was |were |is |has been |have been )?(?:not|declined|refused|cancelled|deemed not|unnecessary)(?!\w)/i;
// A concern denied after it is named: "Self harm - denies", "DA: nil", "asked re DA - none disclosed",
// "DV checks: no callouts", "NAI ruled out", "injuries consistent with the account given".
const CONCERN_NEGATION_AFTER = new RegExp(
  '^(?:' +
    // straight after, or after a dash or colon: a denial
    "\\s*[-–—:]?\\s*(?:was |were |is |are |has been |have been )?(?:denied|denies|nil|none|negative|ruled out|not (?:disclosed|present|evident|seen|found|identified|reported|known))(?!\\w)" +
    // the concern as the subject of a check or question whose answer is no
    "|\\s+(?:routine\\s+)?(?:enquir(?:y|ies)|checks?|screen(?:ing)?|questions?)(?:\\s+\\w+){0,3}?\\s*[-–—:,]?\\s*(?:no|nil|none|negative|denied|denies)(?!\\w)" +
    // an injury that fits the explanation given
    '|\\s+(?:\\w+\\s+)?(?:is |are |was |were )?consistent with (?:the |a |an )?(?:history|account|explanation|mechanism|fall|accident)' +
    // a planned closure: "case closed following successful reablement", "closed as goals achieved"
    '|\\s*[-,]?\\s*(?:as |following |after |with )?(?:a |the )?(?:successful|planned|goals? (?:met|achieved)|outcomes? (?:met|achieved)|all goals)' +
    ')',
  'i',
);
const CLAUSE_BREAK = /[.;:!?\n\r,]|(?<!\w)(?:but|however|although|though)(?!\w)/gi;
/** Sentence-like breaks: a list's commas are not among them. */
const HARD_BREAK = /[.;:!?\n\r]|(?<!\w)(?:but|however|although|though)(?!\w)/gi;
const NEGATION_WORDS = 5;
/** How far back a negation reaches along a list joined by "or" / "nor" ("denies DA, SH or substance misuse"). */
const LIST_WORDS = 10;
const LIST_OR = /(?<!\w)n?or(?!\w)/i;
/** After a listed item: the rest of the list up to its "or" ("bruises, grazes or burns"). */
const LIST_CLOSES_AFTER = /^\s*(?:,\s*[\w'-]+(?:\s+[\w'-]+)?\s*)*,?\s*n?or(?!\w)/i;

/** Spans of text already read as a concern ("no money", "no heating"): their words deny nothing. */
type Span = readonly [number, number];

/** The text from the last break before `at` (within 80 characters), with concern matches blanked. */
function sinceBreak(text: string, at: number, breaks: RegExp, read: readonly Span[]): string {
  const from = Math.max(0, at - 80);
  let before = text.slice(from, at);
  for (const [s, e] of read) {
    if (e <= from || s >= at) continue;
    const a = Math.max(s, from) - from;
    const b = Math.min(e, at) - from;
    before = before.slice(0, a) + ' '.repeat(b - a) + before.slice(b);
  }
  let cut = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(before); m; m = breaks.exec(before)) cut = m.index + m[0].length;
  return before.slice(cut).trim();
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

/**
 * A negation scopes over a list joined by commas and "or" / "nor": "no cuts, bruises or burns",
 * "denies thoughts of self harm or suicide". Only within one sentence, and only when the list has an
 * "or" / "nor" after the negation (before the match, or closing the list after it): in "nil of note,
 * DNA x2" the DNA is not denied.
 */
function negatedList(text: string, start: number, end: number, read: readonly Span[]): boolean {
  const words = lastWords(sinceBreak(text, start, HARD_BREAK, read), LIST_WORDS);
  const cue = new RegExp(NEGATION_BEFORE.source, 'gi');
  let after = -1;
  for (let m = cue.exec(words); m; m = cue.exec(words)) after = m.index + m[0].length;
  if (after < 0) return false;
  return LIST_OR.test(words.slice(after)) || LIST_CLOSES_AFTER.test(text.slice(end, end + 50));
}

function isNegated(text: string, start: number, end: number, kind: SignalKind, read: readonly Span[] = []): boolean {
  if (kind === 'routine') return false;
  // "non-injury fall", "non injury": the prefix denies the word it is joined to
  if (/(?<!\w)non[-\s]?$/i.test(text.slice(Math.max(0, start - 4), start))) return true;
  const prefix = lastWords(sinceBreak(text, start, CLAUSE_BREAK, read), NEGATION_WORDS);
  if (NEGATION_BEFORE.test(prefix) || negatedList(text, start, end, read)) return true;
  if (kind === 'concern') return CONCERN_NEGATION_AFTER.test(text.slice(end, end + 60));
  return RESPONSE_NEGATION_BEFORE.test(prefix) || RESPONSE_NEGATION_AFTER.test(text.slice(end, end + 40));
}

const KIND_ORDER: Record<SignalKind, number> = { response: 0, concern: 1, routine: 2 };

/** How a rule can start: an exact first word, a word prefix, or anywhere (checked everywhere). */
type Anchor = { exact: string } | { prefix: string } | 'anywhere';

/** The first word(s) a rule can match on, so each text is only tried against a handful of rules. */
export function anchorsOf(rule: Pick<LexiconRule, 'pattern' | 'regex'>): Anchor[] {
  const p = rule.pattern.trim();
  if (rule.regex) {
    // One that opens with a group of literal words ("\b(?:takes|took|taking)\s+...") on each of them.
    const alt = /^(?:\\b)?\(\?:([A-Za-z0-9]+(?:\|[A-Za-z0-9]+)*)\)(.?)/.exec(p);
    if (alt && !/[?*{]/.test(alt[2]!) && !/[|]/.test(p.replace(/\([^()]*\)/g, ''))) return alt[1]!.split('|').map((w) => ({ prefix: w.toLowerCase() }));
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

export interface ClassifierOptions {
  /** Read what the lexicon leaves unread with the concern model (default true; off to measure the lexicon alone). */
  model?: boolean;
}

export function buildClassifier(rules: readonly LexiconRule[], opts: ClassifierOptions = {}): Classifier {
  const useModel = opts.model ?? true;
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

  /** Whether the entry denied a concern ("no bruising seen"): the model then does not read one in. */
  let denied = false;
  const accept = (hits: RuleHit[], read: Span[], rule: LexiconRule, text: string, start: number, matched: string): boolean => {
    if (matched.length === 0) return false;
    if (isNegated(text, start, start + matched.length, rule.kind, read)) {
      if (rule.kind === 'concern') denied = true;
      return false;
    }
    hits.push({ ruleId: rule.id, kind: rule.kind, theme: rule.theme, severity: rule.severity, matched });
    if (rule.kind === 'concern') read.push([start, start + matched.length]);
    return true;
  };

  return {
    classify(text: string): Classification {
      const hits: RuleHit[] = [];
      const read: Span[] = [];
      denied = false;
      let resumeAt = 0;
      WORD.lastIndex = 0;
      for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
        if (w.index < resumeAt) continue;
        const candidates = candidatesFor(w[0]);
        if (!candidates) continue;
        for (const c of candidates) {
          c.sticky.lastIndex = w.index;
          const m = c.sticky.exec(text);
          if (m && accept(hits, read, c.rule, text, w.index, m[0])) {
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
          else accept(hits, read, g.rule, text, m.index, m[0]);
        }
      }
      const found = explainedInjuriesDropped(text, hits);
      const explained = found.length < hits.length;
      // The model reads only what the lexicon left unread: not a concern it found, denied or explained.
      if (useModel && !denied && !explained && !found.some((h) => h.kind === 'concern' || h.kind === 'response')) {
        if (concernProbability(text) >= CONCERN_MODEL.threshold) {
          found.push({ ruleId: MODEL_RULE_ID, kind: 'concern', theme: 'read-by-model', severity: CONCERN_MODEL.severity, matched: concernEvidence(text).join(', ') });
        }
      }
      return summarise(found);
    },
  };
}

// An injury the clinician judged to fit its account is recorded, not worried about: "1.5cm chin
// lac. Mechanism consistent, playing happily". Unless the same entry doubts it.
const INJURY_EXPLAINED =
  /(?<!\w)(?:mechanism|history|account|explanation|story)\s+(?:(?:is|was|seems|appears)\s+)?(?:consistent|in keeping|fits)(?!\w)|(?<!in)consistent with (?:the |a |an )?(?:history|account|mechanism|explanation|fall|accident|play)/i;
const INJURY_DOUBTED = /inconsistent|unexplained|\bNAI\b|non-?accidental|(?:does not|doesn'?t|did not|didn'?t) fit|delay(?:ed)? (?:in )?present/i;

function explainedInjuriesDropped(text: string, hits: RuleHit[]): RuleHit[] {
  if (!hits.some((h) => h.kind === 'concern' && h.theme === 'injury') || !INJURY_EXPLAINED.test(text) || INJURY_DOUBTED.test(text)) return hits;
  return hits.filter((h) => !(h.kind === 'concern' && h.theme === 'injury'));
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
