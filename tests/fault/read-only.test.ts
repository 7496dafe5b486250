import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataLayer } from '../../db/data-layer';
import { DATABASE_FILE_NAME } from '../../db/store';
import type { Result } from '../../shared/contract';
import { killStarted, startNode, startScript, type Started } from '../helpers/processes';
import { allowWrites, DESK_USER, giveToDeskUser, refuseWrites } from '../helpers/read-only';

/**
 * A data folder that refuses writes (see tests/helpers/read-only.ts for how: chmod, and the
 * backend in a process of an ordinary user, so the kernel really refuses): the console says what
 * is wrong with the folder and where, lists the backups there, writes nothing, and never calls
 * the file damaged. Given its permissions back, it opens on "check again".
 */
let parent: string;
let dataDir: string;
let backend: Started;

async function call(channel: string, input: unknown = {}): Promise<Result<unknown>> {
  const [, url, token] = (await backend.line(/^listening /)).split(' ') as string[];
  const response = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<unknown>;
}

const startAsDeskUser = () =>
  startScript(join('tests', 'fault', 'host-process.ts'), [dataDir], DESK_USER);

const digest = (dir: string) =>
  createHash('sha256')
    .update(
      readdirSync(dir, { recursive: true })
        .map(String)
        .sort()
        .map((name) => {
          try {
            return `${name}:${createHash('sha256')
              .update(readFileSync(join(dir, name)))
              .digest('hex')}`;
          } catch {
            return `${name}/`;
          }
        })
        .join('\n'),
    )
    .digest('hex');

beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), 'console-ro-'));
  dataDir = join(parent, 'data');
  mkdirSync(dataDir);
  const layer = await DataLayer.open(dataDir);
  layer.store.sqlite
    .prepare("insert into teams (name, created_at, updated_at) values ('客服一组', 'x', 'x')")
    .run();
  await layer.backup('manual');
  await layer.close();
  giveToDeskUser(dataDir, [parent]);
});
afterEach(async () => {
  await killStarted();
  allowWrites(dataDir);
  rmSync(parent, { recursive: true, force: true });
});
afterAll(() => killStarted());

describe('a data folder that refuses writes', () => {
  it('really refuses: a process of the desk user cannot create a file in it', async () => {
    refuseWrites(dataDir);
    const probe = startNode(
      ['-e', `require('fs').writeFileSync(${JSON.stringify(join(dataDir, 'x'))}, 'x')`],
      DESK_USER,
    );
    expect((await probe.exited).code).not.toBe(0);
  });

  it('answers with the folder and the permission problem, lists its backups, writes nothing', async () => {
    // The backup files themselves; each has its manifest beside it.
    const backups = readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.sqlite'));
    refuseWrites(dataDir, join(dataDir, 'backups'));
    const before = digest(dataDir);
    backend = startAsDeskUser();

    expect(await call('accounts.status')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'read_only',
        key: 'errors.read_only',
        params: { folder: dataDir },
      }),
    });
    const status = await call('backups.folder.status');
    expect(status).toMatchObject({
      ok: true,
      value: { problem: 'read_only', folder: dataDir, path: dataDir, reason: 'EACCES' },
    });
    const listed = (status as { value: { backups: { name: string }[]; backupsReadable: boolean } })
      .value;
    expect(listed.backupsReadable).toBe(true);
    expect(listed.backups.map((b) => b.name).sort()).toEqual(backups.sort());
    // Every other call says the same, a write included; nothing says "damaged" or "internal".
    for (const channel of ['org.teams.create', 'backups.recovery.status', 'accounts.signIn'])
      expect(await call(channel, { name: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'read_only' },
      });
    expect(digest(dataDir)).toBe(before);
    // The real cause is in the log.
    await backend.kill();
    expect(backend.stderr()).toMatch(/refuses writes \(EACCES: .*data\)/);
  }, 60_000);

  it('names the database file when only the file is read-only', async () => {
    refuseWrites(join(dataDir, DATABASE_FILE_NAME));
    backend = startAsDeskUser();
    expect(await call('backups.folder.status')).toMatchObject({
      ok: true,
      value: {
        problem: 'read_only',
        path: join(dataDir, DATABASE_FILE_NAME),
        reason: 'EACCES',
      },
    });
  }, 60_000);

  it('opens normally on "check again" once the folder can be written', async () => {
    refuseWrites(dataDir);
    backend = startAsDeskUser();
    expect(await call('accounts.status')).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    allowWrites(dataDir);
    expect(await call('backups.folder.status')).toMatchObject({
      ok: true,
      value: { problem: null },
    });
    expect(await call('accounts.status')).toMatchObject({ ok: true, value: { needsSetup: true } });
  }, 60_000);
});
