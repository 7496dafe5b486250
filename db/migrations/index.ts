import type { Kysely } from 'kysely';
import { organization } from './0001-organization';
import { accountsAndAudit } from './0002-accounts-audit';
import { attendance } from './0003-attendance';
import { handover } from './0004-handover';
import { auditKeyed } from './0005-audit-keyed';
import { searchEveryCharacter } from './0006-search-every-character';
import { userTeams } from './0007-user-teams';
import { usernamesAnyCase } from './0008-usernames-any-case';
import { missingPunch } from './0009-missing-punch';
import { closedMonthsLocked } from './0010-closed-months-locked';
import { rewards } from './0011-rewards';
import { staffWages } from './0012-staff-wages';
import { auditRows } from './0013-audit-rows';
import { rewardsStandingsIndexes } from './0014-rewards-standings-indexes';

export interface Migration {
  /** The schema version it brings a file to: also in its file name, never reused or renumbered. */
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Refuses a list in which a version is reused or missing: the versions, in order, are exactly
 * 1…N. Append only: never edit or renumber a migration that has shipped.
 */
export function checkedMigrations(list: readonly Migration[]): readonly Migration[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration "${m.name}" has version ${m.version}; expected ${i + 1}`);
    }
  });
  return list;
}

export const migrations = checkedMigrations([
  organization,
  accountsAndAudit,
  attendance,
  handover,
  auditKeyed,
  searchEveryCharacter,
  userTeams,
  usernamesAnyCase,
  missingPunch,
  closedMonthsLocked,
  rewards,
  staffWages,
  auditRows,
  rewardsStandingsIndexes,
]);

export const LATEST_SCHEMA_VERSION = migrations.length;
