import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SESSION_HEADER, type Output, type Result } from '../../shared/contract';
import { addDaysTo } from '../../shared/domain/time';
import { ADMIN, choose, expect, SCREENSHOTS, signIn, test } from './fixtures';
import {
  A,
  B,
  COMPLAINT,
  FAULT,
  MANAGER,
  seed,
  sessionOf,
  today,
  userId,
  type Account,
} from './handover-fixtures';

/**
 * 交接班 end to end: the outgoing lead writes and submits, the incoming lead disputes, the outgoing
 * lead fixes and resubmits, the incoming lead signs; the record is locked (the backend refuses an
 * edit over HTTP), the open item is carried into the next shift with its history, a manager adds
 * an addendum and finds the handover by a Chinese word, and the printed PDF carries the text.
 */

/** Switches the desk to another user through the user menu, as a lead at a shared PC does. */
async function switchUser(page: Page, from: Account, to: Account) {
  await page.getByRole('button', { name: new RegExp(from.displayName) }).click();
  await page.getByText(/^(切换用户|Switch user)$/).click();
  await signIn(page, to.username, to.password);
  await expect(page.getByRole('button', { name: new RegExp(to.displayName) })).toBeVisible();
}

async function openTab(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '交接班' }).click();
  await page.getByRole('tab', { name: new RegExp(name) }).click();
}

const items = (page: Page) => page.getByTestId('handover-items');

/** Opens a dialog and waits until it has finished zooming in, so the first click lands. */
async function openDialog(page: Page, button: ReturnType<Page['getByRole']>) {
  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(
    page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]'),
  ).toHaveCount(0);
  return dialog;
}

