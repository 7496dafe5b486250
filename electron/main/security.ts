import type { CustomScheme, WebPreferences } from 'electron';

/**
 * The Electron shell's security decisions as plain functions, so they are unit-tested without
 * launching Electron. Only types come from 'electron' here.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/**
 * The renderer is served from its own origin, app://console, not from file:// — where the CSP's
 * 'self' would match any file on the disk and a page could read its neighbours. Standard and
 * secure: a real origin for the CSP, storage and fetch; no CSP bypass, no service workers.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What the window loads: the app:// page; in development only, electron-vite's dev server on this
 * machine (ELECTRON_RENDERER_URL). A packaged console ignores the variable, so nobody can point an
 * installed app's privileged window, preload and all, at another page.
 */
export function rendererEntry(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !dev) return APP_URL;
  const url = URL.parse(dev);
  const isLocalDevServer =
    !!url &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK_HOSTS.has(url.hostname);
  return isLocalDevServer ? dev : APP_URL;
}

/**
 * The app's own pages: same scheme and host (and port) as the page it loads. Compared field by
 * field: a non-web scheme's `origin` is "null" for every URL, so origins alone would match any
 * app:// host.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = URL.parse(url);
  const app = URL.parse(appUrl);
  return !!target && !!app && target.protocol === app.protocol && target.host === app.host;
}

/** Only the main frame of our own page may call the backend (VS Code's rule for IPC senders). */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  appUrl: string,
): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, appUrl);
}

/**
 * The sites a link may open in the system browser: https origins named here, nothing else (never
 * file:, smb:, a custom scheme, or a look-alike host). No page of the console links outside yet; a
 * link added later names its origin here, e.g. 'https://help.example.cn'.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [];

export function isAllowedExternalUrl(url: string, allowed: readonly string[] = EXTERNAL_ORIGINS) {
  const target = URL.parse(url);
  return !!target && target.protocol === 'https:' && allowed.includes(target.origin);
}

export type WindowOpenDecision = { action: 'deny' };

/** Every window.open is denied; an allowed link goes to the system browser instead. */
export function handleWindowOpen(
  url: string,
  openExternal: (url: string) => void,
  allowed: readonly string[] = EXTERNAL_ORIGINS,
): WindowOpenDecision {
  if (isAllowedExternalUrl(url, allowed)) openExternal(url);
  return { action: 'deny' };
}

/** Navigation away from the app page is always refused. */
export function shouldBlockNavigation(url: string, appUrl: string): boolean {
  return !isAppUrl(url, appUrl);
}

/**
 * Every way a page can leave the app: a link or script navigating the window, a server redirect,
 * and any frame navigating (an iframe included), each with the target URL on the event.
 */
export const NAVIGATION_EVENTS = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

/** The part of a WebContents the guards use: its events and its window-open handler. */
export interface GuardedContents {
  on(
    event: (typeof NAVIGATION_EVENTS)[number] | 'will-attach-webview',
    listener: (event: { url?: string; preventDefault(): void }) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
}

/** Guards a new WebContents: no navigation off the app, no webview, no new window. */
export function guardWebContents(
  contents: GuardedContents,
  appUrl: string,
  openExternal: (url: string) => void,
) {
  for (const name of NAVIGATION_EVENTS) {
    contents.on(name, (event) => {
      if (shouldBlockNavigation(event.url ?? '', appUrl)) event.preventDefault();
    });
  }
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, openExternal));
}
