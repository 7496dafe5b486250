import type { Generated } from 'kysely';
import type { Role } from '../../../shared/domain/org';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  staff_id: number | null;
  active: number;
  /** scrypt$N$r$p$salt$hash — never leaves the backend, never enters the audit trail. */
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** The teams a supervisor leads (their team scope). */
export interface UserTeamsTable {
  user_id: number;
  team_id: number;
}

export interface AccountsTables {
  users: UsersTable;
  user_teams: UserTeamsTable;
}
