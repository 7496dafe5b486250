import type { Page } from '@playwright/test';
import { formatYuan } from '../../shared/domain/rewards/money';
import { monthOf } from '../../shared/domain/time';
import type { TestStore } from '../helpers/store';
import { callHost } from '../helpers/host-api';
import { ADMIN, deskScreen, expect, screenshot, signIn, test } from './fixtures';
import { A, MANAGER, seed, sessionOf, today, type Account } from './handover-fixtures';

/**
 * 奖惩 approval (issue 13, points 2–4) in the Chinese UI against the real backend: the queue,
 * the record drawer, evidence chips, red lines' two approvals, revoking, the attendance rules'
 * proposals filed and approved in one batch, and the home card.
 */

/** Two days of last month: nothing in the future, nothing closed. */
const lastMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return monthOf(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`);
};
const MONTH = lastMonth();
const DAY1 = `${MONTH}-10`;
const DAY2 = `${MONTH}-11`;

async function setUp(store: TestStore) {
  const { night } = await seed(store, DAY1, DAY2);
  const staff = (await store.ok('org.staff.list', {})).rows;
  const who = (name: string) => staff.find((s) => s.name === name)!.id;
  const shift = await store.ok('attendance.shift', { date: DAY1, shiftTypeId: night.id });
  const lateRecord = shift.people.find((p) => p.name === '李娜')!.record!.id;
  const catalog = await store.ok('rewards.catalog', {});
  const reason = (code: string) => catalog.reasons.find((r) => r.code === code)!.id;
  const lead = await sessionOf(store, A);
  return { who, lateRecord, reason, lead };
}

const getRecord = (store: TestStore, id: number) => store.ok('rewards.records.get', { id });

/** Signs the current user out and the next one in. */
async function switchUser(page: Page, from: Account, to: Account) {
  await page.getByRole('button', { name: new RegExp(from.displayName) }).click();
  await page.getByText('退出登录').click();
  await signIn(page, to.username, to.password);
}

const queueRow = (page: Page, text: string) =>
  page.locator('.ant-table-row').filter({ hasText: text });
const drawer = (page: Page) => page.getByRole('dialog');
/** The drawer has finished sliding in (720 px wide on the 1366 px desk screen): ready to photograph. */
const drawerSettled = (page: Page) =>
  expect.poll(async () => Math.round((await drawer(page).boundingBox())?.x ?? 0)).toBe(1366 - 720);
const closeDrawer = (page: Page) =>
  drawer(page)
    .getByRole('button', { name: /^(Close|关闭)$/ })
    .click();

test('(a) the manager sees the evidence chip, approves one proposal from the queue and rejects another with a reason', async ({
  page,
  store,
  open,
}) => {
  // Two decisions and a visit to the attendance page: more than a minute on a loaded machine.
  test.slow();
  const { who, lateRecord, reason, lead } = await setUp(store);
  const late = await lead('rewards.records.propose', {
    staffId: who('李娜'),
    eventDate: DAY1,
    reasonId: reason('late'),
    description: '夜班迟到25分钟',
    evidence: [{ entity: 'attendance_record', entityId: lateRecord }],
  });
  const other = await lead('rewards.records.propose', {
    staffId: who('王芳'),
    eventDate: DAY2,
    reasonId: reason('qa_failed'),
    description: '质检抽查不合格',
  });

  await deskScreen(page, 'zh-CN');
  await open('', MANAGER);
  await page.getByRole('menuitem', { name: '奖惩' }).click();
  // The queue is the first tab a manager sees.
  await expect(page.getByRole('tab', { name: '审批', selected: true })).toBeVisible();
  const row = queueRow(page, '李娜');
  await expect(row.getByTestId('evidence-chip')).toHaveText(/考勤 迟到 · \d+月10日/);
  await expect(queueRow(page, '王芳')).toContainText('质检不合格');
  await expect(row).toContainText('手工提议');
  await expect(row).toContainText('张主管');
  await screenshot(page, 'rewards-queue-zh-CN');

  // The chip opens the person's month on the attendance page.
  await row.getByTestId('evidence-chip').click();
  await expect(page).toHaveURL(new RegExp(`#/attendance&month=${MONTH}&staff=${who('李娜')}`));
  await expect(page.getByText('李娜 · KF102').first()).toBeVisible();
  await page.goBack();

  await queueRow(page, '李娜').click();
  await expect(page).toHaveURL(new RegExp(`record=${late.id}`));
  await expect(drawer(page)).toContainText('夜班迟到25分钟');
  await drawer(page)
    .getByRole('button', { name: /^批\s?准$/ })
    .click();
  await expect(page.getByText('已批准').first()).toBeVisible();
  expect(await getRecord(store, late.id)).toMatchObject({
    state: 'approved',
    decidedBy: MANAGER.displayName,
    ledger: [{ kind: 'grant', date: DAY1 }],
  });
  await closeDrawer(page);
  await expect(page).not.toHaveURL(/record=/);
  await expect(queueRow(page, '李娜')).toHaveCount(0);

  await queueRow(page, '王芳').click();
  await drawer(page)
    .getByRole('button', { name: /^驳\s?回$/ })
    .click();
  // A rejection needs a reason: the form says so next to the field.
  await drawer(page).getByRole('button', { name: '确认驳回' }).click();
  await expect(drawer(page).getByText('请填写理由')).toBeVisible();
  await drawer(page).getByLabel('理由').fill('抽查样本不足，证据不充分');
  await drawer(page).getByRole('button', { name: '确认驳回' }).click();
  await expect(drawer(page).getByText('已驳回').first()).toBeVisible();
  expect(await getRecord(store, other.id)).toMatchObject({
    state: 'rejected',
    decisionReason: '抽查样本不足，证据不充分',
  });
  await closeDrawer(page);
  await expect(page.getByText('没有待审批的奖惩提议')).toBeVisible();
});

