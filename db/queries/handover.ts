import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB, HandoversTable } from '../schema';
import { matchingRowids, replaceIndexedText } from '../sqlite';

/* ---------- handovers ---------- */

export function selectHandovers(db: Kysely<DB>) {
  return db
    .selectFrom('handovers as h')
    .leftJoin('teams as t', 't.id', 'h.team_id')
    .select([
      'h.id',
      'h.work_date as date',
      'h.shift_type_id as shiftTypeId',
      'h.team_id as teamId',
      't.name as teamName',
      'h.state',
      'h.outgoing_user_id as outgoingUserId',
      'h.outgoing_name as outgoingName',
      'h.incoming_user_id as incomingUserId',
      'h.incoming_name as incomingName',
      'h.submitted_at as submittedAt',
      'h.acknowledged_at as acknowledgedAt',
      'h.updated_at as updatedAt',
      'h.staffing_remark as staffingRemark',
      'h.seats_status as seatsStatus',
      'h.calls_offered as offered',
      'h.calls_answered as answered',
      'h.calls_abandoned as abandoned',
      'h.service_level as serviceLevel',
      'h.aht_seconds as ahtSeconds',
      'h.notices',
      'h.escalations',
      'h.remarks',
      'h.dispute_remark as disputeRemark',
    ]);
}
export type HandoverRecord = Awaited<
  ReturnType<ReturnType<typeof selectHandovers>['executeTakeFirstOrThrow']>
>;

export function findHandover(db: Kysely<DB>, id: number) {
  return selectHandovers(db).where('h.id', '=', id).executeTakeFirst();
}

export function findHandoverFor(
  db: Kysely<DB>,
  date: string,
  shiftTypeId: number,
  teamId: number | null,
) {
  return selectHandovers(db)
    .where('h.work_date', '=', date)
    .where('h.shift_type_id', '=', shiftTypeId)
    .where('h.team_key', '=', teamId ?? 0)
    .executeTakeFirst();
}

