/**
 * 0005: money after the deal. A contract's financial terms (the fee or commission rules, expense
 * caps, the reserve, the overage share, the reporting schedule, a cross-collateralisation pool), the
 * instalments of its minimum guarantee and the dates of the events they wait for; the ledger
 * (receipts, expenses, payments to the party a statement is for, licensees' revenue report lines,
 * the user's exchange rates per period); and issued statements, frozen and numbered.
 *
 * Amounts are bigint minor units of their currency, as everywhere; rates are exact decimal text
 * ("0.25"), never floating point.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { createdAtColumn, dateColumn, flagColumn, oneOf } from './portable.js';

export const TERMS_KINDS = ['licence', 'mandate'] as const;
export const REPORTING_FREQUENCIES = ['quarterly', 'semi-annual', 'annual'] as const;
export const DEAL_EVENT_NAMES = ['signature', 'delivery', 'first-release'] as const;
export const RECEIPT_KINDS = ['instalment', 'overage', 'other'] as const;

const RATE = (column: string) => sql<boolean>`${sql.ref(column)} is null or ${sql.ref(column)} like '0%' or ${sql.ref(column)} = '1'`;

export function money(dialect: StoreDialect): Migration {
  const createdAt = createdAtColumn(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('contract_terms')
        .addColumn('contract_id', 'text', (c) => c.primaryKey().references('contracts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', TERMS_KINDS)))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('expense_cap', 'bigint', (c) => c.check(sql`expense_cap is null or expense_cap >= 0`))
        .addColumn('reserve_rate', 'text', (c) => c.check(RATE('reserve_rate')))
        .addColumn('reserve_release_after', 'integer')
        .addColumn('reporter_overage_share', 'text', (c) => c.check(RATE('reporter_overage_share')))
        .addColumn('frequency', 'text', (c) => c.notNull().check(oneOf('frequency', REPORTING_FREQUENCIES)))
        .addColumn('annual_after_years', 'integer')
        .addColumn('statement_due_days', 'integer', (c) => c.notNull().defaultTo(45))
        .addColumn('reporting_from', 'text', dateColumn('reporting_from', true))
        .addColumn('pool', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('contract_terms_pool').on('contract_terms').column('pool').execute();

      await db.schema
        .createTable('fee_rules')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contract_terms.contract_id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('media', 'text')
        .addColumn('territories', 'text')
        .addColumn('rate', 'text', (c) => c.notNull().check(RATE('rate')))
        .addColumn('label', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fee_rules_pk', ['contract_id', 'position'])
        .execute();

      await db.schema
        .createTable('expense_caps')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contract_terms.contract_id').onDelete('cascade'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('cap', 'bigint', (c) => c.notNull().check(sql`cap >= 0`))
        .addPrimaryKeyConstraint('expense_caps_pk', ['contract_id', 'category'])
        .execute();

      await db.schema
        .createTable('instalments')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contract_terms.contract_id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('rate', 'text', (c) => c.check(RATE('rate')))
        .addColumn('amount', 'bigint')
        .addColumn('due_on', 'text', dateColumn('due_on'))
        .addColumn('due_event', 'text', (c) => c.check(oneOf('due_event', DEAL_EVENT_NAMES)))
        .addColumn('due_days', 'integer')
        .addPrimaryKeyConstraint('instalments_pk', ['contract_id', 'position'])
        .addCheckConstraint('instalments_share', sql`(rate is null) <> (amount is null)`)
        .addCheckConstraint('instalments_due', sql`(due_on is null) <> (due_event is null)`)
        .execute();

      await db.schema
        .createTable('deal_events')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
        .addColumn('event', 'text', (c) => c.notNull().check(oneOf('event', DEAL_EVENT_NAMES)))
        .addColumn('happened_on', 'text', dateColumn('happened_on', true))
        .addPrimaryKeyConstraint('deal_events_pk', ['contract_id', 'event'])
        .execute();

      await db.schema
        .createTable('receipts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('received_on', 'text', dateColumn('received_on', true))
        .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', RECEIPT_KINDS)))
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('receipts_contract').on('receipts').columns(['contract_id', 'received_on']).execute();

      await db.schema
        .createTable('expenses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('spent_on', 'text', dateColumn('spent_on', true))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('recoupable', 'integer', flagColumn('recoupable'))
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('expenses_contract').on('expenses').columns(['contract_id', 'spent_on']).execute();

      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('paid_on', 'text', dateColumn('paid_on', true))
        .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('payments_contract').on('payments').columns(['contract_id', 'paid_on']).execute();

      await db.schema
        .createTable('revenue_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('row', 'integer', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addColumn('territory', 'text', (c) => c.notNull())
        .addColumn('media', 'text', (c) => c.notNull())
        .addColumn('gross', 'bigint', (c) => c.notNull().check(sql`gross >= 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('units', 'integer')
        .addColumn('created_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('revenue_lines_contract').on('revenue_lines').columns(['contract_id', 'period']).execute();

      await db.schema
        .createTable('exchange_rates')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('from_currency', 'text', (c) => c.notNull())
        .addColumn('to_currency', 'text', (c) => c.notNull())
        .addColumn('rate', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('exchange_rates_pk', ['period', 'from_currency', 'to_currency'])
        .execute();

      await db.schema
        .createTable('statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('due', 'bigint', (c) => c.notNull())
        .addColumn('due_on', 'text', dateColumn('due_on', true))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('corrects_id', 'text', (c) => c.references('statements.id'))
        .addColumn('issued_by', 'text')
        .addColumn('issued_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('statements_contract').on('statements').columns(['contract_id', 'period']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of [
        'statements',
        'exchange_rates',
        'revenue_lines',
        'payments',
        'expenses',
        'receipts',
        'deal_events',
        'instalments',
        'expense_caps',
        'fee_rules',
        'contract_terms',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
