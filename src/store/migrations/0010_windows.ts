import { sql, type Kysely, type Migration } from 'kysely';
import { EVENT_KINDS } from '../../domain/conditions.js';
import type { StoreDialect } from '../dialect.js';
import { oneOf } from './portable.js';

/**
 * Windows that depend on events (issue 15, docs/domain.md): each end of a rights block's term
 * and of a holdback's may be a condition (an event, its country and medium, an offset in days
 * or months) instead of a date; a contract's delivery date is an event of its own.
 */
export const CONDITION_COLUMNS = ['event', 'territory', 'media', 'offset', 'unit'] as const;

export function windows(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const table of ['rights_blocks', 'holdbacks'])
        for (const end of ['start', 'end']) {
          await db.schema
            .alterTable(table)
            .addColumn(`${end}_event`, 'text', (c) => c.check(oneOf(`${end}_event`, EVENT_KINDS)))
            .execute();
          await db.schema.alterTable(table).addColumn(`${end}_territory`, 'text').execute();
          await db.schema.alterTable(table).addColumn(`${end}_media`, 'text').execute();
          await db.schema.alterTable(table).addColumn(`${end}_offset`, 'integer').execute();
          await db.schema
            .alterTable(table)
            .addColumn(`${end}_unit`, 'text', (c) => c.check(sql.raw(`${end}_unit in ('days', 'months')`)))
            .execute();
        }
      await db.schema.alterTable('contracts').addColumn('delivery_date', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('contracts').dropColumn('delivery_date').execute();
      for (const table of ['rights_blocks', 'holdbacks'])
        for (const end of ['start', 'end'])
          for (const c of CONDITION_COLUMNS) await db.schema.alterTable(table).dropColumn(`${end}_${c}`).execute();
    },
  };
}