export async function insertHandover(
  db: Kysely<DB>,
  h: { date: string; shiftTypeId: number; teamId: number | null; userId: number; userName: string },
  at: string,
) {
  const row = await db
    .insertInto('handovers')
    .values({
      work_date: h.date,
      shift_type_id: h.shiftTypeId,
      team_id: h.teamId,
      team_key: h.teamId ?? 0,
      state: 'draft',
      outgoing_user_id: h.userId,
      outgoing_name: h.userName,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateHandover(
  db: Kysely<DB>,
  id: number,
  values: Updateable<HandoversTable>,
  at: string,
) {
  await db
    .updateTable('handovers')
    .set({ ...values, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/* ---------- items ---------- */

function selectItems(db: Kysely<DB>) {
  return db
    .selectFrom('handover_items as i')
    .select([
      'i.id',
      'i.category',
      'i.description',
      'i.reference',
      'i.priority',
      'i.due_at as dueAt',
      'i.owner',
      'i.status',
      'i.resolution',
      'i.created_by as createdBy',
      'i.created_at as createdAt',
      'i.updated_at as updatedAt',
      'i.resolved_at as resolvedAt',
      sql<number>`(select count(*) from handover_item_links l where l.item_id = i.id)`.as('shifts'),
    ]);
}
export type ItemRecord = Awaited<
  ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>
>;

export function findItem(db: Kysely<DB>, id: number) {
  return selectItems(db).where('i.id', '=', id).executeTakeFirst();
}

export function itemsOfHandover(db: Kysely<DB>, handoverId: number) {
  return selectItems(db)
    .innerJoin('handover_item_links as l', 'l.item_id', 'i.id')
    .select(['l.carried', 'l.snapshot'])
    .where('l.handover_id', '=', handoverId)
    .orderBy('l.carried', 'desc')
    .orderBy('i.id')
    .execute();
}

/** Unresolved items: of one team's (or the floor's) handovers, or all of them. */
export function unresolvedItems(db: Kysely<DB>, teamKey?: number) {
  let query = selectItems(db).where('i.status', '<>', 'resolved');
  if (teamKey !== undefined) query = query.where('i.team_key', '=', teamKey);
  return query.orderBy('i.id').execute();
}

/** The newest handover each unresolved item was in: where the board links to. */
export function lastHandoverOfItems(db: Kysely<DB>) {
  return db
    .selectFrom('handover_item_links as l')
    .innerJoin('handovers as h', 'h.id', 'l.handover_id')
    .innerJoin('handover_items as i', 'i.id', 'l.item_id')
    .select(['l.item_id as itemId', 'h.id as handoverId', 'h.work_date as date'])
    .where('i.status', '<>', 'resolved')
    .orderBy('h.work_date')
    .orderBy('h.id')
    .execute();
}

/** An item's fields as the lead writes them. */
export interface ItemFields {
  category: string;
  description: string;
  reference: string | null;
  priority: string;
  dueAt: string | null;
  owner: string | null;
}

const itemColumns = (item: ItemFields) => ({
  category: item.category,
  description: item.description,
  reference: item.reference,
  priority: item.priority,
  due_at: item.dueAt,
  owner: item.owner,
});

export async function insertItem(
  db: Kysely<DB>,
  item: ItemFields & { createdBy: string; teamKey: number },
  at: string,
) {
  const row = await db
    .insertInto('handover_items')
    .values({
      ...itemColumns(item),
      team_key: item.teamKey,
      status: 'open',
      created_by: item.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateItem(
  db: Kysely<DB>,
  id: number,
  item: ItemFields & { status: string; resolution: string | null },
  at: string,
) {
  await db
    .updateTable('handover_items')
    .set({
      ...itemColumns(item),
      status: item.status,
      resolution: item.resolution,
      resolved_at: item.status === 'resolved' ? at : null,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function linkItem(
  db: Kysely<DB>,
  handoverId: number,
  itemId: number,
  carried: boolean,
) {
  await db
    .insertInto('handover_item_links')
    .values({ handover_id: handoverId, item_id: itemId, carried: carried ? 1 : 0, snapshot: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function snapshotItems(db: Kysely<DB>, handoverId: number, items: { id: number }[]) {
  for (const item of items) {
    await db
      .updateTable('handover_item_links')
      .set({ snapshot: JSON.stringify(item) })
      .where('handover_id', '=', handoverId)
      .where('item_id', '=', item.id)
      .execute();
  }
}

export async function addItemEvent(
  db: Kysely<DB>,
  e: {
    itemId: number;
    handoverId: number | null;
    user: string;
    action: string;
    changes: Record<string, unknown> | null;
  },
  at: string,
) {
  await db
    .insertInto('handover_item_events')
    .values({
      item_id: e.itemId,
      handover_id: e.handoverId,
      at,
      user_name: e.user,
      action: e.action,
      changes: e.changes ? JSON.stringify(e.changes) : null,
    })
    .execute();
}

export async function itemEvents(db: Kysely<DB>, itemIds: number[]) {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('handover_item_events')
    .select([
      'id',
      'item_id as itemId',
      'handover_id as handoverId',
      'at',
      'user_name as user',
      'action',
      'changes',
    ])
    .where('item_id', 'in', itemIds)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    changes: r.changes ? (JSON.parse(r.changes) as Record<string, unknown>) : null,
  }));
}

/* ---------- addenda ---------- */

export async function insertAddendum(
  db: Kysely<DB>,
  a: { handoverId: number; userId: number | null; author: string; text: string },
  at: string,
) {
  await db
    .insertInto('handover_addenda')
    .values({
      handover_id: a.handoverId,
      author_user_id: a.userId,
      author_name: a.author,
      at,
      text: a.text,
    })
    .execute();
}

export function addendaOf(db: Kysely<DB>, handoverId: number) {
  return db
    .selectFrom('handover_addenda')
    .select(['id', 'author_name as author', 'at', 'text'])
    .where('handover_id', '=', handoverId)
    .orderBy('id')
    .execute();
}

/* ---------- search ---------- */

/** Replaces a handover's entry in the full-text index with its current text. */
export async function indexHandover(db: Kysely<DB>, handoverId: number, text: string) {
  await replaceIndexedText(db as Kysely<unknown>, 'handover_search', handoverId, text);
}

/** Handovers whose text matches a user's search, as a subquery; null: the search matches nothing. */
export const matchingHandovers = (search: string) => matchingRowids('handover_search', search);
