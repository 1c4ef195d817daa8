/**
 * The ledger of a contract: receipts (money collected under it), expenses (spent on the title, to
 * be recouped), payments (to the party its statements are for), licensees' revenue report lines,
 * and the user's exchange rates per period. Confidential as a whole; every write is checked whole
 * and written in one transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import { isCalendarDate } from '../../domain/dates.js';
import { DomainError, invalid } from '../../domain/errors.js';
import { parseMedia } from '../../domain/media.js';
import { currencyCode, formatAmount, parseAmount } from '../../domain/money/amounts.js';
import { parsePeriod } from '../../domain/money/periods.js';
import { parseTerritories } from '../../domain/territories.js';
import { newId, type Database } from '../../store/index.js';
import type {
  ExchangeRateInput,
  ExpenseInput,
  LedgerEntryView,
  LedgerView,
  MoneyEntryInput,
  ReceiptInput,
  RevenueProblem,
  RevenueRowInput,
} from '../../contract/money.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { TitleIndex } from '../catalog.js';
import { NotFoundError } from '../errors.js';
import { recordedReport, RevenueReportRecordedError, sameRowsReport, storedReportName } from './recordedReports.js';
import { requireFinancials } from './terms.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const NOTE_MAX = 2_000;

function currency(value: unknown, field: string): string {
  const c = currencyCode(value, field);
  if (!CURRENCIES.has(c)) throw invalid(field, value, `${field}: "${String(value)}" is not an ISO 4217 currency code`);
  return c;
}

function day(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw invalid(field, value, `${field}: "${String(value)}" is not a date as YYYY-MM-DD`);
  return value;
}

function positive(text: unknown, cur: string, field: string, allowZero = false): number {
  const a = parseAmount(text, cur, field);
  if (a < 0n || (!allowZero && a === 0n)) throw invalid(field, text, `${field}: must be more than zero`);
  if (a > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(field, text, `${field}: too large`);
  return Number(a);
}

function note(value: unknown, field = 'note'): string | null {
  if (value == null || value === '') return null;
  if (typeof value !== 'string' || value.length > NOTE_MAX) throw invalid(field, value, `${field}: text of at most ${NOTE_MAX} characters`);
  return value;
}

async function contractId(db: Kysely<Database>, idOrRef: string, field = 'contract'): Promise<string> {
  const c = await db
    .selectFrom('contracts')
    .select(['id', 'deleted_at'])
    .where((eb) => eb.or([eb('id', '=', idOrRef), eb('ref', '=', idOrRef)]))
    .executeTakeFirst();
  if (!c || c.deleted_at) throw new NotFoundError(field, idOrRef);
  return c.id;
}

export type { ExpenseInput, LedgerEntryView, MoneyEntryInput, ReceiptInput };

/** A receipt's row, checked; every error names its field (`at` prefixes it: "accounts.contracts[0].receipts[2]."). */
export function checkReceipt(input: ReceiptInput, at = '') {
  const cur = currency(input.currency, `${at}currency`);
  const row = {
    id: newId(),
    received_on: day(input.on, `${at}on`),
    amount: positive(input.amount, cur, `${at}amount`),
    currency: cur,
    kind: input.kind ?? 'other',
    note: note(input.note, `${at}note`),
  };
  if (!['instalment', 'overage', 'other'].includes(row.kind))
    throw invalid(`${at}kind`, input.kind, `${at}kind: instalment, overage or other`);
  return row;
}

/** An expense's row, checked. */
export function checkExpense(input: ExpenseInput, at = '') {
  const cur = currency(input.currency, `${at}currency`);
  const category = typeof input.category === 'string' ? input.category.trim() : '';
  if (!category || category.length > 200)
    throw invalid(`${at}category`, input.category, `${at}category: name what the money was spent on ("P&A", "markets")`);
  return {
    id: newId(),
    spent_on: day(input.on, `${at}on`),
    category,
    amount: positive(input.amount, cur, `${at}amount`),
    currency: cur,
    recoupable: input.recoupable === false ? (0 as const) : (1 as const),
    note: note(input.note, `${at}note`),
  };
}

/** A payment's row, checked. */
export function checkPayment(input: MoneyEntryInput, at = '') {
  const cur = currency(input.currency, `${at}currency`);
  return {
    id: newId(),
    paid_on: day(input.on, `${at}on`),
    amount: positive(input.amount, cur, `${at}amount`),
    currency: cur,
    note: note(input.note, `${at}note`),
  };
}

