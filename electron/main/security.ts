import type { WebPreferences } from 'electron';

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

/** The app's own pages: the built renderer's file, or the dev server's origin. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:')
      return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Only the main frame of our own page may call the backend (VS Code's rule for IPC senders). */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  appUrl: string,
): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, appUrl);
}

/** Links the user clicks may open in the system browser, but only web links: never file:, smb: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export type WindowOpenDecision = { action: 'deny' };

/** Every window.open is denied; a web link goes to the system browser instead. */
export function handleWindowOpen(
  url: string,
  openExternal: (url: string) => void,
): WindowOpenDecision {
  if (isSafeExternalUrl(url)) openExternal(url);
  return { action: 'deny' };
}

/** Navigation away from the app page is always refused. */
export function shouldBlockNavigation(url: string, appUrl: string): boolean {
  return !isAppUrl(url, appUrl);
}
