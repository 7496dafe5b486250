import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  AUDIT_ID_FIELDS,
  FAILING_ANCHOR,
  type AuditNamed,
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
  /** A bulk action's per-row changes: kept in audit_rows, covered by the entry's MAC. */
  rows?: readonly AuditRowChange[];
}

/** One row of a bulk entry: the record it touched and what the action did to it. */
export interface AuditRowChange {
  entity: AuditEntity;
  entityId: string | number | null;
  change: Record<string, unknown>;
}

/** A row as stored: the strings the digest is taken over, the same written and read back. */
interface StoredRow {
  row_index: number;
  entity: string;
  entity_id: string | null;
  change: string;
}

/** What an entry's MAC takes of its rows; null for an entry without rows (every older one). */
function rowsDigest(rows: Iterable<StoredRow>): string | null {
  const hash = createHash('sha256');
  let any = false;
  for (const r of rows) {
    any = true;
    hash.update(JSON.stringify([r.row_index, r.entity, r.entity_id, r.change])).update('\n');
  }
  return any ? hash.digest('hex') : null;
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

/**
 * A keyed entry's MAC: only the holder of the key can make one that matches. A bulk entry's
 * rows enter as their digest; an entry without rows keeps the format it always had.
 */
export function entryMac(
  key: AuditKey,
  prevHash: string,
  row: LinkedFields,
  rowsDigestHex: string | null = null,
): string {
  const rows = rowsDigestHex === null ? '' : `\nrows ${rowsDigestHex}`;
  return key.mac(`audit-entry\n${prevHash}\n${linkedBody(row)}${rows}`);
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
  const rows: StoredRow[] = (entry.rows ?? []).map((r, i) => ({
    row_index: i,
    entity: r.entity,
    entity_id: r.entityId === null ? null : String(r.entityId),
    change: redact(r.change)!,
  }));
  const hash = entryMac(key, prevHash, row, rowsDigest(rows));
  const { id } = await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  // 500 rows × 5 values a statement stays well under SQLite's parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('audit_rows')
      .values(
        rows
          .slice(i, i + 500)
          .map((r) => ({ ...r, entry_id: id, entity: r.entity as AuditEntity })),
      )
      .execute();
  }
}

/** Every bulk entry's rows digest, by entry id: one pass over audit_rows, before the chain's. */
async function rowsDigests(db: Kysely<DB>): Promise<Map<number, string>> {
  const digests = new Map<number, string>();
  let entryId: number | null = null;
  let current: StoredRow[] = [];
  const close = () => {
    if (entryId !== null) digests.set(entryId, rowsDigest(current)!);
  };
  for await (const r of db
    .selectFrom('audit_rows')
    .selectAll()
    .orderBy('entry_id')
    .orderBy('row_index')
    .stream(1000)) {
    if (r.entry_id !== entryId) {
      close();
      entryId = r.entry_id;
      current = [];
    }
    current.push(r);
  }
  close();
  return digests;
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
  // Read first: the connection cannot run a second query while the chain streams.
  const digests = await rowsDigests(db);
  for await (const row of db.selectFrom('audit_log').selectAll().orderBy('id').stream(500)) {
    entries++;
    const legacy = switchOver !== null && row.id <= switchOver;
    const digest = digests.get(row.id) ?? null;
    digests.delete(row.id);
    const expected = legacy
      ? legacyEntryHash(prev, row)
      : key
        ? entryMac(key, prev, row, digest)
        : row.hash;
    // An unkeyed entry never had rows: rows under one were slipped in.
    if (row.prev_hash !== prev || expected !== row.hash || (legacy && digest !== null)) {
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
  // Rows left over belong to no entry of the chain.
  if (firstBadId === null && digests.size > 0) firstBadId = Math.min(...digests.keys());
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
  /** With entity: one record's history, the bulk entries that touched it among them. */
  entityId?: string;
  /** Inclusive calendar dates, compared on the entry's local day. */
  from?: string;
  to?: string;
}

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  const { entity, entityId } = filter;
  if (entity !== undefined && entityId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', entity), eb('entity_id', '=', entityId)]),
        eb(
          'id',
          'in',
          eb
            .selectFrom('audit_rows')
            .select('entry_id')
            .where('audit_rows.entity', '=', entity)
            .where('audit_rows.entity_id', '=', entityId),
        ),
      ]),
    );
  } else if (entity !== undefined) query = query.where('entity', '=', entity);
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
    .select((eb) =>
      eb
        .selectFrom('audit_rows')
        .select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('audit_rows.entry_id', '=', 'audit_log.id')
        .as('row_count'),
    )
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const entries = rows.map((r) => ({ ...toEntry(r), rowCount: Number(r.row_count ?? 0) }));
  const staff = entries.flatMap((e) =>
    e.entity === 'staff' && e.entityId ? [Number(e.entityId)] : [],
  );
  return {
    rows: await withNames(db, entries),
    total: Number(count),
    names: await idNames(
      db,
      entries.flatMap((e) => [e.before, e.after]),
      { staff },
    ),
  };
}

