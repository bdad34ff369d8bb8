// Every change a person makes to a case goes through here: who, when, what, before and after,
// appended to a hash chain that shows any tampering.
import crypto from 'node:crypto';
import type { Db } from './db/open-case-db.js';
import type { AuditEntry } from '../../shared/annotations.js';

export interface Actor {
  name: string;
  role: string;
}

export interface AuditChange {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** One row of the log as the contract shows it. */
export type AuditRow = AuditEntry;

const GENESIS = '0'.repeat(64);

function rowHash(prev: string, fields: (string | null)[]): string {
  return crypto.createHash('sha256').update(JSON.stringify([prev, ...fields])).digest('hex');
}

/** Append one change. Call inside the same transaction as the change itself. */
export function recordAudit(db: Db, actor: Actor, change: AuditChange, now = new Date()): void {
  const prev = (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS;
  const fields = [
    now.toISOString(),
    actor.name,
    actor.role,
    change.action,
    change.entity,
    change.entityId === undefined || change.entityId === null ? null : String(change.entityId),
    change.before === undefined ? null : JSON.stringify(change.before),
    change.after === undefined ? null : JSON.stringify(change.after),
  ];
  db.prepare(
    `INSERT INTO audit_log(at, actor_name, actor_role, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (?,?,?,?,?,?,?,?,?,?)`,
  ).run(...fields, prev, rowHash(prev, fields));
}

export function readAudit(db: Db): AuditRow[] {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
  return rows.map((r) => ({
    id: r.id as number,
    at: r.at as string,
    actorName: r.actor_name as string,
    actorRole: r.actor_role as string,
    action: r.action as string,
    entity: r.entity as string,
    entityId: r.entity_id as string | null,
    before: r.before_json === null ? null : JSON.parse(r.before_json as string),
    after: r.after_json === null ? null : JSON.parse(r.after_json as string),
    hash: r.hash as string,
  }));
}

/** Recompute the chain; returns the id of the first row that does not match, or null when intact. */
export function verifyAudit(db: Db): number | null {
  let prev = GENESIS;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
  for (const r of rows) {
    const fields = ['at', 'actor_name', 'actor_role', 'action', 'entity', 'entity_id', 'before_json', 'after_json'].map((k) => r[k] as string | null);
    if (r.prev_hash !== prev || r.hash !== rowHash(prev, fields)) return r.id as number;
    prev = r.hash as string;
  }
  return null;
}
