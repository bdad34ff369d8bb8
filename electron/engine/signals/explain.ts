// Puts a found cluster into words a panel can check against the entries: who saw what, when, how
// fast it was coming, and whether anyone responded (or the absence of a response, with dates).
import type { ClusterStatus } from '../../../shared/signals.js';
import { isoDay, type FoundCluster } from './detect.js';

export interface Explanation {
  from: string;
  to: string;
  status: ClusterStatus;
  agencies: string[];
  themes: string[];
  reasons: string[];
}

export interface ExplainContext {
  agencyNames: Map<number, string>;
  /** Themes of each entry in the cluster. */
  themesOf: Map<number, string[]>;
  /** Themes the lexicon gives to responses (kept out of the cluster's concern themes). */
  responseThemes: Set<string>;
  graceDays: number;
}

export function explain(f: FoundCluster, ctx: ExplainContext): Explanation {
  const { agencyNames, themesOf, responseThemes: RESPONSE_THEMES, graceDays } = ctx;
  const from = isoDay(f.fromDay);
  const to = isoDay(f.toDay);
  const agencies = f.agencyIds.map((id) => agencyNames.get(id) ?? `Agency ${id}`);
  const themes = [...new Set(f.concerns.flatMap((p) => themesOf.get(p.id) ?? []))].filter((t) => !RESPONSE_THEMES.has(t));
  const days = f.toDay - f.fromDay + 1;
  const high = f.concerns.filter((p) => p.concernSeverity >= 3).length;
  const reasons = [
    `${f.concerns.length} concerns recorded by ${agencies.length} agencies (${agencies.join(', ')}) within ${days} day${days === 1 ? '' : 's'}, ${from} to ${to}.`,
    `Themes: ${themes.join(', ') || 'none named'}${high ? `; ${high} of high severity` : ''}.`,
  ];
  if (f.gaps && f.escalation >= 0.3) {
    reasons.push(`Contacts accelerating: about every ${round(f.gaps.early)} days at first, every ${round(f.gaps.late)} days by the end.`);
  }
  const status: ClusterStatus = f.answered ? 'responded' : 'missed';
  if (status === 'missed') {
    reasons.push(`No referral, information sharing or meeting recorded by any agency between ${from} and ${isoDay(f.toDay + graceDays)}.`);
  } else {
    const first = f.responses[0]!;
    reasons.push(
      `Response recorded: ${f.responses
        .slice(0, 3)
        .map((r) => `${agencyNames.get(r.agencyId) ?? 'an agency'} on ${isoDay(r.day)} (${(themesOf.get(r.id) ?? []).filter((t) => RESPONSE_THEMES.has(t)).join(', ') || 'response'})`)
        .join('; ')}${f.responses.length > 3 ? ` and ${f.responses.length - 3} more` : ''}, the first ${first.day - f.fromDay} days after the first concern.`,
    );
  }
  return { from, to, status, agencies, themes, reasons };
}

const round = (n: number): string => (n >= 10 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, ''));
