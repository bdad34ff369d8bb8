// The review screen: settings, the agencies' dashboard (request packs, sign-off) and silent periods.
import { useEffect, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import type { ReviewSettingsView } from '../../../shared/review';
import { DashboardTable } from './DashboardTable';
import { ReviewSettingsForm } from './ReviewSettingsForm';
import { SilentPeriodsList } from './SilentPeriodsList';
import './Review.css';

type Tab = 'agencies' | 'settings' | 'silent';
const TABS: [Tab, string][] = [['agencies', 'Agencies'], ['settings', 'Review settings'], ['silent', 'Silent periods']];

export function ReviewPanel(props: { api: JigsawApi; revision: number; onClose: () => void; onChanged: () => void }) {
  const [view, setView] = useState<ReviewSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('agencies');
  useEffect(() => {
    props.api.getReviewSettings().then((v) => {
      setView(v);
      if (!v.saved) setTab('settings');
    }, (e: Error) => setError(e.message));
  }, [props.api]);

  return (
    <div className="modal-backdrop">
      <div className="modal review-panel" role="dialog" aria-modal="true" aria-labelledby="review-title">
        <div className="review-head">
          <h2 id="review-title">Review</h2>
          <button type="button" onClick={props.onClose}>Close</button>
        </div>
        <div role="tablist" aria-label="Review">
          {TABS.map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>{label}</button>
          ))}
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        <div role="tabpanel" aria-label={TABS.find(([id]) => id === tab)![1]}>
          {tab === 'agencies' && <DashboardTable api={props.api} revision={props.revision + (view?.revision ?? 0)} />}
          {tab === 'settings' && view && (
            <ReviewSettingsForm api={props.api} view={view} onSaved={(v) => { setView(v); props.onChanged(); }} />
          )}
          {tab === 'silent' && <SilentPeriodsList api={props.api} revision={props.revision + (view?.revision ?? 0)} />}
        </div>
      </div>
    </div>
  );
}
