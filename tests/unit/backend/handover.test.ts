import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, HandoverDetail, Input } from '../../../shared/contract';
import { DATABASE_FILE_NAME } from '../../../db/store';
import type { Session } from '../../../electron/backend/core/context';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
let a: Session;
let b: Session;
let manager: Session;
let teamId: number;
let night: number;
let early: number;
let middle: number;

/** An account; a supervisor leads team 客服一组. */
async function user(username: string, displayName: string, role: Session['role']) {
  const created = await t.ok('accounts.users.create', {
    username,
    displayName,
    role,
    teamIds: role === 'supervisor' ? [teamId] : [],
    password: 'correct horse 9',
  });
  return { userId: created.id, username, displayName, role, teamIds: created.teamIds };
}

async function as<C extends Channel>(who: Session, channel: C, input: Input<C>) {
  const result = await t.backend.callAs(channel, input, who);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as C extends 'handover.updateItem' ? unknown : HandoverDetail;
}

const call = <C extends Channel>(who: Session, channel: C, input: Input<C>) =>
  t.backend.callAs(channel, input, who);

beforeEach(async () => {
  t = await tempStore();
  teamId = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  a = await user('zhang', '张主管', 'supervisor');
  b = await user('lina', '李主管', 'supervisor');
  manager = await user('wang', '王经理', 'manager');
  const shifts = await t.ok('org.shiftTypes.list', {});
  night = shifts.find((s) => s.code === 'N')!.id;
  early = shifts.find((s) => s.code === 'E')!.id;
  middle = shifts.find((s) => s.code === 'M')!.id;
});
afterEach(() => t.close());

async function writeAndAcknowledge() {
  const h = await as(a, 'handover.start', { date: '2026-11-16', shiftTypeId: night, teamId });
  await as(a, 'handover.addItem', {
    handoverId: h.id,
    category: 'complaint',
    description: '客户投诉宽带安装延误，需回电说明',
    reference: 'GD20261116001',
    priority: 'high',
    dueAt: '2026-11-16 12:00',
  });
  await as(a, 'handover.addItem', {
    handoverId: h.id,
    category: 'system_fault',
    description: 'CRM 查询缓慢，已报 IT',
  });
  await as(a, 'handover.submit', { id: h.id, incomingUserId: b.userId! });
  return h.id;
}