type Named = AuditNamed;
export type IdNames = Record<Named, Record<string, string>>;

const NAME_SOURCES = {
  staff: { table: 'staff', column: 'name' },
  team: { table: 'teams', column: 'name' },
  shiftType: { table: 'shift_types', column: 'name' },
  user: { table: 'users', column: 'display_name' },
} as const;

/**
 * The names of the people, teams, shift types and accounts the changes point at by id (one
 * query per kind): the page shows 王芳, not staffId 17. `extra` adds ids known otherwise (a row's record).
 */
export async function idNames(
  db: Kysely<DB>,
  changes: readonly (Record<string, unknown> | null)[],
  extra: Partial<Record<Named, number[]>> = {},
): Promise<IdNames> {
  const ids: Record<Named, Set<number>> = {
    staff: new Set(extra.staff),
    team: new Set(extra.team),
    shiftType: new Set(extra.shiftType),
    user: new Set(extra.user),
  };
  const visit = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 3) return;
    for (const [k, v] of Object.entries(o)) {
      const kind = AUDIT_ID_FIELDS[k as keyof typeof AUDIT_ID_FIELDS];
      if (kind && typeof v === 'number') ids[kind].add(v);
      else if (kind && Array.isArray(v))
        v.forEach((x) => typeof x === 'number' && ids[kind].add(x));
      else visit(v, depth + 1);
    }
  };
  changes.forEach((c) => visit(c, 0));
  const names = { staff: {}, team: {}, shiftType: {}, user: {} } as IdNames;
  for (const kind of Object.keys(NAME_SOURCES) as Named[]) {
    const all = [...ids[kind]];
    const { table, column } = NAME_SOURCES[kind];
    for (let i = 0; i < all.length; i += 500) {
      const rows = (await db
        .selectFrom(table)
        .select(['id', `${column} as name`] as never)
        .where('id', 'in', all.slice(i, i + 500))
        .execute()) as unknown as { id: number; name: string }[];
      for (const r of rows) names[kind][String(r.id)] = r.name;
    }
  }
  return names;
}

/** One page of a bulk entry's rows, in the order the action wrote them. */
export async function listAuditRows(
  db: Kysely<DB>,
  entryId: number,
  page: { offset: number; limit: number },
) {
  const { count } = await db
    .selectFrom('audit_rows')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('entry_id', '=', entryId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('audit_rows')
    .select(['row_index', 'entity', 'entity_id', 'change'])
    .where('entry_id', '=', entryId)
    .orderBy('row_index')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const page_ = rows.map((r) => ({
    index: r.row_index,
    entity: r.entity,
    entityId: r.entity_id,
    change: JSON.parse(r.change) as Record<string, unknown>,
  }));
  // A staff row's record is the person; an attendance row's is "staffId/date".
  const staff = page_.flatMap((r) =>
    r.entityId && (r.entity === 'staff' || r.entity === 'attendance')
      ? [Number(r.entityId.split('/')[0])]
      : [],
  );
  return {
    rows: page_,
    total: Number(count),
    names: await idNames(
      db,
      page_.map((r) => r.change),
      { staff },
    ),
  };
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
