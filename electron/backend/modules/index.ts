import type { Handlers } from '../core/context';
import { accountsHandlers } from './accounts/handlers';
import { appHandlers } from './app/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { auditHandlers } from './audit/handlers';
import { backupsHandlers } from './backups/handlers';
import { handoverHandlers } from './handover/handlers';
import { orgHandlers } from './org/handlers';

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
  ...auditHandlers,
  ...backupsHandlers,
};
