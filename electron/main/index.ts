import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { SchemaTooNewError } from '../../db/store';
import { startBackend, type BackendSlot } from '../backend/core/startup';
import { APP_NAME, resolveDataDir } from '../backend/data-dir';
import { writeFile } from 'node:fs/promises';
import { appProtocolResponse } from './app-protocol';
import { safeStorageAuditKey } from './audit-key';
import { resolveNativeBinding } from './native-binding';
import { claimDataFolder } from './single-console';
import { PRINT_TO_PDF_CHANNEL, saveAsPdf } from './print';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  guardWebContents,
  isTrustedSender,
  rendererEntry,
  secureWebPreferences,
} from './security';

/** The Electron glue: one window, the IPC registration, security handlers. The backend knows nothing of Electron. */
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const rendererDir = join(here, '..', 'renderer');
// app://console/index.html; electron-vite's dev server only when not packaged.
const appUrl = rendererEntry(app.isPackaged, process.env);
// Before the app is ready: app:// is a standard, secure scheme with an origin of its own.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

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
  void mainWindow.loadURL(appUrl);
}

async function start() {
  const dataDir = app.getPath('userData');
  const claim = await claimDataFolder(dataDir, (message) =>
    dialog.showErrorBox('值班主管控制台 / Supervisor console', message),
  );
  if (claim === 'another console runs') return app.exit(0);
  app.on('will-quit', () => claim.lock?.release());
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
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir));
  // The console needs no camera, microphone, notifications or geolocation.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, appUrl, (allowed) => void shell.openExternal(allowed)),
  );
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
