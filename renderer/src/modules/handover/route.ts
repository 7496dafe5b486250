import { addressParams, pageAddress, useAddress } from '../../components/page-address';

export const HANDOVER_TABS = ['write', 'incoming', 'log', 'items', 'settings'] as const;
export type HandoverTab = (typeof HANDOVER_TABS)[number];

/** Where the handover page is: a tab, one handover open, or one handover's print sheet. */
export interface HandoverRoute {
  tab?: HandoverTab;
  id?: number;
  print?: number;
}

/**
 * The page keeps its place in the address (#/handover&id=12), so the home page can link straight
 * to a handover, the back button returns to the list, and a print sheet has an address of its own.
 */
export function readRoute(hash: string = window.location.hash): HandoverRoute {
  const params = addressParams(hash);
  const number = (key: string) => Number(params.get(key)) || undefined;
  const tab = params.get('tab');
  return {
    tab: (HANDOVER_TABS as readonly string[]).includes(tab ?? '')
      ? (tab as HandoverTab)
      : undefined,
    id: number('id'),
    print: number('print'),
  };
}

export function handoverHash(route: HandoverRoute): string {
  return pageAddress('handover', { ...route });
}

/** Moves to a place on the handover page, as a history entry the back button returns from. */
export function goHandover(route: HandoverRoute = {}) {
  window.location.hash = handoverHash(route);
}

const readHere = () => readRoute();
export function useHandoverRoute(): HandoverRoute {
  return useAddress(readHere);
}
