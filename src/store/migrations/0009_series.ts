import { sql, type Kysely, type Migration } from 'kysely';
import { SERIES_STATUSES, TITLE_KINDS } from '../../domain/series.js';
import type { StoreDialect } from '../dialect.js';
import { oneOf } from './portable.js';

/**
 * Series, seasons and episodes (issue 15, docs/domain.md): a title's kind, the title it sits
 * under, its number there, its counts (seasons, episodes; estimated or final) and a series'
 * status; and how far a rights block on a series or season reaches down (future titles or
 * only those it covers, and the titles it excludes).
 */
export function series(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('titles')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('film').check(oneOf('kind', TITLE_KINDS)))
        .execute();
      await db.schema
        .alterTable('titles')
        .addColumn('parent_id', 'text', (c) => c.references('titles.id'))
        .execute();
      await db.schema
        .alterTable('titles')
        .addColumn('number', 'integer', (c) => c.check(sql`number >= 1`))
        .execute();
      await db.schema
        .alterTable('titles')
        .addColumn('season_count', 'integer', (c) => c.check(sql`season_count >= 0`))
        .execute();
      await db.schema
        .alterTable('titles')
        .addColumn('episode_count', 'integer', (c) => c.check(sql`episode_count >= 0`))
        .execute();
      await db.schema
        .alterTable('titles')
        .addColumn('counts_final', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`counts_final in (0, 1)`),
        )
        .execute();
      await db.schema
        .alterTable('titles')
        .addColumn('series_status', 'text', (c) => c.check(oneOf('series_status', SERIES_STATUSES)))
        .execute();
      await db.schema.createIndex('titles_parent').on('titles').column('parent_id').execute();
      await db.schema.createIndex('titles_parent_number').on('titles').columns(['parent_id', 'number']).unique().execute();
      await db.schema
        .alterTable('rights_blocks')
        .addColumn('includes_future', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(1)
            .check(sql`includes_future in (0, 1)`),
        )
        .execute();
      await db.schema.alterTable('rights_blocks').addColumn('covers_titles', 'text').execute();
      await db.schema.alterTable('rights_blocks').addColumn('excludes_titles', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const c of ['excludes_titles', 'covers_titles', 'includes_future'])
        await db.schema.alterTable('rights_blocks').dropColumn(c).execute();
      await db.schema.dropIndex('titles_parent_number').execute();
      await db.schema.dropIndex('titles_parent').execute();
      for (const c of ['series_status', 'counts_final', 'episode_count', 'season_count', 'number', 'parent_id', 'kind'])
        await db.schema.alterTable('titles').dropColumn(c).execute();
    },
  };
}
