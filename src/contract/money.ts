/**
 * The accounts (docs/money.md): a contract's financial terms, its ledger (receipts, expenses,
 * payments, revenue reports), exchange rates, statements and what is due. All of it needs the
 * financial-terms permission. Money is decimal text, never a float; rates are written as people
 * write them ("30%" or "0.3").
 */
import { Type, type Static } from 'typebox';
import { DEAL_EVENTS } from '../domain/money/instalments.js';
import { FREQUENCIES } from '../domain/money/periods.js';
import { closed, closedOrNull, currency, date, dateOrNull, id, intOrNull, LINE_MAX, list, NAME_MAX, oneOf, textOrNull } from './common.js';

/** Money as the user types it: "1500000", "1,500,000.00". The services check it against the currency. */
const typedAmount = Type.String({ minLength: 1, maxLength: 40, description: 'a decimal amount, e.g. "1500000" or "1,500,000.00"' });
const typedAmountOrNull = textOrNull(40);
/** A rate: "30%" or "0.3". */
const rate = Type.String({ minLength: 1, maxLength: 20, description: 'a rate, e.g. "30%" or "0.3"' });
const LABEL = 200;
const CONTRACT_KINDS = ['licence', 'mandate'] as const;
const RECEIPT_KINDS = ['instalment', 'overage', 'other'] as const;

/** A reporting period: 2022-Q1, 2022-H2 or 2022. */
export const periodKey = Type.String({ minLength: 1, maxLength: 10, description: 'e.g. 2022-Q1, 2022-H2, 2022' });

export const FeeRuleInput = closed({
  media: Type.Optional(textOrNull(LINE_MAX)),
  territories: Type.Optional(textOrNull(LINE_MAX)),
  rate,
  label: Type.Optional(textOrNull(LABEL)),
});
export type FeeRuleInput = Static<typeof FeeRuleInput>;

export const InstalmentInput = closed({
  label: Type.String({ maxLength: LABEL }),
  /** A share of the minimum guarantee ("20%"), or `amount`. */
  rate: Type.Optional(textOrNull(20)),
  amount: Type.Optional(typedAmountOrNull),
  dueOn: Type.Optional(dateOrNull),
  dueEvent: Type.Optional(Type.Union([oneOf(DEAL_EVENTS), Type.Null()])),
  dueDays: Type.Optional(intOrNull({ minimum: 0, maximum: 3650 })),
});
export type InstalmentInput = Static<typeof InstalmentInput>;

/** Dates of the deal's events that instalments wait for. */
export const DealEventsInput = closed({
  signature: Type.Optional(dateOrNull),
  delivery: Type.Optional(dateOrNull),
  'first-release': Type.Optional(dateOrNull),
});

