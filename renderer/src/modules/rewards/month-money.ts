import dayjs from 'dayjs';
import { formatYuan } from '../../../../shared/domain/rewards/money';

/** The month before this one, YYYY-MM: the month a payroll report or a what-if is usually about. */
export const lastMonth = () => dayjs().startOf('month').subtract(1, 'month').format('YYYY-MM');

export const shiftMonth = (month: string, by: number) =>
  dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');

/** Fen as yuan text grouped in thousands, digit by digit (never through a float): 1,234.50. */
export function yuanText(fen: number): string {
  const [whole, cents] = formatYuan(fen).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
