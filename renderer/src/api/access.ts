import type { ChannelAccess } from '../../../shared/contract';

/** Put in at build time (electron.vite.config.ts' define): the contract's roles and public flags. */
declare const __CHANNEL_ACCESS__: ChannelAccess;

/**
 * Who may call each channel and which are open before sign-in, as a plain table: the renderer
 * reads only this of the contract at run time, so its script carries no schema (and no zod).
 */
export const channelAccess: ChannelAccess = __CHANNEL_ACCESS__;
