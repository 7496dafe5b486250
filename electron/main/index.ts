import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { SchemaTooNewError } from '../../db/store';
import { startBackend, type BackendSlot } from '../backend/core/startup';
import { APP_NAME, resolveDataDir } from '../backend/data-dir';
import { writeFile } from 'node:fs/promises';
import { safeStorageAuditKey } from './audit-key';
import { resolveNativeBinding } from './native-binding';
import { PRINT_TO_PDF_CHANNEL, saveAsPdf } from './print';
import {
  handleWindowOpen,
  isTrustedSender,
  secureWebPreferences,
  shouldBlockNavigation,
} from './security';

/** The Electron glue: one window, the IPC registration, security handlers. The backend knows nothing of Electron. */
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = rendererUrl ?? pathToFileURL(join(here, '..', 'renderer', 'index.html')).href;

app.setName(APP_NAME);
app.setPath('userData', resolveDataDir(process.argv, process.env, app.getPath('userData')));

let mainWindow: BrowserWindow | null = null;
let slot: BackendSlot | null = null;

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '值班主管控制台',
    webPreferences: secureWebPreferences(join(here, '..', 'preload', 'index.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  if (rendererUrl) void mainWindow.loadURL(rendererUrl);
  else void mainWindow.loadFile(join(here, '..', 'renderer', 'index.html'));
}

async function start() {
  const dataDir = app.getPath('userData');
  try {
    slot = await startBackend(
      { version: app.getVersion(), dataDir },
      {
        nativeBinding: resolveNativeBinding(process.env, projectRoot, process.versions.electron),
        auditKey: safeStorageAuditKey(safeStorage),
      },
    );
  } catch (error) {
    const message =
      error instanceof SchemaTooNewError
        ? error.message
        : `The database could not be opened: ${String(error)}`;
    dialog.showErrorBox('值班主管控制台 / Supervisor console', message);
    app.exit(2);
    return;
  }
  const current = slot;
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown, session: unknown) => {
      if (!isTrustedSender(event.senderFrame, appUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'untrusted sender', key: 'errors.forbidden' },
        };
      }
      return current.backend.call(channel, input, typeof session === 'string' ? session : null);
    });
  }
  ipcMain.handle(PRINT_TO_PDF_CHANNEL, (event, suggested: unknown) => {
    if (!isTrustedSender(event.senderFrame, appUrl)) return { saved: false };
    return saveAsPdf(
      {
        printToPDF: () => event.sender.printToPDF({ pageSize: 'A4', printBackground: true }),
        chooseFile: async (defaultPath) => {
          const options = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
          const choice = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return choice.canceled ? undefined : choice.filePath;
        },
        writeFile: (path, data) => writeFile(path, data),
      },
      suggested,
    );
  });
  // The console needs no camera, microphone, notifications or geolocation.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (shouldBlockNavigation(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) =>
      handleWindowOpen(url, (safe) => void shell.openExternal(safe)),
    );
  });
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void slot?.close());
  void app.whenReady().then(start);
}
