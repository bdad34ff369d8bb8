import { describe, expect, it } from 'vitest';
import { readAudit } from '../../electron/engine/audit';
import { getReviewSettings, updateReviewSettings } from '../../electron/engine/review/settings';
import { importExtract } from '../../electron/engine/import/import-extract';
import { CHAIR, saveReviewSettings } from './review-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

describe('review settings', () => {
  it('start from the canonical columns, save with an audit row, and bump the revision', () => {
    const c = tempCase();
    const fresh = getReviewSettings(c);
    expect(fresh.saved).toBe(false);
    expect(fresh.revision).toBe(0);
    expect(fresh.reviewId).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.settings.columns.filter((x) => x.mandatory).map((x) => x.field)).toEqual(expect.arrayContaining(['date', 'text']));
    expect(fresh.settings.silentGapDays).toBe(60);

    const v1 = saveReviewSettings(c, { reviewType: 'Domestic Homicide Review' });
    expect(v1).toMatchObject({ saved: true, revision: 1 });
    expect(c.summary()).toMatchObject({ reviewType: 'Domestic Homicide Review', periodFrom: '2023-01-01', periodTo: '2023-12-31', title: 'Review of Adult R (fictional)' });
    const v2 = saveReviewSettings(c, { silentGapDays: 30 });
    expect(v2.revision).toBe(2);
    expect(getReviewSettings(c).settings).toMatchObject({ silentGapDays: 30, agencies: ['Police', 'GP'] });

    const audit = readAudit(c.db).filter((a) => a.entity === 'review_settings');
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actorName: CHAIR.name, action: 'update', before: { silentGapDays: 60 }, after: { silentGapDays: 30 } });
  });

  it('refuses settings that break the rules, writing nothing', () => {
    const c = tempCase();
    const s = getReviewSettings(c).settings;
    expect(() => updateReviewSettings(c, CHAIR, { ...s, periodFrom: '2023-05-01', periodTo: '2023-01-01' })).toThrow(/ends before it starts/);
    expect(() => updateReviewSettings(c, CHAIR, { ...s, columns: s.columns.map((x) => (x.field === 'date' ? { ...x, mandatory: false } : x)) })).toThrow(/always wanted and mandatory/);
    expect(() => updateReviewSettings(c, CHAIR, { ...s, agencies: ['Police', 'police'] })).toThrow(/listed twice/);
    expect(getReviewSettings(c).saved).toBe(false);
    expect(readAudit(c.db)).toHaveLength(0);
  });

  it('the import keeps rejecting rows outside the period set here', async () => {
    const c = tempCase();
    saveReviewSettings(c, { periodFrom: '2023-03-01', periodTo: '2023-03-31' });
    const f = writeFile(tempDir(), 'x.csv', 'Date,Notes\n02/03/2023,in\n02/04/2023,out\n');
    const r = await importExtract(c, f, { agency: 'Police' });
    expect(r.imported).toBe(1);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 3, reason: 'outside_review_period' })]);
  });
});
