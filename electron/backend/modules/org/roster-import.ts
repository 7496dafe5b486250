import { failure } from '../../../../shared/contract';
import { listTeams } from '../../../../db/queries/org/teams';
import {
  findStaff,
  insertStaff,
  staffByEmployeeNo,
  updateStaff,
} from '../../../../db/queries/org/staff';
import type { HandlerContext } from '../../core/context';
import { readImportFile } from '../../files/table-file';
import { parseRoster } from './roster-file';

/**
 * The roster import (花名册导入): rows are matched by employee number, new numbers are added and
 * known ones updated, all in the action's one transaction; each person's change is audited.
 */
export async function importRoster(
  ctx: HandlerContext,
  input: { fileName: string; contentBase64: string },
) {
  const table = await readImportFile(input.fileName, input.contentBase64);
  const teams = new Map((await listTeams(ctx.db)).map((t) => [t.name, t.id]));
  const rows = parseRoster(table, teams);
  const existing = await staffByEmployeeNo(
    ctx.db,
    rows.map((r) => r.fields.employeeNo),
  );
  const leftRows = rows.filter((r) => existing.get(r.fields.employeeNo)?.status === 'left');
  if (leftRows.length > 0) {
    throw failure('import_rejected', 'the file updates staff who have left', {
      params: { count: leftRows.length },
      rows: leftRows.map((r) => ({
        row: r.line,
        field: 'employeeNo',
        key: 'errors.importLeftStaff',
        params: { value: r.fields.employeeNo },
      })),
    });
  }
  let created = 0;
  let updated = 0;
  for (const { fields } of rows) {
    const id = existing.get(fields.employeeNo)?.id;
    if (id === undefined) {
      const newId = await insertStaff(ctx.db, fields, ctx.now);
      await ctx.audit({ action: 'create', entity: 'staff', entityId: newId, after: fields });
      created++;
    } else {
      const before = await findStaff(ctx.db, id);
      await updateStaff(ctx.db, id, fields, ctx.now);
      await ctx.audit({
        action: 'update',
        entity: 'staff',
        entityId: id,
        before,
        after: await findStaff(ctx.db, id),
      });
      updated++;
    }
  }
  return { rows: rows.length, created, updated };
}
