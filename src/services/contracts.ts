/**
 * Contracts: the only way rights change. A write is one transaction: lock the
 * titles it touches, check the proposed rights-out against what is in the
 * store right now (not the in-memory index, which another server may not have
 * refreshed yet), write, append the audit entry, commit; then refresh the
 * index. A collision is refused with the engine's rolled-up explanation unless
 * the user overrides it with a reason, which is recorded.
 */
import type { Kysely } from 'kysely';
import { checkConflicts, type ConflictReport, type ProposedBlock } from '../domain/conflicts.js';
import { unitsToCheck, type BlockScope } from '../domain/series.js';
import { BEGINNING, checkTerm, parseDay, parseEndDay, PERPETUITY } from '../domain/dates.js';
import { DomainError, invalid } from '../domain/errors.js';
import { parseLanguages } from '../domain/languages.js';
import { mediaLeafIds, parseMedia } from '../domain/media.js';
import { parseTerritories, territoryCodes } from '../domain/territories.js';
import {
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  NEGOTIATOR_SIDES,
  newId,
  nowIso,
  parseJson,
  toJson,
  flag,
  type ContractDirection,
  type ContractStatus,
  type Database,
  type Store,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { audit } from './audit.js';
import { requireFinancialWrite, requireWriter, visibleTo } from './access.js';
import { recordRightsChange } from './changeFeed.js';
import { loadTrees, loadUnitRights, resolveDealScopes } from './seriesRights.js';
import { NotFoundError, RightsConflictError, StaleVersionError } from './errors.js';
import { parseMoney } from './money.js';
import { checkCompany, findOrCreateCompanyIn } from './people.js';
import { conflictView, type ConflictReportView, type PartiesLookup } from './views.js';
import { getContract, readContract, type ContractView } from './contracts/view.js';
import { stopwatch, type Stopwatch } from './writeTiming.js';

export { getContract, readContract, type ContractView } from './contracts/view.js';
export { reviewDealSource } from './contracts/review.js';
export { listContracts, type ContractListItem, type ContractListParams, type ContractRights } from './contracts/list.js';
export { auditTrail } from './audit.js';
/** The input shapes of a deal, declared once in the API contract (src/contract/deals.ts). */
export type { BlockInput, HoldbackInput, ContractInput } from '../contract/index.js';
import type { BlockInput, ConditionInput, ContractInput, HoldbackInput } from '../contract/index.js';
import type { Condition } from '../domain/conditions.js';
import { checkConditionInput, conditionRow } from './contracts/conditions.js';

export const NEW_COMPANY_PARTIES = ['licensor', 'licensee', 'salesAgent'] as const;
export type NewCompanyParty = (typeof NEW_COMPANY_PARTIES)[number];

/** A block after validation: the expression as written and the parsed sets. */
interface ParsedBlock {
  titleIds: string[];
  input: BlockInput;
  proposed: ProposedBlock;
  territoryCodes: string[];
  mediaIds: string[];
  startCondition: Condition | null;
  endCondition: Condition | null;
  /** The source does not report the term (a press deal): its end is unknown. */
  termNotReported: boolean;
}

export interface SaveResult {
  contract: ContractView;
  /** Deals in negotiation the saved deal touches: a warning, not a refusal. */
  holds: ConflictReportView['blocks'];
}

const CHECKED_STATUSES: readonly ContractStatus[] = ['offer', 'negotiating', 'signed', 'announced'];

function optionalDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  parseDay(value, field);
  return value;
}

/** A contract after validation: blocks and holdbacks parsed, money in minor units. */
export interface CheckedContract {
  input: ContractInput;
  /** undefined: not given (unchanged on update); null: none. */
  mg: { minor: number; currency: string } | null | undefined;
  blocks: ParsedBlock[];
  holdbacks: Array<{
    titleIds: string[];
    input: HoldbackInput;
    territoryCodes: string[];
    mediaIds: string[];
    startCondition: Condition | null;
    endCondition: Condition | null;
  }>;
}

/**
 * Checks a contract without the database. `f` names the fields in errors, so
 * an import can say "contracts[2].blocks[0].territories".
 */
