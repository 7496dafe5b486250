import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileAuditKey, type AuditKey, type AuditKeySource } from './audit-key';
import { readHeadFile, writeHeadFile } from './audit-head';
import {
  backupDatabase,
  checkBackup,
  DEFAULT_ROTATION,
  folderReachable,
  inspectBackupContents,
  listBackups,
  newestBackupAnchor,
  readBackupSettings,
  rotateBackups,
  writeBackupSettings,
  type BackupFolders,
  type BackupInfo,
  type BackupReason,
  type RotationPolicy,
} from './backups';
import { migrations } from './migrations';
import { countUsers } from './queries/accounts/users';
import {
  hasKeyedEntries,
  readAuditHead,
  verifyAuditChain,
  type Anchor,
  type AuditHead,
  type ChainReport,
} from './queries/audit/trail';
import type { DB } from './schema';
import {
  classifyDatabaseError,
  firstWriteRefusal,
  inspectDatabaseFile,
  readTransaction,
  replaceDatabaseFile,
  type WriteRefusal,
} from './sqlite';
import {
  DATABASE_FILE_NAME,
  openStore,
  type OpenOptions,
  type Store,
  type StoreOptions,
} from './store';
import type { Kysely } from 'kysely';

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

/**
 * A backup with no active administrator: restored, the console would ask whoever is at the desk
 * to create one. Never a restore or recovery target.
 */
export class BackupWithoutAdminError extends BackupRejectedError {
  constructor(name: string) {
    super([`${name} has no active administrator account`]);
  }
}

export interface DataLayerOptions extends StoreOptions {
  rotation?: RotationPolicy;
  /** Where problems that do not stop the console are told (a daily backup the full disk refused). */
  log?: (message: string, error: unknown) => void;
  /** Take a daily backup on open when the newest is older than a day (off in tests that count backups). */
  dailyBackup?: boolean;
  /** Where the audit key is kept: a file in the data folder unless the shell keeps it (Electron: the OS). */
  auditKey?: AuditKeySource;
}

const DAY_MS = 86_400_000;

/**
 * The database file, its backups, the audit key and the anchors of its chain, and the one open
 * store: opening runs the checks and automatic backups, and a restore swaps the store underneath
 * the backend without a restart.
 */
