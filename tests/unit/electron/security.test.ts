import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveDataDir, userDataDir } from '../../../electron/backend/data-dir';
import { browserCandidates, findBrowser } from '../../../electron/host/browser';
import { appProtocolResponse } from '../../../electron/main/app-protocol';
import { electronBindingPath, resolveNativeBinding } from '../../../electron/main/native-binding';
import {
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  EXTERNAL_ORIGINS,
  guardWebContents,
  handleWindowOpen,
  isAllowedExternalUrl,
  isTrustedSender,
  NAVIGATION_EVENTS,
  rendererEntry,
  secureWebPreferences,
  shouldBlockNavigation,
  type GuardedContents,
} from '../../../electron/main/security';

const APP = APP_URL;

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
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    const dev = 'http://localhost:5173';
    expect(isTrustedSender({ url: 'http://localhost:5173/#/home', parent: null }, dev)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, dev)).toBe(false);
  });

  it('blocks navigation away from the app', () => {
    expect(shouldBlockNavigation(`${APP}#/schedule`, APP)).toBe(false);
    expect(shouldBlockNavigation('app://console/assets/index.js', APP)).toBe(false);
    expect(shouldBlockNavigation('https://example.com/', APP)).toBe(true);
    expect(shouldBlockNavigation('file:///etc/passwd', APP)).toBe(true);
    // Every app:// URL has the origin "null" in Node; the host still tells them apart.
    expect(shouldBlockNavigation('app://console.evil/index.html', APP)).toBe(true);
    expect(shouldBlockNavigation('not a url', APP)).toBe(true);
  });

  it('guards every navigation event, webviews and new windows of each web contents', () => {
    const contents = new EventEmitter() as EventEmitter & GuardedContents;
    let openHandler: Parameters<GuardedContents['setWindowOpenHandler']>[0] = () => ({
      action: 'deny',
    });
    contents.setWindowOpenHandler = (handler) => (openHandler = handler);
    const opened = vi.fn();
    guardWebContents(contents, APP, opened);
    const navigate = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit(name, event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(NAVIGATION_EVENTS).toEqual(['will-navigate', 'will-redirect', 'will-frame-navigate']);
    for (const name of NAVIGATION_EVENTS) {
      expect(navigate(name, 'https://evil.example/'), name).toBe(true);
      expect(navigate(name, 'file:///C:/Users/wang/AppData/Roaming/x.html'), name).toBe(true);
      expect(navigate(name, `${APP}#/handover`), name).toBe(false);
    }
    expect(navigate('will-attach-webview', APP)).toBe(true);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(opened).not.toHaveBeenCalled();
  });

  it('opens only allow-listed https origins in the system browser, and denies every window', () => {
    const allowed = ['https://help.example.cn'];
    const open = vi.fn();
    expect(handleWindowOpen('https://help.example.cn/handover', open, allowed)).toEqual({
      action: 'deny',
    });
    expect(open).toHaveBeenCalledWith('https://help.example.cn/handover');
    open.mockClear();
    for (const url of [
      'http://help.example.cn/', // not https
      'https://help.example.cn.evil.com/',
      'https://evil.example/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-settings:',
    ]) {
      expect(handleWindowOpen(url, open, allowed)).toEqual({ action: 'deny' });
      expect(isAllowedExternalUrl(url, allowed), url).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
    // The console's own list: no page links outside yet, so nothing opens.
    expect(EXTERNAL_ORIGINS.every((o) => o.startsWith('https://'))).toBe(true);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });

  it('serves the renderer from app://, a standard secure scheme, and ignores the dev URL when packaged', () => {
    expect(APP).toBe('app://console/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererEntry(false, dev)).toBe('http://localhost:5173/');
    expect(rendererEntry(true, dev)).toBe(APP);
    expect(rendererEntry(false, {})).toBe(APP);
    // Even in development, only a dev server on this machine.
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(APP);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' })).toBe(APP);
  });
});

describe('the app:// protocol', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const get = (url: string) => appProtocolResponse(url, join(dir, 'renderer'));

  it('serves the built renderer with its type and the Content-Security-Policy', async () => {
    const shell = await get(APP);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await shell.text()).toContain('<title>console</title>');
    const script = await get('app://console/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('never serves a file outside the renderer, another host, or a malformed path', async () => {
    for (const url of [
      'app://console/../secret.txt',
      'app://console/%2e%2e/secret.txt',
      'app://console/..%2fsecret.txt',
      'app://console/assets/..%5c..%5csecret.txt',
    ]) {
      expect(await (await get(url)).text(), url).not.toContain('secret');
    }
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('file:///etc/passwd')).status).toBe(404);
    expect((await get('app://console/%00')).status).toBe(400);
    expect((await get('app://console/%E0%A4%A')).status).toBe(400);
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
