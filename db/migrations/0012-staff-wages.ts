import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

/**
 * A person's monthly base wage, kept by HR for the deduction guard (《工资支付暂行规定》第十六条:
 * deductions in a month at most 20% of the wage). Its own table, not a staff column, so that no
 * roster read or export can carry it: only the wage channels, which only HR may call, read it.
 */
export const staffWages: Migration = {
  version: 12,
  name: 'staff wages',
  async up(db: Kysely<unknown>) {
    await sql`
      create table staff_wages (
        staff_id integer primary key references staff(id),
        base_wage_fen integer not null check (base_wage_fen > 0 and base_wage_fen <= 1000000000),
        updated_at text not null,
        updated_by text not null
      )`.execute(db);
  },
};
