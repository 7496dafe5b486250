import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { format, getISOWeek, getISOWeekYear, startOfDay, subDays } from 'date-fns';
import {
  ASKED_FOR,
  BACKUP_REASONS,
  type BackupReason,
  type MirrorCopyProblem,
  type MirrorFolderProblem,
} from '../shared/domain/backups';
import { signatureMatches, signRecord, type AuditKey } from './audit-key';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { countUsers } from './queries/accounts/users';
import type { AnchorSource } from '../shared/domain/audit';
import { readAuditHead, type Anchor, type AuditHead } from './queries/audit/trail';
import type { DB } from './schema';
import {
  checkDatabaseFile,
  makePrivateDir,
  onlineBackup,
  readFileWith,
  readSchemaVersion,
  type OpenOptions,
} from './sqlite';
import { writeOwnerOnly } from './owner-only';

export { BACKUP_REASONS, type BackupReason };

/**
 * Backups, one file each, named so the folder reads as a list:
 * console-20261122-083000-daily.sqlite, with a signed manifest beside it
 * (console-…sqlite.manifest.json): what it holds, its audit chain head, its copy in the second
 * folder. The copy itself is the database's own (db/sqlite).
 */
export interface MirrorResult {
  ok: boolean;
  problem: MirrorCopyProblem | null;
  /** What the file system said, for the log and the curious. */
  detail: string | null;
  dir: string;
  checkedAt: string;
}

export interface BackupManifest {
  format: 1;
  name: string;
  takenAt: string;
  reason: BackupReason;
  schemaVersion: number;
  bytes: number;
  sha256: string;
  users: number;
  /** Active administrators: a backup without one is never a recovery target. */
  admins: number;
  auditHead: AuditHead | null;
  mirror: MirrorResult | null;
  sig: string;
}

export interface BackupInfo {
  name: string;
  file: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
  /** Null for backups taken before manifests (or a manifest that cannot be read). */
  manifest: BackupManifest | null;
}

/** Where backups go: the folder in the data folder, and the second one the administrator chose. */
export interface BackupFolders {
  primary: string;
  mirror: string | null;
}

const NAME = /^console-(\d{8})-(\d{6})(\d{3})?-([a-z-]+)\.sqlite$/;
const MANIFEST_PURPOSE = 'backup-manifest';
export const manifestFileOf = (file: string) => `${file}.manifest.json`;

function readManifest(file: string): BackupManifest | null {
  try {
    return JSON.parse(readFileSync(manifestFileOf(file), 'utf8')) as BackupManifest;
  } catch {
    return null;
  }
}

function parseName(dir: string, name: string): BackupInfo | undefined {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[4]!)) return undefined;
  const [d, t] = [m[1]!, m[2]!];
  const takenAt = new Date(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +t.slice(0, 2),
    +t.slice(2, 4),
    +t.slice(4, 6),
    +(m[3] ?? 0),
  );
  const file = join(dir, name);
  return {
    name,
    file,
    takenAt: takenAt.toISOString(),
    reason: m[4] as BackupReason,
    bytes: statSync(file).size,
    manifest: readManifest(file),
  };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => parseName(dir, name))
    .filter((b): b is BackupInfo => !!b)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** What a backup file holds that decides what it may be used for. */
export interface BackupContents {
  schemaVersion: number;
  users: number;
  admins: number;
  auditHead: AuditHead | null;
}

/** Reads a backup's accounts and audit head through a read-only connection (an old schema may lack them). */
export async function inspectBackupContents(
  file: string,
  options: OpenOptions = {},
): Promise<BackupContents> {
  return readFileWith<DB, BackupContents>(
    file,
    async (db) => {
      const tables = new Set(
        (await db.introspection.getTables()).map((table) => table.name as string),
      );
      const users = tables.has('users') ? await countUsers(db) : 0;
      const admins = tables.has('users')
        ? Number(
            (
              await db
                .selectFrom('users')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('role', '=', 'admin')
                .where('active', '=', 1)
                .executeTakeFirstOrThrow()
            ).n,
          )
        : 0;
      const auditHead = tables.has('audit_log') ? await readAuditHead(db) : null;
      return {
        schemaVersion: await readSchemaVersion(db as unknown as Kysely<unknown>),
        users,
        admins,
        auditHead,
      };
    },
    options,
  );
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Checks a folder meant for backups: there, a folder, and we can create a file in it. Without
 * blocking: a network share that is down can take long to answer, and other desks keep working.
 */
async function folderProblem(
  dir: string,
): Promise<Exclude<MirrorFolderProblem, 'notAbsolute' | 'insideData'> | null> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat) return 'missing';
  if (!stat.isDirectory()) return 'notFolder';
  const probe = join(dir, `.supervisor-console-probe-${randomBytes(6).toString('hex')}`);
  try {
    await (await fs.open(probe, 'wx')).close();
    await fs.rm(probe, { force: true });
  } catch {
    return 'notWritable';
  }
  return null;
}

