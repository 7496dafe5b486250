import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { TestStore } from '../helpers/store';
import { ADMIN, choose, deskScreen, expect, screenshot, signIn, test } from './fixtures';
import { A, B, MANAGER, seed, sessionOf, today, userId } from './handover-fixtures';

/**
 * The handover as the leads at the desk meet it: it opens on the shift that just ended, its
 * staffing box adds up, and the roll-call hint is for the writer alone.
 */

/** Supervisor A's session and the draft handover A starts for the team's night shift. */
async function draftOfA(store: TestStore, date: string, teamId: number, nightId: number) {
  const asA = await sessionOf(store, A);
  const draft = await asA('handover.start', { date, shiftTypeId: nightId, teamId });
  return { asA, draft };
}

/** Another 张伟 (KF201) in another team: the absent 张伟 (KF103) on the sheet must be told apart. */
async function addNamesake(store: TestStore) {
  const second = await store.ok('org.teams.create', { name: '客服二组' });
  await store.ok('org.staff.create', {
    employeeNo: 'KF201',
    name: '张伟',
    teamId: second.id,
    position: 'agent',
  });
}

/** A fifth person on the night shift whom nobody has marked yet. */
async function addUnmarked(store: TestStore, teamId: number, nightId: number, date: string) {
  const unmarked = await store.ok('org.staff.create', {
    employeeNo: 'KF105',
    name: '陈静',
    teamId,
    position: 'agent',
  });
  await store.ok('org.schedule.assign', {
    cells: [{ staffId: unmarked.id, date, value: nightId }],
  });
}

const count = (page: Page, label: string) =>
  page.getByTestId('handover-staffing').locator('.handover-count').filter({ hasText: label });

test('at 08:05 the handover opens on the night shift that just ended, not the early shift that began', async ({
  page,
  store,
  open,
}) => {
  const date = today();
  await seed(store, date);
  await page.clock.setFixedTime(new Date(`${date}T08:05:00+08:00`));
  await open('#/handover', A);
  await expect(page.getByLabel('日期', { exact: true })).toHaveValue(date);
  await expect(
    page.getByRole('combobox', { name: '班次', exact: true }).locator('..'),
  ).toContainText('夜班');
  await page.getByRole('button', { name: '写交接班记录' }).click();
  await expect(page.getByTestId('handover-editor')).toContainText('夜班');

  // Mid-shift, with no shift ended in the last two hours, it is the shift running now.
  await page.clock.setFixedTime(new Date(`${date}T12:00:00+08:00`));
  await open('#/handover&tab=write');
  await expect(
    page.getByRole('combobox', { name: '班次', exact: true }).locator('..'),
  ).toContainText('早班');
});

