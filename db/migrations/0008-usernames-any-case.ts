import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

/**
 * Usernames are unique whatever their case, as sign-in promises. A file made before this may
 * already hold a clash ("zhang" and "Zhang"): the migration does not guess which to rename. It
 * records the clash in `settings` (key `accounts.usernameClashes`), where the accounts page reports
 * it, and keeps the newer accounts of a clash out of the index until an administrator resolves it;
 * every other name is unique from here on, and no new clash can be made.
 */
export const usernamesAnyCase: Migration = {
  version: 8,
  name: 'usernames unique in any case',
  async up(db: Kysely<unknown>) {
    const clashes = (
      await sql<{ key: string; ids: string; names: string }>`
        select lower(username) as key, group_concat(id) as ids, group_concat(username, ' / ') as names
        from (select id, username from users order by id)
        group by lower(username) having count(*) > 1`.execute(db)
    ).rows;
    // The oldest account of each clash keeps the name; the later ones stay outside the index.
    const later = clashes.flatMap((c) => c.ids.split(',').slice(1).map(Number));
    const outside = later.length ? sql` where id not in (${sql.raw(later.join(','))})` : sql``;
    await sql`create unique index users_username_any_case on users (lower(username))${outside}`.execute(
      db,
    );
    if (clashes.length)
      await sql`insert into settings (key, value, updated_at) values
        ('accounts.usernameClashes', ${JSON.stringify(clashes.map((c) => c.names))}, ${new Date().toISOString()})`.execute(
        db,
      );
  },
};
