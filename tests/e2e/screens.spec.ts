import { loadDemo } from '../../db/demo';
import { formatDate } from '../../shared/domain/time';
import { expect, screenshot, test } from './fixtures';

/**
 * Every main screen, in both languages, saved under tests/artifacts/screenshots for a person to
 * look at: overflowing Chinese, empty states and error messages show up here first.
 */
for (const language of ['zh-CN', 'en-US'] as const) {
  test.describe(language, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(
        (lang) => localStorage.setItem('supervisor-console.language', lang),
        language,
      );
    });

    test(`empty console (${language})`, async ({ page, open }) => {
      await open();
      await expect(
        page.getByRole('button', {
          name: language === 'zh-CN' ? '加载演示数据' : 'Load demo data',
        }),
      ).toBeVisible();
      await screenshot(page, `home-empty-${language}`);
      await open('#/schedule');
      await screenshot(page, `schedule-empty-${language}`);
    });

    test(`main screens with demo data (${language})`, async ({ page, store, open }) => {
      await loadDemo(store.store.db, { today: formatDate(new Date()) });
      for (const screen of [
        'home',
        'schedule',
        'roster',
        'teams',
        'shiftTypes',
        'users',
        'audit',
      ]) {
        await open(`#/${screen}`);
        await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
        await screenshot(page, `${screen}-${language}`);
      }
      // The add-staff form with the backend's field errors showing.
      await open('#/roster');
      await page
        .getByRole('button', { name: language === 'zh-CN' ? '新增员工' : 'Add staff' })
        .click();
      await page
        .getByRole('dialog')
        .getByLabel(language === 'zh-CN' ? '工号' : 'Employee no.')
        .fill('KF1001');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: language === 'zh-CN' ? '保存' : 'Save' })
        .click();
      await expect(
        page.getByRole('dialog').locator('.ant-form-item-explain-error').first(),
      ).toBeVisible();
      await screenshot(page, `roster-form-errors-${language}`);
    });

    test(`sign-in and first-administrator screens (${language})`, async ({ page, host, store }) => {
      await page.goto(`${host.url}/#token=${host.token}`);
      await page.locator('input[autocomplete=username]').fill('admin');
      await page.locator('input[autocomplete=current-password]').fill('wrong password');
      await page.locator('input[autocomplete=current-password]').press('Enter');
      await expect(page.locator('.ant-alert-error')).toBeVisible();
      await screenshot(page, `sign-in-error-${language}`);
      const fresh = await store.backend.call('accounts.status', {}, null);
      expect(fresh).toMatchObject({ ok: true, value: { needsSetup: false } });
    });

    test(`import errors (${language})`, async ({ page, store, open }) => {
      await store.ok('org.teams.create', { name: '客服一组' });
      await open('#/roster');
      await page
        .getByRole('button', { name: language === 'zh-CN' ? '导入花名册' : 'Import roster' })
        .click();
      await page
        .getByRole('dialog')
        .locator('input[type=file]')
        .setInputFiles({
          name: 'roster.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            '工号,姓名,班组,岗位,入职日期\nKF1,王芳,客服九组,座席代表,2025-01-01\nKF2,,客服一组,经理,2025-02-30\nKF1,李娜,客服一组,,\n',
          ),
        });
      // Every row has a problem: the preview lists them, and nothing can be applied.
      await expect(page.getByTestId('import-count-invalid')).toContainText('3');
      await screenshot(page, `roster-import-errors-${language}`);
    });
  });
}

test.describe('first run', () => {
  test.use({ withAdmin: false });
  for (const language of ['zh-CN', 'en-US'] as const) {
    test(`first administrator (${language})`, async ({ page, host }) => {
      await page.addInitScript(
        (lang) => localStorage.setItem('supervisor-console.language', lang),
        language,
      );
      await page.goto(`${host.url}/#token=${host.token}`);
      await expect(page.locator('input[autocomplete=new-password]').first()).toBeVisible();
      await screenshot(page, `setup-${language}`);
    });
  }
});
