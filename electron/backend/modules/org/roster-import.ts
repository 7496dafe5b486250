import type { RosterPreview, Staff } from '../../../../shared/contract';
import { ROSTER_FIELDS } from '../../../../shared/contract/org';
import { listTeams } from '../../../../db/queries/org/teams';
import {
  insertStaffRows,
  staffRowsByEmployeeNo,
  updateStaff,
  type StaffFields,
} from '../../../../db/queries/org/staff';
import type { BulkRow } from '../../core/audit';
import type { HandlerContext } from '../../core/context';
import { rejectRows, type TableFile } from '../../files/import-file';
import { parseRoster, rosterEmployeeNos } from './roster-file';

/** Import caps: a roster file holds a center's staff, and no center has 20,000 people. */
export const ROSTER_LIMITS = { maxRows: 20_000 };

type Change = RosterPreview['rows'][number]['changes'][number];

/** What a checked row would change in a known person, as the screen shows it (teams by name). */
function changesOf(before: Staff, fields: StaffFields, teamName: Map<number, string>): Change[] {
  const shown = (field: keyof StaffFields, value: StaffFields[keyof StaffFields]) =>
    value === null
      ? null
      : field === 'teamId'
        ? (teamName.get(value as number) ?? null)
        : String(value);
  return ROSTER_FIELDS.filter((f) => before[f] !== fields[f]).map((field) => ({
    field,
    before: shown(field, before[field]),
    after: shown(field, fields[field]),
  }));
}

/**
 * Reads the roster as it stands and checks the file against it, row by row: new, changed (with
 * each field's old and new value), unchanged, or invalid (with its problems). Teams and people
 * are read in the caller's transaction, so the apply sees what its own transaction sees.
 */
async function checkRoster(ctx: HandlerContext, table: TableFile) {
  const teams = await listTeams(ctx.db);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const existing = await staffRowsByEmployeeNo(ctx.db, rosterEmployeeNos(table));
  const rows = parseRoster(table, new Map(teams.map((t) => [t.name, t.id])), existing);
  const checked = rows.map((row) => {
    const before = existing.get(row.employeeNo);
    const changes = row.fields && before ? changesOf(before, row.fields, teamName) : [];
    const kind = !row.fields
      ? ('invalid' as const)
      : !before
        ? ('new' as const)
        : changes.length > 0
          ? ('changed' as const)
          : ('unchanged' as const);
    return { ...row, before, changes, kind };
  });
  return { rows: checked, teamName };
}

/** The preview (花名册导入预览): what applying the file would do. Nothing is written. */
export async function previewRoster(ctx: HandlerContext, table: TableFile): Promise<RosterPreview> {
  const { rows } = await checkRoster(ctx, table);
  const counts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  for (const row of rows) counts[row.kind]++;
  return {
    counts,
    rows: rows.map(({ line, employeeNo, name, kind, changes, issues }) => ({
      row: line,
      employeeNo,
      name,
      kind,
      changes,
      issues,
    })),
  };
}

interface Applied {
  created: { id: number; fields: StaffFields }[];
  updated: { before: Staff; after: Staff }[];
}

/**
 * The audit of one roster import: each person added or changed, nothing for a row that changed
 * nothing. Kept in this one function so the import's audit shape changes in one place.
 */
/** The import's rows for its one audit entry (core/audit.ts auditBulk): each person added or changed. */
function auditRows(applied: Applied): BulkRow[] {
  return [
    ...applied.created.map(({ id, fields }) => ({
      entity: 'staff' as const,
      entityId: id,
      after: fields,
    })),
    ...applied.updated.map(({ before, after }) => ({
      entity: 'staff' as const,
      entityId: before.id,
      before,
      after,
    })),
  ];
}

/**
 * The roster import (花名册导入), given the file already read (before the transaction): rows are
 * matched by employee number; only new and changed people are written, all in the action's one
 * transaction, and a file with any invalid row is refused whole. Each person's change is returned
 * for the import's one audit entry; a row that changes nothing is neither written nor audited.
 */
export async function importRoster(ctx: HandlerContext, table: TableFile) {
  const { rows, teamName } = await checkRoster(ctx, table);
  const invalid = rows.filter((r) => r.kind === 'invalid');
  if (invalid.length > 0)
    throw rejectRows(
      'errors.import_rejected',
      invalid.flatMap((r) => r.issues),
    );
  const added = rows.filter((r) => r.kind === 'new').map((r) => r.fields!);
  const ids = await insertStaffRows(ctx.db, added, ctx.now);
  const applied: Applied = {
    created: added.map((fields) => ({ id: ids.get(fields.employeeNo)!, fields })),
    updated: [],
  };
  for (const row of rows) {
    if (row.kind !== 'changed') continue;
    const fields = row.fields!;
    const before = row.before!;
    await updateStaff(ctx.db, before.id, fields, ctx.now);
    applied.updated.push({
      before,
      after: {
        ...before,
        ...fields,
        teamName: fields.teamId === null ? null : (teamName.get(fields.teamId) ?? null),
        updatedAt: ctx.now,
      },
    });
  }
  return {
    rows: rows.length,
    created: applied.created.length,
    updated: applied.updated.length,
    unchanged: rows.length - applied.created.length - applied.updated.length,
    audited: auditRows(applied),
  };
}
