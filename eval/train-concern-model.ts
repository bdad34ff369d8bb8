// `npm run train:concern`: trains the concern model (electron/engine/signals/concern-model.ts) on
// the labelled entries of the tuning cases (eval/split.json) and batches 1-2 of the phrasing set,
// and writes its weights. Never on held-out cases: they measure it. The threshold and the
// regularisation are chosen by leave-one-source-out cross-validation on what the app would do
// (the lexicon first, the model only where it read nothing), and printed.
import fs from 'node:fs';
import path from 'node:path';
import { buildClassifier, entryText } from '../electron/engine/signals/classify.js';
import { concernFeatures } from '../electron/engine/signals/concern-model.js';
import { DEFAULT_RULES } from '../electron/engine/signals/default-lexicon.js';
import type { LexiconRule } from '../shared/signals.js';
import { readLabels, rowKey } from './labels.js';
import { matchRows } from './match-rows.js';
import { runCase } from './run-case.js';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..');
const OUT = path.join(ROOT, 'electron/engine/signals/concern-model-weights.ts');
/** A feature must occur in this many sources (cases, the phrasing set) and this many texts. */
const MIN_SOURCES = 2;
const MIN_TEXTS = 3;
const LAMBDAS = [1, 3, 10, 30];
const THRESHOLDS = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

interface Sample {
  source: string;
  text: string;
  concern: boolean;
  /** What the lexicon alone read. */
  lexicon: 'concern' | 'response' | null;
}

const lexicon = buildClassifier(DEFAULT_RULES.map((r, i): LexiconRule => ({ ...r, id: i + 1, enabled: true })), { model: false });
const lexiconRead = (text: string): Sample['lexicon'] => {
  const k = lexicon.classify(text);
  return k.isResponse ? 'response' : k.concernSeverity > 0 ? 'concern' : null;
};

async function samples(): Promise<Sample[]> {
  const out: Sample[] = [];
  const split = JSON.parse(fs.readFileSync(path.join(HERE, 'split.json'), 'utf8')) as { tuning: string[] };
  for (const id of split.tuning) {
    const dir = path.join(HERE, 'cases', id);
    const labels = readLabels(dir);
    const observed = await runCase(dir, labels, { settings: true });
    const { entryOf } = matchRows(labels, observed);
    for (const r of labels.rows) {
      if (r.status !== 'entry' || !r.signal) continue;
      const e = entryOf.get(rowKey(r.file, r.row));
      if (!e) continue;
      const text = entryText({ contact_type: e.contactType, text: e.text, outcome: e.outcome });
      out.push({ source: id, text, concern: r.signal === 'concern', lexicon: lexiconRead(text) });
    }
  }
  const phrasing = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures/signals/phrasing-held-out.json'), 'utf8')) as { entries: { batch: number; text: string; label: string }[] };
  for (const e of phrasing.entries.filter((x) => x.batch <= 2)) {
    const text = entryText({ contact_type: null, text: e.text, outcome: null });
    out.push({ source: 'phrasing', text, concern: e.label === 'concern', lexicon: lexiconRead(text) });
  }
  return out;
}

function vocabulary(train: Sample[]): string[] {
  const sources = new Map<string, Set<string>>();
  const texts = new Map<string, number>();
  for (const s of train)
    for (const f of concernFeatures(s.text)) {
      (sources.get(f) ?? sources.set(f, new Set()).get(f)!).add(s.source);
      texts.set(f, (texts.get(f) ?? 0) + 1);
    }
  return [...texts.keys()].filter((f) => sources.get(f)!.size >= MIN_SOURCES && texts.get(f)! >= MIN_TEXTS).sort();
}

