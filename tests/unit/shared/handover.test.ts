import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  canDo,
  HANDOVER_ACTIONS,
  HANDOVER_STATES,
  isAcknowledgementLate,
  isOverdue,
  handoverInstance,
  highlightParts,
  searchExcerpt,
  searchWords,
  nextState,
  staffingBox,
} from '../../../shared/domain/handover';
import { ftsQuery, ftsText } from '../../../db/sqlite/fts';

describe('the handover state machine', () => {
  // Every state × action × actor: exactly these are allowed, everything else is refused.
  const ALLOWED = new Set([
    'draft edit outgoing',
    'draft submit outgoing',
    'submitted acknowledge incoming',
    'submitted dispute incoming',
    'submitted edit outgoing',
    'disputed edit outgoing',
    'disputed submit outgoing',
    'acknowledged addendum outgoing',
    'acknowledged addendum incoming',
    'acknowledged addendum other',
  ]);
  for (const state of HANDOVER_STATES) {
    for (const action of HANDOVER_ACTIONS) {
      for (const actor of ['outgoing', 'incoming', 'other'] as const) {
        const key = `${state} ${action} ${actor}`;
        it(`${ALLOWED.has(key) ? 'allows' : 'refuses'} ${key}`, () => {
          expect(canDo(state, action, actor)).toBe(ALLOWED.has(key));
          expect(allowedActions(state, actor).includes(action)).toBe(ALLOWED.has(key));
        });
      }
    }
  }

  it('moves between states as the sign-off runs', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'dispute')).toBe('disputed');
    expect(nextState('disputed', 'edit')).toBe('disputed');
    expect(nextState('submitted', 'edit')).toBe('draft'); // the incoming lead must see the new text
    expect(nextState('disputed', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'acknowledge')).toBe('acknowledged');
    expect(nextState('acknowledged', 'addendum')).toBe('acknowledged');
  });

  it('flags overdue items and late acknowledgements', () => {
    expect(isOverdue({ status: 'open', dueAt: '2026-11-16 07:00' }, '2026-11-16 07:01')).toBe(true);
    expect(isOverdue({ status: 'resolved', dueAt: '2026-11-16 07:00' }, '2026-11-17 00:00')).toBe(
      false,
    );
    expect(isOverdue({ status: 'open', dueAt: null }, '2026-11-17 00:00')).toBe(false);
    expect(isAcknowledgementLate('submitted', '2026-11-16 22:00', '2026-11-16 22:31', 30)).toBe(
      true,
    );
    expect(isAcknowledgementLate('submitted', '2026-11-16 22:00', '2026-11-16 22:30', 30)).toBe(
      false,
    );
    expect(isAcknowledgementLate('acknowledged', '2026-11-16 22:00', '2026-11-17 09:00', 30)).toBe(
      false,
    );
  });

  it('spaces Chinese for the index and quotes each search word', () => {
    expect(ftsText('客户投诉A12')).toBe('客 户 投 诉 A12');
    expect(ftsQuery(' 投诉  宽带 ')).toBe('"投 诉" AND "宽 带"');
    expect(ftsQuery('"')).toBeNull();
    // Search syntax is never interpreted: it is quoted, or dropped when it is punctuation alone.
    expect(ftsQuery('投诉 *** NEAR(a b) -x body:y \u0000')).toBe(
      '"投 诉" AND "NEAR" AND "a" AND "b" AND "x" AND "body" AND "y"',
    );
  });
});

describe('the shift a handover opens on', () => {
  const shifts = [
    { id: 1, startTime: '08:00', endTime: '16:00' },
    { id: 2, startTime: '16:00', endTime: '24:00' },
    { id: 3, startTime: '00:00', endTime: '08:00' },
    { id: 4, startTime: '22:00', endTime: '08:00' },
  ];
  it('is the shift that just ended, not the one that just began', () => {
    expect(handoverInstance('2026-11-16 08:05', shifts.slice(0, 3))).toEqual({
      date: '2026-11-16',
      shiftTypeId: 3,
    });
    // A night shift from the day before, ending this morning.
    expect(handoverInstance('2026-11-16 08:05', [shifts[0]!, shifts[3]!])).toEqual({
      date: '2026-11-15',
      shiftTypeId: 4,
    });
    // At 00:10 the middle shift, which ended at midnight the day before.
    expect(handoverInstance('2026-11-16 00:10', shifts.slice(0, 3))).toEqual({
      date: '2026-11-15',
      shiftTypeId: 2,
    });
  });
  it('is the running one once the window after the last end has passed', () => {
    expect(handoverInstance('2026-11-16 10:01', shifts.slice(0, 3))).toEqual({
      date: '2026-11-16',
      shiftTypeId: 1,
    });
    expect(handoverInstance('2026-11-16 10:00', shifts.slice(0, 3))?.shiftTypeId).toBe(3);
  });
  it('is none without shifts', () => {
    expect(handoverInstance('2026-11-16 10:00', [])).toBeNull();
  });
});

describe('the staffing box', () => {
  it('counts late arrivals as arrived, so the box adds up', () => {
    const counts = { scheduled: 6, present: 2, late: 1, absent: 1, leave: 1, unrecorded: 1 };
    const box = staffingBox(counts);
    expect(box.arrived).toBe(3);
    expect(box.arrived + box.absent + box.leave + box.unrecorded).toBe(box.scheduled);
  });
});

describe('search results', () => {
  it('cuts the passage around the first match and marks every word, 𠮷 and emoji whole', () => {
    const text = `${'甲'.repeat(50)}客户投诉宽带安装延误，回访𠮷先生🎉，再次投诉`;
    const words = searchWords('投诉 𠮷');
    expect(words).toEqual(['投诉', '𠮷']);
    const excerpt = searchExcerpt(text, words, 5)!;
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('客户投诉宽带');
    const parts = highlightParts('回访𠮷先生🎉，再次投诉 CRM crm', ['𠮷', '🎉', '投诉', 'Crm']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual([
      '𠮷',
      '🎉',
      '投诉',
      'CRM',
      'crm',
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('回访𠮷先生🎉，再次投诉 CRM crm');
    expect(searchExcerpt('没有这个词', ['宽带'])).toBeNull();
  });
});
