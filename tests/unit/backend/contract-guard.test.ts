import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type Input } from '../../../shared/contract';
import { ROLES } from '../../../shared/domain/org';
import { teamRules } from '../../../electron/backend/modules';
import { seedOneTeam } from '../../helpers/fixtures';
import { sessionOf, tempStore, type TestStore } from '../../helpers/store';

/**
 * A valid input for every channel (typed: a new channel without an example fails to compile),
 * and one input each that the contract must refuse.
 */
const valid: { [C in Channel]: Input<C> } = {
  'accounts.status': {},
  'accounts.setup': { username: 'admin', displayName: '管理员', password: 'correct horse' },
  'accounts.signIn': { username: 'nobody', password: 'wrong password' },
  'accounts.signOut': {},
  'accounts.changePassword': { currentPassword: 'old password', newPassword: 'new password 1' },
  'accounts.users.list': {},
  'accounts.users.clashes': {},
  'accounts.users.create': {
    username: 'wangfang',
    displayName: '王芳',
    role: 'supervisor',
    password: 'correct horse',
  },
  'accounts.users.update': { id: 1, displayName: '王芳', role: 'supervisor', active: true },
  'accounts.users.resetPassword': { id: 1, password: 'correct horse' },
  'accounts.users.unlock': { id: 1 },
  'accounts.security': {},
  'accounts.updateSecurity': { idleMinutes: 20 },
  'app.info': {},
  'app.loadDemo': {},
  'org.teams.list': {},
  'org.teams.create': { name: '新班组' },
  'org.teams.update': { id: 1, name: '客服一组' },
  'org.staff.list': { page: 1, pageSize: 20 },
  'org.staff.create': { employeeNo: 'KF9001', name: '新人', teamId: 1, position: 'agent' },
  'org.staff.update': {
    id: 1,
    employeeNo: 'KF1',
    name: '王芳',
    teamId: 1,
    position: 'agent',
    status: 'active',
  },
  'org.staff.markLeft': { id: 1, leftOn: '2026-11-30', reason: '个人原因' },
  'org.staff.previewImport': {
    fileName: 'a.csv',
    contentBase64: Buffer.from('工号,姓名\nKF9003,钱七').toString('base64'),
  },
  'org.staff.import': {
    fileName: 'a.csv',
    contentBase64: Buffer.from('工号,姓名\nKF9002,赵六').toString('base64'),
  },
  'org.staff.template': { language: 'en-US' },
  'org.staff.export': { language: 'zh-CN', format: 'csv' },
  'org.shiftTypes.list': {},
  'org.shiftTypes.create': {
    code: 'X',
    name: '弹性班',
    startTime: '10:00',
    endTime: '19:00',
    breakMinutes: 60,
    lateGraceMinutes: 5,
    earlyLeaveGraceMinutes: 5,
    color: '#123456',
  },
  'org.shiftTypes.update': {
    id: 1,
    code: 'E',
    name: '早班',
    startTime: '08:00',
    endTime: '16:00',
    breakMinutes: 60,
    lateGraceMinutes: 5,
    earlyLeaveGraceMinutes: 5,
    color: '#52c41a',
  },
  'org.schedule.week': { teamId: 1, weekStart: '2026-11-16' },
  'org.schedule.day': { date: '2026-11-16' },
  'org.schedule.assign': { cells: [{ staffId: 1, date: '2026-11-16', value: 1 }] },
  'org.schedule.copyWeek': { teamId: 1, fromWeekStart: '2026-11-09', toWeekStart: '2026-11-16' },
  'attendance.leaveTypes.list': {},
  'attendance.leaveTypes.create': { code: 'home_leave', name: '探亲假', paid: true },
  'attendance.leaveTypes.update': {
    id: 1,
    code: 'personal',
    name: '事假',
    paid: false,
    active: true,
  },
  'attendance.rules': {},
  'attendance.updateRules': {
    halfDayLateMinutes: 30,
    lateCountForPenalty: 3,
    absenceProposesPenalty: true,
  },
  'attendance.shift': { date: '2026-11-16', shiftTypeId: 1 },
  'attendance.rollCall': {
    date: '2026-11-16',
    shiftTypeId: 1,
    entries: [{ staffId: 1, mark: 'present' }],
  },
  'attendance.correct': {
    staffId: 1,
    date: '2026-11-16',
    clockIn: '2026-11-16 08:00',
    clockOut: '2026-11-16 16:00',
    reason: '补录打卡',
  },
  'attendance.leave': {
    staffId: 1,
    from: '2026-11-16',
    to: '2026-11-17',
    leaveTypeId: 1,
    reason: '家中有事',
  },
  'attendance.swap': { staffAId: 1, staffBId: 2, dates: ['2026-11-16'], reason: '互换早晚班' },
  'attendance.swaps': { month: '2026-11' },
  'attendance.previewImport': {
    fileName: 'clock.csv',
    contentBase64: Buffer.from('工号,打卡时间\nKF1,2026-11-16 07:55').toString('base64'),
  },
  'attendance.applyImport': {
    fileName: 'clock.csv',
    contentBase64: Buffer.from('工号,打卡时间\nKF1,2026-11-16 07:55').toString('base64'),
  },
  'attendance.summary': { month: '2026-11' },
  'attendance.month': { month: '2026-11', teamId: 1 },
  'attendance.proposals': { month: '2026-11' },
  'attendance.closeMonth': { month: '2026-10' },
  'attendance.reopenMonth': { month: '2026-10', reason: '补录病假' },
  'attendance.export': { month: '2026-11', kind: 'summary', format: 'csv', language: 'zh-CN' },
  'handover.settings': {},
  'handover.updateSettings': {
    ackDeadlineMinutes: 30,
    scope: 'team',
    categories: [{ code: 'complaint', name: '投诉跟进', active: true }],
  },
  'handover.leads': {},
  'handover.start': { date: '2026-11-16', shiftTypeId: 3, teamId: 1 },
  'handover.get': { id: 1 },
  'handover.save': {
    id: 1,
    queue: { offered: 820, answered: 790, abandoned: 30, serviceLevel: 85.5, ahtSeconds: 260 },
    notices: '今晚系统升级',
  },
  'handover.addItem': { handoverId: 1, category: 'complaint', description: '客户投诉回电' },
  'handover.updateItem': {
    id: 1,
    category: 'complaint',
    description: '客户投诉回电',
    status: 'resolved',
    resolution: '已回电致歉',
  },
  'handover.submit': { id: 1, incomingUserId: 2 },
  'handover.acknowledge': { id: 1 },
  'handover.dispute': { id: 1, remark: '遗留事项写得不清楚' },
  'handover.addendum': { id: 1, text: '补记：客户已回电' },
  'handover.list': { search: '投诉', page: 1 },
  'handover.openItems': {},
  'handover.exportItems': { format: 'csv', language: 'en-US' },
  'rewards.catalog': {},
  'rewards.catalog.saveType': {
    code: 'overtime_star',
    kind: 'reward',
    nameZh: '加班之星',
    nameEn: 'Overtime star',
    defaultPoints: 1,
    defaultAmount: '50.00',
  },
  'rewards.catalog.saveReason': {
    code: 'overtime',
    nameZh: '主动加班',
    nameEn: 'Volunteered overtime',
    defaultTypeId: 1,
  },
  'rewards.records.propose': {
    staffId: 1,
    eventDate: '2026-11-16',
    reasonId: 1,
    description: '迟到 20 分钟',
  },
  'rewards.records.update': {
    id: 1,
    eventDate: '2026-11-16',
    reasonId: 1,
    description: '迟到 25 分钟',
  },
  'rewards.records.list': { page: 1 },
  'rewards.records.get': { id: 1 },
  'rewards.records.approve': { id: 1 },
  'rewards.records.reject': { id: 1, reason: '证据不足' },
  'rewards.records.revoke': { id: 1, reason: '误判' },
  'rewards.records.approveMany': { ids: [1] },
  'rewards.queue': {},
  'rewards.person': { staffId: 1, asOf: '2026-11-30' },
  'rewards.standings': { asOf: '2026-11-30' },
  'rewards.runExpiry': {},
  'rewards.settings': {},
  'rewards.updateSettings': { deductionShareLimit: 20 },
  'rewards.wages.get': { staffId: 1 },
  'rewards.wages.set': { staffId: 1, baseWage: '4500' },
  'rewards.whatIf': {
    month: '2026-11',
    rules: {
      halfDayLateMinutes: 30,
      lateCountForPenalty: 3,
      absenceProposesPenalty: true,
      missingPunchCountForPenalty: 0,
    },
  },
  'rewards.monthReport': { month: '2026-11' },
  'rewards.exportReport': { month: '2026-11', format: 'csv', language: 'zh-CN' },
  'rewards.payrollPack': { month: '2026-11', language: 'en-US' },
  'rewards.fromAttendance': { month: '2026-11' },
  'audit.list': { page: 1, pageSize: 20 },
  'audit.rows': { entryId: 1, offset: 0, limit: 50 },
  'audit.verify': {},
  'audit.export': { entity: 'staff', language: 'zh-CN' },
  'backups.list': {},
  'backups.create': {},
  'backups.restore': { name: 'console-20261122-083000-daily.sqlite' },
  'backups.settings': {},
  'backups.setMirror': { dir: null },
  'backups.recovery.status': {},
  'backups.recovery.restore': {
    name: 'console-20261122-083000-daily.sqlite',
    username: 'admin',
    password: 'correct horse',
  },
  'backups.folder.status': {},
};

