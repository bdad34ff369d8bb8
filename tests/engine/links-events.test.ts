import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { readAudit } from '../../electron/engine/audit';
import { rejectLink } from '../../electron/engine/links/link-decisions';
import { afterImport } from '../../electron/engine/people/after-import';
import { listLinks } from '../../electron/engine/people/queries';
import { tempCase, tempDir, writeFile } from './helpers';

async function load(files: Record<string, string>) {
  const c = tempCase();
  const dir = tempDir();
  for (const [agency, csv] of Object.entries(files)) afterImport(c, await importExtract(c, writeFile(dir, `${agency}.csv`, csv), { agency }));
  return c;
}

const rowsOf = (c: Awaited<ReturnType<typeof load>>, ids: number[]) => ids.map((id) => c.getEntry(id)).map((e) => `${e.agency}#${e.source.row}`).sort();

describe('linking one event across agencies', () => {
  it('links an ambulance call to the nearest ED arrival of the same person, not an earlier call nor another person', async () => {
    const c = await load({
      'Ambulance Service': 'Date,Time,Type,Notes,Patient\n05/03/2022,15:00,Phone call,Advice given,Rowan Pellow\n05/03/2022,23:10,999 call,Assault. Conveyed to ED.,Rowan Pellow\n05/03/2022,23:20,999 call,Fall. Conveyed.,Jo Bray\n',
      'Hospital ED': 'Date,Time,Type,Notes,Patient\n05/03/2022,23:55,ED attendance,Arrived by ambulance,PELLOW Rowan\n08/03/2022,10:00,ED attendance,Self-presented,Rowan Pellow\n',
    });
    const links = listLinks(c);
    expect(links).toHaveLength(1);
    expect(rowsOf(c, links[0]!.entryIds)).toEqual(['Ambulance Service#3', 'Hospital ED#2']);
    expect(links[0]!.reason).toMatch(/Ambulance Service call and Hospital ED arrival/);
  });

  it('links a referral sent and received within days, a joint visit, an arrest noted by probation and a meeting; not unrelated entries', async () => {
    const c = await load({
      Housing: 'Date,Type,Notes,Tenant\n11/04/2022,Referral out,Referral made to adult social care re Rowan Pellow,Rowan Pellow\n20/07/2022,Strategy meeting,Attended strategy meeting,Rowan Pellow\n',
      'Adult Social Care': 'Date,Type,Notes,Client\n12/04/2022,Referral in,Referral received from housing,Rowan Pellow\n14/07/2022,Visit,Joint visit with police,Rowan Pellow\n20/07/2022,Strategy meeting,Strategy meeting held,Rowan Pellow\n30/04/2022,Referral in,Referral received from GP,Jo Bray\n',
      Police: 'Date,Type,Notes,Persons\n14/07/2022,Visit,Joint home visit with social worker,Rowan Pellow\n02/06/2022,Arrest,Kyle Danner arrested for supply,Kyle Danner\n20/07/2022,Strategy meeting,Strategy meeting attended,Rowan Pellow\n',
      Probation: 'Date,Type,Notes,Name\n06/06/2022,Notification,Informed by police of arrest,Kyle Danner\n20/06/2022,Supervision,Discussed arrest last month,Jo Bray\n',
    });
    const got = listLinks(c).map((l) => ({ kind: l.kind, rows: rowsOf(c, l.entryIds) }));
    expect(got).toEqual(
      expect.arrayContaining([
        { kind: 'referral', rows: ['Adult Social Care#2', 'Housing#2'] },
        { kind: 'joint_visit', rows: ['Adult Social Care#3', 'Police#2'] },
        { kind: 'arrest', rows: ['Police#3', 'Probation#2'] },
        { kind: 'meeting', rows: ['Adult Social Care#4', 'Housing#3', 'Police#4'] },
      ]),
    );
    expect(got).toHaveLength(4);
  });

  it('links one meeting minuted under different children, every row of a meeting\'s minutes, a GP letter giving the ED date without a year; never two entries of one agency', async () => {
    const c = await load({
      "Children's Social Care": 'Date,Time,Type,Notes,Child\n26/04/2023,13:30,ICPC,ICPC: CP plan agreed,Ada Quill\n06/11/2023,,Contact,Police notification: DA incident 04/11/23 child present,Ada Quill\n',
      Police: 'Date,Time,Type,Notes,Persons\n26/04/2023,13:30,Case conference,Child protection conference attended,Ben Quill\n04/11/2023,21:30,Domestic,Incident at home. Father arrested,Ben Quill; Ada Quill\n05/11/2023,09:25,Child notification,PPN submitted to CSC: child present at DA incident 04/11/23,Ada Quill\n',
      'MARAC Minutes': 'Date,Notes,Persons\n26/04/2023,Police: incident reported. Housing: arrears,Ben Quill\n',
      'Hospital ED': 'Date,Time,Type,Notes,Patient\n25/03/2023,23:55,ED attendance,Vomiting after a fall from the sofa,Ada Quill\n',
      GP: 'Date,Type,Notes,Patient\n27/03/2023,Document,ED letter: attended 25/03 vomiting; rolled off sofa,Ada Quill\n',
    });
    const got = listLinks(c).map((l) => rowsOf(c, l.entryIds));
    expect(got).toEqual(
      expect.arrayContaining([
        ["Children's Social Care#2", 'MARAC Minutes#2', 'Police#2'],
        ["Children's Social Care#3", 'Police#4'],
        ['GP#2', 'Hospital ED#2'],
      ]),
    );
    // The notification, not the incident it reports, is what CSC received: no link holds two police rows.
    expect(got.some((rows) => rows.filter((r) => r.startsWith('Police#')).length > 1)).toBe(false);
    expect(got).toHaveLength(3);
  });

  it('keeps a link the chair rejected broken after the agency sends a new version', async () => {
    const amb = 'Date,Time,Type,Notes,Patient\n05/03/2022,23:10,999 call,Assault. Conveyed to ED.,Rowan Pellow\n';
    const c = await load({ 'Ambulance Service': amb, 'Hospital ED': 'Date,Time,Type,Notes,Patient\n05/03/2022,23:55,ED attendance,Arrived by ambulance,Rowan Pellow\n' });
    const [link] = listLinks(c);
    rejectLink(c, { name: 'Chair', role: 'chair' }, link!.id);
    expect(listLinks(c)).toEqual([]);
    const dir = tempDir();
    afterImport(c, await importExtract(c, writeFile(dir, 'amb2.csv', `${amb}06/03/2022,10:00,Phone call,Follow-up,Rowan Pellow\n`), { agency: 'Ambulance Service' }));
    expect(listLinks(c)).toEqual([]);
    expect(readAudit(c.db).map((a) => a.action)).toContain('link.reject');
    expect(() => rejectLink(c, { name: 'Chair', role: 'chair' }, 999)).toThrow(/No linked event 999/);
  });
});
