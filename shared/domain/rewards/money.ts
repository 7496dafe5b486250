/**
 * Money in fen (分), integers only: a person adds these up for payroll, so no float ever holds
 * one. Yuan text is read and written exactly, digit by digit.
 */

/** The largest amount a record may carry: ¥10,000,000.00, far inside Number's safe integers. */
export const MAX_FEN = 1_000_000_000;

const YUAN = /^(-)?(\d{1,8})(?:\.(\d{1,2}))?$/;

/**
 * '200', '200.5', '200.50', '-12.34' → fen; null for anything else (three decimals, commas,
 * exponents, spaces inside, more than ¥99,999,999.99). Leading and trailing spaces are ignored.
 */
export function parseYuan(text: string): number | null {
  const m = YUAN.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && fen !== 0 ? -fen : fen;
}

/** Fen → '1234.50' (always two decimals, no grouping: the screens group by locale). */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The sum of amounts in fen, refusing anything that is not a safe integer (it would lose a fen). */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not a whole number of fen: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('the sum is too large to be exact');
  }
  return total;
}
