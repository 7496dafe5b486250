import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
  await t.backend.call(
    'accounts.setup',
    { username: 'admin', displayName: '管理员', password: 'correct horse battery' },
    null,
  );
});
afterEach(() => t.close());

const backupFile = (name: string) => join(t.dir, 'backups', name);
const readAll = <T>(name: string, sql: string) => {
  const db = new Database(backupFile(name), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

describe('a restore keeps history', () => {
  it('restored to an old backup six times, every newer audit row stays recoverable', async () => {
    await t.ok('org.teams.create', { name: '原有的组' });
    const old = await t.ok('backups.create', {});
    const written: string[] = [];
    for (let round = 1; round <= 6; round++) {
      for (const n of [1, 2]) {
        const name = `第${round}轮-${n}`;
        await t.ok('org.teams.create', { name });
        written.push(name);
      }
      await t.ok('backups.restore', { name: old.name });
      // Everyday backups keep being taken (and rotate) between the restores.
      await t.ok('backups.create', {});
    }
    const backups = await t.ok('backups.list', {});
    const safety = backups.filter((b) => b.reason === 'safety');
    expect(safety).toHaveLength(6);

    // Every audit row written between the restores is in a kept backup.
    const kept = new Set(
      backups.flatMap((b) =>
        readAll<{ after: string | null }>(
          b.name,
          "select after from audit_log where entity = 'team'",
        ).map((r) => (JSON.parse(r.after ?? '{}') as { name?: string }).name),
      ),
    );
    for (const name of written) expect(kept, name).toContain(name);

    // The live trail carries each earlier trail's head: from the restore entry back, copy by copy.
    const restores = (
      await t.ok('audit.list', { entity: 'backup', page: 1, pageSize: 50 })
    ).rows.filter((r) => r.action === 'restore');
    expect(restores).toHaveLength(1);
    let entry = restores[0]!.after as {
      safetyCopy: string;
      previousHead: { lastId: number; mac: string; count: number };
    };
    const visited: string[] = [];
    for (;;) {
      visited.push(entry.safetyCopy);
      const manifest = JSON.parse(
        readFileSync(`${backupFile(entry.safetyCopy)}.manifest.json`, 'utf8'),
      ) as { auditHead: typeof entry.previousHead };
      expect(manifest.auditHead).toMatchObject(entry.previousHead);
      const earlier = readAll<{ after: string }>(
        entry.safetyCopy,
        "select after from audit_log where action = 'restore' order by id desc limit 1",
      );
      if (earlier.length === 0) break;
      entry = JSON.parse(earlier[0]!.after) as typeof entry;
    }
    expect(new Set(visited)).toEqual(new Set(safety.map((b) => b.name)));
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses to restore a backup without an administrator, which would let anyone set one up', async () => {
    const fresh = await tempStore();
    try {
      await fresh.ok('org.teams.create', { name: '一组' });
      const empty = await fresh.data.backup('manual');
      await fresh.backend.call(
        'accounts.setup',
        { username: 'admin', displayName: '管理员', password: 'correct horse battery' },
        null,
      );
      const before = fresh.digest();
      expect(await fresh.call('backups.restore', { name: empty.name })).toMatchObject({
        ok: false,
        error: { field: 'name', key: 'errors.backupWithoutAdmin' },
      });
      expect(fresh.digest()).toBe(before);
    } finally {
      await fresh.close();
    }
  });
});
