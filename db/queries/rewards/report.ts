import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';

/**
 * The month's approved records summed per person × type × reason, in one grouped query: what the
 * monthly report folds into people, teams and reasons. A record counts in the month of its event
 * (as payroll pays it); a revoked one no longer counts. The team is the person's current one, as
 * in the attendance summary.
 */
export async function monthSums(db: Kysely<DB>, month: string, teamIds: readonly number[] | null) {
  let q = db
    .selectFrom('rewards_records as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .innerJoin('rewards_types as ty', 'ty.id', 'r.type_id')
    .where('r.state', '=', 'approved')
    .where('r.event_date', '>=', `${month}-01`)
    .where('r.event_date', '<=', `${month}-31`);
  if (teamIds)
    q = teamIds.length ? q.where('s.team_id', 'in', [...teamIds]) : q.where(sql<boolean>`0`);
  return q
    .select((eb) => [
      'r.staff_id as staffId',
      's.name as name',
      's.employee_no as employeeNo',
      's.team_id as teamId',
      't.name as teamName',
      'r.type_id as typeId',
      'ty.kind as kind',
      'r.reason_id as reasonId',
      eb.fn.countAll<number>().as('records'),
      eb.fn.sum<number>('r.amount_fen').as('amountFen'),
      sql<number>`sum(max(r.points, 0))`.as('gained'),
      sql<number>`sum(min(r.points, 0))`.as('lost'),
    ])
    .groupBy(['r.staff_id', 'r.type_id', 'r.reason_id'])
    .orderBy('s.team_id')
    .orderBy(sql`natural_key(${sql.ref('s.employee_no')})`)
    .execute();
}
