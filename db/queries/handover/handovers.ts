import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../schema';
import type { HandoverState } from '../../../shared/domain/handover';
import type { HandoversTable } from './tables';
import { indexedTexts, matchingRowids, replaceIndexedText } from '../../sqlite';

/** Handover sheets, one per shift instance and team (or floor), and their full-text entry. */
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

/** Replaces a handover's entry in the full-text index with its current text. */
export async function indexHandover(db: Kysely<DB>, handoverId: number, text: string) {
  await replaceIndexedText(db as Kysely<unknown>, 'handover_search', handoverId, text);
}

/** The searchable text of some handovers, as people read it: where a search matched. */
export const searchableTexts = (db: Kysely<DB>, ids: number[]) =>
  indexedTexts(db as Kysely<unknown>, 'handover_search', ids);

/** Handovers whose text matches a user's search, as a subquery; null: the search matches nothing. */
export const matchingHandovers = (search: string) => matchingRowids('handover_search', search);

export interface HandoverFilter {
  from?: string;
  to?: string;
  shiftTypeId?: number;
  teamId?: number;
  state?: HandoverState;
  /** Either lead. */
  userId?: number;
  /** A supervisor's team scope; absent for every team. */
  scope?: { teamIds: readonly number[]; userId: number | null };
  hasOpenItems?: boolean;
  search?: string;
}

/** The log: handovers matching a filter, newest first, one page of them and the total. */
export async function listHandovers(
  db: Kysely<DB>,
  filter: HandoverFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: HandoverRecord[]; total: number }> {
  let query = selectHandovers(db);
  if (filter.from) query = query.where('h.work_date', '>=', filter.from);
  if (filter.to) query = query.where('h.work_date', '<=', filter.to);
  if (filter.shiftTypeId) query = query.where('h.shift_type_id', '=', filter.shiftTypeId);
  if (filter.teamId) query = query.where('h.team_id', '=', filter.teamId);
  if (filter.scope) {
    // A supervisor's log: their teams' sheets, the floor's (when they have a team), and any
    // handed to them by name.
    const { teamIds, userId } = filter.scope;
    query = query.where((eb) =>
      eb.or([
        ...(teamIds.length ? [eb('h.team_id', 'in', teamIds), eb('h.team_id', 'is', null)] : []),
        ...(userId ? [eb('h.incoming_user_id', '=', userId)] : []),
        eb.lit(false),
      ]),
    );
  }
  if (filter.state) query = query.where('h.state', '=', filter.state);
  if (filter.userId) {
    const user = filter.userId;
    query = query.where((eb) =>
      eb.or([eb('h.outgoing_user_id', '=', user), eb('h.incoming_user_id', '=', user)]),
    );
  }
  if (filter.hasOpenItems !== undefined) {
    const open = sql<boolean>`exists (select 1 from handover_item_links l
      join handover_items i on i.id = l.item_id
      where l.handover_id = h.id and i.status <> 'resolved')`;
    query = query.where(filter.hasOpenItems ? open : sql<boolean>`not ${open}`);
  }
  if (filter.search) {
    const matching = matchingHandovers(filter.search);
    // Punctuation alone matches nothing, rather than everything.
    if (!matching) return { rows: [], total: 0 };
    query = query.where('h.id', 'in', matching);
  }
  const { total } = await db
    .selectFrom(query.as('q'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('h.work_date', 'desc')
    .orderBy('h.id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