/** PUT /api/contracts/:id/terms: the whole of a contract's financial terms. */
export const TermsInput = closed({
  kind: oneOf(CONTRACT_KINDS),
  currency,
  fees: list(FeeRuleInput, 100),
  expenseCap: Type.Optional(typedAmountOrNull),
  expenseCaps: Type.Optional(list(closed({ category: Type.String({ maxLength: LABEL }), cap: typedAmount }), 50)),
  reserve: Type.Optional(closedOrNull({ rate, releaseAfter: Type.Integer({ minimum: 1, maximum: 40 }) })),
  reporterOverageShare: Type.Optional(textOrNull(20)),
  frequency: oneOf(FREQUENCIES),
  annualAfterYears: Type.Optional(intOrNull({ minimum: 1, maximum: 50 })),
  statementDueDays: Type.Optional(intOrNull({ minimum: 0, maximum: 365 })),
  /** Default: the contract's signature date. */
  reportingFrom: Type.Optional(dateOrNull),
  pool: Type.Optional(textOrNull(LABEL)),
  instalments: Type.Optional(list(InstalmentInput, 50)),
  events: Type.Optional(DealEventsInput),
  /** The version read; a stale one is refused. */
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type TermsInput = Static<typeof TermsInput>;

const moneyOut = Type.String();
const FeeRuleView = Type.Object({
  media: Type.Union([Type.String(), Type.Null()]),
  territories: Type.Union([Type.String(), Type.Null()]),
  rate: Type.String(),
  label: Type.String(),
});
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The terms as the API answers them. */
export const TermsView = Type.Object({
  contractId: Type.String(),
  kind: oneOf(CONTRACT_KINDS),
  currency: Type.String(),
  fees: Type.Array(FeeRuleView),
  expenseCap: nullable(Type.String()),
  expenseCaps: Type.Array(Type.Object({ category: Type.String(), cap: Type.String() })),
  reserve: nullable(Type.Object({ rate: Type.String(), releaseAfter: Type.Integer() })),
  reporterOverageShare: nullable(Type.String()),
  frequency: oneOf(FREQUENCIES),
  annualAfterYears: nullable(Type.Integer()),
  statementDueDays: Type.Integer(),
  reportingFrom: Type.String(),
  pool: nullable(Type.String()),
  /** The contract's minimum guarantee, recouped by the waterfall. */
  mg: nullable(Type.Object({ amount: Type.String(), currency: Type.String() })),
  instalments: Type.Array(
    Type.Object({
      label: Type.String(),
      rate: nullable(Type.String()),
      amount: nullable(Type.String()),
      dueOn: nullable(Type.String()),
      dueEvent: nullable(oneOf(DEAL_EVENTS)),
      dueDays: nullable(Type.Integer()),
    }),
  ),
  events: Type.Partial(Type.Object({ signature: Type.String(), delivery: Type.String(), 'first-release': Type.String() })),
  version: Type.Integer(),
});
export type TermsView = Static<typeof TermsView>;
/** GET /api/contracts/:id/terms: the terms, or null while the contract has none yet (a state of the deal, not an error). */
export const TermsAnswer = Type.Union([TermsView, Type.Null()], {
  description: 'the financial terms, or null when the contract has none yet',
});
export type TermsAnswer = Static<typeof TermsAnswer>;

const entry = {
  /** YYYY-MM-DD: when the money came in, was spent or was paid. */
  on: date,
  amount: typedAmount,
  currency,
  note: Type.Optional(textOrNull(LINE_MAX)),
};
/** POST /api/contracts/:id/payments: money paid to the party the statements are for. */
export const MoneyEntryInput = closed(entry);
export type MoneyEntryInput = Static<typeof MoneyEntryInput>;
/** POST /api/contracts/:id/receipts: money collected, and what it pays. */
export const ReceiptInput = closed({ ...entry, kind: Type.Optional(oneOf(RECEIPT_KINDS)) });
export type ReceiptInput = Static<typeof ReceiptInput>;
/** POST /api/contracts/:id/expenses: money spent, by category, recoupable or not (default recoupable). */
export const ExpenseInput = closed({ ...entry, category: Type.String({ maxLength: LABEL }), recoupable: Type.Optional(Type.Boolean()) });
export type ExpenseInput = Static<typeof ExpenseInput>;

export const LedgerEntryView = Type.Object({
  id: Type.String(),
  on: Type.String(),
  amount: moneyOut,
  currency: Type.String(),
  note: nullable(Type.String()),
  kind: Type.Optional(oneOf(RECEIPT_KINDS)),
  category: Type.Optional(Type.String()),
  recoupable: Type.Optional(Type.Boolean()),
});
export type LedgerEntryView = Static<typeof LedgerEntryView>;

export const RevenueLineView = Type.Object({
  id: Type.String(),
  report: Type.String(),
  row: Type.Integer(),
  period: Type.String(),
  titleId: Type.String(),
  territory: Type.String(),
  media: Type.String(),
  gross: moneyOut,
  currency: Type.String(),
  units: nullable(Type.Integer()),
});

/** GET /api/contracts/:id/ledger. */
export const LedgerView = Type.Object({
  receipts: Type.Array(LedgerEntryView),
  expenses: Type.Array(LedgerEntryView),
  payments: Type.Array(LedgerEntryView),
  revenue: Type.Array(RevenueLineView),
});
export type LedgerView = Static<typeof LedgerView>;

/** PUT /api/exchange-rates: one rate for a period ("1 from = rate to"). */
export const ExchangeRateInput = closed({
  period: periodKey,
  from: currency,
  to: currency,
  rate: Type.String({ minLength: 1, maxLength: 30, description: 'e.g. "1.1213"' }),
});
export type ExchangeRateInput = Static<typeof ExchangeRateInput>;

/** A row of a licensee's revenue report. */
export const RevenueRowInput = closed({
  period: Type.String({ maxLength: 20 }),
  title: Type.String({ maxLength: NAME_MAX }),
  territory: Type.String({ maxLength: LINE_MAX }),
  media: Type.String({ maxLength: LINE_MAX }),
  gross: Type.String({ maxLength: 40 }),
  currency: Type.String({ maxLength: 10 }),
  units: Type.Optional(intOrNull()),
});
export type RevenueRowInput = Static<typeof RevenueRowInput>;

export const REVENUE_ROWS_MAX = 10_000;

const REPLACE =
  "replace the contract's report of the same name (its rows removed, these written, one audit entry); without it, a report already recorded (same name, or the same rows) is refused (409)";

/** POST /api/contracts/:id/revenue-reports: the rows as JSON; `preview` checks them without writing. */
export const RevenueReportInput = closed({
  report: Type.String({ minLength: 1, maxLength: LABEL, description: 'what the report is, e.g. "Neon Q4 2021"' }),
  rows: list(RevenueRowInput, REVENUE_ROWS_MAX),
  preview: Type.Optional(Type.Boolean({ default: false })),
  replace: Type.Optional(Type.Boolean({ default: false, description: REPLACE })),
});
export type RevenueReportInput = Static<typeof RevenueReportInput>;

export const RevenueProblem = Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() });
export type RevenueProblem = Static<typeof RevenueProblem>;

