// A learned reading of concern, beside the lexicon: a logistic regression over the words and word
// pairs of an entry, trained (eval/train-concern-model.ts) on labelled fictional entries from the
// tuning cases and the phrasing set, never on the held-out cases it is then measured on. It reads
// indirect concerns no phrase lists ("a male answered, said he was family", "did all the
// talking", "arrears, out of character"), and only where the lexicon found neither a concern nor a
// response. Only words seen in at least two independent sources are features, so one author's
// names and phrasing do not become evidence.
import { CONCERN_MODEL_WEIGHTS } from './concern-model-weights.js';

export const CONCERN_MODEL = {
  /** Probability at or above which an entry the lexicon left unread is a concern. */
  threshold: CONCERN_MODEL_WEIGHTS.threshold,
  /** Severity of a concern only the model read: the lowest, so it adds to a cluster but never leads one. */
  severity: 1,
  /** Words and pairs shown as the evidence for a model reading. */
  evidenceFeatures: 3,
  /** Shorter single words ('the', 'no') weigh but are not shown: they explain nothing to a panel. */
  evidenceMinChars: 4,
} as const;

/** Lower-case words (digits as 0) and adjacent word pairs: what the model weighs. */
export function concernFeatures(text: string): string[] {
  const words = text.toLowerCase().replace(/\d+/g, '0').match(/[a-z0][a-z0'’]*/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/['’]+$/, '');
    if (w.length < 2) continue;
    out.add(w);
    const next = words[i + 1]?.replace(/['’]+$/, '');
    if (next && next.length >= 2) out.add(`${w} ${next}`);
  }
  return [...out];
}

/** A logistic model over `concernFeatures`: the shipped one, or one being trained. */
export interface ConcernWeights {
  bias: number;
  weights: ReadonlyMap<string, number>;
}

const SHIPPED: ConcernWeights = { bias: CONCERN_MODEL_WEIGHTS.bias, weights: new Map(Object.entries(CONCERN_MODEL_WEIGHTS.weights)) };

/** Probability that the text is a concern. Run on every entry the lexicon leaves unread, so it only sums. */
export function concernProbability(text: string, model: ConcernWeights = SHIPPED): number {
  let z = model.bias;
  for (const f of concernFeatures(text)) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The words and pairs that pushed most towards concern: worked out only for an entry read as one. */
export function concernEvidence(text: string): string[] {
  const pushes: [string, number][] = [];
  for (const f of concernFeatures(text)) {
    const w = SHIPPED.weights.get(f);
    if (w !== undefined && w > 0 && f.length >= CONCERN_MODEL.evidenceMinChars) pushes.push([f, w]);
  }
  pushes.sort((a, b) => b[1] - a[1]);
  return pushes.slice(0, CONCERN_MODEL.evidenceFeatures).map(([f]) => f);
}
