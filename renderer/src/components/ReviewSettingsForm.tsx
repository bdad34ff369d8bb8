// The chair's review settings: type, period, people in scope, agencies asked, the columns wanted
// (and which are mandatory), contact types for the drop-down, glossary, silent-period gap.
import { useState } from 'react';
import type { JigsawApi } from '../../../shared/api';
import { ALWAYS_MANDATORY, REVIEW_TYPES, type ReviewPerson, type ReviewSettings, type ReviewSettingsView } from '../../../shared/review';

const FIELD_LABELS: Record<string, string> = {
  sequence: 'Same-day sequence', date: 'Date', time: 'Time', endDate: 'End date', person: 'People involved', contactType: 'Contact type',
  practitioner: 'Practitioner role', text: 'Event (facts only)', outcome: 'Action / outcome', analysis: 'Agency analysis', source: 'Source', reference: 'Reference',
};

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function ReviewSettingsForm(props: { api: JigsawApi; view: ReviewSettingsView; onSaved: (v: ReviewSettingsView) => void }) {
  const [draft, setDraft] = useState<ReviewSettings>(props.view.settings);
  const [agenciesText, setAgenciesText] = useState(props.view.settings.agencies.join('\n'));
  const [typesText, setTypesText] = useState(props.view.settings.contactTypes.join('\n'));
  const [glossaryText, setGlossaryText] = useState(props.view.settings.glossary.map((g) => `${g.abbreviation}: ${g.meaning}`).join('\n'));
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const otherType = !(REVIEW_TYPES as readonly string[]).includes(draft.reviewType);

  const set = (patch: Partial<ReviewSettings>) => setDraft((d) => ({ ...d, ...patch }));
  const setPerson = (i: number, patch: Partial<ReviewPerson>) => set({ people: draft.people.map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  async function save() {
    const glossary = lines(glossaryText).map((l) => {
      const at = l.search(/[:=]/);
      return at > 0 ? { abbreviation: l.slice(0, at).trim(), meaning: l.slice(at + 1).trim() } : { abbreviation: l, meaning: '' };
    });
    setBusy(true);
    setStatus(null);
    try {
      const v = await props.api.updateReviewSettings({ ...draft, agencies: lines(agenciesText), contactTypes: lines(typesText), glossary });
      setDraft(v.settings);
      setStatus({ error: false, text: `Saved. Templates made from now on are version ${v.revision}.` });
      props.onSaved(v);
    } catch (e) {
      setStatus({ error: true, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="review-settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <fieldset>
        <legend>The review</legend>
        <label>Title<input value={draft.title} onChange={(e) => set({ title: e.target.value })} required /></label>
        <label>
          Review type
          <select value={otherType ? 'other' : draft.reviewType} onChange={(e) => set({ reviewType: e.target.value === 'other' ? '' : e.target.value })}>
            {REVIEW_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            <option value="other">Other…</option>
          </select>
        </label>
        {otherType && <label>Other review type<input value={draft.reviewType} onChange={(e) => set({ reviewType: e.target.value })} required /></label>}
        <div className="row">
          <label>Period from<input type="date" value={draft.periodFrom ?? ''} onChange={(e) => set({ periodFrom: e.target.value || null })} /></label>
          <label>Period to<input type="date" value={draft.periodTo ?? ''} onChange={(e) => set({ periodTo: e.target.value || null })} /></label>
          <label>Silent period after (days)<input type="number" min={1} max={3650} value={draft.silentGapDays} onChange={(e) => set({ silentGapDays: Number(e.target.value) || 1 })} /></label>
        </div>
        <div className="row">
          <label>
            Date of death or serious incident
            <input type="date" value={draft.incidentDate ?? ''} onChange={(e) => set({ incidentDate: e.target.value || null })} aria-describedby="incident-help" />
          </label>
          <p id="incident-help" className="hint">
            Responses after this date never count as answering concerns before it.
            {!draft.incidentDate && props.view.proposedIncident && (
              <>
                {' '}Not set: the clusters use {props.view.proposedIncident.date}, read from the entries ({props.view.proposedIncident.why}).{' '}
                <button type="button" onClick={() => set({ incidentDate: props.view.proposedIncident!.date })}>Use {props.view.proposedIncident.date}</button>
              </>
            )}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>People in scope</legend>
        {draft.people.map((p, i) => (
          <div className="row person" key={i}>
            <label>Name<input value={p.name} onChange={(e) => setPerson(i, { name: e.target.value })} required /></label>
            <label>
              Role
              <select value={p.role} onChange={(e) => setPerson(i, { role: e.target.value as ReviewPerson['role'] })}>
                <option value="subject">Subject</option><option value="family">Family</option><option value="associate">Associate</option><option value="other">Other</option>
              </select>
            </label>
            <label>Date of birth<input type="date" value={p.dob ?? ''} onChange={(e) => setPerson(i, { dob: e.target.value || null })} /></label>
            <label>Identifiers<input value={p.identifiers} placeholder="NHS number, other names, addresses" onChange={(e) => setPerson(i, { identifiers: e.target.value })} /></label>
            <button type="button" onClick={() => set({ people: draft.people.filter((_, j) => j !== i) })} aria-label={`Remove ${p.name || 'person'}`}>Remove</button>
          </div>
        ))}
        <button type="button" onClick={() => set({ people: [...draft.people, { name: '', role: draft.people.length ? 'family' : 'subject', dob: null, identifiers: '' }] })}>Add a person</button>
      </fieldset>

      <fieldset>
        <legend>Agencies asked</legend>
        <label>One agency per line<textarea rows={4} value={agenciesText} onChange={(e) => setAgenciesText(e.target.value)} /></label>
      </fieldset>

      <fieldset>
        <legend>Columns wanted</legend>
        <table className="columns-table">
          <thead><tr><th scope="col">Column</th><th scope="col">Heading in the template</th><th scope="col">Wanted</th><th scope="col">Mandatory</th></tr></thead>
          <tbody>
            {draft.columns.map((c, i) => {
              const fixed = ALWAYS_MANDATORY.includes(c.field);
              const update = (patch: Partial<typeof c>) => set({ columns: draft.columns.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <tr key={c.field}>
                  <th scope="row">{FIELD_LABELS[c.field] ?? c.field}</th>
                  <td><input aria-label={`Heading for ${FIELD_LABELS[c.field]}`} value={c.heading} onChange={(e) => update({ heading: e.target.value })} required /></td>
                  <td><input type="checkbox" aria-label={`${FIELD_LABELS[c.field]} wanted`} checked={c.wanted} disabled={fixed} onChange={(e) => update({ wanted: e.target.checked, mandatory: e.target.checked && c.mandatory })} /></td>
                  <td><input type="checkbox" aria-label={`${FIELD_LABELS[c.field]} mandatory`} checked={c.mandatory} disabled={fixed || !c.wanted} onChange={(e) => update({ mandatory: e.target.checked })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset>
        <legend>Lists</legend>
        <div className="row">
          <label>Contact types (the template’s drop-down), one per line<textarea rows={6} value={typesText} onChange={(e) => setTypesText(e.target.value)} /></label>
          <label>Glossary of abbreviations, one per line as ABBR: meaning<textarea rows={6} value={glossaryText} onChange={(e) => setGlossaryText(e.target.value)} /></label>
        </div>
      </fieldset>

      <div className="actions">
        {status && <p className={status.error ? 'error' : undefined} role={status.error ? 'alert' : 'status'}>{status.text}</p>}
        <button type="submit" disabled={busy}>Save settings</button>
      </div>
    </form>
  );
}
