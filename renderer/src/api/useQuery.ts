import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Channel, Input, Output } from '../../../shared/contract';
import { useUi } from '../stores/ui';
import { api } from './client';

/**
 * Loads one channel's answer and reloads when its input changes or another page reports a data
 * change. A late answer for an older input is dropped, so fast typing never shows stale rows.
 */
export function useQuery<C extends Channel>(channel: C, input: Input<C> | null) {
  const dataVersion = useUi((s) => s.dataVersion);
  const [data, setData] = useState<Output<C>>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    if (input === null) return;
    const request = ++latest.current;
    setLoading(true);
    void api.call(channel, input).then((result) => {
      if (request !== latest.current) return;
      if (result.ok) {
        setData(result.value);
        setError(undefined);
      } else setError(result.error);
      setLoading(false);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialized input is the dependency
  }, [channel, key, dataVersion, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
