/**
 * A contract's financial terms: read, set (whole, checked, one transaction with its audit entry),
 * and compiled into the domain's waterfall. All of it is confidential: only users with the
 * financial-terms permission read or write it.
 */
import type { Kysely } from 'kysely';
import { isCalendarDate } from '../../domain/dates.js';
import { invalid } from '../../domain/errors.js';
import { parseMedia } from '../../domain/media.js';
import { currencyCode, formatAmount, parseAmount, parseRate, rateText, type Amount } from '../../domain/money/amounts.js';
import { checkInstalments, DEAL_EVENTS, type DealEvent, type Instalment } from '../../domain/money/instalments.js';
import { FREQUENCIES } from '../../domain/money/periods.js';
import { parseTerritories } from '../../domain/territories.js';
import type { Database } from '../../store/index.js';
import type { FeeRuleInput, InstalmentInput, TermsInput, TermsView } from '../../contract/money.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../errors.js';

export type { FeeRuleInput, InstalmentInput, TermsInput, TermsView };

/** The accounts are confidential as a whole: reading or writing any of it needs the financial-terms permission. */
export function requireFinancials(actor: Actor): void {
  if (!actor.canSeeFinancials) {
    throw new ForbiddenError(`${actor.username} does not have the financial-terms permission, so may not see or change the accounts`);
  }
}

const LABEL_MAX = 200;

function day(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw invalid(field, value, `${field}: "${String(value)}" is not a date as YYYY-MM-DD`);
  return value;
}

function whole(value: unknown, field: string, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    throw invalid(field, value, `${field}: a whole number from ${lo} to ${hi}`);
  }
  return value;
}