export async function addReceipt(app: FilmRights, actor: Actor, contract: string, input: ReceiptInput): Promise<LedgerEntryView> {
  requireWriter(actor);
  requireFinancials(actor);
  const row = checkReceipt(input);
  const cur = row.currency;
  await app.store.transaction(async (trx) => {
    const cid = await contractId(trx, contract);
    await trx
      .insertInto('receipts')
      .values({ ...row, contract_id: cid })
      .execute();
    await audit(trx, actor, { action: 'create', entity: 'receipts', entityId: row.id, before: null, after: { ...row, contract_id: cid } });
  });
  return { id: row.id, on: row.received_on, amount: formatAmount(BigInt(row.amount), cur), currency: cur, note: row.note, kind: row.kind };
}

export async function addExpense(app: FilmRights, actor: Actor, contract: string, input: ExpenseInput): Promise<LedgerEntryView> {
  requireWriter(actor);
  requireFinancials(actor);
  const row = checkExpense(input);
  const { currency: cur, category } = row;
  await app.store.transaction(async (trx) => {
    const cid = await contractId(trx, contract);
    await trx
      .insertInto('expenses')
      .values({ ...row, contract_id: cid })
      .execute();
    await audit(trx, actor, { action: 'create', entity: 'expenses', entityId: row.id, before: null, after: { ...row, contract_id: cid } });
  });
  return {
    id: row.id,
    on: row.spent_on,
    amount: formatAmount(BigInt(row.amount), cur),
    currency: cur,
    note: row.note,
    category,
    recoupable: row.recoupable === 1,
  };
}

export async function addPayment(app: FilmRights, actor: Actor, contract: string, input: MoneyEntryInput): Promise<LedgerEntryView> {
  requireWriter(actor);
  requireFinancials(actor);
  const row = checkPayment(input);
  const cur = row.currency;
  await app.store.transaction(async (trx) => {
    const cid = await contractId(trx, contract);
    await trx
      .insertInto('payments')
      .values({ ...row, contract_id: cid })
      .execute();
    await audit(trx, actor, { action: 'create', entity: 'payments', entityId: row.id, before: null, after: { ...row, contract_id: cid } });
  });
  return { id: row.id, on: row.paid_on, amount: formatAmount(BigInt(row.amount), cur), currency: cur, note: row.note };
}

export type { ExchangeRateInput };

export async function setExchangeRate(app: FilmRights, actor: Actor, input: ExchangeRateInput): Promise<ExchangeRateInput> {
  requireWriter(actor);
  requireFinancials(actor);
  const checked = checkExchangeRate(input);
  await app.store.transaction((trx) => writeExchangeRateIn(trx, actor, checked));
  return checked;
}

/** An exchange rate, checked: a period, two different currencies, a positive decimal. */
export function checkExchangeRate(input: ExchangeRateInput, at = ''): ExchangeRateInput {
  const period = parsePeriod(input.period, `${at}period`).key;
  const from = currency(input.from, `${at}from`);
  const to = currency(input.to, `${at}to`);
  if (from === to) throw invalid(`${at}to`, input.to, `${at}to: a rate is between two different currencies`);
  const rate = typeof input.rate === 'string' ? input.rate.trim() : '';
  if (!/^\d{1,12}(?:\.\d{1,12})?$/.test(rate) || /^0*(?:\.0*)?$/.test(rate)) {
    throw invalid(`${at}rate`, input.rate, `${at}rate: "${String(input.rate)}" is not a positive exchange rate such as 1.1213`);
  }
  return { period, from, to, rate };
}

/** Sets a checked exchange rate (replacing the period's rate between the two) in the caller's transaction, audited. */
export async function writeExchangeRateIn(trx: Kysely<Database>, actor: Actor, checked: ExchangeRateInput): Promise<void> {
  const { period, from, to, rate } = checked;
  const before = await trx
    .selectFrom('exchange_rates')
    .selectAll()
    .where('period', '=', period)
    .where('from_currency', '=', from)
    .where('to_currency', '=', to)
    .executeTakeFirst();
  if (before)
    await trx
      .updateTable('exchange_rates')
      .set({ rate })
      .where('period', '=', period)
      .where('from_currency', '=', from)
      .where('to_currency', '=', to)
      .execute();
  else await trx.insertInto('exchange_rates').values({ period, from_currency: from, to_currency: to, rate }).execute();
  await audit(trx, actor, {
    action: before ? 'update' : 'create',
    entity: 'exchange_rates',
    entityId: `${period}:${from}:${to}`,
    before: before ?? null,
    after: { period, from, to, rate },
  });
}

export type { RevenueProblem, RevenueRowInput };

/** Refused: the report has problems; nothing was written. */
export class RevenueReportError extends DomainError {
  constructor(
    readonly problems: RevenueProblem[],
    /** For a sheet: its headers and the column mapping used, so the user can correct the mapping. */
    readonly sheet?: { headers: string[]; mapping: Record<string, string | null> },
  ) {
    super(
      'invalid',
      'rows',
      problems.length,
      `the revenue report has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
        .slice(0, 3)
        .map((p) => `row ${p.row}, ${p.field}: ${p.message}`)
        .join('; ')}${problems.length > 3 ? '; ...' : ''}; nothing was written`,
    );
  }
}