export function checkContract(input: ContractInput, f: (name: string) => string = (n) => n): CheckedContract {
  if (!CONTRACT_STATUSES.includes(input.status)) {
    throw invalid(f('status'), input.status, `${f('status')}: "${input.status}" is not one of ${CONTRACT_STATUSES.join(', ')}`);
  }
  if (input.direction !== undefined && !CONTRACT_DIRECTIONS.includes(input.direction)) {
    throw invalid(
      f('direction'),
      input.direction,
      `${f('direction')}: "${input.direction}" is not one of ${CONTRACT_DIRECTIONS.join(', ')}`,
    );
  }
  if (!Array.isArray(input.titleIds) || input.titleIds.length === 0)
    throw invalid(f('titleIds'), input.titleIds, `${f('titleIds')}: a contract names at least one title`);
  if (input.override && !input.override.reason?.trim()) {
    throw invalid(f('override.reason'), input.override.reason, `${f('override.reason')}: say why the conflicting deal is saved anyway`);
  }
  optionalDate(input.signedOn, f('signedOn'));
  optionalDate(input.announcedOn, f('announcedOn'));
  optionalDate(input.deliveryDate, f('deliveryDate'));
  const mg = input.mg === undefined ? undefined : input.mg ? parseMoney(input.mg, f('mg')) : null;
  const blocks = (input.blocks ?? []).map((b, i): ParsedBlock => {
    const bf = f(`blocks[${i}]`);
    if (b.titleId !== undefined && !input.titleIds.includes(b.titleId)) {
      throw invalid(`${bf}.titleId`, b.titleId, `${bf}.titleId: the block's title is not one of the contract's titles`);
    }
    const territories = parseTerritories(b.territories ?? '', `${bf}.territories`);
    const media = parseMedia(b.media ?? '', `${bf}.media`);
    const languages = parseLanguages(b.languages ?? null, `${bf}.languages`);
    const startCondition = checkConditionInput(b.startCondition, b.start, `${bf}.startCondition`);
    const endCondition = checkConditionInput(b.endCondition, b.end, `${bf}.endCondition`);
    // a term that follows an event not yet known is checked for conflicts from the day it is saved
    // (an event already past would be recorded) and, with an end that follows an event, for ever
    const start = b.start ? parseDay(b.start, `${bf}.start`) : startCondition ? parseDay(new Date().toISOString().slice(0, 10)) : BEGINNING;
    const end = endCondition ? PERPETUITY : parseEndDay(b.end, `${bf}.end`);
    if (!b.start && startCondition && end < start)
      throw invalid(
        `${bf}.end`,
        b.end,
        `${bf}.end: the window ends on ${b.end}, before today, and its start waits for an event not recorded yet: record the event (a release, a delivery date) or give the start as a date`,
      );
    checkTerm(start, end, bf);
    return {
      titleIds: b.titleId ? [b.titleId] : input.titleIds,
      input: b,
      proposed: { territories, media, languages, start, end, exclusive: b.exclusive ?? true },
      territoryCodes: territoryCodes(territories),
      mediaIds: mediaLeafIds(media),
      startCondition,
      endCondition,
      termNotReported: b.termReported === false && !b.end && !endCondition,
    };
  });
  const holdbacks = (input.holdbacks ?? []).map((h, i) => {
    const hf = f(`holdbacks[${i}]`);
    if (!h.description?.trim()) throw invalid(`${hf}.description`, h.description, `${hf}.description: say what the holdback forbids`);
    if (h.titleId !== undefined && !input.titleIds.includes(h.titleId)) {
      throw invalid(`${hf}.titleId`, h.titleId, `${hf}.titleId: the holdback's title is not one of the contract's titles`);
    }
    const territories = parseTerritories(h.territories ?? '', `${hf}.territories`);
    const media = parseMedia(h.media ?? '', `${hf}.media`);
    const start = h.start ? parseDay(h.start, `${hf}.start`) : BEGINNING;
    const end = parseEndDay(h.end, `${hf}.end`);
    checkTerm(start, end, hf);
    return {
      input: h,
      titleIds: h.titleId ? [h.titleId] : input.titleIds,
      territoryCodes: territoryCodes(territories),
      mediaIds: mediaLeafIds(media),
      startCondition: checkConditionInput(h.startCondition, h.start, `${hf}.startCondition`),
      endCondition: checkConditionInput(h.endCondition, h.end, `${hf}.endCondition`),
    };
  });
  if (input.newCompanies !== undefined && input.newCompanies !== null) {
    if (typeof input.newCompanies !== 'object')
      throw invalid(f('newCompanies'), input.newCompanies, `${f('newCompanies')}: expected {licensor?, licensee?, salesAgent?}`);
    for (const [party, c] of Object.entries(input.newCompanies)) {
      if (!(NEW_COMPANY_PARTIES as readonly string[]).includes(party))
        throw invalid(
          f(`newCompanies.${party}`),
          c,
          `${f(`newCompanies.${party}`)}: not a party of the deal (licensor, licensee, salesAgent)`,
        );
      if (c === undefined || c === null) continue;
      checkCompany(c, (n) => f(`newCompanies.${party}.${n}`));
      const idField = `${party}Id` as 'licensorId' | 'licenseeId' | 'salesAgentId';
      if (input[idField])
        throw invalid(f(idField), input[idField], `${f(idField)}: give either an existing company or a new one, not both`);
    }
  }
  (input.negotiators ?? []).forEach((n, i) => {
    if (!NEGOTIATOR_SIDES.includes(n.side))
      throw invalid(f(`negotiators[${i}].side`), n.side, `${f(`negotiators[${i}].side`)}: "${n.side}" is not licensor or licensee`);
  });
  return { input, mg, blocks, holdbacks };
}

