import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../schema';

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

/**
 * A JSON setting read through its schema. Missing, unreadable or of an older shape, it is the
 * default: a bad settings row must never stop the console.
 */
export async function getJsonSetting<S extends z.ZodType>(
  db: Kysely<DB>,
  key: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  const stored = await getSetting(db, key);
  if (!stored) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
