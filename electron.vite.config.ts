import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CHANNELS } from './shared/contract';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // index: the Electron main process; host: browser mode's loopback server, plain Node.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          host: resolve(__dirname, 'electron/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    // The channel names, computed from the contract now: the preload bundles them, not zod and
    // every schema (see electron/preload/index.ts).
    define: { __CONTRACT_CHANNELS__: JSON.stringify(CHANNELS) },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      // electron-vite leaves the renderer unminified; the script is loaded on every start.
      minify: true,
      // The first screen's shared chunk is about 0.93 MB: a warning here means a page's library
      // (ECharts, say) slipped into it.
      chunkSizeWarningLimit: 1000,
    },
  },
});
