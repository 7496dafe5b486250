import type { Page } from '@playwright/test';
import { deskScreen, expect, screenshot, test } from './fixtures';

const csv = (lines: string[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);

test('a roster CSV with one bad row previews the row and the reason, and applies once fixed', async ({
  page,
  store,
  open,
}) => {
  await store.ok('org.teams.create', { name: '客服一组' });
  await open('#/roster');
  const before = store.digest();

  await page.getByRole('button', { name: '导入花名册' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({
    name: '花名册.csv',
    mimeType: 'text/csv',
    buffer: csv([
      '工号,姓名,班组,岗位',
      'KF2001,王芳,客服一组,座席代表',
      'KF2002,李娜,客服九组,座席代表',
      'KF2003,赵敏,客服一组,班长',
    ]),
  });
  await expect(dialog.getByTestId('import-count-invalid')).toHaveText('有问题 1');
  const row = dialog.getByTestId('import-rows').getByRole('row', { name: /KF2002/ });
  await expect(row).toContainText('3');
  await expect(row).toContainText('班组“客服九组”不存在');
  await expect(dialog.getByRole('button', { name: '导入 2 人' })).toBeDisabled();
  expect(store.digest()).toBe(before);

  // Fixed in Excel and chosen again: all three arrive.
  await dialog.getByRole('button', { name: '重新选择文件' }).click();
  await dialog.locator('input[type=file]').setInputFiles({
    name: '花名册.csv',
    mimeType: 'text/csv',
    buffer: csv([
      '工号,姓名,班组,岗位',
      'KF2001,王芳,客服一组,座席代表',
      'KF2002,李娜,客服一组,座席代表',
      'KF2003,赵敏,客服一组,班长',
    ]),
  });
  await dialog.getByRole('button', { name: '导入 3 人' }).click();
  await expect(
    dialog.getByText('导入完成：共 3 行，新增 3 人，更新 0 人，0 人无变化'),
  ).toBeVisible();
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /KF2003/ })).toContainText('班长');
});

/** Opens an import dialog by its button and drops a CSV of these lines into it. */
async function importCsv(page: Page, button: string, name: string, lines: string[]) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: csv(lines) });
  return dialog;
}

for (const language of ['zh-CN', 'en-US'] as const) {
  const zh = language === 'zh-CN';
  /** The dialog names the problems it does not list, and the picture shows that line. */
  const expectMore = async (page: Page, more: number, picture: string) => {
    const line = page.getByRole('dialog').getByTestId('import-issues-more');
    await expect(line).toHaveText(
      zh
        ? `以上列出前 200 处，另有 ${more} 处问题未列出`
        : `The first 200 are listed, and ${more} more not listed`,
    );
    await line.scrollIntoViewIfNeeded();
    await screenshot(page, picture);
  };
  const rosterButton = zh ? '导入花名册' : 'Import roster';

  test(`a roster with 250 bad rows previews every one of them, paged (${language})`, async ({
    page,
    store,
    open,
  }) => {
    await deskScreen(page, language);
    await store.ok('org.teams.create', { name: '客服一组' });
    await open('#/roster');
    const dialog = await importCsv(page, rosterButton, '花名册.csv', [
      '工号,姓名,班组',
      ...Array.from({ length: 250 }, (_, i) => `KF${3000 + i},员工${i},客服九组`),
    ]);
    await expect(dialog.getByTestId('import-count-invalid')).toHaveText(
      zh ? '有问题 250' : '250 with problems',
    );
    await expect(dialog.locator('.ant-pagination')).toContainText('42');
    await screenshot(page, `roster-import-more-${language}`);
  });

  test(`a roster over the cap is refused with the cap named (${language})`, async ({
    page,
    store,
    open,
  }) => {
    await deskScreen(page, language);
    await open('#/roster');
    const before = store.digest();
    const dialog = await importCsv(page, rosterButton, '花名册.csv', [
      '工号,姓名',
      ...Array.from({ length: 20_001 }, (_, i) => `R${i},员工${i}`),
    ]);
    await expect(dialog.getByTestId('import-errors')).toContainText(
      zh
        ? '文件超过 20,000 行数据，请拆分成几个文件分批导入'
        : 'The file has more than 20,000 data rows: split it into several files',
    );
    expect(store.digest()).toBe(before);
    await screenshot(page, `roster-import-cap-${language}`);
  });

  test(`a clock file with 230 unknown people previews the first 200 and "and 30 more" (${language})`, async ({
    page,
    store,
    open,
  }) => {
    await deskScreen(page, language);
    await store.ok('org.teams.create', { name: '客服一组' });
    await open('#/attendance');
    const dialog = await importCsv(page, zh ? '打卡导入' : 'Import clock data', 'clock.csv', [
      '工号,打卡时间',
      ...Array.from({ length: 230 }, (_, i) => `NOBODY${i},2026-11-03 08:00`),
    ]);
    await expect(dialog.getByTestId('clock-import-errors')).toContainText(
      zh ? '文件中有 230 处问题' : 'Problems in the file: 230.',
    );
    await expectMore(page, 30, `attendance-import-more-${language}`);
  });
}
