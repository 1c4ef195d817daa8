import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn } from './portable.js';

/**
 * The rights change feed: one row per title whose rights changed, written in
 * the same transaction as the change. Every app server reads it to refresh its
 * in-memory index, so several servers on one database (or a CLI next to a
 * server on one SQLite file) agree within a poll interval.
 */
export function rightsChanges(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('rights_changes')
        .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('title_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', createdAtColumn(dialect))
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('rights_changes').ifExists().execute();
    },
  };
}
