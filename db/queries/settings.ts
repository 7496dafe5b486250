import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** Key-value settings; each setting's meaning and default live with the code that reads it. */
export async function getSetting(db: Kysely<DB>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())
    ?.value;
}

export async function putSetting(db: Kysely<DB>, key: string, value: string, at: string) {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
