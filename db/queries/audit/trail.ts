import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  FAILING_ANCHOR,
  type AnchorSource,
  type AnchorStatus,
  type AuditAction,
  type AuditEntity,
} from '../../../shared/domain/audit';
import type { AuditKey } from '../../audit-key';
import type { DB } from '../../schema';
import type { AuditLogTable } from './tables';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry a migration wrote where an unkeyed trail (consoles before the key) switched over: it
 * and the entries before it keep their SHA-256 links; every entry after it carries a keyed MAC.
 */
export const SWITCH_OVER_ACTION = 'chain_keyed' satisfies AuditAction;

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
/** What the link covers: every column but the id and the chain's own two. */
type LinkedFields = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>;

/** Secrets never enter the trail, whatever a caller passes. */
const SECRET = /password|token|salt|secret|hash/i;
function redact(record: Record<string, unknown> | null | undefined): string | null {
  if (!record) return null;
  return JSON.stringify(
    Object.fromEntries(Object.entries(record).filter(([k]) => !SECRET.test(k))),
  );
}

const linkedBody = (row: LinkedFields) =>
  JSON.stringify([
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
  ]);

/** The unkeyed link of entries written before the key, up to the switch-over entry: anyone can recompute it. */
export function legacyEntryHash(prevHash: string, row: LinkedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(linkedBody(row)).digest('hex');
}

/** A keyed entry's MAC: only the holder of the key can make one that matches. */
export function entryMac(key: AuditKey, prevHash: string, row: LinkedFields): string {
  return key.mac(`audit-entry\n${prevHash}\n${linkedBody(row)}`);
}

/** The switch-over entry's id: entries up to it carry unkeyed links; null when the trail was keyed from its start. */
async function switchOverId(db: Kysely<DB>): Promise<number | null> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.min<number>('id').as('id'))
    .where('action', '=', SWITCH_OVER_ACTION)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** What the next entry links to: the last entry's hash or MAC (the genesis value for the first). */
async function lastLink(db: Kysely<DB>): Promise<string> {
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.hash ?? GENESIS_HASH;
}

/** Appends one entry, keyed and chained to the last one. Call inside the action's own transaction. */
export async function appendAudit(db: Kysely<DB>, key: AuditKey, entry: AuditEntry): Promise<void> {
  const prevHash = await lastLink(db);
  const row: LinkedFields = {
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
    .values({ ...row, prev_hash: prevHash, hash: entryMac(key, prevHash, row) })
    .execute();
}

/** The unkeyed switch-over entry a migration appends to an existing trail (it has no key). */
export async function appendSwitchOver(db: Kysely<DB>, at: string, legacyEntries: number) {
  const prevHash = await lastLink(db);
  const row: LinkedFields = {
    at,
    user_id: null,
    username: 'system',
    action: SWITCH_OVER_ACTION,
    entity: 'audit',
    entity_id: null,
    before: null,
    after: JSON.stringify({ legacyEntries }),
  };
  await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash: legacyEntryHash(prevHash, row) })
    .execute();
}

/**
 * Where a trail stood: its last entry and how many entries lead up to it. Kept outside the
 * database (the head file, every backup's manifest), it shows a cut-off tail or an old file put back.
 */
export interface AuditHead {
  lastId: number;
  /** The last entry's hash or MAC. */
  mac: string;
  count: number;
}

const sameHead = (a: AuditHead, b: AuditHead) =>
  a.lastId === b.lastId && a.mac === b.mac && a.count === b.count;

export function isAuditHead(value: unknown): value is AuditHead {
  const v = value as Partial<AuditHead> | null;
  return (
    !!v &&
    Number.isInteger(v.lastId) &&
    Number.isInteger(v.count) &&
    typeof v.mac === 'string' &&
    /^[0-9a-f]{64}$/.test(v.mac)
  );
}

/**
 * The trail's head now; null while it is empty. With the head anchored before, only the entries
 * after it are counted (when the trail still holds it), so this stays quick on a long trail.
 */
export async function readAuditHead(
  db: Kysely<DB>,
  previous?: AuditHead | null,
): Promise<AuditHead | null> {
  const last = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;
  const countFrom = async (after: number) =>
    Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', '>', after)
          .executeTakeFirstOrThrow()
      ).n,
    );
  let count: number | undefined;
  if (previous && previous.lastId <= last.id) {
    const anchored = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('id', '=', previous.lastId)
      .executeTakeFirst();
    if (anchored?.hash === previous.mac)
      count = previous.count + (await countFrom(previous.lastId));
  }
  return { lastId: last.id, mac: last.hash, count: count ?? (await countFrom(0)) };
}