test('a night-shift handover is written, disputed, fixed, signed, locked, carried and printed', async ({
  page,
  store,
  host,
  open,
}) => {
  test.setTimeout(240_000);
  const yesterday = addDaysTo(today(), -1);
  const { early } = await seed(store, yesterday);

  // ---- A writes yesterday's night-shift handover.
  await open('#/handover', A);
  await expect(page.getByRole('tab', { name: '写交接' })).toHaveAttribute('aria-selected', 'true');
  const date = page.getByLabel('日期', { exact: true });
  await date.click();
  await date.fill(yesterday);
  await date.press('Enter');
  await choose(page, page.getByRole('combobox', { name: '班次', exact: true }), '夜班');
  await page.getByRole('button', { name: '写交接班记录' }).click();
  const editor = page.getByTestId('handover-editor');
  await expect(editor).toBeVisible();
  // Staffing comes from the roll-call.
  await expect(page.getByTestId('handover-staffing')).toContainText('张伟');
  await expect(page.getByTestId('handover-staffing')).toContainText('李娜（25 分钟）');

  // A row pasted from the queue report fills all five figures.
  await page.getByRole('spinbutton', { name: '呼入量' }).evaluate((input) => {
    const data = new DataTransfer();
    data.setData('text/plain', '1,236\t1,150\t86\t85.5%\t0:03:35\r\n');
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByRole('spinbutton', { name: '接通量' })).toHaveValue('1150');
  await expect(page.getByRole('spinbutton', { name: '服务水平' })).toHaveValue('85.5');
  await expect(page.getByRole('spinbutton', { name: '平均处理时长' })).toHaveValue('215');
  await page.getByRole('textbox', { name: '座席与设备状态' }).fill('A12 耳麦故障已报修');
  // Saved as typed: the backend has it a moment later, and the page says when.
  const id = Number(/id=(\d+)/.exec(page.url())![1]);
  await expect
    .poll(async () => (await store.ok('handover.get', { id })).seatsStatus)
    .toBe('A12 耳麦故障已报修');
  await expect(page.getByTestId('save-state')).toHaveText(/已保存 \d\d:\d\d:\d\d/);

  // Two pending items.
  let dialog = await openDialog(page, page.getByRole('button', { name: '新增遗留事项' }));
  await choose(page, dialog.getByRole('combobox', { name: '类别' }), '投诉跟进');
  await expect(dialog.locator('.ant-select').first()).toContainText('投诉跟进');
  await dialog.getByLabel('说明').fill(COMPLAINT);
  await dialog.getByText('紧急', { exact: true }).click();
  // Typing a name lists the people it may mean; the lead picks one, as the list
  // would otherwise cover the next field.
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
  const owner = dialog.getByRole('combobox', { name: '责任人' });
  await owner.fill('王芳');
  await page
    .locator('.ant-select-dropdown')
    .filter({ visible: true })
    .getByText('王芳 · KF101 · 客服一组')
    .click();
  await expect(owner).toHaveValue('王芳（KF101）');
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
  const due = dialog.getByLabel('处理期限');
  await due.click();
  await due.fill(`${yesterday} 06:00`);
  await due.press('Enter');
  await expect(due).toHaveValue(`${yesterday} 06:00`);
  await expect(page.locator('.ant-picker-dropdown').filter({ visible: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(items(page)).toContainText(COMPLAINT);
  dialog = await openDialog(page, page.getByRole('button', { name: '新增遗留事项' }));
  await choose(page, dialog.getByRole('combobox', { name: '类别' }), '系统故障');
  await expect(dialog.locator('.ant-select').first()).toContainText('系统故障');
  await dialog.getByLabel('说明').fill(FAULT);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(items(page)).toContainText(FAULT);

  // The draft survives a reload: it was saved as it was typed.
  await page.reload();
  await expect(page.getByRole('textbox', { name: '座席与设备状态' })).toHaveValue(
    'A12 耳麦故障已报修',
  );
  await expect(page.getByRole('spinbutton', { name: '呼入量' })).toHaveValue('1236');

  await choose(page, page.getByRole('combobox', { name: '接班人' }), B.displayName);
  await page.getByRole('button', { name: '提交交班' }).click();
  await expect(page.getByText(`已提交给 ${B.displayName}`).first()).toBeVisible();

  // ---- B reviews it and sends it back with a remark.
  await switchUser(page, A, B);
  await openTab(page, '待接班');
  await page.getByRole('row').filter({ hasText: A.displayName }).click();
  await expect(items(page)).toContainText(COMPLAINT);
  await expect(items(page)).toContainText(FAULT);
  dialog = await openDialog(page, page.getByRole('button', { name: '退回交班人' }));
  await dialog.getByLabel('备注').fill('投诉单号没写，请补充');
  await dialog.getByRole('button', { name: '退回交班人' }).click();
  await expect(page.getByTestId('dispute-remark')).toContainText('投诉单号没写，请补充');

  // ---- A sees the remark, adds the reference and submits again.
  await switchUser(page, B, A);
  await openTab(page, '写交接');
  await page.getByRole('row').filter({ hasText: '已退回' }).click();
  await expect(page.getByTestId('dispute-remark')).toContainText('投诉单号没写，请补充');
  dialog = await openDialog(
    page,
    items(page)
      .getByRole('row')
      .filter({ hasText: COMPLAINT })
      .getByRole('button', { name: /修改/ }),
  );
  await dialog.getByLabel('客户 / 工单号').fill('TS-20260301-0042');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(items(page)).toContainText('TS-20260301-0042');
  await page.getByRole('button', { name: '改好了，重新提交' }).click();
  await expect(page.getByText(`已提交给 ${B.displayName}`).first()).toBeVisible();

  // ---- B acknowledges: the record locks and says who wrote and who signed.
  await switchUser(page, A, B);
  await openTab(page, '待接班');
  await page.getByRole('row').filter({ hasText: A.displayName }).click();
  await page.getByRole('button', { name: '接班确认' }).click();
  const locked = page.getByTestId('handover-locked');
  // The confirm dialog zooms in; a click while it moves can miss, so click until it took.
  await expect(async () => {
    if (await locked.isHidden())
      await page
        .getByRole('dialog')
        .getByRole('button', { name: '接班确认' })
        .click({ timeout: 2000 });
    await expect(locked).toBeVisible({ timeout: 2000 });
  }).toPass();
  await expect(locked).toContainText(A.displayName);
  await expect(locked).toContainText(B.displayName);
  await expect(page.getByRole('button', { name: '接班确认' })).toHaveCount(0);

  // ---- The backend refuses an edit of the locked record, whoever asks, and nothing changes.
  const before = await store.ok('handover.get', { id });
  for (const user of [A, B]) {
    const signedIn = (await store.backend.call(
      'accounts.signIn',
      { username: user.username, password: user.password },
      null,
    )) as Result<Output<'accounts.signIn'>>;
    if (!signedIn.ok) throw new Error('sign-in failed');
    const response = await fetch(`${host.url}/api/handover.save`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${host.token}`,
        [SESSION_HEADER]: signedIn.value.token,
      },
      body: JSON.stringify({ id, seatsStatus: '事后改写', queue: { ...before.queue, offered: 1 } }),
    });
    const body = (await response.json()) as Result<unknown>;
    expect(body.ok, user.username).toBe(false);
    // The outgoing lead is told why: the record is locked, corrections are addenda.
    if (user === A) expect(body).toMatchObject({ error: { key: 'errors.handoverLocked' } });
  }
  const after = await store.ok('handover.get', { id });
  expect(after.seatsStatus).toBe('A12 耳麦故障已报修');
  expect(after.queue.offered).toBe(1236);
  expect(after.state).toBe('acknowledged');

  // ---- B starts the next shift's handover: the open items come along with their history.
  await openTab(page, '写交接');
  const nextDate = page.getByLabel('日期', { exact: true });
  await nextDate.click();
  await nextDate.fill(yesterday);
  await nextDate.press('Enter');
  await choose(page, page.getByRole('combobox', { name: '班次', exact: true }), early.name);
  await page.getByRole('button', { name: '写交接班记录' }).click();
  await expect(page.getByTestId('handover-editor')).toBeVisible();
  const carried = items(page).getByRole('row').filter({ hasText: COMPLAINT });
  await expect(carried).toContainText('上班遗留');
  await expect(carried).toContainText('第 2 班');
  await expect(carried).toContainText('TS-20260301-0042');
  await carried.getByRole('button', { name: /变更记录/ }).click();
  const history = page.getByTestId('item-history');
  await expect(history).toContainText('登记了此事项');
  await expect(history).toContainText('转入下一班交接');
  await expect(history).toContainText(A.displayName);

  // ---- A manager finds the handover by Chinese words and appends an addendum.
  await switchUser(page, B, MANAGER);
  await openTab(page, '交接记录');
  const search = page.getByLabel('搜索', { exact: true });
  for (const word of ['宽带', '投诉']) {
    await search.fill(word);
    await search.press('Enter');
    await expect(
      page.getByRole('row').filter({ hasText: A.displayName }).filter({ hasText: '已接班确认' }),
    ).toBeVisible();
  }
  await search.fill('不存在的词语');
  await search.press('Enter');
  await expect(page.getByText('没有符合条件的交接记录')).toBeVisible();
  await search.fill('宽带');
  await search.press('Enter');
  await page
    .getByRole('row')
    .filter({ hasText: A.displayName })
    .filter({ hasText: '已接班确认' })
    .click();
  dialog = await openDialog(page, page.getByRole('button', { name: '追加补记' }));
  await dialog.getByLabel('补记内容').fill('经核实，A12 耳麦已于次日更换。');
  await dialog.getByRole('button', { name: '追加' }).click();
  const addenda = page.getByTestId('handover-addenda');
  await expect(addenda).toContainText('经核实，A12 耳麦已于次日更换。');
  await expect(addenda).toContainText(MANAGER.displayName);
  // The original stays as it was.
  await expect(page.getByTestId('handover-sheet')).toContainText('A12 耳麦故障已报修');

  // ---- The print view, saved as PDF, carries the sheet's text.
  await open(`#/handover&print=${id}`);
  await expect(page.getByTestId('handover-print')).toContainText(COMPLAINT);
  const pdf = join(mkdtempSync(join(tmpdir(), 'handover-pdf-')), 'handover.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain(COMPLAINT.replace(/\s+/g, ''));
  expect(flat).toContain(FAULT.replace(/\s+/g, ''));
  expect(flat).toContain('经核实，A12耳麦已于次日更换。');
  // Only the sheet prints: not the console's navigation.
  expect(flat).not.toContain('首页');
});

test('resolving an item asks for the resolution, and the board shows it no more', async ({
  page,
  store,
  open,
}) => {
  const yesterday = addDaysTo(today(), -1);
  const { team, night } = await seed(store, yesterday);
  const asA = await sessionOf(store, A);
  const draft = await asA('handover.start', {
    date: yesterday,
    shiftTypeId: night.id,
    teamId: team.id,
  });
  await asA('handover.addItem', {
    handoverId: draft.id,
    category: 'callback',
    description: '回访客户 138****5678，确认话费退款到账',
    priority: 'high',
    dueAt: `${yesterday} 07:00`,
    owner: '李娜',
  });

  await open('#/handover&tab=items', A);
  const row = page.getByRole('row').filter({ hasText: '确认话费退款到账' });
  await expect(row).toContainText('已逾期');
  await expect(page.getByTestId('overdue-count')).toContainText('逾期 1');
  // The board exports for the managers' meeting.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出' }).click();
  await page.getByRole('menuitem', { name: 'XLSX' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  const dialog = await openDialog(page, row.getByRole('button', { name: '更新' }));
  await dialog.getByText('已解决', { exact: true }).click();
  await expect(dialog.getByLabel('处理结果')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  // The backend refuses a resolution without a note, and the dialog says so.
  await expect(page.getByText('标记为已解决时必须填写处理结果')).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('处理结果').fill('已回电，客户确认退款到账');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('没有未解决的遗留事项')).toBeVisible();
});

/** Screens for a person to look at, both languages: writing, reviewing, the log, the board, the print sheet and home. */
for (const language of ['zh-CN', 'en-US'] as const) {
  test(`handover screens (${language})`, async ({ page, store, open }) => {
    test.setTimeout(120_000);
    await page.addInitScript(
      (lang) => localStorage.setItem('supervisor-console.language', lang),
      language,
    );
    const twoDaysAgo = addDaysTo(today(), -2);
    const yesterday = addDaysTo(today(), -1);
    const { team, night, middle } = await seed(store, twoDaysAgo, yesterday);
    const asA = await sessionOf(store, A);
    const asB = await sessionOf(store, B);
    const asManager = await sessionOf(store, MANAGER);

    // An acknowledged handover two nights ago, with an addendum.
    const first = await asA('handover.start', {
      date: twoDaysAgo,
      shiftTypeId: night.id,
      teamId: team.id,
    });
    await asA('handover.save', {
      id: first.id,
      staffingRemark: '王芳病假，已由刘洋顶岗',
      seatsStatus: 'A12 耳麦故障已报修；B 区 3 号电脑卡顿，已重启',
      queue: { offered: 1236, answered: 1150, abandoned: 86, serviceLevel: 85.5, ahtSeconds: 215 },
      notices: '3 月 1 日起宽带资费调整，客户问询按新口径解释',
      escalations: '客户张先生宽带安装延误投诉已升级至值班经理',
      remarks: null,
    });
    await asA('handover.addItem', {
      handoverId: first.id,
      category: 'complaint',
      description: COMPLAINT,
      reference: 'TS-20260301-0042',
      priority: 'urgent',
      dueAt: `${twoDaysAgo} 10:00`,
      owner: '王芳',
    });
    await asA('handover.addItem', {
      handoverId: first.id,
      category: 'system_fault',
      description: FAULT,
      priority: 'high',
      owner: 'IT 值班',
    });
    await asA('handover.submit', { id: first.id, incomingUserId: await userId(store, B) });
    await asB('handover.acknowledge', { id: first.id });
    await asManager('handover.addendum', { id: first.id, text: '经核实，A12 耳麦已于次日更换。' });

    // Last night's, submitted to B and waiting; the open items came along.
    const second = await asA('handover.start', {
      date: yesterday,
      shiftTypeId: night.id,
      teamId: team.id,
    });
    await asA('handover.addItem', {
      handoverId: second.id,
      category: 'callback',
      description: '回访客户 138****5678，确认话费退款到账',
      priority: 'normal',
      dueAt: `${addDaysTo(today(), 1)} 12:00`,
      owner: '李娜',
    });
    await asA('handover.save', {
      id: second.id,
      staffingRemark: null,
      seatsStatus: '正常',
      queue: { offered: 980, answered: 940, abandoned: 40, serviceLevel: 88, ahtSeconds: 198 },
      notices: null,
      escalations: null,
      remarks: '凌晨 3 点系统短暂中断 5 分钟，已恢复',
    });
    await asA('handover.submit', { id: second.id, incomingUserId: await userId(store, B) });
    // A's draft of yesterday's middle shift, for the writing screen.
    const draft = await asA('handover.start', {
      date: yesterday,
      shiftTypeId: middle.id,
      teamId: team.id,
    });
    await asA('handover.save', {
      id: draft.id,
      staffingRemark: null,
      seatsStatus: 'C 区空调偏冷，已报后勤',
      queue: { offered: 1520, answered: 1402, abandoned: 118, serviceLevel: 80.2, ahtSeconds: 236 },
      notices: null,
      escalations: null,
      remarks: null,
    });

    const shot = async (name: string, fullPage = true) => {
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton')).toHaveCount(
        0,
      );
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${language}.png`), fullPage });
    };

    await open(`#/handover&tab=write&id=${draft.id}`, A);
    await expect(page.getByTestId('handover-editor')).toBeVisible();
    await shot('handover-write');
    await open('#/handover&tab=items');
    await expect(page.getByTestId('overdue-count')).toBeVisible();
    await shot('handover-items');

    await switchUser(page, A, B);
    await open(`#/handover&tab=incoming&id=${second.id}`);
    await expect(items(page)).toBeVisible();
    await shot('handover-review');
    await open('#/handover&tab=log');
    await expect(page.getByRole('row').filter({ hasText: A.displayName }).first()).toBeVisible();
    await shot('handover-log');
    await open('#/home');
    await expect(page.getByTestId('home-handover')).toContainText(COMPLAINT);
    await shot('home-handover');
    await open(`#/handover&print=${first.id}`);
    await expect(page.getByTestId('handover-print')).toContainText(COMPLAINT);
    await shot('handover-print', false);

    // The administrator's settings: deadline, scope, categories.
    await page.getByTestId('handover-print').getByRole('button').first().click();
    await switchUser(page, B, ADMIN);
    await open('#/handover&tab=settings');
    await expect(page.getByRole('switch').first()).toBeVisible();
    // A center's own category: a bad code is named next to its box, a good one is saved.
    const save = page.getByRole('button', { name: language === 'zh-CN' ? '保存' : 'Save' });
    await page
      .getByRole('button', { name: language === 'zh-CN' ? '新增类别' : 'Add category' })
      .click();
    const rows = page.getByRole('row');
    await rows.last().getByRole('textbox').first().fill('VIP 回访');
    await rows.last().getByRole('textbox').last().fill('VIP-1');
    await save.click();
    await expect(page.locator('.ant-form-item-explain-error')).toHaveText(
      language === 'zh-CN'
        ? '代码只能包含小写字母、数字和 _'
        : 'Code may contain only lowercase letters, digits and _',
    );
    await rows.last().getByRole('textbox').last().fill('vip_callback');
    await save.click();
    await expect(page.locator('.ant-message-success')).toBeVisible();
    await expect(page.locator('.ant-form-item-explain-error')).toHaveCount(0);
    await expect
      .poll(async () => (await store.ok('handover.settings', {})).categories.map((c) => c.code))
      .toContain('vip_callback');
    await shot('handover-settings');
  });
}