const invalid: { [C in Channel]: unknown } = {
  'accounts.status': { token: 'x' },
  'accounts.setup': { username: 'a', displayName: '管理员', password: 'short' },
  'accounts.signIn': { username: '', password: '' },
  'accounts.signOut': { everyone: true },
  'accounts.changePassword': { currentPassword: 'x', newPassword: '1234567' },
  'accounts.users.list': { role: 7 },
  'accounts.users.clashes': { all: true },
  'accounts.users.create': {
    username: 'wang fang',
    displayName: '王芳',
    role: 'boss',
    password: 'correct horse',
  },
  'accounts.users.update': { id: 1, displayName: '', role: 'supervisor', active: 'yes' },
  'accounts.users.resetPassword': { id: 1, password: '' },
  'accounts.users.unlock': { id: -1 },
  'accounts.security': { idleMinutes: 5 },
  'accounts.updateSecurity': { idleMinutes: 0 },
  'app.info': { extra: true },
  'app.loadDemo': { force: true },
  'org.teams.list': { teamId: 'all' },
  'org.teams.create': { name: '   ' },
  'org.teams.update': { id: 0, name: '客服一组' },
  'org.staff.list': { page: 0 },
  'org.staff.create': { employeeNo: 'KF 1', name: '新人', position: 'agent' },
  'org.staff.update': { id: 1, employeeNo: 'KF1', name: '王芳', position: 'agent', status: 'left' },
  'org.staff.markLeft': { id: 1, leftOn: '2026-02-30', reason: '个人原因' },
  'org.staff.previewImport': { fileName: 'a.exe', contentBase64: 'AAAA' },
  'org.staff.import': { fileName: 'a.exe', contentBase64: 'AAAA' },
  'org.staff.template': { language: 'fr-FR' },
  'org.staff.export': { language: 'zh-CN', format: 'pdf' },
  'org.shiftTypes.list': [],
  'org.shiftTypes.create': {
    code: 'X',
    name: '弹性班',
    startTime: '25:00',
    endTime: '19:00',
    breakMinutes: 60,
    lateGraceMinutes: 5,
    earlyLeaveGraceMinutes: 5,
    color: 'red',
  },
  'org.shiftTypes.update': {
    id: 1,
    code: 'E',
    name: '早班',
    startTime: '08:00',
    endTime: '08:00',
    breakMinutes: -1,
    lateGraceMinutes: 5,
    earlyLeaveGraceMinutes: 5,
    color: '#52c41a',
  },
  'org.schedule.week': { teamId: 1, weekStart: 'next monday' },
  'org.schedule.day': { date: 20261116 },
  'org.schedule.assign': { cells: [] },
  'org.schedule.copyWeek': { teamId: 1, fromWeekStart: '2026-11-09' },
  'attendance.leaveTypes.list': { active: 'yes' },
  'attendance.leaveTypes.create': { code: '事假', name: '', paid: 'yes' },
  'attendance.leaveTypes.update': { id: 1, code: 'personal', name: '事假' },
  'attendance.rules': { halfDayLateMinutes: 30 },
  'attendance.updateRules': {
    halfDayLateMinutes: -5,
    lateCountForPenalty: 3,
    absenceProposesPenalty: true,
  },
  'attendance.shift': { date: '2026-11-16' },
  'attendance.rollCall': {
    date: '2026-11-16',
    shiftTypeId: 1,
    entries: [{ staffId: 1, mark: 'late' }],
  },
  'attendance.correct': {
    staffId: 1,
    date: '2026-11-16',
    clockIn: '2026-11-16 16:00',
    clockOut: '2026-11-16 08:00',
    reason: '',
  },
  'attendance.leave': {
    staffId: 1,
    from: '2026-11-17',
    to: '2026-11-16',
    leaveTypeId: 1,
    reason: '家中有事',
  },
  'attendance.swap': { staffAId: 1, staffBId: 1, dates: ['2026-11-16'], reason: '互换' },
  'attendance.swaps': { month: '2026-13' },
  'attendance.previewImport': { fileName: 'clock.txt', contentBase64: 'AAAA' },
  'attendance.applyImport': { fileName: 'clock.csv', contentBase64: '' },
  'attendance.summary': { month: '2026/11' },
  'attendance.month': { month: 'November' },
  'attendance.proposals': {},
  'attendance.closeMonth': { month: '2026-1' },
  'attendance.reopenMonth': { month: '2026-10', reason: ' ' },
  'attendance.export': { month: '2026-11', kind: 'summary', format: 'pdf' },
  'handover.settings': { scope: 'floor' },
  'handover.updateSettings': { ackDeadlineMinutes: 0, scope: 'desk', categories: [] },
  'handover.leads': { role: 'supervisor' },
  'handover.start': { date: '2026-11-31', shiftTypeId: 3 },
  'handover.get': { id: 'latest' },
  'handover.save': { id: 1, queue: { offered: -1 } },
  'handover.addItem': { handoverId: 1, category: 'Complaint!', description: '' },
  'handover.updateItem': { id: 1, category: 'complaint', description: 'x', status: 'done' },
  'handover.submit': { id: 1 },
  'handover.acknowledge': {},
  'handover.dispute': { id: 1, remark: '' },
  'handover.addendum': { id: 1, text: '   ' },
  'handover.list': { pageSize: 1000 },
  'handover.openItems': { all: true },
  'handover.exportItems': { format: 'csv', language: 'fr-FR' },
  'rewards.catalog': { all: true },
  'rewards.catalog.saveType': {
    code: 'x',
    kind: 'reward',
    nameZh: '奖',
    nameEn: 'R',
    defaultPoints: -2,
  },
  'rewards.catalog.saveReason': { code: 'Bad Code', nameZh: '', nameEn: 'x', defaultTypeId: 1 },
  'rewards.records.propose': {
    staffId: 1,
    eventDate: '2026-11-16',
    reasonId: 1,
    description: '迟到',
    amount: '12.345',
  },
  'rewards.records.update': { id: 1, eventDate: '2026-02-30', reasonId: 1, description: 'x' },
  'rewards.records.list': { state: 'pending' },
  'rewards.records.get': { id: 0 },
  'rewards.records.approve': { id: 1, points: -1 },
  'rewards.records.reject': { id: 1, reason: '' },
  'rewards.records.revoke': { id: 1 },
  'rewards.records.approveMany': { ids: [1, 1] },
  'rewards.queue': { mine: true },
  'rewards.person': { staffId: 1, asOf: '2026-13-01' },
  'rewards.standings': { teamId: 'KF' },
  'rewards.runExpiry': { today: '2026-11-16' },
  'rewards.settings': { x: 1 },
  'rewards.updateSettings': { deductionShareLimit: 0 },
  'rewards.wages.get': { staffId: 'KF1' },
  'rewards.wages.set': { staffId: 1, baseWage: '45.001' },
  'rewards.whatIf': { month: '2026-11', rules: { lateCountForPenalty: -1 } },
  'rewards.monthReport': { month: '2026-13' },
  'rewards.exportReport': { month: '2026-11', format: 'pdf', language: 'zh-CN' },
  'rewards.payrollPack': { month: '2026-11' },
  'rewards.fromAttendance': { month: '2026-1' },
  'audit.list': { page: 1, pageSize: 1000 },
  'audit.rows': { entryId: 1, limit: 5000 },
  'audit.verify': { deep: true },
  'audit.export': { entity: 'passwords' },
  'backups.list': { all: true },
  'backups.create': { reason: 'manual' },
  'backups.restore': { name: '../console.sqlite' },
  'backups.settings': { mirrorDir: '/tmp' },
  'backups.setMirror': { dir: '/media/usb\u0000' },
  'backups.recovery.status': { verbose: 1 },
  'backups.recovery.restore': { name: '/etc/passwd', username: 'admin', password: 'x' },
  'backups.folder.status': { folder: '/' },
};