function minor(a: Amount, field: string): number {
  if (a > BigInt(Number.MAX_SAFE_INTEGER) || a < -BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(field, String(a), `${field}: too large`);
  return Number(a);
}

/** Checks the whole input against the contract; every error names its field. */
function checkTerms(input: TermsInput, contract: { mg_amount: number | null; mg_currency: string | null; signed_on: string | null }) {
  if (input.kind !== 'licence' && input.kind !== 'mandate') throw invalid('kind', input.kind, 'kind: "licence" or "mandate"');
  const currency = currencyCode(input.currency);
  if (!FREQUENCIES.includes(input.frequency)) throw invalid('frequency', input.frequency, `frequency: one of ${FREQUENCIES.join(', ')}`);
  const fees = input.fees.map((f, i) => {
    const at = `fees[${i}]`;
    const media = f.media?.trim() || null;
    const territories = f.territories?.trim() || null;
    if (media) parseMedia(media, `${at}.media`);
    if (territories) parseTerritories(territories, `${at}.territories`);
    const rate = parseRate(f.rate, `${at}.rate`);
    const label = (f.label?.trim() || [media ?? 'all media', territories ?? 'everywhere'].join(', ')).slice(0, LABEL_MAX);
    return { position: i, media, territories, rate: rateText(rate), label };
  });
  const expenseCap =
    input.expenseCap == null || input.expenseCap === '' ? null : minor(parseAmount(input.expenseCap, currency, 'expenseCap'), 'expenseCap');
  if (expenseCap !== null && expenseCap < 0) throw invalid('expenseCap', input.expenseCap, 'expenseCap: may not be negative');
  const seen = new Set<string>();
  const caps = (input.expenseCaps ?? []).map((c, i) => {
    const category = c.category.trim();
    if (!category) throw invalid(`expenseCaps[${i}].category`, c.category, `expenseCaps[${i}].category: name the category`);
    if (seen.has(category.toLowerCase()))
      throw invalid(`expenseCaps[${i}].category`, c.category, `expenseCaps[${i}].category: "${category}" is capped twice`);
    seen.add(category.toLowerCase());
    const cap = minor(parseAmount(c.cap, currency, `expenseCaps[${i}].cap`), `expenseCaps[${i}].cap`);
    if (cap < 0) throw invalid(`expenseCaps[${i}].cap`, c.cap, `expenseCaps[${i}].cap: may not be negative`);
    return { category, cap };
  });
  const reserve = input.reserve
    ? {
        rate: rateText(parseRate(input.reserve.rate, 'reserve.rate')),
        releaseAfter: whole(input.reserve.releaseAfter, 'reserve.releaseAfter', 1, 40),
      }
    : null;
  const share = input.reporterOverageShare ? rateText(parseRate(input.reporterOverageShare, 'reporterOverageShare')) : null;
  const annualAfterYears = input.annualAfterYears == null ? null : whole(input.annualAfterYears, 'annualAfterYears', 1, 50);
  const statementDueDays = input.statementDueDays == null ? 45 : whole(input.statementDueDays, 'statementDueDays', 0, 365);
  const reportingFrom = input.reportingFrom ? day(input.reportingFrom, 'reportingFrom') : contract.signed_on;
  if (!reportingFrom)
    throw invalid('reportingFrom', null, 'reportingFrom: the contract has no signature date: give the day reporting starts');
  const pool = input.pool?.trim() || null;

  const mg = contract.mg_amount === null ? null : BigInt(contract.mg_amount);
  if (mg !== null && contract.mg_currency !== currency) {
    throw invalid(
      'currency',
      input.currency,
      `currency: the minimum guarantee is in ${contract.mg_currency}; the statements must be in the same currency`,
    );
  }
  const instalments = (input.instalments ?? []).map((x, i) => {
    const at = `instalments[${i}]`;
    if (!x.label?.trim()) throw invalid(`${at}.label`, x.label, `${at}.label: name the instalment ("On signature")`);
    if ((x.rate == null) === (x.amount == null))
      throw invalid(`${at}.rate`, x.rate, `${at}: give either a rate (a share of the MG) or an amount`);
    if ((x.dueOn == null) === (x.dueEvent == null))
      throw invalid(`${at}.dueOn`, x.dueOn, `${at}: give either a due date or the event it is due on`);
    if (x.dueEvent != null && !DEAL_EVENTS.includes(x.dueEvent))
      throw invalid(`${at}.dueEvent`, x.dueEvent, `${at}.dueEvent: one of ${DEAL_EVENTS.join(', ')}`);
    return {
      position: i,
      label: x.label.trim().slice(0, LABEL_MAX),
      rate: x.rate == null ? null : rateText(parseRate(x.rate, `${at}.rate`)),
      amount: x.amount == null ? null : minor(parseAmount(x.amount, currency, `${at}.amount`), `${at}.amount`),
      due_on: x.dueOn == null ? null : day(x.dueOn, `${at}.dueOn`),
      due_event: x.dueEvent ?? null,
      due_days: x.dueDays == null ? null : whole(x.dueDays, `${at}.dueDays`, 0, 3650),
    };
  });
  if (instalments.length) {
    if (mg === null)
      throw invalid('instalments', instalments.length, 'instalments: the contract has no minimum guarantee to pay in instalments');
    checkInstalments(mg, instalments.map(toInstalment));
  }
  const events: Array<{ event: DealEvent; happened_on: string }> = [];
  for (const [event, on] of Object.entries(input.events ?? {})) {
    if (!DEAL_EVENTS.includes(event as DealEvent))
      throw invalid(`events.${event}`, event, `events.${event}: one of ${DEAL_EVENTS.join(', ')}`);
    if (on != null) events.push({ event: event as DealEvent, happened_on: day(on, `events.${event}`) });
  }
  return {
    kind: input.kind,
    currency,
    fees,
    expenseCap,
    caps,
    reserve,
    share,
    annualAfterYears,
    statementDueDays,
    reportingFrom,
    pool,
    instalments,
    events,
  };
}

export function toInstalment(x: {
  label: string;
  rate: string | null;
  amount: number | null;
  due_on: string | null;
  due_event: DealEvent | null;
  due_days: number | null;
}): Instalment {
  return {
    label: x.label,
    share: x.rate !== null ? { rate: parseRate(x.rate) } : { amount: BigInt(x.amount ?? 0) },
    due:
      x.due_on !== null
        ? { day: Math.floor(Date.parse(`${x.due_on}T00:00:00Z`) / 86_400_000) }
        : { event: x.due_event ?? 'signature', days: x.due_days ?? undefined },
  };
}

async function contractRow(db: Kysely<Database>, idOrRef: string) {
  const c = await db
    .selectFrom('contracts')
    .select(['id', 'ref', 'direction', 'mg_amount', 'mg_currency', 'signed_on', 'licensor_id', 'licensee_id', 'deleted_at'])
    .where((eb) => eb.or([eb('id', '=', idOrRef), eb('ref', '=', idOrRef)]))
    .executeTakeFirst();
  if (!c || c.deleted_at) throw new NotFoundError('contract', idOrRef);
  return c;
}

/** Sets a contract's financial terms whole (fees, caps, instalments and events replace what was there). */
export async function setTerms(app: FilmRights, actor: Actor, contractIdOrRef: string, input: TermsInput): Promise<TermsView> {
  requireWriter(actor);
  requireFinancials(actor);
  const id = await app.store.transaction((trx) => writeTermsIn(trx, actor, contractIdOrRef, input));
  return (await readTerms(app.store.db, id))!;
}

/**
 * Checks and sets a contract's terms inside the caller's transaction (the caller checked the
 * permissions): setTerms, and the JSON import's accounts. Returns the contract's id.
 */
export async function writeTermsIn(trx: Kysely<Database>, actor: Actor, contractIdOrRef: string, input: TermsInput): Promise<string> {
  const c = await contractRow(trx, contractIdOrRef);
  const t = checkTerms(input, c);
  const before = await readTerms(trx, c.id);
  if (input.version !== undefined && before && before.version !== input.version) {
    throw new StaleVersionError('terms', c.ref, input.version, before.version);
  }
  const row = {
    kind: t.kind,
    currency: t.currency,
    expense_cap: t.expenseCap,
    reserve_rate: t.reserve?.rate ?? null,
    reserve_release_after: t.reserve?.releaseAfter ?? null,
    reporter_overage_share: t.share,
    frequency: input.frequency,
    annual_after_years: t.annualAfterYears,
    statement_due_days: t.statementDueDays,
    reporting_from: t.reportingFrom,
    pool: t.pool,
    updated_at: new Date().toISOString(),
  };
  if (before) {
    await trx
      .updateTable('contract_terms')
      .set({ ...row, version: before.version + 1 })
      .where('contract_id', '=', c.id)
      .execute();
  } else
    await trx
      .insertInto('contract_terms')
      .values({ contract_id: c.id, ...row })
      .execute();
  for (const table of ['fee_rules', 'expense_caps', 'instalments'] as const)
    await trx.deleteFrom(table).where('contract_id', '=', c.id).execute();
  await trx.deleteFrom('deal_events').where('contract_id', '=', c.id).execute();
  if (t.fees.length)
    await trx
      .insertInto('fee_rules')
      .values(t.fees.map((f) => ({ contract_id: c.id, ...f })))
      .execute();
  if (t.caps.length)
    await trx
      .insertInto('expense_caps')
      .values(t.caps.map((x) => ({ contract_id: c.id, ...x })))
      .execute();
  if (t.instalments.length)
    await trx
      .insertInto('instalments')
      .values(t.instalments.map((x) => ({ contract_id: c.id, ...x })))
      .execute();
  if (t.events.length)
    await trx
      .insertInto('deal_events')
      .values(t.events.map((x) => ({ contract_id: c.id, ...x })))
      .execute();
  await audit(trx, actor, {
    action: before ? 'update' : 'create',
    entity: 'contract_terms',
    entityId: c.id,
    before,
    after: await readTerms(trx, c.id),
  });
  return c.id;
}

/** A contract's terms, or null while it has none yet (an unknown contract is a NotFoundError). */
export async function getTerms(app: FilmRights, actor: Actor, contractIdOrRef: string): Promise<TermsView | null> {
  requireFinancials(actor);
  const c = await contractRow(app.store.db, contractIdOrRef);
  return readTerms(app.store.db, c.id);
}

export async function readTerms(db: Kysely<Database>, contractId: string): Promise<TermsView | null> {
  const t = await db.selectFrom('contract_terms').selectAll().where('contract_id', '=', contractId).executeTakeFirst();
  if (!t) return null;
  const [fees, caps, instalments, events, contract] = await Promise.all([
    db.selectFrom('fee_rules').selectAll().where('contract_id', '=', contractId).orderBy('position').execute(),
    db.selectFrom('expense_caps').selectAll().where('contract_id', '=', contractId).orderBy('category').execute(),
    db.selectFrom('instalments').selectAll().where('contract_id', '=', contractId).orderBy('position').execute(),
    db.selectFrom('deal_events').selectAll().where('contract_id', '=', contractId).orderBy('event').execute(),
    db.selectFrom('contracts').select(['mg_amount', 'mg_currency']).where('id', '=', contractId).executeTakeFirstOrThrow(),
  ]);
  const money = (a: number) => formatAmount(BigInt(a), t.currency);
  return {
    contractId,
    kind: t.kind,
    currency: t.currency,
    fees: fees.map((f) => ({ media: f.media, territories: f.territories, rate: f.rate, label: f.label })),
    expenseCap: t.expense_cap === null ? null : money(t.expense_cap),
    expenseCaps: caps.map((c) => ({ category: c.category, cap: money(c.cap) })),
    reserve: t.reserve_rate === null ? null : { rate: t.reserve_rate, releaseAfter: t.reserve_release_after ?? 1 },
    reporterOverageShare: t.reporter_overage_share,
    frequency: t.frequency,
    annualAfterYears: t.annual_after_years,
    statementDueDays: t.statement_due_days,
    reportingFrom: t.reporting_from,
    pool: t.pool,
    mg:
      contract.mg_amount === null || contract.mg_currency === null
        ? null
        : { amount: formatAmount(BigInt(contract.mg_amount), contract.mg_currency), currency: contract.mg_currency },
    instalments: instalments.map((x) => ({
      label: x.label,
      rate: x.rate,
      amount: x.amount === null ? null : money(x.amount),
      dueOn: x.due_on,
      dueEvent: x.due_event,
      dueDays: x.due_days,
    })),
    events: Object.fromEntries(events.map((e) => [e.event, e.happened_on])),
    version: t.version,
  };
}
