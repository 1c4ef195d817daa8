/**
 * The harness every integration test uses to run the same suite on SQLite and
 * on PostgreSQL.
 *
 *   describeEachDatabase('contracts', (open) => {
 *     it('saves a contract', async () => {
 *       const store = await open();      // a fresh, migrated, empty database
 *       ...
 *     });                                // closed and dropped after the describe
 *   });
 *
 * SQLite: a file in a new folder under os.tmpdir(), removed on close.
 * PostgreSQL: `CREATE DATABASE filmrights_test_<run>_<random>` per open on the
 * server at FILMRIGHTS_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres),
 * `DROP DATABASE ... WITH (FORCE)` on close.
 * When PostgreSQL cannot be used: with CI=true its variant of every suite fails
 * with the reason; otherwise it is skipped and "PostgreSQL suite skipped:
 * <reason>" is printed once per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, inject, it } from 'vitest';
import { openDatabase, type OpenOptions, type Store } from '../../src/store/db.js';
import { createTestDatabase, inCi, probePostgres, requiredMessage, skipLine, type PostgresStatus } from './postgres.js';
import type {} from './global-setup.js'; // declares inject('filmrightsPostgres')

export type DatabaseName = 'sqlite' | 'postgres';

/** A database that exists until `drop()`: for tests that open it more than once (e.g. reopen after migrations). */
export interface TestDatabaseLocation {
  options: OpenOptions;
  drop(): Promise<void>;
}

export interface TestDatabase {
  name: DatabaseName;
  /** Why this database cannot be used here; undefined when it can. */
  unavailable: string | undefined;
  /** A fresh, migrated, empty store; `close()` also deletes the database. */
  open(): Promise<Store>;
  /** An empty database, not yet opened. */
  create(): Promise<TestDatabaseLocation>;
}

// The global setup (vitest.config.ts) probes once per run. Without it (another
// config), probe here, once per test file.
const postgresStatus: PostgresStatus = inject('filmrightsPostgres') ?? (await probeHere());

async function probeHere(): Promise<PostgresStatus> {
  const status = await probePostgres();
  if (!status.ok && !inCi()) console.warn(skipLine(status));
  return status;
}

function openAndDropOnClose(location: TestDatabaseLocation): Promise<Store> {
  return openDatabase(location.options).then(
    (store) => {
      const close = store.close;
      let closing: Promise<void> | undefined;
      return { ...store, close: () => (closing ??= close().finally(() => location.drop())) };
    },
    async (error: unknown) => {
      await location.drop();
      throw error;
    },
  );
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  unavailable: undefined,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-test-'));
    return {
      options: { file: join(dir, 'filmrights.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  async open() {
    return openAndDropOnClose(await sqlite.create());
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  unavailable: postgresStatus.ok ? undefined : (postgresStatus.reason ?? 'unknown reason'),
  async create() {
    if (!postgresStatus.ok) throw new Error(requiredMessage(postgresStatus));
    const database = await createTestDatabase(postgresStatus.runId);
    return { options: { url: database.url }, drop: database.drop };
  },
  async open() {
    return openAndDropOnClose(await postgres.create());
  },
};

export const databases: TestDatabase[] = [sqlite, postgres];

/**
 * Define the suite `body` once per database, as `<title> [sqlite]` and
 * `<title> [postgres]`. `open` gives a fresh store; every store it opened and
 * the test did not close is closed (and its database dropped) after the suite.
 */
export function describeEachDatabase(title: string, body: (open: () => Promise<Store>, database: TestDatabase) => void): void {
  for (const database of databases) {
    const label = `${title} [${database.name}]`;

    if (database.unavailable !== undefined && inCi()) {
      describe(label, () => {
        it('has its database', () => {
          throw new Error(requiredMessage(postgresStatus));
        });
      });
      continue;
    }

    describe.skipIf(database.unavailable !== undefined)(label, () => {
      const opened: Store[] = [];
      const open = async (): Promise<Store> => {
        const store = await database.open();
        opened.push(store);
        return store;
      };
      afterAll(async () => {
        await Promise.all(opened.map((store) => store.close()));
      });
      body(open, database);
    });
  }
}
