/** What a failed statement means, in terms the backend turns into a user's error. */
export type DatabaseError =
  { kind: 'duplicate'; column?: string } | { kind: 'constraint' } | { kind: 'busy' };

/** Reads better-sqlite3's error codes: a unique key, another constraint, a lock held too long. */
export function classifyDatabaseError(error: unknown): DatabaseError | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const code = String(error.code);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const column = /failed: \w+\.(\w+)/.exec(error.message)?.[1];
    return column ? { kind: 'duplicate', column } : { kind: 'duplicate' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) return { kind: 'constraint' };
  if (code === 'SQLITE_BUSY') return { kind: 'busy' };
  return undefined;
}
