import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  backupDatabase,
  checkBackup,
  DEFAULT_ROTATION,
  listBackups,
  rotateBackups,
  type BackupInfo,
  type BackupReason,
  type RotationPolicy,
} from './backups';
import { migrations } from './migrations';
import {
  classifyDatabaseError,
  firstWriteRefusal,
  inspectDatabaseFile,
  replaceDatabaseFile,
  type WriteRefusal,
} from './sqlite';
import { DATABASE_FILE_NAME, openStore, type Store, type StoreOptions } from './store';

/** The file is there but SQLite cannot trust it: the console offers a backup instead of crashing. */
export class DatabaseDamagedError extends Error {
  constructor(readonly detail: string) {
    super(`The database file is damaged: ${detail}`);
  }
}

/**
 * The data folder (or its database, or its backups folder) refuses writes: permissions, a
 * locked-down PC, a read-only disk. Nothing is wrong with the data; the console says so and where.
 */
export class FolderReadOnlyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly refusal: WriteRefusal,
  ) {
    super(`The data folder cannot be written (${refusal.code}): ${refusal.path}`);
  }
}

export class BackupRejectedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The backup cannot be restored: ${problems.join('; ')}`);
  }
}

export interface DataLayerOptions extends StoreOptions {
  rotation?: RotationPolicy;
  /** Where problems that do not stop the console are told (a daily backup the full disk refused). */
  log?: (message: string, error: unknown) => void;
  /** Take a daily backup on open when the newest is older than a day (off in tests that count backups). */
  dailyBackup?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The database file, its backups, and the one open store: opening runs the checks and automatic
 * backups, and a restore swaps the store underneath the backend without a restart.
 */
export class DataLayer {
  private constructor(
    public store: Store,
    readonly file: string,
    readonly backupDir: string,
    private readonly options: DataLayerOptions,
  ) {}

  static async open(dataDir: string, options: DataLayerOptions = {}): Promise<DataLayer> {
    const file = join(dataDir, DATABASE_FILE_NAME);
    const backupDir = join(dataDir, 'backups');
    // Before SQLite opens anything: a file it may not write, it would open read-only and fail
    // later; a folder it may not write, it could not make its -wal and -shm in ("damaged").
    const refusal = firstWriteRefusal(existsSync(backupDir) ? [dataDir, backupDir] : [dataDir], [
      file,
      `${file}-wal`,
      `${file}-shm`,
    ]);
    if (refusal) throw new FolderReadOnlyError(dataDir, refusal);
    if (existsSync(file)) {
      let version: number;
      try {
        const { schemaVersion, check } = inspectDatabaseFile(file);
        if (check !== 'ok') throw new DatabaseDamagedError(check);
        version = schemaVersion;
      } catch (error) {
        if (error instanceof DatabaseDamagedError) throw error;
        throw new DatabaseDamagedError(error instanceof Error ? error.message : String(error));
      }
      // A migration rewrites the schema: keep the file as it was, first.
      if (version > 0 && version < (options.migrations ?? migrations).length)
        await backupDatabase(file, backupDir, 'pre-migration');
    }
    const layer = new DataLayer(await openStore(file, options), file, backupDir, options);
    if (options.dailyBackup !== false) {
      try {
        await layer.dailyBackupIfDue();
      } catch (error) {
        // A full disk must not keep the console from opening: every save will say so instead.
        if (classifyDatabaseError(error)?.kind !== 'diskFull') throw error;
        (options.log ?? console.error)('the daily backup was not taken: the disk is full', error);
      }
    }
    return layer;
  }

  get db() {
    return this.store.db;
  }

  list(): BackupInfo[] {
    return listBackups(this.backupDir);
  }

  async backup(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    const info = await backupDatabase(this.file, this.backupDir, reason);
    rotateBackups(this.backupDir, this.options.rotation ?? DEFAULT_ROTATION);
    return info;
  }

  async dailyBackupIfDue(now = Date.now()): Promise<BackupInfo | undefined> {
    const newest = this.list().find((b) => b.reason === 'daily' || b.reason === 'manual');
    if (newest && now - new Date(newest.takenAt).getTime() < DAY_MS) return undefined;
    return this.backup('daily');
  }

  /**
   * Checks the backup, keeps the current database as a safety copy, then puts the backup in its
   * place and reopens (migrating it if it is older). On any refusal nothing has changed.
   */
  async restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
    const restored = this.list().find((b) => b.name === name);
    if (!restored) throw new BackupRejectedError([`no backup named ${name}`]);
    const check = checkBackup(restored.file);
    if (!check.ok) throw new BackupRejectedError(check.problems);
    const safetyCopy = await backupDatabase(this.file, this.backupDir, 'safety');
    await this.store.close();
    replaceDatabaseFile(this.file, restored.file);
    this.store = await openStore(this.file, this.options);
    return { restored, safetyCopy };
  }

  close() {
    return this.store.close();
  }
}

/** For a damaged file: the backups that pass the restore checks, newest first. */
export function goodBackups(dataDir: string): (BackupInfo & { schemaVersion: number })[] {
  return listBackups(join(dataDir, 'backups')).flatMap((b) => {
    const check = checkBackup(b.file);
    return check.ok ? [{ ...b, schemaVersion: check.schemaVersion }] : [];
  });
}

/** Restores into a data folder whose database cannot be opened: the damaged file is kept aside. */
export function restoreOverDamaged(dataDir: string, name: string): void {
  const backup = listBackups(join(dataDir, 'backups')).find((b) => b.name === name);
  if (!backup) throw new BackupRejectedError([`no backup named ${name}`]);
  const check = checkBackup(backup.file);
  if (!check.ok) throw new BackupRejectedError(check.problems);
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (existsSync(file)) replaceDatabaseFile(`${file}.damaged-${Date.now()}`, file);
  replaceDatabaseFile(file, backup.file);
}
