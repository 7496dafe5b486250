import { format } from 'date-fns';
import { sql } from 'kysely';
import {
  failure,
  handoverSettings as settingsSchema,
  type HandoverDetail,
  type HandoverItem,
  type HandoverRow,
  type HandoverSettings,
} from '../../../shared/contract';
import { plannedTimes } from '../../../shared/domain/attendance';
import {
  allowedActions,
  canDo,
  isAcknowledgementLate,
  isOverdue,
  nextState,
  type HandoverAction,
  type HandoverActor,
  type HandoverState,
  type ItemPriority,
  type ItemStatus,
} from '../../../shared/domain/handover';
import { changedFields } from '../../../shared/domain/audit';
import { addendaOf, insertAddendum } from '../../../db/queries/handover/addenda';
import {
  addItemEvent,
  findItem,
  insertItem,
  itemEvents,
  itemsOfHandover,
  lastHandoverOfItems,
  linkItem,
  snapshotItems,
  unresolvedItems,
  updateItem,
  type ItemRecord,
} from '../../../db/queries/handover/items';
import {
  findHandover,
  findHandoverFor,
  indexHandover,
  insertHandover,
  matchingHandovers,
  selectHandovers,
  updateHandover,
  type HandoverRecord,
} from '../../../db/queries/handover/handovers';
import { getJsonSetting, putSetting } from '../../../db/queries/settings/settings';
import { findTeam } from '../../../db/queries/org/teams';
import type { AuditRecord, Handler, HandlerContext } from '../context';
import { handoverItemsCsv, handoverItemsFileName, handoverItemsXlsx } from '../export/handover';
import { shiftTypesById } from '../attendance/records';
import { shiftAttendance } from './attendance';

/* ---------- settings ---------- */

const SETTINGS_KEY = 'handover.settings';
const DEFAULT_CATEGORIES: [string, string][] = [
  ['callback', '客户回访'],
  ['complaint', '投诉跟进'],
  ['ticket', '工单'],
  ['system_fault', '系统故障'],
  ['equipment', '设备'],
  ['notice', '通知'],
  ['other', '其他'],
];
export const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = {
  ackDeadlineMinutes: 30,
  scope: 'team',
  categories: DEFAULT_CATEGORIES.map(([code, name]) => ({ code, name, active: true })),
};

function readSettings(ctx: HandlerContext): Promise<HandoverSettings> {
  return getJsonSetting(ctx.db, SETTINGS_KEY, settingsSchema, DEFAULT_HANDOVER_SETTINGS);
}

export const handoverSettingsGet: Handler<'handover.settings'> = (ctx) => readSettings(ctx);

export const handoverSettingsUpdate: Handler<'handover.updateSettings'> = async (ctx, input) => {
  const before = await readSettings(ctx);
  // A category in use can be retired, never removed: old items still name it.
  const kept = before.categories.filter((c) => !input.categories.some((n) => n.code === c.code));
  const settings = {
    ...input,
    categories: [...input.categories, ...kept.map((c) => ({ ...c, active: false }))],
  };
  await putSetting(ctx.db, SETTINGS_KEY, JSON.stringify(settings), ctx.now);
  await ctx.audit({
    action: 'update',
    entity: 'settings',
    entityId: SETTINGS_KEY,
    before,
    after: settings,
  });
  return settings;
};

export const handoverLeads: Handler<'handover.leads'> = async (ctx) =>
  ctx.db
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'role'])
    .where('role', '=', 'supervisor')
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();

/* ---------- reading ---------- */

/** The desk's wall clock now, as shifts are written: 'yyyy-MM-dd HH:mm'. */
const localNow = (ctx: HandlerContext) => format(new Date(ctx.now), 'yyyy-MM-dd HH:mm');

function toItem(row: ItemRecord, now: string): HandoverItem {
  const item = {
    ...row,
    priority: row.priority as ItemPriority,
    status: row.status as ItemStatus,
    shifts: Number(row.shifts),
  };
  return { ...item, overdue: isOverdue(item, now) };
}

function actorOf(
  ctx: HandlerContext,
  h: { outgoingUserId: number; incomingUserId: number | null },
): HandoverActor {
  const user = ctx.session?.userId;
  if (user != null && user === h.outgoingUserId) return 'outgoing';
  if (user != null && user === h.incomingUserId) return 'incoming';
  return 'other';
}

async function mustFindHandover(ctx: HandlerContext, id: number) {
  const h = await findHandover(ctx.db, id);
  if (!h) throw failure('not_found', `handover ${id} not found`, { field: 'id' });
  return h;
}

