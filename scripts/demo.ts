import { resolve } from 'node:path';
import { DataLayer } from '../db/data-layer';
import { createBackend, LOCAL_OPERATOR } from '../electron/backend';
import { resolveDataDir, userDataDir } from '../electron/backend/data-dir';

/** `npm run demo [-- --data-dir DIR]`: loads the demo center through the same channel as the button. */
const dataDir = resolve(resolveDataDir(process.argv.slice(2), process.env, userDataDir()));
const store = await DataLayer.open(dataDir);
const result = await createBackend(store, { version: 'cli', dataDir }).callAs(
  'app.loadDemo',
  {},
  LOCAL_OPERATOR,
);
await store.close();
if (result.ok) {
  console.log(`Demo data loaded into ${dataDir}:`, result.value);
} else {
  console.error(`Demo data not loaded (${result.error.message}).`);
  process.exit(1);
}
