import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * API tokens expire: `expires_at` (ISO timestamp). Tokens made before this
 * migration get 90 days from the migration, the new default, rather than living for ever.
 */
export function tokenExpiry(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
      const in90 = new Date(Date.now() + 90 * 86_400_000).toISOString();
      await db.updateTable('api_tokens').set({ expires_at: in90 }).where('revoked_at', 'is', null).execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('sessions_expires_at').ifExists().execute();
      await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
    },
  };
}
