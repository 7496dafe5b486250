import { sql, type RawBuilder } from 'kysely';

/** An aggregate of key → value pairs as one JSON object: SQLite's json_group_object. */
export function jsonGroupObject(key: RawBuilder<unknown>, value: RawBuilder<unknown>) {
  return sql<string>`json_group_object(${key}, ${value})`;
}

/**
 * Rows handed over as one JSON parameter and read back as a table, for `INSERT … SELECT`: one
 * short statement for thousands of rows, where a multi-row VALUES list is a long statement to
 * compile for every few hundred. SQLite's json_each (the `where true` lets an upsert follow).
 */
export function jsonRowsTable<C extends string>(
  columns: readonly C[],
  rows: readonly Record<C, string | number | null>[],
) {
  const json = JSON.stringify(rows.map((row) => columns.map((c) => row[c])));
  const fields = columns.map(
    (c, i) => sql`json_extract(value, ${sql.lit(`$[${i}]`)}) as ${sql.ref(c)}`,
  );
  return sql`select ${sql.join(fields)} from json_each(${json}) where true`;
}
