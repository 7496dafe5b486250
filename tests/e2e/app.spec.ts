import { SESSION_HEADER } from '../../shared/contract';
import { ADMIN, expect, test } from './fixtures';

test('a new console offers the demo data, and loads it in one click', async ({
  page,
  store,
  open,
}) => {
  await open();
  await expect(page.getByText('欢迎使用值班主管控制台')).toBeVisible();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.getByText(/已加载演示数据：3 个班组、45 名员工/)).toBeVisible();
  await expect(page.getByText('今日各班次在岗安排')).toBeVisible();
  expect((await store.ok('app.info', {})).empty).toBe(false);
});

test('the language switch changes every text and survives a restart', async ({ page, open }) => {
  await open('#/roster');
  await expect(page.getByRole('menuitem', { name: '员工花名册' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Staff roster' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import roster' })).toBeVisible();
  await expect(page.getByText('No staff yet')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Staff roster' })).toBeVisible();
  // Ant Design's own strings follow too.
  await page.getByRole('button', { name: 'Add staff' }).click();
  await expect(page.getByRole('dialog').getByPlaceholder('Select date')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: '员工花名册' })).toBeVisible();
});

test('the host refuses API calls without the launch token', async ({ request, host, store }) => {
  const before = store.digest();
  const denied = await request.post(`${host.url}/api/org.teams.create`, {
    data: { name: '偷偷建的组' },
  });
  expect(denied.status()).toBe(401);
  expect(await denied.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  expect(store.digest()).toBe(before);
  const auth = { authorization: `Bearer ${host.token}` };
  const signIn = await request.post(`${host.url}/api/accounts.signIn`, {
    data: { username: ADMIN.username, password: ADMIN.password },
    headers: auth,
  });
  const { token } = ((await signIn.json()) as { value: { token: string } }).value;
  const allowed = await request.post(`${host.url}/api/org.teams.list`, {
    data: {},
    headers: { ...auth, [SESSION_HEADER]: token },
  });
  expect(await allowed.json()).toEqual({ ok: true, value: [] });
});
