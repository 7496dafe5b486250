import { lockDataFolder, runningConsoleMessage, type FolderLock } from '../backend/console-lock';

/**
 * The desktop app's part in "one console per data folder". Electron's single-instance lock
 * (requestSingleInstanceLock in index.ts) is keyed on the userData folder, which index.ts sets to
 * the data folder before asking: a second desktop app on the same folder hands over to the first
 * ('second-instance' focuses its window). This catches the other case, a browser-mode console
 * already running on the folder: the user is told where it is, and this app quits.
 * Kept apart from index.ts so it is tested without the Electron runtime.
 */
export async function claimDataFolder(
  dataDir: string,
  tell: (message: string) => void,
): Promise<{ lock: FolderLock | null } | 'another console runs'> {
  const attempt = await lockDataFolder(dataDir, 'electron');
  if (attempt.acquired) return { lock: attempt.lock };
  if (attempt.holder) {
    tell(runningConsoleMessage(attempt.holder, dataDir));
    return 'another console runs';
  }
  // A read-only folder takes no lock: the console opens on its read-only screen.
  return { lock: null };
}
