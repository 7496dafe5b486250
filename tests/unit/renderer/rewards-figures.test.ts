import { describe, expect, it } from 'vitest';
import { shiftMonth, yuanText } from '../../../renderer/src/modules/rewards/month-money';

describe('the 奖惩 screens’ figures', () => {
  it('show fen as yuan grouped in thousands, exact to the fen', () => {
    expect(yuanText(0)).toBe('0.00');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(20010)).toBe('200.10');
    expect(yuanText(123456789)).toBe('1,234,567.89');
    expect(yuanText(-5000)).toBe('-50.00');
    expect(yuanText(-100000000)).toBe('-1,000,000.00');
    // The largest amount a record may carry, to the fen.
    expect(yuanText(999_999_999)).toBe('9,999,999.99');
  });

  it('move a month across a year end', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