test('(b) a red line waits at 1/2 after one manager and is approved by a second person', async ({
  page,
  store,
  open,
}) => {
  const { who, reason, lead } = await setUp(store);
  const red = await lead('rewards.records.propose', {
    staffId: who('张伟'),
    eventDate: DAY2,
    reasonId: reason('argued_with_customer'),
    description: '通话中与客户争吵',
    agentExplanation: '客户连续辱骂，我没控制住情绪',
    context: '客户因退费被拒辱骂座席三分钟',
    externalRef: 'TS20261110001',
  });
  await deskScreen(page, 'zh-CN');
  await open(`#/rewards&tab=queue&record=${red.id}`, MANAGER);
  await expect(drawer(page)).toContainText('客户连续辱骂，我没控制住情绪');
  await expect(drawer(page)).toContainText('客户因退费被拒辱骂座席三分钟');
  await expect(drawer(page)).toContainText('需两位审批人批准');
  await drawerSettled(page);
  await screenshot(page, 'rewards-drawer-redline-zh-CN');
  await drawer(page)
    .getByRole('button', { name: /^批\s?准$/ })
    .click();
  await expect(page.getByText('已批准（1/2），待第二位审批人')).toBeVisible();
  expect(await getRecord(store, red.id)).toMatchObject({ state: 'proposed', approvals: 1 });
  // The same manager cannot give the second approval: it left his queue.
  await expect(drawer(page).getByRole('button', { name: /^批\s?准$/ })).toHaveCount(0);
  await closeDrawer(page);
  await expect(queueRow(page, '张伟')).toHaveCount(0);

  await switchUser(page, MANAGER, ADMIN);
  await page.getByRole('menuitem', { name: '奖惩' }).click();
  const row = queueRow(page, '张伟');
  await expect(row).toContainText('1/2');
  await expect(row).toContainText('红线');
  await row.click();
  await expect(drawer(page).getByTestId('record-decision')).toContainText('王经理（经理）批准');
  await drawer(page)
    .getByRole('button', { name: /^批\s?准$/ })
    .click();
  await expect(page.getByText('已批准').first()).toBeVisible();
  const after = await getRecord(store, red.id);
  expect(after).toMatchObject({ state: 'approved', approvals: 2 });
  expect(after.decisions.map((d) => d.approver)).toEqual([MANAGER.displayName, ADMIN.displayName]);
});

