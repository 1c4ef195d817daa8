/**
 * The versioned migrations, listed here by hand (a static provider, not a
 * folder scan) so they run the same under tsx, Vitest and a bundler.
 *
 * To change the schema: add `NNNN_what.ts` exporting a function
 * `(dialect) => Migration`, list it below under the next number, and update
 * schema.ts to match. Never edit a migration that has shipped.
 */
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { StoreDialect } from '../db.js';
import { initial } from './0001_initial.js';
import { rightsChanges } from './0002_rights_changes.js';
import { articles } from './0003_articles.js';
import { tokenExpiry } from './0004_token_expiry.js';

/** Every migration by name; names sort in the order they run. */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_rights_changes': rightsChanges(dialect),
    '0003_articles': articles(dialect),
    '0004_token_expiry': tokenExpiry(dialect),
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
 * Bring the database to the latest version. Idempotent: already applied
 * migrations are skipped. On PostgreSQL the run holds an advisory lock and one
 * transaction; on SQLite one BEGIN IMMEDIATE transaction (see db.ts), so two
 * processes opening the same database at once do not race.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Database migration ${failed ?? '(setup)'} failed: ${why}`, failed, error);
  }
  return results;
}
