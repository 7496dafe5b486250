import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../db/store';
import { DataLayer } from '../../db/data-layer';
import { createBackend, type Backend } from '../../electron/backend';
import type { Session } from '../../electron/backend/core/context';
import { OWASP_SCRYPT } from '../../electron/backend/modules/accounts/passwords';
import type { Channel, Input, Output, Result, Role } from '../../shared/contract';

export interface TestStore {
  dir: string;
  /** The open store (a restore replaces it). */
  readonly store: Store;
  data: DataLayer;
  backend: Backend;
  /** Calls a channel as a user of the given role (admin by default), or as the given session. */
  call<C extends Channel>(
    channel: C,
    input: Input<C>,
    role?: Role | Session,
  ): Promise<Result<Output<C>>>;
  /** Calls and fails the test unless the call succeeds. */
  ok<C extends Channel>(channel: C, input: Input<C>, role?: Role | Session): Promise<Output<C>>;
  /** Every row of every table: equal digests mean nothing was written. */
  digest(): string;
  close(): Promise<void>;
}

/** A session of the role; a supervisor reaches only the teams given (none by default). */
export const sessionOf = (role: Role, teamIds?: number[]): Session => ({
  userId: null,
  username: `test-${role}`,
  displayName: `test ${role}`,
  role,
  ...(teamIds && { teamIds }),
});

/** Unit tests hash passwords at a low cost to stay fast; the password tests and end-to-end use OWASP's. */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export async function tempStore(
  options: { realPasswordCost?: boolean; clock?: () => Date } = {},
): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'console-test-'));
  const data = await DataLayer.open(dir, { dailyBackup: false });
  const backend = createBackend(
    data,
    { version: 'test', dataDir: dir },
    {
      passwordCost: options.realPasswordCost ? OWASP_SCRYPT : FAST_SCRYPT,
      ...(options.clock && { clock: options.clock }),
      log: (m, e) => {
        if (process.env.DEBUG_BACKEND) console.error(m, e);
      },
    },
  );
  const call = <C extends Channel>(channel: C, input: Input<C>, as: Role | Session = 'admin') =>
    backend.callAs(channel, input, typeof as === 'string' ? sessionOf(as) : as) as Promise<
      Result<Output<C>>
    >;
  return {
    dir,
    get store() {
      return data.store;
    },
    data,
    backend,
    call,
    async ok(channel, input, role) {
      const result = await call(channel, input, role);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    digest() {
      const tables = data.store.sqlite
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all() as string[];
      return JSON.stringify(
        tables.map((t) => [t, data.store.sqlite.prepare(`select * from "${t}"`).all()]),
      );
    },
    async close() {
      await data.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
