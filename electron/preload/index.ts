import { contextBridge, ipcRenderer } from 'electron';
import { PRINT_TO_PDF_CHANNEL } from '../main/print';

/** Every contract channel's name, put in at build time (electron.vite.config.ts' define): names only. */
declare const __CONTRACT_CHANNELS__: readonly string[];

/**
 * The renderer's only doors to the main process: invoke(channel, input, session) for contract
 * channels, the session being the signed-in user's token; and printToPdf(fileName), which saves
 * the page's print view as a PDF where the user chooses.
 * No ipcRenderer, no Node, no other channel leaves this file.
 */
const allowed = new Set<string>(__CONTRACT_CHANNELS__);

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
  printToPdf(fileName: string): Promise<{ saved: boolean }> {
    return ipcRenderer.invoke(PRINT_TO_PDF_CHANNEL, String(fileName));
  },
});