const garbage: unknown[] = [undefined, null, 'staff', 42, true, [], [{}]];

let t: TestStore;
beforeAll(async () => {
  t = await tempStore();
  await seedOneTeam(t);
  // Team data to keep apart: 王芳 of team 1 is scheduled on the early shift; team 2 has nobody.
  await t.ok('org.teams.create', { name: '客服二组' });
  await t.ok('org.schedule.assign', { cells: [{ staffId: 1, date: '2026-11-16', value: 1 }] });
});

/** A session of the role; a supervisor leads team 1, whose data every valid input names. */
const inTeamOne = (role: (typeof ROLES)[number]) =>
  sessionOf(role, role === 'supervisor' ? [1] : undefined);
afterAll(() => t.close());

describe('every channel guards its input', () => {
  it.each(CHANNELS)(
    '%s refuses malformed input with a structured error and writes nothing',
    async (channel) => {
      const before = t.digest();
      for (const input of [...garbage, invalid[channel]]) {
        // As a role the channel allows, so the refusal is the input's, not the role's.
        const role = contract[channel].roles.includes('admin')
          ? 'admin'
          : contract[channel].roles[0]!;
        const result = await t.backend.callAs(channel, input, sessionOf(role));
        expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.key).toBe('errors.invalid_input');
        expect(result.error.issues?.length).toBeGreaterThan(0);
        expect(typeof result.error.message).toBe('string');
      }
      expect(t.digest()).toBe(before);
    },
  );

  it('names the offending field', async () => {
    const result = await t.call('org.staff.markLeft', invalid['org.staff.markLeft'] as never);
    expect(result).toMatchObject({
      ok: false,
      error: { field: 'leftOn', issues: [{ field: 'leftOn', key: 'validation.date' }] },
    });
  });

  it('refuses unknown channels', async () => {
    const result = await t.backend.callAs('staff.drop', {}, sessionOf('admin'));
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});

describe('every channel checks the caller role before anything else', () => {
  const cases = CHANNELS.flatMap((channel) => ROLES.map((role) => [channel, role] as const));

  it.each(cases)('%s as %s', async (channel, role) => {
    const before = t.digest();
    const result = await t.backend.callAs(channel, valid[channel], inTeamOne(role));
    const allowed = contract[channel].roles.includes(role);
    if (allowed) {
      expect(result.ok || result.error.code !== 'forbidden').toBe(true);
    } else {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'errors.forbidden' },
      });
      expect(t.digest()).toBe(before);
    }
  });

  const privateChannels = CHANNELS.filter((c) => !('public' in contract[c]));
  it.each(privateChannels)('%s without a session is refused', async (channel) => {
    const before = t.digest();
    for (const token of [null, 'forged-token']) {
      const result = await t.backend.call(channel, valid[channel], token);
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(t.digest()).toBe(before);
  });

  it('leaves only setup, sign-in and status open before signing in', () => {
    expect(CHANNELS.filter((c) => 'public' in contract[c]).sort()).toEqual([
      'accounts.setup',
      'accounts.signIn',
      'accounts.status',
      'backups.folder.status',
      'backups.recovery.restore',
      'backups.recovery.status',
    ]);
  });
});

