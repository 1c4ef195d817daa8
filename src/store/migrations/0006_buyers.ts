/**
 * 0006: buyers (market mode, docs/market.md). A buyer is a company with a buyer profile: the
 * territories and media it buys for (set expressions as written, with their parsed sets), genres,
 * the language its dates are written in, notes; its contacts (linked to a person record or not);
 * and the screener links sent to it, each with an unguessable token for our redirect link and a
 * row per open.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn, dateColumn, oneOf } from './portable.js';

const BUYER_KINDS = ['distributor', 'streamer', 'broadcaster', 'exhibitor', 'home-entertainment', 'airline', 'other'] as const;

export function buyers(dialect: StoreDialect): Migration {
  const createdAt = createdAtColumn(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('buyers')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', BUYER_KINDS)))
        .addColumn('territories', 'text', (c) => c.notNull())
        .addColumn('territory_codes', 'text', (c) => c.notNull())
        .addColumn('media', 'text', (c) => c.notNull())
        .addColumn('media_ids', 'text', (c) => c.notNull())
        .addColumn('genres', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en-GB'))
        .addColumn('notes', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', createdAt)
        .addColumn('updated_at', 'text', createdAt)
        .execute();

      await db.schema
        .createTable('buyer_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.company_id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('buyer_contacts_buyer').on('buyer_contacts').column('buyer_id').execute();

      await db.schema
        .createTable('screeners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.company_id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.references('titles.id').onDelete('set null'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('expires_on', 'text', dateColumn('expires_on', true))
        .addColumn('note', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('screeners_buyer').on('screeners').column('buyer_id').execute();

      await db.schema
        .createTable('screener_opens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('screener_id', 'text', (c) => c.notNull().references('screeners.id').onDelete('cascade'))
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('refused', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`refused in (0, 1)`),
        )
        .execute();
      await db.schema.createIndex('screener_opens_screener').on('screener_opens').columns(['screener_id', 'opened_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['screener_opens', 'screeners', 'buyer_contacts', 'buyers']) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