/** Whether the folder is there right now (a USB drive may be unplugged), without blocking. */
export const folderReachable = async (dir: string) =>
  !!(await fs.stat(dir).catch(() => undefined))?.isDirectory();

const samePathCase = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);

/**
 * Whether `dir` can be the second backup folder of the data folder: an absolute path to an
 * existing folder we can write to, and not inside the data folder (a copy on the same disk, in
 * the same folder, is no second copy).
 */
export async function mirrorFolderProblem(
  dir: string,
  dataDir: string,
): Promise<MirrorFolderProblem | null> {
  if (!isAbsolute(dir)) return 'notAbsolute';
  const problem = await folderProblem(dir);
  if (problem) return problem;
  const data = samePathCase(await fs.realpath(resolve(dataDir)));
  const inside = relative(data, samePathCase(await fs.realpath(dir)));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return 'insideData';
  return null;
}

/** Copies a finished backup into the second folder and checks the copy: same bytes, a sound database. */
async function copyToMirror(
  file: string,
  name: string,
  dir: string,
  sha256: string,
  options: OpenOptions,
): Promise<MirrorResult> {
  const result = (problem: MirrorCopyProblem | null, detail: string | null = null) => ({
    ok: problem === null,
    problem,
    detail,
    dir,
    checkedAt: new Date().toISOString(),
  });
  const problem = await folderProblem(dir);
  if (problem) return result(problem);
  const target = join(dir, name);
  const partial = `${target}.partial`;
  try {
    await fs.copyFile(file, partial);
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    return result('failed', errorText(error));
  }
  if ((await fileSha256(target)) !== sha256) return result('copyDiffers');
  const { problems } = await checkDatabaseFile(target, options);
  return problems.length ? result('copyDamaged', problems.join('; ')) : result(null);
}

/**
 * Takes one backup under a new name, writes its signed manifest (accounts, audit head), and copies
 * it into the second folder, if one is set, checking the copy there.
 */
export async function backupDatabase(
  source: string,
  folders: BackupFolders,
  reason: BackupReason,
  key: AuditKey,
  options: OpenOptions = {},
  now = new Date(),
): Promise<BackupInfo> {
  const dir = folders.primary;
  makePrivateDir(dir);
  const name = `console-${format(now, 'yyyyMMdd-HHmmssSSS')}-${reason}.sqlite`;
  const file = join(dir, name);
  const partial = `${file}.partial`;
  await onlineBackup(source, partial, options);
  // Only a finished copy gets a backup's name: a crash mid-way leaves no half backup in the list.
  renameSync(partial, file);
  const contents = await inspectBackupContents(file, options);
  const sha256 = await fileSha256(file);
  const mirror = folders.mirror
    ? await copyToMirror(file, name, folders.mirror, sha256, options)
    : null;
  const record: Omit<BackupManifest, 'sig'> = {
    format: 1,
    name,
    takenAt: now.toISOString(),
    reason,
    bytes: statSync(file).size,
    sha256,
    ...contents,
    mirror,
  };
  const text = `${JSON.stringify({ ...record, sig: signRecord(key, MANIFEST_PURPOSE, record) }, null, 2)}\n`;
  writeOwnerOnly(manifestFileOf(file), text);
  if (mirror?.ok) writeOwnerOnly(manifestFileOf(join(folders.mirror!, name)), text);
  return parseName(dir, name)!;
}

/** The audit head a backup holds: its signed manifest's, or (older backups) read from the file. */
async function headOf(
  backup: BackupInfo,
  options: OpenOptions,
): Promise<AuditHead | null | undefined> {
  if (backup.manifest) return backup.manifest.auditHead;
  try {
    return (await inspectBackupContents(backup.file, options)).auditHead;
  } catch {
    return undefined; // not a database this console can read: it protects no trail
  }
}

/**
 * The newest backup in a folder as an anchor of the audit chain: its manifest's head if the
 * signature holds (`forged` if not); for a backup from before manifests, the head read from it.
 */
export async function newestBackupAnchor(
  dir: string,
  key: AuditKey,
  source: AnchorSource,
  options: OpenOptions = {},
): Promise<Anchor | null> {
  const newest = listBackups(dir)[0];
  if (!newest) return null;
  const anchor: Anchor = { source, name: newest.name, at: newest.takenAt, head: null };
  if (newest.manifest) {
    const { sig, ...record } = newest.manifest;
    if (!signatureMatches(key, MANIFEST_PURPOSE, record, sig))
      return { ...anchor, problem: 'forged' };
  }
  const head = await headOf(newest, options);
  return head ? { ...anchor, head } : { ...anchor, problem: 'none' };
}