describe('a handover from writing to lock', () => {
  it('is written, disputed, fixed, acknowledged and then locked against every edit', async () => {
    const id = await writeAndAcknowledge();
    // Only the named incoming lead can act on it.
    expect(await call(manager, 'handover.acknowledge', { id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(a, 'handover.acknowledge', { id })).toMatchObject({
      ok: false,
      error: { key: 'errors.notIncomingLead' },
    });
    let h = await as(b, 'handover.dispute', { id, remark: '系统故障没写影响范围' });
    expect(h).toMatchObject({ state: 'disputed', disputeRemark: '系统故障没写影响范围' });
    await as(a, 'handover.save', {
      id,
      queue: { offered: 820, answered: 790, abandoned: 30, serviceLevel: 85.5, ahtSeconds: 260 },
      escalations: '系统故障影响全部座席查询',
    });
    await as(a, 'handover.submit', { id, incomingUserId: b.userId! });
    h = await as(b, 'handover.acknowledge', { id });
    expect(h).toMatchObject({
      state: 'acknowledged',
      incomingName: '李主管',
      actions: ['addendum'],
    });
    expect(h.items.every((i) => i.snapshot !== null)).toBe(true);

    const before = t.digest();
    for (const who of [a, b]) {
      expect(
        await call(who, 'handover.save', { id, queue: h.queue, remarks: '改一下' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'conflict', key: 'errors.handoverLocked' },
      });
    }
    expect(
      await call(a, 'handover.addItem', { handoverId: id, category: 'other', description: '补充' }),
    ).toMatchObject({ ok: false, error: { key: 'errors.handoverLocked' } });
    expect(t.digest()).toBe(before);

    // Not even SQL can change it behind the console's back.
    const raw = new Database(join(t.dir, DATABASE_FILE_NAME));
    expect(() => raw.prepare("update handovers set remarks = 'x' where id = ?").run(id)).toThrow(
      /locked/,
    );
    expect(() =>
      raw.prepare("update handover_item_links set snapshot = '{}' where handover_id = ?").run(id),
    ).toThrow(/locked/);
    raw.close();

    h = await as(manager, 'handover.addendum', { id, text: '补记：客户已于 9:30 回电确认' });
    expect(h.addenda).toMatchObject([{ author: '王经理', text: '补记：客户已于 9:30 回电确认' }]);
  });

  it('refuses submitting to yourself or to someone who is not a lead', async () => {
    const h = await as(a, 'handover.start', { date: '2026-11-16', shiftTypeId: night, teamId });
    expect(await call(a, 'handover.submit', { id: h.id, incomingUserId: a.userId! })).toMatchObject(
      {
        ok: false,
        error: { field: 'incomingUserId', key: 'errors.sameLead' },
      },
    );
    expect(
      await call(a, 'handover.submit', { id: h.id, incomingUserId: manager.userId! }),
    ).toMatchObject({ ok: false, error: { key: 'errors.notALead' } });
  });

  it('requires a resolution note to resolve an item', async () => {
    const id = await writeAndAcknowledge();
    await as(b, 'handover.acknowledge', { id });
    const item = (await as(b, 'handover.get', { id })).items[0]!;
    const fields = {
      id: item.id,
      category: item.category,
      description: item.description,
      status: 'resolved' as const,
    };
    expect(await call(b, 'handover.updateItem', fields)).toMatchObject({
      ok: false,
      error: { field: 'resolution', key: 'errors.resolutionRequired' },
    });
    await as(b, 'handover.updateItem', { ...fields, resolution: '已回电，客户接受改约' });
    expect(await call(b, 'handover.updateItem', { ...fields, resolution: '再改' })).toMatchObject({
      ok: false,
      error: { key: 'errors.itemResolved' },
    });
  });
});

describe('who may edit an item', () => {
  it('is checked against every unacknowledged handover it is on, from the board too', async () => {
    const c = await user('zhao', '赵主管', 'supervisor');
    const id = await writeAndAcknowledge(); // A's sheet, submitted to B
    const item = (await as(a, 'handover.get', { id })).items[0]!;
    const rewrite = {
      id: item.id,
      category: item.category,
      description: '已处理，无需回电',
      status: 'open' as const,
    };
    const before = t.digest();
    // A third supervisor, from the open-items board (no handoverId): refused, nothing written.
    expect(await call(c, 'handover.updateItem', rewrite)).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.notOutgoingLead' },
    });
    // Naming a sheet of their own the item is not on changes nothing either.
    const own = await as(c, 'handover.start', { date: '2026-11-17', shiftTypeId: early, teamId });
    const afterStart = t.digest();
    expect(own.items.map((i) => i.id)).toContain(item.id); // carried into C's new draft …
    expect(await call(c, 'handover.updateItem', { ...rewrite, handoverId: own.id })).toMatchObject(
      { ok: false, error: { code: 'conflict', key: 'errors.notOutgoingLead' } }, // … but A's sheet is open too
    );
    expect(t.digest()).toBe(afterStart);
    expect(before).not.toBe(afterStart);
    // The incoming lead reads a submitted sheet; only its writer may change it.
    expect(await call(b, 'handover.updateItem', rewrite)).toMatchObject({
      ok: false,
      error: { key: 'errors.notOutgoingLead' },
    });
    expect((await as(a, 'handover.get', { id })).state).toBe('submitted');
    expect((await as(a, 'handover.get', { id })).items[0]!.description).toBe(item.description);
  });

  it('lets the writer of every open sheet it is on edit it, and anyone once those are acknowledged', async () => {
    const c = await user('zhao', '赵主管', 'supervisor');
    const id = await writeAndAcknowledge();
    const item = (await as(a, 'handover.get', { id })).items[0]!;
    const fields = { id: item.id, category: item.category, description: item.description };
    // The writer takes the submitted sheet back to draft by editing from the board.
    await as(a, 'handover.updateItem', { ...fields, status: 'in_progress' });
    expect((await as(a, 'handover.get', { id })).state).toBe('draft');
    await as(a, 'handover.submit', { id, incomingUserId: b.userId! });
    await as(b, 'handover.acknowledge', { id });
    // On acknowledged sheets only: whoever follows it up resolves it from the board.
    expect(
      await call(c, 'handover.updateItem', { ...fields, status: 'resolved', resolution: '已回电' }),
    ).toMatchObject({ ok: true, value: { status: 'resolved' } });
  });
});

describe('carrying items across shifts', () => {
  it('carries every unresolved item into each new handover, with its history, until resolved', async () => {
    const first = await writeAndAcknowledge();
    await as(b, 'handover.acknowledge', { id: first });
    // B takes the early shift and starts its handover: both items come along.
    const second = await as(b, 'handover.start', {
      date: '2026-11-16',
      shiftTypeId: early,
      teamId,
    });
    expect(second.items.map((i) => [i.description, i.carried, i.shifts])).toEqual([
      ['客户投诉宽带安装延误，需回电说明', true, 2],
      ['CRM 查询缓慢，已报 IT', true, 2],
    ]);
    const complaint = second.items[0]!;
    await as(b, 'handover.updateItem', {
      id: complaint.id,
      handoverId: second.id,
      category: complaint.category,
      description: complaint.description,
      status: 'in_progress',
      owner: '赵强',
    });
    const fault = second.items[1]!;
    await as(b, 'handover.updateItem', {
      id: fault.id,
      handoverId: second.id,
      category: fault.category,
      description: fault.description,
      status: 'resolved',
      resolution: 'IT 已重启查询服务',
    });
    await as(b, 'handover.submit', { id: second.id, incomingUserId: a.userId! });
    await as(a, 'handover.acknowledge', { id: second.id });

    // The third shift: only the unresolved complaint, now in its third handover.
    const third = await as(a, 'handover.start', {
      date: '2026-11-16',
      shiftTypeId: middle,
      teamId,
    });
    expect(third.items.map((i) => [i.description, i.status, i.shifts])).toEqual([
      ['客户投诉宽带安装延误，需回电说明', 'in_progress', 3],
    ]);
    const history = third.history.filter((e) => e.itemId === complaint.id).map((e) => e.action);
    expect(history).toEqual(['created', 'carried', 'updated', 'carried']);
    // The first sheet still shows the complaint as it was acknowledged: open, no owner.
    const original = await as(a, 'handover.get', { id: first });
    expect(original.items[0]!.snapshot).toMatchObject({ status: 'open', owner: null });
    expect(original.items[0]!.status).toBe('in_progress');

    // Another team's handover of the same shift carries none of this team's items.
    const otherTeam = (await t.ok('org.teams.create', { name: '客服二组' })).id;
    const leadOfBoth = { ...b, teamIds: [teamId, otherTeam] };
    const elsewhere = await as(leadOfBoth, 'handover.start', {
      date: '2026-11-16',
      shiftTypeId: middle,
      teamId: otherTeam,
    });
    expect(elsewhere.items).toEqual([]);

    const board = await t.ok('handover.openItems', {});
    expect(board.map((i) => i.description)).toEqual(['客户投诉宽带安装延误，需回电说明']);
  });
});

