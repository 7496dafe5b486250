import type { Channel, Input } from '../../shared/contract';
import { ADMIN, choose, deskScreen, expect, screenshot, test } from './fixtures';

/**
 * The audit trail reads like a record: who by name, the screens' field names and words, local
 * times, an action filter, and a bulk change (a schedule of many cells) as one entry that opens
 * to its rows.
 */
const WORDS = {
  'zh-CN': {
    action: '操作',
    update: '修改',
    role: '角色: 值班主管',
    idle: '自动退出时间: 15 → 20',
    rows: '共 3 行，点击展开',
    hide: '收起 3 行',
    teams: '负责班组: 客服一组',
    date: '日期',
  },
  'en-US': {
    action: 'Action',
    update: 'Update',
    role: 'Role: Supervisor',
    idle: 'Idle sign-out: 15 → 20',
    rows: '3 rows: show',
    hide: 'Hide 3 rows',
    teams: 'Teams led: 客服一组',
    date: 'Date',
  },
};

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`the audit trail names people, fields and values as the screens do (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const words = WORDS[language];
    await deskScreen(page, language);
    // The administrator's own session, so the entries are theirs (张主任), not a tool's.
    const signedIn = await store.backend.call(
      'accounts.signIn',
      { username: ADMIN.username, password: ADMIN.password },
      null,
    );
    const token = signedIn.ok ? (signedIn.value as { token: string }).token : '';
    const as = async <C extends Channel>(channel: C, input: Input<C>) => {
      const result = await store.backend.call(channel, input, token);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    };
    await as('org.teams.create', { name: '客服一组' });
    for (const [employeeNo, name] of [
      ['KF1', '王芳'],
      ['KF2', '李娜'],
      ['KF3', '赵强'],
    ] as const)
      await as('org.staff.create', { employeeNo, name, teamId: 1, position: 'agent' });
    await as('accounts.users.create', {
      username: 'lifang',
      displayName: '李芳',
      role: 'supervisor',
      teamIds: [1],
      password: 'night shift lead 7',
    });
    await as('accounts.updateSecurity', { idleMinutes: 20 });
    await as('org.schedule.assign', {
      cells: [1, 2, 3].map((staffId) => ({ staffId, date: '2026-11-16', value: 1 })),
    });

    await open('#/audit');
    const table = page.locator('.ant-table').first();
    await expect(table).toContainText(ADMIN.displayName);
    await expect(table).toContainText(words.role);
    await expect(table).toContainText(words.idle);
    await expect(table).toContainText(words.teams);
    await expect(table).not.toContainText('displayName:');
    await expect(table).not.toContainText('teamIds');
    await expect(table).not.toContainText('"staffId"');

    // The schedule change: one entry, opened to its rows.
    await page.getByRole('button', { name: words.rows }).click();
    await expect(page.getByRole('columnheader', { name: words.date })).toBeVisible();
    await expect(
      page.locator('.ant-table .ant-table .ant-table-tbody > tr.ant-table-row'),
    ).toHaveCount(3);
    await screenshot(page, `audit-readable-${language}`);

    await page.getByRole('button', { name: words.hide }).click();
    // The action filter keeps only the updates (the settings and the schedule).
    await choose(page, page.getByLabel(words.action), words.update);
    const actions = page.locator('.ant-table-tbody > tr.ant-table-row > td:nth-child(3)');
    await expect(actions).toHaveText([words.update, words.update]);
  });
}
