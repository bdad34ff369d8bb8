// Scores what the engine made of a case against its labels: import, people, linked events,
// per-entry signals, clusters and the pseudonymised export. Every number is defined in
// eval/README.md; every miss is listed so a change shows what it gained and lost.
import type { Labels, LabelPerson } from './labels.js';
import { rowKey } from './labels.js';
import type { RowMatch } from './match-rows.js';
import type { Observed, ObservedEntry } from './run-case.js';

export interface CaseScore {
  case: string;
  rows: { genuine: number; right: number; lost: number; wrongDate: number; wrongTime: number; wrongPrecision: number };
  bad: { labelled: number; reported: number; importedAsEntries: number };
  people: { subjectF1: number; associatesF1: number; worstAssociate: string; namesakeMerged: boolean | null; professionalsMerged: number };
  links: { precision: number; recall: number; expected: number; predicted: number };
  signals: Record<'concern' | 'response' | 'routine', { precision: number; recall: number }> & { falseSubjectConcerns: number };
  clusters: { planted: number; found: number; markedResponded: number; extraMissed: number; controls: number; controlsFlagged: number; worstFirst: boolean };
  export: { identifiers: number; left: number; refused: boolean; leftList: string[] };
  misses: string[];
  seconds: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number): number => (n * (n - 1)) / 2;
const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }): boolean => a.from <= b.to && b.from <= a.to;