/** What a revenue report recorded (or, previewed, would record): its rows and gross by currency. */
export const RevenueReportResult = Type.Object({
  rows: Type.Integer(),
  gross: Type.Record(Type.String(), Type.String()),
  problems: Type.Array(RevenueProblem),
  preview: Type.Boolean(),
  /** With `replace`: the rows of the earlier report of that name removed (or, previewed, to be removed); 0 when there was none. */
  replaced: Type.Optional(Type.Integer()),
});
export type RevenueReportResult = Static<typeof RevenueReportResult>;

/** Refused (409): that report, or one with the same rows, is already recorded for the contract; nothing was written. */
export const RevenueReportRecorded = Type.Object({
  error: Type.Literal('already-imported'),
  message: Type.String(),
  field: Type.Literal('report'),
  /** The report already recorded, its rows and when it was recorded (ISO 8601). */
  report: Type.String(),
  rows: Type.Integer(),
  importedAt: Type.String(),
});

/** A refused revenue report: each row and field at fault; nothing was written. */
export const RevenueReportRefusal = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  /** Present when rows were refused (a malformed request has none). */
  problems: Type.Optional(Type.Array(RevenueProblem)),
  /** A sheet's: the headers read and the mapping used. */
  headers: Type.Optional(Type.Array(Type.String())),
  mapping: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]))),
});

/**
 * POST /api/contracts/:id/revenue-reports/file: the report as a CSV or XLSX file (base64), its columns
 * mapped as a deal sheet's are (guessed from the headers; `mapping` overrides: field → header).
 */
