import { format } from 'date-fns';
import {
  failure,
  type HandoverDetail,
  type HandoverItem,
  type HandoverRow,
} from '../../../../shared/contract';
import { plannedTimes } from '../../../../shared/domain/attendance';
import {
  allowedActions,
  canDo,
  isAcknowledgementLate,
  isOverdue,
  searchExcerpt,
  searchWords,
  type HandoverAction,
  type HandoverActor,
} from '../../../../shared/domain/handover';
import { addendaOf } from '../../../../db/queries/handover/addenda';
import {
  findHandover,
  indexHandover,
  searchableTexts,
  type HandoverRecord,
} from '../../../../db/queries/handover/handovers';
import {
  itemEvents,
  itemsOfHandover,
  unresolvedItemsOf,
  type ItemRecord,
} from '../../../../db/queries/handover/items';
import type { HandlerContext } from '../../core/context';
import { shiftAttendance } from '../attendance/shift';
import { shiftTypesById } from '../org/shift-types';
import { readSettings } from './settings';

/** The desk's wall clock now, as shifts are written: 'yyyy-MM-dd HH:mm'. */
export const localNow = (ctx: HandlerContext) => format(new Date(ctx.now), 'yyyy-MM-dd HH:mm');

/** Who writes: the session's display name ('local' for a command-line tool). */
export const userName = (ctx: HandlerContext) => ctx.session?.displayName ?? 'local';

/** An item as the screens show it: overdue or not, against the desk's clock. */
export const toItem = (row: ItemRecord, now: string): HandoverItem => ({
  ...row,
  overdue: isOverdue(row, now),
});

function actorOf(
  ctx: HandlerContext,
  h: { outgoingUserId: number; incomingUserId: number | null },
): HandoverActor {
  const user = ctx.session?.userId;
  if (user != null && user === h.outgoingUserId) return 'outgoing';
  if (user != null && user === h.incomingUserId) return 'incoming';
  return 'other';
}

export async function mustFindHandover(ctx: HandlerContext, id: number) {
  const h = await findHandover(ctx.db, id);
  if (!h) throw failure('not_found', `handover ${id} not found`, { field: 'id' });
  return h;
}

/** Refuses an action the state machine does not allow this caller, saying why in the user's terms. */
export function requireAction(ctx: HandlerContext, h: HandoverRecord, action: HandoverAction) {
  const actor = actorOf(ctx, h);
  if (canDo(h.state, action, actor)) return;
  const key =
    h.state === 'acknowledged'
      ? 'errors.handoverLocked'
      : allowedActions(h.state, 'outgoing').includes(action) && actor !== 'outgoing'
        ? 'errors.notOutgoingLead'
        : allowedActions(h.state, 'incoming').includes(action) && actor !== 'incoming'
          ? 'errors.notIncomingLead'
          : 'errors.handoverState';
  throw failure('conflict', `${action} not allowed on a ${h.state} handover for ${actor}`, { key });
}

/** The log's row of each handover: its open and overdue items, and whether the takeover is late. */
export async function rowFigures(
  ctx: HandlerContext,
  rows: HandoverRecord[],
): Promise<HandoverRow[]> {
  if (rows.length === 0) return [];
  const settings = await readSettings(ctx);
  const shifts = await shiftTypesById(ctx);
  const now = localNow(ctx);
  const items = await unresolvedItemsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((h) => {
    const own = items.filter((i) => i.handoverId === h.id);
    const shift = shifts.get(h.shiftTypeId);
    // The incoming lead takes over when this shift ends: the deadline runs from then.
    const takeover = shift ? plannedTimes(h.date, shift).end : `${h.date} 00:00`;
    return {
      id: h.id,
      date: h.date,
      shiftTypeId: h.shiftTypeId,
      teamId: h.teamId,
      teamName: h.teamName,
      state: h.state,
      outgoingUserId: h.outgoingUserId,
      outgoingName: h.outgoingName,
      incomingUserId: h.incomingUserId,
      incomingName: h.incomingName,
      submittedAt: h.submittedAt,
      acknowledgedAt: h.acknowledgedAt,
      updatedAt: h.updatedAt,
      openItems: own.length,
      overdueItems: own.filter((i) => isOverdue(i, now)).length,
      ackLate: isAcknowledgementLate(h.state, takeover, now, settings.ackDeadlineMinutes),
    };
  });
}

/** What the outgoing lead writes: the sheet's content, as saved and as audited. */
export const contentOf = (h: HandoverRecord) => ({
  staffingRemark: h.staffingRemark,
  seatsStatus: h.seatsStatus,
  queue: {
    offered: h.offered,
    answered: h.answered,
    abandoned: h.abandoned,
    serviceLevel: h.serviceLevel,
    ahtSeconds: h.ahtSeconds,
  },
  notices: h.notices,
  escalations: h.escalations,
  remarks: h.remarks,
});

/** The whole sheet: its row, staffing from attendance, content, items, history, addenda, actions. */
export async function detail(ctx: HandlerContext, id: number): Promise<HandoverDetail> {
  const h = await mustFindHandover(ctx, id);
  const [row] = await rowFigures(ctx, [h]);
  const shift = (await shiftTypesById(ctx)).get(h.shiftTypeId)!;
  const now = localNow(ctx);
  const items = (await itemsOfHandover(ctx.db, id)).map(({ item, carried, snapshot }) => ({
    ...toItem(item, now),
    carried,
    snapshot,
  }));
  const planned = plannedTimes(h.date, shift);
  return {
    ...row!,
    plannedStart: planned.start,
    plannedEnd: planned.end,
    staffing: await shiftAttendance(ctx, h.date, h.shiftTypeId, h.teamId),
    ...contentOf(h),
    disputeRemark: h.disputeRemark,
    items,
    history: await itemEvents(
      ctx.db,
      items.map((i) => i.id),
    ),
    addenda: await addendaOf(ctx.db, id),
    actions: allowedActions(h.state, actorOf(ctx, h)),
  };
}

/** Rebuilds a handover's search text: its own fields, its items and its addenda. */
export async function reindex(ctx: HandlerContext, id: number) {
  const h = await mustFindHandover(ctx, id);
  const items = await itemsOfHandover(ctx.db, id);
  const addenda = await addendaOf(ctx.db, id);
  const text = [
    h.outgoingName,
    h.incomingName,
    h.teamName,
    h.staffingRemark,
    h.seatsStatus,
    h.notices,
    h.escalations,
    h.remarks,
    h.disputeRemark,
    ...items.flatMap(({ item: i }) => [i.description, i.reference, i.owner, i.resolution]),
    ...addenda.map((a) => a.text),
  ]
    .filter(Boolean)
    // A visible separator (not a word character, so never searched): the log's excerpt of a
    // match reads "需回电说明 ｜ 张伟（KF201）", not one run-on sentence.
    .join(' ｜ ');
  await indexHandover(ctx.db, id, text);
}

/** Search results carry the passage that matched, so the log shows why each row is there. */
export async function withExcerpts<R extends { id: number }>(
  ctx: HandlerContext,
  rows: R[],
  search: string | undefined,
): Promise<(R & { excerpt: string | null })[]> {
  const words = search ? searchWords(search) : [];
  if (words.length === 0) return rows.map((r) => ({ ...r, excerpt: null }));
  const texts = await searchableTexts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, excerpt: searchExcerpt(texts.get(r.id) ?? '', words) }));
}
