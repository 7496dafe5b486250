import { useEffect, useState } from 'react';
import { useUi } from '../stores/ui';

/** The parameters after a page's name in the address: `#/handover&tab=log&id=12`. */
export function addressParams(hash: string = window.location.hash): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#\/?[^&]*&?/, ''));
}

/** A page's address with its parameters, the absent ones left out. */
export function pageAddress(
  page: string,
  params: Record<string, string | number | undefined>,
): string {
  const rest = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `&${key}=${encodeURIComponent(String(value))}`)
    .join('');
  return `#/${page}${rest}`;
}

/**
 * A page's place as its address says it, read again whenever the address changes, so a home card
 * can link straight into a page and the back button returns to where one was.
 */
export function useAddress<Route>(read: () => Route): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () =>
      setRoute((old) => {
        const next = read();
        return JSON.stringify(old) === JSON.stringify(next) ? old : next;
      });
    window.addEventListener('hashchange', update);
    // The navigation menu rewrites the address without a hashchange event.
    const unsubscribe = useUi.subscribe(update);
    return () => {
      window.removeEventListener('hashchange', update);
      unsubscribe();
    };
  }, [read]);
  return route;
}
