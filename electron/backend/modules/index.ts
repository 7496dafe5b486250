import type { DailyDuty, Handlers } from '../core/context';
import { noTeamData, type TeamRules } from '../core/teams';
import {
  accountsChannels,
  appChannels,
  auditChannels,
  backupsChannels,
} from '../../../shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { appHandlers } from './app/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { attendanceTeamRules } from './attendance/team-scope';
import { auditHandlers } from './audit/handlers';
import { backupsHandlers } from './backups/handlers';
import { handoverHandlers } from './handover/handlers';
import { handoverTeamRules } from './handover/team-scope';
import { orgHandlers } from './org/handlers';
import { orgTeamRules } from './org/team-scope';
import { expiryDuty } from './rewards/expiry';
import { rewardsHandlers } from './rewards/handlers';
import { rewardsTeamRules } from './rewards/team-scope';

/**
 * The backend modules, one line each, in the contract's order. Each module's handlers are typed
 * against its own channel map, and this table against the whole contract: a channel without a
 * handler does not compile.
 */
export const handlers: Handlers = {
  ...appHandlers,
  ...accountsHandlers,
  ...orgHandlers,
  ...attendanceHandlers,
  ...handoverHandlers,
  ...rewardsHandlers,
  ...auditHandlers,
  ...backupsHandlers,
};

/**
 * Each channel's team rule (core/teams.ts), one line per module: whether it is team data, what
 * its input reaches and how its answer is cut to a supervisor's teams. A channel nobody decided
 * about does not compile. Later modules (meetings, incidents, proposals) add their line here.
 */
export const teamRules: TeamRules = {
  ...noTeamData(appChannels),
  ...noTeamData(accountsChannels),
  ...orgTeamRules,
  ...attendanceTeamRules,
  ...handoverTeamRules,
  ...rewardsTeamRules,
  ...noTeamData(auditChannels),
  ...noTeamData(backupsChannels),
};

/** What the backend does by itself before the first call of each day (core/backend.ts), one line per module. */
export const dailyDuties: readonly DailyDuty[] = [expiryDuty];
