import { SESSION_HEADER } from '../../shared/contract';
import { ADMIN, deskScreen, expect, screenshot, signIn, test } from './fixtures';

test.describe('a brand-new console', () => {
  test.use({ withAdmin: false });

  test('creates its administrator, who creates a supervisor who cannot reach admin or HR functions', async ({
    page,
    host,
    request,
  }) => {
    await page.goto(`${host.url}/#token=${host.token}`);
    await expect(page.getByText('创建第一个管理员')).toBeVisible();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill('correct horse battery');
    await page.getByLabel('再次输入密码').fill('correct horse battery');
    // The name left out is refused next to it, and the message goes once it is typed in.
    await page.getByRole('button', { name: '创建并登录' }).click();
    const nameItem = page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('姓名（显示名）') });
    await expect(nameItem.locator('.ant-form-item-explain-error')).toHaveText(/不能为空$/);
    await page.getByLabel('姓名（显示名）').fill('张主任');
    await expect(nameItem.locator('.ant-form-item-explain-error')).toHaveCount(0);
    await page.getByRole('button', { name: '创建并登录' }).click();
    await expect(page.getByRole('menuitem', { name: '账号与安全' })).toBeVisible();

    // The administrator creates a supervisor account.
    await page.getByRole('menuitem', { name: '账号与安全' }).click();
    await page.getByRole('button', { name: '新增账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('wangfang');
    await dialog.getByLabel('姓名（显示名）').fill('王芳');
    await dialog.getByLabel('密码').fill('short');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('密码至少 8 个字符')).toBeVisible();
    await dialog.getByLabel('密码').fill('supervisor pass');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('row', { name: /wangfang/ })).toContainText('值班主管');

    // Switch user without closing the console.
    await page.getByRole('button', { name: /张主任/ }).click();
    await page.getByText('切换用户').click();
    await signIn(page, 'wangfang', 'supervisor pass');
    await expect(page.getByRole('button', { name: /王芳/ })).toContainText('值班主管');
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: '排班' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: '账号与安全' })).toHaveCount(0);
    await expect(menu.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
    await menu.getByRole('menuitem', { name: '员工花名册' }).click();
    await expect(page.getByRole('button', { name: '新增员工' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '导入花名册' })).toHaveCount(0);

    // The backend is the authority: the same supervisor's session is refused over HTTP too.
    const session = await page.evaluate(() => sessionStorage.getItem('supervisor-console.session'));
    const headers = { authorization: `Bearer ${host.token}`, [SESSION_HEADER]: session ?? '' };
    for (const [channel, data] of [
      [
        'accounts.users.create',
        { username: 'evil', displayName: 'x', role: 'admin', password: 'evil password' },
      ],
      ['org.staff.create', { employeeNo: 'KF1', name: '王', position: 'agent' }],
      ['audit.list', { page: 1 }],
    ] as const) {
      const response = await request.post(`${host.url}/api/${channel}`, { data, headers });
      expect(await response.json(), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(
      await (await request.post(`${host.url}/api/org.teams.list`, { data: {}, headers })).json(),
    ).toMatchObject({ ok: true });
  });
});

test('a wrong password is named on the sign-in screen, and repeated failures lock the account', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}/#token=${host.token}`);
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(`wrong ${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  }
  await page.getByLabel('密码').fill('correct horse battery');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/账号已被暂时锁定/)).toBeVisible();
});

test('signing out returns to the sign-in screen and the old session opens nothing', async ({
  page,
  open,
  host,
  request,
}) => {
  await open('#/roster');
  const session = await page.evaluate(() => sessionStorage.getItem('supervisor-console.session'));
  await page.getByRole('button', { name: /张主任/ }).click();
  await page.getByText('退出登录').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  const response = await request.post(`${host.url}/api/org.teams.list`, {
    data: {},
    headers: { authorization: `Bearer ${host.token}`, [SESSION_HEADER]: session ?? '' },
  });
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
});

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`changing one's password names a common one beside the field, then signs the other desks out (${language})`, async ({
    page,
    open,
    store,
  }) => {
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    await open();
    const elsewhere = await store.backend.call(
      'accounts.signIn',
      { username: ADMIN.username, password: ADMIN.password },
      null,
    );
    expect(elsewhere.ok).toBe(true);
    await page.getByRole('button', { name: /张主任/ }).click();
    await page.getByText(zh ? '修改密码' : 'Change password').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zh ? '当前密码' : 'Current password').fill(ADMIN.password);
    await dialog.getByLabel(zh ? '新密码' : 'New password').fill('password1');
    await dialog.getByRole('button', { name: zh ? '保存' : 'Save' }).click();
    await expect(
      dialog.getByText(zh ? /新密码太常见，很容易被猜到/ : /New password is too common/),
    ).toBeVisible();
    // The message slides in: wait for the motion to end before the picture.
    await expect(dialog.locator('[class*="-appear"], [class*="-enter"]')).toHaveCount(0);
    await screenshot(page, `change-password-common-${language}`);

    await dialog.getByLabel(zh ? '新密码' : 'New password').fill('夜班交接 要交清接明');
    await dialog.getByRole('button', { name: zh ? '保存' : 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(zh ? '密码已修改' : 'Password changed')).toBeVisible();
    // This desk stays signed in; the other session is over.
    await open('#/roster');
    await expect(page.getByRole('menu')).toBeVisible();
    const token = elsewhere.ok ? (elsewhere.value as { token: string }).token : '';
    expect(await store.backend.call('org.teams.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });
}
