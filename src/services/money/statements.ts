/**
 * Statements: a contract's waterfall for one reporting period, computed on demand from the ledger
 * (Prior | Current | Cumulative, and the amount due), then issued: frozen, numbered, never changed;
 * a correction is a new statement that says which one it corrects. Also what is due, late or unpaid:
 * statements and minimum guarantee instalments.
 */
import type { Kysely } from 'kysely';
import { formatDay, parseDay, type Day } from '../../domain/dates.js';
import { invalid } from '../../domain/errors.js';
import { parseMedia, type MediaSet } from '../../domain/media.js';
import { isSubset } from '../../domain/bitset.js';
import { formatAmount, parseAmount, parseRate, type Amount } from '../../domain/money/amounts.js';
import { convert, type ExchangeRate } from '../../domain/money/exchange.js';
import { instalmentSchedule, type DealEvent } from '../../domain/money/instalments.js';
import { parsePeriod, periodContaining, reportingPeriods, type Period } from '../../domain/money/periods.js';
import { compileTerms, statementFrom, type FinancialTerms, type Figure } from '../../domain/money/statement.js';
import { describeSteps, runThrough, type Expense, type RateRule, type Receipt } from '../../domain/money/waterfall.js';
import { parseTerritories, territorySetFromCodes, type TerritorySet } from '../../domain/territories.js';
import { mediaSetFromIds } from '../../domain/media.js';
import { isUniqueViolation, newId, parseJson, toJson, type Database } from '../../store/index.js';
import type { DueItem, StatementView as ContractStatementView } from '../../contract/money.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import type { MoneyFigure, StatementView } from '../../interchange/statements/view.js';
import { requireFinancials, toInstalment } from './terms.js';

export type { StatementView };

/** The statement the writers lay out is the statement the API declares (src/contract/money.ts), both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statementMatchesContract: Same<StatementView, ContractStatementView> = true;
void statementMatchesContract;

type Db = Kysely<Database>;
type TermsRow = Awaited<ReturnType<typeof termsRow>>;

const dayOf = (iso: string): Day => parseDay(iso);

async function termsRow(db: Db, idOrRef: string) {
  const c = await db
    .selectFrom('contracts as c')
    .innerJoin('contract_terms as t', 't.contract_id', 'c.id')
    .select([
      'c.id',
      'c.ref',
      'c.mg_amount',
      'c.deleted_at',
      't.kind',
      't.currency',
      't.expense_cap',
      't.reserve_rate',
      't.reserve_release_after',
    ])
    .select(['t.reporter_overage_share', 't.frequency', 't.annual_after_years', 't.statement_due_days', 't.reporting_from', 't.pool'])
    .select(['c.licensor_id', 'c.licensee_id'])
    .where((eb) => eb.or([eb('c.id', '=', idOrRef), eb('c.ref', '=', idOrRef)]))
    .executeTakeFirst();
  if (!c || c.deleted_at) {
    const exists = await db
      .selectFrom('contracts')
      .select('ref')
      .where((eb) => eb.or([eb('id', '=', idOrRef), eb('ref', '=', idOrRef)]))
      .executeTakeFirst();
    throw new NotFoundError(exists ? 'financial terms of contract' : 'contract', idOrRef);
  }
  return c;
}

/** The contract's reporting periods from its first day through `through`. */
function periodsOf(t: TermsRow, through: Day): Period[] {
  return reportingPeriods(dayOf(t.reporting_from), through, { frequency: t.frequency, annualAfterYears: t.annual_after_years });
}

