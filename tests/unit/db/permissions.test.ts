import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataLayer } from '../../../db/data-layer';
import { DATABASE_FILE_NAME } from '../../../db/store';

/** The data folder is its user's alone: the folder 0700, the database, its files and backups 0600. */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const modeOf = (path: string) => statSync(path).mode & 0o777;
const parent = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-perm-'));
  dirs.push(dir);
  return dir;
};

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates the folder 0700, and the database, its -wal/-shm and every backup 0600', async () => {
    const dataDir = join(parent(), 'supervisor-console');
    const layer = await DataLayer.open(dataDir);
    // An administrator, so backups are taken and may be restored (a console without one is not).
    layer.store.sqlite
      .prepare(
        "insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('admin', 'admin', 'admin', 'x', 'x', 'x')",
      )
      .run();
    await layer.dailyBackupIfDue();
    const manual = await layer.backup('manual');
    expect(modeOf(dataDir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm'])
      expect(modeOf(join(dataDir, `${DATABASE_FILE_NAME}${suffix}`)), suffix || 'file').toBe(0o600);
    expect(modeOf(layer.backupDir)).toBe(0o700);
    const backups = readdirSync(layer.backupDir);
    expect(backups).toContain(manual.name);
    for (const name of backups) expect(modeOf(join(layer.backupDir, name)), name).toBe(0o600);

    const { safetyCopy } = await layer.restore(manual.name);
    expect(modeOf(safetyCopy.file)).toBe(0o600);
    expect(modeOf(join(dataDir, DATABASE_FILE_NAME))).toBe(0o600);
    await layer.close();
  });

  it('narrows a folder and files an older console left readable by others', async () => {
    const dataDir = join(parent(), 'old');
    const layer = await DataLayer.open(dataDir, { dailyBackup: false });
    await layer.close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE_NAME), 0o644);
    const again = await DataLayer.open(dataDir, { dailyBackup: false });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, DATABASE_FILE_NAME))).toBe(0o600);
    await again.close();
  });
});
