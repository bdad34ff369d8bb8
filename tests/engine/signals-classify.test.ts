import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_RULE_ID, type LexiconRule } from '../../shared/signals';
import { anchorsOf, buildClassifier, phraseSource, ruleSource } from '../../electron/engine/signals/classify';
import { DEFAULT_RULES } from '../../electron/engine/signals/default-lexicon';
import { ROOT } from './helpers';

const defaults: LexiconRule[] = DEFAULT_RULES.map((r, i) => ({ ...r, id: i + 1, enabled: true }));
const classifier = buildClassifier(defaults);
const k = (text: string) => classifier.classify(text);

describe('the concern model beside the lexicon', () => {
  const talkedOver = 'A male answered the phone and said she was asleep; he did all the talking';

  it('reads a concern no rule lists, at the lowest severity, and says it was the model', () => {
    expect(buildClassifier(defaults, { model: false }).classify(talkedOver).kind).toBe(null);
    const read = k(talkedOver);
    expect(read).toMatchObject({ kind: 'concern', themes: ['read-by-model'], concernSeverity: 1 });
    expect(read.hits[0]!.ruleId).toBe(MODEL_RULE_ID);
    // its evidence is the words that weighed towards concern, never filler
    expect(read.hits[0]!.matched.split(', ').every((w) => w.length >= 4)).toBe(true);
  });

  it('leaves alone what the lexicon read, denied or judged explained', () => {
    expect(k('Referred to MASH').hits.some((h) => h.ruleId === MODEL_RULE_ID)).toBe(false);
    // the model alone reads 'assisted off floor' as a worry; the entry itself rules the injury out
    expect(buildClassifier([], {}).classify('Pt assisted off floor, no injuries, left with carer.').kind).toBe('concern');
    expect(k('Pt assisted off floor, no injuries, left with carer.').kind).toBe(null);
    expect(k('1.5cm chin laceration. Mechanism consistent, playing happily').kind).toBe(null);
  });
});

describe('classifying entries with the default lexicon', () => {
  it('reads concerns with their themes and severity', () => {
    expect(k('Facial bruising and cut lip, says he fell down stairs.')).toMatchObject({ kind: 'concern', themes: ['injury'], concernSeverity: 2 });
    expect(k("States 'they took my card'.").themes).toContain('exploitation');
    expect(k('Men going in and out of the flat all night').themes).toContain('associates');
    expect(k('Says he has capacity to decide who visits. Case closed.').themes).toEqual(['capacity', 'closed-declined']);
  });

  it('understands UK practice abbreviations, matching letter case where a word would be ambiguous', () => {
    expect(k('DNA. Letter sent.').themes).toContain('missed-appointments');
    expect(k('Attended: NFA').themes).toContain('closed-declined');
    expect(k('ASB reported by neighbour').kind).toBe('concern');
    expect(k('DV incident, S/W informed').themes).toContain('domestic-abuse');
    expect(k('O/E: bruising to left forearm').themes).toEqual(['injury']);
    expect(k('Referred to MASH').kind).toBe('response');
    expect(k('s42 enquiry opened').themes).toContain('section-42');
    // lower-case "da" / "su" are not the abbreviations
    expect(k('Spoke to da vinci club about su doku group').kind).toBe(null);
  });

  it('handles negation within the clause', () => {
    expect(k('No bruising seen').kind).toBe(null);
    expect(k('Denies concerns.').kind).toBe(null);
    expect(k('Planned review, no concerns raised.')).toMatchObject({ kind: 'routine' });
    expect(k('Review: no bruising seen, denies concerns. Weight stable.').kind).toBe(null);
    // a new clause is not negated by the previous one
    expect(k('No injuries. Weight loss noted.').themes).toEqual(['self-neglect']);
    expect(k('No injuries but bruising to neck on second look').themes).toEqual(['injury']);
    // a response that was not made is not a response
    expect(k('No safeguarding referral made.').kind).toBe(null);
    expect(k('Strategy meeting not held; case closed').kind).toBe('concern');
    expect(k('Declined safeguarding referral').isResponse).toBe(false);
  });

  it('ranks response over concern over routine, and keeps the concern themes of a response', () => {
    const r = k('Bruising noted at annual review; safeguarding referral made.');
    expect(r).toMatchObject({ kind: 'response', isResponse: true, concernSeverity: 2 });
    expect([...r.themes].sort()).toEqual(['injury', 'referral']);
    expect(k('Annual medication review. Repeat prescriptions issued.')).toMatchObject({ kind: 'routine', themes: ['review', 'statement'] });
  });

  it('records which rule fired and the words it matched', () => {
    const r = k('Weight loss 6kg, appears unkempt.');
    expect(r.hits.map((h) => h.matched)).toEqual(['Weight loss', 'unkempt']);
    expect(r.hits.every((h) => defaults.some((d) => d.id === h.ruleId && d.theme === h.theme))).toBe(true);
  });
});