/** Who "we" are, as the transaction sees it. */
export async function weCompanyIn(trx: Kysely<Database>): Promise<string | null> {
  const row = await trx.selectFrom('settings').select('value').where('key', '=', 'we_company_id').executeTakeFirst();
  const v = row ? parseJson(row.value) : null;
  return typeof v === 'string' ? v : null;
}

export function directionFor(input: ContractInput, we: string | null): ContractDirection {
  if (input.direction) return input.direction;
  if (we && input.licenseeId === we) return 'in';
  if (we && input.licensorId === we) return 'out';
  return 'third-party';
}

async function ensureExists(
  trx: Kysely<Database>,
  table: 'titles' | 'companies' | 'people' | 'festival_editions',
  ids: Array<string | null | undefined>,
  field: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string' && x !== ''))];
  if (!wanted.length) return;
  const found = new Set((await trx.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing)
    throw new DomainError('unknown-id', field, missing, `${field}: no ${table.replace(/_/g, ' ').replace(/s$/, '')} with id "${missing}"`);
}

/** Checks a proposed rights-out against the store as it is now (call inside the transaction, after locking). */
/** What a contract write needs to know besides the transaction: names for its explanations. */
export interface ContractContext {
  titleName: (id: string) => string;
  parties: PartiesLookup;
}

/** Checks a proposed rights-out against the store as `trx` sees it (call inside the transaction, after locking). */
async function conflictsInStore(
  ctx: ContractContext,
  trx: Kysely<Database>,
  blocks: ParsedBlock[],
  excludeContractId?: string,
): Promise<ConflictReportView> {
  const titleIds = [...new Set(blocks.flatMap((b) => b.titleIds))];
  // a block on a series or season is checked on every episode it reaches (docs/domain.md)
  const { tree, blocksOf } = await loadUnitRights(trx, titleIds, excludeContractId);
  const scopes = resolveDealScopes(tree, blocks);
  const reports: Array<{ titleId: string; report: ConflictReport; blockIndex: number[] }> = [];
  // one proposed block per block and title it is written on
  const proposed = blocks.flatMap((b, i) => b.titleIds.map((t) => ({ titleId: t, scope: scopes[i].get(t) ?? undefined, block: i })));
  for (const [unit, positions] of unitsToCheck(tree, proposed)) {
    const mine = [...new Set(positions.map((k) => proposed[k].block))].sort((a, b) => a - b);
    const report = checkConflicts(
      unit,
      blocksOf(unit),
      mine.map((i) => blocks[i].proposed),
    );
    reports.push({ titleId: unit, report: withUnknownEnds(report, (k) => blocks[mine[k]].termNotReported), blockIndex: mine });
  }
  return conflictView(reports, ctx.titleName, ctx.parties);
}

/**
 * A block whose term the source did not report is checked from its start for ever (a sale it
 * collides with is a conflict whenever it starts), but our own rights ending before its unknown
 * end is not: that end may come first (docs/domain.md, "A term not reported").
 */
function withUnknownEnds(report: ConflictReport, notReported: (block: number) => boolean): ConflictReport {
  const blocks = report.blocks.map((b) =>
    notReported(b.block) ? { ...b, conflicts: b.conflicts.filter((r) => !r.outcome.reasons.every((x) => x.code === 'expired')) } : b,
  );
  return { blocks, clear: blocks.every((b) => b.conflicts.length === 0) };
}

/** The conflict check on its own, for the deal editor's live panel (reads the store; writes nothing). */
export async function checkProposedDeal(
  app: FilmRights,
  input: { titleIds?: string[]; blocks: BlockInput[]; excludeContractId?: string },
): Promise<ConflictReportView> {
  const titleIds = input.titleIds?.length
    ? input.titleIds
    : [...new Set(input.blocks.map((b) => b.titleId).filter((t): t is string => !!t))];
  const { blocks } = checkContract({ status: 'offer', titleIds, blocks: input.blocks });
  await ensureExists(app.store.db, 'titles', titleIds, 'titleIds');
  // the contracts a conflict names are on these titles or their series: their parties read if not yet
  await app.ensureTitleNames(titleIds);
  return conflictsInStore({ titleName: app.titleName, parties: app.contractParties }, app.store.db, blocks, input.excludeContractId);
}

export type WriteResult =
  | {
      ok: true;
      id: string;
      direction: ContractDirection;
      titleIds: string[];
      holds: ConflictReportView['blocks'];
      /** The contract as written (every field: filter with `visibleTo` before it leaves). */
      after: ContractView;
      /** The change-feed entries the write recorded (for FilmRights.refreshTitles). */
      feedSeqs: number[];
    }
  | { ok: false; report: ConflictReportView };

/**
 * Creates (or, with `id`, replaces) a contract inside the caller's
 * transaction: locks the titles it touches, checks a rights-out deal against
 * the rights in the store as `trx` sees them (so with what this transaction
 * already wrote), writes, and appends the audit entry. A collision is not
 * written unless overridden: the report comes back instead, and the caller
 * decides (saveContract throws; an import collects every problem).
 */
export async function writeContractIn(
  trx: Kysely<Database>,
  store: Store,
  ctx: ContractContext,
  actor: Actor,
  c: CheckedContract,
  opts: {
    id?: string;
    version?: number;
    /** Recorded instead of 'update' (e.g. 'restore'). */
    action?: string;
    reason?: string | null;
    /**
     * The MG is the price a source reports (accepting a press fact as it was
     * extracted), not a figure the actor chose: written whoever accepts. A
     * reviewer's own price edit is refused before it gets here.
     */
    mgFromSource?: boolean;
    /** Where the write's time goes (src/services/writeTiming.ts): laps for sql, lock, check, feed, audit. */
    timing?: Stopwatch;
  } = {},
): Promise<WriteResult> {
  requireWriter(actor);
  const sw = opts.timing;
  if (c.mg !== undefined && !opts.mgFromSource) requireFinancialWrite(actor, ['mg']);
  const input = c.input;
  const id = opts.id;
  let before: ContractView | null = null;
  let oldTitles: string[] = [];
  if (id) {
    oldTitles = (await trx.selectFrom('contract_titles').select('title_id').where('contract_id', '=', id).execute()).map((r) => r.title_id);
  }
  const titleIds = [...new Set([...input.titleIds, ...oldTitles])];
  // the tops of their series too: writes on a series and on its episodes take turns
  const trees = await loadTrees(trx, titleIds);
  sw?.lap('sql');
  await store.lockTitles(trx, [...new Set([...titleIds, ...titleIds.map((t) => trees.root(t))])]);
  sw?.lap('lock');
  await ensureExists(trx, 'titles', input.titleIds, 'titleIds');
  const scopes = resolveDealScopes(await loadTrees(trx, input.titleIds), c.blocks);
  await ensureExists(trx, 'companies', [input.licensorId, input.licenseeId, input.salesAgentId], 'parties');
  await ensureExists(
    trx,
    'people',
    (input.negotiators ?? []).map((n) => n.personId),
    'negotiators.personId',
  );
  await ensureExists(trx, 'festival_editions', [input.editionId], 'editionId');
  if (id) {
    before = await readContract(trx, id);
    if (!before || before.deletedAt) throw new NotFoundError('contract', id);
    if (opts.version !== undefined && opts.version !== before.version)
      throw new StaleVersionError('contract', id, opts.version, before.version);
  }
  const direction = directionFor(input, await weCompanyIn(trx));

  let overridden = false;
  let holds: ConflictReportView['blocks'] = [];
  if (direction === 'out' && CHECKED_STATUSES.includes(input.status) && c.blocks.length) {
    sw?.lap('sql');
    const report = await conflictsInStore(ctx, trx, c.blocks, id);
    sw?.lap('check');
    holds = report.blocks.filter((b) => b.holds.length);
    if (!report.clear) {
      if (!input.override) return { ok: false, report };
      overridden = true;
    }
  }

  const now = nowIso();
  const cid = id ?? newId();
  // Absent means unchanged: an update that does not name the MG keeps the stored one.
  const mg =
    c.mg !== undefined
      ? { mg_amount: c.mg?.minor ?? null, mg_currency: c.mg?.currency ?? null }
      : id
        ? await trx.selectFrom('contracts').select(['mg_amount', 'mg_currency']).where('id', '=', id).executeTakeFirstOrThrow()
        : { mg_amount: null, mg_currency: null };
  const row = {
    ref: input.ref?.trim() || before?.ref || `C-${cid.slice(0, 8).toUpperCase()}`,
    direction,
    licensor_id: input.licensorId ?? null,
    licensee_id: input.licenseeId ?? null,
    sales_agent_id: input.salesAgentId ?? null,
    status: input.status,
    signed_on: input.signedOn || null,
    announced_on: input.announcedOn || null,
    delivery_date: input.deliveryDate || null,
    edition_id: input.editionId ?? null,
    mg_amount: mg.mg_amount,
    mg_currency: mg.mg_currency,
    notes: input.notes ?? null,
    override_reason: input.override?.reason?.trim() || null,
    updated_at: now,
  };
  const dup = await trx.selectFrom('contracts').select('id').where('ref', '=', row.ref).where('id', '!=', cid).executeTakeFirst();
  if (dup) throw invalid('ref', row.ref, `ref: a contract "${row.ref}" already exists`);
  if (id) {
    await trx
      .updateTable('contracts')
      .set({ ...row, version: before!.version + 1 })
      .where('id', '=', id)
      .execute();
    for (const t of ['rights_blocks', 'holdbacks', 'negotiators', 'contract_titles'] as const) {
      await trx.deleteFrom(t).where('contract_id', '=', id).execute();
    }
  } else {
    await trx
      .insertInto('contracts')
      .values({ id: cid, ...row, created_at: now })
      .execute();
  }
  await trx
    .insertInto('contract_titles')
    .values(input.titleIds.map((t) => ({ contract_id: cid, title_id: t })))
    .execute();
  const blockRows = c.blocks.flatMap((b, i) =>
    b.titleIds.map((t) => ({
      id: newId(),
      contract_id: cid,
      title_id: t,
      territories: b.input.territories.trim(),
      territory_codes: toJson(b.territoryCodes),
      media: b.input.media.trim(),
      media_ids: toJson(b.mediaIds),
      languages: b.proposed.languages ? toJson([...b.proposed.languages]) : null,
      start_date: b.input.start || null,
      end_date: b.input.end || null,
      // an end (a date or an event) is a reported term; without one, the source may not report it
      term_reported: flag(!!b.input.end || !!b.endCondition || b.input.termReported !== false),
      exclusive: flag(b.proposed.exclusive),
      notes: null,
      ...scopeRow(scopes[i].get(t) ?? null),
      ...conditionRow(b.startCondition, b.endCondition),
    })),
  );
  if (blockRows.length) await trx.insertInto('rights_blocks').values(blockRows).execute();
  const holdbackRows = c.holdbacks.flatMap((h) =>
    h.titleIds.map((t) => ({
      id: newId(),
      contract_id: cid,
      title_id: t,
      territories: h.input.territories.trim(),
      territory_codes: toJson(h.territoryCodes),
      media: h.input.media.trim(),
      media_ids: toJson(h.mediaIds),
      start_date: h.input.start || null,
      end_date: h.input.end || null,
      description: h.input.description.trim(),
      ...conditionRow(h.startCondition, h.endCondition),
    })),
  );
  if (holdbackRows.length) await trx.insertInto('holdbacks').values(holdbackRows).execute();
  const negotiators = input.negotiators ?? [];
  if (negotiators.length) {
    await trx
      .insertInto('negotiators')
      .values(negotiators.map((n) => ({ contract_id: cid, person_id: n.personId, company_id: n.companyId ?? null, side: n.side })))
      .execute();
  }
  sw?.lap('sql');
  const feedSeqs = await recordRightsChange(trx, titleIds);
  sw?.lap('feed');
  const after = (await readContract(trx, cid))!;
  await audit(trx, actor, {
    action: opts.action ?? (overridden ? 'override' : id ? 'update' : 'create'),
    entity: 'contracts',
    entityId: cid,
    before,
    after,
    reason: overridden ? input.override!.reason.trim() : (opts.reason ?? null),
  });
  sw?.lap('audit');
  return { ok: true, id: cid, direction, titleIds, holds, after, feedSeqs };
}

/** Creates the deal's new parties (found forgivingly first) in the deal's transaction, and names them by id. */
async function withNewCompanies(trx: Kysely<Database>, actor: Actor, c: CheckedContract): Promise<CheckedContract> {
  const fresh = c.input.newCompanies;
  if (!fresh) return c;
  const input = { ...c.input, newCompanies: null };
  for (const party of NEW_COMPANY_PARTIES) {
    const spec = fresh[party];
    if (!spec) continue;
    const checked = checkCompany(spec, (n) => `newCompanies.${party}.${n}`);
    input[`${party}Id`] = (await findOrCreateCompanyIn(trx, actor, checked)).id;
  }
  return { ...c, input };
}

/** Creates or changes one contract in its own transaction; refuses a conflict with RightsConflictError. */
export async function saveContract(app: FilmRights, actor: Actor, input: ContractInput, id?: string): Promise<SaveResult> {
  requireWriter(actor);
  const sw = stopwatch();
  const checked = checkContract(input);
  // the names a conflict report gives (read before the transaction: the store's connection is its)
  await app.ensureTitleNames(input.titleIds);
  const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
  sw.lap('validate');
  try {
    const result = await app.store.transaction(async (trx) => {
      sw.lap('wait');
      const r = await writeContractIn(trx, app.store, ctx, actor, await withNewCompanies(trx, actor, checked), {
        id,
        version: input.version,
        timing: sw,
      });
      if (!r.ok) throw new RightsConflictError(r.report);
      return r;
    });
    sw.lap('commit');
    await app.refreshTitles(result.titleIds, result.feedSeqs);
    sw.lap('index');
    // the contract as the transaction read it back for its audit entry: what was committed
    const contract = visibleTo(actor, result.after);
    sw.lap('answer');
    return { contract, holds: result.holds };
  } finally {
    sw.done('save');
  }
}

export async function deleteContract(app: FilmRights, actor: Actor, id: string, reason?: string): Promise<void> {
  requireWriter(actor);
  let titles: string[] = [];
  await app.store.transaction(async (trx) => {
    const before = await readContract(trx, id);
    if (!before || before.deletedAt) throw new NotFoundError('contract', id);
    titles = before.titles.map((t) => t.id);
    await app.store.lockTitles(trx, titles);
    const now = nowIso();
    await trx
      .updateTable('contracts')
      .set({ deleted_at: now, updated_at: now, version: before.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordRightsChange(trx, titles);
    await audit(trx, actor, { action: 'delete', entity: 'contracts', entityId: id, before, after: null, reason: reason ?? null });
  });
  await app.refreshTitles(titles);
}

/**
 * Brings back a deleted contract as it was when deleted. Its rights are
 * checked again like a new deal's (the right may have been sold since), so a
 * conflicting restore is refused unless overridden with a reason.
 */
export async function restoreContract(app: FilmRights, actor: Actor, id: string, override?: { reason: string }): Promise<SaveResult> {
  requireWriter(actor);
  const deleted = await readContract(app.store.db, id);
  if (!deleted || !deleted.deletedAt) throw new NotFoundError('deleted contract', id);
  // The MG is left as stored (absent means unchanged): restoring writes back no figure of the actor's.
  const { mg: _mg, ...input } = inputOf(deleted, override);
  const checked = checkContract(input);
  await app.ensureTitleNames(input.titleIds);
  const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
  const result = await app.store.transaction(async (trx) => {
    await app.store.lockTitles(trx, input.titleIds);
    await trx.updateTable('contracts').set({ deleted_at: null }).where('id', '=', id).execute();
    // one audit entry: before = the contract as deleted, after = as restored
    const r = await writeContractIn(trx, app.store, ctx, actor, checked, { id, action: 'restore', reason: override?.reason ?? null });
    if (!r.ok) throw new RightsConflictError(r.report);
    return r;
  });
  await app.refreshTitles(result.titleIds);
  return { contract: await getContract(app, actor, id), holds: result.holds };
}

/** The input that would write this contract again. */
export function inputOf(c: ContractView, override?: { reason: string }): ContractInput {
  return {
    ref: c.ref,
    direction: c.direction,
    status: c.status,
    licensorId: c.licensor?.id ?? null,
    licenseeId: c.licensee?.id ?? null,
    salesAgentId: c.salesAgent?.id ?? null,
    titleIds: c.titles.map((t) => t.id),
    blocks: c.blocks.map((b) => ({
      titleId: b.titleId,
      territories: b.territories,
      media: b.media,
      languages: b.languages,
      start: b.start,
      end: b.end,
      exclusive: b.exclusive,
      ...conditionInputs(b),
      ...(b.includesFuture ? {} : { includesFuture: false, covers: b.covers }),
      ...(b.excludes.length ? { excludes: b.excludes } : {}),
    })),
    holdbacks: c.holdbacks.map((h) => ({
      titleId: h.titleId,
      territories: h.territories,
      media: h.media,
      start: h.start,
      end: h.end,
      ...conditionInputs(h),
      description: h.description,
    })),
    negotiators: c.negotiators.map((n) => ({ personId: n.person.id, companyId: n.company?.id ?? null, side: n.side })),
    mg: c.mg ?? null,
    signedOn: c.signedOn,
    announcedOn: c.announcedOn,
    ...(c.deliveryDate ? { deliveryDate: c.deliveryDate } : {}),
    editionId: c.editionId,
    notes: c.notes,
    override: override ?? (c.overrideReason ? { reason: c.overrideReason } : null),
  };
}

/** A viewed block's conditions as the input takes them back (their words left out). */
function conditionInputs(b: { startCondition?: ConditionViewShape | null; endCondition?: ConditionViewShape | null }) {
  const back = (c: ConditionViewShape | null | undefined): ConditionInput | null =>
    c ? { event: c.event, territory: c.territory ?? null, media: c.media ?? null, offset: c.offset, unit: c.unit } : null;
  const start = back(b.startCondition);
  const end = back(b.endCondition);
  return { ...(start ? { startCondition: start } : {}), ...(end ? { endCondition: end } : {}) };
}
type ConditionViewShape = ConditionInput & { label: string };

/** How a block's reach down a series is stored (docs/domain.md). */
function scopeRow(s: BlockScope | null) {
  return {
    includes_future: flag(s?.includesFuture ?? true),
    covers_titles: s && !s.includesFuture ? toJson([...(s.covers ?? [])]) : null,
    excludes_titles: s?.excludes.length ? toJson([...s.excludes]) : null,
  };
}
