import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../db/store';
import { DataLayer } from '../../db/data-layer';
import { startBackend } from '../../electron/backend/core/startup';
import { startHost } from '../../electron/host/server';
import { expect, screenshot, test } from './fixtures';

test('an administrator backs up, changes something, and restores the backup', async ({
  page,
  store,
  open,
}) => {
  await store.ok('org.teams.create', { name: '客服一组' });
  await open('#/backups');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/已备份：console-/)).toBeVisible();
  await store.ok('org.teams.create', { name: '备份之后建的组' });

  const row = page.getByRole('row').filter({ hasText: '手动' }).first();
  await row.getByRole('button', { name: '恢复' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复' }).click();
  await expect(
    page.getByText(/已恢复。恢复前的数据已保存为 console-.*-safety\.sqlite/),
  ).toBeVisible();
  expect((await store.ok('org.teams.list', {})).map((t) => t.name)).toEqual(['客服一组']);
  await expect(page.getByRole('row').filter({ hasText: '恢复前安全副本' })).toHaveCount(1);
  await screenshot(page, 'backups-zh-CN');
});

test('a damaged database opens on the recovery screen and comes back from the newest good backup', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-damaged-'));
  const layer = await DataLayer.open(dataDir);
  layer.store.sqlite
    .prepare("insert into teams (name, created_at, updated_at) values ('客服一组', 'x', 'x')")
    .run();
  await layer.backup('manual');
  await layer.close();
  writeFileSync(
    join(dataDir, DATABASE_FILE_NAME),
    Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(12288, 0xab)]),
  );

  const slot = await startBackend({ version: 'test', dataDir });
  const host = await startHost({
    backend: () => slot.backend,
    staticDir: join(process.cwd(), 'out', 'renderer'),
  });
  try {
    await page.goto(host.launchUrl);
    await expect(page.getByText('数据库文件已损坏')).toBeVisible();
    await screenshot(page, 'recovery-zh-CN');
    await page.getByRole('button', { name: '恢复最新的备份' }).click();
    // Restored: the console is itself again (this backup predates any account, so it asks for one).
    await expect(page.getByText('创建第一个管理员')).toBeVisible();
    expect(slot.data?.store.sqlite.prepare('select name from teams').pluck().all()).toEqual([
      '客服一组',
    ]);
  } finally {
    await host.close();
    await slot.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
