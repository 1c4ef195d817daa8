/**
 * 0007: the market side of a festival edition (docs/market-days.md): the market (its name, dates
 * and IANA time zone), our line-up there, our screenings (invited buyers, who attended, our people
 * there), the meeting schedule (buyer, our people, titles discussed, next step) and follow-up tasks.
 *
 * Times are UTC instants ('2026-05-15T08:00:00Z', to the minute); the market's zone turns them
 * into local time. A buyer is a company.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn, dateColumn, flagColumn, oneOf } from './portable.js';

export const LINEUP_STATUSES = ['completed', 'post-production', 'pre-sale', 'in-development'] as const;

const INSTANT = (column: string) => sql<boolean>`${sql.ref(column)} like '____-__-__T__:__:00Z'`;
const ONE_OF_TWO = sql<boolean>`(user_id is null) <> (person_id is null)`;

export function market(dialect: StoreDialect): Migration {
  const createdAt = createdAtColumn(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('markets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('edition_id', 'text', (c) => c.notNull().unique().references('festival_editions.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', dateColumn('start_date', true))
        .addColumn('end_date', 'text', dateColumn('end_date', true))
        .addColumn('created_at', 'text', createdAt)
        .addCheckConstraint('markets_dates', sql`start_date <= end_date`)
        .execute();

      await db.schema
        .createTable('market_lineup')
        .addColumn('market_id', 'text', (c) => c.notNull().references('markets.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', LINEUP_STATUSES)))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('logline', 'text')
        .addPrimaryKeyConstraint('market_lineup_pk', ['market_id', 'title_id'])
        .execute();

      await db.schema
        .createTable('market_screenings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('market_id', 'text', (c) => c.notNull().references('markets.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addColumn('starts_at', 'text', (c) => c.notNull().check(INSTANT('starts_at')))
        .addColumn('ends_at', 'text', (c) => c.notNull().check(INSTANT('ends_at')))
        .addColumn('venue', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addCheckConstraint('market_screenings_order', sql`starts_at < ends_at`)
        .execute();
      await db.schema.createIndex('market_screenings_market').on('market_screenings').columns(['market_id', 'starts_at']).execute();

      await db.schema
        .createTable('screening_buyers')
        .addColumn('screening_id', 'text', (c) => c.notNull().references('market_screenings.id').onDelete('cascade'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('attended', 'integer', (c) => c.check(sql`attended in (0, 1)`))
        .addPrimaryKeyConstraint('screening_buyers_pk', ['screening_id', 'company_id'])
        .execute();

      await db.schema
        .createTable('screening_people')
        .addColumn('screening_id', 'text', (c) => c.notNull().references('market_screenings.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('person_id', 'text', (c) => c.references('people.id'))
        .addPrimaryKeyConstraint('screening_people_pk', ['screening_id', 'position'])
        .addCheckConstraint('screening_people_one', ONE_OF_TWO)
        .execute();

      await db.schema
        .createTable('market_meetings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('market_id', 'text', (c) => c.notNull().references('markets.id').onDelete('cascade'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('starts_at', 'text', (c) => c.notNull().check(INSTANT('starts_at')))
        .addColumn('ends_at', 'text', (c) => c.notNull().check(INSTANT('ends_at')))
        .addColumn('place', 'text')
        .addColumn('notes', 'text')
        .addColumn('next_step', 'text')
        /** The UID of the calendar event it was imported from (a second import of the same event is skipped). */
        .addColumn('ics_uid', 'text')
        .addColumn('created_at', 'text', createdAt)
        .addCheckConstraint('market_meetings_order', sql`starts_at < ends_at`)
        .execute();
      await db.schema.createIndex('market_meetings_market').on('market_meetings').columns(['market_id', 'starts_at']).execute();
      // One meeting per imported calendar event (NULLs, meetings not imported, are distinct on both databases).
      await db.schema.createIndex('market_meetings_uid').unique().on('market_meetings').columns(['market_id', 'ics_uid']).execute();

      await db.schema
        .createTable('meeting_people')
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('market_meetings.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('person_id', 'text', (c) => c.references('people.id'))
        .addPrimaryKeyConstraint('meeting_people_pk', ['meeting_id', 'position'])
        .addCheckConstraint('meeting_people_one', ONE_OF_TWO)
        .execute();

      await db.schema
        .createTable('meeting_titles')
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('market_meetings.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addPrimaryKeyConstraint('meeting_titles_pk', ['meeting_id', 'title_id'])
        .execute();

      await db.schema
        .createTable('market_tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('market_id', 'text', (c) => c.notNull().references('markets.id').onDelete('cascade'))
        .addColumn('due_on', 'text', dateColumn('due_on', true))
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('meeting_id', 'text', (c) => c.references('market_meetings.id').onDelete('set null'))
        .addColumn('company_id', 'text', (c) => c.references('companies.id'))
        .addColumn('done', 'integer', flagColumn('done'))
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('market_tasks_market').on('market_tasks').columns(['market_id', 'due_on']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of [
        'market_tasks',
        'meeting_titles',
        'meeting_people',
        'market_meetings',
        'screening_people',
        'screening_buyers',
        'market_screenings',
        'market_lineup',
        'markets',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
