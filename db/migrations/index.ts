import type { Kysely } from 'kysely';
import { organization } from './001_organization';
import { accountsAndAudit } from './002_accounts_audit';
import { attendance } from './003_attendance';
import { handover } from './004_handover';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Version N is migrations[N - 1]. Append only: never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [
  organization,
  accountsAndAudit,
  attendance,
  handover,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
