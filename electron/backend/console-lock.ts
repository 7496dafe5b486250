import {
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  closeSync,
} from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDir } from '../../db/sqlite';

/**
 * One console per data folder, by choice: the console (browser mode's host, or the desktop app)
 * holds `console.lock` in the data folder while it runs. It says who holds it (PID, mode, and in
 * browser mode the address to open), so a second start opens or names the running console instead
 * of starting a second host on the same database. A lock left by a console that was killed
 * (its PID is gone, or its address no longer answers) is stale and is taken over.
 *
 * Tools (audit:check, the demo loader, backups, the bench) take no lock: SQLite lets them work
 * beside a running console, and their writes wait for its write lock (db/sqlite/connection.ts).
 */
export const LOCK_FILE_NAME = 'console.lock';

export interface LockHolder {
  pid: number;
  mode: 'browser' | 'electron';
  /** Browser mode's launch address (with its token): set once the host listens. */
  url?: string;
  startedAt: string;
}

export interface FolderLock {
  holder: LockHolder;
  /** Records the address once the host listens. */
  setUrl(url: string): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

export type LockAttempt =
  | { acquired: true; lock: FolderLock }
  /** Another console runs on this folder. */
  | { acquired: false; holder: LockHolder }
  /** The folder refuses the lock file (read-only): nobody can write here, so nothing to guard. */
  | { acquired: false; holder: null; reason: string };

export interface LockOptions {
  /** Whether a PID is a live process: injectable for tests. */
  isAlive?: (pid: number) => boolean;
  /** Whether the address answers: a live PID that is not the console (a reused PID) does not. */
  answers?: (url: string) => Promise<boolean>;
  /** How long a lock just created may stay unreadable (being written) before it counts as stale. */
  writingGraceMs?: number;
}

export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is only another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Any HTTP answer from the address within two seconds: the console's host is there. */
export function addressAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path: '/', method: 'HEAD', timeout: timeoutMs },
      (res) => {
        res.resume();
        resolve(true);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

function readHolder(file: string): LockHolder | 'unreadable' | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : 'unreadable';
  } catch {
    return 'unreadable'; // created and not yet written, or cut short
  }
}

function writeNew(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE); // fails if it exists: only one creator wins
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Whether the console named in the lock still runs. */
async function holderRuns(holder: LockHolder, options: Required<LockOptions>): Promise<boolean> {
  if (!options.isAlive(holder.pid)) return false;
  return holder.url ? options.answers(holder.url) : true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the data folder's lock for this process, or says who holds it. A stale lock is taken
 * over under a takeover mutex (a directory: mkdir is atomic), re-read inside it, so two starters
 * that both found it stale cannot both win.
 */
export async function lockDataFolder(
  dataDir: string,
  mode: LockHolder['mode'],
  opts: LockOptions = {},
): Promise<LockAttempt> {
  const options: Required<LockOptions> = {
    isAlive: opts.isAlive ?? pidIsAlive,
    answers: opts.answers ?? ((url) => addressAnswers(url)),
    writingGraceMs: opts.writingGraceMs ?? 5000,
  };
  const file = join(dataDir, LOCK_FILE_NAME);
  const mutex = `${file}.takeover`;
  const holder: LockHolder = { pid: process.pid, mode, startedAt: new Date().toISOString() };
  try {
    makePrivateDir(dataDir);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (writeNew(file, holder)) return { acquired: true, lock: folderLock(file, holder) };
      const found = readHolder(file);
      if (found === 'missing') continue; // released meanwhile: try again
      if (found !== 'unreadable' && (await holderRuns(found, options))) {
        // A browser-mode console that is still starting has no address yet: wait for it.
        const starting = found.mode === 'browser' && !found.url;
        if (
          !starting ||
          Date.now() - Date.parse(found.startedAt) > 30_000 ||
          Date.now() > deadline - 200
        )
          return { acquired: false, holder: found };
        await sleep(100);
        continue;
      }
      if (found === 'unreadable' && Date.now() - (mtimeOf(file) ?? 0) < options.writingGraceMs) {
        await sleep(50); // its creator is still writing it
        continue;
      }
      // Stale: take it over, one starter at a time.
      try {
        mkdirSync(mutex);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Another starter is taking over; a mutex left by a killed one goes after a while.
        if (Date.now() - (mtimeOf(mutex) ?? Date.now()) > 10_000) removeDir(mutex);
        await sleep(50);
        continue;
      }
      try {
        const again = readHolder(file);
        const same =
          again === found ||
          (typeof again === 'object' &&
            typeof found === 'object' &&
            again.pid === found.pid &&
            again.startedAt === found.startedAt);
        if (same) rmSync(file, { force: true });
      } finally {
        removeDir(mutex);
      }
    }
    throw new Error(`could not take ${file}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (READ_ONLY_CODES.has(code))
      return { acquired: false, holder: null, reason: `${code}: ${(error as Error).message}` };
    throw error;
  }
}

/** When the path last changed; undefined when it is gone. */
function mtimeOf(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/** Removes an (empty) directory that may already be gone. */
function removeDir(path: string) {
  try {
    rmdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function folderLock(file: string, holder: LockHolder): FolderLock {
  let released = false;
  return {
    holder,
    setUrl(url) {
      holder.url = url;
      // Write beside it and rename over it: a reader sees the old content or the new, never half.
      const staged = `${file}.${process.pid}`;
      writeFileSync(staged, JSON.stringify(holder), { mode: PRIVATE_FILE_MODE });
      renameSync(staged, file);
    },
    release() {
      if (released) return;
      released = true;
      const found = readHolder(file);
      if (
        typeof found === 'object' &&
        found.pid === holder.pid &&
        found.startedAt === holder.startedAt
      )
        rmSync(file, { force: true });
    },
  };
}

/** What a second start tells the user, in both languages (the terminal has no language setting). */
export function runningConsoleMessage(holder: LockHolder, dataDir: string): string {
  if (holder.mode === 'electron')
    return [
      `控制台已在桌面程序中打开（进程 ${holder.pid}），数据文件夹：${dataDir}。请切换到那个窗口。`,
      `The console is already open in the desktop app (PID ${holder.pid}) for ${dataDir}. Switch to that window.`,
    ].join('\n');
  return [
    `控制台已在运行（浏览器模式，进程 ${holder.pid}），数据文件夹：${dataDir}。请打开：`,
    `The console is already running (browser mode, PID ${holder.pid}) for ${dataDir}. Open:`,
    `  ${holder.url ?? '（正在启动 / starting…）'}`,
  ].join('\n');
}
