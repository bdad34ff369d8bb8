// Search and filters for the timeline (agency, person, theme, period, signal), and the named
// views that keep a set of them in the case.
import { useId, useState, type FormEvent } from 'react';
import type { ViewFilters } from '../../../shared/timeline';
import type { AgencySummary } from '../../../shared/types';
import { SavedViews } from './SavedViews';
import type { JigsawApi } from '../../../shared/api';

const SIGNALS = [
  ['concern', 'Concern'],
  ['response', 'Response'],
  ['routine', 'Routine'],
] as const;

export interface FilterOptions {
  agencies: AgencySummary[];
  /** People resolved across agencies, when the case has them. */
  persons?: { id: number; name: string; entryCount: number }[];
  /** Signal themes, when the case has them. */
  themes?: string[];
}

export function FilterBar({ api, filters, choices, onChange, ready = true }: { api: JigsawApi; filters: ViewFilters; choices: FilterOptions; onChange: (f: ViewFilters) => void; ready?: boolean }) {
  const [text, setText] = useState(filters.search ?? '');
  const [shownSearch, setShownSearch] = useState(filters.search ?? '');
  const id = useId();
  // A saved view chosen elsewhere replaces the search words too.
  if ((filters.search ?? '') !== shownSearch) {
    setShownSearch(filters.search ?? '');
    setText(filters.search ?? '');
  }
  const set = (patch: Partial<ViewFilters>) => onChange(clean({ ...filters, ...patch }));
  const toggle = <T,>(list: T[] | undefined, v: T, on: boolean): T[] => (on ? [...(list ?? []), v] : (list ?? []).filter((x) => x !== v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ search: text.trim() || undefined });
  };

  return (
    <div className="filter-bar" role="search" aria-label="Search and filter the timeline">
      <form onSubmit={submit} className="search-box">
        <label htmlFor={`${id}-search`}>Search entries</label>
        <input id={`${id}-search`} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. bruising" />
        <button type="submit">Search</button>
      </form>
      <details className="filters">
        <summary>Filters{activeCount(filters) ? ` (${activeCount(filters)} on)` : ''}</summary>
        <fieldset>
          <legend>Agencies</legend>
          {choices.agencies.map((a) => (
            <label key={a.id}>
              <input type="checkbox" checked={filters.agencies?.includes(a.name) ?? false} onChange={(e) => set({ agencies: toggle(filters.agencies, a.name, e.target.checked) })} /> {a.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Signal</legend>
          {SIGNALS.map(([kind, label]) => (
            <label key={kind}>
              <input type="checkbox" checked={filters.signals?.includes(kind) ?? false} onChange={(e) => set({ signals: toggle(filters.signals, kind, e.target.checked) })} /> {label}
            </label>
          ))}
        </fieldset>
        {choices.themes && choices.themes.length > 0 && (
          <fieldset>
            <legend>Themes</legend>
            {choices.themes.map((t) => (
              <label key={t}>
                <input type="checkbox" checked={filters.themes?.includes(t) ?? false} onChange={(e) => set({ themes: toggle(filters.themes, t, e.target.checked) })} /> {t}
              </label>
            ))}
          </fieldset>
        )}
        {choices.persons && choices.persons.length > 0 && (
          <fieldset>
            <legend>People</legend>
            {choices.persons.map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={filters.persons?.includes(p.id) ?? false} onChange={(e) => set({ persons: toggle(filters.persons, p.id, e.target.checked) })} /> {p.name} ({p.entryCount})
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>Period</legend>
          <label>
            From <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
          </label>
          <label>
            To <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
          </label>
        </fieldset>
        <button type="button" onClick={() => onChange({})} disabled={activeCount(filters) === 0 && !filters.search}>
          Clear all
        </button>
      </details>
      <SavedViews api={api} filters={filters} onApply={onChange} ready={ready} />
    </div>
  );
}

function activeCount(f: ViewFilters): number {
  return (f.agencies?.length ?? 0) + (f.signals?.length ?? 0) + (f.themes?.length ?? 0) + (f.persons?.length ?? 0) + (f.from ? 1 : 0) + (f.to ? 1 : 0);
}

/** Drop empty lists and blanks so equal filters compare equal and save small. */
export function clean(f: ViewFilters): ViewFilters {
  const out: ViewFilters = {};
  for (const [k, v] of Object.entries(f) as [keyof ViewFilters, unknown][]) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
