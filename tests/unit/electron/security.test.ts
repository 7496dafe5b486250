import { describe, expect, it, vi } from 'vitest';
import { resolveDataDir, userDataDir } from '../../../electron/backend/data-dir';
import { browserCandidates, findBrowser } from '../../../electron/host/browser';
import { electronBindingPath, resolveNativeBinding } from '../../../electron/main/native-binding';
import {
  handleWindowOpen,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  shouldBlockNavigation,
} from '../../../electron/main/security';

const APP = 'file:///opt/console/out/renderer/index.html';

describe('Electron window security', () => {
  it('isolates the renderer: sandbox, context isolation, no Node', () => {
    const prefs = secureWebPreferences('/opt/console/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/console/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('accepts IPC only from the main frame of the app page', () => {
    expect(isTrustedSender({ url: `${APP}#/roster`, parent: null }, APP)).toBe(true);
    expect(isTrustedSender({ url: APP, parent: {} }, APP)).toBe(false); // a subframe
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    const dev = 'http://localhost:5173';
    expect(isTrustedSender({ url: 'http://localhost:5173/#/home', parent: null }, dev)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, dev)).toBe(false);
  });

  it('blocks navigation away from the app', () => {
    expect(shouldBlockNavigation(`${APP}#/schedule`, APP)).toBe(false);
    expect(shouldBlockNavigation('https://example.com/', APP)).toBe(true);
    expect(shouldBlockNavigation('file:///etc/passwd', APP)).toBe(true);
    expect(shouldBlockNavigation('not a url', APP)).toBe(true);
  });

  it('denies every new window and opens only web links outside', () => {
    const open = vi.fn();
    expect(handleWindowOpen('https://example.com/help', open)).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledWith('https://example.com/help');
    open.mockClear();
    for (const url of [
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-settings:',
    ]) {
      expect(handleWindowOpen(url, open)).toEqual({ action: 'deny' });
      expect(isSafeExternalUrl(url)).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });
});

describe('where things live', () => {
  it('uses the same data folder as Electronʼs userData, per platform', () => {
    expect(userDataDir('linux', {}, '/home/wang')).toBe('/home/wang/.config/supervisor-console');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/wang')).toBe(
      '/cfg/supervisor-console',
    );
    expect(userDataDir('darwin', {}, '/Users/wang')).toBe(
      '/Users/wang/Library/Application Support/supervisor-console',
    );
    expect(
      userDataDir('win32', { APPDATA: 'C:/Users/wang/AppData/Roaming' }, 'C:/Users/wang'),
    ).toMatch(/Roaming.supervisor-console$/);
  });

  it('lets --data-dir and the environment override the data folder', () => {
    expect(
      resolveDataDir(['--data-dir', '/d1'], { SUPERVISOR_CONSOLE_DATA_DIR: '/d2' }, '/d3'),
    ).toBe('/d1');
    expect(resolveDataDir(['--data-dir=/d1'], {}, '/d3')).toBe('/d1');
    expect(resolveDataDir([], { SUPERVISOR_CONSOLE_DATA_DIR: '/d2' }, '/d3')).toBe('/d2');
    expect(resolveDataDir([], {}, '/d3')).toBe('/d3');
  });

  it('keeps the Electron build of better-sqlite3 apart from the Node build', () => {
    const path = electronBindingPath('/p', '45.4.1');
    expect(path).toBe('/p/.electron-native/electron-45.4.1/better_sqlite3.node');
    expect(path).not.toContain('node_modules');
    expect(resolveNativeBinding({}, '/p', '45.4.1', (p) => p === path)).toBe(path);
    expect(resolveNativeBinding({}, '/p', '45.4.1', () => false)).toBeUndefined();
    expect(
      resolveNativeBinding(
        { SUPERVISOR_CONSOLE_NATIVE_BINDING: '/x.node' },
        '/p',
        '45.4.1',
        () => true,
      ),
    ).toBe('/x.node');
  });

  it('finds a Chromium-family browser for browser mode', () => {
    expect(browserCandidates('linux')).toContain('/usr/bin/chromium');
    expect(
      browserCandidates('win32', { PROGRAMFILES: 'C:/Program Files' }).some((p) =>
        p.endsWith('msedge.exe'),
      ),
    ).toBe(true);
    expect(findBrowser(['/a', '/b'], (p) => p === '/b')).toBe('/b');
    expect(findBrowser(['/a'], () => false)).toBeUndefined();
  });
});
