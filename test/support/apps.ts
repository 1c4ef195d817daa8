/**
 * A FilmRights app on a fresh test database (see databases.ts), for service
 * suites that run on SQLite and PostgreSQL alike.
 */
import type { Kysely } from 'kysely';
import { FilmRights } from '../../src/services/app.js';
import { TABLES_IN_ORDER } from '../../src/services/backup.js';
import type { OpenOptions, TableName } from '../../src/store/index.js';
import type { TestDatabase } from './databases.js';

export interface TestApp {
  app: FilmRights;
  /** How the database was opened (the SQLite file, or the PostgreSQL URL). */
  options: OpenOptions;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

export async function openApp(database: TestDatabase): Promise<TestApp> {
  const location = await database.create();
  let app: FilmRights;
  try {
    app = await FilmRights.open(location.options);
  } catch (e) {
    await location.drop();
    throw e;
  }
  let closing: Promise<void> | undefined;
  return { app, options: location.options, close: () => (closing ??= app.close().finally(() => location.drop())) };
}

/** Every row of every table (and, unless told otherwise, the rights change feed), in a stable order: equal snapshots, equal databases. */
export async function snapshot(app: FilmRights, extra: TableName[] = ['rights_changes']): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of [...TABLES_IN_ORDER, ...extra]) {
    const rows = await (app.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
