// Which agencies a response can answer: the agency that made it, and those its words send it or
// address it to ("referral to ASC", "shared with the GP"). A multi-agency meeting, MARAC or
// protection plan answers every agency about that person. A response answers a cluster only when
// it is from or to one of the agencies that saw the concerns.
import type { CaseFile } from '../case-file.js';
import { agencyKind, kindsNamedIn } from '../links/event-cues.js';

/** Response themes that are multi-agency by nature. */
const EVERY_AGENCY_THEMES = new Set(['strategy-meeting', 'marac', 'protection-plan']);

export function responseAddressees(c: CaseFile): (agencyId: number, themes: string, words: string) => number[] | 'all' {
  const agencies = c.db.prepare('SELECT id, name FROM agencies').all() as { id: number; name: string }[];
  const byKind = new Map<string, number[]>();
  for (const a of agencies) {
    const k = agencyKind(a.name);
    byKind.set(k, [...(byKind.get(k) ?? []), a.id]);
  }
  return (agencyId, themes, words) => {
    if (themes.split(',').some((t) => EVERY_AGENCY_THEMES.has(t))) return 'all';
    const to = new Set([agencyId]);
    for (const k of kindsNamedIn(words)) for (const id of byKind.get(k) ?? []) to.add(id);
    const lower = words.toLowerCase();
    for (const a of agencies) if (a.name.length >= 3 && lower.includes(a.name.toLowerCase())) to.add(a.id);
    return [...to];
  };
}
