import { sql, type Kysely } from 'kysely';
import type { HandoverItem } from '../../../shared/contract';
import type { ItemEventAction, ItemPriority, ItemStatus } from '../../../shared/domain/handover';
import type { DB } from '../../schema';

/** Pending items (遗留事项), the sheets they are on, and their history. */
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
type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>>;
/** An item as stored; `overdue` is the caller's to work out, against its own clock. */
export type ItemRecord = Omit<HandoverItem, 'overdue'>;
const toItem = (row: ItemRow): ItemRecord => ({ ...row, shifts: Number(row.shifts) });

export async function findItem(db: Kysely<DB>, id: number): Promise<ItemRecord | undefined> {
  const row = await selectItems(db).where('i.id', '=', id).executeTakeFirst();
  return row && toItem(row);
}

/** A sheet's items, carried ones first, each with the copy taken when the sheet was acknowledged. */
export async function itemsOfHandover(db: Kysely<DB>, handoverId: number) {
  const rows = await selectItems(db)
    .innerJoin('handover_item_links as l', 'l.item_id', 'i.id')
    .select(['l.carried', 'l.snapshot'])
    .where('l.handover_id', '=', handoverId)
    .orderBy('l.carried', 'desc')
    .orderBy('i.id')
    .execute();
  return rows.map(({ carried, snapshot, ...item }) => ({
    item: toItem(item),
    carried: carried === 1,
    snapshot: snapshot ? (JSON.parse(snapshot) as HandoverItem) : null,
  }));
}

/** Unresolved items: of one team's (or the floor's) handovers, or all of them. */
export async function unresolvedItems(db: Kysely<DB>, teamKey?: number) {
  let query = selectItems(db).where('i.status', '<>', 'resolved');
  if (teamKey !== undefined) query = query.where('i.team_key', '=', teamKey);
  return (await query.orderBy('i.id').execute()).map(toItem);
}

/** The unresolved items of some handovers, with their due times: the log's figures. */
export function unresolvedItemsOf(db: Kysely<DB>, handoverIds: number[]) {
  return db
    .selectFrom('handover_item_links as l')
    .innerJoin('handover_items as i', 'i.id', 'l.item_id')
    .select(['l.handover_id as handoverId', 'i.status', 'i.due_at as dueAt'])
    .where('l.handover_id', 'in', handoverIds)
    .where('i.status', '<>', 'resolved')
    .execute();
}

/** Each item's team (null: the whole floor's), for the team scope. */
export async function teamsOfItems(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, number | null>();
  const rows = await db
    .selectFrom('handover_items')
    .select(['id', 'team_key'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.team_key === 0 ? null : r.team_key]));
}

/** Every handover an item is in, with its state. */
export function handoversOfItem(db: Kysely<DB>, itemId: number) {
  return db
    .selectFrom('handover_item_links as l')
    .innerJoin('handovers as h', 'h.id', 'l.handover_id')
    .select(['h.id', 'h.state'])
    .where('l.item_id', '=', itemId)
    .execute();
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
  priority: ItemPriority;
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
  item: ItemFields & { status: ItemStatus; resolution: string | null },
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
    action: ItemEventAction;
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
