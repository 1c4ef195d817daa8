/**
 * The versioned migrations, listed here by hand (a static provider, not a
 * folder scan) so they run the same under tsx, Vitest and a bundler.
 *
 * To change the schema: add `NNNN_what.ts` exporting a function
 * `(dialect) => Migration`, list it below under the next number, and update
 * schema.ts to match. Never edit a migration that has shipped.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { initial } from './0001_initial.js';
import { rightsChanges } from './0002_rights_changes.js';
import { articles } from './0003_articles.js';
import { tokenExpiry } from './0004_token_expiry.js';
import { money } from './0005_money.js';
import { buyers } from './0006_buyers.js';
import { market } from './0007_market.js';
import { offers } from './0008_offers.js';
import { series } from './0009_series.js';
import { windows } from './0010_windows.js';
import { marketMore } from './0011_market_more.js';
import { termReported } from './0012_term_reported.js';
import { databaseIdentity } from './0013_database_identity.js';
import { sentenceChecks } from './0014_sentence_checks.js';

/** Every migration by name; names sort in the order they run. */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_rights_changes': rightsChanges(dialect),
    '0003_articles': articles(dialect),
    '0004_token_expiry': tokenExpiry(dialect),
    '0005_money': money(dialect),
    '0006_buyers': buyers(dialect),
    '0007_market': market(dialect),
    '0008_offers': offers(dialect),
    '0009_series': series(dialect),
    '0010_windows': windows(dialect),
    '0011_market_more': marketMore(dialect),
    '0012_term_reported': termReported(dialect),
    '0013_database_identity': databaseIdentity(dialect),
    '0014_sentence_checks': sentenceChecks(dialect),
  };
}

/** The migrations' names, in the order they run. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations('sqlite'));
/** The schema this code writes: the name of its latest migration ("0004_token_expiry"). */
export const SCHEMA_VERSION: string = MIGRATION_NAMES[MIGRATION_NAMES.length - 1];

export class MigrationError extends Error {
  readonly migration: string | undefined;
  constructor(message: string, migration: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/**
 * The database was written by a newer filmrights: it has migrations this code does not know.
 * Opening it is refused before anything is written (an older server would misread what it does
 * not know, and could not undo what it does).
 */
export class NewerSchemaError extends Error {
  readonly field = 'database';
  constructor(
    readonly databaseSchema: string,
    readonly unknown: readonly string[],
    readonly codeSchema: string,
  ) {
    super(
      `database: its schema is ${databaseSchema}, newer than this filmrights knows (up to ${codeSchema}; unknown migrations: ${unknown.join(', ')}). ` +
        'It was written by a newer version: run that version (or newer) on it. Nothing was changed.',
    );
    this.name = 'NewerSchemaError';
  }
}

/** The migrations already applied to this database, in order; none for a new database. Reads only. */
export async function appliedMigrations(db: Kysely<any>, dialect: StoreDialect): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
      : await sql<{
          n: number;
        }>`select count(*)::int as n from pg_catalog.pg_tables where schemaname = current_schema() and tablename = 'kysely_migration'`.execute(
          db,
        );
  if (!Number(exists.rows[0]?.n)) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Where a database stands against a list of migrations: refused when newer, else what is pending. */
export function schemaState(
  applied: readonly string[],
  known: readonly string[],
): { current: string | null; pending: string[]; unknown: string[] } {
  const knownSet = new Set(known);
  const appliedSet = new Set(applied);
  return {
    current: applied.length ? applied[applied.length - 1] : null,
    pending: known.filter((n) => !appliedSet.has(n)),
    unknown: applied.filter((n) => !knownSet.has(n)),
  };
}

/**
 * Bring the database to the latest version (of `list`, default: the shipped migrations).
 * Idempotent: already applied migrations are skipped. The whole run is one transaction (on
 * PostgreSQL under an advisory lock; on SQLite one BEGIN IMMEDIATE transaction, see db.ts): a
 * migration that fails rolls back every migration of the run, and the database is as it was.
 * Two processes opening the same database at once do not race.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  dialect: StoreDialect,
  list: Record<string, Migration> = migrations(dialect),
): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => list },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Database migration ${failed ?? '(setup)'} failed: ${why}. Every migration of this run was rolled back: the database is as it was.`,
      failed,
      error,
    );
  }
  return results;
}
