// A person's home written in the notes ("gave address as Flat 7 Kestrel House", "neighbour at
// 14 Lark Rise") is a mention of them: police and housing records often name the address, not
// the person. Only an address one person alone is known by counts, and only the part that
// identifies a home (a number with the street or building), so a town or a street alone never does.
export interface AddressOwner {
  id: number;
  address: string | null;
  /** The review chair gave this address as theirs: it outranks a location read from the entries. */
  chairs: boolean;
}

export class AddressMatcher {
  private readonly phrases: { phrase: string; personId: number }[] = [];

  constructor(people: AddressOwner[]) {
    const owners = new Map<string, { chair: Set<number>; read: Set<number> }>();
    for (const p of people) {
      if (!p.address) continue;
      for (const phrase of homePhrases(p.address)) {
        const o = owners.get(phrase) ?? { chair: new Set(), read: new Set() };
        (p.chairs ? o.chair : o.read).add(p.id);
        owners.set(phrase, o);
      }
    }
    for (const [phrase, o] of owners) {
      const ids = o.chair.size ? o.chair : o.read;
      if (ids.size === 1) this.phrases.push({ phrase, personId: ids.values().next().value! });
    }
    // Longest first: "flat 7 kestrel house" is tried before "kestrel house".
    this.phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  get empty(): boolean {
    return this.phrases.length === 0;
  }

  match(entryId: number, text: string): { entryId: number; personId: number; text: string; address: true }[] {
    const flat = normal(text);
    const out: { entryId: number; personId: number; text: string; address: true }[] = [];
    const seen = new Set<number>();
    for (const { phrase, personId } of this.phrases) {
      if (seen.has(personId) || !flat.includes(phrase)) continue;
      seen.add(personId);
      out.push({ entryId, personId, text: phrase.trim(), address: true });
    }
    return out;
  }
}

const normal = (s: string): string => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** "Flat 7, Kestrel House, Mill Lane, Harrowgate HW4 2JP" -> " flat 7 kestrel house ", " 7 kestrel house "; "14 Lark Rise, Eastbrook" -> " 14 lark rise ". */
export function homePhrases(address: string): string[] {
  const parts = address.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!/\d/.test(part)) continue;
    // A flat or house number alone ("Flat 7") needs the building or street after it.
    const withNext = /^\s*(?:flat|apartment|apt|unit|room)?\s*\d+[a-z]?\s*$/i.test(part) && parts[i + 1] ? `${part} ${parts[i + 1]}` : part;
    if (!/[a-z]{3,}.*[a-z]{3,}|\d+[a-z]?\s+[a-z]{3,}/i.test(withNext)) continue;
    const n = normal(withNext);
    if (n.trim().length >= 8) out.add(n);
    // "Flat 7 Kestrel House" is also written "7 Kestrel House".
    const bare = n.replace(/^ (?:flat|apartment|apt|unit|room) /, ' ');
    if (bare !== n && bare.trim().length >= 8) out.add(bare);
  }
  return [...out];
}
