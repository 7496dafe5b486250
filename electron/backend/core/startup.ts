import {
  DataLayer,
  DatabaseDamagedError,
  FolderReadOnlyError,
  type DataLayerOptions,
} from '../../../db/data-layer';
import { createBackend, type Backend, type BackendOptions } from './backend';
import type { BackendInfo } from './context';
import { createReadOnlyBackend } from '../modules/backups/read-only';
import { createRecoveryBackend } from '../modules/backups/recovery';

/** The backend a transport talks to right now: a recovery backend until a damaged file is restored. */
export interface BackendSlot {
  backend: Backend;
  data: DataLayer | null;
  close(): Promise<void>;
}

/**
 * Opens the data folder for a shell (Electron or browser mode). A damaged database yields the
 * recovery backend instead of a crash; a folder that refuses writes, the read-only backend; a
 * database from a newer console is refused (SchemaTooNewError).
 */
export async function startBackend(
  info: BackendInfo,
  options: DataLayerOptions & BackendOptions = {},
): Promise<BackendSlot> {
  const slot: BackendSlot = {
    backend: undefined as unknown as Backend,
    data: null,
    close: async () => slot.data?.close(),
  };
  const openNormally = async () => {
    const data = await DataLayer.open(info.dataDir, options);
    slot.data = data;
    slot.backend = createBackend(data, info, options);
    return data;
  };
  /** Opens the folder; a damaged file gets the recovery backend; null, or why the folder refuses writes. */
  const attach = async (): Promise<FolderReadOnlyError | null> => {
    try {
      await openNormally();
    } catch (error) {
      if (error instanceof FolderReadOnlyError) return error;
      if (!(error instanceof DatabaseDamagedError)) throw error;
      slot.backend = createRecoveryBackend(info.dataDir, error.detail, openNormally, options);
    }
    return null;
  };
  const refused = await attach();
  if (refused) slot.backend = createReadOnlyBackend(refused, attach, options.log);
  return slot;
}