test('the staffing box adds up, an unmarked roll-call asks before submitting, and its hint is the writer’s alone', async ({
  page,
  store,
  open,
}) => {
  test.setTimeout(120_000);
  const date = today();
  const { team, night } = await seed(store, date);
  await addUnmarked(store, team.id, night.id, date);
  const { draft } = await draftOfA(store, date, team.id, night.id);

  await open(`#/handover&tab=write&id=${draft.id}`, A);
  // 应到 5 = 实到 3 (two on time, one late) + 旷工 1 + 请假 0 + 未点名 1.
  await expect(count(page, '应到')).toContainText('5');
  await expect(count(page, '实到')).toContainText('3');
  await expect(count(page, '其中迟到')).toContainText('1');
  await expect(count(page, '旷工')).toContainText('1');
  await expect(count(page, '未点名')).toContainText('1');
  await expect(page.getByTestId('staffing-unrecorded-hint')).toBeVisible();

  // Submitting with someone unmarked asks first; cancelling leaves it a draft.
  await choose(page, page.getByRole('combobox', { name: '接班人' }), B.displayName);
  await page.getByRole('button', { name: '提交交班' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('1 人未点名');
  // A click that lands while the confirmation still zooms in is lost under load: until it closes.
  await expect(async () => {
    await confirm.getByRole('button', { name: '取消' }).click({ timeout: 1000 });
    await expect(confirm).toBeHidden({ timeout: 1000 });
  }).toPass();
  expect((await store.ok('handover.get', { id: draft.id })).state).toBe('draft');
  await page.getByRole('button', { name: '提交交班' }).click();
  await expect(page.getByRole('dialog')).toContainText('1 人未点名');
  await page.getByRole('dialog').getByRole('button', { name: '仍然提交' }).click();
  await expect(page.getByText(`已提交给 ${B.displayName}`).first()).toBeVisible();
  expect((await store.ok('handover.get', { id: draft.id })).state).toBe('submitted');

  // The incoming lead reads the figures, not the writer's to-do.
  const asB = await sessionOf(store, B);
  await asB('handover.acknowledge', { id: draft.id });
  await page.getByRole('button', { name: new RegExp(A.displayName) }).click();
  await page.getByText(/^(切换用户|Switch user)$/).click();
  await signIn(page, B.username, B.password);
  await open(`#/handover&tab=incoming&id=${draft.id}`);
  await expect(count(page, '实到')).toContainText('3');
  await expect(page.getByTestId('staffing-unrecorded-hint')).toHaveCount(0);
  // Nor the printed, locked sheet.
  await open(`#/handover&print=${draft.id}`);
  await expect(page.getByTestId('handover-print').locator('.handover-count')).not.toHaveCount(0);
  await expect(page.getByTestId('staffing-unrecorded-hint')).toHaveCount(0);
});

test('a 16:00–24:00 shift reads 16:00–24:00 on the editor, the sheet and the printout, never 16:00–00:00', async ({
  page,
  store,
  open,
}) => {
  const date = today();
  const { team, middle } = await seed(store, date);
  const asA = await sessionOf(store, A);
  const draft = await asA('handover.start', { date, shiftTypeId: middle.id, teamId: team.id });
  await open(`#/handover&tab=write&id=${draft.id}`, A);
  await expect(page.getByText(/中班 16:00–24:00/).first()).toBeVisible();
  await open(`#/handover&print=${draft.id}`);
  const print = page.getByTestId('handover-print');
  await expect(print).toContainText('中班 16:00–24:00');
  await expect(print).not.toContainText('00:00');
});

test('people with the same name show their employee number, and an item’s owner is picked from staff and users', async ({
  page,
  store,
  open,
}) => {
  const date = today();
  const { team, night } = await seed(store, date);
  await addNamesake(store);
  const { draft } = await draftOfA(store, date, team.id, night.id);

  await open(`#/handover&tab=write&id=${draft.id}`, A);
  const staffing = page.getByTestId('handover-staffing');
  await expect(staffing).toContainText('张伟（KF103）');
  // A name no one else has stays plain.
  await expect(staffing).toContainText('李娜（25 分钟）');

  await page.getByRole('button', { name: '新增遗留事项' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByRole('combobox', { name: '类别' }), '客户回访');
  await dialog.getByLabel('说明').fill('回访客户，确认宽带已恢复');
  const owner = dialog.getByRole('combobox', { name: '责任人' });
  // The category list animates out first: the next visible list is the owner's.
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
  await owner.fill('张');
  const options = page.locator('.ant-select-dropdown').filter({ visible: true });
  await expect(options).toContainText('张伟 · KF103 · 客服一组');
  await expect(options).toContainText('张伟 · KF201 · 客服二组');
  await expect(options).toContainText(A.displayName);
  await options.getByText('张伟 · KF201 · 客服二组').click();
  await expect(owner).toHaveValue('张伟（KF201）');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('handover-items')).toContainText('张伟（KF201）');
  const saved = await store.ok('handover.get', { id: draft.id });
  expect(saved.items.map((i) => i.owner)).toEqual(['张伟（KF201）']);

  // The printed sheet names the namesake by number too.
  await open(`#/handover&print=${draft.id}`, A);
  const print = page.getByTestId('handover-print');
  await expect(print).toContainText('张伟（KF103）');
  await expect(print).toContainText('李娜（25 分钟）');
});

test('the log shows where a search matched with the words marked, and the A4 sheet keeps its borders and its signatures', async ({
  page,
  store,
  open,
}) => {
  // Fourteen A4 prints, each read back: slow on a loaded machine.
  test.setTimeout(300_000);
  const date = today();
  const { team, night } = await seed(store, date);
  const asA = await sessionOf(store, A);
  const asB = await sessionOf(store, B);
  const h = await asA('handover.start', { date, shiftTypeId: night.id, teamId: team.id });
  for (let i = 1; i <= 14; i++)
    await asA('handover.addItem', {
      handoverId: h.id,
      category: 'callback',
      description: `第 ${i} 位客户来电反映宽带断线，已登记工单，需在今日 18:00 前回访确认恢复情况并记录客户意见`,
      priority: 'normal',
      owner: '李娜',
    });
  await asA('handover.save', {
    id: h.id,
    staffingRemark: null,
    seatsStatus: '正常',
    queue: { offered: 980, answered: 940, abandoned: 40, serviceLevel: 88, ahtSeconds: 198 },
    notices: '3 月 1 日起资费调整',
    escalations: null,
    remarks: '夜间 CRM 系统短暂中断 5 分钟，已恢复，投诉客户已安抚',
  });
  await asA('handover.submit', { id: h.id, incomingUserId: await userId(store, B) });
  await asB('handover.acknowledge', { id: h.id });

  await open('#/handover&tab=log', A);
  const search = page.getByLabel('搜索', { exact: true });
  await search.fill('CRM 投诉');
  await search.press('Enter');
  const excerpt = page.getByTestId('search-excerpt');
  await expect(excerpt).toContainText('系统短暂中断');
  await expect(excerpt.locator('mark')).toHaveText(['CRM', '投诉']);

  // The printed sheet: every table cell bordered in black enough for a laser printer, and the
  // signatures on the same page as the end of the sheet, never alone on the next one.
  await open(`#/handover&print=${h.id}`);
  await expect(page.getByTestId('handover-print')).toContainText('投诉客户已安抚');
  await page.emulateMedia({ media: 'print' });
  const borders = await page
    .locator('.handover-print td, .handover-print th')
    .evaluateAll((cells) =>
      cells.map((c) => {
        const s = getComputedStyle(c);
        return `${s.borderTopStyle} ${s.borderTopColor} ${s.borderLeftStyle}`;
      }),
    );
  expect(new Set(borders)).toEqual(new Set(['solid rgb(0, 0, 0) solid']));
  // The sheet grows by an addendum at a time, so the page break falls at every height once.
  const asManager = await sessionOf(store, MANAGER);
  const dir = mkdtempSync(join(tmpdir(), 'handover-a4-'));
  for (let n = 1; n <= 14; n++) {
    const text = `补记 ${n}：经核实，第 ${n} 位客户的宽带已恢复${'，客户表示满意'.repeat(n % 4)}`;
    await asManager('handover.addendum', { id: h.id, text });
    await page.reload();
    await expect(page.getByTestId('handover-print')).toContainText(`补记 ${n}：`);
    const pdf = join(dir, `sheet-${n}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
      encoding: 'utf8',
    })
      .split('\f')
      .map((p) => p.replace(/\s+/g, ''));
    const signed = pages.findIndex((p) => p.includes('接班人签字'));
    expect(signed, `with ${n} addenda`).toBeGreaterThan(0);
    // The signatures sit under the sheet's last words, not alone at the top of a page.
    expect(pages[signed], `with ${n} addenda`).toContain(`补记${n}：`);
  }
});

test('pasting text over a field’s limit says how much did not fit', async ({
  page,
  store,
  open,
  context,
}) => {
  const date = today();
  const { team, night } = await seed(store, date);
  const { draft } = await draftOfA(store, date, team.id, night.id);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(`#/handover&tab=write&id=${draft.id}`, A);
  const remarks = page.getByRole('textbox', { name: '其他备注' });
  await remarks.fill('已交代：');
  // 2,000 characters fit; 4 are typed, so 1,996 of the 2,010 pasted do (𠮷 counts as one).
  await page.evaluate((text) => navigator.clipboard.writeText(text), `${'客'.repeat(2009)}𠮷`);
  await remarks.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+V');
  await expect(page.locator('.ant-message')).toContainText('其他备注');
  await expect(page.locator('.ant-message')).toContainText('末尾 14 个字没有粘贴进去');
  await expect(remarks).toHaveValue(`已交代：${'客'.repeat(1996)}`);
});

test('a form’s error goes once its field is fixed, and an empty required field says it is required', async ({
  page,
  store,
  open,
}) => {
  const date = today();
  const { team, night } = await seed(store, date);
  const { asA, draft } = await draftOfA(store, date, team.id, night.id);
  await asA('handover.addItem', {
    handoverId: draft.id,
    category: 'callback',
    description: '回访客户，确认宽带已恢复',
    priority: 'normal',
  });
  await open(`#/handover&tab=write&id=${draft.id}`, A);
  await page
    .getByTestId('handover-items')
    .getByRole('row')
    .filter({ hasText: '确认宽带已恢复' })
    .getByRole('button', { name: /修改/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('已解决', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  const error = dialog.locator('.ant-form-item-explain-error');
  await expect(error).toHaveText('标记为已解决时必须填写处理结果');
  // Typing the missing note takes the message away at once, before saving again.
  await dialog.getByLabel('处理结果').fill('已回电，客户确认恢复');
  await expect(error).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // An empty code is "required", not a rule about which letters a code may hold.
  await page.getByRole('button', { name: new RegExp(A.displayName) }).click();
  await page.getByText(/^(切换用户|Switch user)$/).click();
  await signIn(page, ADMIN.username, ADMIN.password);
  await open('#/handover&tab=settings');
  await page.getByRole('button', { name: '新增类别' }).click();
  const rows = page.getByRole('row');
  await rows.last().getByRole('textbox').first().fill('VIP 回访');
  await page.getByRole('button', { name: '保存' }).click();
  const codeError = page.locator('.ant-form-item-explain-error');
  await expect(codeError).toHaveText('代码不能为空');
  await rows.last().getByRole('textbox').last().fill('vip_callback');
  await expect(codeError).toHaveCount(0);
});

/** The screens these points touch, at the desk's 1366×768 in both languages, for a person to look at. */
for (const language of ['zh-CN', 'en-US'] as const) {
  test(`handover desk screens (${language})`, async ({ page, store, open, context }) => {
    test.setTimeout(120_000);
    await deskScreen(page, language);
    const zh = language === 'zh-CN';
    const date = today();
    const { team, night } = await seed(store, date);
    await addNamesake(store);
    await addUnmarked(store, team.id, night.id, date);
    const asA = await sessionOf(store, A);
    const h = await asA('handover.start', { date, shiftTypeId: night.id, teamId: team.id });
    await asA('handover.addItem', {
      handoverId: h.id,
      category: 'complaint',
      description: '客户投诉宽带安装延误，回访𠮷先生🎉，需回电说明',
      priority: 'high',
      owner: '张伟（KF201）',
    });
    await asA('handover.save', {
      id: h.id,
      staffingRemark: null,
      seatsStatus: '正常',
      queue: { offered: 980, answered: 940, abandoned: 40, serviceLevel: 88, ahtSeconds: 198 },
      notices: null,
      escalations: null,
      remarks: '夜间 CRM 系统短暂中断 5 分钟，已恢复，投诉客户已安抚',
    });

    // At 08:05: the write tab on the night shift that just ended.
    await page.clock.setFixedTime(new Date(`${date}T08:05:00+08:00`));
    await open('#/handover&tab=write', A);
    await expect(
      page.getByRole('button', { name: zh ? '写交接班记录' : /handover/i }),
    ).toBeVisible();
    await screenshot(page, `handover-write-default-${language}`);

    await open(`#/handover&tab=write&id=${h.id}`);
    await expect(page.getByTestId('handover-staffing')).toBeVisible();
    await screenshot(page, `handover-staffing-${language}`);

    // The owner picker, open on two 张伟.
    await page.getByRole('button', { name: zh ? '新增遗留事项' : /Add pending item/i }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: zh ? '责任人' : 'Owner' }).fill('张');
    await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toContainText(
      'KF201',
    );
    await screenshot(page, `handover-owner-picker-${language}`);
    await page.keyboard.press('Escape');
    await dialog
      .getByRole('button', { name: zh ? '取 消' : 'Cancel' })
      .or(dialog.getByRole('button', { name: '取消' }))
      .first()
      .click();
    await expect(dialog).toBeHidden();

    // A paste over the limit, and the submit that asks about the unmarked.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), '客'.repeat(2100));
    const remarks = page.getByRole('textbox', { name: zh ? '其他备注' : 'Remarks' });
    await remarks.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await expect(page.locator('.ant-message')).toBeVisible();
    await screenshot(page, `handover-paste-cut-${language}`);
    await choose(
      page,
      page.getByRole('combobox', { name: zh ? '接班人' : 'Incoming lead' }),
      B.displayName,
    );
    await page.getByRole('button', { name: zh ? '提交交班' : /Submit handover/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await screenshot(page, `handover-submit-unrecorded-${language}`);
    await page.getByRole('dialog').getByRole('button').last().click();
    await expect
      .poll(async () => (await store.ok('handover.get', { id: h.id })).state)
      .toBe('submitted');

    // The log, searched.
    await open('#/handover&tab=log');
    const search = page.getByLabel(zh ? '搜索' : 'Search', { exact: true });
    await search.fill('投诉 🎉');
    await search.press('Enter');
    await expect(page.getByTestId('search-excerpt').first()).toBeVisible();
    await screenshot(page, `handover-log-search-${language}`);
  });
}
