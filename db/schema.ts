import type { AccountsTables } from './queries/accounts/tables';
import type { AttendanceTables } from './queries/attendance/tables';
import type { AuditTables } from './queries/audit/tables';
import type { HandoverTables } from './queries/handover/tables';
import type { OrgTables } from './queries/org/tables';
import type { RewardsTables } from './queries/rewards/tables';
import type { SettingsTables } from './queries/settings/tables';

/**
 * Kysely's view of the database: each module's tables, declared beside its queries. Column names
 * are snake_case in SQL, mapped to camelCase once, in the queries.
 */
export interface DB
  extends
    OrgTables,
    AccountsTables,
    SettingsTables,
    AuditTables,
    AttendanceTables,
    HandoverTables,
    RewardsTables {}