/** Whether the backup's audit trail holds the entry a head names: then it holds the whole trail up to it. */
async function holdsTrail(
  backup: BackupInfo,
  head: AuditHead,
  options: OpenOptions,
): Promise<boolean> {
  try {
    return await readFileWith<DB, boolean>(
      backup.file,
      async (db) => {
        const row = await db
          .selectFrom('audit_log')
          .select('hash')
          .where('id', '=', head.lastId)
          .executeTakeFirst();
        return row?.hash === head.mac;
      },
      options,
    );
  } catch {
    return false;
  }
}

export interface RotationPolicy {
  /** Daily backups: the newest of each of the last N days… */
  daily: number;
  /** …and of each of the last M ISO weeks. */
  weekly: number;
  /**
   * Backups asked for (manual, before a month close, a restore, a migration): every one of the
   * last `daily` days, and before that the newest this many of each kind.
   */
  others: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, others: 5 };

/**
 * Thins a backup folder. Daily backups: the newest of each of the last N days and M weeks. Backups
 * someone asked for are never thinned by a later one of the same day. And a backup whose audit
 * trail no newer kept backup holds (the trail a restore replaced) is never removed: it is the only
 * copy of those entries.
 */
export async function rotateBackups(
  dir: string,
  policy: RotationPolicy = DEFAULT_ROTATION,
  options: OpenOptions = {},
): Promise<string[]> {
  const all = listBackups(dir);
  if (all.length === 0) return [];
  const keep = new Set<string>();
  const day = (b: BackupInfo) => format(new Date(b.takenAt), 'yyyy-MM-dd');
  const newestPer = (list: BackupInfo[], key: (b: BackupInfo) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of list) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  const daily = all.filter((b) => b.reason === 'daily');
  newestPer(daily, day, policy.daily);
  newestPer(
    daily,
    (b) => `${getISOWeekYear(new Date(b.takenAt))}-${getISOWeek(new Date(b.takenAt))}`,
    policy.weekly,
  );
  const recentFrom = subDays(startOfDay(new Date(all[0]!.takenAt)), policy.daily - 1);
  for (const reason of ASKED_FOR) {
    const asked = all.filter((b) => b.reason === reason);
    asked.filter((b) => new Date(b.takenAt) >= recentFrom).forEach((b) => keep.add(b.name));
    asked.slice(0, policy.others).forEach((b) => keep.add(b.name));
  }
  for (const candidate of all.filter((b) => !keep.has(b.name))) {
    const head = await headOf(candidate, options);
    if (!head) continue;
    let held = false;
    for (const newer of all) {
      if (newer.takenAt <= candidate.takenAt) break; // the list is newest first
      if (keep.has(newer.name) && (await holdsTrail(newer, head, options))) {
        held = true;
        break;
      }
    }
    if (!held) keep.add(candidate.name);
  }
  const removed = all.filter((b) => !keep.has(b.name));
  for (const b of removed) {
    rmSync(b.file, { force: true });
    rmSync(manifestFileOf(b.file), { force: true });
  }
  return removed.map((b) => b.name);
}

export interface BackupCheck {
  ok: boolean;
  schemaVersion: number;
  problems: string[];
}

/** What a restore checks first: the file is whole, its references hold, and this console can read it. */
export async function checkBackup(file: string, options: OpenOptions = {}): Promise<BackupCheck> {
  const { schemaVersion, problems } = await checkDatabaseFile(file, options);
  if (schemaVersion > LATEST_SCHEMA_VERSION)
    problems.push(`schema ${schemaVersion} is newer than this console (${LATEST_SCHEMA_VERSION})`);
  return { ok: problems.length === 0, schemaVersion, problems };
}

/** The second folder's setting lives beside the database, not in it: a restore does not undo it. */
export const BACKUP_SETTINGS_FILE = 'backup-settings.json';

export function readBackupSettings(dataDir: string): { mirrorDir: string | null } {
  try {
    const { mirrorDir } = JSON.parse(readFileSync(join(dataDir, BACKUP_SETTINGS_FILE), 'utf8')) as {
      mirrorDir?: unknown;
    };
    return { mirrorDir: typeof mirrorDir === 'string' && isAbsolute(mirrorDir) ? mirrorDir : null };
  } catch {
    return { mirrorDir: null };
  }
}

export function writeBackupSettings(dataDir: string, settings: { mirrorDir: string | null }) {
  writeOwnerOnly(join(dataDir, BACKUP_SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}
