import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';

/**
 * The renderer's only door to the main process: invoke(channel, input, session) for contract
 * channels, the session being the signed-in user's token.
 * No ipcRenderer, no Node, no other channel leaves this file.
 */
const allowed = new Set<string>(CHANNELS);

contextBridge.exposeInMainWorld('supervisorConsole', {
  invoke(channel: string, input: unknown, session?: string | null): Promise<unknown> {
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
    return ipcRenderer.invoke(channel, input, session ?? null);
  },
});
