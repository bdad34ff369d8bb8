import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../electron/engine/audit';
import { buildCaseFromFixtures } from '../../electron/engine/demo-case';
import { importExtract } from '../../electron/engine/import/import-extract';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { addClusterNote, decideCluster, getCluster, listClusters, readLexicon, refreshSignals, updateLexicon } from '../../electron/engine/signals';
import { ROOT, tempCase, tempDir, writeFile } from './helpers';

const actor = { name: 'Chair Person', role: 'chair' };

async function demo() {
  const c = await buildCaseFromFixtures(path.join(ROOT, 'fixtures/demo'), path.join(tempDir(), 'demo.jigsaw'));
  resolvePeople(c);
  return c;
}

describe('clusters in the case file', () => {
  it('explains a cluster with its evidence: entries, rules fired and the words they matched', async () => {
    const c = await demo();
    const [march] = listClusters(c);
    const d = getCluster(c, march!.id);
    expect(d.evidence.map((e) => e.date)).toEqual([...d.evidence.map((e) => e.date)].sort());
    const asc = d.evidence.find((e) => e.agency === 'Adult Social Care')!;
    expect(asc.rules.map((r) => r.matched)).toEqual(expect.arrayContaining(['has capacity', 'Case closed']));
    expect(d.personNames).toContain('Rowan Pellow');
    c.close();
  });

  it('shows one episode seen through each person its entries name as one cluster, with all of them', async () => {
    const c = tempCase();
    const dir = tempDir();
    const ed = 'Date,Notes,Patients\n04/03/2023,"Bruise to cheek, unexplained",Finn Arlow; Kay Arlow\n25/03/2023,"Head injury, account inconsistent",Finn Arlow; Kay Arlow\n';
    const police = 'Date,Notes,Persons\n12/03/2023,"Shouting at the address, injuries to Kay",Kay Arlow; Finn Arlow; Jon Arlow\n';
    const gp = 'Date,Notes,Patient\n20/03/2023,"Bruising to arm, unable to explain how",Finn Arlow\n';
    await importExtract(c, writeFile(dir, 'ed.csv', ed), { agency: 'Hospital ED' });
    await importExtract(c, writeFile(dir, 'police.csv', police), { agency: 'Police' });
    await importExtract(c, writeFile(dir, 'gp.csv', gp), { agency: 'GP' });
    resolvePeople(c);
    const march = listClusters(c).filter((k) => k.from.startsWith('2023-03'));
    expect(march).toHaveLength(1);
    expect(march[0]!.personNames).toEqual(expect.arrayContaining(['Finn Arlow', 'Kay Arlow']));
    c.close();
  });

  it('saves, audits and keeps the panel’s decisions and notes across recomputation', async () => {
    const c = await demo();
    const [march] = listClusters(c);
    expect(() => decideCluster(c, actor, { id: march!.id, decision: 'dismissed' })).toThrow(/Say why/);
    decideCluster(c, actor, { id: march!.id, decision: 'confirmed', reason: 'Four agencies, nobody referred' });
    addClusterNote(c, actor, { id: march!.id, text: 'Discuss ASC closure at panel 2' });

    // A new extract with another concern in the same weeks: the cluster grows, keeps its id.
    const dir = tempDir();
    const housing = writeFile(dir, 'housing.csv', 'Date,Notes,Tenant\n08/03/2023,"Neighbours report men going in and out of flat 6, tenant seemed frightened.",Rowan Pellow\n');
    await importExtract(c, housing, { agency: 'Housing' });
    resolvePeople(c);
    const again = listClusters(c).find((k) => k.id === march!.id)!;
    expect(again.agencies).toContain('Housing');
    expect(again).toMatchObject({ decision: 'confirmed', decisionReason: 'Four agencies, nobody referred', noteCount: 1, detected: true });
    expect(getCluster(c, march!.id).notes[0]).toMatchObject({ author: 'Chair Person', text: 'Discuss ASC closure at panel 2' });

    const audit = readAudit(c.db).filter((a) => a.entity === 'cluster');
    expect(audit.map((a) => a.action)).toEqual(['signals.cluster.decide', 'signals.cluster.note']);
    expect(audit[0]).toMatchObject({ actorName: 'Chair Person', entityId: String(march!.id), after: { decision: 'confirmed' } });
    expect(verifyAudit(c.db)).toBeNull();
    c.close();
  });

  it('keeps a decided cluster that is no longer found, marked as not detected', async () => {
    const c = await demo();
    const [march] = listClusters(c);
    decideCluster(c, actor, { id: march!.id, decision: 'dismissed', reason: 'Known to be handled by the GP' });
    // Switch off every concern rule and the concern model: nothing is found any more, but the decision stays.
    const lex = readLexicon(c);
    updateLexicon(c, actor, { rules: lex.rules.map((r) => ({ ...r, enabled: r.kind !== 'concern' })), settings: { ...lex.settings, readByModel: false } });
    const after = listClusters(c);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: march!.id, detected: false, decision: 'dismissed' });
    c.close();
  });

  it('uses edited rules and settings at once, refuses a bad rule without changing anything, and audits the change', async () => {
    const c = await demo();
    const before = readLexicon(c);
    expect(() => updateLexicon(c, actor, { rules: [...before.rules, { pattern: '(oops', regex: true, kind: 'concern', theme: 'x', severity: 1 }] })).toThrow(/not a valid pattern/);
    expect(readLexicon(c).rules).toHaveLength(before.rules.length);
    // A span of 2 days splits March: no window holds all four agencies.
    updateLexicon(c, actor, { settings: { spanDays: 2, graceDays: 3 } });
    const narrow = listClusters(c);
    expect(Math.max(...narrow.map((k) => k.agencies.length))).toBeLessThan(4);
    expect(readAudit(c.db).filter((a) => a.action === 'signals.lexicon.update')).toHaveLength(1);
    c.close();
  });

  it('gives timeline entries their signal', async () => {
    const c = await demo();
    refreshSignals(c);
    const page = c.listEntries({ from: '2023-03-16', to: '2023-03-16' });
    expect(page.entries[0]!.signal).toEqual({ kind: 'concern', themes: ['capacity', 'closed-declined'] });
    const routine = c.listEntries({ from: '2023-02-09', to: '2023-02-09' }).entries[0]!;
    expect(routine.signal?.kind).toBe('routine');
    c.close();
  });

  it('counts entries linked to nobody for the case subject, and is quiet when no one is linked at all', async () => {
    const c = tempCase();
    const dir = tempDir();
    await importExtract(c, writeFile(dir, 'a.csv', 'Date,Notes\n01/05/2023,Bruising to both arms.\n'), { agency: 'GP' });
    await importExtract(c, writeFile(dir, 'b.csv', 'Date,Notes\n09/05/2023,Neighbours report men going in and out all night.\n'), { agency: 'Police' });
    // No people at all: the case is read as one person.
    expect(listClusters(c).map((k) => k.personIds)).toEqual([[]]);
    const subject = Number(c.db.prepare(`INSERT INTO persons(display_name, role) VALUES ('Adult Z', 'subject')`).run().lastInsertRowid);
    const other = Number(c.db.prepare(`INSERT INTO persons(display_name, role) VALUES ('Neighbour', 'unknown')`).run().lastInsertRowid);
    const [gpEntry] = c.db.prepare('SELECT id FROM entries ORDER BY id').pluck().all() as number[];
    c.db.prepare(`INSERT INTO entry_persons(entry_id, person_id, mention, origin) VALUES (?, ?, 'Adult Z', 'column')`).run(gpEntry, subject);
    expect(listClusters(c).map((k) => k.personNames)).toEqual([['Adult Z']]);
    // Linked to someone else: no longer the subject's.
    c.db.prepare('UPDATE entry_persons SET person_id = ? WHERE entry_id = ?').run(other, gpEntry);
    expect(listClusters(c).filter((k) => k.detected)).toEqual([]);
  });
});
