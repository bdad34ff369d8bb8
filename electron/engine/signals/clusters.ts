// Reading clusters for the panel, and the panel's decisions and notes (each one audited).
import type { ClusterDecision, ClusterDetail, ClusterEvidence, ClusterNote, ClusterSummary } from '../../../shared/signals.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { buildClassifier, entryText } from './classify.js';
import { readLexicon } from './lexicon.js';
import { refreshSignals } from './refresh.js';

interface ClusterRow {
  id: number;
  person_ids: string;
  date_from: string;
  date_to: string;
  status: ClusterSummary['status'];
  score: number;
  agencies_json: string;
  themes_json: string;
  reasons_json: string;
  detected: number;
  decision: ClusterDecision | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  entry_ids: string | null;
  note_count: number;
}

const SELECT = `SELECT c.*, (SELECT group_concat(entry_id) FROM (SELECT entry_id FROM cluster_entries ce WHERE ce.cluster_id = c.id ORDER BY entry_id)) AS entry_ids,
  (SELECT count(*) FROM cluster_notes n WHERE n.cluster_id = c.id) AS note_count FROM clusters c`;

/** Every cluster, worst first: found ones by score, then ones no longer found that the panel kept. */
export function listClusters(c: CaseFile): ClusterSummary[] {
  refreshSignals(c);
  const rows = c.db.prepare(`${SELECT} ORDER BY c.detected DESC, c.score DESC, c.date_from, c.id`).all() as ClusterRow[];
  const names = personNames(c);
  return rows.map((r) => toSummary(r, names));
}

export function getCluster(c: CaseFile, id: number): ClusterDetail {
  const r = c.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ClusterRow | undefined;
  if (!r) throw new JigsawError('not_found', `No cluster ${id} in this case`);
  const notes = c.db
    .prepare('SELECT id, at, author, text FROM cluster_notes WHERE cluster_id = ? ORDER BY id')
    .all(id) as ClusterNote[];
  return { ...toSummary(r, personNames(c)), evidence: evidence(c, id), notes, decidedBy: r.decided_by, decidedAt: r.decided_at };
}

export function decideCluster(c: CaseFile, actor: Actor, req: { id: number; decision: ClusterDecision | null; reason?: string }): ClusterDetail {
  const before = getCluster(c, req.id);
  const reason = req.reason?.trim() || null;
  if (req.decision === 'dismissed' && !reason) throw new JigsawError('reason_required', 'Say why the cluster is dismissed');
  const at = new Date().toISOString();
  c.db.transaction(() => {
    c.db
      .prepare('UPDATE clusters SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?')
      .run(req.decision, req.decision ? reason : null, req.decision ? actor.name : null, req.decision ? at : null, req.id);
    recordAudit(c.db, actor, {
      action: 'signals.cluster.decide',
      entity: 'cluster',
      entityId: req.id,
      before: { decision: before.decision, reason: before.decisionReason },
      after: { decision: req.decision, reason: req.decision ? reason : null, entryIds: before.entryIds },
    });
  })();
  return getCluster(c, req.id);
}

export function addClusterNote(c: CaseFile, actor: Actor, req: { id: number; text: string }): ClusterDetail {
  getCluster(c, req.id);
  const text = req.text.trim();
  if (!text) throw new JigsawError('empty_note', 'The note is empty');
  c.db.transaction(() => {
    const noteId = c.db
      .prepare('INSERT INTO cluster_notes(cluster_id, at, author, text) VALUES (?,?,?,?)')
      .run(req.id, new Date().toISOString(), actor.name, text).lastInsertRowid;
    recordAudit(c.db, actor, { action: 'signals.cluster.note', entity: 'cluster', entityId: req.id, after: { noteId: Number(noteId), text } });
  })();
  return getCluster(c, req.id);
}

function toSummary(r: ClusterRow, names: Map<number, string>): ClusterSummary {
  const personIds = r.person_ids ? r.person_ids.split(',').map(Number) : [];
  return {
    id: r.id,
    from: r.date_from,
    to: r.date_to,
    personIds,
    personNames: personIds.map((p) => names.get(p) ?? `Person ${p}`),
    agencies: JSON.parse(r.agencies_json) as string[],
    entryIds: r.entry_ids ? r.entry_ids.split(',').map(Number) : [],
    score: r.score,
    status: r.status,
    themes: JSON.parse(r.themes_json) as string[],
    reasons: JSON.parse(r.reasons_json) as string[],
    detected: r.detected === 1,
    decision: r.decision,
    decisionReason: r.decision_reason,
    noteCount: r.note_count,
  };
}

function personNames(c: CaseFile): Map<number, string> {
  return new Map((c.db.prepare('SELECT id, display_name FROM persons').raw().all() as [number, string][]).map(([id, n]) => [id, n]));
}

/** The cluster's entries in date order, each with the rules that fired on it and the words they matched. */
function evidence(c: CaseFile, id: number): ClusterEvidence[] {
  const rows = c.db
    .prepare(
      `SELECT e.id, e.date, a.name AS agency, e.contact_type, e.text, e.outcome, ce.role FROM cluster_entries ce
       JOIN entries e ON e.id = ce.entry_id JOIN agencies a ON a.id = e.agency_id
       WHERE ce.cluster_id = ? ORDER BY e.date, coalesce(e.time, ''), e.id`,
    )
    .all(id) as { id: number; date: string; agency: string; contact_type: string | null; text: string; outcome: string | null; role: 'concern' | 'response' }[];
  const lex = readLexicon(c);
  const classifier = buildClassifier(lex.rules, { model: lex.settings.readByModel });
  return rows.map((r) => {
    const k = classifier.classify(entryText(r));
    return {
      entryId: r.id,
      date: r.date,
      agency: r.agency,
      contactType: r.contact_type,
      text: r.text,
      outcome: r.outcome,
      role: r.role,
      themes: k.themes,
      // The same words in the text and again in the outcome are one piece of evidence.
      rules: k.hits
        .filter((h, i) => k.hits.findIndex((o) => o.ruleId === h.ruleId && o.matched.toLowerCase() === h.matched.toLowerCase()) === i)
        .map((h) => ({ ruleId: h.ruleId, kind: h.kind, theme: h.theme, severity: h.severity, matched: h.matched })),
    };
  });
}
