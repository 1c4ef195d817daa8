/**
 * The accounts (docs/money.md): financial terms, the ledger, revenue reports, exchange rates,
 * statements (JSON, PDF, XLSX; issued and numbered) and what is due. Reads are viewer/read and
 * writes editor/write; on top of that every service refuses a user without the financial-terms
 * permission (403), whatever the route.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  ErrorReply,
  ExchangeRateInput,
  ExpenseInput,
  IdParams,
  IssueStatementInput,
  LedgerEntryView,
  LedgerView,
  MoneyDue,
  MoneyDueQuery,
  MoneyEntryInput,
  ReceiptInput,
  RevenueReportInput,
  RevenueReportRefusal,
  RevenueReportResult,
  RevenueSheetResult,
  revenueSheetInput,
  RevenueReportRecorded,
  StatementNumberParams,
  StatementParams,
  StatementQuery,
  StatementAnswer,
  StatementView,
  TermsAnswer,
  TermsInput,
  TermsView,
} from '../../contract/index.js';
import type { DueItem } from '../../contract/index.js';
import { statementPdf } from '../../interchange/statements/pdf.js';
import { statementXlsx } from '../../interchange/statements/xlsx.js';
import type { FilmRights } from '../../services/app.js';
import { addExpense, addPayment, addReceipt, getLedger, recordRevenueReport, setExchangeRate } from '../../services/money/ledger.js';
import { tooLarge } from '../../domain/errors.js';
import { IMPORT_LIMITS } from '../../services/imports.js';
import { recordRevenueSheet } from '../../services/money/revenueSheet.js';
import { computeStatement, getIssuedStatement, issueStatement, moneyDue } from '../../services/money/statements.js';
import { getTerms, setTerms } from '../../services/money/terms.js';
import { access } from '../access.js';
import { actorOf } from '../auth.js';

const TAGS = ['money'];
const FILES = {
  pdf: { type: 'application/pdf', write: statementPdf },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: statementXlsx },
} as const;

const MAX_BYTES = IMPORT_LIMITS.maxBytes;
/** A file as base64: 4 characters per 3 bytes. */
const MAX_BASE64 = Math.ceil(MAX_BYTES / 3) * 4;
const RevenueSheetInput = revenueSheetInput(MAX_BASE64, MAX_BYTES);

/** Today as YYYY-MM-DD (UTC). */
const today = () => new Date().toISOString().slice(0, 10);

