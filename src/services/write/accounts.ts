/**
 * Writing a document's accounts (records.ts, AccountsPlan) after its contracts, inside the
 * writer's transaction: exchange rates; then per contract its terms (checked against the contract
 * as written, by setTerms' own rules), receipts, expenses, payments, revenue reports (checked row by
 * row as recordRevenueReport checks them) and issued statements, frozen as they were, with their
 * numbers. Every problem is collected and names its field; any refuses the whole document.
 */
import type { Kysely } from 'kysely';

import { isCalendarDate } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import { parseAmount } from '../../domain/money/amounts.js';
import { parsePeriod } from '../../domain/money/periods.js';
import {
  ImportError,
  type ImportIssue,
  type ImportSummary,
  type RevenueRowDoc,
  type StatementDoc,
} from '../../interchange/json/document.js';
import { isObject } from '../../interchange/json/read.js';
import { newId, toJson, type Database } from '../../store/index.js';
import type { TermsInput } from '../../contract/money.js';
import type { Actor } from '../app.js';
import { audit } from '../audit.js';
import { recordRevenueIn, RevenueReportError, writeExchangeRateIn } from '../money/ledger.js';
import { RevenueReportRecordedError } from '../money/recordedReports.js';
import { requireFinancials, writeTermsIn } from '../money/terms.js';
import type { AccountsPlan } from './records.js';

type Db = Kysely<Database>;

/** Writes the accounts; throws ImportError naming every problem (the caller's transaction then rolls back). */
export async function writeAccounts(trx: Db, actor: Actor, plan: AccountsPlan, summary: ImportSummary): Promise<void> {
  requireFinancials(actor);
  const issues: ImportIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message: `${field}: ${message}`, suggestions: [] });
  /** Runs `fn`; a refusal becomes an issue whose field is prefixed by `at`. */
  const attempt = async <T>(at: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RevenueReportError) throw e;
      if (!(e instanceof DomainError)) throw e;
      const field = e.field && !e.field.startsWith(at) ? `${at}${e.field}` : e.field || at;
      issues.push({ field, message: e.message.startsWith(at) ? e.message : `${at}${e.message}`, suggestions: e.suggestions });
      return undefined;
    }
  };
  let written = 0;
  for (const [i, r] of plan.rates.entries()) {
    if (await attempt(`accounts.exchangeRates[${i}].`, async () => (await writeExchangeRateIn(trx, actor, r), true))) written++;
  }
  for (const k of plan.contracts) {
    const c = await trx.selectFrom('contracts').select(['id', 'ref']).where('ref', '=', k.ref).executeTakeFirstOrThrow();
    const terms = k.doc.terms;
    if (terms) {
      const input: TermsInput = { ...terms, fees: terms.fees ?? [] };
      if (await attempt(`${k.field}.terms.`, () => writeTermsIn(trx, actor, c.id, input))) written++;
    }
    const ledger = async (table: 'receipts' | 'expenses' | 'payments', rows: number) => {
      await audit(trx, actor, { action: 'import', entity: table, entityId: c.id, before: null, after: { rows } });
      written += rows;
    };
    if (k.receipts.length) {
      await trx
        .insertInto('receipts')
        .values(k.receipts.map((r) => ({ ...r, id: newId(), contract_id: c.id })))
        .execute();
      await ledger('receipts', k.receipts.length);
    }
    if (k.expenses.length) {
      await trx
        .insertInto('expenses')
        .values(k.expenses.map((e) => ({ ...e, id: newId(), contract_id: c.id })))
        .execute();
      await ledger('expenses', k.expenses.length);
    }
    if (k.payments.length) {
      await trx
        .insertInto('payments')
        .values(k.payments.map((p) => ({ ...p, id: newId(), contract_id: c.id })))
        .execute();
      await ledger('payments', k.payments.length);
    }
    for (const [j, report] of (k.doc.revenueReports ?? []).entries()) {
      const at = `${k.field}.revenueReports[${j}]`;
      const rows = Array.isArray(report.rows) ? (report.rows as RevenueRowDoc[]) : [];
      const numbers = rows.map((r, n) => (Number.isInteger(r.row) && (r.row ?? 0) > 0 ? r.row! : n + 1));
      try {
        const done = await recordRevenueIn(
          trx,
          actor,
          c.id,
          report.report,
          rows.map(({ row: _row, ...r }) => r),
          { rowNumbers: numbers },
        );
        written += done.rows;
      } catch (e) {
        if (e instanceof RevenueReportRecordedError) {
          issue(`${at}.report`, `${e.detail}; a document does not record a report twice`);
          continue;
        }
        if (!(e instanceof RevenueReportError)) throw e;
        for (const p of e.problems) {
          const n = numbers.indexOf(p.row);
          issue(`${at}.rows[${n >= 0 ? n : p.row - 1}].${p.field}`, p.message);
        }
      }
    }
    for (const [j, s] of (k.doc.statements ?? []).entries()) {
      if (await attempt(`${k.field}.statements[${j}].`, () => writeStatement(trx, actor, c, s))) written++;
    }
  }
  if (issues.length) throw new ImportError(issues);
  summary.accounts = written;
}