test('(c) an approved record refuses an edit over the host API and is revoked with a reason', async ({
  page,
  store,
  open,
  host,
}) => {
  const { who, reason, lead } = await setUp(store);
  const input = {
    staffId: who('刘洋'),
    eventDate: DAY1,
    reasonId: reason('qa_failed'),
    description: '质检不合格',
  };
  const { id } = await lead('rewards.records.propose', input);
  await (
    await sessionOf(store, MANAGER)
  )('rewards.records.approve', { id });

  await deskScreen(page, 'zh-CN');
  await open(`#/rewards&tab=queue&record=${id}`, MANAGER);
  await expect(drawer(page)).toContainText('已批准');
  const session = await page.evaluate(() => sessionStorage.getItem('supervisor-console.session'));
  const edited = await callHost(
    host.launchUrl,
    'rewards.records.update',
    { id, ...input, staffId: undefined, description: '改成表扬', points: 0 },
    session ?? '',
  );
  expect(edited).toMatchObject({
    ok: false,
    error: { code: 'conflict', key: 'errors.rewards.notProposed' },
  });
  expect(await getRecord(store, id)).toMatchObject({
    state: 'approved',
    description: '质检不合格',
  });

  await drawer(page)
    .getByRole('button', { name: /^撤\s?销$/ })
    .click();
  await drawer(page).getByLabel('理由').fill('复核录音后确认质检误判');
  await drawer(page).getByRole('button', { name: '确认撤销' }).click();
  await expect(drawer(page).getByText('已撤销').first()).toBeVisible();
  await expect(drawer(page)).toContainText('复核录音后确认质检误判');
  const revoked = await getRecord(store, id);
  expect(revoked).toMatchObject({ state: 'revoked', revokeReason: '复核录音后确认质检误判' });
  expect(revoked.ledger.map((e) => e.kind)).toEqual(['grant', 'revoke']);
});

test('(d) the attendance rules’ proposals of a month are filed and approved in one batch', async ({
  page,
  store,
  open,
}) => {
  await setUp(store);
  await deskScreen(page, 'zh-CN');
  await open(`#/attendance&month=${MONTH}&tab=proposals`, A);
  await expect(page.getByText(/点“提交奖惩审批”/)).toBeVisible();
  await screenshot(page, 'attendance-proposals-file-zh-CN');
  await page.getByRole('button', { name: '提交奖惩审批' }).click();
  await expect(page.getByText('已将 2 条建议提交到奖惩审批')).toBeVisible();
  const filed = await store.ok('rewards.records.list', { state: 'proposed' });
  expect(filed.rows.map((r) => [r.staffName, r.source])).toEqual([
    ['张伟', 'attendance'],
    ['张伟', 'attendance'],
  ]);

  await switchUser(page, A, MANAGER);
  await page.getByRole('menuitem', { name: '奖惩' }).click();
  await expect(queueRow(page, '张伟')).toHaveCount(2);
  await expect(queueRow(page, '张伟').first()).toContainText('考勤规则');
  await page.locator('.ant-table-thead .ant-checkbox-input').check();
  await expect(page.getByText('已选 2 条')).toBeVisible();
  await page.getByRole('button', { name: '批准所选' }).click();
  await expect(page.getByText('已批准 2 条；0 条红线记录待第二位审批人')).toBeVisible();
  await expect(page.getByText('没有待审批的奖惩提议')).toBeVisible();
  const approved = await store.ok('rewards.records.list', { state: 'approved' });
  expect(approved.total).toBe(2);
  expect(approved.rows.every((r) => r.decidedBy === MANAGER.displayName)).toBe(true);
});

test('approving reduced needs a reason, refuses a raise next to the field, and warns of a type published after the event', async ({
  page,
  store,
  open,
}) => {
  const { who, reason, lead } = await setUp(store);
  const catalog = await store.ok('rewards.catalog', {});
  const deduction = catalog.types.find((x) => x.code === 'deduction')!;
  // The catalog's 扣款 was published to staff only today, after the event.
  const { id: typeId, defaultAmountFen, ...rest } = deduction;
  await store.ok('rewards.catalog.saveType', {
    ...rest,
    id: typeId,
    defaultAmount: formatYuan(defaultAmountFen),
    publishedOn: today(),
  });
  const { id } = await lead('rewards.records.propose', {
    staffId: who('李娜'),
    eventDate: DAY1,
    reasonId: reason('late'),
    typeId,
    amount: '50',
    description: '迟到造成排队积压',
  });

  await deskScreen(page, 'zh-CN');
  await open(`#/rewards&tab=queue&record=${id}`, MANAGER);
  await expect(drawer(page).getByTestId('record-warnings')).toContainText('才向员工公示');
  await drawer(page).getByRole('button', { name: '核减后批准' }).click();
  await drawer(page).getByLabel('金额（元）').fill('80');
  await drawer(page).getByLabel('核减理由').fill('初犯，酌情减轻');
  await drawer(page).getByRole('button', { name: '核减并批准' }).click();
  await expect(drawer(page).getByText('审批时只能核减，不能提高积分或金额')).toBeVisible();
  expect(await getRecord(store, id)).toMatchObject({ state: 'proposed', amountFen: 5000 });
  await drawerSettled(page);
  await screenshot(page, 'rewards-drawer-reduce-zh-CN');

  await drawer(page).getByLabel('金额（元）').fill('30');
  await expect(drawer(page).getByText('审批时只能核减，不能提高积分或金额')).toHaveCount(0);
  await drawer(page).getByRole('button', { name: '核减并批准' }).click();
  await expect(drawer(page).getByTestId('record-decision')).toContainText('核减为 0 分 / 30.00 元');
  const approved = await getRecord(store, id);
  expect(approved).toMatchObject({ state: 'approved', amountFen: 3000 });
  expect(approved.decisions).toMatchObject([
    { decision: 'approve', amountFen: 3000, points: null, reason: '初犯，酌情减轻' },
  ]);
});

