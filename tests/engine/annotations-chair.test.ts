import fs from 'node:fs';
import mammoth from 'mammoth';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorrection, annotateEntry, getAnnotations } from '../../electron/engine/annotations/annotations';
import { carryForwardAnnotations } from '../../electron/engine/annotations/carry-forward';
import { readAudit, verifyAudit } from '../../electron/engine/audit';
import { dispatch, Engine } from '../../electron/engine/engine';
import { exportChronology } from '../../electron/engine/export/export-chronology';
import { importExtract } from '../../electron/engine/import/import-extract';
import { loadUser, saveUser } from '../../electron/engine/settings/user-settings';
import { caseWith, CHAIR, entryIds } from './chair-fixtures';
import { tempDir, writeFile } from './helpers';

const CSV = 'Date,Details,Outcome\n14/01/2023,Concern for welfare call,NFA\n03/03/2023,999 call about visitors,NFA\n03/03/2023,Second call that night,Attended\n';

describe('annotations', () => {
  it('adds markers, analysis, themes, order and exclusions beside the facts, each change audited', async () => {
    const c = await caseWith(CSV);
    const [first] = entryIds(c);
    const factBefore = c.db.prepare('SELECT * FROM entries WHERE id = ?').get(first);

    const a = annotateEntry(c.db, CHAIR, first!, { keyEpisode: true, analysis: 'First sign of exploitation', themes: ['cuckooing', ' Cuckooing ', 'alcohol'] });
    expect(a).toMatchObject({ keyEpisode: true, analysis: 'First sign of exploitation', themes: ['cuckooing', 'alcohol'], excluded: false, updatedBy: CHAIR.name });
    annotateEntry(c.db, CHAIR, first!, { sameDayOrder: 2, excluded: true, excludeReason: 'Duplicate of the ASC record' });
    const b = annotateEntry(c.db, CHAIR, first!, { excluded: false });
    expect(b).toMatchObject({ excluded: false, excludeReason: null, sameDayOrder: 2, keyEpisode: true });

    // The agency's fact is untouched.
    expect(c.db.prepare('SELECT * FROM entries WHERE id = ?').get(first)).toEqual(factBefore);

    const log = readAudit(c.db);
    expect(log.map((r) => [r.actorName, r.actorRole, r.action, r.entityId])).toEqual([
      [CHAIR.name, CHAIR.role, 'annotate', String(first)],
      [CHAIR.name, CHAIR.role, 'annotate', String(first)],
      [CHAIR.name, CHAIR.role, 'annotate', String(first)],
    ]);
    expect(log[1]!.before).toEqual({ sameDayOrder: null, excluded: false, excludeReason: null });
    expect(log[1]!.after).toEqual({ sameDayOrder: 2, excluded: true, excludeReason: 'Duplicate of the ASC record' });
    expect(log[2]!.before).toEqual({ excluded: true, excludeReason: 'Duplicate of the ASC record' });
    expect(verifyAudit(c.db)).toBeNull();
  });

  it('refuses an exclusion without a reason, an unknown entry, and an unknown user; logs nothing then', async () => {
    const c = await caseWith(CSV);
    const [first] = entryIds(c);
    expect(() => annotateEntry(c.db, CHAIR, first!, { excluded: true })).toThrow(/why this entry is excluded/);
    expect(() => annotateEntry(c.db, CHAIR, 9999, { keyEpisode: true })).toThrow(/No entry 9999/);
    expect(() => annotateEntry(c.db, { name: 'Unknown user', role: 'unknown' }, first!, { keyEpisode: true })).toThrow(/name and role first/);
    expect(readAudit(c.db)).toEqual([]);
    // A change that changes nothing writes nothing.
    annotateEntry(c.db, CHAIR, first!, { keyEpisode: false });
    expect(readAudit(c.db)).toEqual([]);
  });

  it('keeps corrections as notes beside the fact', async () => {
    const c = await caseWith(CSV);
    const [, second] = entryIds(c);
    addCorrection(c.db, CHAIR, { entryId: second!, field: 'date', note: 'Police confirm the call was on 04/03/2023' });
    const a = addCorrection(c.db, CHAIR, { entryId: second!, note: 'Caller was the neighbour at no. 5' });
    expect(a.corrections.map((x) => [x.field, x.note, x.createdBy])).toEqual([
      ['date', 'Police confirm the call was on 04/03/2023', CHAIR.name],
      [null, 'Caller was the neighbour at no. 5', CHAIR.name],
    ]);
    expect(getAnnotations(c.db, second!).corrections).toHaveLength(2);
    expect((c.db.prepare('SELECT text FROM entries WHERE id = ?').get(second) as { text: string }).text).toBe('999 call about visitors');
    expect(readAudit(c.db).map((r) => r.action)).toEqual(['add_correction', 'add_correction']);
  });
});

