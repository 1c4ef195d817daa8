import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn } from './portable.js';

/**
 * 0013: the database's identity, one row with a random id made when the schema is created.
 * A snapshot of the rights index is stamped with it, so a server never loads the index of
 * another database (docs/deploy.md, "Index snapshot"). Not backed up: a restore is a new database.
 */
export function databaseIdentity(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('database_identity')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', createdAtColumn(dialect))
        .execute();
      await db.insertInto('database_identity').values({ id: randomUUID() }).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('database_identity').ifExists().execute();
    },
  };
}