/** L2-regularised logistic regression by full-batch gradient descent (Adam). */
function fit(train: Sample[], lambda: number): { bias: number; weights: Map<string, number> } {
  const vocab = vocabulary(train);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = train.map((s) => concernFeatures(s.text).map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = train.map((s) => (s.concern ? 1 : 0));
  const w = new Float64Array(vocab.length + 1); // last: bias
  const m = new Float64Array(w.length);
  const v = new Float64Array(w.length);
  const lr = 0.05;
  for (let t = 1; t <= 600; t++) {
    const g = new Float64Array(w.length);
    for (let n = 0; n < rows.length; n++) {
      let z = w[vocab.length]!;
      for (const i of rows[n]!) z += w[i]!;
      const err = 1 / (1 + Math.exp(-z)) - y[n]!;
      for (const i of rows[n]!) g[i]! += err;
      g[vocab.length]! += err;
    }
    for (let i = 0; i < w.length; i++) {
      const grad = g[i]! / rows.length + (i < vocab.length ? (lambda * w[i]!) / rows.length : 0);
      m[i] = 0.9 * m[i]! + 0.1 * grad;
      v[i] = 0.999 * v[i]! + 0.001 * grad * grad;
      w[i]! -= (lr * (m[i]! / (1 - 0.9 ** t))) / (Math.sqrt(v[i]! / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  return { bias: w[vocab.length]!, weights: new Map(vocab.map((f, i) => [f, w[i]!])) };
}

function probability(model: { bias: number; weights: Map<string, number> }, text: string): number {
  let z = model.bias;
  for (const f of concernFeatures(text)) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Concern F1 of the app's reading: the lexicon, then the model where the lexicon read nothing. */
function f1(test: Sample[], p: number[], threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  test.forEach((s, i) => {
    const said = s.lexicon === 'concern' || (s.lexicon === null && p[i]! >= threshold);
    if (said && s.concern) tp++;
    else if (said) fp++;
    else if (s.concern) fn++;
  });
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

const all = await samples();
const sources = [...new Set(all.map((s) => s.source))];
process.stderr.write(`train: ${all.length} labelled texts from ${sources.join(', ')}\n`);
const baseline = sources.map((src) => f1(all.filter((s) => s.source === src), [], 2));
let best = { lambda: LAMBDAS[0]!, threshold: THRESHOLDS[0]!, score: -1, perSource: [] as number[] };
for (const lambda of LAMBDAS) {
  const folds = sources.map((src) => {
    const model = fit(all.filter((s) => s.source !== src), lambda);
    const test = all.filter((s) => s.source === src);
    return { test, p: test.map((s) => probability(model, s.text)) };
  });
  for (const threshold of THRESHOLDS) {
    const perSource = folds.map((f) => f1(f.test, f.p, threshold));
    const score = perSource.reduce((sum, x) => sum + x, 0) / folds.length;
    if (score > best.score) best = { lambda, threshold, score, perSource };
  }
}
console.log(`lexicon alone, concern F1 per source: ${sources.map((s, i) => `${s} ${baseline[i]!.toFixed(2)}`).join(', ')}`);
console.log(`leave-one-source-out, lexicon + model: mean concern F1 ${best.score.toFixed(3)} at lambda ${best.lambda}, threshold ${best.threshold} (${sources.map((s, i) => `${s} ${best.perSource[i]!.toFixed(2)}`).join(', ')})`);
const model = fit(all, best.lambda);
const weights = Object.fromEntries([...model.weights].filter(([, x]) => Math.abs(x) >= 0.01).map(([f, x]) => [f, Math.round(x * 1000) / 1000]));
fs.writeFileSync(
  OUT,
  `// Generated by \`npm run train:concern\` (eval/train-concern-model.ts). Do not edit by hand.\n` +
    `// Leave-one-source-out mean concern F1 (lexicon + model): ${best.score.toFixed(3)}.\n` +
    `export const CONCERN_MODEL_WEIGHTS: { trainedOn: string[]; threshold: number; bias: number; weights: Record<string, number> } = ${JSON.stringify(
      { trainedOn: sources, threshold: best.threshold, bias: Math.round(model.bias * 1000) / 1000, weights },
      null,
      2,
    )};\n`,
);
console.log(`wrote ${path.relative(ROOT, OUT)}: ${Object.keys(weights).length} features`);