describe('every team-data channel keeps a supervisor to their own teams', () => {
  const teamData = CHANNELS.filter((c) => teamRules[c] !== 'not team data');
  const forSupervisors = teamData.filter((c) => contract[c].roles.includes('supervisor'));

  it('says which channels are team data: roll-call, attendance, swaps, leave, schedule, handovers', () => {
    expect(teamData).toEqual([
      'org.schedule.week',
      'org.schedule.day',
      'org.schedule.assign',
      'org.schedule.copyWeek',
      'attendance.shift',
      'attendance.rollCall',
      'attendance.correct',
      'attendance.leave',
      'attendance.swap',
      'attendance.swaps',
      'attendance.previewImport',
      'attendance.applyImport',
      'attendance.summary',
      'attendance.month',
      'attendance.proposals',
      'attendance.export',
      'handover.start',
      'handover.get',
      'handover.save',
      'handover.addItem',
      'handover.updateItem',
      'handover.submit',
      'handover.acknowledge',
      'handover.dispute',
      'handover.addendum',
      'handover.list',
      'handover.openItems',
      'handover.exportItems',
      'rewards.records.propose',
      'rewards.records.update',
      'rewards.records.list',
      'rewards.records.get',
      'rewards.records.approve',
      'rewards.records.reject',
      'rewards.records.revoke',
      'rewards.records.approveMany',
      'rewards.queue',
      'rewards.person',
      'rewards.standings',
      'rewards.monthReport',
      'rewards.fromAttendance',
    ]);
  });

  it.each(forSupervisors)(
    '%s refuses a supervisor with no team, writing nothing',
    async (channel) => {
      const before = t.digest();
      const result = await t.backend.callAs(channel, valid[channel], sessionOf('supervisor', []));
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'errors.noTeams' },
      });
      expect(t.digest()).toBe(before);
    },
  );

  it.each(forSupervisors)(
    "%s as another team's supervisor: forbidden, or an answer without team 1's people",
    async (channel) => {
      const before = t.digest();
      const result = await t.backend.callAs(channel, valid[channel], sessionOf('supervisor', [2]));
      if (result.ok) {
        expect(JSON.stringify(result.value)).not.toContain('王芳');
      } else {
        if (result.error.code === 'forbidden') expect(result.error.key).toBe('errors.otherTeam');
        expect(t.digest()).toBe(before);
      }
    },
  );
});