describe('lexicon rules as data', () => {
  it('turns phrases into whole-word patterns with * endings, alternatives and optional parts', () => {
    const re = new RegExp(phraseSource('bruis*'), 'i');
    expect(re.test('BRUISES')).toBe(true);
    expect(re.test('abruise')).toBe(false);
    const alt = new RegExp(phraseSource('associate* at (the )?address'), 'i');
    expect(alt.test('associates at address')).toBe(true);
    expect(alt.test('associate at the  address')).toBe(true);
    expect(new RegExp(phraseSource('self-neglect'), 'i').test('self neglect')).toBe(true);
  });

  it('uses edited rules, regular expressions and disabled rules', () => {
    const rules: LexiconRule[] = [
      { id: 1, pattern: 'cuckoo*', regex: false, caseSensitive: false, kind: 'concern', theme: 'associates', severity: 3, enabled: true },
      { id: 2, pattern: '\\bpip\\s+stopped\\b', regex: true, caseSensitive: false, kind: 'concern', theme: 'exploitation', severity: 2, enabled: true },
      { id: 3, pattern: 'bruis*', regex: false, caseSensitive: false, kind: 'concern', theme: 'injury', severity: 2, enabled: false },
    ];
    const c = buildClassifier(rules);
    expect(c.classify('Possible cuckooing; PIP stopped').themes).toEqual(['associates', 'exploitation']);
    expect(c.classify('bruising').kind).toBe(null);
  });

  it('refuses rules that cannot work, naming them', () => {
    expect(() => ruleSource({ pattern: '(unclosed', regex: true })).toThrow(/Rule "\(unclosed" is not a valid pattern/);
    expect(() => ruleSource({ pattern: '(?<x>a)', regex: true })).toThrow(/named groups/);
    expect(() => ruleSource({ pattern: 'a*', regex: true })).toThrow(/matches empty text/);
  });
});

describe('the word index behind the classifier', () => {
  it('anchors every default rule on a first word, so a text is not tried against every rule', () => {
    const loose = defaults.filter((r) => anchorsOf(r).includes('anywhere'));
    expect(loose.map((r) => r.pattern)).toEqual([]);
  });

  it('finds, rule by rule, every match the rule’s own pattern finds in the fixtures’ texts', () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(60);
    for (const rule of defaults) {
      const alone = buildClassifier([rule], { model: false });
      const re = new RegExp(ruleSource(rule), rule.caseSensitive ? 'g' : 'gi');
      for (const t of texts) {
        const expected = [...t.matchAll(re)].length > 0;
        const found = alone.classify(t).hits.length > 0;
        // Negation may drop a match; the index must never.
        if (!expected) expect(found, `${rule.pattern} in "${t}"`).toBe(false);
        if (expected && !found) expect(isNegatedSomewhere(t), `${rule.pattern} lost in "${t}"`).toBe(true);
      }
    }
  });
});

function fixtureTexts(): string[] {
  const dirs = ['fixtures/demo', 'fixtures/signals/tuned', 'fixtures/signals/untuned'].map((d) => path.join(ROOT, d));
  return dirs.flatMap((d) =>
    fs.readdirSync(d).filter((f) => f.endsWith('.csv')).flatMap((f) => fs.readFileSync(path.join(d, f), 'utf8').split('\n').filter((l) => l.trim())),
  );
}

const isNegatedSomewhere = (t: string) => /(?<!\w)(?:no|not|nil|nor|without|never|denies|denied|declined|refused)(?!\w)/i.test(t);

describe('missing episodes and information being shared', () => {
  it('reads a person gone missing as a concern, and its denial as nothing', () => {
    expect(k('Missing from home overnight, returned by police')).toMatchObject({ kind: 'concern', themes: ['missing'], concernSeverity: 3 });
    expect(k('Absconded from the ward at 02:00').themes).toContain('missing');
    expect(k('Reported missing by carer; whereabouts unknown').themes).toEqual(['missing']);
    expect(k('No missing episodes this month').kind).toBe(null);
    expect(k('Not reported missing').kind).toBe(null);
  });

  it('reads sharing concerns with another agency as a response', () => {
    expect(k('Sharing concerns with housing via email').kind).toBe('response');
    // An injury judged to fit its account is recorded, not a worry, unless the entry doubts it.
    expect(k('Fell off scooter, 1.5cm chin laceration. Mechanism consistent, playing happily.').kind).not.toBe('concern');
    expect(k('Bruising to forearm. Explanation consistent with a fall but delayed presentation').kind).toBe('concern');
    expect(k('Sharing concerns with housing via email').themes).toContain('information-shared');
  });
});
