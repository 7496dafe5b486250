import { join } from 'node:path';
import { startScript, type Started } from '../helpers/processes';

export type WriterMode = 'writes' | 'import' | 'backup' | 'migrate';

/** Starts tests/fault/writer.ts on a data folder: node itself runs it, so its PID is the writer's. */
export function startWriter(mode: WriterMode, dataDir: string, start = 0): Started {
  return startScript(join('tests', 'fault', 'writer.ts'), [mode, dataDir, String(start)]);
}

/** The numbers a writer reported as committed (its bare-number lines). */
export const ackedNumbers = (writer: Started) =>
  writer.lines.filter((l) => /^\d+$/.test(l)).map(Number);

export { sleep } from '../helpers/processes';
