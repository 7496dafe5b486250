import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/domain/org';
import {
  activeWarnings,
  allowedRecordActions,
  balanceAsOf,
  decide,
  dueExpiries,
  expiryDate,
  formatYuan,
  grantEvent,
  LADDER_STEPS,
  parseYuan,
  RECORD_ACTIONS,
  RECORD_STATES,
  revokeEvent,
  suggestStep,
  sumFen,
  type Actor,
  type LadderStep,
  type LedgerEvent,
  type RecordFacts,
} from '../../../shared/domain/rewards';
import { addDaysTo } from '../../../shared/domain/time';

describe('money in fen', () => {
  it('reads yuan text exactly', () => {
    expect(parseYuan('200')).toBe(20000);
    expect(parseYuan('200.5')).toBe(20050);
    expect(parseYuan(' 0.07 ')).toBe(7);
    expect(parseYuan('-12.34')).toBe(-1234);
    expect(parseYuan('-0')).toBe(0);
    // 0.1 + 0.2 is not 0.3 in floats; in fen it is.
    expect(parseYuan('0.1')! + parseYuan('0.2')!).toBe(parseYuan('0.3'));
    for (const bad of ['', '1.234', '1,000', '1e3', '¥5', '.5', '5.', '1 000', 'NaN', '123456789'])
      expect(parseYuan(bad), bad).toBeNull();
  });

  it('writes fen as yuan with two decimals', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(7)).toBe('0.07');
    expect(formatYuan(-1234)).toBe('-12.34');
    expect(formatYuan(20000)).toBe('200.00');
    expect(() => formatYuan(0.5)).toThrow();
  });

  it('reads back what it writes, for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
  });

  it('never loses a fen in a sum, and refuses what is not whole fen', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })), (list) => {
        const viaText = list.reduce((s, f) => s + parseYuan(formatYuan(f))!, 0);
        expect(sumFen(list)).toBe(viaText);
        expect(BigInt(sumFen(list))).toBe(list.reduce((s, f) => s + BigInt(f), 0n));
      }),
    );
    expect(() => sumFen([1, 0.1])).toThrow();
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow();
  });
});

