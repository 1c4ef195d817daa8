/**
 * The accounts section of a document (docs/json-format.md, "accounts") read for the plan: its
 * shape, the contracts it names (in the document or the database), and every record that can be
 * checked without the database (exchange rates, receipts, expenses, payments), by the same rules as
 * manual entry. The terms, revenue reports and statements need the contract as the import's
 * transaction sees it: the writer (services/write/accounts.ts) checks them there.
 */
import { closest } from '../../domain/fuzzy.js';
import type { AccountsDoc, ContractAccountsDoc } from '../../interchange/json/document.js';
import { type Collector, isObject, list } from '../../interchange/json/read.js';
import { checkExchangeRate, checkExpense, checkPayment, checkReceipt } from '../money/ledger.js';
import type { AccountsPlan } from '../write/records.js';

/** The accounts' plan, or undefined when the document has none; issues go to `c`. */
export function planAccounts(doc: unknown, refs: ReadonlySet<string>, c: Collector): AccountsPlan | undefined {
  if (doc === undefined || doc === null) return undefined;
  if (!isObject(doc)) {
    c.add('accounts', 'expected an object with "exchangeRates" and "contracts"');
    return undefined;
  }
  const a = doc as AccountsDoc;
  const rates = list<NonNullable<AccountsDoc['exchangeRates']>[number]>(a, 'exchangeRates', c, 'accounts.exchangeRates')
    .map((r, i) => c.attempt(() => checkExchangeRate(r, `accounts.exchangeRates[${i}].`)))
    .filter((r) => r !== undefined);
  const seen = new Set<string>();
  const contracts: AccountsPlan['contracts'] = [];
  list<ContractAccountsDoc>(a, 'contracts', c, 'accounts.contracts').forEach((k, i) => {
    const f = `accounts.contracts[${i}]`;
    const ref = typeof k.contract === 'string' ? k.contract.trim() : '';
    if (!ref) return c.add(`${f}.contract`, 'name the contract by its ref');
    if (!refs.has(ref)) return c.add(`${f}.contract`, `no contract "${ref}" in the document or the database`, closest(ref, [...refs], 3));
    if (seen.has(ref)) return c.add(`${f}.contract`, `the accounts of "${ref}" are listed twice`);
    seen.add(ref);
    if (k.terms !== undefined && k.terms !== null && !isObject(k.terms)) c.add(`${f}.terms`, 'expected an object');
    const receipts = list<Parameters<typeof checkReceipt>[0]>(k, 'receipts', c, `${f}.receipts`).map((r, j) =>
      c.attempt(() => checkReceipt(r, `${f}.receipts[${j}].`)),
    );
    const expenses = list<Parameters<typeof checkExpense>[0]>(k, 'expenses', c, `${f}.expenses`).map((e, j) =>
      c.attempt(() => checkExpense(e, `${f}.expenses[${j}].`)),
    );
    const payments = list<Parameters<typeof checkPayment>[0]>(k, 'payments', c, `${f}.payments`).map((p, j) =>
      c.attempt(() => checkPayment(p, `${f}.payments[${j}].`)),
    );
    const reports = list<{ report: string; rows: unknown }>(k, 'revenueReports', c, `${f}.revenueReports`);
    reports.forEach((r, j) => {
      if (typeof r.report !== 'string' || !r.report.trim()) c.add(`${f}.revenueReports[${j}].report`, 'name the report ("Neon Q4 2021")');
      list(r, 'rows', c, `${f}.revenueReports[${j}].rows`);
    });
    list(k, 'statements', c, `${f}.statements`);
    contracts.push({
      field: f,
      ref,
      doc: k,
      receipts: receipts.filter((x) => x !== undefined),
      expenses: expenses.filter((x) => x !== undefined),
      payments: payments.filter((x) => x !== undefined),
    });
  });
  return { rates, contracts };
}
