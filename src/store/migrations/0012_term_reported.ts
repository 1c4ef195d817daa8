import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * 0012: whether a rights block's term is known (issue 12, docs/domain.md "A term not reported").
 * A deal read from the trade press rarely says how long it runs: its block is stored with
 * `term_reported` 0, its start the announcement and its end unknown (not perpetuity), and the
 * availability rule treats that end as undated. Blocks written before this migration by
 * accepting a press deal without a term (their contract's notes said "Term not reported") are
 * marked so.
 */
export function termReported(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('rights_blocks')
        .addColumn('term_reported', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(1)
            .check(sql`term_reported in (0, 1)`),
        )
        .execute();
      await db
        .updateTable('rights_blocks')
        .set({ term_reported: 0 })
        .where('end_date', 'is', null)
        .where('end_event', 'is', null)
        .where(
          'contract_id',
          'in',
          db
            .selectFrom('contracts')
            .select('id')
            .where('notes', 'like', '%Term not reported (recorded from the announcement, open-ended).%'),
        )
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('rights_blocks').dropColumn('term_reported').execute();
    },
  };
}