test('the home card shows a manager what waits and a supervisor the state of her proposals', async ({
  page,
  store,
  open,
}) => {
  const { who, reason, lead } = await setUp(store);
  const first = await lead('rewards.records.propose', {
    staffId: who('李娜'),
    eventDate: DAY1,
    reasonId: reason('late'),
    description: '迟到',
  });
  const second = await lead('rewards.records.propose', {
    staffId: who('王芳'),
    eventDate: DAY2,
    reasonId: reason('qa_failed'),
    description: '质检不合格',
  });
  await (
    await sessionOf(store, MANAGER)
  )('rewards.records.reject', {
    id: second.id,
    reason: '证据不足',
  });
  await lead('rewards.records.propose', {
    staffId: who('刘洋'),
    eventDate: DAY2,
    reasonId: reason('qa_failed'),
    description: '质检不合格',
  });

  await deskScreen(page, 'zh-CN');
  await open('', A);
  const mine = page.getByTestId('home-rewards');
  await expect(mine).toContainText('我提出的奖惩');
  await expect(mine.locator('.ant-statistic').filter({ hasText: '待审批' })).toContainText('2');
  await expect(mine.locator('.ant-statistic').filter({ hasText: '已驳回' })).toContainText('1');
  await expect(mine).toContainText('王芳');
  await screenshot(page, 'rewards-home-supervisor-zh-CN');

  await switchUser(page, A, MANAGER);
  await page.getByRole('menuitem', { name: '首页' }).click();
  const card = page.getByTestId('home-rewards');
  await expect(card.locator('.ant-statistic').filter({ hasText: '待我审批' })).toContainText('2');
  await expect(card).toContainText('李娜');
  await screenshot(page, 'rewards-home-manager-zh-CN');
  await card.getByText('李娜').click();
  await expect(page).toHaveURL(new RegExp(`#/rewards&tab=queue&record=${first.id}`));
  await expect(drawer(page)).toContainText('迟到');
});

test('the queue and a red line’s drawer in English', async ({ page, store, open }) => {
  const { who, lateRecord, reason, lead } = await setUp(store);
  await lead('rewards.records.propose', {
    staffId: who('李娜'),
    eventDate: DAY1,
    reasonId: reason('late'),
    description: 'Late for the night shift by 25 minutes',
    evidence: [{ entity: 'attendance_record', entityId: lateRecord }],
  });
  const red = await lead('rewards.records.propose', {
    staffId: who('张伟'),
    eventDate: DAY2,
    reasonId: reason('argued_with_customer'),
    description: 'Argued with a customer on a call',
    agentExplanation: 'The customer kept insulting me and I lost my temper',
    context: 'Refund refused; the customer abused the agent for three minutes',
  });
  await deskScreen(page, 'en-US');
  await open('', MANAGER);
  await page.getByRole('menuitem', { name: 'Rewards & penalties' }).click();
  await expect(queueRow(page, '李娜').getByTestId('evidence-chip')).toHaveText(
    /Attendance Late · \w+ 10/,
  );
  await expect(queueRow(page, '张伟')).toContainText('0/2');
  await screenshot(page, 'rewards-queue-en-US');
  await queueRow(page, '张伟').click();
  await expect(drawer(page)).toContainText('two approvers');
  await expect(drawer(page)).toContainText('The customer kept insulting me');
  await drawerSettled(page);
  await screenshot(page, 'rewards-drawer-redline-en-US');
  expect((await getRecord(store, red.id)).state).toBe('proposed');
});
