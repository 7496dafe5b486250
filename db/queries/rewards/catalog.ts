import type { Kysely, Selectable } from 'kysely';
import type { RewardReason, RewardType } from '../../../shared/contract';
import type { DB } from '../../schema';
import type { RewardsReasonsTable, RewardsTypesTable } from './tables';

const toType = (r: Selectable<RewardsTypesTable>): RewardType => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  defaultPoints: r.default_points,
  defaultAmountFen: r.default_amount_fen,
  validityMonths: r.validity_months,
  ladderStep: r.ladder_step,
  publishedOn: r.published_on,
  active: r.active === 1,
});

const toReason = (r: Selectable<RewardsReasonsTable>): RewardReason => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  defaultTypeId: r.default_type_id,
  redLine: r.red_line === 1,
  active: r.active === 1,
});

export async function listTypes(db: Kysely<DB>): Promise<RewardType[]> {
  return (await db.selectFrom('rewards_types').selectAll().orderBy('id').execute()).map(toType);
}

export async function listReasons(db: Kysely<DB>): Promise<RewardReason[]> {
  return (await db.selectFrom('rewards_reasons').selectAll().orderBy('id').execute()).map(toReason);
}

export async function findType(db: Kysely<DB>, id: number) {
  const row = await db
    .selectFrom('rewards_types')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toType(row);
}

export async function findReason(db: Kysely<DB>, by: { id: number } | { code: string }) {
  let q = db.selectFrom('rewards_reasons').selectAll();
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('code', '=', by.code);
  const row = await q.executeTakeFirst();
  return row && toReason(row);
}

type TypeFields = Omit<RewardType, 'id'>;
type ReasonFields = Omit<RewardReason, 'id'>;

const typeRow = (t: TypeFields) => ({
  code: t.code,
  kind: t.kind,
  name_zh: t.nameZh,
  name_en: t.nameEn,
  default_points: t.defaultPoints,
  default_amount_fen: t.defaultAmountFen,
  validity_months: t.validityMonths,
  ladder_step: t.ladderStep,
  published_on: t.publishedOn,
  active: t.active ? 1 : 0,
});

const reasonRow = (r: ReasonFields) => ({
  code: r.code,
  name_zh: r.nameZh,
  name_en: r.nameEn,
  default_type_id: r.defaultTypeId,
  red_line: r.redLine ? 1 : 0,
  active: r.active ? 1 : 0,
});

/** Inserts (id null) or updates a type; its id. */
export async function writeType(db: Kysely<DB>, id: number | null, t: TypeFields, at: string) {
  if (id !== null) {
    await db
      .updateTable('rewards_types')
      .set({ ...typeRow(t), updated_at: at })
      .where('id', '=', id)
      .execute();
    return id;
  }
  const row = await db
    .insertInto('rewards_types')
    .values({ ...typeRow(t), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function writeReason(db: Kysely<DB>, id: number | null, r: ReasonFields, at: string) {
  if (id !== null) {
    await db
      .updateTable('rewards_reasons')
      .set({ ...reasonRow(r), updated_at: at })
      .where('id', '=', id)
      .execute();
    return id;
  }
  const row = await db
    .insertInto('rewards_reasons')
    .values({ ...reasonRow(r), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
