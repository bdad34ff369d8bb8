// Brings a case's signals up to date: classifies entries not yet read with the current lexicon,
// finds clusters per person, and stores them, keeping each cluster's identity (and so the panel's
// decisions and notes) across recomputations. Skipped when nothing it depends on has changed.
import type { CaseFile } from '../case-file.js';
import type { Lexicon } from '../../../shared/signals.js';
import { buildClassifier, entryText } from './classify.js';
import { CLUSTER_MERGE, dayNumber, detectClusters, type FoundCluster, type SignalPoint } from './detect.js';
import { explain, type ExplainContext } from './explain.js';
import { lexiconVersion, readLexicon } from './lexicon.js';
import { incidentDate } from '../review/incident.js';
import { responseAddressees } from './addressees.js';

const BATCH = 5000;
/** Entries whose date range is wider than this cannot be placed inside a window: not clustered. */
const MAX_DATE_RANGE_DAYS = 7;

export interface RefreshResult {
  classified: number;
  clusters: number;
  skipped: boolean;
}

/** Recompute when the entries, people links or lexicon changed since last time (or `force`). */
export function refreshSignals(c: CaseFile, opts: { force?: boolean } = {}): RefreshResult {
  const lexicon = readLexicon(c);
  const fingerprint = fingerprintOf(c);
  if (!opts.force && c.meta('signals_fingerprint') === fingerprint) return { classified: 0, clusters: 0, skipped: true };
  const classified = classifyPending(c);
  const found = findAll(c, lexicon);
  const responseThemes = responseThemesOf(lexicon);
  c.db.transaction(() => {
    persist(c, found, { agencyNames: agencyNames(c), themesOf: entryThemes(c, found), responseThemes, graceDays: lexicon.settings.graceDays });
    c.setMeta('signals_fingerprint', fingerprint);
  })();
  return { classified, clusters: found.length, skipped: false };
}

function fingerprintOf(c: CaseFile): string {
  const e = c.db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS hi, coalesce(sum(id), 0) AS s FROM entries WHERE active = 1').get() as Record<string, number>;
  const p = c.db.prepare('SELECT count(*) AS n, coalesce(total(entry_id * 7 + person_id * 131), 0) AS s FROM entry_persons').get() as Record<string, number>;
  const subjects = (c.db.prepare(`SELECT group_concat(id) AS ids FROM persons WHERE role = 'subject'`).get() as { ids: string | null }).ids;
  const l = c.db.prepare('SELECT count(*) AS n, coalesce(total(entry_id * 13 + link_id * 17), 0) AS s FROM link_entries').get() as Record<string, number>;
  const s = readLexicon(c).settings;
  return [lexiconVersion(c), s.spanDays, s.graceDays, e.n, e.hi, e.s, p.n, p.s, subjects ?? '', l.n, l.s, incidentDate(c) ?? ''].join('|');
}