export function scoreCase(labels: Labels, observed: Observed, match: RowMatch): CaseScore {
  const misses: string[] = [];
  const entryFor = (file: string, row: number): ObservedEntry | undefined => match.entryOf.get(rowKey(file, row));

  // Import: each genuine row an entry with the right date, time and precision.
  const rows = { genuine: 0, right: 0, lost: 0, wrongDate: 0, wrongTime: 0, wrongPrecision: 0 };
  const bad = { labelled: 0, reported: 0, importedAsEntries: 0 };
  for (const r of labels.rows) {
    const e = entryFor(r.file, r.row);
    const where = `${r.file} row ${r.row}`;
    if (r.status === 'entry') {
      rows.genuine++;
      if (!e) {
        rows.lost++;
        misses.push(`import: ${where} not imported (${match.reportedAs.get(rowKey(r.file, r.row)) ?? 'no report line'})`);
        continue;
      }
      const dateTo = r.dateTo ?? r.date;
      const dateOk = e.date === r.date && (r.precision === 'day' || !dateTo || e.dateTo === dateTo);
      const timeOk = r.time === undefined || (e.time ?? null) === r.time;
      const precOk = !r.precision || e.precision === r.precision;
      if (!dateOk) rows.wrongDate++;
      if (!timeOk) rows.wrongTime++;
      if (!precOk) rows.wrongPrecision++;
      if (dateOk && timeOk && precOk) rows.right++;
      else misses.push(`import: ${where} read ${e.date}..${e.dateTo} ${e.time ?? '-'} ${e.precision} from "${e.originalDate}", labelled ${r.date}..${dateTo} ${r.time ?? '-'} ${r.precision}`);
    } else if (r.status === 'bad' || r.status === 'duplicate') {
      bad.labelled++;
      if (match.reportedAs.has(rowKey(r.file, r.row))) bad.reported++;
      else misses.push(`bad row: ${where} (${r.badReason ?? r.status}) not reported`);
      if (e && r.status === 'bad') {
        bad.importedAsEntries++;
      }
    } else if (e) {
      bad.importedAsEntries++;
      misses.push(`divider: ${where} imported as an entry`);
    }
  }
  for (const x of observed.refused) misses.push(`import: ${x.file} refused: ${x.message}`);

  // People: each labelled person's entries against the engine person holding most of them.
  const entriesOf = new Map<string, Set<number>>();
  for (const r of labels.rows) {
    const e = entryFor(r.file, r.row);
    if (!e || r.status !== 'entry') continue;
    for (const p of r.people) entriesOf.set(p, (entriesOf.get(p) ?? new Set()).add(e.id));
  }
  const enginePersonEntries = new Map<number, Set<number>>();
  for (const e of observed.entries) for (const p of e.persons) enginePersonEntries.set(p, (enginePersonEntries.get(p) ?? new Set()).add(e.id));
  const best = new Map<string, number | null>();
  const personF1 = (p: LabelPerson): number => {
    const truth = entriesOf.get(p.ref) ?? new Set<number>();
    if (truth.size === 0) return 1;
    // The engine person that scores best for this labelled person (an associate who is always
    // named beside the subject is scored against their own person, not the subject's).
    const scoreAgainst = (predicted: Set<number>): number => {
      let hit = 0;
      for (const x of truth) if (predicted.has(x)) hit++;
      if (hit === 0) return 0;
      // pairwise over the person's entries; a person seen once is scored by set overlap
      const precision = truth.size > 1 && predicted.size > 1 ? pairs(hit) / pairs(predicted.size) : hit / predicted.size;
      const recall = truth.size > 1 ? pairs(hit) / pairs(truth.size) : hit / truth.size;
      return f1(precision, recall);
    };
    let bestId: number | null = null;
    let bestF1 = 0;
    for (const [id, set] of enginePersonEntries) {
      const f = scoreAgainst(set);
      if (f > bestF1) [bestId, bestF1] = [id, f];
    }
    best.set(p.ref, bestId);
    return bestF1;
  };
  const scored = labels.people.map((p) => ({ p, f1: personF1(p) }));
  const subject = scored.find((s) => s.p.kind === 'subject');
  const associates = scored.filter((s) => ['family', 'associate', 'other'].includes(s.p.kind) && (entriesOf.get(s.p.ref)?.size ?? 0) > 0);
  const worst = associates.reduce<(typeof associates)[number] | undefined>((w, s) => (!w || s.f1 < w.f1 ? s : w), undefined);
  const rowOf = new Map<number, string>();
  for (const r of labels.rows) {
    const e = entryFor(r.file, r.row);
    if (e) rowOf.set(e.id, `${r.file}:${r.row}`);
  }
  const listed = (ids: number[]): string => `${ids.slice(0, 8).map((id) => rowOf.get(id) ?? `entry ${id}`).join(', ')}${ids.length > 8 ? ` and ${ids.length - 8} more` : ''}`;
  for (const s of scored) {
    if (s.f1 >= 0.999 || s.p.kind === 'professional') continue;
    const truth = [...(entriesOf.get(s.p.ref) ?? [])];
    const id = best.get(s.p.ref);
    const predicted = id == null ? new Set<number>() : enginePersonEntries.get(id)!;
    const missing = truth.filter((x) => !predicted.has(x));
    const extra = [...predicted].filter((x) => !truth.includes(x));
    const name = id == null ? 'no person' : (observed.people.find((q) => q.id === id)?.name ?? `person ${id}`);
    misses.push(
      `people: ${s.p.ref} ${s.p.name} (${s.p.kind}) F1 ${s.f1.toFixed(2)} as "${name}"` +
        (missing.length ? `; missing ${missing.length}: ${listed(missing)}` : '') +
        (extra.length ? `; extra ${extra.length}: ${listed(extra)}` : ''),
    );
  }
  const mergedWithOther = (ref: string): boolean => {
    const id = best.get(ref);
    return id != null && labels.people.some((o) => o.ref !== ref && o.kind !== 'professional' && best.get(o.ref) === id);
  };
  const namesakes = labels.people.filter((p) => p.kind === 'namesake' && (entriesOf.get(p.ref)?.size ?? 0) > 0);
  const namesakeMerged = namesakes.length ? namesakes.some((p) => mergedWithOther(p.ref)) : null;
  const professionalsMerged = labels.people.filter((p) => p.kind === 'professional' && mergedWithOther(p.ref)).length;

  // Linked events, as pairs of entries.
  const pairKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const expectedPairs = new Map<string, string>();
  for (const l of labels.links) {
    const ids = l.rows.map(([f, r]) => entryFor(f, r)?.id).filter((x): x is number => x !== undefined);
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expectedPairs.set(pairKey(ids[i]!, ids[j]!), l.why ?? l.rows.map((x) => x.join('#')).join(' + '));
  }
  const predictedPairs = new Set<string>();
  for (const ids of observed.links) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) predictedPairs.add(pairKey(ids[i]!, ids[j]!));
  const found = [...expectedPairs.keys()].filter((k) => predictedPairs.has(k)).length;
  const right = [...predictedPairs].filter((k) => expectedPairs.has(k)).length;
  const entryById = new Map(observed.entries.map((e) => [e.id, e]));
  // Each missed pair with what linking saw: the two rows, their dates and whether they share a person.
  const seen = (e: ObservedEntry | undefined): string => (e ? `${e.source.file}#${e.source.row} ${e.date}${e.time ? ` ${e.time}` : ''} (${e.precision})` : '?');
  for (const [k, why] of expectedPairs)
    if (!predictedPairs.has(k)) {
      const [a, b] = k.split('-').map((x) => entryById.get(Number(x)));
      const shared = a && b && a.persons.some((p) => b.persons.includes(p));
      misses.push(`link missed: ${why} [${seen(a)} + ${seen(b)}${shared ? '' : '; no person in common'}]`);
    }
  for (const k of predictedPairs)
    if (!expectedPairs.has(k)) {
      const [a, b] = k.split('-').map((x) => entryById.get(Number(x)));
      misses.push(`link wrong: ${a?.source.file}#${a?.source.row} + ${b?.source.file}#${b?.source.row}`);
    }

  // Per-entry signals: an entry no rule fires on reads as routine.
  const kinds = ['concern', 'response', 'routine'] as const;
  const confusion = kinds.map(() => kinds.map(() => 0));
  const subjectRef = subject?.p.ref;
  const subjectId = subjectRef ? best.get(subjectRef) : undefined;
  let falseSubjectConcerns = 0;
  for (const r of labels.rows) {
    const e = entryFor(r.file, r.row);
    if (!e || r.status !== 'entry' || !r.signal) continue;
    const read = e.signal?.kind ?? 'routine';
    confusion[kinds.indexOf(r.signal)]![kinds.indexOf(read)]!++;
    if (read !== r.signal) misses.push(`signal: ${r.file} row ${r.row} ${r.signal} read as ${read}: "${e.text.slice(0, 90)}"`);
    const aboutSubject = r.signal === 'concern' && (r.concernAbout ?? subjectRef) === subjectRef;
    if (read === 'concern' && subjectId != null && e.persons.includes(subjectId) && !aboutSubject) falseSubjectConcerns++;
  }
  const classScore = (i: number): { precision: number; recall: number } => {
    const tp = confusion[i]![i]!;
    const said = confusion.reduce((s, row) => s + row[i]!, 0);
    const truth = confusion[i]!.reduce((s, x) => s + x, 0);
    return { precision: ratio(tp, said), recall: ratio(tp, truth) };
  };
  const sig = { concern: classScore(0), response: classScore(1), routine: classScore(2), falseSubjectConcerns };

  // Clusters: a planted one is found by a missed cluster about the same person in the same weeks.
  const live = observed.clusters.filter((c) => c.detected);
  const missed = live.filter((c) => c.status === 'missed');
  const about = (c: (typeof live)[number], ref: string): boolean => {
    const id = best.get(ref);
    return id != null && c.personIds.includes(id);
  };
  const explained = new Set<number>();
  let foundClusters = 0;
  let markedResponded = 0;
  for (const p of labels.clusters.filter((c) => c.expected === 'missed')) {
    const hit = missed.filter((c) => about(c, p.person) && overlaps(c, p));
    hit.forEach((c) => explained.add(c.id));
    if (hit.length) foundClusters++;
    else if (live.some((c) => c.status === 'responded' && about(c, p.person) && overlaps(c, p))) {
      markedResponded++;
      misses.push(`cluster ${p.ref} (${p.from}..${p.to}) marked responded`);
    } else misses.push(`cluster ${p.ref} (${p.from}..${p.to}) not found`);
  }
  let controlsFlagged = 0;
  for (const k of labels.controls) {
    const hit = missed.filter((c) => about(c, k.person) && overlaps(c, k) && !explained.has(c.id));
    if (hit.length) {
      controlsFlagged++;
      hit.forEach((c) => explained.add(c.id));
      misses.push(`control ${k.ref} (${k.kind}, ${k.from}..${k.to}) flagged missed`);
    }
  }
  const extraMissed = missed.filter((c) => !explained.has(c.id)).length;
  const worstLabel = labels.clusters.find((c) => c.rank === 1) ?? labels.clusters[0];
  const top = missed[0];
  const worstFirst = !!worstLabel && !!top && about(top, worstLabel.person) && overlaps(top, worstLabel);
  if (worstLabel && !worstFirst) misses.push(`worst cluster ${worstLabel.ref} not ranked first (first: ${top ? `${top.from}..${top.to}` : 'none'})`);

  // The pseudonymised export: identifiers of the people in it that survive.
  const text = observed.exportText.toLowerCase();
  const digits = observed.exportText.replace(/\D/g, '');
  const identifiers = [...new Set(labels.people.filter((p) => p.kind !== 'professional').flatMap((p) => p.identifiers))].filter((s) => s.trim().length >= 3);
  const leftList = identifiers.filter((id) => {
    const d = id.replace(/\D/g, '');
    if (d.length >= 8 && d.length === id.replace(/[\s/.-]/g, '').length) return digits.includes(d);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${id.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    return re.test(text);
  });
  for (const l of leftList) misses.push(`export: identifier left: "${l}"`);

  return {
    case: labels.case,
    rows,
    bad,
    people: { subjectF1: subject?.f1 ?? 1, associatesF1: associates.length ? associates.reduce((s, a) => s + a.f1, 0) / associates.length : 1, worstAssociate: worst ? `${worst.p.ref} ${worst.f1.toFixed(2)}` : '-', namesakeMerged, professionalsMerged },
    links: { precision: ratio(right, predictedPairs.size), recall: ratio(found, expectedPairs.size), expected: expectedPairs.size, predicted: predictedPairs.size },
    signals: sig,
    clusters: { planted: labels.clusters.filter((c) => c.expected === 'missed').length, found: foundClusters, markedResponded, extraMissed, controls: labels.controls.length, controlsFlagged, worstFirst },
    export: { identifiers: identifiers.length, left: leftList.length, refused: observed.exportRefused !== null, leftList },
    misses,
    seconds: observed.seconds,
  };
}