/** Refuses an action the state machine does not allow this caller, saying why in the user's terms. */
function requireAction(ctx: HandlerContext, h: HandoverRecord, action: HandoverAction) {
  const state = h.state as HandoverState;
  const actor = actorOf(ctx, h);
  if (canDo(state, action, actor)) return;
  const key =
    state === 'acknowledged'
      ? 'errors.handoverLocked'
      : allowedActions(state, 'outgoing').includes(action) && actor !== 'outgoing'
        ? 'errors.notOutgoingLead'
        : allowedActions(state, 'incoming').includes(action) && actor !== 'incoming'
          ? 'errors.notIncomingLead'
          : 'errors.handoverState';
  throw failure('conflict', `${action} not allowed on a ${state} handover for ${actor}`, { key });
}

async function rowFigures(ctx: HandlerContext, rows: HandoverRecord[]): Promise<HandoverRow[]> {
  if (rows.length === 0) return [];
  const settings = await readSettings(ctx);
  const shifts = await shiftTypesById(ctx);
  const now = localNow(ctx);
  const items = await ctx.db
    .selectFrom('handover_item_links as l')
    .innerJoin('handover_items as i', 'i.id', 'l.item_id')
    .select(['l.handover_id as handoverId', 'i.status', 'i.due_at as dueAt'])
    .where(
      'l.handover_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('i.status', '<>', 'resolved')
    .execute();
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
      state: h.state as HandoverState,
      outgoingUserId: h.outgoingUserId,
      outgoingName: h.outgoingName,
      incomingUserId: h.incomingUserId,
      incomingName: h.incomingName,
      submittedAt: h.submittedAt,
      acknowledgedAt: h.acknowledgedAt,
      updatedAt: h.updatedAt,
      openItems: own.length,
      overdueItems: own.filter((i) =>
        isOverdue({ status: i.status as ItemStatus, dueAt: i.dueAt }, now),
      ).length,
      ackLate: isAcknowledgementLate(
        h.state as HandoverState,
        takeover,
        now,
        settings.ackDeadlineMinutes,
      ),
    };
  });
}

/** What the outgoing lead writes: the sheet's content, as saved and as audited. */
const contentOf = (h: HandoverRecord) => ({
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

async function detail(ctx: HandlerContext, id: number): Promise<HandoverDetail> {
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
    history: (
      await itemEvents(
        ctx.db,
        items.map((i) => i.id),
      )
    ).map((e) => ({
      ...e,
      action: e.action as HandoverDetail['history'][number]['action'],
    })),
    addenda: await addendaOf(ctx.db, id),
    actions: allowedActions(h.state as HandoverState, actorOf(ctx, h)),
  };
}

/** Rebuilds a handover's search text: its own fields, its items and its addenda. */
async function reindex(ctx: HandlerContext, id: number) {
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
    .join('\n');
  await indexHandover(ctx.db, id, text);
}

export const handoverGet: Handler<'handover.get'> = (ctx, { id }) => detail(ctx, id);

/* ---------- writing ---------- */

const userName = (ctx: HandlerContext) => ctx.session?.displayName ?? 'local';

export const handoverStart: Handler<'handover.start'> = async (ctx, input) => {
  const settings = await readSettings(ctx);
  const teamId = settings.scope === 'floor' ? null : (input.teamId ?? null);
  if (settings.scope === 'team' && teamId === null) {
    throw failure('invalid_input', 'a team is required', {
      field: 'teamId',
      key: 'validation.required',
      issues: [{ field: 'teamId', key: 'validation.required' }],
    });
  }
  if (teamId !== null && !(await findTeam(ctx.db, teamId))) {
    throw failure('not_found', 'unknown team', { field: 'teamId', key: 'errors.unknownTeam' });
  }
  if (!(await shiftTypesById(ctx)).has(input.shiftTypeId)) {
    throw failure('not_found', 'unknown shift type', {
      field: 'shiftTypeId',
      key: 'errors.unknownShiftType',
    });
  }
  const existing = await findHandoverFor(ctx.db, input.date, input.shiftTypeId, teamId);
  if (existing) return detail(ctx, existing.id);
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
  const open = await unresolvedItems(
    ctx.db,
    settings.scope === 'floor' ? undefined : (teamId ?? 0),
  );
  for (const item of open) {
    await linkItem(ctx.db, id, item.id, true);
    await addItemEvent(
      ctx.db,
      { itemId: item.id, handoverId: id, user: userName(ctx), action: 'carried', changes: null },
      ctx.now,
    );
  }
  await reindex(ctx, id);
  await ctx.audit({
    action: 'create',
    entity: 'handover',
    entityId: id,
    after: { ...input, teamId, carriedItems: open.map((i) => i.id) },
  });
  return detail(ctx, id);
};

export const handoverSave: Handler<'handover.save'> = async (ctx, input) => {
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
      state: nextState(h.state as HandoverState, 'edit'),
    },
    ctx.now,
  );
  await reindex(ctx, id);
  await ctx.audit({
    action: 'update',
    entity: 'handover',
    entityId: id,
    before: contentOf(h),
    after: { ...text, queue },
  });
  return detail(ctx, id);
};

