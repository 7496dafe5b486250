import { accounts } from './accounts';
import { app } from './app';
import { attendance } from './attendance';
import { audit } from './audit';
import { backups } from './backups';
import { handover } from './handover';
import type { HomeCard, ModuleName, NavEntry, RendererModule } from './module';
import { org } from './org';
import { rewards } from './rewards';

/**
 * Every module of the console, one line each. The menu, the pages an address can name, the home
 * cards, the i18n namespaces and what a write reloads all come from this list.
 */
export const MODULES = [
  app, // home page, demo data
  accounts, // sign-in, users and security, the user menu
  org, // schedule, roster, teams, shift types
  attendance, // roll-call, the month's attendance, attendance settings
  handover, // 交接班
  rewards, // 奖惩
  audit, // the audit trail
  backups, // backups, restore, the recovery screen
] as const;

/** The list as the rest of the renderer reads it: every field of every module, typed alike. */
export const ALL_MODULES: readonly RendererModule[] = MODULES;

/** A page of the console, as the address (#/roster) and the UI store name it. */
export type Page = (typeof MODULES)[number]['pages'][number]['key'];

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

/** The side menu: every module's pages in their order, each with the namespace its label is in. */
export const NAV: (NavEntry & { key: Page; module: ModuleName })[] = MODULES.flatMap((m) =>
  m.pages.map((entry) => ({ ...entry, module: m.name })),
).sort(byOrder);

/** The home page's cards from every module, in their order. */
export const HOME_CARDS: HomeCard[] = ALL_MODULES.flatMap((m) => m.homeCards ?? []).sort(byOrder);