describe('the log', () => {
  it('finds handovers by Chinese words in items and addenda, two characters included', async () => {
    const id = await writeAndAcknowledge();
    await as(b, 'handover.acknowledge', { id });
    await as(manager, 'handover.addendum', { id, text: '客户满意度回访已安排' });
    for (const search of ['宽带', '投诉', '回访', 'GD20261116001', '宽带 延误']) {
      const { rows } = await t.ok('handover.list', { search, page: 1, pageSize: 20 });
      expect(
        rows.map((r) => r.id),
        search,
      ).toEqual([id]);
    }
    expect((await t.ok('handover.list', { search: '停电', page: 1, pageSize: 20 })).total).toBe(0);
    const filtered = await t.ok('handover.list', {
      state: 'acknowledged',
      hasOpenItems: true,
      userId: b.userId!,
      page: 1,
      pageSize: 20,
    });
    expect(filtered.rows).toMatchObject([{ id, openItems: 2, overdueItems: 1 }]);
  });

  it('finds characters outside the Basic Multilingual Plane and emoji, alone or inside a word', async () => {
    // An earlier handover with the BMP look-alike 吉 (carried into the next, never holding 𠮷).
    const other = await as(b, 'handover.start', {
      date: '2026-11-15',
      shiftTypeId: night,
      teamId,
    });
    await as(b, 'handover.addItem', {
      handoverId: other.id,
      category: 'other',
      description: '吉野家订餐，服务很好',
      priority: 'normal',
    });
    const h = await as(a, 'handover.start', { date: '2026-11-16', shiftTypeId: night, teamId });
    // 𠮷 and 𠀀 are CJK Extension B (two UTF-16 halves each); 🎉 and 😡 are emoji.
    await as(a, 'handover.addItem', {
      handoverId: h.id,
      category: 'callback',
      description: '回访𠮷𠀀先生，客户留言“服务🎉很好”，另一位客户很生气😡',
      priority: 'normal',
    });
    for (const search of ['𠮷', '𠀀', '𠮷𠀀', '𠀀先生', '🎉', '😡', '服务🎉很好', '生气😡']) {
      const { rows } = await t.ok('handover.list', { search, page: 1, pageSize: 20 });
      expect(
        rows.map((r) => r.id),
        search,
      ).toEqual([h.id]);
    }
    expect((await t.ok('handover.list', { search: '🎂', page: 1, pageSize: 20 })).total).toBe(0);
  });

  it('exports the open items with a BOM and Chinese headers', async () => {
    await writeAndAcknowledge();
    const file = await t.ok('handover.exportItems', { format: 'csv', language: 'zh-CN' });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('客户投诉宽带安装延误');
    expect(file.fileName).toMatch(/^遗留事项-\d{8}-\d{4}\.csv$/);
    // One language: the board's own words for the headers and values.
    const [header, first] = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(header).toBe(
      '编号,类别,说明,客户 / 工单号,优先级,状态,责任人,处理期限,已逾期,已交接班次,已持续（小时）,登记人,最近交接',
    );
    expect(first).toContain('投诉跟进');
    const english = await t.ok('handover.exportItems', { format: 'xlsx', language: 'en-US' });
    expect(english.fileName).toMatch(/^Open handover items-\d{8}-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(english.contentBase64, 'base64') as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Open handover items');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual([
      'No.',
      'Category',
      'Description',
      'Customer / ticket ref.',
      'Priority',
      'Status',
    ]);
    expect(sheet.getCell(2, 2).value).toBe('Complaint follow-up');
    // A file always says which language it speaks in: none given is refused, naming the field.
    expect(await t.call('handover.exportItems', { format: 'csv' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'language' },
    });
  });
});
