/** What a failed statement means, in terms the backend turns into a user's error. */
export type DatabaseError =
  | { kind: 'duplicate'; column?: string }
  | { kind: 'constraint' }
  /** Another connection holds a lock this one needed: worth trying again in a moment. */
  | { kind: 'busy' }
  /** No room left for the write: the database file or its disk is full. */
  | { kind: 'diskFull' }
  /** The file or its folder refuses writes (permissions, a read-only disk). */
  | { kind: 'readOnly' };

/**
 * Every code SQLite (or the file system under it) uses for "another connection holds the lock":
 * SQLITE_BUSY and its extended codes (_SNAPSHOT: a read transaction's snapshot is stale and it
 * tried to write; _RECOVERY: another connection is recovering the WAL; _TIMEOUT), SQLITE_LOCKED
 * and its extended codes (a conflict inside one connection or shared cache), and the bare
 * message for errors that come without a code.
 */
const BUSY_CODE = /^SQLITE_(BUSY|LOCKED)(_[A-Z]+)?$/;
const BUSY_MESSAGE = /database (table |schema )?is locked/i;

/** SQLITE_FULL ("database or disk is full": the disk, or max_page_count); ENOSPC, EDQUOT from the file system. */
const FULL_CODE = /^(SQLITE_FULL|ENOSPC|EDQUOT)$/;

/** SQLITE_READONLY and its extended codes; EROFS from the file system. */
const READ_ONLY_CODE = /^(SQLITE_READONLY(_[A-Z]+)?|EROFS)$/;

/** Reads better-sqlite3's (and Node's) error codes: a unique key, another constraint, a lock, a full or read-only disk. */
export function classifyDatabaseError(error: unknown): DatabaseError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const column = /failed: \w+\.(\w+)/.exec(error.message)?.[1];
    return column ? { kind: 'duplicate', column } : { kind: 'duplicate' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) return { kind: 'constraint' };
  if (BUSY_CODE.test(code) || BUSY_MESSAGE.test(error.message)) return { kind: 'busy' };
  if (FULL_CODE.test(code) || /database or disk is full/i.test(error.message))
    return { kind: 'diskFull' };
  if (READ_ONLY_CODE.test(code) || /attempt to write a readonly database/i.test(error.message))
    return { kind: 'readOnly' };
  return undefined;
}
