import {
  keepPreviousData,
  QueryClient,
  useQuery as useCachedQuery,
  type Query,
} from '@tanstack/react-query';
import type { Channel, Input, Output, Result } from '../../../shared/contract';
import { ApiFailure } from '../../../shared/contract/errors';
import { affectedBy, matches } from '../modules/affects';
import { api, errorOf } from './client';

/**
 * The renderer's cache of backend answers (TanStack Query), keyed by `[channel, input]`. Every
 * screen that shows the same answer reads one entry; a write reloads the entries it affects.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failure shows at once, on the screen that asked, with its retry button.
      retry: false,
      // The data changes through this desk's writes, which reload what they touch.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

type QueryKey<C extends Channel> = readonly [C, Input<C> | null];

/**
 * One channel's answer for an input (null: not yet, e.g. nothing picked). A changed input keeps
 * the last answer on screen, marked loading, until the new one arrives; a late answer for an
 * older input never shows. `loading` is the first load or a changed input, not a background
 * reload after a write, so a list does not flash while it is brought up to date.
 */
export function useQuery<C extends Channel>(channel: C, input: Input<C> | null) {
  const queryKey: QueryKey<C> = [channel, input];
  const query = useCachedQuery({
    queryKey,
    queryFn: () => api.get(channel, input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  return {
    data: query.data,
    error: query.error ? errorOf(query.error) : undefined,
    loading: query.isPending || query.isPlaceholderData,
    reload: () => void query.refetch(),
    /** Puts a write's answer on screen at once (and in every other screen showing it). */
    setData: (update: Output<C> | ((old: Output<C> | undefined) => Output<C> | undefined)) =>
      queryClient.setQueryData<Output<C>>(queryKey, update),
  };
}

function reloadAfter(channel: Channel) {
  const patterns = affectedBy(channel);
  void queryClient.invalidateQueries({
    predicate: (query: Query) => patterns.some((p) => matches(p, String(query.queryKey[0]))),
  });
}

/** Calls a channel that changes data; once it succeeds, the queries showing that data reload. */
export async function write<C extends Channel>(
  channel: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  const result = await api.call(channel, input);
  if (result.ok) reloadAfter(channel);
  return result;
}

/** `write`, for code that wants the value or an exception carrying the ApiError. */
export async function writeOrThrow<C extends Channel>(
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const result = await write(channel, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
