import { sql, type Kysely } from 'kysely';
import { LADDER_STEPS, type LadderStep } from '../../../shared/domain/rewards';
import { addDaysTo } from '../../../shared/domain/time';
import type { DB } from '../../schema';

export interface StandingRow {
  staffId: number;
  name: string;
  employeeNo: string;
  teamId: number | null;
  teamName: string | null;
  balance: number;
  /** The active warnings as JSON, gravest first, then the one falling off first. */
  warnings: string;
}

export interface StandingWarning {
  recordId: number;
  typeZh: string;
  typeEn: string;
  step: LadderStep;
  from: string;
  fallsOffOn: string;
}

/** The ladder's order, gravest last, for SQL: `activeWarnings` (shared/domain) sorts by it. */
const rank = sql.join(
  LADDER_STEPS.map((step, i) => sql`when ${sql.lit(step)} then ${sql.lit(i)}`),
  sql` `,
);

/**
 * Everyone's standing on `asOf`, in one query: the balance is the sum of a person's ledger events
 * dated that day or before (`balanceAsOf`), the warnings their approved or revoked records on the
 * ladder that count that day — begun, not yet fallen off, not revoked by then (`activeWarnings`;
 * a revocation counts from its local day, as `rewards.person` reads it). The people are those on
 * the roster that day (hired by then, not left before), in the scope's teams, in roster order.
 */
export async function standingsAsOf(
  db: Kysely<DB>,
  asOf: string,
  scope: { teamId: number | null; teamIds: readonly number[] | null },
): Promise<StandingRow[]> {
  const teams = [
    scope.teamId === null ? sql`1` : sql`s.team_id = ${scope.teamId}`,
    scope.teamIds === null
      ? sql`1`
      : scope.teamIds.length
        ? sql`s.team_id in (${sql.join([...scope.teamIds])})`
        : sql`0`,
  ];
  // Revoked on a later local day: at or after the local midnight that ends asOf (ISO instants,
  // as the backend writes them, compare as strings).
  const revokedFrom = new Date(`${addDaysTo(asOf, 1)}T00:00:00`).toISOString();
  const { rows } = await sql<StandingRow>`
    with balances as (
      select staff_id, sum(points) as balance from rewards_ledger
      where on_date <= ${asOf} group by staff_id),
    warnings as (
      select r.staff_id, json_group_array(json_object('recordId', r.id, 'typeZh', ty.name_zh,
          'typeEn', ty.name_en, 'step', r.ladder_step, 'from', r.event_date,
          'fallsOffOn', r.expires_on)
        order by case r.ladder_step ${rank} end desc, r.expires_on, r.id) as warnings
      from rewards_records r join rewards_types ty on ty.id = r.type_id
      where r.state in ('approved', 'revoked') and r.ladder_step <> 'none'
        and r.expires_on > ${asOf} and r.event_date <= ${asOf}
        and (r.revoked_at is null or r.revoked_at >= ${revokedFrom})
      group by r.staff_id)
    select s.id as "staffId", s.name, s.employee_no as "employeeNo", s.team_id as "teamId",
      t.name as "teamName", coalesce(b.balance, 0) as balance,
      coalesce(w.warnings, '[]') as warnings
    from staff s
    left join teams t on t.id = s.team_id
    left join balances b on b.staff_id = s.id
    left join warnings w on w.staff_id = s.id
    where (s.hire_date is null or s.hire_date <= ${asOf})
      and (s.left_on is null or s.left_on >= ${asOf})
      and ${teams[0]} and ${teams[1]}
    order by s.team_id is null, s.team_id, natural_key(s.employee_no)`.execute(db);
  return rows;
}
