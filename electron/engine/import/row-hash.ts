// Finding a row's exact duplicate without keeping a million rows in memory: each data row's trimmed
// cells are hashed (53 bits, cheap: no crypto needed, every match is confirmed by comparing the
// rows themselves), the hash is stored with the raw row, and a fixed-size bitmap answers "seen
// before?" so the case file is only asked about the few rows that might be.

/** The row as compared for duplicates: cells trimmed, joined by a separator no cell holds. */
export function contentKey(cells: string[]): string {
  // Trailing empty cells do not make a row different.
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  let s = end > 0 ? cells[0]!.trim() : '';
  for (let i = 1; i < end; i++) s += '\u001f' + cells[i]!.trim();
  return s;
}

/** cyrb53: a fast, well-distributed 53-bit string hash (public domain, bryc). */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A one-hash Bloom filter of fixed size (8 MB): "no" is certain, "maybe" is checked in SQL. */
export class SeenFilter {
  private readonly bits = new Uint32Array(2 ** 26 / 32);

  mayHave(h: number): boolean {
    const b = h % 2 ** 26;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  add(h: number): void {
    const b = h % 2 ** 26;
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }
}
