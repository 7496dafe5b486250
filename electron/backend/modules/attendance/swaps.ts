import type { FieldIssue, ParsedInput } from '../../../../shared/contract';
import { scheduleCells } from '../../../../db/queries/attendance/schedule';
import { insertSwap, listSwaps } from '../../../../db/queries/attendance/swaps';
import { setCell } from '../../../../db/queries/org/schedule';
import type { HandlerContext } from '../../core/context';
import { fieldFailures } from '../../core/errors';
import { mustFindStaff } from '../org/staff';
import { assertMonthsOpen, reclassifyRecords } from './records';

/**
 * 换班 or 调班: the two swap their scheduled shifts on each date, records already made follow
 * the new shifts, and the swap is kept with who approved it.
 */
export async function swapShifts(ctx: HandlerContext, input: ParsedInput<'attendance.swap'>) {
  const [a, b] = [
    await mustFindStaff(ctx, input.staffAId),
    await mustFindStaff(ctx, input.staffBId),
  ];
  await assertMonthsOpen(ctx, input.dates, 'dates');
  const sorted = [...input.dates].sort();
  const cells = await scheduleCells(ctx.db, [a.id, b.id], sorted[0]!, sorted.at(-1)!);
  const cellOf = (staffId: number, date: string) =>
    cells.find((c) => c.staffId === staffId && c.date === date);
  const issues: FieldIssue[] = [];
  input.dates.forEach((date, i) => {
    if (!cellOf(a.id, date))
      issues.push({ field: `dates.${i}`, key: 'errors.notScheduled', params: { name: a.name } });
    if (!cellOf(b.id, date))
      issues.push({ field: `dates.${i}`, key: 'errors.notScheduled', params: { name: b.name } });
  });
  if (issues.length) throw fieldFailures(issues, 'both must be scheduled');

  for (const date of input.dates) {
    const valueA = cellOf(a.id, date)!.shiftTypeId;
    const valueB = cellOf(b.id, date)!.shiftTypeId;
    await setCell(ctx.db, a.id, date, valueB ?? 'rest', ctx.now);
    await setCell(ctx.db, b.id, date, valueA ?? 'rest', ctx.now);
  }
  // A record already made for the day now belongs to the swapped shift.
  await reclassifyRecords(
    ctx,
    input.dates.flatMap((date) => [a.id, b.id].map((staffId) => ({ staffId, date }))),
    'swap',
  );
  const id = await insertSwap(
    ctx.db,
    { ...input, approvedBy: ctx.session?.displayName ?? 'local' },
    ctx.now,
  );
  const [swap] = await listSwaps(ctx.db, { id });
  return swap!;
}