describe('user identity', () => {
  it('is asked once per install, kept outside the case, and stamped on changes made through the API', async () => {
    const c = await caseWith(CSV);
    const settingsFile = path.join(tempDir(), 'jigsaw-home', 'settings.json');
    const engine = new Engine(c, { settingsFile });
    expect(await engine.getUser()).toBeNull();
    const [first] = entryIds(c);
    const refused = await dispatch(engine, 'annotateEntry', [{ entryId: first, patch: { keyEpisode: true } }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'no_user' } });

    expect(await dispatch(engine, 'setUser', [{ name: '  ', role: 'chair' }])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await dispatch(engine, 'setUser', [CHAIR]);
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toEqual({ user: CHAIR });
    expect(await dispatch(engine, 'annotateEntry', [{ entryId: first, patch: { keyEpisode: true } }])).toMatchObject({ ok: true });

    // A second engine on the same install knows the user without asking again.
    const again = new Engine(c, { settingsFile });
    expect(again.actor).toEqual(CHAIR);
    const log = await again.readAuditLog();
    expect(log.brokenAt).toBeNull();
    expect(log.rows.map((r) => [r.actorName, r.action])).toEqual([[CHAIR.name, 'annotate']]);
  });

  it('treats a damaged settings file as no user yet', () => {
    const file = path.join(tempDir(), 'settings.json');
    fs.writeFileSync(file, '{not json');
    expect(loadUser(file)).toBeNull();
    saveUser(file, CHAIR);
    expect(loadUser(file)).toEqual(CHAIR);
  });
});

describe('a new extract version', () => {
  it("carries the chair's annotations and corrections to the rows that arrive again unchanged; the export names the rest", async () => {
    const c = await caseWith(CSV);
    const [first, second] = entryIds(c);
    annotateEntry(c.db, CHAIR, first!, { keyEpisode: true, analysis: 'Early sign' });
    addCorrection(c.db, CHAIR, { entryId: first!, note: 'Caller was the neighbour' });
    annotateEntry(c.db, CHAIR, second!, { analysis: 'Visitors' });
    // Version 2: the first row unchanged, the second reworded by the agency, the third unchanged.
    const v2 = CSV.replace('999 call about visitors', '999 call about visitors (men at flat)');
    const report = await importExtract(c, writeFile(tempDir(), 'police.csv', v2), { agency: 'Police' });
    expect(report.version).toBe(2);

    expect(carryForwardAnnotations(c.db)).toEqual({ moved: 1, stranded: 1 });
    const [newFirst] = entryIds(c);
    expect(newFirst).not.toBe(first);
    expect(getAnnotations(c.db, newFirst!)).toMatchObject({ keyEpisode: true, analysis: 'Early sign', corrections: [{ note: 'Caller was the neighbour' }] });
    expect(readAudit(c.db).at(-1)).toMatchObject({ action: 'carry_forward_annotations', before: { entryId: first }, after: { entryId: newFirst } });
    // Running again moves nothing more.
    expect(carryForwardAnnotations(c.db)).toEqual({ moved: 0, stranded: 1 });

    const f = await exportChronology(c, CHAIR, { format: 'csv', includeAnalysis: true });
    expect(f.rows).toBe(3);
    const text = Buffer.from(f.bytes).toString('utf8');
    expect(text).toContain('Early sign');
    expect(text).not.toContain('Visitors');
    const docx = await exportChronology(c, CHAIR, { format: 'docx' });
    expect((await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) })).value).toContain('1 annotated entry was replaced by a newer extract version');
  });
});
