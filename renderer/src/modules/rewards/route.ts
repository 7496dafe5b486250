import { addressParams, pageAddress, useAddress } from '../../components/page-address';

export const REWARDS_TABS = ['queue', 'propose', 'person', 'report', 'whatIf', 'catalog'] as const;
export type RewardsTab = (typeof REWARDS_TABS)[number];

/** Where the 奖惩 page is: a tab, a person, a month, one record open over it. */
export interface RewardsRoute {
  tab?: RewardsTab;
  /** A person's page (the person tab). */
  staff?: number;
  /** A report's or what-if's month, YYYY-MM. */
  month?: string;
  /** One record's detail, open over whichever tab is showing. */
  record?: number;
}

export function readRewardsRoute(hash: string = window.location.hash): RewardsRoute {
  const params = addressParams(hash);
  const number = (key: string) => Number(params.get(key)) || undefined;
  const tab = params.get('tab');
  const month = params.get('month');
  return {
    tab: (REWARDS_TABS as readonly string[]).includes(tab ?? '') ? (tab as RewardsTab) : undefined,
    staff: number('staff'),
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    record: number('record'),
  };
}

export const rewardsHash = (route: RewardsRoute): string => pageAddress('rewards', { ...route });

/** Moves to a place on the 奖惩 page, as a history entry the back button returns from. */
export function goRewards(route: RewardsRoute = {}) {
  window.location.hash = rewardsHash(route);
}

const readHere = () => readRewardsRoute();
export function useRewardsRoute(): RewardsRoute {
  return useAddress(readHere);
}
