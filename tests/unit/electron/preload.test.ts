import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/contract';

/**
 * The preload runs inside Electron; here its two Electron calls are replaced by recorders so we
 * can see exactly what it hands the page. The real thing runs in tests/electron when a runtime exists.
 */
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke },
}));

beforeAll(async () => {
  // What the build puts in its place (electron.vite.config.ts): the contract's channel names.
  vi.stubGlobal('__CONTRACT_CHANNELS__', CHANNELS);
  await import('../../../electron/preload/index');
});

describe('the preload', () => {
  it('exposes one object with two functions: invoke and printToPdf', () => {
    expect(Object.keys(exposed)).toEqual(['supervisorConsole']);
    expect(Object.keys(exposed.supervisorConsole as object)).toEqual(['invoke', 'printToPdf']);
  });

  it('asks the main process for a PDF on its own channel, with a string name only', async () => {
    invoke.mockClear();
    const bridge = exposed.supervisorConsole as { printToPdf(name: unknown): Promise<unknown> };
    await bridge.printToPdf({ toString: () => '交接班-2026-11-16' });
    expect(invoke).toHaveBeenCalledWith('console:printToPdf', '交接班-2026-11-16');
  });

  it('forwards contract channels to the main process', async () => {
    const bridge = exposed.supervisorConsole as { invoke(c: string, i: unknown): Promise<unknown> };
    await bridge.invoke('org.staff.list', { page: 1 });
    expect(invoke).toHaveBeenCalledWith('org.staff.list', { page: 1 }, null);
  });

  it('refuses any other channel without reaching the main process', async () => {
    invoke.mockClear();
    const bridge = exposed.supervisorConsole as { invoke(c: string, i: unknown): Promise<unknown> };
    for (const channel of ['ELECTRON_BROWSER_REQUIRE', 'shell.openExternal', '__proto__', '']) {
      expect(await bridge.invoke(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
    expect(invoke).not.toHaveBeenCalled();
  });
});
