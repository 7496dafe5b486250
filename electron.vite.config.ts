import { dirname, posix, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CHANNELS, channelAccess } from './shared/contract';

/**
 * Worker threads named the standard way, `new URL('./x-worker.ts', import.meta.url)`, run as is
 * from source (tsx, vitest); in the build each becomes a chunk of its own and the URL points at
 * it, relative to the chunk that starts it, wherever the app is installed.
 */
function workerChunks(): Plugin {
  const WORKER_URL = /new URL\((['"])(\.{1,2}\/[\w./-]+-worker)\.ts\1, import\.meta\.url\)/g;
  const PLACEHOLDER = /__WORKER_CHUNK_(\w+)__/g;
  return {
    name: 'console:worker-chunks',
    apply: 'build',
    transform(code, id) {
      if (!code.includes('-worker.ts')) return null;
      const out = code.replace(WORKER_URL, (_match, _quote, path: string) => {
        const ref = this.emitFile({ type: 'chunk', id: resolve(dirname(id), `${path}.ts`) });
        return `new URL(__WORKER_CHUNK_${ref}__, import.meta.url)`;
      });
      return out === code ? null : { code: out, map: null };
    },
    renderChunk(code, chunk) {
      if (!PLACEHOLDER.test(code)) return null;
      return code.replace(PLACEHOLDER, (_match, ref: string) => {
        const path = relative(dirname(chunk.fileName), this.getFileName(ref)).split('\\').join('/');
        return JSON.stringify(path.startsWith('.') ? path : `./${posix.normalize(path)}`);
      });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [workerChunks()],
    build: {
      // Pure-JS libraries go into the bundle: Node resolving and compiling their hundreds of ES
      // module files (kysely, date-fns, zod) cost ~250 ms of every start before the host listened.
      // Native and worker-side ones (better-sqlite3, exceljs, papaparse) stay in node_modules.
      externalizeDeps: { exclude: ['kysely', 'date-fns', 'zod', 'i18next'] },
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
    // Roles and public flags per channel as a plain table (renderer/src/api/access.ts): the
    // renderer needs no more of the contract at run time, so zod and the schemas stay out of it.
    define: { __CHANNEL_ACCESS__: JSON.stringify(channelAccess()) },
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
