import { describe, expect, it } from 'vitest';
import { readAudit } from '../../electron/engine/audit';
import { importExtract } from '../../electron/engine/import/import-extract';
import { ftsQuery } from '../../electron/engine/timeline/search-text';
import { deleteSavedView, listSavedViews, saveView } from '../../electron/engine/timeline/saved-views';
import { tempCase, tempDir, writeFile } from './helpers';

const EXTRACT = [
  'Date,Type,Notes,Outcome',
  '02/01/2023,Visit,Seen at home. Bruising to left arm,',
  '03/01/2023,999 call,"Caller says ""they took my card""",NFA',
  '04/01/2023,Visit,Café visit with the support worker,Safeguarding referral made',
  '05/01/2023,Telephone,Routine call about rent,',
].join('\n');

const actor = { name: 'Chair Person', role: 'chair' };

async function demoCase() {
  const c = tempCase();
  await importExtract(c, writeFile(tempDir(), 'x.csv', EXTRACT), { agency: 'Police' });
  const texts = (search: string) => c.listEntries({ search }).entries.map((e) => e.date);
  return { c, texts };
}

describe('full-text search', () => {
  it('finds words by prefix in text, contact type and outcome, all words required', async () => {
    const { texts } = await demoCase();
    expect(texts('bruis')).toEqual(['2023-01-02']);
    expect(texts('999')).toEqual(['2023-01-03']);
    expect(texts('safeguarding')).toEqual(['2023-01-04']);
    expect(texts('visit')).toEqual(['2023-01-02', '2023-01-04']);
    expect(texts('visit support')).toEqual(['2023-01-04']);
    expect(texts('cafe')).toEqual(['2023-01-04']); // accents ignored
    expect(texts('took card')).toEqual(['2023-01-03']);
  });

  it('treats FTS5 syntax typed by a user as plain words, never as a query error', async () => {
    const { texts } = await demoCase();
    for (const s of ['"', 'card"', 'OR', 'NEAR(card', 'text:card', '*', '(((', "'; DROP TABLE entries; --", 'AND NOT']) {
      expect(() => texts(s)).not.toThrow();
    }
    expect(texts('card"')).toEqual(['2023-01-03']);
    expect(texts('text:card')).toEqual([]); // "text" and "card" must both appear: only one does
    expect(texts('***')).toEqual([]);
    expect(ftsQuery('NEAR(card, took)')).toBe('"NEAR"* "card"* "took"*');
  });

  it('keeps the index in step when entries change or are replaced by a new version', async () => {
    const { c, texts } = await demoCase();
    const id = c.listEntries({ search: 'rent' }).entries[0]!.id;
    c.db.prepare("UPDATE entries SET text = 'Arrears letter sent' WHERE id = ?").run(id);
    expect(texts('rent')).toEqual([]);
    expect(texts('arrears')).toEqual(['2023-01-05']);
    // A new version of the extract supersedes the old entries: they leave the results.
    await importExtract(c, writeFile(tempDir(), 'y.csv', 'Date,Notes\n09/01/2023,Only entry now\n'), { agency: 'Police' });
    expect(texts('bruising')).toEqual([]);
    expect(texts('only')).toEqual(['2023-01-09']);
    // FTS5 checks the index against the entries table and raises on any difference.
    expect(() => c.db.prepare("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });
});

describe('saved views', () => {
  it('saves, lists, replaces by name and deletes views, auditing each change', () => {
    const c = tempCase();
    const v = saveView(c, actor, 'Police concerns', { agencies: ['Police'], signals: ['concern'] });
    saveView(c, actor, 'All of 2023', { from: '2023-01-01', to: '2023-12-31' });
    expect(listSavedViews(c).map((x) => x.name)).toEqual(['All of 2023', 'Police concerns']);
    const again = saveView(c, actor, 'police CONCERNS', { search: 'bruising' });
    expect(again.id).toBe(v.id);
    expect(listSavedViews(c).find((x) => x.id === v.id)?.query).toEqual({ search: 'bruising' });
    deleteSavedView(c, actor, v.id);
    expect(listSavedViews(c).map((x) => x.name)).toEqual(['All of 2023']);
    const audit = readAudit(c.db).filter((a) => a.entity === 'saved_view');
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'update', 'delete']);
    expect(audit[2]!.before).toMatchObject({ name: 'Police concerns', query: { agencies: ['Police'], signals: ['concern'] } });
    expect(audit.every((a) => a.actorName === 'Chair Person')).toBe(true);
  });

  it('refuses a blank name and a missing view with a clear message', () => {
    const c = tempCase();
    expect(() => saveView(c, actor, '   ', {})).toThrow('Give the view a name');
    expect(() => deleteSavedView(c, actor, 99)).toThrow('No saved view 99');
  });
});