describe('the record state machine', () => {
  const PROPOSER = 1;
  const actors: Record<string, Actor> = {
    proposer: { userId: PROPOSER, role: 'supervisor' },
    supervisor: { userId: 2, role: 'supervisor' },
    manager: { userId: 3, role: 'manager' },
    manager2: { userId: 4, role: 'manager' },
    hr: { userId: 5, role: 'hr' },
    admin: { userId: 6, role: 'admin' },
    managerProposer: { userId: PROPOSER, role: 'manager' },
  };
  const facts = (f: Partial<RecordFacts>): RecordFacts => ({
    state: 'proposed',
    redLine: false,
    proposedBy: PROPOSER,
    approvals: [],
    explained: true,
    ...f,
  });

  // Every state × action × actor, on an ordinary record: exactly these are allowed.
  const ALLOWED = new Set([
    'proposed edit proposer',
    'proposed edit manager',
    'proposed edit manager2',
    'proposed edit managerProposer',
    'proposed approve manager',
    'proposed approve manager2',
    'proposed reject manager',
    'proposed reject manager2',
    'proposed reject managerProposer',
    'approved revoke manager',
    'approved revoke manager2',
    'approved revoke managerProposer',
  ]);
  const NEXT = { edit: 'proposed', approve: 'approved', reject: 'rejected', revoke: 'revoked' };

  it.each(RECORD_STATES)('allows exactly the listed actions on a %s record', (state) => {
    for (const action of RECORD_ACTIONS)
      for (const [name, actor] of Object.entries(actors)) {
        const verdict = decide(facts({ state }), action, actor, 'because');
        const key = `${state} ${action} ${name}`;
        expect(verdict.allowed, key).toBe(ALLOWED.has(key));
        if (verdict.allowed) expect(verdict.next, key).toBe(NEXT[action]);
      }
  });

  it('says why it refuses', () => {
    expect(decide(facts({ state: 'approved' }), 'edit', actors.manager!)).toEqual({
      allowed: false,
      why: 'notProposed',
    });
    expect(decide(facts({}), 'approve', actors.managerProposer!)).toMatchObject({
      why: 'ownProposal',
    });
    expect(decide(facts({}), 'approve', actors.hr!)).toMatchObject({ why: 'roleMayNot' });
    expect(decide(facts({}), 'edit', actors.supervisor!)).toMatchObject({ why: 'notProposer' });
    expect(decide(facts({}), 'reject', actors.manager!, '  ')).toMatchObject({
      why: 'reasonRequired',
    });
    expect(decide(facts({ state: 'approved' }), 'revoke', actors.manager!)).toMatchObject({
      why: 'reasonRequired',
    });
    expect(decide(facts({ state: 'rejected' }), 'revoke', actors.manager!, 'x')).toMatchObject({
      why: 'notApproved',
    });
  });

  it('lets an attendance-rule proposal (no proposer) go to any manager', () => {
    expect(decide(facts({ proposedBy: null }), 'approve', actors.manager!).allowed).toBe(true);
    expect(decide(facts({ proposedBy: null }), 'edit', actors.supervisor!)).toMatchObject({
      why: 'notProposer',
    });
  });

  describe('a red line', () => {
    const red = (f: Partial<RecordFacts> = {}) => facts({ redLine: true, ...f });

    it('needs the explanation and context before anyone approves it', () => {
      expect(decide(red({ explained: false }), 'approve', actors.manager!)).toMatchObject({
        why: 'redLineNeedsExplanation',
      });
      // One manager may still turn it down.
      expect(decide(red({ explained: false }), 'reject', actors.manager!, '证据不足').allowed).toBe(
        true,
      );
    });

    it('stays proposed after one approval and is approved by a second, different person', () => {
      expect(decide(red(), 'approve', actors.manager!)).toEqual({
        allowed: true,
        next: 'proposed',
      });
      const once = red({ approvals: [actors.manager!] });
      expect(decide(once, 'approve', actors.manager!)).toMatchObject({ why: 'alreadyApproved' });
      expect(decide(once, 'approve', actors.manager2!)).toEqual({
        allowed: true,
        next: 'approved',
      });
      expect(decide(once, 'approve', actors.admin!)).toEqual({ allowed: true, next: 'approved' });
      expect(decide(once, 'edit', actors.manager!)).toMatchObject({ why: 'underApproval' });
    });

    it('needs a manager among its two approvers', () => {
      expect(decide(red(), 'approve', actors.admin!)).toEqual({ allowed: true, next: 'proposed' });
      const byAdmin = red({ approvals: [actors.admin!] });
      expect(decide(byAdmin, 'approve', { userId: 9, role: 'admin' })).toMatchObject({
        why: 'needsManager',
      });
      expect(decide(byAdmin, 'approve', actors.manager!).allowed).toBe(true);
    });

    it('is never approved by its proposer, even a manager', () => {
      expect(decide(red(), 'approve', actors.managerProposer!)).toMatchObject({
        why: 'ownProposal',
      });
    });

    it('never counts a command-line tool twice', () => {
      const tool: Actor = { userId: null, role: 'admin' };
      expect(
        decide(red({ approvals: [{ userId: null, role: 'manager' }] }), 'approve', tool),
      ).toMatchObject({ why: 'alreadyApproved' });
    });
  });

  it('lists the allowed actions as decide says, for any facts and actor', () => {
    const role = fc.constantFrom<Role>(...ROLES);
    const actor = fc.record({ userId: fc.option(fc.integer({ min: 1, max: 4 })), role });
    fc.assert(
      fc.property(
        fc.record({
          state: fc.constantFrom(...RECORD_STATES),
          redLine: fc.boolean(),
          proposedBy: fc.option(fc.integer({ min: 1, max: 4 })),
          approvals: fc.array(actor, { maxLength: 1 }),
          explained: fc.boolean(),
        }),
        actor,
        (f, a) => {
          const listed = allowedRecordActions(f, a);
          for (const action of RECORD_ACTIONS)
            expect(listed.includes(action)).toBe(decide(f, action, a, 'reason').allowed);
          // Nothing becomes approved with fewer than the approvals it needs.
          const v = decide(f, 'approve', a);
          if (v.allowed && v.next === 'approved')
            expect(f.approvals.length + 1).toBeGreaterThanOrEqual(f.redLine ? 2 : 1);
        },
      ),
    );
  });
});

