import { expect, screenshot, test } from './fixtures';

test('an administrator adds a leave type and changes a rule; a bad form writes nothing', async ({
  page,
  store,
  open,
}) => {
  await open('#/attendanceSettings');
  const halfDay = page.getByLabel('迟到超过 N 分钟按旷工半天计（0 为不启用）');
  await expect(halfDay).toHaveValue('30');
  // A rule being edited is not put back by a save elsewhere on the page (it reloads the rules).
  await halfDay.fill('');
  // The default types, named in the interface language.
  await expect(page.getByRole('row').filter({ hasText: '病假' })).toContainText('带薪');
  await expect(page.getByRole('row').filter({ hasText: '事假' })).toContainText('不带薪');

  await page.getByRole('button', { name: '新增假别' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill('探亲假');
  await dialog.getByLabel('代码').fill('family_visit');
  await dialog.getByRole('switch', { name: '带薪' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '探亲假' })).toContainText('family_visit');
  await expect(halfDay).toHaveValue('');
  const types = await store.ok('attendance.leaveTypes.list', {});
  expect(types.find((lt) => lt.code === 'family_visit')).toMatchObject({
    name: '探亲假',
    paid: true,
    active: true,
  });

  // No name: the backend's reason shows next to the name field, and nothing is written.
  const before = store.digest();
  await page.getByRole('button', { name: '新增假别' }).click();
  await dialog.getByLabel('代码').fill('no_name');
  await dialog.getByRole('button', { name: '保存' }).click();
  const nameItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('名称') });
  await expect(nameItem.locator('.ant-form-item-explain-error')).toHaveText(/不能为空$/);
  await expect(dialog).toBeVisible();
  expect(store.digest()).toBe(before);
  await dialog.getByRole('button', { name: '取消' }).click();

  // The emptied box is refused next to it, and the message goes as soon as it is filled in.
  await page.getByRole('button', { name: '保存规则' }).click();
  const rulesCard = page.locator('.ant-card').filter({ hasText: '考勤规则' });
  const ruleError = rulesCard.locator('.ant-form-item-explain-error');
  await expect(ruleError).toHaveText(/不能为空$/);
  await halfDay.fill('45');
  await expect(ruleError).toHaveCount(0);
  await page.getByRole('switch', { name: '每次旷工生成处罚建议' }).click();
  await page.getByRole('button', { name: '保存规则' }).click();
  await expect(page.getByText('考勤规则已保存')).toBeVisible();
  expect(await store.ok('attendance.rules', {})).toEqual({
    halfDayLateMinutes: 45,
    lateCountForPenalty: 3,
    absenceProposesPenalty: false,
    missingPunchCountForPenalty: 0,
  });

  await page.reload();
  await expect(halfDay).toHaveValue('45');
  await expect(page.getByRole('switch', { name: '每次旷工生成处罚建议' })).not.toBeChecked();
});

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`attendance settings screen (${language})`, async ({ page, open }) => {
    await page.addInitScript(
      (lang) => localStorage.setItem('supervisor-console.language', lang),
      language,
    );
    await open('#/attendanceSettings');
    await expect(page.getByRole('row')).toHaveCount(9);
    // A default leave type reads in the interface language, whatever name the database keeps.
    const sick = language === 'zh-CN' ? '病假' : 'Sick leave';
    await expect(page.getByRole('row').filter({ hasText: sick })).toContainText('sick');
    if (language === 'en-US') await expect(page.getByText('病假')).toHaveCount(0);
    await screenshot(page, `attendance-settings-${language}`);

    // The add form with the backend's field errors showing.
    await page
      .getByRole('button', { name: language === 'zh-CN' ? '新增假别' : 'Add leave type' })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: language === 'zh-CN' ? '保存' : 'Save' })
      .click();
    await expect(
      page.getByRole('dialog').locator('.ant-form-item-explain-error').first(),
    ).toBeVisible();
    await screenshot(page, `attendance-settings-form-errors-${language}`);
  });
}
