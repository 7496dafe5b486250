import type { Kysely } from 'kysely';
import type { DB } from '../../schema';

export async function baseWage(db: Kysely<DB>, staffId: number): Promise<number | null> {
  const row = await db
    .selectFrom('staff_wages')
    .select('base_wage_fen')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.base_wage_fen ?? null;
}

export async function setBaseWage(
  db: Kysely<DB>,
  staffId: number,
  fen: number | null,
  by: string,
  at: string,
) {
  if (fen === null) {
    await db.deleteFrom('staff_wages').where('staff_id', '=', staffId).execute();
    return;
  }
  await db
    .insertInto('staff_wages')
    .values({ staff_id: staffId, base_wage_fen: fen, updated_at: at, updated_by: by })
    .onConflict((oc) =>
      oc.column('staff_id').doUpdateSet({ base_wage_fen: fen, updated_at: at, updated_by: by }),
    )
    .execute();
}

/** A person's approved deductions dated in a month, in fen, leaving one record out (the one being decided). */
export async function approvedDeductions(
  db: Kysely<DB>,
  staffId: number,
  month: string,
  exceptRecordId: number,
): Promise<number> {
  const row = await db
    .selectFrom('rewards_records as r')
    .innerJoin('rewards_types as ty', 'ty.id', 'r.type_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('r.amount_fen'), eb.lit(0)).as('fen'))
    .where('r.staff_id', '=', staffId)
    .where('r.state', '=', 'approved')
    .where('ty.kind', '=', 'penalty')
    .where('r.id', '!=', exceptRecordId)
    .where('r.event_date', '>=', `${month}-01`)
    .where('r.event_date', '<=', `${month}-31`)
    .executeTakeFirstOrThrow();
  return Number(row.fen);
}
