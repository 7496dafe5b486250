import { parentPort } from 'node:worker_threads';
import { ApiFailure } from '../../../shared/contract/errors';
import type { ReadAnswer, ReadRequest } from './import-file';
import { readTableFile } from './table-file';

/**
 * The import worker: reads one uploaded file at a time off the main thread (see import-file.ts),
 * so a slow or hostile file costs only this thread, which its caller can end.
 */
parentPort!.on('message', (request: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    const bytes = Buffer.from(request.contentBase64, 'base64');
    answer = { ok: true, table: readTableFile(request.fileName, bytes, request.limits) };
  } catch (error) {
    answer = {
      ok: false,
      error:
        error instanceof ApiFailure
          ? error.error
          : { code: 'import_rejected', message: String(error), key: 'errors.importUnreadable' },
    };
  }
  parentPort!.postMessage(answer);
});
