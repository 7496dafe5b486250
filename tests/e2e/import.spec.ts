import { expect, test } from './fixtures';

const csv = (lines: string[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);

test('a roster CSV with one bad row is refused whole, with the row and the reason', async ({
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
  const errors = dialog.getByTestId('import-errors');
  await expect(errors).toContainText('文件中有 1 处问题，未导入任何数据');
  const row = errors.getByRole('row', { name: /客服九组/ });
  await expect(row).toContainText('3');
  await expect(row).toContainText('班组“客服九组”不存在');
  expect(store.digest()).toBe(before);

  // Fixed in Excel and imported again: all three arrive.
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
  await expect(dialog.getByText('导入完成：共 3 行，新增 3 人，更新 0 人')).toBeVisible();
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /KF2003/ })).toContainText('班长');
});
