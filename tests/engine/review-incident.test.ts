// The date of death or serious incident: set by the chair, or proposed from the entries when two
// agencies record a death within a fortnight; the clusters then stop answering earlier concerns
// with what came after.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { refreshPeopleAndLinks } from '../../electron/engine/people/after-import';
import { getReviewSettings } from '../../electron/engine/review/settings';
import { listClusters, refreshSignals } from '../../electron/engine/signals/index';
import { saveReviewSettings } from './review-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

async function caseWithDeath() {
  const c = tempCase();
  const dir = tempDir();
  const police = writeFile(
    dir,
    'police.csv',
    [
      'Date,Name,Details',
      '02/05/2023,Ivy Tamsin Rowe,Neighbour reports shouting and a man threatening her; officers attended',
      '14/05/2023,Ivy Tamsin Rowe,Welfare check: Ivy found deceased at home; enquiries ongoing',
      '16/05/2023,Ivy Tamsin Rowe,Safeguarding adults referral submitted to the local authority following the death',
    ].join('\n'),
  );
  const gp = writeFile(
    dir,
    'gp.csv',
    ['Date,Patient,Entry', '06/05/2023,Ivy Tamsin Rowe,Bruising to both arms; anxious; would not say how', '15/05/2023,Ivy Tamsin Rowe,Notified by police that patient has died'].join('\n'),
  );
  await importExtract(c, police, { agency: 'Police' });
  await importExtract(c, gp, { agency: 'GP' });
  refreshPeopleAndLinks(c);
  return c;
}

describe('the incident date', () => {
  it('is proposed from the entries when not set, and then keeps the later referral from answering the concerns before it', async () => {
    const c = await caseWithDeath();
    const view = getReviewSettings(c);
    expect(view.settings.incidentDate ?? null).toBeNull();
    expect(view.proposedIncident?.date).toBe('2023-05-14');
    expect(view.proposedIncident?.why).toMatch(/2 agencies/);
    refreshSignals(c, { force: true });
    const [cluster] = listClusters(c);
    // the day of the death is itself after: the cluster is the concerns of 02/05 and 06/05 only
    expect(cluster).toMatchObject({ from: '2023-05-02', to: '2023-05-06', status: 'missed' });
  });

  it('set by the chair, is kept, replaces the proposal, and moves the cut-off', async () => {
    const c = await caseWithDeath();
    saveReviewSettings(c, { periodFrom: '2023-01-01', periodTo: '2023-12-31', incidentDate: '2023-05-20' });
    const view = getReviewSettings(c);
    expect(view.settings.incidentDate).toBe('2023-05-20');
    expect(view.proposedIncident).toBeNull();
    refreshSignals(c, { force: true });
    // with the death set later, the referral of 16/05 falls before it and answers the cluster
    expect(listClusters(c)[0]).toMatchObject({ status: 'responded' });
  });
});
