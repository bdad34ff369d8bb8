// Presentation mode for panel meetings: full screen, large type, high contrast; an agenda stepped
// through with Next/Previous (arrow keys, Page Up/Down as sent by presenter remotes, N/P), the
// timeline zooming to each item. Read-only: nothing opens for editing, and entry labels show only
// time and contact type, never the free text that names people. The agenda names the people a
// cluster is about by pseudonym, or by name when the chair chooses to.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { PresentedPerson } from '../../../shared/people';
import type { ClusterSummary } from '../../../shared/signals';
import type { ActivityMonth, KeyEpisode, TimelineBand } from '../../../shared/timeline';
import type { CaseSummary } from '../../../shared/types';
import { agendaFrom } from './agenda';
import { TimelineView, type TimelineFocus } from './TimelineView';
import './timeline.css';

export interface PresentationProps {
  api: JigsawApi;
  summary: CaseSummary;
  /** Periods shaded behind the lanes (missed-signal clusters). */
  bands?: TimelineBand[];
  onExit: () => void;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P']);

export function PresentationMode({ api, summary, bands, onExit }: PresentationProps) {
  const root = useRef<HTMLDivElement>(null);
  const [sources, setSources] = useState<{ clusters: ClusterSummary[]; episodes: KeyEpisode[]; activity: ActivityMonth[] | null } | null>(null);
  const [step, setStep] = useState(0);
  const [people, setPeople] = useState<Map<number, PresentedPerson>>(new Map());
  // Pseudonyms by default: a projector is seen by everyone in the room. The chair may choose names.
  const [realNames, setRealNames] = useState(false);
  const [confirmingNames, setConfirmingNames] = useState(false);
  const agendaList = useRef<HTMLOListElement>(null);
  const agenda = useMemo(() => {
    if (!sources) return [];
    const labelOf = (id: number) => (realNames ? people.get(id)?.name : people.get(id)?.pseudonym);
    return agendaFrom(sources.clusters, sources.episodes, sources.activity, labelOf);
  }, [sources, people, realNames]);
  const item = agenda[Math.min(step, agenda.length - 1)];

  useEffect(() => {
    let current = true;
    // Each source may be missing from a case (or fail): the agenda is built from what answers.
    // People first: resolving them (when a case has not been yet) also brings the clusters up to
    // date with who they are about. Without them the agenda still works: it then names nobody.
    void (async () => {
      const list = await api.presentationPeople().catch(() => []);
      const [clusters, episodes] = await Promise.all([api.listClusters().catch(() => []), api.keyEpisodes().catch(() => [])]);
      const activity = clusters.length === 0 && episodes.length === 0 ? await api.activityByMonth({}).catch(() => []) : null;
      if (!current) return;
      setPeople(new Map(list.map((p) => [p.id, p])));
      setSources({ clusters, episodes, activity });
    })();
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    const el = root.current;
    el?.focus();
    // Full screen where the browser allows it; the layout is full-window either way.
    if (el && document.fullscreenEnabled && !document.fullscreenElement) el.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.target instanceof HTMLElement && e.target.closest('button, input, select') && e.key === ' ') return;
      if (e.key === 'Escape') onExit();
      else if (NEXT.has(e.key)) setStep((s) => Math.min(s + 1, Math.max(0, agenda.length - 1)));
      else if (PREVIOUS.has(e.key)) setStep((s) => Math.max(0, s - 1));
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [agenda.length, onExit]);

  // The agenda may be longer than the screen: keep the current item in sight.
  useEffect(() => {
    const current = agendaList.current?.children[step] as HTMLElement | undefined;
    current?.scrollIntoView?.({ block: 'nearest' });
  }, [step, agenda.length]);

  const focus = useMemo<TimelineFocus | null>(() => (item ? padded(item.start, item.end) : null), [item]);

  return (
    <div ref={root} className="presentation" role="dialog" aria-modal="true" aria-label="Presentation mode" tabIndex={-1} data-testid="presentation">
      <div className="presentation-bar">
        <h2>{summary.title}</h2>
        <p aria-live="polite" data-testid="agenda-current">
          {item ? `${step + 1} of ${agenda.length}: ${item.title}` : sources ? 'Nothing on the agenda yet.' : 'Preparing the agenda…'}
        </p>
        <div className="presentation-actions">
          <button type="button" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
            Previous
          </button>
          <button type="button" onClick={() => setStep((s) => Math.min(s + 1, agenda.length - 1))} disabled={step >= agenda.length - 1}>
            Next
          </button>
          {realNames ? (
            <button type="button" aria-pressed="true" onClick={() => setRealNames(false)}>
              Hide real names
            </button>
          ) : (
            <button type="button" aria-pressed="false" onClick={() => setConfirmingNames(true)} disabled={people.size === 0 || confirmingNames}>
              Show real names
            </button>
          )}
          <button type="button" onClick={onExit}>
            Exit presentation
          </button>
        </div>
      </div>
      {confirmingNames && (
        <div className="presentation-confirm" role="alertdialog" aria-label="Show real names?">
          <p>Real names will be visible to everyone who can see this screen. Show them?</p>
          <button type="button" onClick={() => { setRealNames(true); setConfirmingNames(false); }}>Show real names</button>
          <button type="button" onClick={() => setConfirmingNames(false)} autoFocus>Keep pseudonyms</button>
        </div>
      )}
      {realNames && (
        <p className="presentation-names-on" role="status" data-testid="names-on">
          Real names are on: everyone who can see this screen sees them.
        </p>
      )}
      <div className="presentation-body">
        <nav aria-label="Agenda" className="agenda">
          <ol ref={agendaList}>
            {agenda.map((a, i) => (
              <li key={a.id}>
                <button type="button" aria-current={i === step ? 'step' : undefined} onClick={() => setStep(i)}>
                  {a.title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <TimelineView
          api={api}
          summary={summary}
          revision={0}
          selected={null}
          onSelect={() => undefined}
          bands={bands}
          focus={focus}
          presentation
          label="Timeline for the current agenda item: arrow keys move between entries, plus and minus zoom"
        />
      </div>
    </div>
  );
}

/** A little either side of the item, so what came just before and after shows too. */
function padded(start: string, end: string): TimelineFocus {
  const s = new Date(`${start}T00:00:00Z`);
  const e = new Date(`${end}T00:00:00Z`);
  const pad = Math.max(2, Math.round((e.getTime() - s.getTime()) / 86_400_000 / 5));
  const shift = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return { start: shift(s, -pad), end: shift(e, pad) };
}
