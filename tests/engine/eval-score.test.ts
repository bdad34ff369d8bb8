// The evaluation's scorer on a tiny labelled case written here: it must count what the engine got
// right and, as importantly, what it got wrong (a scorer that cannot fail measures nothing).
import { describe, expect, it } from 'vitest';
import { labelsSchema, type Labels } from '../../eval/labels';
import { matchRows } from '../../eval/match-rows';
import { runCase } from '../../eval/run-case';
import { scoreCase } from '../../eval/score';
import { tempDir, writeFile } from './helpers';

function caseIn(dir: string): Labels {
  writeFile(
    dir,
    'police.csv',
    [
      'Date,Time,Person,Details',
      '04/03/2022,23:10,"PENROSE, Alma",Neighbour reports shouting and a woman screaming at the flat',
      '31/02/2022,10:00,"PENROSE, Alma",Welfare check',
      '09/03/2022,14:00,"PENROSE, Alma",Officer noted bruising to face; Alma says she fell',
      '12/03/2022,09:30,"PENROSE, Alma",Annual licensing letter posted',
    ].join('\r\n'),
  );
  writeFile(dir, 'gp.csv', ['Consultation date,Patient,Entry', '07/03/2022,Alma Penrose,Attended with bruising to arm and cut lip, anxious', '20/03/2022,Alma Penrose,Medication review'].join('\n'));
  return labelsSchema.parse({
    case: 'tiny',
    title: 'Tiny case',
    reviewType: 'SAR',
    settings: { periodFrom: '2022-01-01', periodTo: '2022-12-31', people: [] },
    people: [{ ref: 'P1', name: 'Alma Penrose', kind: 'subject', identifiers: ['Penrose', 'Alma'] }],
    extracts: [
      { file: 'police.csv', agency: 'Police' },
      { file: 'gp.csv', agency: 'GP' },
    ],
    rows: [
      { file: 'police.csv', row: 2, key: 'woman screaming', status: 'entry', date: '2022-03-04', time: '23:10', precision: 'day', people: ['P1'], signal: 'concern', concernAbout: 'P1' },
      { file: 'police.csv', row: 3, key: 'Welfare check', status: 'bad', badReason: 'impossible_date' },
      // deliberately labelled a day late: the scorer must count it wrong
      { file: 'police.csv', row: 4, key: 'bruising to face', status: 'entry', date: '2022-03-10', time: '14:00', precision: 'day', people: ['P1'], signal: 'concern', concernAbout: 'P1' },
      // deliberately labelled a response: a routine letter the engine should read as routine
      { file: 'police.csv', row: 5, key: 'licensing letter', status: 'entry', date: '2022-03-12', time: '09:30', precision: 'day', people: ['P1'], signal: 'response' },
      { file: 'gp.csv', row: 2, key: 'cut lip', status: 'entry', date: '2022-03-07', time: null, precision: 'day', people: ['P1'], signal: 'concern', concernAbout: 'P1' },
      { file: 'gp.csv', row: 3, key: 'Medication review', status: 'entry', date: '2022-03-20', time: null, precision: 'day', people: ['P1'], signal: 'routine' },
    ],
    links: [{ why: 'not the same event, labelled as one to prove a miss is counted', rows: [['police.csv', 2], ['gp.csv', 3]] }],
    clusters: [{ ref: 'C1', person: 'P1', from: '2022-03-04', to: '2022-03-09', agencies: ['Police', 'GP'], rank: 1 }],
    controls: [{ ref: 'K1', person: 'P1', from: '2022-11-01', to: '2022-11-30', kind: 'routine' }],
  });
}

describe('the evaluation scorer', () => {
  it('counts right and wrong rows, reported bad rows, links, signals, clusters and identifiers left', async () => {
    const dir = tempDir();
    const labels = caseIn(dir);
    const observed = await runCase(dir, labels, { settings: true });
    const s = scoreCase(labels, observed, matchRows(labels, observed));

    expect(s.rows).toMatchObject({ genuine: 5, right: 4, lost: 0, wrongDate: 1 });
    expect(s.misses.some((m) => m.includes('police.csv row 4') && m.includes('2022-03-09'))).toBe(true);
    expect(s.bad).toEqual({ labelled: 1, reported: 1, importedAsEntries: 0 });
    expect(s.people.subjectF1).toBe(1);
    expect(s.links.recall).toBe(0);
    expect(s.misses.some((m) => m.startsWith('link missed: not the same event, labelled as one to prove a miss is counted ['))).toBe(true);
    expect(s.signals.response.recall).toBe(0);
    expect(s.signals.concern.recall).toBe(1);
    expect(s.clusters).toMatchObject({ planted: 1, found: 1, controlsFlagged: 0, worstFirst: true });
    expect(s.export.identifiers).toBe(2);
    expect(s.export.left).toBe(0);
  });

  it('refuses a labels file that names a person it does not list', async () => {
    const { readLabels } = await import('../../eval/labels');
    const dir = tempDir();
    writeFile(dir, 'labels.json', JSON.stringify({ ...caseIn(dir), rows: [{ file: 'gp.csv', row: 2, status: 'entry', people: ['P9'] }] }));
    expect(() => readLabels(dir)).toThrow(/unknown person P9/);
  });
});