/** Classify entries not yet classified with this lexicon version, in batches by id (superseded ones too: cheap, and always ready). */
export function classifyPending(c: CaseFile): number {
  const version = lexiconVersion(c);
  const [doneVersion, doneUpTo] = (c.meta('signals_classified') ?? '0:0').split(':');
  let after = doneVersion === version ? Number(doneUpTo) : 0;
  if (after === 0) c.db.prepare('DELETE FROM entry_signals').run();
  const lex = readLexicon(c);
  const classifier = buildClassifier(lex.rules, { model: lex.settings.readByModel });
  const page = c.db.prepare('SELECT id, contact_type, text, outcome FROM entries WHERE id > ? ORDER BY id LIMIT ?');
  const ins = c.db.prepare('INSERT OR REPLACE INTO entry_signals(entry_id, kind, themes, concern_severity, is_response, rule_ids) VALUES (?,?,?,?,?,?)');
  let count = 0;
  for (;;) {
    const rows = page.all(after, BATCH) as { id: number; contact_type: string | null; text: string; outcome: string | null }[];
    if (rows.length === 0) break;
    c.db.transaction(() => {
      for (const r of rows) {
        const k = classifier.classify(entryText(r));
        if (k.kind === null) continue;
        ins.run(r.id, k.kind, k.themes.join(','), k.concernSeverity, k.isResponse ? 1 : 0, [...new Set(k.hits.map((h) => h.ruleId))].join(','));
      }
    })();
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  c.setMeta('signals_classified', `${version}:${after}`);
  return count;
}

export interface PersonCluster extends FoundCluster {
  personIds: number[];
}

/**
 * Clusters per person. An entry linked to nobody counts for the case's subject(s); when the case
 * has no subject, all such entries are read as one unnamed person (personIds []).
 */
export function findAll(c: CaseFile, lexicon: Lexicon): PersonCluster[] {
  const { settings } = lexicon;
  const responseThemes = responseThemesOf(lexicon);
  const points = c.db
    .prepare(
      `SELECT s.entry_id AS id, e.date, e.date_to, e.agency_id AS agencyId, s.concern_severity AS concernSeverity, s.is_response AS isResponse,
              CASE WHEN s.is_response = 1 THEN s.themes END AS themes,
              CASE WHEN s.is_response = 1 THEN coalesce(e.contact_type, '') || ' ' || e.text || ' ' || coalesce(e.outcome, '') END AS words,
              (SELECT min(le.link_id) FROM link_entries le WHERE le.entry_id = e.id) AS event
       FROM entry_signals s JOIN entries e ON e.id = s.entry_id
       WHERE e.active = 1 AND (s.concern_severity > 0 OR s.is_response = 1)
       ORDER BY e.date, e.id`,
    )
    .all() as { id: number; date: string; date_to: string; agencyId: number; concernSeverity: number; isResponse: number; themes: string | null; words: string | null; event: number | null }[];
  const addressed = responseAddressees(c);
  const links = new Map<number, number[]>();
  const linkRows = c.db
    .prepare(
      `SELECT DISTINCT ep.entry_id AS e, ep.person_id AS p FROM entry_persons ep JOIN entry_signals s ON s.entry_id = ep.entry_id
       WHERE s.concern_severity > 0 OR s.is_response = 1`,
    )
    .raw()
    .all() as [number, number][];
  for (const [e, p] of linkRows) {
    const l = links.get(e);
    if (l) l.push(p);
    else links.set(e, [p]);
  }
  const incident = incidentDate(c);
  const incidentDay = incident ? dayNumber(incident) : null;
  const subjects = (c.db.prepare(`SELECT id FROM persons WHERE role = 'subject' ORDER BY id`).raw().all() as [number][]).map((r) => r[0]);
  const unlinkedTo = subjects.length ? subjects : [0];
  const byPerson = new Map<number, SignalPoint[]>();
  for (const r of points) {
    const day = dayNumber(r.date);
    if (dayNumber(r.date_to) - day > MAX_DATE_RANGE_DAYS) continue;
    const point: SignalPoint = {
      id: r.id, day, agencyId: r.agencyId, concernSeverity: r.concernSeverity, isResponse: r.isResponse === 1,
      ...(r.event !== null && { event: r.event }),
      ...(r.isResponse === 1 && { answers: addressed(r.agencyId, r.themes ?? '', r.words ?? ''), weak: onlyPassedOn(r.themes ?? '', responseThemes) }),
    };
    for (const p of links.get(r.id) ?? unlinkedTo) {
      const list = byPerson.get(p);
      if (list) list.push(point);
      else byPerson.set(p, [point]);
    }
  }
  // The same entries found for two people (a couple named in every record) are one cluster.
  const byEntries = new Map<string, PersonCluster>();
  for (const [person, list] of byPerson) {
    for (const f of detectClusters(list, settings, { incidentDay })) {
      const key = f.concerns.map((p) => p.id).join(',');
      const seen = byEntries.get(key);
      if (seen) {
        if (person) seen.personIds.push(person);
      } else byEntries.set(key, { ...f, personIds: person ? [person] : [] });
    }
  }
  return foldSharedConcerns([...byEntries.values()].sort((a, b) => b.score - a.score || a.fromDay - b.fromDay));
}

/**
 * One episode seen through each person its entries name (the baby, the mother and the father
 * in the same ED and police records) is one cluster: a cluster most of whose concerns a stronger
 * cluster already holds is folded into it, its people added.
 */
function foldSharedConcerns(ranked: PersonCluster[]): PersonCluster[] {
  const kept: PersonCluster[] = [];
  // Which kept clusters hold each concern: only those can share with the next one (a case holds
  // tens of thousands of clusters; comparing each with every kept one was quadratic).
  const holders = new Map<number, number[]>();
  for (const c of ranked) {
    const sharedWith = new Map<number, number>();
    for (const p of c.concerns) for (const k of holders.get(p.id) ?? []) sharedWith.set(k, (sharedWith.get(k) ?? 0) + 1);
    let into = -1;
    for (const [k, n] of sharedWith) {
      if ((into === -1 || k < into) && kept[k]!.answered === c.answered && n >= CLUSTER_MERGE.sharedConcerns * c.concerns.length) into = k;
    }
    if (into >= 0) {
      const target = kept[into]!;
      for (const p of c.personIds) if (!target.personIds.includes(p)) target.personIds.push(p);
      continue;
    }
    const k = kept.push(c) - 1;
    for (const id of new Set(c.concerns.map((p) => p.id))) {
      const l = holders.get(id);
      if (l) l.push(k);
      else holders.set(id, [k]);
    }
  }
  return kept;
}

function responseThemesOf(lexicon: Lexicon): Set<string> {
  return new Set(lexicon.rules.filter((r) => r.kind === 'response').map((r) => r.theme));
}

/** An agency merely told ("GP notified via ePCR") is the weakest response: its response themes are only "notified". */
function onlyPassedOn(themes: string, responseThemes: ReadonlySet<string>): boolean {
  const own = themes.split(',').filter((t) => responseThemes.has(t));
  return own.length > 0 && own.every((t) => t === 'notified');
}

interface Existing {
  id: number;
  personIds: number[];
  entries: Set<number>;
  kept: boolean;
}

/** Store clusters, reusing the id of the stored cluster they overlap most (same people, half the entries). */
function persist(c: CaseFile, found: PersonCluster[], ctx: ExplainContext): void {
  const now = new Date().toISOString();
  const existing = new Map<number, Existing>();
  const rows = c.db
    .prepare(
      `SELECT c.id, c.person_ids, (c.decision IS NOT NULL OR EXISTS (SELECT 1 FROM cluster_notes n WHERE n.cluster_id = c.id)) AS kept FROM clusters c`,
    )
    .all() as { id: number; person_ids: string; kept: number }[];
  for (const r of rows) existing.set(r.id, { id: r.id, personIds: r.person_ids ? r.person_ids.split(',').map(Number) : [], entries: new Set(), kept: r.kept === 1 });
  const owners = new Map<number, number[]>();
  for (const [cid, eid] of c.db.prepare(`SELECT cluster_id, entry_id FROM cluster_entries WHERE role = 'concern'`).raw().all() as [number, number][]) {
    existing.get(cid)?.entries.add(eid);
    const o = owners.get(eid);
    if (o) o.push(cid);
    else owners.set(eid, [cid]);
  }
  const upd = c.db.prepare(
    `UPDATE clusters SET person_ids=?, date_from=?, date_to=?, status=?, score=?, agencies_json=?, themes_json=?, reasons_json=?, detected=1, updated_at=? WHERE id=?`,
  );
  const ins = c.db.prepare(
    `INSERT INTO clusters(person_ids, date_from, date_to, status, score, agencies_json, themes_json, reasons_json, detected, first_found_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,1,?,?)`,
  );
  const clearEntries = c.db.prepare('DELETE FROM cluster_entries WHERE cluster_id = ?');
  const addEntry = c.db.prepare('INSERT OR IGNORE INTO cluster_entries(cluster_id, entry_id, role) VALUES (?,?,?)');
  const matched = new Set<number>();
  for (const f of found) {
    const ids = f.concerns.map((p) => p.id);
    const overlap = new Map<number, number>();
    for (const id of ids) for (const cid of owners.get(id) ?? []) if (!matched.has(cid)) overlap.set(cid, (overlap.get(cid) ?? 0) + 1);
    let best: Existing | undefined;
    let bestN = 0;
    for (const [cid, n] of overlap) {
      const old = existing.get(cid)!;
      // Found before people were resolved (no person), or sharing a person: the same cluster.
      const samePeople = old.personIds.length === 0 || f.personIds.length === 0 || old.personIds.some((p) => f.personIds.includes(p));
      if (samePeople && n * 2 >= Math.min(ids.length, old.entries.size) && n > bestN) {
        best = old;
        bestN = n;
      }
    }
    const e = explain(f, ctx);
    const fields = [f.personIds.join(','), e.from, e.to, e.status, f.score, JSON.stringify(e.agencies), JSON.stringify(e.themes), JSON.stringify(e.reasons)] as const;
    let id: number;
    if (best) {
      id = best.id;
      matched.add(id);
      upd.run(...fields, now, id);
      clearEntries.run(id);
    } else {
      id = Number(ins.run(...fields, now, now).lastInsertRowid);
    }
    for (const p of f.concerns) addEntry.run(id, p.id, 'concern');
    for (const p of f.responses) addEntry.run(id, p.id, 'response');
  }
  // Clusters no longer found: the panel's ones stay (marked), the rest go.
  const hide = c.db.prepare('UPDATE clusters SET detected = 0, updated_at = ? WHERE id = ?');
  const drop = c.db.prepare('DELETE FROM clusters WHERE id = ?');
  for (const old of existing.values()) {
    if (matched.has(old.id)) continue;
    if (old.kept) hide.run(now, old.id);
    else drop.run(old.id);
  }
}

function agencyNames(c: CaseFile): Map<number, string> {
  return new Map((c.db.prepare('SELECT id, name FROM agencies').raw().all() as [number, string][]).map(([id, name]) => [id, name]));
}

/** Themes of just the entries in clusters, for their explanations. */
function entryThemes(c: CaseFile, found: PersonCluster[]): Map<number, string[]> {
  const q = c.db.prepare('SELECT themes FROM entry_signals WHERE entry_id = ?').pluck();
  const out = new Map<number, string[]>();
  for (const f of found) {
    for (const p of [...f.concerns, ...f.responses]) {
      if (!out.has(p.id)) out.set(p.id, String(q.get(p.id) ?? '').split(',').filter(Boolean));
    }
  }
  return out;
}
