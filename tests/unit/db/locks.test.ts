import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { beginImmediate, classifyDatabaseError, openConnection } from '../../../db/sqlite';
import { holdWriteLock } from '../../helpers/processes';

/**
 * Every way SQLite says "another connection holds the lock" is recognised as busy, produced by
 * real SQLite where it can be (two connections on one file), and a write waits for another
 * process's lock without stopping its own process.
 */
const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-locks-'));
  dirs.push(dir);
  return join(dir, 'test.sqlite');
};
const opened: Database.Database[] = [];
const open = (file: string) => {
  const db = openConnection(file);
  opened.push(db);
  return db;
};
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('busy and locked errors', () => {
  it('SQLITE_BUSY: another connection holds the write lock', () => {
    const file = tempFile();
    const [one, two] = [open(file), open(file)];
    one.exec('create table t (x); begin immediate; insert into t values (1)');
    two.pragma('busy_timeout = 0');
    const error = caught(() => two.exec('begin immediate'));
    expect(error).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(classifyDatabaseError(error)).toEqual({ kind: 'busy' });
  });

  it('SQLITE_BUSY_SNAPSHOT: a deferred transaction read, another wrote, then it tried to write', () => {
    const file = tempFile();
    const [one, two] = [open(file), open(file)];
    one.exec('create table t (x)');
    two.exec('begin');
    two.prepare('select count(*) from t').get();
    one.exec('insert into t values (1)');
    const error = caught(() => two.exec('insert into t values (2)'));
    expect(error).toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' });
    expect(classifyDatabaseError(error)).toEqual({ kind: 'busy' });
  });

  it('SQLITE_LOCKED: a table still being read on the same connection cannot be dropped', () => {
    const db = open(tempFile());
    db.exec('create table t (x); insert into t values (1), (2)');
    db.unsafeMode(true); // better-sqlite3 otherwise refuses a statement while one iterates
    const error = caught(() => {
      for (const row of db.prepare('select * from t').iterate()) if (row) db.exec('drop table t');
    });
    expect(error).toMatchObject({ code: 'SQLITE_LOCKED' });
    expect(classifyDatabaseError(error)).toEqual({ kind: 'busy' });
  });

  it.each([
    'SQLITE_BUSY_RECOVERY',
    'SQLITE_BUSY_TIMEOUT',
    'SQLITE_LOCKED_SHAREDCACHE',
    'SQLITE_LOCKED_VTAB',
  ])('%s (extended codes SQLite gives rarely) is busy too', (code) => {
    expect(classifyDatabaseError(new Database.SqliteError('database is locked', code))).toEqual({
      kind: 'busy',
    });
  });

  it('"database is locked" without a code is busy', () => {
    expect(classifyDatabaseError(new Error('database is locked'))).toEqual({ kind: 'busy' });
    expect(classifyDatabaseError(new Error('database table is locked: t'))).toEqual({
      kind: 'busy',
    });
  });

  it('a full disk and a read-only file or disk have their own kinds', () => {
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    expect(classifyDatabaseError(full)).toEqual({ kind: 'diskFull' });
    const nospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    expect(classifyDatabaseError(nospc)).toEqual({ kind: 'diskFull' });
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED'])
      expect(
        classifyDatabaseError(
          new Database.SqliteError('attempt to write a readonly database', code),
        ),
      ).toEqual({ kind: 'readOnly' });
    const erofs = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    expect(classifyDatabaseError(erofs)).toEqual({ kind: 'readOnly' });
  });

  it('a constraint is not busy, and neither is an unrelated error', () => {
    const db = open(tempFile());
    db.exec('create table t (x unique); insert into t values (1)');
    expect(classifyDatabaseError(caught(() => db.exec('insert into t values (1)')))).toEqual({
      kind: 'duplicate',
      column: 'x',
    });
    expect(classifyDatabaseError(new Error('something else'))).toBeUndefined();
  });
});

const holdWriteLockOn = (file: string, ms: number) =>
  holdWriteLock(file, "insert into t values ('other')", ms);

describe('taking the write lock', () => {
  it('waits for another process without stopping this one', async () => {
    const file = tempFile();
    const db = open(file);
    db.exec('create table t (x)');
    const other = holdWriteLockOn(file, 800);
    await other.locked;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    await beginImmediate(db);
    const waited = Date.now() - started;
    clearInterval(timer);
    db.exec("insert into t values ('mine'); commit");
    expect(await other.exited).toBe(0);
    expect(waited).toBeGreaterThan(500);
    // SQLite's own busy handler would have slept the thread: no timer could have fired.
    expect(ticks).toBeGreaterThan(waited / 10 / 4);
    expect(db.prepare('select x from t').pluck().all()).toEqual(['other', 'mine']);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000); // put back after the wait
  });

  it('answers busy once it has waited as long as it may', async () => {
    const file = tempFile();
    const db = open(file);
    db.exec('create table t (x)');
    const other = holdWriteLockOn(file, 2000);
    await other.locked;
    const started = Date.now();
    const error = await beginImmediate(db, 300).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(classifyDatabaseError(error)).toEqual({ kind: 'busy' });
    expect(db.inTransaction).toBe(false);
    expect(await other.exited).toBe(0);
  });
});
