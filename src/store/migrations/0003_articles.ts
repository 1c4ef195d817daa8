/**
 * 0003: trade-press ingestion. An article is a source (sources.text holds its
 * text) with a content hash (the same article twice is one article), the
 * candidate facts the extractor proposed, each with its evidence span and its
 * review decision, and the RSS/Atom feeds polled for new articles (each item
 * queued once, never fetched twice).
 *
 * The table types are in store/schema.ts, with the others.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn, dateColumn, oneOf } from './portable.js';

export const ARTICLE_FACT_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const FEED_ITEM_STATUSES = ['queued', 'ingested', 'failed', 'skipped'] as const;

export function articles(dialect: StoreDialect): Migration {
  const createdAt = createdAtColumn(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull().unique().references('sources.id').onDelete('cascade'))
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('url', 'text')
        .addColumn('outlet', 'text')
        .addColumn('published_on', 'text', dateColumn('published_on'))
        .addColumn('title', 'text')
        .addColumn('title_spans', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('articles_url_idx').on('articles').column('url').execute();

      await db.schema
        .createTable('article_facts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('fact_key', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('span_start', 'integer', (c) => c.notNull().check(sql`span_start >= 0`))
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('spans', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(oneOf('status', ARTICLE_FACT_STATUSES)))
        /** What the fact became: {table, id, linkId} (JSON). */
        .addColumn('written', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addCheckConstraint('article_facts_span_order', sql`span_start <= span_end`)
        .execute();
      await db.schema.createIndex('article_facts_article_idx').on('article_facts').columns(['article_id', 'position']).execute();
      await db.schema.createIndex('article_facts_key_idx').on('article_facts').columns(['article_id', 'fact_key']).unique().execute();

      await db.schema
        .createTable('feeds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('outlet', 'text')
        .addColumn('interval_minutes', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(60)
            .check(sql`interval_minutes >= 5`),
        )
        .addColumn('last_polled_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();

      await db.schema
        .createTable('feed_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('title', 'text')
        .addColumn('published_on', 'text', dateColumn('published_on'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(oneOf('status', FEED_ITEM_STATUSES)))
        .addColumn('article_id', 'text', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', createdAt)
        .addUniqueConstraint('feed_items_feed_guid', ['feed_id', 'guid'])
        .execute();
      await db.schema.createIndex('feed_items_status_idx').on('feed_items').column('status').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['feed_items', 'feeds', 'article_facts', 'articles']) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
