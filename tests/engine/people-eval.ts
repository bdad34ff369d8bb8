// Scores people resolution and event linking against a labelled case (expected.json beside its
// manifest): pairwise precision / recall / F1 over person-column mentions, pairwise over link groups.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../../electron/engine/case-file';
import { splitPersonCell } from '../../electron/engine/people/names';
import { listLinks } from '../../electron/engine/people/queries';

export interface Expected {
  mentions: Record<string, Record<string, string[]>>;
  different: [string, string][];
  links: { why: string; entries: [string, number][] }[];
}

export interface Scores {
  people: { precision: number; recall: number; f1: number; pairs: number; mentions: number; unresolved: number };
  /** Labelled different people (a father and son) with any mention in one predicted person. */
  conflictsMerged: string[];
  /** Predicted people holding two different dates of birth or NHS numbers: the hard rule. */
  identifierConflicts: string[];
  links: { precision: number; recall: number; predicted: number; expected: number };
  missedLinks: string[];
  wrongLinks: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function readExpected(dir: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
}

export function score(c: CaseFile, expected: Expected): Scores {
  const entries = c.listEntries({ limit: 5000 }).entries;
  const byRow = new Map(entries.map((e) => [`${e.source.file}#${e.source.row}`, e]));
  const mentionRows = c.db.prepare(`SELECT entry_id, person_id, mention FROM entry_persons WHERE origin = 'column'`).all() as { entry_id: number; person_id: number; mention: string }[];
  const predictedOf = new Map<string, number>();
  for (const m of mentionRows) predictedOf.set(`${m.entry_id}\u0000${m.mention}`, m.person_id);

  const labelled: { truth: string; predicted: number | null }[] = [];
  let unresolved = 0;
  for (const [file, rows] of Object.entries(expected.mentions))
    for (const [row, truths] of Object.entries(rows)) {
      const e = byRow.get(`${file}#${row}`);
      if (!e) throw new Error(`expected entry ${file} row ${row} was not imported`);
      const names = splitPersonCell(e.personText ?? '');
      truths.forEach((truth, i) => {
        const p = names[i] === undefined ? undefined : predictedOf.get(`${e.id}\u0000${names[i]}`);
        if (p === undefined) unresolved++;
        labelled.push({ truth, predicted: p ?? null });
      });
    }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labelled.length; i++)
    for (let j = i + 1; j < labelled.length; j++) {
      const a = labelled[i]!;
      const b = labelled[j]!;
      const same = a.truth === b.truth;
      const pred = a.predicted !== null && a.predicted === b.predicted;
      if (same && pred) tp++;
      else if (pred) fp++;
      else if (same) fn++;
    }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const conflictsMerged = expected.different
    .filter(([x, y]) => labelled.some((a) => a.truth === x && a.predicted !== null && labelled.some((b) => b.truth === y && b.predicted === a.predicted)))
    .map(([x, y]) => `${x}+${y}`);

  const identifierConflicts: string[] = [];
  const keyRows = c.db.prepare('SELECT person_id, key FROM person_keys').all() as { person_id: number; key: string }[];
  const ids = new Map<number, { dobs: Set<string>; nhs: Set<string> }>();
  for (const { person_id, key } of keyRows) {
    const [, , , dob, nhs] = key.split('|');
    const v = ids.get(person_id) ?? { dobs: new Set(), nhs: new Set() };
    if (dob) v.dobs.add(dob);
    if (nhs && !nhs.startsWith('@')) v.nhs.add(nhs);
    ids.set(person_id, v);
  }
  for (const [id, v] of ids) if (v.dobs.size > 1 || v.nhs.size > 1) identifierConflicts.push(`person ${id}: ${[...v.dobs, ...v.nhs].join(', ')}`);

  const pairKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const truthPairs = new Map<string, string>();
  for (const l of expected.links) {
    const ids = l.entries.map(([f, r]) => {
      const e = byRow.get(`${f}#${r}`);
      if (!e) throw new Error(`linked entry ${f} row ${r} was not imported`);
      return e.id;
    });
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) truthPairs.set(pairKey(ids[i]!, ids[j]!), l.why);
  }
  const predictedPairs = new Map<string, string>();
  for (const l of listLinks(c)) for (let i = 0; i < l.entryIds.length; i++) for (let j = i + 1; j < l.entryIds.length; j++) predictedPairs.set(pairKey(l.entryIds[i]!, l.entryIds[j]!), l.reason);
  const hits = [...predictedPairs.keys()].filter((k) => truthPairs.has(k)).length;
  return {
    people: { precision, recall, f1: ratio(2 * precision * recall, precision + recall), pairs: tp + fn, mentions: labelled.length, unresolved },
    conflictsMerged,
    identifierConflicts,
    links: { precision: ratio(hits, predictedPairs.size), recall: ratio(hits, truthPairs.size), predicted: predictedPairs.size, expected: truthPairs.size },
    missedLinks: [...truthPairs].filter(([k]) => !predictedPairs.has(k)).map(([k, why]) => `${k}: ${why}`),
    wrongLinks: [...predictedPairs].filter(([k]) => !truthPairs.has(k)).map(([k, why]) => `${k}: ${why}`),
  };
}

export function describe(label: string, s: Scores): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    `${label}: people pairwise precision ${pct(s.people.precision)}, recall ${pct(s.people.recall)}, F1 ${pct(s.people.f1)} over ${s.people.mentions} mentions (${s.people.unresolved} unresolved); people with conflicting identifiers merged: ${s.identifierConflicts.length ? s.identifierConflicts.join('; ') : 'none'}; same-name people mixed: ${s.conflictsMerged.length ? s.conflictsMerged.join(', ') : 'none'}`,
    `${label}: links pairwise precision ${pct(s.links.precision)}, recall ${pct(s.links.recall)} (${s.links.predicted} predicted pairs, ${s.links.expected} expected)`,
    ...s.missedLinks.map((m) => `  missed link ${m}`),
    ...s.wrongLinks.map((m) => `  wrong link ${m}`),
  ].join('\n');
}
