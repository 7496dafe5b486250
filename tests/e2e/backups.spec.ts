import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DATABASE_FILE_NAME } from '../../db/store';
import { DataLayer } from '../../db/data-layer';
import { createBackend } from '../../electron/backend';
import { startBackend } from '../../electron/backend/core/startup';
import { startHost } from '../../electron/host/server';
import { ADMIN, expect, screenshot, signIn, test } from './fixtures';

// The desks' common screen: what the screenshots are checked at.
test.use({ viewport: { width: 1366, height: 768 } });

const inLanguage = (page: Page, language: string) =>
  page.addInitScript((lang) => localStorage.setItem('supervisor-console.language', lang), language);

test('an administrator sets a second backup folder, backs up, changes something, and restores the backup', async ({
  page,
  store,
  open,
}) => {
  const mirror = mkdtempSync(join(tmpdir(), 'console-usb-'));
  try {
    await store.ok('org.teams.create', { name: '客服一组' });
    await open('#/backups');
    // A folder that is not there is refused, next to the field.
    const folder = page.getByLabel('文件夹', { exact: true });
    await folder.fill(join(mirror, 'not-there'));
    await page.getByRole('button', { name: '设为第二备份文件夹' }).click();
    await expect(page.locator('.ant-form-item-explain-error')).toContainText('这个文件夹不存在');
    await screenshot(page, 'backups-mirror-error-zh-CN');
    await folder.fill(mirror);
    await page.getByRole('button', { name: '设为第二备份文件夹' }).click();
    await expect(page.getByText(`每份备份都会复制到：${mirror}`)).toBeVisible();

    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(/已备份：console-.*；第二份已复制并校验/)).toBeVisible();
    expect(readdirSync(mirror).filter((n) => n.endsWith('-manual.sqlite'))).toHaveLength(1);
    const manual = page.getByRole('row').filter({ hasText: '手动' }).first();
    await expect(manual).toContainText('已复制并校验');
    await store.ok('org.teams.create', { name: '备份之后建的组' });

    await manual.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '恢复' }).click();
    await expect(
      page.getByText(/已恢复。恢复前的数据已保存为 console-.*-safety\.sqlite/),
    ).toBeVisible();
    expect((await store.ok('org.teams.list', {})).map((t) => t.name)).toEqual(['客服一组']);
    await expect(page.getByRole('row').filter({ hasText: '恢复前安全副本' })).toHaveCount(1);
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await screenshot(page, 'backups-zh-CN');
  } finally {
    rmSync(mirror, { recursive: true, force: true });
  }
});

test('the backups page says when the second copy could not be made', async ({
  page,
  store,
  open,
}) => {
  await inLanguage(page, 'en-US');
  const mirror = mkdtempSync(join(tmpdir(), 'console-usb-'));
  await store.ok('backups.setMirror', { dir: mirror });
  await store.ok('backups.create', {});
  // The USB drive is pulled out.
  rmSync(mirror, { recursive: true, force: true });
  await open('#/backups');
  await expect(page.getByText(/cannot be reached now/)).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(
    page.getByText(/; but the second copy failed: The second backup folder is not there/),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Copy failed' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Copied and checked' })).toHaveCount(1);
  await screenshot(page, 'backups-en-US');
});

const RECOVERY = {
  'zh-CN': {
    title: '数据库文件已损坏',
    newest: '恢复最新的备份',
    user: '管理员用户名',
    password: '密码',
    submit: '验证并恢复',
    refused: '用户名或密码不正确，或该账号不是这个备份里的管理员',
    signIn: '登录',
  },
  'en-US': {
    title: 'The database file is damaged',
    newest: 'Restore the newest backup',
    user: "Administrator's username",
    password: 'Password',
    submit: 'Check and restore',
    refused: 'Wrong username or password, or that account is not an administrator in this backup',
    signIn: 'Sign in',
  },
};

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`a damaged database: only an administrator of the chosen backup can restore it (${language})`, async ({
    page,
  }) => {
    const words = RECOVERY[language];
    await inLanguage(page, language);
    const dataDir = mkdtempSync(join(tmpdir(), 'console-damaged-'));
    const layer = await DataLayer.open(dataDir);
    // Taken before any account existed: never offered.
    await layer.backup('manual');
    const backend = createBackend(layer, { version: 'test', dataDir });
    await backend.call('accounts.setup', ADMIN, null);
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
      await expect(page.getByText(words.title)).toBeVisible();
      await expect(page.locator('.ant-list-item')).toHaveCount(1);
      await screenshot(page, `recovery-${language}`);
      await page.getByRole('button', { name: words.newest }).click();
      await page.getByLabel(words.user).fill(ADMIN.username);
      await page.getByLabel(words.password, { exact: true }).fill('not the password');
      await page.getByRole('button', { name: words.submit }).click();
      await expect(page.locator('.ant-form-item-explain-error')).toContainText(words.refused);
      await page.mouse.move(0, 0);
      await screenshot(page, `recovery-check-${language}`);
      expect(slot.data).toBeNull();

      await page.getByLabel(words.password, { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: words.submit }).click();
      // Restored with its accounts: the console asks to sign in, never to create an administrator.
      await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();
      await signIn(page, ADMIN.username, ADMIN.password);
      expect(slot.data?.store.sqlite.prepare('select name from teams').pluck().all()).toEqual([
        '客服一组',
      ]);
      const last = slot.data?.store.sqlite
        .prepare('select action, username from audit_log order by id desc limit 1 offset 1')
        .get();
      expect(last).toEqual({ action: 'restore', username: ADMIN.username });
    } finally {
      await host.close();
      await slot.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
