import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditAction, AuditEntity } from '../../../shared/domain/audit';
import type { DB } from '../../schema';
import type { AuditLogTable } from './tables';

export const GENESIS_HASH = '0'.repeat(64);

/** One entry as the backend hands it over: before and after as objects, redacted here. */
export interface AuditEntry {
  at: string;
  userId: number | null;
  username: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

type AuditRow = Selectable<AuditLogTable>;
/** What the hash covers: every column but the id and the chain's own two. */
type HashedFields = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>;

/** Secrets never enter the trail, whatever a caller passes. */
const SECRET = /password|token|salt|secret|hash/i;
function redact(record: Record<string, unknown> | null | undefined): string | null {
  if (!record) return null;
  return JSON.stringify(
    Object.fromEntries(Object.entries(record).filter(([k]) => !SECRET.test(k))),
  );
}

export function entryHash(prevHash: string, row: HashedFields): string {
  const body = JSON.stringify([
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry, chained to the last one. Call inside the action's own transaction. */
export async function appendAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: HashedFields = {
    at: entry.at,
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before: redact(entry.before),
    after: redact(entry.after),
  };
  await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) })
    .execute();
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** The first entry whose content or link does not match its hash. */
  firstBadId: number | null;
}

/** Walks the whole chain in id order; streaming keeps memory flat for long trails. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let entries = 0;
  for await (const row of db.selectFrom('audit_log').selectAll().orderBy('id').stream(500)) {
    entries++;
    if (row.prev_hash !== prev || entryHash(prev, row) !== row.hash) {
      return { ok: false, entries, firstBadId: row.id };
    }
    prev = row.hash;
  }
  return { ok: true, entries, firstBadId: null };
}

export interface AuditFilter {
  userId?: number;
  entity?: AuditEntity;
  /** Inclusive calendar dates, compared on the entry's local day. */
  from?: string;
  to?: string;
}

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  // Entries are stored in UTC ISO form; the filter's days are the user's local days.
  if (filter.from)
    query = query.where('at', '>=', new Date(`${filter.from}T00:00:00`).toISOString());
  if (filter.to)
    query = query.where(
      'at',
      '<',
      new Date(new Date(`${filter.to}T00:00:00`).getTime() + 86_400_000).toISOString(),
    );
  return query;
}

const toEntry = (row: Omit<AuditRow, 'prev_hash' | 'hash'>) => ({
  id: row.id,
  at: row.at,
  userId: row.user_id,
  username: row.username,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
  after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
});

const COLUMNS = [
  'id',
  'at',
  'user_id',
  'username',
  'action',
  'entity',
  'entity_id',
  'before',
  'after',
] as const;

export async function listAudit(
  db: Kysely<DB>,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
) {
  const { count } = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .select(COLUMNS)
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows.map(toEntry), total: Number(count) };
}

export async function allAudit(db: Kysely<DB>, filter: AuditFilter) {
  return (await filtered(db, filter).select(COLUMNS).orderBy('id').execute()).map(toEntry);
}