async function checkCategory(ctx: HandlerContext, code: string, current?: string) {
  const settings = await readSettings(ctx);
  // An item may keep a category that was retired after it was written.
  if (code === current || settings.categories.some((c) => c.code === code && c.active)) return;
  throw failure('invalid_input', `unknown category ${code}`, {
    field: 'category',
    key: 'errors.unknownCategory',
    issues: [{ field: 'category', key: 'errors.unknownCategory' }],
  });
}

export const handoverAddItem: Handler<'handover.addItem'> = async (ctx, input) => {
  const h = await mustFindHandover(ctx, input.handoverId);
  requireAction(ctx, h, 'edit');
  await checkCategory(ctx, input.category);
  const { handoverId, ...fields } = input;
  const itemId = await insertItem(
    ctx.db,
    { ...fields, createdBy: userName(ctx), teamKey: h.teamId ?? 0 },
    ctx.now,
  );
  await linkItem(ctx.db, handoverId, itemId, false);
  await addItemEvent(
    ctx.db,
    { itemId, handoverId, user: userName(ctx), action: 'created', changes: fields },
    ctx.now,
  );
  if (h.state === 'submitted')
    await updateHandover(ctx.db, handoverId, { state: nextState('submitted', 'edit') }, ctx.now);
  await reindex(ctx, handoverId);
  await ctx.audit({
    action: 'create',
    entity: 'handover_item',
    entityId: itemId,
    after: { handoverId, ...fields },
  });
  return detail(ctx, handoverId);
};

export const handoverUpdateItem: Handler<'handover.updateItem'> = async (ctx, input) => {
  const current = await findItem(ctx.db, input.id);
  if (!current) throw failure('not_found', `item ${input.id} not found`, { field: 'id' });
  if (current.status === 'resolved') {
    throw failure('conflict', 'item already resolved', { key: 'errors.itemResolved' });
  }
  const { id, handoverId, ...fields } = input;
  if (handoverId) {
    const h = await mustFindHandover(ctx, handoverId);
    requireAction(ctx, h, 'edit');
    const linked = (await itemsOfHandover(ctx.db, handoverId)).some((l) => l.item.id === id);
    if (!linked) throw failure('not_found', 'item not in this handover', { field: 'id' });
  }
  await checkCategory(ctx, fields.category, current.category);
  if (fields.status === 'resolved' && !fields.resolution) {
    throw failure('invalid_input', 'a resolution note is required', {
      field: 'resolution',
      key: 'errors.resolutionRequired',
      issues: [{ field: 'resolution', key: 'errors.resolutionRequired' }],
    });
  }
  await updateItem(ctx.db, id, fields, ctx.now);
  const { status, resolution, ...rest } = fields;
  const before = { ...current, shifts: undefined };
  const { before: was, after: now } = changedFields(
    before as Record<string, unknown>,
    { ...rest, status, resolution } as Record<string, unknown>,
  );
  await addItemEvent(
    ctx.db,
    {
      itemId: id,
      handoverId: handoverId ?? null,
      user: userName(ctx),
      action: status === 'resolved' ? 'resolved' : 'updated',
      changes: { before: was, after: now },
    },
    ctx.now,
  );
  const links = await ctx.db
    .selectFrom('handover_item_links as l')
    .innerJoin('handovers as h', 'h.id', 'l.handover_id')
    .select(['h.id', 'h.state'])
    .where('l.item_id', '=', id)
    .execute();
  for (const link of links) {
    // A submitted sheet whose item changed goes back to draft: the incoming lead must see it anew.
    if (link.state === 'submitted') {
      await updateHandover(ctx.db, link.id, { state: nextState('submitted', 'edit') }, ctx.now);
    }
    if (link.state !== 'acknowledged') await reindex(ctx, link.id);
  }
  await ctx.audit({
    action: 'update',
    entity: 'handover_item',
    entityId: id,
    before: was,
    after: now,
  });
  return toItem((await findItem(ctx.db, id))!, localNow(ctx));
};

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

