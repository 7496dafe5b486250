import { sql, type RawBuilder } from 'kysely';

/** An aggregate of key → value pairs as one JSON object: SQLite's json_group_object. */
export function jsonGroupObject(key: RawBuilder<unknown>, value: RawBuilder<unknown>) {
  return sql<string>`json_group_object(${key}, ${value})`;
}