/**
 * Records a licensee's revenue report against a contract: every row checked (a known title of the
 * contract, a territory, a media, an amount that is not negative, a currency, a period with no
 * issued statement), all rows written or none. `preview` checks without writing.
 */
export async function recordRevenueReport(
  app: FilmRights,
  actor: Actor,
  contract: string,
  report: string,
  rows: readonly RevenueRowInput[],
  opts: {
    preview?: boolean;
    /** The rows' numbers in their file (a sheet's rows start at 2); default 1, 2, 3... */
    rowNumbers?: readonly number[];
    /** Problems found reading the file, reported with the rows' own. */
    problems?: readonly RevenueProblem[];
    sheet?: RevenueReportError['sheet'];
    /** Replace the contract's report of the same name (its rows removed, these written), if there is one. */
    replace?: boolean;
  } = {},
): Promise<RevenueRecorded> {
  requireWriter(actor);
  requireFinancials(actor);
  return app.store.transaction(async (trx) => {
    const cid = await contractId(trx, contract);
    // PostgreSQL: the same report sent twice at once queues on the contract, so the second sees the first
    // (SQLite: BEGIN IMMEDIATE already holds the write lock)
    if (!opts.preview && app.store.dialect === 'postgres')
      await trx.selectFrom('contracts').select('id').where('id', '=', cid).forUpdate().execute();
    return recordRevenueIn(trx, actor, cid, report, rows, opts);
  });
}

/** What a revenue report recorded; `replaced`: the rows of the earlier report of that name removed (with `replace`). */
export interface RevenueRecorded {
  rows: number;
  gross: Record<string, string>;
  problems: RevenueProblem[];
  replaced?: number;
}