export const handoverSubmit: Handler<'handover.submit'> = (ctx, input) =>
  signOffStep(ctx, input.id, 'submit', async (h) => {
    if (input.incomingUserId === h.outgoingUserId) {
      throw failure('invalid_input', 'the incoming lead must be someone else', {
        field: 'incomingUserId',
        key: 'errors.sameLead',
        issues: [{ field: 'incomingUserId', key: 'errors.sameLead' }],
      });
    }
    const incoming = (await handoverLeads(ctx, {})).find((l) => l.id === input.incomingUserId);
    if (!incoming) {
      throw failure('invalid_input', 'not an active supervisor', {
        field: 'incomingUserId',
        key: 'errors.notALead',
        issues: [{ field: 'incomingUserId', key: 'errors.notALead' }],
      });
    }
    await updateHandover(
      ctx.db,
      input.id,
      {
        state: nextState(h.state as HandoverState, 'submit'),
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

export const handoverAcknowledge: Handler<'handover.acknowledge'> = (ctx, { id }) =>
  signOffStep(ctx, id, 'acknowledge', async (h) => {
    // The items as the incoming lead took them over: the locked sheet shows these.
    const now = localNow(ctx);
    await snapshotItems(
      ctx.db,
      id,
      (await itemsOfHandover(ctx.db, id)).map(({ item }) => toItem(item, now)),
    );
    await updateHandover(ctx.db, id, { state: 'acknowledged', acknowledged_at: ctx.now }, ctx.now);
    return { action: 'lock', before: { state: h.state }, after: { state: 'acknowledged' } };
  });

export const handoverDispute: Handler<'handover.dispute'> = (ctx, { id, remark }) =>
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

export const handoverAddendum: Handler<'handover.addendum'> = (ctx, { id, text }) =>
  signOffStep(ctx, id, 'addendum', async () => {
    await insertAddendum(
      ctx.db,
      { handoverId: id, userId: ctx.session?.userId ?? null, author: userName(ctx), text },
      ctx.now,
    );
    return { action: 'create', after: { addendum: text } };
  });

/* ---------- the log and the board ---------- */

export const handoverList: Handler<'handover.list'> = async (ctx, input) => {
  let query = selectHandovers(ctx.db);
  if (input.from) query = query.where('h.work_date', '>=', input.from);
  if (input.to) query = query.where('h.work_date', '<=', input.to);
  if (input.shiftTypeId) query = query.where('h.shift_type_id', '=', input.shiftTypeId);
  if (input.teamId) query = query.where('h.team_id', '=', input.teamId);
  if (input.state) query = query.where('h.state', '=', input.state);
  if (input.userId) {
    const user = input.userId;
    query = query.where((eb) =>
      eb.or([eb('h.outgoing_user_id', '=', user), eb('h.incoming_user_id', '=', user)]),
    );
  }
  if (input.hasOpenItems !== undefined) {
    const open = sql<boolean>`exists (select 1 from handover_item_links l
      join handover_items i on i.id = l.item_id
      where l.handover_id = h.id and i.status <> 'resolved')`;
    query = query.where(input.hasOpenItems ? open : sql<boolean>`not ${open}`);
  }
  if (input.search) {
    const matching = matchingHandovers(input.search);
    // Punctuation alone matches nothing, rather than everything.
    if (!matching) return { rows: [], total: 0 };
    query = query.where('h.id', 'in', matching);
  }
  const { total } = await ctx.db
    .selectFrom(query.as('q'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const page = await query
    .orderBy('h.work_date', 'desc')
    .orderBy('h.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows: await rowFigures(ctx, page), total: Number(total) };
};

async function openItems(ctx: HandlerContext) {
  const now = localNow(ctx);
  const last = new Map((await lastHandoverOfItems(ctx.db)).map((l) => [l.itemId, l]));
  return (await unresolvedItems(ctx.db)).map((row) => {
    const item = toItem(row, now);
    const ageMinutes = (Date.parse(ctx.now) - Date.parse(item.createdAt)) / 60_000;
    return {
      ...item,
      ageHours: Math.max(0, Math.round((ageMinutes / 60) * 10) / 10),
      lastHandoverId: last.get(item.id)?.handoverId ?? null,
      lastHandoverDate: last.get(item.id)?.date ?? null,
    };
  });
}

export const handoverOpenItems: Handler<'handover.openItems'> = (ctx) => openItems(ctx);

export const handoverExportItems: Handler<'handover.exportItems'> = async (ctx, input) => {
  const items = await openItems(ctx);
  const settings = await readSettings(ctx);
  const content =
    input.format === 'xlsx'
      ? await handoverItemsXlsx(items, settings.categories)
      : handoverItemsCsv(items, settings.categories);
  await ctx.audit({
    action: 'export',
    entity: 'handover_item',
    after: { ...input, items: items.length },
  });
  return {
    fileName: handoverItemsFileName(input.format, localNow(ctx)),
    contentBase64: content.toString('base64'),
  };
};