export function moneyRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const read = access('viewer', 'read');
  const write = access('editor', 'write');
  const refused = { 400: ErrorReply, 403: ErrorReply, 404: ErrorReply };

  server.get(
    '/api/contracts/:id/terms',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "A contract's financial terms; null while it has none yet (404: no such contract)",
        params: IdParams,
        response: { 200: TermsAnswer, ...refused },
      },
    },
    async (req) => getTerms(app, actorOf(req), req.params.id),
  );

  server.put(
    '/api/contracts/:id/terms',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Set a contract's financial terms, whole (fees, caps, instalments and events replace what was there)",
        params: IdParams,
        body: TermsInput,
        response: { 200: TermsView, ...refused, 409: ErrorReply },
      },
    },
    async (req) => setTerms(app, actorOf(req), req.params.id, req.body),
  );

  server.get(
    '/api/contracts/:id/ledger',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "A contract's receipts, expenses, payments and revenue report lines",
        params: IdParams,
        response: { 200: LedgerView, ...refused },
      },
    },
    async (req) => getLedger(app, actorOf(req), req.params.id),
  );

  server.post(
    '/api/contracts/:id/receipts',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Record money collected under a contract (an MG instalment, overages or other)',
        params: IdParams,
        body: ReceiptInput,
        response: { 201: LedgerEntryView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await addReceipt(app, actorOf(req), req.params.id, req.body)),
  );

  server.post(
    '/api/contracts/:id/expenses',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Record money spent under a contract, by category, recoupable or not',
        params: IdParams,
        body: ExpenseInput,
        response: { 201: LedgerEntryView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await addExpense(app, actorOf(req), req.params.id, req.body)),
  );

  server.post(
    '/api/contracts/:id/payments',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Record money paid to the party the statements are for',
        params: IdParams,
        body: MoneyEntryInput,
        response: { 201: LedgerEntryView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await addPayment(app, actorOf(req), req.params.id, req.body)),
  );

  server.put(
    '/api/exchange-rates',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Set the exchange rate between two currencies for a period (entered by the user; nothing is fetched)',
        body: ExchangeRateInput,
        response: { 200: ExchangeRateInput, ...refused },
      },
    },
    async (req) => setExchangeRate(app, actorOf(req), req.body),
  );

  server.post(
    '/api/contracts/:id/revenue-reports',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary:
          "Record a licensee's revenue report (rows as JSON): every row checked, all written or none; preview checks without writing. A refused report is a 400 with its problems (row, field, message); a report already recorded for the contract (same name, or the same rows) is a 409 naming it and when it was recorded, unless `replace: true` replaces the report of that name",
        params: IdParams,
        body: RevenueReportInput,
        response: { 200: RevenueReportResult, 400: RevenueReportRefusal, 403: ErrorReply, 404: ErrorReply, 409: RevenueReportRecorded },
      },
    },
    async (req) => {
      const preview = req.body.preview ?? false;
      const out = await recordRevenueReport(app, actorOf(req), req.params.id, req.body.report, req.body.rows, {
        preview,
        replace: req.body.replace ?? false,
      });
      return { ...out, preview };
    },
  );

  server.post(
    '/api/contracts/:id/revenue-reports/file',
    {
      config: write,
      bodyLimit: Math.ceil(MAX_BYTES * 1.4),
      schema: {
        tags: TAGS,
        summary:
          "Record a licensee's revenue report from a CSV or XLSX file (base64): columns mapped as for deal sheets (guessed; `mapping` overrides), every row checked, all written or none; preview writes nothing. Refused rows: 400 with problems (row of the file, field, message), the headers and the mapping; a report already recorded (same name, or the same rows): 409, unless `replace: true`",
        params: IdParams,
        body: RevenueSheetInput,
        response: {
          200: RevenueSheetResult,
          400: RevenueReportRefusal,
          403: ErrorReply,
          404: ErrorReply,
          409: RevenueReportRecorded,
          413: ErrorReply,
        },
      },
    },
    async (req) => {
      const { filename, content, ...opts } = req.body;
      const data = Buffer.from(content, 'base64');
      if (data.length > MAX_BYTES)
        throw tooLarge('content', data.length, `content: the file is over ${MAX_BYTES / 1024 / 1024} MiB (the limit of one import)`);
      return recordRevenueSheet(app, actorOf(req), req.params.id, data, filename, opts);
    },
  );

  server.get(
    '/api/contracts/:id/statements/:period',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          "A contract's statement for a period, computed now (Prior | Current | Cumulative, the amount due); ?format=pdf or xlsx answers the file",
        params: StatementParams,
        querystring: StatementQuery,
        response: { 200: StatementAnswer, ...refused },
      },
    },
    async (req, reply) => {
      const s = await computeStatement(app, actorOf(req), req.params.id, req.params.period);
      const format = req.query.format ?? 'json';
      if (format === 'json') return s;
      const file = FILES[format];
      const name = `${s.contract.ref}-${s.period.key}.${format}`.replace(/[^\w.-]/g, '_');
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(await file.write(s));
    },
  );

  server.post(
    '/api/contracts/:id/statements/:period/issue',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary:
          'Issue the statement of an ended period: frozen and numbered; a period already issued needs {correction: true}, and the new statement says which it corrects',
        params: StatementParams,
        body: IssueStatementInput,
        response: { 201: StatementView, ...refused },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await issueStatement(app, actorOf(req), req.params.id, req.params.period, { correction: req.body?.correction })),
  );

  server.get(
    '/api/statements/:number',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'An issued statement, exactly as it was issued; ?format=pdf or xlsx answers the file',
        params: StatementNumberParams,
        querystring: StatementQuery,
        response: { 200: StatementAnswer, ...refused },
      },
    },
    async (req, reply) => {
      const s = await getIssuedStatement(app, actorOf(req), req.params.number);
      const format = req.query.format ?? 'json';
      if (format === 'json') return s;
      const file = FILES[format];
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="statement-${req.params.number}.${format}"`)
        .send(await file.write(s));
    },
  );

  server.get(
    '/api/money/due',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'What needs attention: statements of ended periods not issued (late past their due day), MG instalments not paid in full',
        querystring: MoneyDueQuery,
        response: { 200: MoneyDue, 403: ErrorReply },
      },
    },
    async (req) => {
      const on = req.query.today ?? today();
      const items: DueItem[] = await moneyDue(app, actorOf(req), on);
      return { today: on, items };
    },
  );
}