export class DataLayer {
  private constructor(
    public store: Store,
    readonly dataDir: string,
    readonly file: string,
    readonly backupDir: string,
    readonly auditKey: AuditKey,
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
    // Next: every backup's manifest, the pre-migration one too, is signed with it.
    const auditKey = (options.auditKey ?? fileAuditKey)(dataDir);
    if (existsSync(file)) {
      let version: number;
      try {
        const { schemaVersion, check } = inspectDatabaseFile(file, options);
        if (check !== 'ok') throw new DatabaseDamagedError(check);
        version = schemaVersion;
      } catch (error) {
        if (error instanceof DatabaseDamagedError) throw error;
        throw new DatabaseDamagedError(error instanceof Error ? error.message : String(error));
      }
      // A migration rewrites the schema: keep the file as it was, first.
      if (version > 0 && version < (options.migrations ?? migrations).length)
        await backupDatabase(file, foldersOf(dataDir), 'pre-migration', auditKey, options);
    }
    const store = await openStore(file, options);
    const layer = new DataLayer(store, dataDir, file, backupDir, auditKey, options);
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

  /** Takes a backup (copied to the second folder, if set), then thins both folders. */
  async backup(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    const folders = foldersOf(this.dataDir);
    const info = await backupDatabase(this.file, folders, reason, this.auditKey, this.options);
    const policy = this.options.rotation ?? DEFAULT_ROTATION;
    await rotateBackups(this.backupDir, policy, this.options);
    if (info.manifest?.mirror?.ok) await rotateBackups(folders.mirror!, policy, this.options);
    return info;
  }

  /** A console without accounts is not backed up: such a backup would be a way to become admin. */
  async dailyBackupIfDue(now = Date.now()): Promise<BackupInfo | undefined> {
    if ((await countUsers(this.db)) === 0) return undefined;
    const newest = this.list().find((b) => b.reason === 'daily' || b.reason === 'manual');
    if (newest && now - new Date(newest.takenAt).getTime() < DAY_MS) return undefined;
    return this.backup('daily');
  }

  /**
   * Checks the backup, keeps the current database as a safety copy, then puts the backup in its
   * place and reopens (migrating it if it is older). On any refusal nothing has changed. Answers
   * the replaced trail's head too, for the restore's audit entry to carry into the restored file.
   */
  async restore(name: string): Promise<{
    restored: BackupInfo;
    safetyCopy: BackupInfo;
    previousHead: AuditHead | null;
  }> {
    const restored = this.list().find((b) => b.name === name);
    if (!restored) throw new BackupRejectedError([`no backup named ${name}`]);
    await checkRestorable(restored, this.options);
    const safetyCopy = await backupDatabase(
      this.file,
      foldersOf(this.dataDir),
      'safety',
      this.auditKey,
      this.options,
    );
    await this.store.close();
    replaceDatabaseFile(this.file, restored.file);
    this.store = await openStore(this.file, this.options);
    return { restored, safetyCopy, previousHead: safetyCopy.manifest?.auditHead ?? null };
  }

  /** The second backup folder, and whether it is there right now (a USB drive may be unplugged). */
  async mirror(): Promise<{ mirrorDir: string | null; reachable: boolean | null }> {
    const { mirrorDir } = readBackupSettings(this.dataDir);
    return { mirrorDir, reachable: mirrorDir ? await folderReachable(mirrorDir) : null };
  }

  /** Sets or clears the second folder (the caller has checked it: see mirrorFolderProblem). */
  setMirror(mirrorDir: string | null) {
    writeBackupSettings(this.dataDir, { mirrorDir });
  }

  private headWrites: Promise<void> = Promise.resolve();
  private nextHeadWrite: Promise<void> | null = null;

  /**
   * Rewrites the head file beside the database: call after a commit that appended audit entries.
   * One write at a time; callers arriving while one runs share the next, which reads the trail
   * after all their commits (so parallel actions cost one flush to disk, not one each).
   */
  anchorAuditHead(): Promise<void> {
    if (!this.nextHeadWrite) {
      const write = this.headWrites.then(async () => {
        this.nextHeadWrite = null;
        const previous = readHeadFile(this.dataDir, this.auditKey).head;
        const head = await readTransaction(this.db, (db) => readAuditHead(db, previous));
        if (head) writeHeadFile(this.dataDir, this.auditKey, head, new Date().toISOString());
      });
      this.nextHeadWrite = write;
      this.headWrites = write.catch(() => {});
    }
    return this.nextHeadWrite;
  }

  /** The chain's heads anchored outside the database: the head file, the newest backup in each folder. */
  async auditAnchors(db: Kysely<DB> = this.db): Promise<Anchor[]> {
    let head = readHeadFile(this.dataDir, this.auditKey);
    // No head file, though keyed entries were written (each rewrote it): someone removed it.
    if (head.problem === 'none' && (await hasKeyedEntries(db)))
      head = { ...head, problem: 'missing' };
    const anchors = [head];
    const { mirrorDir, reachable } = await this.mirror();
    const folders: [string, Anchor['source']][] = [[this.backupDir, 'backup']];
    if (mirrorDir && reachable) folders.push([mirrorDir, 'mirror']);
    for (const [dir, source] of folders) {
      const anchor = await newestBackupAnchor(dir, this.auditKey, source, this.options);
      if (anchor) anchors.push(anchor);
    }
    return anchors;
  }

  /** Verifies the chain with the key, and that it extends every anchored head. */
  async verifyAudit(db: Kysely<DB> = this.db): Promise<ChainReport> {
    return verifyAuditChain(db, this.auditKey, await this.auditAnchors(db));
  }

  close() {
    return this.store.close();
  }
}

function foldersOf(dataDir: string): BackupFolders {
  return { primary: join(dataDir, 'backups'), mirror: readBackupSettings(dataDir).mirrorDir };
}

/** The checks before any restore: sound, readable by this console, and with an administrator. */
async function checkRestorable(backup: BackupInfo, options: OpenOptions): Promise<number> {
  const check = await checkBackup(backup.file, options);
  if (!check.ok) throw new BackupRejectedError(check.problems);
  if ((await inspectBackupContents(backup.file, options)).admins === 0)
    throw new BackupWithoutAdminError(backup.name);
  return check.schemaVersion;
}

/**
 * For a damaged file: the backups that pass the restore checks and have an administrator, newest
 * first; from the second folder too, where its copy is sound and the data folder's is not (or gone).
 */
export async function recoveryTargets(
  dataDir: string,
  options: OpenOptions = {},
): Promise<(BackupInfo & { schemaVersion: number })[]> {
  const { primary, mirror } = foldersOf(dataDir);
  const targets = new Map<string, BackupInfo & { schemaVersion: number }>();
  for (const dir of mirror ? [primary, mirror] : [primary]) {
    for (const backup of listBackups(dir)) {
      if (targets.has(backup.name)) continue;
      try {
        const schemaVersion = await checkRestorable(backup, options);
        targets.set(backup.name, { ...backup, schemaVersion });
      } catch {
        // not a target: damaged, from a newer console, or without an administrator
      }
    }
  }
  return [...targets.values()].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** The recovery target of that name, checked again now; the reason it is refused otherwise. */
export async function findRecoveryTarget(
  dataDir: string,
  name: string,
  options: OpenOptions = {},
): Promise<BackupInfo> {
  const target = (await recoveryTargets(dataDir, options)).find((b) => b.name === name);
  if (target) return target;
  const { primary, mirror } = foldersOf(dataDir);
  const found = [primary, ...(mirror ? [mirror] : [])]
    .flatMap((dir) => listBackups(dir))
    .find((b) => b.name === name);
  if (!found) throw new BackupRejectedError([`no backup named ${name}`]);
  await checkRestorable(found, options); // throws the reason
  throw new BackupRejectedError([`${name} cannot be restored`]);
}

/**
 * Restores a checked recovery target into a data folder whose database cannot be opened: the
 * damaged file is kept aside. Answers the damaged file's new name.
 */
export function restoreOverDamaged(dataDir: string, backup: BackupInfo): string | null {
  const file = join(dataDir, DATABASE_FILE_NAME);
  let damagedFile: string | null = null;
  if (existsSync(file)) {
    damagedFile = `${DATABASE_FILE_NAME}.damaged-${Date.now()}`;
    replaceDatabaseFile(join(dataDir, damagedFile), file);
  }
  replaceDatabaseFile(file, backup.file);
  return damagedFile;
}
