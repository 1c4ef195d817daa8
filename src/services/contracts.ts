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
import { BEGINNING, checkTerm, parseDay, parseEndDay } from '../domain/dates.js';
import { DomainError, invalid } from '../domain/errors.js';
import { parseLanguages } from '../domain/languages.js';
import { mediaLabel, mediaLeafIds, mediaSetFromIds, parseMedia } from '../domain/media.js';
import { parseTerritories, territoryCodes, territoryLabel, territorySetFromCodes } from '../domain/territories.js';
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
  type NegotiatorSide,
  type Store,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { audit } from './audit.js';
import { requireFinancialWrite, requireWriter, visibleTo } from './access.js';
import { recordRightsChange } from './changeFeed.js';
import { loadEngineBlocks } from './engineBlocks.js';
import { NotFoundError, RightsConflictError, StaleVersionError } from './errors.js';
import { optionalOneOf } from './lookup.js';
import { formatMoney, parseMoney, type Money } from './money.js';
import { checkCompany, findOrCreateCompanyIn } from './people.js';
import { conflictView, type ConflictReportView, type PartiesLookup } from './views.js';
import type { BlockInput, HoldbackInput, ContractInput, ContractListParams } from '../contract/index.js';
export type { BlockInput, HoldbackInput, ContractInput, ContractListParams } from '../contract/index.js';

export const NEW_COMPANY_PARTIES = ['licensor', 'licensee', 'salesAgent'] as const;
export type NewCompanyParty = (typeof NEW_COMPANY_PARTIES)[number];

/** A block after validation: the expression as written and the parsed sets. */
interface ParsedBlock {
  titleIds: string[];
  input: BlockInput;
  proposed: ProposedBlock;
  territoryCodes: string[];
  mediaIds: string[];
}

