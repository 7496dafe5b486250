import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Child processes for the fault tests, started so that the PID we hold is the one doing the work:
 * node itself with tsx's loader (`node --import tsx script.ts`), never the `tsx` wrapper, which
 * runs the script in a grandchild that a kill of the wrapper leaves running.
 */
export interface Started {
  child: ChildProcess;
  pid: number;
  /** Every complete line the child printed on stdout so far. */
  lines: string[];
  /** What it printed on stderr so far. */
  stderr(): string;
  /** Resolves with the first line (so far or to come) that matches. */
  line(match: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has exited and been reaped: its PID is free from then on. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs the process and waits until it is gone. */
  kill(): Promise<void>;
}

const started = new Set<Started>();

/** Node with tsx's loader: TypeScript runs in this very process, no wrapper in between. */
export const TS_NODE_ARGS = ['--import', 'tsx'];

export function startScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cwd?: string } = {},
): Started {
  return startNode([...TS_NODE_ARGS, script, ...args], options);
}

export function startNode(
  nodeArgs: string[],
  options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cwd?: string } = {},
): Started {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  });
  if (child.pid === undefined) throw new Error(`could not start node ${nodeArgs.join(' ')}`);
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters])
        if (w.match.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
    if (process.env.DEBUG_CHILDREN) process.stderr.write(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      // A killed child's pipes would otherwise keep the test runner alive.
      child.stdout!.destroy();
      child.stderr!.destroy();
      started.delete(handle);
      resolve({ code, signal });
    }),
  );
  const handle: Started = {
    child,
    pid: child.pid,
    lines,
    stderr: () => stderr,
    line(match, timeoutMs = 30_000) {
      const seen = lines.find((l) => match.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line ${match} from ${nodeArgs.join(' ')}; stderr: ${stderr}`)),
          timeoutMs,
        );
        const done = (line: string) => {
          clearTimeout(timer);
          resolve(line);
        };
        waiters.push({ match, resolve: done });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`exited before ${match}: ${nodeArgs.join(' ')}; stderr: ${stderr}`));
        });
      });
    },
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
  started.add(handle);
  return handle;
}

/** Whether a PID is a live process (EPERM: alive, but another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PIDs of live processes whose command line contains `text` (Linux: read from /proc). */
export function processesMentioning(text: string): number[] {
  if (process.platform !== 'linux') return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((name) => {
      try {
        const cmdline = readFileSync(join('/proc', name, 'cmdline'), 'utf8');
        return cmdline.includes(text);
      } catch {
        return false; // gone while we looked
      }
    })
    .map(Number);
}

/** Kills whatever a test started and left running: nothing it started may outlive it. */
export async function killStarted(): Promise<number> {
  const left = [...started];
  await Promise.all(left.map((s) => s.kill()));
  return left.length;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Another process on a SQLite file: takes the write lock (BEGIN IMMEDIATE), runs `insertSql`,
 * says "locked", holds the lock `ms`, then commits. Resolves `locked` once it holds it.
 */
export function holdWriteLock(file: string, insertSql: string, ms: number) {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('begin immediate');
    db.exec(process.argv[3]);
    console.log('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('commit');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms), insertSql], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const locked = new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { locked, exited };
}