/** An issued statement as it was: its number (refused when taken), its period, what it corrects, its frozen body. */
async function writeStatement(trx: Db, actor: Actor, c: { id: string; ref: string }, s: StatementDoc): Promise<true> {
  const bad = (field: string, message: string) => new DomainError('invalid', field, null, `${field}: ${message}`);
  if (!Number.isInteger(s.number) || s.number < 1) throw bad('number', 'a whole number from 1');
  const period = parsePeriod(s.period, 'period').key;
  const body = s.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('body', 'the statement as it was issued (an object)');
  const view = body as { currency?: unknown; due?: unknown; dueOn?: unknown; period?: { key?: unknown } };
  if (view.period?.key !== period) throw bad('body.period', `the statement's body is not for ${period}`);
  if (typeof view.currency !== 'string') throw bad('body.currency', 'the currency of the statement');
  if (typeof view.dueOn !== 'string' || !isCalendarDate(view.dueOn)) throw bad('body.dueOn', 'the day the statement is due, as YYYY-MM-DD');
  const due = parseAmount(view.due, view.currency, 'body.due');
  if (typeof s.issuedAt !== 'string' || Number.isNaN(Date.parse(s.issuedAt))) throw bad('issuedAt', 'when it was issued (ISO 8601)');
  const taken = await trx.selectFrom('statements').select('id').where('number', '=', s.number).executeTakeFirst();
  if (taken) throw bad('number', `statement no. ${s.number} already exists`);
  let corrects: string | null = null;
  if (s.corrects != null) {
    const before = await trx
      .selectFrom('statements')
      .select('id')
      .where('number', '=', s.corrects)
      .where('contract_id', '=', c.id)
      .where('period', '=', period)
      .executeTakeFirst();
    if (!before) throw bad('corrects', `no statement no. ${String(s.corrects)} of ${c.ref} for ${period} before it`);
    corrects = before.id;
  }
  const issuer = s.issuedBy ? await trx.selectFrom('users').select('id').where('username', '=', s.issuedBy).executeTakeFirst() : undefined;
  const id = newId();
  await trx
    .insertInto('statements')
    .values({
      id,
      number: s.number,
      contract_id: c.id,
      period,
      currency: view.currency,
      due: Number(due),
      due_on: view.dueOn,
      body: toJson({ ...body, contract: { id: c.id, ref: c.ref }, ...(isObject(body.issued) ? { issued: { id, ...body.issued } } : {}) }),
      corrects_id: corrects,
      issued_by: issuer?.id ?? null,
      issued_at: s.issuedAt,
    })
    .execute();
  await audit(trx, actor, {
    action: 'import',
    entity: 'statements',
    entityId: id,
    before: null,
    after: { number: s.number, contract: c.ref, period },
  });
  return true;
}
