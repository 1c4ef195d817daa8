/**
 * The accounts section of a `filmrights/1` document (docs/json-format.md, "accounts"), built from
 * the money tables' rows: each contract's financial terms as PUT /api/contracts/:id/terms takes
 * them, its ledger (receipts, expenses, payments, revenue reports) and its issued statements, and
 * the user's exchange rates. Deterministic (sorted by content, never by id), so export → import into
 * an empty database → export gives the same document.
 */
import type { Selectable } from 'kysely';
import { formatAmount } from '../../domain/money/amounts.js';
import { parseJson, type Database } from '../../store/index.js';
import type { AccountsDoc, ContractAccountsDoc, MoneyEntryDoc, RevenueRowDoc, StatementDoc } from './document.js';
import { compact } from './compact.js';

type Rows<T extends keyof Database> = Array<Selectable<Database[T]>>;

/** The rows of the accounts (the services read them only for users with the financial-terms permission). */
export interface AccountsRows {
  terms: Rows<'contract_terms'>;
  fees: Rows<'fee_rules'>;
  caps: Rows<'expense_caps'>;
  instalments: Rows<'instalments'>;
  events: Rows<'deal_events'>;
  receipts: Rows<'receipts'>;
  expenses: Rows<'expenses'>;
  payments: Rows<'payments'>;
  revenue: Rows<'revenue_lines'>;
  rates: Rows<'exchange_rates'>;
  statements: Rows<'statements'>;
  /** Who issued statements: user id → username. */
  usernames: Map<string, string>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const money = (a: number, currency: string) => formatAmount(BigInt(a), currency);
const entryOrder = (a: MoneyEntryDoc, b: MoneyEntryDoc) =>
  byText(a.on, b.on) || byText(a.currency, b.currency) || byText(a.amount, b.amount) || byText(a.note ?? '', b.note ?? '');

/**
 * The accounts of the contracts in `contractRef` (id → ref: the contracts the document carries),
 * titles named by `titleRef` as the rest of the document names them.
 */
export function buildAccounts(rows: AccountsRows, contractRef: ReadonlyMap<string, string>, titleRef: (id: string) => string): AccountsDoc {
  const of = <T extends { contract_id: string }>(xs: T[], id: string) => xs.filter((x) => x.contract_id === id);
  const ids = new Set([
    ...rows.terms.map((t) => t.contract_id),
    ...[rows.receipts, rows.expenses, rows.payments, rows.revenue, rows.statements].flatMap((xs) => xs.map((x) => x.contract_id)),
  ]);
  const byNumber = new Map(rows.statements.map((s) => [s.id, s.number]));
  const contracts: ContractAccountsDoc[] = [...ids]
    .filter((id) => contractRef.has(id))
    .map((id) => {
      const t = rows.terms.find((x) => x.contract_id === id);
      const events = Object.fromEntries(
        of(rows.events, id)
          .sort((a, b) => byText(a.event, b.event))
          .map((e) => [e.event, e.happened_on]),
      );
      const terms: ContractAccountsDoc['terms'] = t
        ? compact({
            kind: t.kind,
            currency: t.currency,
            fees: of(rows.fees, id)
              .sort((a, b) => a.position - b.position)
              .map((f) => compact({ media: f.media, territories: f.territories, rate: f.rate, label: f.label })),
            expenseCap: t.expense_cap === null ? null : money(t.expense_cap, t.currency),
            expenseCaps: of(rows.caps, id)
              .sort((a, b) => byText(a.category, b.category))
              .map((c) => ({ category: c.category, cap: money(c.cap, t.currency) })),
            reserve: t.reserve_rate === null ? null : { rate: t.reserve_rate, releaseAfter: t.reserve_release_after ?? 1 },
            reporterOverageShare: t.reporter_overage_share,
            frequency: t.frequency,
            annualAfterYears: t.annual_after_years,
            statementDueDays: t.statement_due_days,
            reportingFrom: t.reporting_from,
            pool: t.pool,
            instalments: of(rows.instalments, id)
              .sort((a, b) => a.position - b.position)
              .map((x) =>
                compact({
                  label: x.label,
                  rate: x.rate,
                  amount: x.amount === null ? null : money(x.amount, t.currency),
                  dueOn: x.due_on,
                  dueEvent: x.due_event,
                  dueDays: x.due_days,
                }),
              ),
            ...(Object.keys(events).length ? { events } : {}),
          })
        : null;
      const reports = new Map<string, RevenueRowDoc[]>();
      for (const l of of(rows.revenue, id).sort((a, b) => byText(a.report, b.report) || a.row - b.row || byText(a.period, b.period))) {
        const list = reports.get(l.report) ?? [];
        list.push(
          compact({
            row: l.row,
            period: l.period,
            title: titleRef(l.title_id),
            territory: l.territory,
            media: l.media,
            gross: money(l.gross, l.currency),
            currency: l.currency,
            units: l.units,
          }),
        );
        reports.set(l.report, list);
      }
      const statements: StatementDoc[] = of(rows.statements, id)
        .sort((a, b) => a.number - b.number)
        .map((s) => {
          const body = parseJson(s.body) as Record<string, unknown>;
          // the database's ids are not part of the record: the contract is named by its ref
          const contract = body.contract as { id?: string; ref: string } | undefined;
          return compact({
            number: s.number,
            period: s.period,
            corrects: s.corrects_id ? (byNumber.get(s.corrects_id) ?? null) : null,
            issuedAt: s.issued_at,
            issuedBy: s.issued_by ? (rows.usernames.get(s.issued_by) ?? null) : null,
            body: {
              ...body,
              contract: { ref: contract?.ref ?? contractRef.get(id) },
              ...(body.issued && typeof body.issued === 'object' ? { issued: withoutId(body.issued) } : {}),
            },
          });
        });
      return compact({
        contract: contractRef.get(id)!,
        terms,
        receipts: of(rows.receipts, id)
          .map((r) => compact({ on: r.received_on, amount: money(r.amount, r.currency), currency: r.currency, kind: r.kind, note: r.note }))
          .sort(entryOrder),
        expenses: of(rows.expenses, id)
          .map((e) =>
            compact({
              on: e.spent_on,
              amount: money(e.amount, e.currency),
              currency: e.currency,
              category: e.category,
              recoupable: e.recoupable === 1,
              note: e.note,
            }),
          )
          .sort((a, b) => entryOrder(a, b) || byText(a.category, b.category)),
        payments: of(rows.payments, id)
          .map((p) => compact({ on: p.paid_on, amount: money(p.amount, p.currency), currency: p.currency, note: p.note }))
          .sort(entryOrder),
        revenueReports: [...reports].map(([report, list]) => ({ report, rows: list })),
        statements,
      });
    })
    .sort((a, b) => byText(a.contract, b.contract));
  const exchangeRates = rows.rates
    .map((r) => ({ period: r.period, from: r.from_currency, to: r.to_currency, rate: r.rate }))
    .sort((a, b) => byText(a.period, b.period) || byText(a.from, b.from) || byText(a.to, b.to));
  return compact({ exchangeRates, contracts });
}

function withoutId(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'id'));
}
