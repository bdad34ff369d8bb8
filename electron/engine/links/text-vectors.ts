// TF-IDF over the case's own vocabulary: words one event's records share ("paracetamol",
// a shop's name, a crime number) weigh more than words every record uses ("seen", "visit").
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

export class TextVectors {
  private readonly df = new Map<string, number>();
  private readonly bags = new Map<number, Map<string, number>>();
  private docs = 0;
  private readonly cache = new Map<number, { v: Map<string, number>; norm: number }>();

  add(id: number, text: string): void {
    const bag = new Map<string, number>();
    for (const t of tokens(text)) bag.set(t, (bag.get(t) ?? 0) + 1);
    this.bags.set(id, bag);
    for (const t of bag.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.docs++;
  }

  private vector(id: number): { v: Map<string, number>; norm: number } {
    let hit = this.cache.get(id);
    if (hit) return hit;
    const v = new Map<string, number>();
    let sq = 0;
    // Only words few entries use count: boilerplate ("Letter sent", "No access") shared by two
    // agencies on one day is not evidence that they recorded one event.
    const maxDf = Math.max(LINK_TEXT.minDistinctiveDf, this.docs * LINK_TEXT.distinctiveShare);
    for (const [t, n] of this.bags.get(id) ?? []) {
      const df = this.df.get(t) ?? 0;
      if (df > maxDf) continue;
      const w = (1 + Math.log(n)) * Math.log((1 + this.docs) / (1 + df));
      if (w <= 0) continue;
      v.set(t, w);
      sq += w * w;
    }
    hit = { v, norm: Math.sqrt(sq) };
    this.cache.set(id, hit);
    return hit;
  }

  /** Cosine of two entries' texts, and the shared words that weigh most (for the link's reason). */
  similarity(a: number, b: number): { cosine: number; shared: string[] } {
    const x = this.vector(a);
    const y = this.vector(b);
    if (x.norm === 0 || y.norm === 0) return { cosine: 0, shared: [] };
    const [small, large] = x.v.size <= y.v.size ? [x.v, y.v] : [y.v, x.v];
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [t, w] of small) {
      const o = large.get(t);
      if (o === undefined) continue;
      dot += w * o;
      shared.push([t, w * o]);
    }
    shared.sort((p, q) => q[1] - p[1]);
    return { cosine: dot / (x.norm * y.norm), shared: shared.slice(0, 3).map(([t]) => t) };
  }
}
