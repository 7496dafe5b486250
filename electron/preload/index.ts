import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';

/**
 * The renderer's only door to the main process: invoke(channel, input) for contract channels.
 * No ipcRenderer, no Node, no other channel leaves this file.
 */
const allowed = new Set<string>(CHANNELS);

contextBridge.exposeInMainWorld('supervisorConsole', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'unknown_channel',
          message: `unknown channel ${channel}`,
          key: 'errors.unknown_channel',
        },
      });
    }
    return ipcRenderer.invoke(channel, input);
  },
});
