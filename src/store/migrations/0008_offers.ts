/**
 * 0008: offers and negotiation (market mode). An offer is a buyer's proposal for one or more
 * titles; every version of its terms is kept (a counter-offer adds one), every status change is
 * recorded with who and when. Accepting an offer places a hold: a rights-out contract in
 * negotiation, whose expiry day lives in `hold_expiries` (one row per held contract), read by the
 * engine's loader and by the sweep that moves expired holds to their final state.
 *
 * Money (the MG) is bigint minor units of its currency, as everywhere.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn, dateColumn, oneOf } from './portable.js';

const STATUSES = ['new', 'in-negotiation', 'accepted', 'on-signature', 'signed', 'declined', 'withdrawn', 'expired'] as const;

export function offers(dialect: StoreDialect): Migration {
  const createdAt = createdAtColumn(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('buyer_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('edition_id', 'text', (c) => c.references('festival_editions.id'))
        .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
        .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', createdAt)
        .addColumn('updated_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('offers_buyer').on('offers').column('buyer_id').execute();
      await db.schema.createIndex('offers_status').on('offers').column('status').execute();

      await db.schema
        .createTable('offer_versions')
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('mg_amount', 'bigint')
        .addColumn('mg_currency', 'text')
        .addColumn('payment_schedule', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', createdAt)
        .addPrimaryKeyConstraint('offer_versions_pk', ['offer_id', 'version'])
        .addCheckConstraint('offer_versions_mg', sql`(mg_amount is null) = (mg_currency is null)`)
        .execute();

      await db.schema
        .createTable('offer_titles')
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addPrimaryKeyConstraint('offer_titles_pk', ['offer_id', 'title_id'])
        .execute();
      await db.schema.createIndex('offer_titles_title').on('offer_titles').column('title_id').execute();

      await db.schema
        .createTable('offer_events')
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('at', 'text', createdAt)
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('offer_events_pk', ['offer_id', 'seq'])
        .execute();

      await db.schema
        .createTable('hold_expiries')
        .addColumn('contract_id', 'text', (c) => c.primaryKey().references('contracts.id').onDelete('cascade'))
        .addColumn('expires_on', 'text', dateColumn('expires_on', true))
        .execute();
      await db.schema.createIndex('hold_expiries_day').on('hold_expiries').column('expires_on').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['hold_expiries', 'offer_events', 'offer_titles', 'offer_versions', 'offers']) await db.schema.dropTable(t).execute();
    },
  };
}
