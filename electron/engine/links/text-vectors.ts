// TF-IDF over the case's own vocabulary: words one event's records share ("paracetamol",
// a shop's name, a crime number) weigh more than words every record uses ("seen", "visit").
// Words are numbered once and each entry keeps a sorted array of its word numbers, so comparing
// two entries is a merge of two short typed arrays, not string-keyed map lookups: linking
// compares millions of candidate pairs in a large case.
import { LINK_TEXT } from './link-weights.js';
const STOP = new Set(
  'the and for was were with that this from have has had not but are his her him she they them their there then than into onto upon about after before over under out off per via ' +
    'who what when where which while also been being its our your you your all any some one two three can could would should will may might did does done very more most much such only ' +
    'patient client pt said says told advised seen noted reports reported states stated today date time call called contact recorded record records'.split(' '),
);

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}'/-]*/gu)) {
    const w = m[0].replace(/['-]+$/, '');
    if (w.length < 3 && !/\d/.test(w)) continue;
    if (STOP.has(w)) continue;
    out.push(w);
  }
  return out;
}

interface Vector {
  /** Word numbers, ascending. */
  words: Int32Array;
  weights: Float64Array;
  norm: number;
}

const EMPTY: Vector = { words: new Int32Array(0), weights: new Float64Array(0), norm: 0 };

export class TextVectors {
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  private df: number[] = [];
  /** Per added text: its distinct word numbers (ascending) and how often each occurs. */
  private readonly bags: { words: Int32Array; counts: Uint16Array }[] = [];
  private vectors: (Vector | undefined)[] = [];

  /** Adds a text; returns its slot, the handle for `cosine` and `sharedWords`. */
  add(text: string): number {
    const counts = new Map<number, number>();
    for (const t of tokens(text)) {
      let w = this.vocabulary.get(t);
      if (w === undefined) {
        w = this.words.length;
        this.vocabulary.set(t, w);
        this.words.push(t);
        this.df.push(0);
      }
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const words = Int32Array.from(counts.keys()).sort();
    const n = new Uint16Array(words.length);
    words.forEach((w, i) => {
      n[i] = Math.min(65535, counts.get(w)!);
      this.df[w]!++;
    });
    this.bags.push({ words, counts: n });
    return this.bags.length - 1;
  }

  private vector(slot: number): Vector {
    const hit = this.vectors[slot];
    if (hit) return hit;
    const bag = this.bags[slot];
    if (!bag) return EMPTY;
    const docs = this.bags.length;
    // Only words few entries use count: boilerplate ("Letter sent", "No access") shared by two
    // agencies on one day is not evidence that they recorded one event.
    const maxDf = Math.max(LINK_TEXT.minDistinctiveDf, docs * LINK_TEXT.distinctiveShare);
    const keep: number[] = [];
    const weights: number[] = [];
    let sq = 0;
    for (let i = 0; i < bag.words.length; i++) {
      const df = this.df[bag.words[i]!]!;
      if (df > maxDf) continue;
      const w = (1 + Math.log(bag.counts[i]!)) * Math.log((1 + docs) / (1 + df));
      if (w <= 0) continue;
      keep.push(bag.words[i]!);
      weights.push(w);
      sq += w * w;
    }
    const v = keep.length ? { words: Int32Array.from(keep), weights: Float64Array.from(weights), norm: Math.sqrt(sq) } : EMPTY;
    this.vectors[slot] = v;
    return v;
  }

  /** Cosine (0..1) of two texts over their distinctive words. */
  cosine(a: number, b: number): number {
    const x = this.vector(a);
    const y = this.vector(b);
    if (x.norm === 0 || y.norm === 0) return 0;
    let dot = 0;
    let i = 0;
    let j = 0;
    while (i < x.words.length && j < y.words.length) {
      const d = x.words[i]! - y.words[j]!;
      if (d === 0) dot += x.weights[i++]! * y.weights[j++]!;
      else if (d < 0) i++;
      else j++;
    }
    return dot / (x.norm * y.norm);
  }

  /** The distinctive words two texts share, weightiest first (for a link's reason). */
  sharedWords(a: number, b: number, max = 3): string[] {
    const x = this.vector(a);
    const y = this.vector(b);
    const shared: [string, number][] = [];
    let i = 0;
    let j = 0;
    while (i < x.words.length && j < y.words.length) {
      const d = x.words[i]! - y.words[j]!;
      if (d === 0) shared.push([this.words[x.words[i]!]!, x.weights[i++]! * y.weights[j++]!]);
      else if (d < 0) i++;
      else j++;
    }
    return shared
      .sort((p, q) => q[1] - p[1])
      .slice(0, max)
      .map(([t]) => t);
  }
}