function indexOf(periods: readonly Period[], d: Day): number {
  if (d < periods[0].start) return 0;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (periods[mid].start <= d) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts money at the rate of its period: the contract's period, else its quarter, else its year. */
function converter(rates: readonly ExchangeRate[], to: string) {
  return (amount: Amount, from: string, d: Day, contractPeriod: string, field: string): Amount => {
    if (from === to) return amount;
    const keys = [contractPeriod, periodContaining(d, 'quarterly').key, periodContaining(d, 'annual').key];
    const key =
      keys.find((k) => rates.some((r) => r.period === k && ((r.from === from && r.to === to) || (r.from === to && r.to === from)))) ??
      contractPeriod;
    return convert(amount, from, to, key, rates, field);
  };
}

interface Inputs {
  terms: FinancialTerms;
  periods: Period[];
  receipts: Receipt[];
  expenses: Expense[];
  paid: Array<{ period: number; amount: Amount }>;
  pool: string[];
}

/** Everything a statement is computed from, through the end of `through` (the pool's money when the contract is crossed). */
async function inputs(db: Db, t: TermsRow, through: Day): Promise<Inputs> {
  const periods = periodsOf(t, through);
  const pool = t.pool
    ? await db
        .selectFrom('contract_terms as t')
        .innerJoin('contracts as c', 'c.id', 't.contract_id')
        .select(['c.id', 'c.ref', 'c.mg_amount'])
        .where('t.pool', '=', t.pool)
        .where('t.currency', '=', t.currency)
        .where('c.deleted_at', 'is', null)
        .orderBy('c.ref')
        .execute()
    : [{ id: t.id, ref: t.ref, mg_amount: t.mg_amount }];
  const ids = pool.map((p) => p.id);
  const [fees, capRows, rates] = await Promise.all([
    db.selectFrom('fee_rules').selectAll().where('contract_id', '=', t.id).orderBy('position').execute(),
    db.selectFrom('expense_caps').selectAll().where('contract_id', '=', t.id).execute(),
    db.selectFrom('exchange_rates').selectAll().execute(),
  ]);
  const fx = converter(
    rates.map((r) => ({ period: r.period, from: r.from_currency, to: r.to_currency, rate: r.rate })),
    t.currency,
  );
  const ruleSets = fees.map((f) => ({
    media: f.media ? parseMedia(f.media) : null,
    territories: f.territories ? parseTerritories(f.territories) : null,
  }));
  const keysFor = (media: MediaSet, territory: TerritorySet) => ({
    media: ruleSets.flatMap((s, i) => (s.media === null || isSubset(media, s.media) ? [`m${i}`] : [])),
    territory: ruleSets.flatMap((s, i) => (s.territories === null || isSubset(territory, s.territories) ? [`t${i}`] : [])),
  });
  const rules: RateRule[] = fees.map((f, i) => ({
    media: f.media ? `m${i}` : null,
    territory: f.territories ? `t${i}` : null,
    rate: parseRate(f.rate),
    label: f.label,
  }));
  const last = formatDay(through);
  const receipts: Receipt[] = [];
  if (t.kind === 'licence') {
    const lines = await db
      .selectFrom('revenue_lines')
      .selectAll()
      .where('contract_id', 'in', ids)
      .orderBy('period')
      .orderBy('row')
      .execute();
    for (const l of lines) {
      const p = parsePeriod(l.period);
      if (p.start > through) continue;
      const i = indexOf(periods, p.start);
      const keys = keysFor(parseMedia(l.media), parseTerritories(l.territory));
      const amount = fx(BigInt(l.gross), l.currency, p.start, periods[i].key, `revenue ${l.report} row ${l.row}`);
      receipts.push({ period: i, ...keys, amount });
    }
  } else {
    // A mandate's collections: money received under the licences of its titles, and under the mandate itself.
    const titles = db.selectFrom('contract_titles').select('title_id').where('contract_id', 'in', ids);
    const rows = await db
      .selectFrom('receipts as r')
      .innerJoin('contracts as c', 'c.id', 'r.contract_id')
      .select(['r.id', 'r.contract_id', 'r.received_on', 'r.amount', 'r.currency'])
      .where((eb) =>
        eb.or([
          eb('r.contract_id', 'in', ids),
          eb.and([
            eb('c.direction', '=', 'out'),
            eb('c.id', 'in', db.selectFrom('contract_titles').select('contract_id').where('title_id', 'in', titles)),
          ]),
        ]),
      )
      .where('r.received_on', '<=', last)
      .orderBy('r.received_on')
      .orderBy('r.id')
      .execute();
    const blocks = rows.length
      ? await db
          .selectFrom('rights_blocks')
          .select(['contract_id', 'territory_codes', 'media_ids'])
          .where('contract_id', 'in', [...new Set(rows.map((r) => r.contract_id))])
          .execute()
      : [];
    const scope = new Map<string, { media: MediaSet; territory: TerritorySet }>();
    for (const cid of new Set(rows.map((r) => r.contract_id))) {
      const bs = blocks.filter((b) => b.contract_id === cid);
      scope.set(cid, {
        media: mediaSetFromIds([...new Set(bs.flatMap((b) => parseJson(b.media_ids)))]),
        territory: territorySetFromCodes([...new Set(bs.flatMap((b) => parseJson(b.territory_codes)))]),
      });
    }
    for (const r of rows) {
      const d = dayOf(r.received_on);
      const i = indexOf(periods, d);
      const s = scope.get(r.contract_id)!;
      receipts.push({
        period: i,
        ...keysFor(s.media, s.territory),
        amount: fx(BigInt(r.amount), r.currency, d, periods[i].key, `receipt of ${r.received_on}`),
      });
    }
  }
  const expenseRows = await db
    .selectFrom('expenses')
    .selectAll()
    .where('contract_id', 'in', ids)
    .where('spent_on', '<=', last)
    .orderBy('spent_on')
    .orderBy('id')
    .execute();
  const expenses: Expense[] = expenseRows.map((e) => {
    const d = dayOf(e.spent_on);
    const i = indexOf(periods, d);
    return {
      period: i,
      category: e.category,
      recoupable: e.recoupable === 1,
      amount: fx(BigInt(e.amount), e.currency, d, periods[i].key, `expense of ${e.spent_on}`),
    };
  });
  const payments = await db.selectFrom('payments').selectAll().where('contract_id', 'in', ids).where('paid_on', '<=', last).execute();
  const paid = payments.map((p) => {
    const d = dayOf(p.paid_on);
    const i = indexOf(periods, d);
    return { period: i, amount: fx(BigInt(p.amount), p.currency, d, periods[i].key, `payment of ${p.paid_on}`) };
  });
  const caps = Object.fromEntries(capRows.map((c) => [c.category, BigInt(c.cap)]));
  const terms: FinancialTerms = {
    kind: t.kind,
    currency: t.currency,
    reporter: t.kind === 'licence' ? 'licensee' : 'sales agent',
    recipient: t.kind === 'licence' ? 'licensor' : 'producer',
    fees: rules,
    expenseCap: t.expense_cap === null ? null : BigInt(t.expense_cap),
    expenseCategoryCaps: caps,
    // a pool is one waterfall: its contracts' minimum guarantees are recouped together, from all of its money
    advance: pool.every((p) => p.mg_amount === null) ? null : pool.reduce((a, p) => a + BigInt(p.mg_amount ?? 0), 0n),
    reserve: t.reserve_rate === null ? null : { rate: parseRate(t.reserve_rate), releaseAfter: t.reserve_release_after ?? 1 },
    reporterOverageShare: t.reporter_overage_share === null ? null : parseRate(t.reporter_overage_share),
  };
  return { terms, periods, receipts, expenses, paid, pool: pool.map((p) => p.ref) };
}

/** The statement of `periodKey` ("2022-Q1") for a contract, computed now (not issued). */
export async function computeStatement(app: FilmRights, actor: Actor, contract: string, periodKey: string): Promise<StatementView> {
  requireFinancials(actor);
  return compute(app.store.db, contract, periodKey);
}

async function compute(db: Db, contract: string, periodKey: string): Promise<StatementView> {
  const t = await termsRow(db, contract);
  const asked = parsePeriod(periodKey, 'period');
  const first = periodsOf(t, dayOf(t.reporting_from))[0];
  if (asked.end < first.start)
    throw invalid('period', periodKey, `period: ${asked.key} is before the contract's first reporting period (${first.key})`);
  const input = await inputs(db, t, asked.end);
  const n = input.periods.length - 1;
  const p = input.periods[n];
  if (p.key !== asked.key) {
    throw invalid(
      'period',
      periodKey,
      `period: the contract reports ${t.frequency === 'quarterly' ? 'quarterly' : t.frequency}${t.annual_after_years ? ` then annually` : ''}; ${asked.key} is not one of its periods (that time is in ${p.key})`,
    );
  }
  const runs = runThrough(compileTerms(input.terms), input.receipts, input.expenses, n);
  const paidBefore = input.paid.filter((x) => x.period <= n).reduce((a, x) => a + x.amount, 0n);
  const s = statementFrom(input.terms, runs[n], n > 0 ? runs[n - 1] : null, paidBefore);
  const money = (a: Amount) => formatAmount(a, t.currency);
  const fig = (f: Figure): MoneyFigure => ({ prior: money(f.prior), current: money(f.current), cumulative: money(f.cumulative) });
  const names = await db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('id', 'in', [t.licensor_id ?? '', t.licensee_id ?? ''])
    .execute();
  const nameOf = (id: string | null, fallback: string) => names.find((c) => c.id === id)?.name ?? fallback;
  return {
    contract: { id: t.id, ref: t.ref },
    kind: t.kind,
    parties: {
      reporter: nameOf(t.licensee_id, t.kind === 'licence' ? 'the licensee' : 'the sales agent'),
      recipient: nameOf(t.licensor_id, t.kind === 'licence' ? 'the licensor' : 'the producer'),
    },
    period: { key: p.key, start: formatDay(p.start), end: formatDay(p.end) },
    dueOn: formatDay(p.end + t.statement_due_days),
    currency: t.currency,
    steps: describeSteps(compileTerms(input.terms)),
    receipts: fig(s.receipts),
    lines: s.lines.map((l) => ({
      label: l.label,
      kind: l.kind,
      ...fig(l),
      ...(l.parts ? { parts: l.parts.map((x) => ({ label: x.label, ...fig(x) })) } : {}),
      ...(l.outstanding !== undefined ? { outstanding: money(l.outstanding) } : {}),
      ...(l.overCap !== undefined ? { overCap: money(l.overCap) } : {}),
    })),
    earned: fig(s.earned),
    paidBefore: money(s.paidBefore),
    due: money(s.due),
    pool: input.pool,
    issued: null,
  };
}

/**
 * Issues the statement of a period that has ended: frozen as computed now, with the next number.
 * A period already issued needs `correction: true`; the new statement says which one it corrects.
 * `beforeCommit` runs in the transaction once the statement is stored and numbered: when it throws,
 * nothing is issued (the CLI writes the statement's files there).
 */
export async function issueStatement(
  app: FilmRights,
  actor: Actor,
  contract: string,
  periodKey: string,
  opts: { correction?: boolean; today?: string; beforeCommit?: (statement: StatementView) => Promise<void> } = {},
): Promise<StatementView> {
  requireWriter(actor);
  requireFinancials(actor);
  const today = opts.today ? dayOf(opts.today) : Math.floor(Date.now() / 86_400_000);
  for (let attempt = 0; ; attempt++) {
    try {
      return await app.store.transaction(async (trx) => {
        const view = await compute(trx, contract, periodKey);
        if (dayOf(view.period.end) >= today)
          throw invalid(
            'period',
            periodKey,
            `period: ${view.period.key} has not ended yet (it ends ${view.period.end}); a statement is issued after its period`,
          );
        const previous = await trx
          .selectFrom('statements')
          .select(['id', 'number'])
          .where('contract_id', '=', view.contract.id)
          .where('period', '=', view.period.key)
          .orderBy('number', 'desc')
          .executeTakeFirst();
        if (previous && !opts.correction) {
          throw invalid(
            'period',
            periodKey,
            `period: statement no. ${previous.number} was already issued for ${view.period.key}; issue a correction to replace it`,
          );
        }
        const top = await trx
          .selectFrom('statements')
          .select((eb) => eb.fn.max('number').as('n'))
          .executeTakeFirst();
        const number = Number(top?.n ?? 0) + 1;
        const id = newId();
        const issued = { id, number, issuedAt: new Date().toISOString(), corrects: previous?.number ?? null };
        const body = { ...view, issued };
        await trx
          .insertInto('statements')
          .values({
            id,
            number,
            contract_id: view.contract.id,
            period: view.period.key,
            currency: view.currency,
            due: Number(parseAmount(view.due, view.currency)),
            due_on: view.dueOn,
            body: toJson(body),
            corrects_id: previous?.id ?? null,
            issued_by: actor.id,
            issued_at: issued.issuedAt,
          })
          .execute();
        await audit(trx, actor, {
          action: 'issue',
          entity: 'statements',
          entityId: id,
          before: null,
          after: { number, contract: view.contract.ref, period: view.period.key, due: view.due, corrects: issued.corrects },
        });
        await opts.beforeCommit?.(body);
        return body;
      });
    } catch (e) {
      // two statements issued at once took the same number: take the next one
      if (attempt < 3 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

/** An issued statement, exactly as it was issued. */
export async function getIssuedStatement(app: FilmRights, actor: Actor, number: number): Promise<StatementView> {
  requireFinancials(actor);
  const s = await app.store.db.selectFrom('statements').select(['body']).where('number', '=', number).executeTakeFirst();
  if (!s) throw new NotFoundError('statement', String(number));
  return parseJson(s.body) as StatementView;
}

export type { DueItem };

/**
 * What needs attention on `today`: statements of ended periods not issued (late once past their due
 * day), and minimum guarantee instalments not paid in full (overdue past their day; waiting while
 * the event they are due on has no date).
 */
export async function moneyDue(app: FilmRights, actor: Actor, today: string): Promise<DueItem[]> {
  requireFinancials(actor);
  const db = app.store.db;
  const now = dayOf(today);
  const all = await db
    .selectFrom('contract_terms as t')
    .innerJoin('contracts as c', 'c.id', 't.contract_id')
    .select([
      'c.id',
      'c.ref',
      'c.mg_amount',
      'c.mg_currency',
      't.currency',
      't.frequency',
      't.annual_after_years',
      't.statement_due_days',
      't.reporting_from',
    ])
    .where('c.deleted_at', 'is', null)
    .orderBy('c.ref')
    .execute();
  // four reads for every contract at once, grouped here, rather than four per contract
  const [statements, instalments, events, receipts] = await Promise.all([
    db.selectFrom('statements').select(['contract_id', 'period']).execute(),
    db.selectFrom('instalments').selectAll().orderBy('contract_id').orderBy('position').execute(),
    db.selectFrom('deal_events').selectAll().execute(),
    db
      .selectFrom('receipts')
      .select(['contract_id', 'amount', 'currency'])
      .where('kind', '=', 'instalment')
      .where('received_on', '<=', today)
      .orderBy('received_on')
      .orderBy('id')
      .execute(),
  ]);
  const byContract = <R extends { contract_id: string }>(rows: R[]) => {
    const m = new Map<string, R[]>();
    for (const r of rows) m.set(r.contract_id, [...(m.get(r.contract_id) ?? []), r]);
    return m;
  };
  const issuedBy = byContract(statements);
  const instalmentsBy = byContract(instalments);
  const eventsBy = byContract(events);
  const receiptsBy = byContract(receipts);
  const out: DueItem[] = [];
  for (const t of all) {
    const issued = new Set((issuedBy.get(t.id) ?? []).map((r) => r.period));
    const periods = reportingPeriods(dayOf(t.reporting_from), now, { frequency: t.frequency, annualAfterYears: t.annual_after_years });
    for (const p of periods) {
      if (p.end >= now || issued.has(p.key)) continue;
      const dueOn = p.end + t.statement_due_days;
      out.push({
        contract: { id: t.id, ref: t.ref },
        what: 'statement',
        label: `Statement ${p.key}`,
        dueOn: formatDay(dueOn),
        status: dueOn < now ? 'late' : 'due',
        amount: null,
        currency: t.currency,
      });
    }
    const inst = instalmentsBy.get(t.id) ?? [];
    if (!inst.length || t.mg_amount === null || t.mg_currency === null) continue;
    const mgCurrency = t.mg_currency;
    const dates = Object.fromEntries((eventsBy.get(t.id) ?? []).map((e) => [e.event, dayOf(e.happened_on)])) as Partial<
      Record<DealEvent, Day>
    >;
    const paid = (receiptsBy.get(t.id) ?? []).filter((r) => r.currency === mgCurrency).map((r) => BigInt(r.amount));
    for (const d of instalmentSchedule(BigInt(t.mg_amount), inst.map(toInstalment), dates, paid, now)) {
      if (d.status === 'paid') continue;
      out.push({
        contract: { id: t.id, ref: t.ref },
        what: 'instalment',
        label: d.label,
        dueOn: d.dueOn === null ? null : formatDay(d.dueOn),
        status: d.status,
        amount: formatAmount(d.amount - d.paid, mgCurrency),
        currency: mgCurrency,
      });
    }
  }
  return out;
}