describe('points, their expiry and the balance', () => {
  it('expires on the event date plus the months, month ends clamped', () => {
    expect(expiryDate('2026-03-15', 12)).toBe('2027-03-15');
    expect(expiryDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(expiryDate('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('writes one expiry per record when it falls due, taking back what remains', () => {
    const events: LedgerEvent[] = [
      ...grantEvent(1, '2026-01-10', -3),
      ...grantEvent(2, '2026-02-01', 5),
      ...grantEvent(3, '2026-02-01', 0),
    ];
    expect(events).toHaveLength(2);
    const records = [
      { recordId: 1, expiresOn: '2026-07-10' },
      { recordId: 2, expiresOn: '2027-02-01' },
    ];
    expect(dueExpiries(records, events, '2026-07-09')).toEqual([]);
    const due = dueExpiries(records, events, '2026-07-10');
    expect(due).toEqual([{ recordId: 1, kind: 'expire', date: '2026-07-10', points: 3 }]);
    expect(dueExpiries(records, [...events, ...due], '2026-12-31')).toEqual([]);
    expect(balanceAsOf([...events, ...due], '2026-07-09')).toBe(2);
    expect(balanceAsOf([...events, ...due], '2026-07-10')).toBe(5);
  });

  it('takes back on a revoke what still counts, and nothing expires after it', () => {
    const events = grantEvent(1, '2026-01-10', -3);
    const revoked = [...events, ...revokeEvent(1, events, '2026-02-01')];
    expect(revoked.at(-1)).toEqual({ recordId: 1, kind: 'revoke', date: '2026-02-01', points: 3 });
    expect(revokeEvent(1, revoked, '2026-02-02')).toEqual([]);
    expect(dueExpiries([{ recordId: 1, expiresOn: '2026-07-10' }], revoked, '2027-01-01')).toEqual(
      [],
    );
    // Revoked after it expired: the event is written, for the timeline, and takes nothing more.
    const expired = [
      ...events,
      ...dueExpiries([{ recordId: 1, expiresOn: '2026-07-10' }], events, '2026-08-01'),
    ];
    expect(revokeEvent(1, expired, '2026-09-01')).toEqual([
      { recordId: 1, kind: 'revoke', date: '2026-09-01', points: 0 },
    ]);
  });

  const day = (n: number) => addDaysTo('2026-01-01', n);
  const history = fc.array(
    fc.record({
      points: fc.integer({ min: -10, max: 10 }),
      on: fc.integer({ min: 0, max: 400 }),
      months: fc.integer({ min: 1, max: 12 }),
      revokedAfter: fc.option(fc.integer({ min: 0, max: 500 })),
    }),
    { maxLength: 20 },
  );

  it('never double-counts an expiry, however often and whenever the run goes', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 8 }),
        (records, runDays) => {
          const recs = records.map((r, i) => ({
            recordId: i + 1,
            expiresOn: expiryDate(day(r.on), r.months),
          }));
          let events: LedgerEvent[] = records.flatMap((r, i) =>
            grantEvent(i + 1, day(r.on), r.points),
          );
          // Runs in the order days pass, some days twice.
          for (const d of [...runDays].sort((a, b) => a - b).flatMap((d) => [d, d])) {
            events = [...events, ...dueExpiries(recs, events, day(d))];
          }
          const last = day(Math.max(...runDays));
          for (const r of recs) {
            const mine = events.filter((e) => e.recordId === r.recordId);
            expect(mine.filter((e) => e.kind === 'expire').length).toBeLessThanOrEqual(1);
            // Expired records count for nothing; the others for their grant.
            const expired = mine.some((e) => e.kind === 'expire');
            expect(expired).toBe(mine.some((e) => e.kind === 'grant') && r.expiresOn <= last);
            if (expired) expect(balanceAsOf(mine, last)).toBe(0);
          }
        },
      ),
    );
  });

  it('gives as the balance of any date the sum of the events up to it, revocations included', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 900 }), (records, asOf) => {
        const events: LedgerEvent[] = [];
        const recs = records.map((r, i) => ({
          recordId: i + 1,
          expiresOn: expiryDate(day(r.on), r.months),
        }));
        // Day by day: grants on their day, expiries as they fall due, revocations when made.
        for (let d = 0; d <= 900; d += 30) {
          records.forEach((r, i) => {
            if (r.on <= d && r.on > d - 30) events.push(...grantEvent(i + 1, day(r.on), r.points));
          });
          events.push(...dueExpiries(recs, events, day(d)));
          records.forEach((r, i) => {
            const at = r.revokedAfter === null ? null : r.on + r.revokedAfter;
            if (at !== null && at <= d && at > d - 30)
              events.push(...revokeEvent(i + 1, events, day(at)));
          });
        }
        const date = day(asOf);
        const expected = events.filter((e) => e.date <= date).reduce((s, e) => s + e.points, 0);
        expect(balanceAsOf(events, date)).toBe(expected);
        // What a record can count for at most is its grant: no event pushes it past or under.
        for (const r of recs) {
          const mine = events.filter((e) => e.recordId === r.recordId);
          const grant = mine.find((e) => e.kind === 'grant')?.points ?? 0;
          const now = balanceAsOf(mine, day(900));
          expect(Math.abs(now)).toBeLessThanOrEqual(Math.abs(grant));
          expect(now === 0 || Math.sign(now) === Math.sign(grant)).toBe(true);
        }
      }),
    );
  });
});

