import type { Staff } from '../../../../shared/contract';
import { listTeams } from '../../../../db/queries/org/teams';
import {
  insertStaff,
  staffRowsByEmployeeNo,
  updateStaff,
  type StaffFields,
} from '../../../../db/queries/org/staff';
import type { BulkRow } from '../../core/audit';
import type { HandlerContext } from '../../core/context';
import { rejectRows, type TableFile } from '../../files/import-file';
import { parseRoster } from './roster-file';

/** Import caps: a roster file holds a center's staff, and no center has 20,000 people. */
export const ROSTER_LIMITS = { maxRows: 20_000 };

const FIELDS: (keyof StaffFields)[] = [
  'employeeNo',
  'name',
  'teamId',
  'position',
  'seat',
  'extension',
  'phone',
  'hireDate',
];

/**
 * The roster import (花名册导入), given the file already read (before the transaction): rows are
 * matched by employee number, new numbers are added and known ones updated, all in the action's
 * one transaction; each person's change is returned for the import's one audit entry, and a row that changes nothing is left alone.
 * The teams are read here, in the transaction, so a team renamed meanwhile is seen.
 */
export async function importRoster(ctx: HandlerContext, table: TableFile) {
  const teams = await listTeams(ctx.db);
  const rows = parseRoster(table, new Map(teams.map((t) => [t.name, t.id])));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const existing = await staffRowsByEmployeeNo(
    ctx.db,
    rows.map((r) => r.fields.employeeNo),
  );
  const leftRows = rows.filter((r) => existing.get(r.fields.employeeNo)?.status === 'left');
  if (leftRows.length > 0) {
    throw rejectRows(
      'errors.import_rejected',
      leftRows.map((r) => ({
        row: r.line,
        field: 'employeeNo',
        key: 'errors.importLeftStaff',
        params: { value: r.fields.employeeNo },
      })),
    );
  }
  let created = 0;
  let updated = 0;
  const audited: BulkRow[] = [];
  for (const { fields } of rows) {
    const before = existing.get(fields.employeeNo);
    if (!before) {
      const id = await insertStaff(ctx.db, fields, ctx.now);
      audited.push({ entity: 'staff', entityId: id, after: fields });
      created++;
    } else if (FIELDS.some((f) => before[f] !== fields[f])) {
      await updateStaff(ctx.db, before.id, fields, ctx.now);
      const after: Staff = {
        ...before,
        ...fields,
        teamName: fields.teamId === null ? null : (teamName.get(fields.teamId) ?? null),
        updatedAt: ctx.now,
      };
      audited.push({ entity: 'staff', entityId: before.id, before, after });
      updated++;
    }
  }
  return { rows: rows.length, created, updated, audited };
}