export const revenueSheetInput = (maxBase64: number, maxBytes: number) =>
  closed({
    filename: Type.String({ minLength: 1, maxLength: 255 }),
    content: Type.String({ maxLength: maxBase64, description: `the file, base64 (at most ${maxBytes / 1024 / 1024} MiB decoded)` }),
    format: Type.Optional(oneOf(['csv', 'xlsx'] as const)),
    mapping: Type.Optional(
      Type.Unsafe<Record<string, string | null>>({
        type: 'object',
        maxProperties: 20,
        additionalProperties: { type: ['string', 'null'], maxLength: 200 },
      }),
    ),
    sheet: Type.Optional(Type.String({ maxLength: 200 })),
    report: Type.Optional(Type.String({ maxLength: LABEL })),
    preview: Type.Optional(Type.Boolean({ default: false })),
    replace: Type.Optional(Type.Boolean({ default: false, description: REPLACE })),
  });

/** What a revenue report sheet recorded (or would), with the headers read and the mapping used. */
export const RevenueSheetResult = Type.Object({
  ...RevenueReportResult.properties,
  format: oneOf(['csv', 'xlsx'] as const),
  headers: Type.Array(Type.String()),
  mapping: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
});
export type RevenueSheetResult = Static<typeof RevenueSheetResult>;

export const MoneyFigure = Type.Object({ prior: moneyOut, current: moneyOut, cumulative: moneyOut });

/** A statement, computed or issued: Prior | Current | Cumulative per line of the waterfall, and the amount due. */
export const StatementView = Type.Object({
  contract: Type.Object({ id: Type.String(), ref: Type.String() }),
  kind: oneOf(CONTRACT_KINDS),
  parties: Type.Object({ reporter: Type.String(), recipient: Type.String() }),
  period: Type.Object({ key: Type.String(), start: Type.String(), end: Type.String() }),
  dueOn: Type.String(),
  currency: Type.String(),
  steps: Type.Array(Type.String()),
  receipts: MoneyFigure,
  lines: Type.Array(
    Type.Object({
      label: Type.String(),
      kind: Type.String(),
      prior: moneyOut,
      current: moneyOut,
      cumulative: moneyOut,
      parts: Type.Optional(Type.Array(Type.Object({ label: Type.String(), prior: moneyOut, current: moneyOut, cumulative: moneyOut }))),
      outstanding: Type.Optional(moneyOut),
      overCap: Type.Optional(moneyOut),
    }),
  ),
  earned: MoneyFigure,
  paidBefore: moneyOut,
  due: moneyOut,
  pool: Type.Array(Type.String()),
  issued: nullable(Type.Object({ id: Type.String(), number: Type.Integer(), issuedAt: Type.String(), corrects: nullable(Type.Integer()) })),
});
export type StatementView = Static<typeof StatementView>;

/** A statement's answer: the statement as JSON, or (?format=pdf|xlsx) the file, with a Content-Disposition naming it. */
export const StatementAnswer = Type.Union([
  StatementView,
  Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'the statement as PDF or XLSX' }),
]);

export const StatementParams = Type.Object({ id, period: periodKey });
export type StatementParams = Static<typeof StatementParams>;
export const StatementQuery = Type.Object({ format: Type.Optional(oneOf(['json', 'pdf', 'xlsx'] as const)) });
export const StatementNumberParams = Type.Object({ number: Type.Integer({ minimum: 1 }) });

/** POST /api/contracts/:id/statements/:period/issue. */
export const IssueStatementInput = closedOrNull({
  /** The period already has a statement: this one corrects it. */
  correction: Type.Optional(Type.Boolean()),
});

export const DueItem = Type.Object({
  contract: Type.Object({ id: Type.String(), ref: Type.String() }),
  what: oneOf(['statement', 'instalment'] as const),
  label: Type.String(),
  dueOn: nullable(Type.String()),
  status: oneOf(['late', 'due', 'overdue', 'part-paid', 'waiting', 'not-yet-due'] as const),
  amount: nullable(Type.String()),
  currency: Type.String(),
});
export type DueItem = Static<typeof DueItem>;
/** GET /api/money/due: statements late or due, MG instalments unpaid, on `today` (default: today). */
export const MoneyDueQuery = Type.Object({ today: Type.Optional(date) });
export const MoneyDue = Type.Object({ today: Type.String(), items: Type.Array(DueItem) });
export type MoneyDue = Static<typeof MoneyDue>;