describe('the discipline ladder', () => {
  const rec = (
    recordId: number,
    step: LadderStep,
    eventDate: string,
    expiresOn: string,
    revokedOn: string | null = null,
  ) => ({ recordId, step, eventDate, expiresOn, revokedOn });

  it('lists the warnings active on a date with the day each falls off', () => {
    const records = [
      rec(1, 'verbal', '2026-01-05', '2026-04-05'),
      rec(2, 'written', '2026-02-01', '2026-08-01'),
      rec(3, 'none', '2026-02-01', '2027-02-01'),
      rec(4, 'final', '2026-03-01', '2027-03-01', '2026-03-10'),
    ];
    expect(activeWarnings(records, '2026-01-04')).toEqual([]);
    expect(activeWarnings(records, '2026-03-05')).toEqual([
      { recordId: 4, step: 'final', from: '2026-03-01', fallsOffOn: '2027-03-01' },
      { recordId: 2, step: 'written', from: '2026-02-01', fallsOffOn: '2026-08-01' },
      { recordId: 1, step: 'verbal', from: '2026-01-05', fallsOffOn: '2026-04-05' },
    ]);
    // Revoked on the 10th: it no longer counts from that day.
    expect(activeWarnings(records, '2026-03-10').map((w) => w.recordId)).toEqual([2, 1]);
    // Falls off on its day.
    expect(activeWarnings(records, '2026-04-05').map((w) => w.recordId)).toEqual([2]);
    expect(activeWarnings(records, '2026-08-01')).toEqual([]);
  });

  // The suggested step for every gravest active warning × the new reason's own step.
  const EXPECTED: Record<LadderStep, Record<LadderStep, LadderStep>> = {
    none: {
      none: 'none',
      verbal: 'verbal',
      written: 'written',
      final: 'final',
      dismissal: 'dismissal',
    },
    verbal: {
      none: 'none',
      verbal: 'written',
      written: 'written',
      final: 'final',
      dismissal: 'dismissal',
    },
    written: {
      none: 'none',
      verbal: 'final',
      written: 'final',
      final: 'final',
      dismissal: 'dismissal',
    },
    final: {
      none: 'none',
      verbal: 'dismissal',
      written: 'dismissal',
      final: 'dismissal',
      dismissal: 'dismissal',
    },
    dismissal: {
      none: 'none',
      verbal: 'dismissal',
      written: 'dismissal',
      final: 'dismissal',
      dismissal: 'dismissal',
    },
  };

  it.each(LADDER_STEPS)(
    'suggests the next step over an active %s warning for each reason',
    (top) => {
      for (const reason of LADDER_STEPS) {
        const active: LadderStep[] = top === 'none' ? [] : ['verbal', top, 'none'];
        const s = suggestStep(active, reason);
        expect(s.step, `${top} + ${reason}`).toBe(EXPECTED[top][reason]);
        expect(s.basis).toBe(top);
        expect(s.escalated).toBe(s.step !== reason);
      }
    },
  );

  it('never suggests more than one step above the gravest active warning or the reason', () => {
    const step = fc.constantFrom(...LADDER_STEPS);
    fc.assert(
      fc.property(fc.array(step), step, (active, reason) => {
        const s = suggestStep(active, reason);
        const rank = (x: LadderStep) => LADDER_STEPS.indexOf(x);
        const top = Math.max(0, ...active.map(rank));
        if (reason === 'none') expect(s.step).toBe('none');
        else expect(rank(s.step)).toBe(Math.max(rank(reason), Math.min(top + (top ? 1 : 0), 4)));
      }),
    );
  });
});
