import type { Kysely } from 'kysely';
import type { Migration } from './index';

/**
 * The teams a supervisor leads: which team data (roll-call, attendance, schedule, handovers) the
 * backend lets them see and write. Managers, HR and admins see every team and have no rows here.
 */
export const userTeams: Migration = {
  version: 7,
  name: 'user teams',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_teams')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
      .addPrimaryKeyConstraint('user_teams_pk', ['user_id', 'team_id'])
      .execute();
    await db.schema.createIndex('user_teams_by_team').on('user_teams').column('team_id').execute();
  },
};
