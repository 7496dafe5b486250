/**
 * Everything only SQLite does, behind named functions: the rest of db/ and the backend speak
 * Kysely (portable SQL) and call these for the rest. Each, and its PostgreSQL counterpart:
 *
 * - openConnection: one file, WAL, synchronous=FULL, foreign_keys, busy_timeout
 *     → a pg Pool from a connection string; durability and FKs are the server's, lock_timeout per session
 * - queryBuilderOver: Kysely's SqliteDialect → Kysely's PostgresDialect
 * - schemaVersionOf, readSchemaVersion, writeSchemaVersion: PRAGMA user_version in the file header
 *     → a one-row schema_version table, written in the migration's own transaction
 * - readTransaction: BEGIN + PRAGMA query_only → BEGIN TRANSACTION READ ONLY
 * - writeTransaction: BEGIN IMMEDIATE (the write lock before the first read; waits busy_timeout)
 *     → BEGIN (READ COMMITTED) with SELECT … FOR UPDATE where a read decides a write
 * - onlineBackup: the online backup API → pg_dump (or the server's base backups and WAL archive)
 * - quickCheck, inspectDatabaseFile: PRAGMA quick_check before opening → none: the server owns
 *     its files; check that it answers and report its schema_version
 * - readFileWith: a read-only connection to another file (a backup) → a connection to a restored
 *     scratch database
 * - checkDatabaseFile: integrity_check, foreign_key_check, user_version of a backup file, in a
 *     worker thread
 *     → pg_restore into a scratch database, then read its schema_version
 * - replaceDatabaseFile: swap the file, drop -wal/-shm → restore into a new database, then point
 *     the pool at it (or rename databases)
 * - createFullTextIndex: an FTS5 table, unicode61 tokenizer keeping symbols (emoji) → a tsvector
 *     column with a GIN index
 * - rebuildFullTextIndex: recreate the table and re-space its text → UPDATE every row's tsvector
 * - replaceIndexedText, ftsText: delete + insert the row, each CJK character (BMP or beyond) and
 *     emoji spaced as a token
 *     → UPDATE … SET body = to_tsvector('simple', text), with the same spacing
 * - indexedTexts: the rows' text, CJK unspaced → SELECT the source text column
 * - matchingRowids, ftsQuery: rowid IN (… MATCH '"投 诉" AND …')
 *     → id IN (… WHERE body @@ phraseto_tsquery('simple', …) AND …)
 * - jsonGroupObject: json_group_object(key, value) → json_object_agg(key, value)
 * - jsonRowsTable: rows as one JSON parameter, json_each → json_to_recordset($1)
 * - appendOnly, lockedWhen: BEFORE triggers that RAISE(ABORT, …) → BEFORE triggers calling a
 *     plpgsql function that RAISEs an EXCEPTION (and REVOKE UPDATE, DELETE from the app's role)
 * - makePrivateDir, makePrivateFile, narrowToOwner: the data folder 0700, the file and its
 *     backups 0600 → none: the server's data directory is the server's (initdb makes it 0700)
 * - firstWriteRefusal: may the folder and the file be written? → connect, then
 *     SELECT pg_is_in_recovery() and the role's privileges
 * - beginImmediate: the write lock, waited for without stopping the process → lock_timeout
 * - classifyDatabaseError: SQLITE_CONSTRAINT_UNIQUE/_PRIMARYKEY (column from the message), other
 *     SQLITE_CONSTRAINT_*, SQLITE_BUSY/LOCKED and their extended codes, SQLITE_FULL, SQLITE_READONLY → SQLSTATE 23505 (column from the constraint), other 23xxx,
 *     55P03 lock_not_available / 40001 serialization_failure, 53100 disk_full, 25006 read_only_sql_transaction
 */
export {
  beginImmediate,
  openConnection,
  queryBuilderOver,
  WRITE_LOCK_WAIT_MS,
  type OpenOptions,
} from './connection';
export { readSchemaVersion, schemaVersionOf, writeSchemaVersion } from './version';
export { readTransaction, writeTransaction } from './transactions';
export {
  checkDatabaseFile,
  inspectDatabaseFile,
  onlineBackup,
  quickCheck,
  readFileWith,
  replaceDatabaseFile,
} from './backup';
export {
  createFullTextIndex,
  ftsQuery,
  ftsText,
  indexedTexts,
  matchingRowids,
  rebuildFullTextIndex,
  replaceIndexedText,
} from './fts';
export { jsonGroupObject, jsonRowsTable } from './json';
export { appendOnly, lockedWhen } from './triggers';
export { classifyDatabaseError, type DatabaseError } from './errors';
export {
  firstWriteRefusal,
  makePrivateDir,
  makePrivateFile,
  narrowToOwner,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  type WriteRefusal,
} from './files';
