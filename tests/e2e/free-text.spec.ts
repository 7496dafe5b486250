import { deskScreen, expect, screenshot, test } from './fixtures';

/**
 * A name with a hidden bidi override (U+202E, which makes 王芳 display reversed in places) is
 * refused beside its field in the user's language, and nothing is saved.
 */
for (const language of ['zh-CN', 'en-US'] as const) {
  test(`a hidden control character in a name is refused beside the field (${language})`, async ({
    page,
    open,
    store,
  }) => {
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    await open('#/roster');
    await page.getByRole('button', { name: zh ? '新增员工' : 'Add staff' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zh ? '工号' : 'Employee no.').fill('KF1001');
    await dialog.getByLabel(zh ? '姓名' : 'Name').fill('王\u202e芳');
    await dialog.getByLabel(zh ? '座席号' : 'Seat').fill('A-01\tB-02');
    await dialog.getByRole('button', { name: zh ? '保存' : 'Save' }).click();
    await expect(
      dialog.getByText(
        zh ? /姓名含有看不见的控制字符/ : /Name contains a hidden control character/,
      ),
    ).toBeVisible();
    await expect(dialog.getByText(zh ? /座席号只能写一行/ : /Seat must be one line/)).toBeVisible();
    await expect(dialog.locator('[class*="-appear"], [class*="-enter"]')).toHaveCount(0);
    await screenshot(page, `free-text-control-characters-${language}`);
    expect(await store.ok('org.staff.list', { page: 1, pageSize: 20 })).toMatchObject({ total: 0 });
  });
}
