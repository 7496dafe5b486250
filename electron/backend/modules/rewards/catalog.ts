import {
  failure,
  type ParsedInput,
  type RewardReason,
  type RewardType,
} from '../../../../shared/contract';
import {
  findReason,
  findType,
  listReasons,
  listTypes,
  writeReason,
  writeType,
} from '../../../../db/queries/rewards/catalog';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';

export async function readCatalog(ctx: HandlerContext) {
  return { types: await listTypes(ctx.db), reasons: await listReasons(ctx.db) };
}

/** Saves a type (new when the input has no id); what it was and is, for the audit. */
export async function saveType(
  ctx: HandlerContext,
  input: ParsedInput<'rewards.catalog.saveType'>,
) {
  const { id, defaultAmount, ...fields } = input;
  const before = id === null ? null : await findType(ctx.db, id);
  if (id !== null && !before) throw failure('not_found', 'no such type');
  const saved = await writeType(
    ctx.db,
    id,
    { ...fields, defaultAmountFen: defaultAmount },
    ctx.now,
  );
  return { before, after: (await findType(ctx.db, saved)) as RewardType };
}

export async function saveReason(
  ctx: HandlerContext,
  input: ParsedInput<'rewards.catalog.saveReason'>,
) {
  const { id, ...fields } = input;
  const before = id === null ? null : await findReason(ctx.db, { id });
  if (id !== null && !before) throw failure('not_found', 'no such reason');
  if (!(await findType(ctx.db, fields.defaultTypeId)))
    throw fieldFailure('defaultTypeId', 'errors.rewards.unknownType');
  const saved = await writeReason(ctx.db, id, fields, ctx.now);
  return { before, after: (await findReason(ctx.db, { id: saved })) as RewardReason };
}