/** Checks and records a revenue report in the caller's transaction (recordRevenueReport, the JSON import's accounts). */
export async function recordRevenueIn(
  trx: Kysely<Database>,
  actor: Actor,
  cid: string,
  report: string,
  rows: readonly RevenueRowInput[],
  opts: Parameters<typeof recordRevenueReport>[5] = {},
): Promise<RevenueRecorded> {
  const given = typeof report === 'string' && report.trim() ? report.trim().slice(0, 200) : 'revenue report';
  // a report already recorded under this name written another way (case, spaces) is that report
  const label = (await storedReportName(trx, cid, given)) ?? given;
  const ref = async () => (await trx.selectFrom('contracts').select('ref').where('id', '=', cid).executeTakeFirstOrThrow()).ref;
  const earlier = await recordedReport(trx, cid, label);
  if (earlier && !opts.replace) throw new RevenueReportRecordedError(earlier, label, await ref());
  const onContract = new Set(
    (await trx.selectFrom('contract_titles').select('title_id').where('contract_id', '=', cid).execute()).map((r) => r.title_id),
  );
  const issued = new Set(
    (await trx.selectFrom('statements').select('period').where('contract_id', '=', cid).execute()).map((r) => r.period),
  );
  const titles = await TitleIndex.load(trx);
  const problems: RevenueProblem[] = [...(opts.problems ?? [])];
  const lines: Array<{
    id: string;
    contract_id: string;
    report: string;
    row: number;
    period: string;
    title_id: string;
    territory: string;
    media: string;
    gross: number;
    currency: string;
    units: number | null;
  }> = [];
  const totals = new Map<string, bigint>();
  rows.forEach((r, i) => {
    const row = opts.rowNumbers?.[i] ?? i + 1;
    const problem = (field: string, e: unknown) =>
      problems.push({ row, field, message: e instanceof Error ? e.message.replace(/^[\w.[\]]+: /, '') : String(e) });
    const at = <T>(field: string, f: () => T): T | undefined => {
      try {
        return f();
      } catch (e) {
        problem(field, e);
        return undefined;
      }
    };
    const period = at('period', () => parsePeriod(r.period, 'period').key);
    if (period && issued.has(period))
      problem('period', new Error(`${period} already has an issued statement: record a correction against a later period`));
    const titleId = at('title', () => titles.resolve(r.title, 'title'));
    if (titleId && !onContract.has(titleId)) problem('title', new Error(`"${r.title}" is not a title of this contract`));
    const territory = at('territory', () => (parseTerritories(String(r.territory ?? ''), 'territory'), String(r.territory).trim()));
    const media = at('media', () => (parseMedia(String(r.media ?? ''), 'media'), String(r.media).trim()));
    const cur = at('currency', () => currency(r.currency, 'currency'));
    const gross = cur ? at('gross', () => positive(r.gross, cur, 'gross', true)) : undefined;
    const units =
      r.units == null
        ? null
        : Number.isInteger(r.units) && r.units >= 0
          ? r.units
          : (problem('units', new Error('a whole number, not negative')), null);
    if (period && titleId && territory && media && cur && gross !== undefined && onContract.has(titleId) && !issued.has(period)) {
      lines.push({
        id: newId(),
        contract_id: cid,
        report: label,
        row,
        period,
        title_id: titleId,
        territory,
        media,
        gross,
        currency: cur,
        units,
      });
      totals.set(cur, (totals.get(cur) ?? 0n) + BigInt(gross));
    }
  });
  if (problems.length)
    throw new RevenueReportError(
      [...problems].sort((a, b) => a.row - b.row),
      opts.sheet,
    );
  const gross = Object.fromEntries([...totals].map(([c, a]) => [c, formatAmount(a, c)]));
  if (earlier) {
    if (!lines.length) throw invalid('rows', 0, `rows: the report has no rows; "${label}" is replaced only by a report with rows`);
    const frozen = (
      await trx.selectFrom('revenue_lines').select('period').distinct().where('contract_id', '=', cid).where('report', '=', label).execute()
    )
      .map((r) => r.period)
      .filter((p) => issued.has(p))
      .sort();
    if (frozen.length)
      throw invalid(
        'replace',
        label,
        `replace: "${label}" has rows in ${frozen.join(', ')}, which already ha${frozen.length === 1 ? 's an issued statement' : 've issued statements'}; it cannot be replaced: record a correction against a later period`,
      );
  }
  const same = await sameRowsReport(trx, cid, label, lines);
  if (same) throw new RevenueReportRecordedError(same, label, await ref());
  if (!opts.preview && lines.length) {
    // the rows replaced are kept in the audit entry, as they were
    const removed = earlier
      ? await trx
          .deleteFrom('revenue_lines')
          .where('contract_id', '=', cid)
          .where('report', '=', label)
          .returning(['row', 'period', 'title_id', 'territory', 'media', 'gross', 'currency', 'units'])
          .execute()
      : [];
    for (let i = 0; i < lines.length; i += 500)
      await trx
        .insertInto('revenue_lines')
        .values(lines.slice(i, i + 500))
        .execute();
    await audit(
      trx,
      actor,
      earlier
        ? {
            action: 'update',
            entity: 'revenue_lines',
            entityId: cid,
            before: {
              ...earlier,
              lines: removed.sort((a, b) => a.row - b.row).map((l) => ({ ...l, gross: formatAmount(BigInt(l.gross), l.currency) })),
            },
            after: { report: label, rows: lines.length, gross },
          }
        : { action: 'import', entity: 'revenue_lines', entityId: cid, before: null, after: { report: label, rows: lines.length } },
    );
  }
  return { rows: lines.length, gross, problems, ...(opts.replace ? { replaced: earlier?.rows ?? 0 } : {}) };
}

export type { LedgerView };

export async function getLedger(app: FilmRights, actor: Actor, contract: string): Promise<LedgerView> {
  requireFinancials(actor);
  const db = app.store.db;
  const cid = await contractId(db, contract);
  const [receipts, expenses, payments, revenue] = await Promise.all([
    db.selectFrom('receipts').selectAll().where('contract_id', '=', cid).orderBy('received_on').orderBy('id').execute(),
    db.selectFrom('expenses').selectAll().where('contract_id', '=', cid).orderBy('spent_on').orderBy('id').execute(),
    db.selectFrom('payments').selectAll().where('contract_id', '=', cid).orderBy('paid_on').orderBy('id').execute(),
    db.selectFrom('revenue_lines').selectAll().where('contract_id', '=', cid).orderBy('period').orderBy('report').orderBy('row').execute(),
  ]);
  const m = (a: number, c: string) => formatAmount(BigInt(a), c);
  return {
    receipts: receipts.map((r) => ({
      id: r.id,
      on: r.received_on,
      amount: m(r.amount, r.currency),
      currency: r.currency,
      note: r.note,
      kind: r.kind,
    })),
    expenses: expenses.map((e) => ({
      id: e.id,
      on: e.spent_on,
      amount: m(e.amount, e.currency),
      currency: e.currency,
      note: e.note,
      category: e.category,
      recoupable: e.recoupable === 1,
    })),
    payments: payments.map((p) => ({ id: p.id, on: p.paid_on, amount: m(p.amount, p.currency), currency: p.currency, note: p.note })),
    revenue: revenue.map((l) => ({
      id: l.id,
      report: l.report,
      row: l.row,
      period: l.period,
      titleId: l.title_id,
      territory: l.territory,
      media: l.media,
      gross: m(l.gross, l.currency),
      currency: l.currency,
      units: l.units,
    })),
  };
}
