import { failure, type ParsedInput } from '../../../../shared/contract';
import { nextState, type HandoverAction } from '../../../../shared/domain/handover';
import { activeUsersWithRole } from '../../../../db/queries/accounts/users';
import { insertAddendum } from '../../../../db/queries/handover/addenda';
import {
  findHandoverFor,
  insertHandover,
  updateHandover,
  type HandoverRecord,
} from '../../../../db/queries/handover/handovers';
import { itemsOfHandover, snapshotItems } from '../../../../db/queries/handover/items';
import type { AuditRecord, HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { shiftTypesById } from '../org/shift-types';
import { mustFindTeam, UNKNOWN_TEAM } from '../org/teams';
import { carryOpenItems } from './items';
import { readSettings } from './settings';
import {
  contentOf,
  detail,
  localNow,
  mustFindHandover,
  reindex,
  requireAction,
  toItem,
  userName,
} from './sheets';

/** Who can take over a shift: active supervisors. */
export const handoverLeads = (ctx: HandlerContext) => activeUsersWithRole(ctx.db, 'supervisor');

/**
 * The handover of a shift instance: the one there is, or a new draft with every unresolved item
 * of its team (or the floor) carried in. `created` holds what the new one started with.
 */
export async function startHandover(ctx: HandlerContext, input: ParsedInput<'handover.start'>) {
  const settings = await readSettings(ctx);
  const teamId = settings.scope === 'floor' ? null : (input.teamId ?? null);
  if (settings.scope === 'team' && teamId === null) {
    throw fieldFailure('teamId', 'validation.required');
  }
  if (teamId !== null) await mustFindTeam(ctx, teamId, UNKNOWN_TEAM);
  if (!(await shiftTypesById(ctx)).has(input.shiftTypeId)) {
    throw failure('not_found', 'unknown shift type', {
      field: 'shiftTypeId',
      key: 'errors.unknownShiftType',
    });
  }
  const existing = await findHandoverFor(ctx.db, input.date, input.shiftTypeId, teamId);
  if (existing) return { id: existing.id, created: null };
  if (!ctx.session?.userId) {
    throw failure('conflict', 'a signed-in lead writes handovers', { key: 'errors.noAccount' });
  }
  const id = await insertHandover(
    ctx.db,
    {
      date: input.date,
      shiftTypeId: input.shiftTypeId,
      teamId,
      userId: ctx.session.userId,
      userName: userName(ctx),
    },
    ctx.now,
  );
  // 交清接明: whatever is still open comes along, with its history.
  // A team's handover carries that team's items; the whole floor's carries every one.
  const carried = await carryOpenItems(
    ctx,
    id,
    settings.scope === 'floor' ? undefined : (teamId ?? 0),
  );
  await reindex(ctx, id);
  return { id, created: { teamId, carriedItems: carried } };
}

/** Saves what the outgoing lead writes; editing a submitted sheet takes it back to draft. */
export async function saveContent(ctx: HandlerContext, input: ParsedInput<'handover.save'>) {
  const h = await mustFindHandover(ctx, input.id);
  requireAction(ctx, h, 'edit');
  const { id, queue, ...text } = input;
  await updateHandover(
    ctx.db,
    id,
    {
      staffing_remark: text.staffingRemark,
      seats_status: text.seatsStatus,
      notices: text.notices,
      escalations: text.escalations,
      remarks: text.remarks,
      calls_offered: queue.offered,
      calls_answered: queue.answered,
      calls_abandoned: queue.abandoned,
      service_level: queue.serviceLevel,
      aht_seconds: queue.ahtSeconds,
      state: nextState(h.state, 'edit'),
    },
    ctx.now,
  );
  await reindex(ctx, id);
  return { before: contentOf(h), after: { ...text, queue } };
}

/**
 * One step of the sign-off: check the state machine for this caller, write, refresh the search
 * text, audit what changed, answer with the sheet as it is now.
 */
async function signOffStep(
  ctx: HandlerContext,
  id: number,
  action: HandoverAction,
  write: (h: HandoverRecord) => Promise<Omit<AuditRecord, 'entity' | 'entityId'>>,
) {
  const h = await mustFindHandover(ctx, id);
  requireAction(ctx, h, action);
  const audit = await write(h);
  await reindex(ctx, id);
  await ctx.audit({ ...audit, entity: 'handover', entityId: id });
  return detail(ctx, id);
}

/** The outgoing lead hands the sheet to another active supervisor. */
export const submit = (ctx: HandlerContext, input: { id: number; incomingUserId: number }) =>
  signOffStep(ctx, input.id, 'submit', async (h) => {
    if (input.incomingUserId === h.outgoingUserId) {
      throw fieldFailure('incomingUserId', 'errors.sameLead');
    }
    const incoming = (await handoverLeads(ctx)).find((l) => l.id === input.incomingUserId);
    if (!incoming) throw fieldFailure('incomingUserId', 'errors.notALead');
    await updateHandover(
      ctx.db,
      input.id,
      {
        state: nextState(h.state, 'submit'),
        incoming_user_id: incoming.id,
        incoming_name: incoming.displayName,
        submitted_at: ctx.now,
      },
      ctx.now,
    );
    return {
      action: 'update',
      before: { state: h.state },
      after: { state: 'submitted', incoming: incoming.displayName },
    };
  });

/** 接班确认: the incoming lead takes over, and the sheet locks with its items as they were. */
export const acknowledge = (ctx: HandlerContext, id: number) =>
  signOffStep(ctx, id, 'acknowledge', async (h) => {
    const now = localNow(ctx);
    await snapshotItems(
      ctx.db,
      id,
      (await itemsOfHandover(ctx.db, id)).map(({ item }) => toItem(item, now)),
    );
    await updateHandover(ctx.db, id, { state: 'acknowledged', acknowledged_at: ctx.now }, ctx.now);
    return { action: 'lock', before: { state: h.state }, after: { state: 'acknowledged' } };
  });

/** The incoming lead sends the sheet back with a remark. */
export const dispute = (ctx: HandlerContext, id: number, remark: string) =>
  signOffStep(ctx, id, 'dispute', async (h) => {
    await updateHandover(
      ctx.db,
      id,
      { state: nextState('submitted', 'dispute'), dispute_remark: remark },
      ctx.now,
    );
    return {
      action: 'update',
      before: { state: h.state },
      after: { state: 'disputed', remark },
    };
  });

/** A correction to an acknowledged sheet: a new record, never an edit. */
export const addendum = (ctx: HandlerContext, id: number, text: string) =>
  signOffStep(ctx, id, 'addendum', async () => {
    await insertAddendum(
      ctx.db,
      { handoverId: id, userId: ctx.session?.userId ?? null, author: userName(ctx), text },
      ctx.now,
    );
    return { action: 'create', after: { addendum: text } };
  });
