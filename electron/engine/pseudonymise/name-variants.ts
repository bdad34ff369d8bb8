// Every way a case's names may be written: as recorded, forename-only, surname-only, initial and
// surname, "SURNAME, Forename"; matched case-insensitively, on word boundaries, with any spacing
// and with or without full stops after initials.

/** Name tokens of one written name, forenames first ("PELLOW, Rowan" -> Rowan, PELLOW). */
export function nameTokens(name: string): string[] {
  const parts = name.split(',');
  const ordered = parts.length === 2 && parts[1]!.trim() ? `${parts[1]} ${parts[0]}` : name.replaceAll(',', ' ');
  return ordered.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
}

/** The written forms a person's names can take in free text, longest first. */
export function nameVariants(names: string[]): string[] {
  const out = new Set<string>();
  const forenames = new Set<string>();
  const surnames = new Set<string>();
  for (const name of names) {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (clean.replace(/[^\p{L}]/gu, '').length >= 2) out.add(clean);
    const tokens = nameTokens(clean);
    for (const t of tokens) if (t.length >= 2) out.add(t);
    if (tokens.length >= 2) {
      forenames.add(tokens[0]!);
      surnames.add(tokens[tokens.length - 1]!);
    }
  }
  for (const last of surnames) {
    if (last.length < 2) continue;
    for (const first of forenames) {
      const initial = first[0]!;
      if (first.length >= 2) out.add(`${first} ${last}`).add(`${last}, ${first}`).add(`${last} ${first}`);
      out.add(`${initial}. ${last}`).add(`${initial} ${last}`).add(`${last}, ${initial}.`).add(`${last}, ${initial}`);
    }
  }
  return [...out].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The key a written name is looked up by: case, full stops and spacing ignored. */
export function variantKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/\./g, ' ')
    .replace(/\s*,\s*/g, ',')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/,$/, '');
}

function variantPattern(v: string): string {
  // Tokens and separators alternate; an initial's full stop is optional, and so is the space after it.
  const parts = v.trim().split(/(\s*,\s*|\s+)/);
  let out = '';
  let afterStop = false;
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      out += part.includes(',') ? '\\s*,\\s*' : afterStop ? '\\s*' : '\\s+';
      continue;
    }
    afterStop = part.endsWith('.');
    const body = (afterStop ? part.slice(0, -1) : part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
    out += afterStop ? `${body}\\.?` : body;
  }
  return out;
}

/** One regex matching any of the variants as whole words; null when there are none. */
export function variantsRegex(variants: string[]): RegExp | null {
  if (variants.length === 0) return null;
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  const alternation = sorted.map(variantPattern).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
}
