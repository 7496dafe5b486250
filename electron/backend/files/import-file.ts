import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiFailure, failure, type ApiError, type RowIssue } from '../../../shared/contract/errors';

/**
 * Uploaded spreadsheets (roster, clock punches) read off the request path: each file is read in a
 * worker thread (import-worker.ts → table-file.ts) with a time limit, before the channel's
 * transaction begins, so a slow or hostile file delays only the person who sent it. What comes
 * back is plain text in rows; the module's own rules run on it after.
 */

/** A spreadsheet read as text: its header row, and each data row with the line Excel shows. */
export interface TableFile {
  headers: string[];
  /** Cells by column, in the order of `headers`; rows with nothing in them are left out. */
  rows: { line: number; cells: string[] }[];
}

export interface ReadLimits {
  /** Data rows (the header row aside). */
  maxRows: number;
  /** A cell with content beyond this column refuses the file. */
  maxColumns: number;
  /** What the parts of an XLSX that are read may inflate to, together. */
  maxInflatedBytes: number;
  /** The most a large XLSX part may inflate per compressed byte (zeros reach 1,000 and more). */
  maxRatio: number;
}

/** Far above any real file, far below what would stall the console. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxInflatedBytes: 50 * 1024 * 1024,
  maxRatio: 500,
};

/** How long one file may take to read before it is refused and its worker ended. */
export const READ_TIME_LIMIT_MS = 30_000;

/** The most problem rows an answer lists; its count says how many there are in all. */
export const LISTED_ISSUES = 200;

/** An import refused with its problem rows: the first LISTED_ISSUES of them, and the count. */
export function rejectRows(key: string, issues: RowIssue[]) {
  return failure('import_rejected', `${issues.length} problem row(s); nothing was imported`, {
    key,
    params: { count: issues.length },
    rows: issues.slice(0, LISTED_ISSUES),
  });
}

export interface ReadRequest {
  fileName: string;
  contentBase64: string;
  limits: ReadLimits;
}

export type ReadAnswer = { ok: true; table: TableFile } | { ok: false; error: ApiError };

/**
 * The worker's script: in the built console, the chunk electron.vite.config.ts emits for it (the
 * URL is rewritten there); from source (tsx, vitest), the TypeScript file through tsx's loader.
 */
const WORKER_SCRIPT = new URL('./import-worker.ts', import.meta.url);

function startWorker(): Worker {
  // A worker the console keeps for imports may use 1 GB at most; beyond that it is ended.
  const resourceLimits = { maxOldGenerationSizeMb: 1024 };
  if (!WORKER_SCRIPT.pathname.endsWith('.ts')) return new Worker(WORKER_SCRIPT, { resourceLimits });
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/package.json')
    .replace(/package\.json$/, 'dist/esm/api/index.mjs');
  const script = JSON.stringify(WORKER_SCRIPT.href);
  return new Worker(
    `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((api) => api.tsImport(${script}, ${script}))`,
    { eval: true, resourceLimits },
  );
}

/** Workers kept warm between files; at most two read at once (the machine has two cores). */
const idle: Worker[] = [];
const MAX_READING = 2;
let reading = 0;
const waiting: (() => void)[] = [];

async function takeWorker(): Promise<Worker> {
  while (reading >= MAX_READING) await new Promise<void>((resolve) => waiting.push(resolve));
  reading++;
  const worker = idle.pop() ?? startWorker();
  worker.ref();
  return worker;
}

function giveBack(worker: Worker, healthy: boolean) {
  reading--;
  waiting.shift()?.();
  if (healthy && idle.length < MAX_READING) {
    worker.unref(); // an idle worker never keeps the process alive
    idle.push(worker);
  } else void worker.terminate();
}

class TimeLimitError extends Error {}

function ask(worker: Worker, request: ReadRequest, timeLimitMs: number): Promise<ReadAnswer> {
  return new Promise((resolve, reject) => {
    const settle = (then: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      then();
    };
    const onMessage = (answer: ReadAnswer) => settle(() => resolve(answer));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`import worker exited (${code})`)));
    const timer = setTimeout(() => settle(() => reject(new TimeLimitError())), timeLimitMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

const refusal = (key: string, params: Record<string, number>) =>
  failure('import_rejected', key, { key, field: 'contentBase64', params, rows: [] });

/**
 * Reads an uploaded CSV or XLSX in a worker thread. A file that cannot be read, is too big, or
 * takes longer than the time limit is refused as a whole (import_rejected, with a translated key);
 * the worker that took too long is ended, whatever it was doing.
 */
export async function readImportFile(
  fileName: string,
  contentBase64: string,
  options: { limits?: Partial<ReadLimits>; timeLimitMs?: number } = {},
): Promise<TableFile> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const timeLimitMs = options.timeLimitMs ?? READ_TIME_LIMIT_MS;
  const worker = await takeWorker();
  let answer: ReadAnswer;
  try {
    answer = await ask(worker, { fileName, contentBase64, limits }, timeLimitMs);
  } catch (error) {
    giveBack(worker, false);
    if (error instanceof TimeLimitError)
      throw refusal('errors.importTooSlow', { seconds: Math.round(timeLimitMs / 1000) });
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw refusal('errors.importTooLarge', { mb: Math.round(limits.maxInflatedBytes / 2 ** 20) });
    throw error;
  }
  // A refusal may leave the reader's streams half-way: that worker is not used again.
  giveBack(worker, answer.ok);
  if (!answer.ok) throw new ApiFailure(answer.error);
  return answer.table;
}

export const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s*_]+/g, ' ')
    .trim();

/** Finds each wanted column by the names spreadsheets use for it (Chinese first). */
export function matchColumns<K extends string>(
  headers: string[],
  names: Record<K, readonly string[]>,
): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const header of headers) {
    const n = normalizeHeader(header);
    for (const [column, aliases] of Object.entries(names) as [K, readonly string[]][]) {
      if (!found[column] && aliases.includes(n)) found[column] = header;
    }
  }
  return found;
}

/** Reads one column of every row: `cell(row)` is its text, '' when the file has no such column. */
export function columnReader(table: TableFile, header: string | null | undefined) {
  const index = header ? table.headers.indexOf(header) : -1;
  return (row: TableFile['rows'][number]) => (index < 0 ? '' : (row.cells[index] ?? ''));
}
