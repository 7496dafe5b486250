import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { checkDatabaseFile, makePrivateDir, onlineBackup } from './sqlite';

/**
 * Backups, one file each, named so the folder reads as a list:
 * console-20261122-083000-daily.sqlite. The copy itself is the database's own (db/sqlite).
 */
export const BACKUP_REASONS = ['daily', 'manual', 'pre-migration', 'safety'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  name: string;
  file: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
}

const NAME = /^console-(\d{8})-(\d{6})(\d{3})?-([a-z-]+)\.sqlite$/;

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
  };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => parseName(dir, name))
    .filter((b): b is BackupInfo => !!b)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Takes one backup into `dir` under a new name. */
export async function backupDatabase(
  source: string,
  dir: string,
  reason: BackupReason,
  now = new Date(),
): Promise<BackupInfo> {
  makePrivateDir(dir);
  const name = `console-${format(now, 'yyyyMMdd-HHmmssSSS')}-${reason}.sqlite`;
  const partial = join(dir, `${name}.partial`);
  await onlineBackup(source, partial);
  // Only a finished copy gets a backup's name: a crash mid-way leaves no half backup in the list.
  renameSync(partial, join(dir, name));
  return parseName(dir, name)!;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  /** Pre-migration and safety copies are kept apart, the newest this many of each. */
  others: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, others: 5 };

/** Keeps the newest backup of each of the last N days and of each of the last M ISO weeks. */
export function rotateBackups(dir: string, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const all = listBackups(dir);
  const keep = new Set<string>();
  const routine = all.filter((b) => b.reason === 'daily' || b.reason === 'manual');
  const newestPer = (key: (b: BackupInfo) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of routine) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  newestPer((b) => format(new Date(b.takenAt), 'yyyy-MM-dd'), policy.daily);
  newestPer(
    (b) => `${getISOWeekYear(new Date(b.takenAt))}-${getISOWeek(new Date(b.takenAt))}`,
    policy.weekly,
  );
  for (const reason of ['pre-migration', 'safety'] as const) {
    all
      .filter((b) => b.reason === reason)
      .slice(0, policy.others)
      .forEach((b) => keep.add(b.name));
  }
  const removed = all.filter((b) => !keep.has(b.name));
  for (const b of removed) rmSync(b.file, { force: true });
  return removed.map((b) => b.name);
}

export interface BackupCheck {
  ok: boolean;
  schemaVersion: number;
  problems: string[];
}

/** What a restore checks first: the file is whole, its references hold, and this console can read it. */
export function checkBackup(file: string): BackupCheck {
  const { schemaVersion, problems } = checkDatabaseFile(file);
  if (schemaVersion > LATEST_SCHEMA_VERSION)
    problems.push(`schema ${schemaVersion} is newer than this console (${LATEST_SCHEMA_VERSION})`);
  return { ok: problems.length === 0, schemaVersion, problems };
}
