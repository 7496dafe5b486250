import { createElement, lazy, useState, type ComponentType } from 'react';
import type { Channel } from '../../../shared/contract';

/** `attendance` of `attendance.summary`: a module's name is its channels' prefix and its i18n namespace. */
export type ModuleName = Channel extends `${infer Head}.${string}` ? Head : never;

/** Every dotted prefix of a channel name: `org.`, `org.staff.` of `org.staff.list`. */
type DotPrefixes<
  Name extends string,
  Before extends string = '',
> = Name extends `${infer Head}.${infer Rest}`
  ? `${Before}${Head}.` | DotPrefixes<Rest, `${Before}${Head}.`>
  : never;

/** One channel, every channel under a prefix (`org.staff.`), or every channel there is (`*`). */
export type ChannelPattern = Channel | DotPrefixes<Channel> | '*';

/** A page in the side menu: its address (#/key), icon, the channel its role must be allowed, its place. */
export interface NavEntry {
  key: string;
  icon: ComponentType;
  page: LoadedLater;
  /** The page shows only to roles allowed to call this channel: the backend would refuse the rest. */
  needs: Channel;
  /** Menu position, across modules: smaller first. */
  order: number;
  /**
   * The page shows team data (roll-call, attendance, schedule, handovers): a supervisor with no
   * team assigned sees a note pointing to the administrator instead.
   */
  teamData?: true;
}

/** A card a module adds to the home page, to roles allowed `needs`, in `order`. */
export interface HomeCard {
  card: LoadedLater;
  needs: Channel;
  order: number;
}

/**
 * What a module brings to the console. Its strings are the i18n namespace named like it
 * (`<module>/zh-CN.json`, `<module>/en-US.json`); its pages load when first opened.
 */
export interface RendererModule {
  name: ModuleName;
  pages: readonly NavEntry[];
  homeCards?: readonly HomeCard[];
  /**
   * What a successful write changes beyond its own module: write channels (or prefixes) → the
   * query channels (or prefixes) to load again. The longest matching pattern wins; a write with
   * none reloads its own module's queries.
   */
  invalidates?: Partial<Record<ChannelPattern, readonly ChannelPattern[]>>;
}

/** Keeps the literal page keys, so the console's page type derives from the module list. */
export const defineModule = <const M extends RendererModule>(module: M): M => module;

/** A component whose code loads on first use, or earlier with `preload()`. */
export type LoadedLater = ComponentType & { preload(): Promise<unknown> };

/**
 * A component whose code is fetched the first time it renders (or when `preload` is called), so
 * it stays out of the first screen's script. Once fetched, a new mount renders it at once, with
 * no loading state; a mount that had to wait keeps its lazy wrapper, so nothing remounts.
 */
export function lazyNamed<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LoadedLater {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => (loading ??= load().then((module) => (loaded = module[name])));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function LoadedLater() {
    const [ready] = useState(() => loaded);
    return createElement(ready ?? Lazy);
  }
  LoadedLater.displayName = name;
  return Object.assign(LoadedLater, { preload });
}
