import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Writer {
  child: ChildProcess;
  /** Numbers the child reported as committed. */
  acked: number[];
  ready: Promise<void>;
  exited: Promise<void>;
}

/** Starts tests/fault/writer.ts against a data folder. */
export function startWriter(dataDir: string, start: number): Writer {
  const child = spawn(
    join(process.cwd(), 'node_modules', '.bin', 'tsx'),
    [join(process.cwd(), 'tests', 'fault', 'writer.ts'), dataDir, String(start)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const acked: number[] = [];
  let buffer = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') markReady();
      else if (/^\d+$/.test(line)) acked.push(Number(line));
    }
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      child.stdout!.destroy(); // a killed child's pipe would otherwise keep the test runner alive
      resolve();
    }),
  );
  return { child, acked, ready, exited };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
