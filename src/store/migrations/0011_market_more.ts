import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * 0011: a market's follow-up task may link an offer (docs/market.md, "Follow-ups"): the task
 * that answers an offer without a next step. Deleting the offer unlinks the task.
 */
export function marketMore(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('market_tasks')
        .addColumn('offer_id', 'text', (c) => c.references('offers.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('market_tasks_offer').on('market_tasks').column('offer_id').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('market_tasks_offer').ifExists().execute();
      await db.schema.alterTable('market_tasks').dropColumn('offer_id').execute();
    },
  };
}
