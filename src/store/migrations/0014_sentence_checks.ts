import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn } from './portable.js';

/**
 * 0014: a sentence the review lists as not read, checked by a person and found to hold nothing to add
 * (docs/ingest.md, "Sentences not read"). One row per article and sentence (the sentence's start in the
 * article's text: the text never changes, so neither do its sentences). Deleting the row is the undo.
 */
export function sentenceChecks(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('article_sentence_checks')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('checked_by', 'text')
        .addColumn('checked_at', 'text', createdAtColumn(dialect))
        .addPrimaryKeyConstraint('article_sentence_checks_pk', ['article_id', 'span_start'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('article_sentence_checks').ifExists().execute();
    },
  };
}
