import type { z } from 'zod';
import type { Role } from '../domain/org';
import { accountsChannels } from './accounts';
import { appChannels } from './app';
import { attendanceChannels } from './attendance';
import { auditChannels } from './audit';
import { backupsChannels } from './backups';
import { spreadModules } from './channel';
import { handoverChannels } from './handover';
import { orgChannels } from './org';
import { rewardsChannels } from './rewards';

/**
 * The one contract between renderer and backend. Each module declares its channels in its own
 * file: input and output schemas, the roles that may call it, whether it is public, and the
 * transaction it runs in (see channel.ts). This list shows every module, in order; the key is the
 * prefix of each of its channels. The preload, the IPC registration, the loopback host and the
 * handler table all derive from it.
 */
export const contractModules = {
  app: appChannels,
  accounts: accountsChannels,
  org: orgChannels,
  attendance: attendanceChannels,
  handover: handoverChannels,
  rewards: rewardsChannels,
  audit: auditChannels,
  backups: backupsChannels,
} as const;

export const contract = spreadModules(contractModules);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

/**
 * Who may call each channel, and whether it is open before sign-in: all the renderer needs of
 * the contract at run time. The build puts it in as a plain table (electron.vite.config.ts), so
 * the renderer's script carries no schema and no zod.
 */
export type ChannelAccess = Record<Channel, { roles: readonly Role[]; public: boolean }>;
export const channelAccess = (): ChannelAccess =>
  Object.fromEntries(
    CHANNELS.map((c) => [c, { roles: contract[c].roles, public: 'public' in contract[c] }]),
  ) as ChannelAccess;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export * from './channel';
export * from './errors';
export * from './validation';
export * from './fields';
export * from './app';
export * from './accounts';
export * from './org';
export * from './attendance';
export * from './handover';
export * from './rewards';
export * from './audit';
export * from './backups';
export type { Role } from '../domain/org';
