import { sql, type Kysely, type Selectable } from 'kysely';
import type { Role, User } from '../../../shared/contract';
import type { DB } from '../../schema';
import type { UsersTable } from './tables';

const PUBLIC_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'staff_id',
  'active',
  'locked_until',
] as const;

const toUser = (
  row: Pick<Selectable<UsersTable>, (typeof PUBLIC_COLUMNS)[number]>,
  teamIds: number[],
  staff: { name: string; employeeNo: string } | undefined,
): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  staffId: row.staff_id,
  active: row.active === 1,
  lockedUntil: row.locked_until,
  teamIds,
  staff: staff ?? null,
});

/** The teams each user leads (supervisors' team scope), by user id. */
export async function teamsOfUsers(db: Kysely<DB>, userIds: number[]) {
  const byUser = new Map<number, number[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_teams')
    .select(['user_id', 'team_id'])
    .where('user_id', 'in', userIds)
    .orderBy('team_id')
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(row.team_id);
  return byUser;
}

/** Sets the teams a user leads: exactly these, the rest removed. */
export async function setUserTeams(db: Kysely<DB>, userId: number, teamIds: readonly number[]) {
  await db.deleteFrom('user_teams').where('user_id', '=', userId).execute();
  if (teamIds.length)
    await db
      .insertInto('user_teams')
      .values(teamIds.map((team_id) => ({ user_id: userId, team_id })))
      .execute();
}

async function withTeams(
  db: Kysely<DB>,
  rows: Pick<Selectable<UsersTable>, (typeof PUBLIC_COLUMNS)[number]>[],
): Promise<User[]> {
  const teams = await teamsOfUsers(
    db,
    rows.map((r) => r.id),
  );
  const staffIds = rows.flatMap((r) => (r.staff_id === null ? [] : [r.staff_id]));
  const people = staffIds.length
    ? await db
        .selectFrom('staff')
        .select(['id', 'name', 'employee_no as employeeNo'])
        .where('id', 'in', staffIds)
        .execute()
    : [];
  const byId = new Map(people.map(({ id, ...p }) => [id, p]));
  return rows.map((row) =>
    toUser(
      row,
      teams.get(row.id) ?? [],
      row.staff_id === null ? undefined : byId.get(row.staff_id),
    ),
  );
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(db: Kysely<DB>): Promise<User[]> {
  return withTeams(db, await db.selectFrom('users').select(PUBLIC_COLUMNS).orderBy('id').execute());
}

export async function findUser(db: Kysely<DB>, id: number): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (await withTeams(db, [row]))[0];
}

/** Active users of one role, by name: e.g. the supervisors who can take over a shift. */
export function activeUsersWithRole(db: Kysely<DB>, role: Role) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'role'])
    .where('role', '=', role)
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
}

/** With the secret columns: for sign-in only. Usernames match case-insensitively. */
export async function findCredentials(db: Kysely<DB>, username: string) {
  const row = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'password_hash', 'failed_attempts'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    // Two accounts from before names were unique in any case: the one typed exactly is meant.
    .orderBy(sql`username = ${username}`, 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return (
    row && {
      user: (await withTeams(db, [row]))[0]!,
      passwordHash: row.password_hash,
      failedAttempts: row.failed_attempts,
    }
  );
}

export async function passwordHashOf(db: Kysely<DB>, id: number): Promise<string | undefined> {
  return (
    await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst()
  )?.password_hash;
}

export async function insertUser(
  db: Kysely<DB>,
  u: {
    username: string;
    displayName: string;
    role: Role;
    staffId: number | null;
    passwordHash: string;
  },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      staff_id: u.staffId,
      active: 1,
      password_hash: u.passwordHash,
      failed_attempts: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Kysely<DB>,
  id: number,
  fields: Partial<{
    displayName: string;
    role: Role;
    staffId: number | null;
    active: boolean;
    passwordHash: string;
    failedAttempts: number;
    lockedUntil: string | null;
  }>,
  at: string,
) {
  await db
    .updateTable('users')
    .set({
      ...(fields.displayName !== undefined && { display_name: fields.displayName }),
      ...(fields.role !== undefined && { role: fields.role }),
      ...(fields.staffId !== undefined && { staff_id: fields.staffId }),
      ...(fields.active !== undefined && { active: fields.active ? 1 : 0 }),
      ...(fields.passwordHash !== undefined && { password_hash: fields.passwordHash }),
      ...(fields.failedAttempts !== undefined && { failed_attempts: fields.failedAttempts }),
      ...(fields.lockedUntil !== undefined && { locked_until: fields.lockedUntil }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** The account already named `username` in any case: names are unique whatever their case. */
export async function usernameTaken(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

/** Usernames the same but for case, from before they had to differ (migration 8). */
export async function usernameClashes(db: Kysely<DB>): Promise<string[][]> {
  const rows = await sql<{ names: string }>`
    select group_concat(username, char(31)) as names
    from (select username from users order by id)
    group by lower(username) having count(*) > 1`.execute(db);
  return rows.rows.map((r) => r.names.split('\u001f'));
}
