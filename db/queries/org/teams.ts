import { sql, type Kysely } from 'kysely';
import type { Team } from '../../../shared/contract';
import type { DB } from '../../schema';

type TeamFields = Pick<Team, 'name' | 'description' | 'leadStaffId'>;

function selectTeams(db: Kysely<DB>) {
  return (
    db
      .selectFrom('teams as t')
      .leftJoin('staff as lead', 'lead.id', 't.lead_staff_id')
      .select([
        't.id',
        't.name',
        't.description',
        't.lead_staff_id as leadStaffId',
        'lead.name as leadName',
        sql<number>`(select count(*) from staff s where s.team_id = t.id and s.status != 'left')`.as(
          'activeStaff',
        ),
      ])
      // Creation order: 客服一组, 客服二组, 客服三组 as the center set them up, not by character code.
      .orderBy('t.id')
  );
}

export function listTeams(db: Kysely<DB>): Promise<Team[]> {
  return selectTeams(db).execute();
}

export function findTeam(db: Kysely<DB>, id: number): Promise<Team | undefined> {
  return selectTeams(db).where('t.id', '=', id).executeTakeFirst();
}

/** A console with no team and no staff yet: the only kind demo data may go into. */
export async function isOrganizationEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await sql<{
    n: number;
  }>`select (select count(*) from teams) + (select count(*) from staff) as n`.execute(db);
  return Number(row.rows[0]?.n ?? 0) === 0;
}

export async function insertTeam(db: Kysely<DB>, team: TeamFields, at: string): Promise<number> {
  const row = await db
    .insertInto('teams')
    .values({
      name: team.name,
      description: team.description,
      lead_staff_id: team.leadStaffId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTeam(db: Kysely<DB>, id: number, team: TeamFields, at: string) {
  await db
    .updateTable('teams')
    .set({
      name: team.name,
      description: team.description,
      lead_staff_id: team.leadStaffId,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}
