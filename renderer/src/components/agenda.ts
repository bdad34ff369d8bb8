// The agenda a panel meeting steps through: the ranked missed-signal clusters and the chair's key
// episodes when the case has them; otherwise the busiest months across agencies, so a meeting can
// still walk the case. Another source joins by mapping its items to AgendaItems here.
import type { ClusterSummary } from '../../../shared/signals';
import type { ActivityMonth, KeyEpisode } from '../../../shared/timeline';
import { monthName } from './activity-summary';

export interface AgendaItem {
  id: string;
  title: string;
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  kind: 'cluster' | 'episode' | 'busy-period';
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayName = (iso: string): string => DAY.format(new Date(`${iso}T00:00:00Z`));
const span = (from: string, to: string): string => (from === to ? dayName(from) : `${dayName(from)} to ${dayName(to)}`);

/** Clusters worst first (as the signals module ranks them), then key episodes in date order.
 *  Titles name agencies, themes, dates and the people a cluster is about as `labelOf` names them
 *  (their pseudonyms unless the chair chooses names: the agenda is shown on a projector). */
export function agendaFrom(clusters: ClusterSummary[], episodes: KeyEpisode[], activity: ActivityMonth[] | null, labelOf: (personId: number) => string | undefined = () => undefined): AgendaItem[] {
  const fromClusters: AgendaItem[] = clusters
    .filter((c) => c.detected && c.decision !== 'dismissed')
    .map((c, i) => ({
      id: `cluster:${c.id}`,
      title: `${c.status === 'missed' ? 'Missed-signal cluster' : 'Cluster with a response'} ${i + 1}: ${span(c.from, c.to)}${about(c.personIds, labelOf)}; ${c.agencies.join(', ')}${c.themes.length ? `; ${c.themes.join(', ')}` : ''}`,
      start: c.from,
      end: c.to,
      kind: 'cluster',
    }));
  const fromEpisodes: AgendaItem[] = episodes.map((e) => ({
    id: `episode:${e.entryId}`,
    title: `Key episode: ${span(e.date, e.dateTo)}; ${e.agency}${e.contactType ? `, ${e.contactType}` : ''}`,
    start: e.date,
    end: e.dateTo,
    kind: 'episode',
  }));
  const chosen = [...fromClusters, ...fromEpisodes];
  if (chosen.length > 0 || !activity) return chosen;
  return busiestMonths(activity, 5);
}

/** "; about Adult A, Family member 1", for the people with a label (none: nothing). */
function about(personIds: number[], labelOf: (personId: number) => string | undefined): string {
  const labels = personIds.map(labelOf).filter((l): l is string => Boolean(l));
  return labels.length ? `; about ${labels.join(', ')}` : '';
}

/** Months with the most entries, preferring months several agencies were involved in. */
export function busiestMonths(activity: ActivityMonth[], n: number): AgendaItem[] {
  const by = new Map<string, { total: number; agencies: number }>();
  for (const a of activity) {
    const m = by.get(a.month) ?? { total: 0, agencies: 0 };
    m.total += a.count;
    m.agencies += 1;
    by.set(a.month, m);
  }
  return [...by.entries()]
    .sort((x, y) => y[1].agencies - x[1].agencies || y[1].total - x[1].total || x[0].localeCompare(y[0]))
    .slice(0, n)
    .sort((x, y) => x[0].localeCompare(y[0]))
    .map(([month, m]) => {
      const [y, mo] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      return {
        id: `month:${month}`,
        title: `${monthName(month)}: ${m.total} ${m.total === 1 ? 'entry' : 'entries'} from ${m.agencies} ${m.agencies === 1 ? 'agency' : 'agencies'}`,
        start: `${month}-01`,
        end: `${month}-${String(last).padStart(2, '0')}`,
        kind: 'busy-period' as const,
      };
    });
}
