// Named views: a set of filters saved in the case (each save audited by the engine).
import { useCallback, useEffect, useId, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { SavedView, ViewFilters } from '../../../shared/timeline';

export function SavedViews({ api, filters, onApply, ready = true }: { api: JigsawApi; filters: ViewFilters; onApply: (f: ViewFilters) => void; ready?: boolean }) {
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const id = useId();
  const refresh = useCallback(() => api.listSavedViews().then(setViews, (e: Error) => setMessage(e.message)), [api]);
  useEffect(() => {
    if (ready) void refresh();
  }, [refresh, ready]);

  const save = () => {
    const n = name.trim();
    if (!n) {
      setMessage('Give the view a name first.');
      return;
    }
    api.saveView({ name: n, query: filters }).then(
      (v) => {
        setMessage(`Saved “${v.name}”.`);
        setChosen(String(v.id));
        setName('');
        void refresh();
      },
      (e: Error) => setMessage(e.message),
    );
  };
  const remove = () => {
    const v = views.find((x) => String(x.id) === chosen);
    if (!v) return;
    api.deleteSavedView(v.id).then(
      () => {
        setMessage(`Deleted “${v.name}”.`);
        setChosen('');
        void refresh();
      },
      (e: Error) => setMessage(e.message),
    );
  };

  return (
    <div className="saved-views">
      <label htmlFor={`${id}-views`}>Saved views</label>
      <select
        id={`${id}-views`}
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          const v = views.find((x) => String(x.id) === e.target.value);
          if (v) {
            onApply(v.query);
            setMessage(`Showing “${v.name}”.`);
          }
        }}
      >
        <option value="">{views.length ? 'Choose a view…' : 'None saved yet'}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={remove} disabled={!chosen}>
        Delete view
      </button>
      <label htmlFor={`${id}-name`}>Name this view</label>
      <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <button type="button" onClick={save}>
        Save view
      </button>
      <span className="saved-views-message" role="status">
        {message}
      </span>
    </div>
  );
}
