// The case's lexicon, editable by the panel: which words mark a concern, a response or routine,
// with what theme and severity, and the cluster span and grace. Saved as one audited change.
import { useEffect, useMemo, useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import { SIGNAL_KINDS, type LexiconRule, type SignalKind, type SignalSettings } from '../../../shared/signals';

type Draft = Omit<LexiconRule, 'id'> & { key: number };

export function ClusterRules({ api, onClose, onSaved }: { api: JigsawApi; onClose: () => void; onSaved: () => void }) {
  const [rules, setRules] = useState<Draft[] | null>(null);
  const [settings, setSettings] = useState<SignalSettings | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fresh, setFresh] = useState({ pattern: '', kind: 'concern' as SignalKind, theme: '', severity: 2 });

  useEffect(() => {
    api.getLexicon().then(
      (l) => {
        setRules(l.rules.map(({ id, ...r }) => ({ ...r, key: id })));
        setSettings(l.settings);
      },
      (e: Error) => setError(e.message),
    );
  }, [api]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (rules ?? []).filter((r) => !f || r.pattern.toLowerCase().includes(f) || r.theme.toLowerCase().includes(f));
  }, [rules, filter]);

  const change = (key: number, patch: Partial<Draft>) => setRules((rs) => rs!.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = () => {
    if (!rules || !settings) return;
    setBusy(true);
    setError(null);
    api
      .updateLexicon({ rules: rules.map(({ key: _key, ...r }) => r), settings })
      .then(
        () => {
          onSaved();
          onClose();
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="modal-backdrop">
      <div className="modal cluster-rules" role="dialog" aria-modal="true" aria-labelledby="rules-title">
        <h2 id="rules-title">Signal rules</h2>
        {error && <p role="alert" className="error">{error}</p>}
        {settings && (
          <fieldset className="rules-settings">
            <legend>Clusters</legend>
            <label>
              Concerns within (days)
              <input type="number" min={1} max={365} value={settings.spanDays} onChange={(e) => setSettings({ ...settings, spanDays: Number(e.target.value) })} />
            </label>
            <label>
              A response counts up to (days after)
              <input type="number" min={0} max={365} value={settings.graceDays} onChange={(e) => setSettings({ ...settings, graceDays: Number(e.target.value) })} />
            </label>
            <label>
              <input type="checkbox" checked={settings.readByModel} onChange={(e) => setSettings({ ...settings, readByModel: e.target.checked })} />
              Also read concerns no rule lists (trained model)
            </label>
          </fieldset>
        )}
        {rules && (
          <>
            <label>
              Find a rule
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </label>
            <div className="rules-scroll">
              <table className="rules">
                <thead>
                  <tr><th>On</th><th>Words</th><th>Kind</th><th>Theme</th><th>Severity</th><th /></tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.key}>
                      <td><input type="checkbox" checked={r.enabled} aria-label={`Use rule ${r.pattern}`} onChange={(e) => change(r.key, { enabled: e.target.checked })} /></td>
                      <td><code>{r.regex ? 're: ' : ''}{r.caseSensitive ? 'Aa: ' : ''}{r.pattern}</code></td>
                      <td>{r.kind}</td>
                      <td>{r.theme}</td>
                      <td>
                        <select value={r.severity} aria-label={`Severity of ${r.pattern}`} onChange={(e) => change(r.key, { severity: Number(e.target.value) })}>
                          <option value={1}>1 low</option><option value={2}>2 moderate</option><option value={3}>3 high</option>
                        </select>
                      </td>
                      <td><button type="button" aria-label={`Delete rule ${r.pattern}`} onClick={() => setRules((rs) => rs!.filter((x) => x.key !== r.key))}>Delete</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <fieldset className="rules-new">
              <legend>Add a rule</legend>
              <label>Words (whole words; * any ending)<input value={fresh.pattern} onChange={(e) => setFresh({ ...fresh, pattern: e.target.value })} /></label>
              <label>
                Kind
                <select value={fresh.kind} onChange={(e) => setFresh({ ...fresh, kind: e.target.value as SignalKind })}>
                  {SIGNAL_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                </select>
              </label>
              <label>Theme<input value={fresh.theme} onChange={(e) => setFresh({ ...fresh, theme: e.target.value })} /></label>
              <label>
                Severity
                <select value={fresh.severity} onChange={(e) => setFresh({ ...fresh, severity: Number(e.target.value) })}>
                  <option value={1}>1 low</option><option value={2}>2 moderate</option><option value={3}>3 high</option>
                </select>
              </label>
              <button
                type="button"
                disabled={!fresh.pattern.trim() || !fresh.theme.trim()}
                onClick={() => {
                  setRules((rs) => [...rs!, { ...fresh, pattern: fresh.pattern.trim(), theme: fresh.theme.trim(), regex: false, caseSensitive: false, enabled: true, key: -Date.now() }]);
                  setFresh({ ...fresh, pattern: '' });
                }}
              >
                Add rule
              </button>
            </fieldset>
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="button" disabled={busy || !rules} onClick={save}>Save and recompute</button>
        </div>
      </div>
    </div>
  );
}
