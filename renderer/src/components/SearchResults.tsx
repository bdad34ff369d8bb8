// The entries a full-text search found (with the other filters applied), as a list a keyboard or
// screen-reader user can walk; choosing one opens it and brings the timeline to its day.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ViewFilters } from '../../../shared/timeline';
import type { EntryPage } from '../../../shared/types';

const SHOWN = 50;

export function SearchResults({ api, filters, revision, onOpen }: { api: JigsawApi; filters: ViewFilters; revision: number; onOpen: (id: number, date: string) => void }) {
  const [page, setPage] = useState<EntryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let current = true;
    api.listEntries({ ...(JSON.parse(key) as ViewFilters), limit: SHOWN }).then(
      (p) => {
        if (!current) return;
        setPage(p);
        setError(null);
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [api, key, revision]);

  if (error) return <p className="error" role="alert">Search failed: {error}</p>;
  if (!page) return null;
  return (
    <section className="search-results" aria-label="Search results" data-testid="search-results">
      <p role="status">
        {page.total === 0 ? `Nothing found for “${filters.search}”.` : `${page.total} ${page.total === 1 ? 'entry' : 'entries'} found for “${filters.search}”${page.truncated ? `: the first ${SHOWN} are listed` : ''}.`}
      </p>
      <ol>
        {page.entries.map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => onOpen(e.id, e.date)}>
              <span className="result-when">{e.date}{e.time ? ` ${e.time}` : ''}</span> <span className="result-agency">{e.agency}</span>{' '}
              <span className="result-text">{e.contactType ? `${e.contactType}: ` : ''}{e.text.slice(0, 160)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
