import { CHANNELS } from '../../shared/contract';

/**
 * What the preload's build puts in place of __CONTRACT_CHANNELS__: every channel's name, computed
 * from the contract, so the sandboxed preload gets the names only, not zod and every schema.
 * electron.vite.config.ts builds the preload with it; vitest.config.ts runs its test with it.
 */
export const preloadDefine = { __CONTRACT_CHANNELS__: JSON.stringify(CHANNELS) };
