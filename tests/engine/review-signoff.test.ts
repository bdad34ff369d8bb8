import { describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../electron/engine/audit';
import { importExtract } from '../../electron/engine/import/import-extract';
import { reviewDashboard } from '../../electron/engine/review/dashboard';
import { signOffExtract } from '../../electron/engine/review/sign-off';
import { saveReviewSettings } from './review-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const LEAD = { name: 'Priya Okonjo', role: 'Detective Inspector, safeguarding lead' };

describe('sign-off of an extract version', () => {
  it('is recorded and audited; a re-upload needs a new sign-off; an old version cannot be signed', async () => {
    const c = tempCase();
    saveReviewSettings(c, { agencies: ['Police', 'GP', 'Housing'] });
    const dir = tempDir();
    const v1 = writeFile(dir, 'police.csv', 'Date,Notes\n02/03/2023,Concern for welfare\n');
    await importExtract(c, v1, { agency: 'Police' });

    let board = reviewDashboard(c);
    expect(board.map((s) => [s.agency, s.asked, s.state])).toEqual([
      ['Police', true, 'awaiting_sign_off'],
      ['GP', true, 'awaiting'],
      ['Housing', true, 'awaiting'],
    ]);

    const signed = signOffExtract(c, { name: 'Dana Whitlow', role: 'review chair' }, { agency: 'police', version: 1, ...LEAD, date: '2023-12-20' });
    expect(signed).toMatchObject({ agency: 'Police', state: 'signed_off', signOff: { version: 1, ...LEAD, date: '2023-12-20' } });
    const audit = readAudit(c.db).find((a) => a.action === 'sign_off')!;
    expect(audit).toMatchObject({ actorName: 'Dana Whitlow', entity: 'extract', after: { agency: 'police', version: 1, name: LEAD.name, date: '2023-12-20' } });
    expect(audit.after).toHaveProperty('sha256');

    // The agency corrects its file: version 2 replaces version 1 and is not signed off.
    const v2 = writeFile(dir, 'police-v2.csv', 'Date,Notes\n02/03/2023,Concern for welfare\n05/03/2023,999 call\n');
    await importExtract(c, v2, { agency: 'Police' });
    board = reviewDashboard(c);
    expect(board[0]).toMatchObject({ state: 'needs_new_sign_off', received: { version: 2 }, signOff: { version: 1 } });
    expect(() => signOffExtract(c, { name: 'x', role: 'y' }, { agency: 'Police', version: 1, ...LEAD, date: '2023-12-21' })).toThrow(/replaced by version 2/);

    expect(signOffExtract(c, { name: 'x', role: 'y' }, { agency: 'Police', version: 2, ...LEAD, date: '2023-12-22' })).toMatchObject({ state: 'signed_off', signOff: { version: 2, date: '2023-12-22' } });
    expect(() => signOffExtract(c, { name: 'x', role: 'y' }, { agency: 'GP', version: 1, ...LEAD, date: '2023-12-22' })).toThrow(/No extract from GP/);
    expect(() => c.db.prepare('UPDATE extract_signoffs SET name = ?').run('someone else')).toThrow(/kept as given/);
    expect(verifyAudit(c.db)).toBeNull();
  });

  it('counts the problems recorded for the version in use', async () => {
    const c = tempCase();
    saveReviewSettings(c);
    const f = writeFile(tempDir(), 'gp.csv', 'Date,Notes\n31/02/2023,x\n13/03/2023,seen\n13/03/2023,seen\n');
    await importExtract(c, f, { agency: 'GP' });
    // No person, contact type, practitioner or outcome column: each mandatory one is reported once.
    expect(reviewDashboard(c).find((s) => s.agency === 'GP')?.problems).toEqual({ rejected: 1, warnings: 4, duplicates: 1 });
  });
});