/** An anchored head as found outside the database (its signature already checked by whoever read it). */
export interface Anchor {
  source: AnchorSource;
  /** The backup's file name; null for the head file. */
  name: string | null;
  at: string | null;
  head: AuditHead | null;
  /** What is wrong with the anchor itself, found by whoever read it. */
  problem?: Extract<AnchorStatus, 'none' | 'forged' | 'missing'>;
}

export interface AnchorCheck {
  source: AnchorSource;
  name: string | null;
  at: string | null;
  lastId: number | null;
  count: number | null;
  status: AnchorStatus;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** The first entry whose content or link does not match its hash or MAC. */
  firstBadId: number | null;
  /** Whether keyed MACs were checked (false only for a caller without the key). */
  keyed: boolean;
  anchors: AnchorCheck[];
}

/**
 * Walks the whole chain in id order (streaming keeps memory flat for long trails): the unkeyed
 * links up to the switch-over entry, the keyed MACs after it; then checks that the chain extends
 * every anchored head. Without a key only the links are checked (tests of other processes).
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  key?: AuditKey,
  anchors: readonly Anchor[] = [],
): Promise<ChainReport> {
  const switchOver = await switchOverId(db);
  const wanted = new Set(anchors.flatMap((a) => (a.head ? [a.head.lastId] : [])));
  const seen = new Map<number, AuditHead>();
  /** Heads of trails a restore replaced, carried in its (keyed) restore entry. */
  const carried: AuditHead[] = [];
  let prev = GENESIS_HASH;
  let entries = 0;
  let firstBadId: number | null = null;
  for await (const row of db.selectFrom('audit_log').selectAll().orderBy('id').stream(500)) {
    entries++;
    const legacy = switchOver !== null && row.id <= switchOver;
    const expected = legacy
      ? legacyEntryHash(prev, row)
      : key
        ? entryMac(key, prev, row)
        : row.hash;
    if (row.prev_hash !== prev || expected !== row.hash) {
      firstBadId = row.id;
      break;
    }
    if (wanted.has(row.id)) seen.set(row.id, { lastId: row.id, mac: row.hash, count: entries });
    if (!legacy && row.action === 'restore' && row.after) {
      const { previousHead } = JSON.parse(row.after) as { previousHead?: unknown };
      if (isAuditHead(previousHead)) carried.push(previousHead);
    }
    prev = row.hash;
  }
  const checks = anchors.map((anchor): AnchorCheck => {
    const { head } = anchor;
    const status = ((): AnchorStatus => {
      if (anchor.problem) return anchor.problem;
      if (!head) return 'none';
      const live = seen.get(head.lastId);
      if (live && sameHead(live, head)) return 'ok';
      if (carried.some((c) => sameHead(c, head))) return 'restored';
      return firstBadId !== null && !live ? 'unchecked' : 'behind';
    })();
    return {
      source: anchor.source,
      name: anchor.name,
      at: anchor.at,
      lastId: head?.lastId ?? null,
      count: head?.count ?? null,
      status,
    };
  });
  return {
    ok: firstBadId === null && !checks.some((c) => FAILING_ANCHOR.includes(c.status)),
    entries,
    firstBadId,
    keyed: !!key,
    anchors: checks,
  };
}

export interface AuditFilter {
  userId?: number;
  entity?: AuditEntity;
  action?: AuditAction;
  /** Inclusive calendar dates, compared on the entry's local day. */
  from?: string;
  to?: string;
}

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
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
  return { rows: await withNames(db, rows.map(toEntry)), total: Number(count) };
}

export async function allAudit(db: Kysely<DB>, filter: AuditFilter) {
  return withNames(
    db,
    (await filtered(db, filter).select(COLUMNS).orderBy('id').execute()).map(toEntry),
  );
}

/** Each entry's user by display name (the trail keeps the username it was written with). */
async function withNames<E extends { userId: number | null }>(db: Kysely<DB>, entries: E[]) {
  const ids = [...new Set(entries.flatMap((e) => (e.userId === null ? [] : [e.userId])))];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) names.set(row.id, row.display_name);
  }
  return entries.map((e) => ({
    ...e,
    displayName: e.userId === null ? null : (names.get(e.userId) ?? null),
  }));
}

/** Whether the trail holds keyed entries (after the switch-over, or any in a trail keyed from the start). */
export async function hasKeyedEntries(db: Kysely<DB>): Promise<boolean> {
  const keyed = await db
    .selectFrom('audit_log')
    .select('id')
    .where('id', '>', (await switchOverId(db)) ?? 0)
    .limit(1)
    .executeTakeFirst();
  return !!keyed;
}
