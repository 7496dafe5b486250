import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataLayer } from '../../db/data-layer';
import { fillTheDisk } from '../helpers/disk-full';
import { killStarted, startScript } from '../helpers/processes';
import { allowWrites, DESK_USER, giveToDeskUser, refuseWrites } from '../helpers/read-only';
import { expect, screenshot, SCREENSHOTS, test } from './fixtures';

/**
 * What the console says when its folder or disk fails it, on screen in both languages: a data
 * folder that refuses writes (the backend in a process of an ordinary user, the folder's write
 * bits gone: see tests/helpers/read-only.ts), and a disk with no room for a save.
 */
test.use({ viewport: { width: 1366, height: 768 } });

const TEXT = {
  'zh-CN': {
    title: '数据文件夹是只读的',
    notDamaged: '数据没有损坏',
    reason: '没有写入权限',
    backups: '文件夹中的备份',
    addTeam: '新增班组',
    name: '班组名称',
    save: '保存',
    full: '磁盘空间不足，本次操作未保存',
  },
  'en-US': {
    title: 'The data folder is read-only',
    notDamaged: 'Nothing is damaged',
    reason: 'No permission to write',
    backups: 'Backups in the folder',
    addTeam: 'New team',
    name: 'Team name',
    save: 'Save',
    full: 'The disk is full: this action was not saved',
  },
} as const;

for (const language of ['zh-CN', 'en-US'] as const) {
  const text = TEXT[language];
  test.describe(language, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(
        (lang) => localStorage.setItem('supervisor-console.language', lang),
        language,
      );
    });

    test(`a read-only data folder names the folder and the problem, never "damaged" (${language})`, async ({
      page,
    }) => {
      const parent = mkdtempSync(join(tmpdir(), 'console-ro-e2e-'));
      const dataDir = join(parent, 'supervisor-console');
      mkdirSync(dataDir);
      const layer = await DataLayer.open(dataDir);
      await layer.backup('manual');
      const backups = layer.list().length;
      await layer.close();
      giveToDeskUser(dataDir, [parent]);
      refuseWrites(dataDir);
      try {
        const host = startScript(join('tests', 'fault', 'host-process.ts'), [dataDir], DESK_USER);
        const [, url, token] = (await host.line(/^listening /)).split(' ') as string[];
        await page.goto(`${url}/#token=${token}`);
        await expect(page.getByText(text.title)).toBeVisible();
        await expect(page.getByText(text.notDamaged, { exact: false })).toBeVisible();
        await expect(page.getByText(dataDir, { exact: true })).toBeVisible();
        await expect(page.getByText(text.reason, { exact: false })).toBeVisible();
        await expect(page.getByText(text.backups)).toBeVisible();
        await expect(page.locator('.ant-list-item')).toHaveCount(backups);
        await expect(
          page.getByText(/损坏|damaged/).filter({ hasNotText: text.notDamaged }),
        ).toHaveCount(0);
        await screenshot(page, `read-only-${language}`);

        // Permissions given back: "check again" opens the console (a new one asks for its admin).
        allowWrites(dataDir);
        await page
          .getByRole('button', { name: language === 'zh-CN' ? '重新检查' : 'Check again' })
          .click();
        await expect(page.getByText(text.title)).toHaveCount(0);
        await expect(page.locator('input[autocomplete=username]')).toBeVisible();
      } finally {
        await killStarted();
        allowWrites(dataDir);
        rmSync(parent, { recursive: true, force: true });
      }
    });

    test(`a full disk says the save did not happen (${language})`, async ({
      page,
      store,
      open,
    }) => {
      await open('#/teams');
      await fillTheDisk(store);
      await page.getByRole('button', { name: text.addTeam }).click();
      await page.getByLabel(text.name).fill('客服二组');
      await page.getByRole('dialog').getByRole('button', { name: text.save }).click();
      await expect(page.getByText(text.full)).toBeVisible();
      // Once it has faded in, and before it fades out a few seconds later.
      await expect(page.locator('.ant-message-notice')).toHaveCSS('opacity', '1');
      await page.screenshot({ path: join(SCREENSHOTS, `disk-full-${language}.png`) });
      expect((await store.ok('org.teams.list', {})).map((t) => t.name)).toEqual([]);
    });
  });
}
