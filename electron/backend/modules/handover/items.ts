import { failure, type ParsedInput } from '../../../../shared/contract';
import { changedFields } from '../../../../shared/domain/audit';
import { nextState } from '../../../../shared/domain/handover';
import { updateHandover } from '../../../../db/queries/handover/handovers';
import {
  addItemEvent,
  findItem,
  handoversOfItem,
  insertItem,
  lastHandoverOfItems,
  linkItem,
  teamsOfItems,
  unresolvedItems,
  updateItem,
} from '../../../../db/queries/handover/items';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { checkCategory } from './settings';
import { localNow, mustFindHandover, reindex, requireAction, toItem, userName } from './sheets';

/** Writes a new item on a sheet the caller may edit; a submitted sheet goes back to draft. */
export async function addItem(ctx: HandlerContext, input: ParsedInput<'handover.addItem'>) {
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
  return { itemId, fields };
}

/**
 * Edits an unresolved item, from a sheet or from the open-items board; resolving takes a note.
 * Every sheet it is on is reindexed, and a submitted one goes back to draft.
 */
export async function editItem(ctx: HandlerContext, input: ParsedInput<'handover.updateItem'>) {
  const current = await findItem(ctx.db, input.id);
  if (!current) throw failure('not_found', `item ${input.id} not found`, { field: 'id' });
  if (current.status === 'resolved') {
    throw failure('conflict', 'item already resolved', { key: 'errors.itemResolved' });
  }
  const { id, handoverId, ...fields } = input;
  const links = await handoversOfItem(ctx.db, id);
  if (handoverId && !links.some((l) => l.id === handoverId)) {
    throw failure('not_found', 'item not in this handover', { field: 'id' });
  }
  // An edit changes the item on every sheet it is on, wherever it is made from (a sheet or the
  // open-items board): the caller must be allowed to edit each sheet not yet acknowledged.
  for (const link of links) {
    if (link.id === handoverId || link.state !== 'acknowledged') {
      requireAction(ctx, await mustFindHandover(ctx, link.id), 'edit');
    }
  }
  await checkCategory(ctx, fields.category, current.category);
  if (fields.status === 'resolved' && !fields.resolution) {
    throw fieldFailure('resolution', 'errors.resolutionRequired');
  }
  await updateItem(ctx.db, id, fields, ctx.now);
  const { status, resolution, ...rest } = fields;
  const before = { ...current, shifts: undefined };
  const changes = changedFields(
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
      changes,
    },
    ctx.now,
  );
  for (const link of links) {
    // A submitted sheet whose item changed goes back to draft: the incoming lead must see it anew.
    if (link.state === 'submitted') {
      await updateHandover(ctx.db, link.id, { state: nextState('submitted', 'edit') }, ctx.now);
    }
    if (link.state !== 'acknowledged') await reindex(ctx, link.id);
  }
  return { item: toItem((await findItem(ctx.db, id))!, localNow(ctx)), changes };
}

/**
 * The open-items board: every unresolved item (of the caller's teams and the floor), its age, and
 * the last sheet it was on.
 */
export async function openItems(ctx: HandlerContext) {
  const now = localNow(ctx);
  const last = new Map((await lastHandoverOfItems(ctx.db)).map((l) => [l.itemId, l]));
  const unresolved = await unresolvedItems(ctx.db);
  const teams = await teamsOfItems(ctx.db, ctx.teams.all ? [] : unresolved.map((i) => i.id));
  return ctx.teams
    .keep(unresolved, (i) => teams.get(i.id) ?? null, 'floor')
    .map((row) => {
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

/** Carries every unresolved item of the team (or the floor) into a new sheet, with its history. */
export async function carryOpenItems(ctx: HandlerContext, handoverId: number, teamKey?: number) {
  const open = await unresolvedItems(ctx.db, teamKey);
  for (const item of open) {
    await linkItem(ctx.db, handoverId, item.id, true);
    await addItemEvent(
      ctx.db,
      { itemId: item.id, handoverId, user: userName(ctx), action: 'carried', changes: null },
      ctx.now,
    );
  }
  return open.map((i) => i.id);
}