export interface ContractView {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: { id: string; name: string } | null;
  licensee: { id: string; name: string } | null;
  salesAgent: { id: string; name: string } | null;
  titles: Array<{ id: string; name: string }>;
  blocks: Array<{
    id: string;
    titleId: string;
    territories: string;
    territoryCodes: string[];
    territoryLabel: string;
    media: string;
    mediaIds: string[];
    mediaLabel: string;
    languages: string[] | null;
    start: string | null;
    end: string | null;
    exclusive: boolean;
  }>;
  holdbacks: Array<{
    id: string;
    titleId: string;
    territories: string;
    territoryCodes: string[];
    media: string;
    mediaIds: string[];
    start: string | null;
    end: string | null;
    description: string;
  }>;
  negotiators: Array<{ person: { id: string; name: string }; company: { id: string; name: string } | null; side: NegotiatorSide }>;
  mg?: Money | null;
  signedOn: string | null;
  announcedOn: string | null;
  editionId: string | null;
  notes: string | null;
  overrideReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
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
  holdbacks: Array<{ titleIds: string[]; input: HoldbackInput; territoryCodes: string[]; mediaIds: string[] }>;
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
  const mg = input.mg === undefined ? undefined : input.mg ? parseMoney(input.mg, f('mg')) : null;
  const blocks = (input.blocks ?? []).map((b, i): ParsedBlock => {
    const bf = f(`blocks[${i}]`);
    if (b.titleId !== undefined && !input.titleIds.includes(b.titleId)) {
      throw invalid(`${bf}.titleId`, b.titleId, `${bf}.titleId: the block's title is not one of the contract's titles`);
    }
    const territories = parseTerritories(b.territories ?? '', `${bf}.territories`);
    const media = parseMedia(b.media ?? '', `${bf}.media`);
    const languages = parseLanguages(b.languages ?? null, `${bf}.languages`);
    const start = b.start ? parseDay(b.start, `${bf}.start`) : BEGINNING;
    const end = parseEndDay(b.end, `${bf}.end`);
    checkTerm(start, end, bf);
    return {
      titleIds: b.titleId ? [b.titleId] : input.titleIds,
      input: b,
      proposed: { territories, media, languages, start, end, exclusive: b.exclusive ?? true },
      territoryCodes: territoryCodes(territories),
      mediaIds: mediaLeafIds(media),
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
  const current = await loadEngineBlocks(trx, titleIds, excludeContractId);
  const reports: Array<{ titleId: string; report: ConflictReport; blockIndex: number[] }> = [];
  for (const titleId of titleIds) {
    const mine = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.titleIds.includes(titleId));
    if (!mine.length) continue;
    reports.push({
      titleId,
      report: checkConflicts(
        titleId,
        current.get(titleId) ?? [],
        mine.map(({ b }) => b.proposed),
      ),
      blockIndex: mine.map(({ i }) => i),
    });
  }
  return conflictView(reports, ctx.titleName, ctx.parties);
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
  return conflictsInStore({ titleName: app.titleName, parties: app.contractParties }, app.store.db, blocks, input.excludeContractId);
}

export type WriteResult =
  | { ok: true; id: string; direction: ContractDirection; titleIds: string[]; holds: ConflictReportView['blocks'] }
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
  } = {},
): Promise<WriteResult> {
  requireWriter(actor);
  if (c.mg !== undefined && !opts.mgFromSource) requireFinancialWrite(actor, ['mg']);
  const input = c.input;
  const id = opts.id;
  let before: ContractView | null = null;
  let oldTitles: string[] = [];
  if (id) {
    oldTitles = (await trx.selectFrom('contract_titles').select('title_id').where('contract_id', '=', id).execute()).map((r) => r.title_id);
  }
  const titleIds = [...new Set([...input.titleIds, ...oldTitles])];
  await store.lockTitles(trx, titleIds);
  await ensureExists(trx, 'titles', input.titleIds, 'titleIds');
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
    const report = await conflictsInStore(ctx, trx, c.blocks, id);
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
  const blockRows = c.blocks.flatMap((b) =>
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
      exclusive: flag(b.proposed.exclusive),
      notes: null,
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
  await recordRightsChange(trx, titleIds);
  const after = await readContract(trx, cid);
  await audit(trx, actor, {
    action: opts.action ?? (overridden ? 'override' : id ? 'update' : 'create'),
    entity: 'contracts',
    entityId: cid,
    before,
    after,
    reason: overridden ? input.override!.reason.trim() : (opts.reason ?? null),
  });
  return { ok: true, id: cid, direction, titleIds, holds };
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
  const checked = checkContract(input);
  const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
  const result = await app.store.transaction(async (trx) => {
    const r = await writeContractIn(trx, app.store, ctx, actor, await withNewCompanies(trx, actor, checked), {
      id,
      version: input.version,
    });
    if (!r.ok) throw new RightsConflictError(r.report);
    return r;
  });
  await app.refreshTitles(result.titleIds);
  return { contract: await getContract(app, actor, result.id), holds: result.holds };
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

export async function getContract(app: FilmRights, actor: Actor, id: string): Promise<ContractView> {
  const c = await readContract(app.store.db, id);
  if (!c || c.deletedAt) throw new NotFoundError('contract', id);
  return visibleTo(actor, c);
}

/** Reads a contract with its blocks, holdbacks, negotiators and MG (every field: filter with `visibleTo` before it leaves). */
export async function readContract(db: Kysely<Database>, id: string): Promise<ContractView | null> {
  const c = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const companyIds = [c.licensor_id, c.licensee_id, c.sales_agent_id].filter((x): x is string => !!x);
  const negotiators = await db
    .selectFrom('negotiators as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .leftJoin('companies as co', 'co.id', 'n.company_id')
    .select(['p.id as person_id', 'p.name as person_name', 'co.id as company_id', 'co.name as company_name', 'n.side'])
    .where('n.contract_id', '=', id)
    .orderBy('n.side')
    .orderBy('p.name')
    .execute();
  const companies = companyIds.length
    ? await db.selectFrom('companies').select(['id', 'name']).where('id', 'in', companyIds).execute()
    : [];
  const company = (cid: string | null) => {
    const found = cid ? companies.find((x) => x.id === cid) : undefined;
    return found ? { id: found.id, name: found.name } : null;
  };
  const titles = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('titles as t', 't.id', 'ct.title_id')
    .select(['t.id', 't.original_title', 't.english_title'])
    .where('ct.contract_id', '=', id)
    .orderBy('t.original_title')
    .execute();
  const blocks = await db.selectFrom('rights_blocks').selectAll().where('contract_id', '=', id).orderBy('title_id').orderBy('id').execute();
  const holdbacks = await db.selectFrom('holdbacks').selectAll().where('contract_id', '=', id).orderBy('title_id').orderBy('id').execute();
  const view: ContractView = {
    id: c.id,
    ref: c.ref,
    direction: c.direction,
    status: c.status,
    licensor: company(c.licensor_id),
    licensee: company(c.licensee_id),
    salesAgent: company(c.sales_agent_id),
    titles: titles.map((t) => ({ id: t.id, name: t.english_title ?? t.original_title })),
    blocks: blocks
      .map((b) => {
        const codes = parseJson(b.territory_codes);
        const ids = parseJson(b.media_ids);
        return {
          id: b.id,
          titleId: b.title_id,
          territories: b.territories,
          territoryCodes: codes,
          territoryLabel: territoryLabel(territorySetFromCodes(codes, 'territory_codes')),
          media: b.media,
          mediaIds: ids,
          mediaLabel: mediaLabel(mediaSetFromIds(ids, 'media_ids')),
          languages: parseJson(b.languages),
          start: b.start_date,
          end: b.end_date,
          exclusive: b.exclusive === 1,
        };
      })
      .sort(
        (a, b) =>
          (a.start ?? '').localeCompare(b.start ?? '') || a.titleId.localeCompare(b.titleId) || a.territories.localeCompare(b.territories),
      ),
    holdbacks: holdbacks.map((h) => ({
      id: h.id,
      titleId: h.title_id,
      territories: h.territories,
      territoryCodes: parseJson(h.territory_codes),
      media: h.media,
      mediaIds: parseJson(h.media_ids),
      start: h.start_date,
      end: h.end_date,
      description: h.description,
    })),
    negotiators: negotiators.map((n) => ({
      person: { id: n.person_id, name: n.person_name },
      company: n.company_id ? { id: n.company_id, name: n.company_name ?? '' } : null,
      side: n.side,
    })),
    signedOn: c.signed_on,
    announcedOn: c.announced_on,
    editionId: c.edition_id,
    notes: c.notes,
    overrideReason: c.override_reason,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    deletedAt: c.deleted_at,
  };
  view.mg = c.mg_amount !== null && c.mg_currency ? formatMoney(Number(c.mg_amount), c.mg_currency) : null;
  return view;
}

/** One distinct grant of a listed contract (blocks that differ only by title are one). */
export interface ContractRights {
  /** "North America"; null when the record names no territory. */
  territoryLabel: string | null;
  mediaLabel: string | null;
  /** Null: not stated. */
  start: string | null;
  /** Null: perpetuity. */
  end: string | null;
  exclusive: boolean;
}

export interface ContractListItem {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: string | null;
  licensee: string | null;
  titles: string[];
  /** What it grants, grant by grant, in the order recorded; empty when no rights block is recorded. */
  rights: ContractRights[];
  /** The minimum guarantee; only for users who may see financial terms (absent otherwise). */
  mg?: Money | null;
  signedOn: string | null;
  announcedOn: string | null;
  updatedAt: string;
  /** Set on deleted contracts (listed with `deleted: true`). */
  deletedAt: string | null;
}

/** The distinct grants of each contract, from its rights blocks (labels computed once per distinct set). */
async function rightsOf(db: Kysely<Database>, contractIds: string[]): Promise<Map<string, ContractRights[]>> {
  const out = new Map<string, ContractRights[]>();
  if (!contractIds.length) return out;
  const territoryLabels = new Map<string, string | null>();
  const mediaLabels = new Map<string, string | null>();
  const seen = new Set<string>();
  for (let i = 0; i < contractIds.length; i += 500) {
    const blocks = await db
      .selectFrom('rights_blocks')
      .select(['id', 'contract_id', 'territory_codes', 'media_ids', 'start_date', 'end_date', 'exclusive'])
      .where('contract_id', 'in', contractIds.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const b of blocks) {
      const k = `${b.contract_id}|${b.territory_codes}|${b.media_ids}|${b.start_date}|${b.end_date}|${b.exclusive}`;
      if (seen.has(k)) continue;
      seen.add(k);
      let territory = territoryLabels.get(b.territory_codes);
      if (territory === undefined) {
        const codes = parseJson(b.territory_codes);
        territoryLabels.set(
          b.territory_codes,
          (territory = codes.length ? territoryLabel(territorySetFromCodes(codes, 'territory_codes')) : null),
        );
      }
      let media = mediaLabels.get(b.media_ids);
      if (media === undefined) {
        const ids = parseJson(b.media_ids);
        mediaLabels.set(b.media_ids, (media = ids.length ? mediaLabel(mediaSetFromIds(ids, 'media_ids')) : null));
      }
      let list = out.get(b.contract_id);
      if (!list) out.set(b.contract_id, (list = []));
      list.push({ territoryLabel: territory, mediaLabel: media, start: b.start_date, end: b.end_date, exclusive: b.exclusive === 1 });
    }
  }
  return out;
}

/**
 * Contracts, newest first, filtered by status, direction, title or company
 * (either side), with what each grants (territories, media, term) and, for
 * an actor who may see financial terms, its minimum guarantee.
 */
export async function listContracts(
  app: FilmRights,
  params: ContractListParams = {},
  actor?: Actor,
): Promise<{ items: ContractListItem[]; total: number; page: number; pageSize: number }> {
  const status = optionalOneOf(params.status, CONTRACT_STATUSES, 'status');
  const direction = optionalOneOf(params.direction, CONTRACT_DIRECTIONS, 'direction');
  let query = app.store.db
    .selectFrom('contracts as c')
    .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
    .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
    .select([
      'c.id',
      'c.ref',
      'c.direction',
      'c.status',
      'lor.name as licensor',
      'lee.name as licensee',
      'c.signed_on',
      'c.announced_on',
      'c.updated_at',
      'c.deleted_at',
      'c.mg_amount',
      'c.mg_currency',
    ])
    .where('c.deleted_at', params.deleted ? 'is not' : 'is', null);
  if (status) query = query.where('c.status', '=', status);
  if (direction) query = query.where('c.direction', '=', direction);
  if (params.company)
    query = query.where((eb) =>
      eb.or([
        eb('c.licensor_id', '=', params.company!),
        eb('c.licensee_id', '=', params.company!),
        eb('c.sales_agent_id', '=', params.company!),
      ]),
    );
  if (params.title)
    query = query.where(
      'c.id',
      'in',
      app.store.db.selectFrom('contract_titles').select('contract_id').where('title_id', '=', params.title),
    );
  const rows = await query.orderBy('c.updated_at', 'desc').execute();
  const titles = rows.length
    ? await app.store.db
        .selectFrom('contract_titles as ct')
        .innerJoin('titles as t', 't.id', 'ct.title_id')
        .select(['ct.contract_id', 't.original_title', 't.english_title'])
        .where(
          'ct.contract_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const financials = actor?.canSeeFinancials === true;
  let items: Array<ContractListItem & { row: (typeof rows)[number] }> = rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    direction: r.direction,
    status: r.status,
    licensor: r.licensor,
    licensee: r.licensee,
    titles: titles.filter((t) => t.contract_id === r.id).map((t) => t.english_title ?? t.original_title),
    rights: [],
    signedOn: r.signed_on,
    announcedOn: r.announced_on,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    row: r,
  }));
  if (params.q?.trim()) {
    const { rankByNames } = await import('./lookup.js');
    items = rankByNames(
      params.q,
      items.map((item) => ({ item, names: [item.ref, item.licensor, item.licensee, ...item.titles] })),
    );
  }
  const pageSize = Math.min(Math.max(params.pageSize ?? 50, 1), 500);
  const page = Math.max(params.page ?? 1, 1);
  const shown = items.slice((page - 1) * pageSize, page * pageSize);
  const rights = await rightsOf(
    app.store.db,
    shown.map((c) => c.id),
  );
  return {
    items: shown.map(({ row, ...c }) => ({
      ...c,
      rights: rights.get(c.id) ?? [],
      ...(financials ? { mg: row.mg_amount !== null && row.mg_currency ? formatMoney(Number(row.mg_amount), row.mg_currency) : null } : {}),
    })),
    total: items.length,
    page,
    pageSize,
  };
}

/** The audit trail of one record (or of everything), newest first. */
export async function auditTrail(app: FilmRights, actor: Actor, params: { entity?: string; entityId?: string; limit?: number } = {}) {
  let q = app.store.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'a.reason']);
  if (params.entity) q = q.where('a.entity', '=', params.entity);
  if (params.entityId) q = q.where('a.entity_id', '=', params.entityId);
  const rows = await q
    .orderBy('a.id', 'desc')
    .limit(Math.min(params.limit ?? 200, 1000))
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    user: r.username ?? r.user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: visibleTo(actor, parseJson(r.before)),
    after: visibleTo(actor, parseJson(r.after)),
    reason: r.reason,
  }));
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
    })),
    holdbacks: c.holdbacks.map((h) => ({
      titleId: h.titleId,
      territories: h.territories,
      media: h.media,
      start: h.start,
      end: h.end,
      description: h.description,
    })),
    negotiators: c.negotiators.map((n) => ({ personId: n.person.id, companyId: n.company?.id ?? null, side: n.side })),
    mg: c.mg ?? null,
    signedOn: c.signedOn,
    announcedOn: c.announcedOn,
    editionId: c.editionId,
    notes: c.notes,
    override: override ?? (c.overrideReason ? { reason: c.overrideReason } : null),
  };
}
