/**
 * The catalog: titles (with their aliases), credits and the companies on a
 * title. Every write is one transaction with its audit entry; every check
 * names the field. The title page (`getTitle`) gathers everything the record
 * knows about a film: credits, companies, festivals and awards, releases, box
 * office, contracts and the sources of each fact.
 */
import type { Kysely } from 'kysely';
import { countryName } from '../domain/countries.js';
import { DomainError, invalid, unknownName } from '../domain/errors.js';
import { parseDay } from '../domain/dates.js';
import { closest, fuzzyScorer, normalizeName } from '../domain/fuzzy.js';
import { parseLanguages } from '../domain/languages.js';
import { mediaLabel, mediaSetFromIds, parseMedia } from '../domain/media.js';
import { parseTerritories, territoryLabel, territorySetFromCodes } from '../domain/territories.js';
import {
  COMPANY_KINDS,
  CREDIT_ROLES,
  PRODUCTION_STATUSES,
  TITLE_COMPANY_ROLES,
  newId,
  nowIso,
  parseJson,
  toJson,
  type CompanyKind,
  type ContractDirection,
  type ContractStatus,
  type CreditRole,
  type Database,
  type DatePrecision,
  type PremiereStatus,
  type ProductionStatus,
  type SelectionSlot,
  type TitleCompanyRole,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter, visibleTo } from './access.js';
import { audit } from './audit.js';
import { InUseError, NotFoundError } from './errors.js';
import {
  countryCodes,
  oneOf,
  optionalInt,
  optionalOneOf,
  optionalText,
  pageParams,
  requiredText,
  SEARCH_THRESHOLD,
  todayIso,
  type Page,
} from './lookup.js';
import { formatMoney, type Money } from './money.js';
import { checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn, NameIndex, uniqueId } from './people.js';
import {
  deleteFact,
  dropFactLinks,
  factLinksOf,
  restoreFactLinks,
  sourcesOf,
  titleCompanyFactId,
  type FactLinkRow,
  type FactSourceView,
  type FactTable,
} from './provenance.js';
import type { AliasInput, TitleInput, CreditEntryInput, TitleCompanyEntryInput, CreditInput, TitleListParams } from '../contract/index.js';
export type { AliasInput, TitleInput, CreditEntryInput, TitleCompanyEntryInput, CreditInput, TitleListParams } from '../contract/index.js';

type Named = { id: string; name: string };
type Field = (name: string) => string;
const plain: Field = (n) => n;

// ------------------------------------------------------------------ titles: input

export interface CheckedTitle {
  original_title: string;
  english_title: string | null;
  year: number | null;
  countries: string[];
  languages: string[];
  runtime_minutes: number | null;
  synopsis: string | null;
  source_material: string | null;
  source_material_note: string | null;
  production_status: ProductionStatus | null;
  aliases: Array<{ alias: string; language: string | null; kind: string | null }>;
}

function checkLanguages(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of language codes`);
  if (value.length === 0) return [];
  const parsed = parseLanguages(value as string[], field);
  return parsed === null ? [] : [...parsed];
}

function checkAliases(value: unknown, f: Field): CheckedTitle['aliases'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(f('aliases'), value, `${f('aliases')}: expected a list of names`);
  return value.map((a, i) => {
    const af = `${f('aliases')}[${i}]`;
    if (typeof a === 'string') return { alias: requiredText(a, af), language: null, kind: null };
    if (typeof a !== 'object' || a === null) throw invalid(af, a, `${af}: expected a name or {alias, language, kind}`);
    const o = a as AliasInput;
    const language = o.language ? (checkLanguages([o.language], `${af}.language`)[0] ?? null) : null;
    return { alias: requiredText(o.alias, `${af}.alias`), language, kind: optionalText(o.kind, `${af}.kind`) };
  });
}

/** Checks a whole title (for create). `f` names the fields in errors, e.g. `n => "titles[3]." + n`. */
export function checkTitle(input: TitleInput, f: Field = plain): CheckedTitle {
  if (typeof input !== 'object' || input === null) throw invalid(f('originalTitle'), input, `${f('originalTitle')}: expected a title`);
  const original = requiredText(input.originalTitle, f('originalTitle'));
  const english = optionalText(input.englishTitle, f('englishTitle'));
  return {
    original_title: original,
    english_title: english === original ? null : english,
    year: optionalInt(input.year, f('year'), 1870, 2200),
    countries: countryCodes(input.countries, f('countries')),
    languages: checkLanguages(input.languages, f('languages')),
    runtime_minutes: optionalInt(input.runtimeMinutes, f('runtimeMinutes'), 1, 10_000),
    synopsis: optionalText(input.synopsis, f('synopsis')),
    source_material: optionalText(input.sourceMaterial, f('sourceMaterial')),
    source_material_note: optionalText(input.sourceMaterialNote, f('sourceMaterialNote')),
    production_status: optionalOneOf(input.productionStatus, PRODUCTION_STATUSES, f('productionStatus')),
    aliases: checkAliases(input.aliases, f),
  };
}

function titleRow(c: CheckedTitle) {
  return {
    original_title: c.original_title,
    english_title: c.english_title,
    year: c.year,
    countries: toJson(c.countries),
    languages: toJson(c.languages),
    runtime_minutes: c.runtime_minutes,
    synopsis: c.synopsis,
    source_material: c.source_material,
    source_material_note: c.source_material_note,
    production_status: c.production_status,
  };
}

/** Inserts a checked title with its aliases, in the caller's transaction. Returns its id (readable: "one-second"). */
export async function insertTitle(
  trx: Kysely<Database>,
  actor: Actor,
  c: CheckedTitle,
  id?: string,
  opts: { audit?: boolean } = {},
): Promise<string> {
  const tid = id ?? (await uniqueId(trx, 'titles', c.english_title ?? c.original_title, c.year));
  const now = nowIso();
  await trx
    .insertInto('titles')
    .values({ id: tid, ...titleRow(c), created_at: now, updated_at: now })
    .execute();
  await insertAliases(trx, tid, c.aliases);
  if (opts.audit !== false) await audit(trx, actor, { action: 'create', entity: 'titles', entityId: tid, before: null, after: c });
  return tid;
}

async function insertAliases(trx: Kysely<Database>, titleId: string, aliases: CheckedTitle['aliases']): Promise<void> {
  if (!aliases.length) return;
  await trx
    .insertInto('title_aliases')
    .values(aliases.map((a) => ({ id: newId(), title_id: titleId, ...a })))
    .execute();
}

export async function createTitle(app: FilmRights, actor: Actor, input: TitleInput): Promise<TitleDetail> {
  requireWriter(actor);
  const checked = checkTitle(input);
  const credits = checkCreditEntries(input.credits, 'credits');
  const companies = checkCompanyEntries(input.companies, 'companies');
  const id = await app.store.transaction(async (trx) => {
    const tid = await insertTitle(trx, actor, checked, undefined, { audit: false });
    if (credits) await writeCredits(trx, actor, tid, credits);
    if (companies) await writeTitleCompanies(trx, actor, tid, companies);
    await audit(trx, actor, { action: 'create', entity: 'titles', entityId: tid, before: null, after: await readTitleSnapshot(trx, tid) });
    return tid;
  });
  await app.refreshTitles([id]);
  return getTitle(app, actor, id);
}

/**
 * Changes the given fields of a title (absent means unchanged); `aliases`,
 * `credits` and `companies`, when given, replace their lists. One transaction,
 * one audit entry with the title before and after (credits and companies included).
 */
export async function updateTitle(app: FilmRights, actor: Actor, id: string, patch: Partial<TitleInput>): Promise<TitleDetail> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  const credits = checkCreditEntries(patch.credits, 'credits');
  const companies = checkCompanyEntries(patch.companies, 'companies');
  await app.store.transaction(async (trx) => {
    const before = await readTitleSnapshot(trx, id);
    if (!before) throw new NotFoundError('title', id);
    const merged: TitleInput = {
      originalTitle: before.originalTitle,
      englishTitle: before.englishTitle,
      year: before.year,
      countries: before.countries,
      languages: before.languages,
      runtimeMinutes: before.runtimeMinutes,
      synopsis: before.synopsis,
      sourceMaterial: before.sourceMaterial,
      sourceMaterialNote: before.sourceMaterialNote,
      productionStatus: before.productionStatus,
      aliases: before.aliases.map((a) => ({ alias: a.alias, language: a.language, kind: a.kind })),
    };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && k in merged) (merged as unknown as Record<string, unknown>)[k] = v;
    const checked = checkTitle(merged);
    await trx
      .updateTable('titles')
      .set({ ...titleRow(checked), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    if (patch.aliases !== undefined) await replaceAliases(trx, id, checked.aliases);
    if (credits) await writeCredits(trx, actor, id, credits);
    if (companies) await writeTitleCompanies(trx, actor, id, companies);
    await audit(trx, actor, { action: 'update', entity: 'titles', entityId: id, before, after: await readTitleSnapshot(trx, id) });
  });
  await app.refreshTitles([id]);
  return getTitle(app, actor, id);
}

/** Replaces a title's aliases, keeping (with their sources) the ones that stay. */
async function replaceAliases(trx: Kysely<Database>, id: string, aliases: CheckedTitle['aliases']): Promise<void> {
  const old = await trx.selectFrom('title_aliases').selectAll().where('title_id', '=', id).execute();
  const key = (a: { alias: string; language: string | null; kind: string | null }) => JSON.stringify([a.alias, a.language, a.kind]);
  const wanted = new Set(aliases.map(key));
  const gone = old.filter((o) => !wanted.has(key(o)));
  await dropFactLinks(
    trx,
    'title_aliases',
    gone.map((o) => o.id),
  );
  if (gone.length)
    await trx
      .deleteFrom('title_aliases')
      .where(
        'id',
        'in',
        gone.map((o) => o.id),
      )
      .execute();
  const kept = new Set(old.filter((o) => wanted.has(key(o))).map(key));
  await insertAliases(
    trx,
    id,
    aliases.filter((a) => !kept.has(key(a))),
  );
}

// ------------------------------------------------------------------ a title's credits and companies, as lists

export interface CheckedCreditEntry {
  personId: string | null;
  name: string | null;
  role: CreditRole;
  character: string | null;
}

export const MAX_CREDITS = 2000;

/** Checks a credit list (null when absent: leave the credits as they are). */
export function checkCreditEntries(value: unknown, field: string): CheckedCreditEntry[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of credits`);
  if (value.length > MAX_CREDITS) throw invalid(field, value.length, `${field}: at most ${MAX_CREDITS} credits`);
  return value.map((c, i) => {
    const cf = `${field}[${i}]`;
    if (typeof c !== 'object' || c === null) throw invalid(cf, c, `${cf}: expected {personId or name, role, character?}`);
    const o = c as CreditEntryInput;
    const checked = checkCredit({ role: o.role, character: o.character }, (n) => `${cf}.${n}`);
    const personId = optionalText(o.personId, `${cf}.personId`);
    const name = optionalText(o.name, `${cf}.name`);
    if (!personId && !name) throw invalid(`${cf}.name`, o.name, `${cf}.name: say who (pick a person or type a name)`);
    return { personId, name: personId ? null : name, role: checked.role, character: checked.character };
  });
}

/**
 * Makes a title's credits the given list, in billing order. A credit that
 * stays (same person, same role) keeps its id and its sources; one that goes
 * loses its sources; people typed by name are found or created here.
 */
export async function writeCredits(trx: Kysely<Database>, actor: Actor, titleId: string, entries: CheckedCreditEntry[]): Promise<void> {
  const people = entries.some((e) => !e.personId) ? await NameIndex.load(trx, 'people') : undefined;
  const resolved: Array<CheckedCreditEntry & { personId: string }> = [];
  for (const [i, e] of entries.entries()) {
    let personId = e.personId;
    if (personId) await mustExist(trx, 'people', personId, `credits[${i}].personId`);
    else personId = (await findOrCreatePersonIn(trx, actor, { name: e.name! }, people)).id;
    const dup = resolved.findIndex((r) => r.personId === personId && r.role === e.role);
    if (dup >= 0)
      throw invalid(
        `credits[${i}]`,
        e.name ?? personId,
        `credits[${i}]: the same person is already credited as ${e.role} (credits[${dup}])`,
      );
    resolved.push({ ...e, personId });
  }
  const old = await trx.selectFrom('credits').selectAll().where('title_id', '=', titleId).execute();
  const positions = new Map<string, number>();
  const keep = new Set<string>();
  for (const r of resolved) {
    const position = positions.get(r.role) ?? 0;
    positions.set(r.role, position + 1);
    const existing = old.find((o) => o.person_id === r.personId && o.role === r.role);
    if (existing) {
      keep.add(existing.id);
      if (existing.position !== position || existing.character !== r.character) {
        await trx.updateTable('credits').set({ position, character: r.character }).where('id', '=', existing.id).execute();
      }
    } else {
      await trx
        .insertInto('credits')
        .values({ id: newId(), title_id: titleId, person_id: r.personId, role: r.role, character: r.character, position })
        .execute();
    }
  }
  const gone = old.filter((o) => !keep.has(o.id)).map((o) => o.id);
  await dropFactLinks(trx, 'credits', gone);
  if (gone.length) await trx.deleteFrom('credits').where('id', 'in', gone).execute();
}

export interface CheckedCompanyEntry {
  companyId: string | null;
  name: string | null;
  kind: CompanyKind | null;
  role: TitleCompanyRole;
}

/** The kind a company gets when it is created from a title's company list. */
const KIND_FOR_ROLE: Record<TitleCompanyRole, CompanyKind> = {
  production: 'production',
  'co-production': 'production',
  'sales-agent': 'sales-agent',
  distributor: 'distributor',
};

export function checkCompanyEntries(value: unknown, field: string): CheckedCompanyEntry[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of {companyId or name, role}`);
  if (value.length > 500) throw invalid(field, value.length, `${field}: at most 500 companies`);
  return value.map((c, i) => {
    const cf = `${field}[${i}]`;
    if (typeof c !== 'object' || c === null) throw invalid(cf, c, `${cf}: expected {companyId or name, role}`);
    const o = c as TitleCompanyEntryInput;
    const role = oneOf(o.role, TITLE_COMPANY_ROLES, `${cf}.role`);
    const companyId = optionalText(o.companyId, `${cf}.companyId`);
    const name = optionalText(o.name, `${cf}.name`);
    if (!companyId && !name) throw invalid(`${cf}.name`, o.name, `${cf}.name: say which company (pick one or type a name)`);
    const kind = o.kind === undefined || o.kind === null ? null : oneOf(o.kind, COMPANY_KINDS, `${cf}.kind`);
    return { companyId, name: companyId ? null : name, kind, role };
  });
}

/** Makes a title's companies the given list; companies typed by name are found or created here. */
export async function writeTitleCompanies(
  trx: Kysely<Database>,
  actor: Actor,
  titleId: string,
  entries: CheckedCompanyEntry[],
): Promise<void> {
  const index = entries.some((e) => !e.companyId) ? await NameIndex.load(trx, 'companies') : undefined;
  const wanted: Array<{ companyId: string; role: TitleCompanyRole }> = [];
  for (const [i, e] of entries.entries()) {
    let companyId = e.companyId;
    if (companyId) await mustExist(trx, 'companies', companyId, `companies[${i}].companyId`);
    else
      companyId = (
        await findOrCreateCompanyIn(
          trx,
          actor,
          checkCompany({ name: e.name!, kind: e.kind ?? KIND_FOR_ROLE[e.role] }, (n) => `companies[${i}].${n}`),
          index,
        )
      ).id;
    if (!wanted.some((w) => w.companyId === companyId && w.role === e.role)) wanted.push({ companyId, role: e.role });
  }
  const old = await trx.selectFrom('title_companies').selectAll().where('title_id', '=', titleId).execute();
  for (const o of old) {
    if (wanted.some((w) => w.companyId === o.company_id && w.role === o.role)) continue;
    await dropFactLinks(trx, 'title_companies', [titleCompanyFactId(titleId, o.company_id, o.role)]);
    await trx
      .deleteFrom('title_companies')
      .where('title_id', '=', titleId)
      .where('company_id', '=', o.company_id)
      .where('role', '=', o.role)
      .execute();
  }
  const fresh = wanted.filter((w) => !old.some((o) => o.company_id === w.companyId && o.role === w.role));
  if (fresh.length)
    await trx
      .insertInto('title_companies')
      .values(fresh.map((w) => ({ title_id: titleId, company_id: w.companyId, role: w.role })))
      .execute();
}

// ------------------------------------------------------------------ a title as the audit keeps it

export interface TitleSnapshot {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  languages: string[];
  runtimeMinutes: number | null;
  synopsis: string | null;
  sourceMaterial: string | null;
  sourceMaterialNote: string | null;
  productionStatus: ProductionStatus | null;
  createdAt: string;
  aliases: Array<{ id: string; alias: string; language: string | null; kind: string | null }>;
  credits: Array<{ id: string; role: CreditRole; person: Named; character: string | null; position: number }>;
  companies: Array<{ role: TitleCompanyRole; company: Named }>;
  /** On a deletion only: the source links that went with it, so a restore brings them back. */
  sourceLinks?: FactLinkRow[];
}

/** The title with its aliases, credits (billing order) and companies: what its history shows and a restore writes back. */
export async function readTitleSnapshot(db: Kysely<Database>, id: string): Promise<TitleSnapshot | null> {
  const t = await db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) return null;
  const aliases = await db
    .selectFrom('title_aliases')
    .select(['id', 'alias', 'language', 'kind'])
    .where('title_id', '=', id)
    .orderBy('alias')
    .orderBy('id')
    .execute();
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.role', 'c.character', 'c.position', 'p.id as person_id', 'p.name'])
    .where('c.title_id', '=', id)
    .execute();
  credits.sort(
    (a, b) => CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) || a.position - b.position || a.name.localeCompare(b.name),
  );
  const companies = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as co', 'co.id', 'tc.company_id')
    .select(['tc.role', 'co.id', 'co.name'])
    .where('tc.title_id', '=', id)
    .execute();
  companies.sort((a, b) => TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  return {
    id: t.id,
    originalTitle: t.original_title,
    englishTitle: t.english_title,
    year: t.year,
    countries: parseJson(t.countries),
    languages: parseJson(t.languages),
    runtimeMinutes: t.runtime_minutes,
    synopsis: t.synopsis,
    sourceMaterial: t.source_material,
    sourceMaterialNote: t.source_material_note,
    productionStatus: t.production_status,
    createdAt: t.created_at,
    aliases,
    credits: credits.map((c) => ({
      id: c.id,
      role: c.role,
      person: { id: c.person_id, name: c.name },
      character: c.character,
      position: c.position,
    })),
    companies: companies.map((c) => ({ role: c.role, company: { id: c.id, name: c.name } })),
  };
}

/** What refers to a title (besides its own credits, aliases and companies): by kind, for a refusal that says so. */
export async function titleUses(db: Kysely<Database>, id: string): Promise<{ uses: Record<string, number>; contractRefs: string[] }> {
  const contracts = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('contracts as c', 'c.id', 'ct.contract_id')
    .select(['c.ref', 'c.deleted_at'])
    .where('ct.title_id', '=', id)
    .orderBy('c.ref')
    .execute();
  const count = async (table: 'selections' | 'awards' | 'releases' | 'box_office') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('title_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const uses: Record<string, number> = {
    contracts: contracts.filter((c) => !c.deleted_at).length,
    'deleted contracts': contracts.filter((c) => c.deleted_at).length,
    'festival selections': await count('selections'),
    awards: await count('awards'),
    releases: await count('releases'),
    'box-office figures': await count('box_office'),
  };
  return { uses: nonZero(uses), contractRefs: contracts.map((c) => c.ref) };
}

export function nonZero(uses: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(uses).filter(([, n]) => n > 0));
}

export interface DeleteResult<T> {
  /** The record as it was: what its history keeps and a restore brings back. */
  deleted: T;
  /** What went with it, by kind. */
  removed: Record<string, number>;
}

/**
 * Deletes a title that nothing refers to, with its own aliases, credits,
 * companies and their source links. Anything else that names it (a contract,
 * a festival selection, an award, a release, a box-office figure) refuses the
 * delete with an InUseError (409) that counts them. The deletion can be
 * undone from the title's history (restoreTitle).
 */
export async function deleteTitle(app: FilmRights, actor: Actor, id: string): Promise<DeleteResult<TitleSnapshot>> {
  requireWriter(actor);
  const result = await app.store.transaction(async (trx) => {
    await app.store.lockTitles(trx, [id]);
    const before = await readTitleSnapshot(trx, id);
    if (!before) throw new NotFoundError('title', id);
    const { uses, contractRefs } = await titleUses(trx, id);
    if (Object.keys(uses).length) {
      throw new InUseError(
        'title',
        id,
        uses,
        `"${before.englishTitle ?? before.originalTitle}"`,
        contractRefs.length ? `${contractRefs.length === 1 ? 'contract' : 'contracts'} ${contractRefs.join(', ')}` : undefined,
      );
    }
    const facts = [
      { table: 'titles' as const, ids: [id] },
      { table: 'title_aliases' as const, ids: before.aliases.map((a) => a.id) },
      { table: 'credits' as const, ids: before.credits.map((c) => c.id) },
      { table: 'title_companies' as const, ids: before.companies.map((c) => titleCompanyFactId(id, c.company.id, c.role)) },
    ];
    const links = await factLinksOf(trx, facts);
    for (const f of facts) await dropFactLinks(trx, f.table, f.ids);
    // aliases, credits and title companies cascade
    await trx.deleteFrom('titles').where('id', '=', id).execute();
    const deleted = { ...before, sourceLinks: links };
    await audit(trx, actor, { action: 'delete', entity: 'titles', entityId: id, before: deleted, after: null });
    return {
      deleted,
      removed: nonZero({
        aliases: before.aliases.length,
        credits: before.credits.length,
        companies: before.companies.length,
        'source links': links.length,
      }),
    };
  });
  await app.refreshTitles([id]);
  return result;
}

/** The latest entry of a record's history. */
export async function latestAuditEntry(db: Kysely<Database>, entity: string, id: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The record as its deletion kept it; NotFoundError when its latest history entry is not a deletion. */
export async function deletedSnapshot<T>(db: Kysely<Database>, entity: string, id: string, what: string): Promise<T> {
  const last = await latestAuditEntry(db, entity, id);
  if (!last || last.action !== 'delete' || last.before === null) throw new NotFoundError(`deleted ${what}`, id);
  return parseJson(last.before) as T;
}

export interface RestoreResult<T> {
  restored: T;
  /** What could not come back, and why (e.g. a credit whose person was deleted since). */
  skipped: string[];
}

/**
 * Brings back a deleted title as its deletion kept it: its fields, aliases,
 * credits, companies and their source links (those whose person, company or
 * source was deleted since are skipped, and said so).
 */
export async function restoreTitle(app: FilmRights, actor: Actor, id: string): Promise<RestoreResult<TitleDetail>> {
  requireWriter(actor);
  const skipped: string[] = [];
  await app.store.transaction(async (trx) => {
    const snap = await deletedSnapshot<TitleSnapshot>(trx, 'titles', id, 'title');
    if (await trx.selectFrom('titles').select('id').where('id', '=', id).executeTakeFirst())
      throw invalid('id', id, `id: a title "${id}" exists again; nothing to restore`);
    const now = nowIso();
    await trx
      .insertInto('titles')
      .values({
        id,
        original_title: snap.originalTitle,
        english_title: snap.englishTitle,
        year: snap.year,
        countries: toJson(snap.countries ?? []),
        languages: toJson(snap.languages ?? []),
        runtime_minutes: snap.runtimeMinutes,
        synopsis: snap.synopsis,
        source_material: snap.sourceMaterial,
        source_material_note: snap.sourceMaterialNote,
        production_status: snap.productionStatus,
        created_at: snap.createdAt ?? now,
        updated_at: now,
      })
      .execute();
    if (snap.aliases?.length)
      await trx
        .insertInto('title_aliases')
        .values(snap.aliases.map((a) => ({ id: a.id, title_id: id, alias: a.alias, language: a.language, kind: a.kind })))
        .execute();
    const gone = new Set<string>();
    const people = new Set(
      (
        await trx
          .selectFrom('people')
          .select('id')
          .where('id', 'in', ['', ...(snap.credits ?? []).map((c) => c.person.id)])
          .execute()
      ).map((p) => p.id),
    );
    for (const c of snap.credits ?? []) {
      if (!people.has(c.person.id)) {
        skipped.push(`${c.role} credit of ${c.person.name}: the person was deleted or merged since`);
        gone.add(`credits:${c.id}`);
        continue;
      }
      await trx
        .insertInto('credits')
        .values({ id: c.id, title_id: id, person_id: c.person.id, role: c.role, character: c.character, position: c.position })
        .execute();
    }
    const companies = new Set(
      (
        await trx
          .selectFrom('companies')
          .select('id')
          .where('id', 'in', ['', ...(snap.companies ?? []).map((c) => c.company.id)])
          .execute()
      ).map((c) => c.id),
    );
    for (const c of snap.companies ?? []) {
      if (!companies.has(c.company.id)) {
        skipped.push(`${c.role} ${c.company.name}: the company was deleted or merged since`);
        gone.add(`title_companies:${titleCompanyFactId(id, c.company.id, c.role)}`);
        continue;
      }
      await trx.insertInto('title_companies').values({ title_id: id, company_id: c.company.id, role: c.role }).execute();
    }
    skipped.push(
      ...(await restoreFactLinks(
        trx,
        (snap.sourceLinks ?? []).filter((l) => !gone.has(`${l.fact_table}:${l.fact_id}`)),
      )),
    );
    const { sourceLinks: _links, ...deleted } = snap;
    await audit(trx, actor, {
      action: 'restore',
      entity: 'titles',
      entityId: id,
      before: deleted,
      after: await readTitleSnapshot(trx, id),
    });
  });
  await app.refreshTitles([id]);
  return { restored: await getTitle(app, actor, id), skipped };
}

// ------------------------------------------------------------------ finding titles by name

/** Every title's names (original, English, aliases), for resolving names in imports and the CLI. */
export class TitleIndex {
  private readonly byKey = new Map<string, Array<{ id: string; year: number | null }>>();
  readonly names: string[] = [];
  readonly ids = new Set<string>();

  add(id: string, names: Array<string | null>, year: number | null): void {
    this.ids.add(id);
    const seen = new Set<string>();
    for (const n of names) {
      if (!n) continue;
      const k = normalizeName(n);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      let l = this.byKey.get(k);
      if (!l) this.byKey.set(k, (l = []));
      l.push({ id, year });
      this.names.push(n);
    }
  }

  /** Ids of the titles a name (or "Name (2020)") stands for: none, one, or several (ambiguous). */
  find(name: string, year?: number | null): string[] {
    let n = name.trim();
    let y = year ?? null;
    const m = /^(.*\S)\s*\((\d{4})\)$/.exec(n);
    if (m && y === null) {
      n = m[1];
      y = Number(m[2]);
    }
    const all = this.byKey.get(normalizeName(n)) ?? [];
    const ids = [...new Set((y === null ? all : all.filter((e) => e.year === y)).map((e) => e.id))];
    return ids;
  }

  /** The one title a name stands for, or a DomainError naming `field` (with suggestions, or the years that tell them apart). */
  resolve(name: unknown, field: string, year?: number | null): string {
    if (typeof name !== 'string' || name.trim() === '') throw invalid(field, name, `${field}: expected a title name`);
    if (this.ids.has(name)) return name;
    const ids = this.find(name, year);
    if (ids.length === 1) return ids[0];
    if (ids.length > 1) throw invalid(field, name, `${field}: "${name}" names ${ids.length} titles; add the year, e.g. "${name} (2020)"`);
    throw unknownName(field, name, 'title', closest(name, this.names, 3));
  }

  static async load(db: Kysely<Database>): Promise<TitleIndex> {
    const index = new TitleIndex();
    const titles = await db.selectFrom('titles').select(['id', 'original_title', 'english_title', 'year']).orderBy('id').execute();
    const aliases = await db.selectFrom('title_aliases').select(['title_id', 'alias']).execute();
    const byTitle = new Map<string, string[]>();
    for (const a of aliases) {
      let l = byTitle.get(a.title_id);
      if (!l) byTitle.set(a.title_id, (l = []));
      l.push(a.alias);
    }
    for (const t of titles) index.add(t.id, [t.english_title, t.original_title, ...(byTitle.get(t.id) ?? [])], t.year);
    return index;
  }
}

/** A title id from an id or a name (forgiving of case and accents); DomainError with suggestions otherwise. */
export async function resolveTitle(app: FilmRights, nameOrId: string, field = 'title'): Promise<string> {
  return (await TitleIndex.load(app.store.db)).resolve(nameOrId, field);
}

// ------------------------------------------------------------------ titles: list

export interface TitleListItem {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  productionStatus: ProductionStatus | null;
  directors: string[];
}

/** Credited people's names count in the search, below a title's own names: directors first, then everyone else. */
const DIRECTOR_WEIGHT = 0.95;
const OTHER_CREDIT_WEIGHT = 0.9;

/**
 * The titles free to license exclusively in `territories` for `media` (All
 * Media when not given) from today for a year (today and the 364 days after
 * it, cover-entire), from the engine's index.
 */
function freeTitleIds(app: FilmRights, territories: string | undefined, media: string | undefined, today: string): Set<string> {
  if (!territories?.trim())
    throw invalid(
      'freeTerritory',
      territories ?? null,
      'freeTerritory: name the territory where the titles must be free (e.g. "Germany"), with freeMedia',
    );
  const start = parseDay(today, 'today');
  const rows = app.index.avails(
    null,
    {
      territories: parseTerritories(territories, 'freeTerritory'),
      media: parseMedia(media?.trim() || 'All Media', 'freeMedia'),
      languages: null,
      start,
      end: start + 364,
      exclusive: true,
      match: 'cover-entire',
    },
    { include: 'available' },
  );
  const ids = new Set<string>();
  for (const r of rows) for (const t of r.titles) ids.add(t);
  return ids;
}

/**
 * Each title's best score for a search among the people credited on it:
 * people's names are scored once each (forgivingly, as titles are), and only
 * the credits of those who match are read.
 */
async function creditScores(db: Kysely<Database>, query: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const people = await db.selectFrom('people').select(['id', 'name']).execute();
  const scoreOf = new Map<string, number>();
  const score = fuzzyScorer(query);
  for (const p of people) {
    const s = score(p.name);
    if (s >= SEARCH_THRESHOLD) scoreOf.set(p.id, s);
  }
  const ids = [...scoreOf.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const credits = await db
      .selectFrom('credits')
      .select(['title_id', 'person_id', 'role'])
      .where('person_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const c of credits) {
      const s = scoreOf.get(c.person_id)! * (c.role === 'director' ? DIRECTOR_WEIGHT : OTHER_CREDIT_WEIGHT);
      if (s > (out.get(c.title_id) ?? 0)) out.set(c.title_id, s);
    }
  }
  return out;
}

export async function listTitles(
  app: FilmRights,
  params: TitleListParams = {},
  opts: { today?: string } = {},
): Promise<Page<TitleListItem>> {
  const db = app.store.db;
  const { page, pageSize, offset } = pageParams(params.page, params.pageSize);
  const sort = params.sort ? oneOf(params.sort, ['title', 'year', 'relevance'] as const, 'sort') : params.q?.trim() ? 'relevance' : 'title';
  const dir = params.dir ? oneOf(params.dir, ['asc', 'desc'] as const, 'dir') : 'asc';
  const free =
    params.freeTerritory || params.freeMedia ? freeTitleIds(app, params.freeTerritory, params.freeMedia, opts.today ?? todayIso()) : null;
  let query = db.selectFrom('titles as t');
  if (params.status) query = query.where('t.production_status', '=', oneOf(params.status, PRODUCTION_STATUSES, 'status'));
  if (params.country) {
    const code = countryCodes([params.country], 'country')[0];
    query = query.where('t.countries', 'like', `%"${code}"%`);
  }
  if (params.festival) {
    const festivalId = await resolveFestival(db, params.festival, 'festival');
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('selections as s')
          .innerJoin('festival_editions as e', 'e.id', 's.edition_id')
          .select('s.id')
          .whereRef('s.title_id', '=', 't.id')
          .where('e.festival_id', '=', festivalId),
      ),
    );
  }
  const columns = ['t.id', 't.original_title', 't.english_title', 't.year', 't.countries', 't.production_status'] as const;
  // Sorted and paged here rather than in SQL: one order on both databases (collations and NULL
  // placement differ), and the forgiving search has to rank every candidate anyway. A few
  // columns of tens of thousands of titles is a small read.
  let candidates = await query.select([...columns]).execute();
  // "free in territory": only the titles the engine answers free (thousands of ids: filtered here, not as SQL parameters)
  if (free) candidates = candidates.filter((c) => free.has(c.id));
  let ranked: typeof candidates;
  if (params.q?.trim() && normalizeName(params.q) !== '') {
    const aliases = await db.selectFrom('title_aliases').select(['title_id', 'alias']).execute();
    const aliasesOf = new Map<string, string[]>();
    for (const a of aliases) {
      let l = aliasesOf.get(a.title_id);
      if (!l) aliasesOf.set(a.title_id, (l = []));
      l.push(a.alias);
    }
    const byCredit = await creditScores(db, params.q);
    const score = fuzzyScorer(params.q);
    // best of the title's own names and of its credits; best first, ties in the order read
    const scored: Array<{ c: (typeof candidates)[number]; score: number; i: number }> = [];
    candidates.forEach((c, i) => {
      let best = byCredit.get(c.id) ?? 0;
      for (const n of [c.english_title, c.original_title, ...(aliasesOf.get(c.id) ?? [])]) {
        if (!n) continue;
        best = Math.max(best, score(n));
        if (best === 1) break;
      }
      if (best >= SEARCH_THRESHOLD) scored.push({ c, score: best, i });
    });
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    ranked = scored.map((x) => x.c);
  } else ranked = candidates;
  if (sort !== 'relevance') ranked = ranked.sort(sort === 'year' ? byYear : byName);
  if (dir === 'desc') ranked.reverse();
  const total = ranked.length;
  const rows = ranked.slice(offset, offset + pageSize);
  const directors = await directorsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      originalTitle: r.original_title,
      englishTitle: r.english_title,
      year: r.year,
      countries: parseJson(r.countries),
      productionStatus: r.production_status,
      directors: directors.get(r.id) ?? [],
    })),
    total,
    page,
    pageSize,
  };
}

type Sortable = { original_title: string; english_title: string | null; year: number | null; id: string };
const nameOf = (t: Sortable) => t.english_title ?? t.original_title;
function byName(a: Sortable, b: Sortable): number {
  return nameOf(a).localeCompare(nameOf(b)) || (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id);
}
function byYear(a: Sortable, b: Sortable): number {
  return (b.year ?? -1) - (a.year ?? -1) || byName(a, b);
}

async function directorsOf(db: Kysely<Database>, titleIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!titleIds.length) return out;
  const rows = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.title_id', 'p.name'])
    .where('c.role', '=', 'director')
    .where('c.title_id', 'in', titleIds)
    .orderBy('c.position')
    .orderBy('p.name')
    .execute();
  for (const r of rows) {
    let l = out.get(r.title_id);
    if (!l) out.set(r.title_id, (l = []));
    l.push(r.name);
  }
  return out;
}

/** A festival id from an id, a name, a short name or an alias ("TIFF", "Berlinale"). */
export async function resolveFestival(db: Kysely<Database>, nameOrId: string, field: string): Promise<string> {
  const festivals = await db.selectFrom('festivals').select(['id', 'name', 'short_name', 'aliases']).execute();
  if (festivals.some((f) => f.id === nameOrId)) return nameOrId;
  const k = normalizeName(nameOrId);
  const names = festivals.map((f) => ({
    id: f.id,
    names: [f.name, f.short_name, ...parseJson(f.aliases)].filter((n): n is string => !!n),
  }));
  const hit = names.find((f) => f.names.some((n) => normalizeName(n) === k));
  if (hit) return hit.id;
  throw unknownName(
    field,
    nameOrId,
    'festival',
    closest(
      nameOrId,
      names.flatMap((f) => f.names),
      3,
    ),
  );
}

// ------------------------------------------------------------------ credits and title companies

export interface CheckedCredit {
  role: CreditRole;
  character: string | null;
  position: number | null;
}

export function checkCredit(input: { role: unknown; character?: unknown; position?: unknown }, f: Field = plain): CheckedCredit {
  const role = oneOf(input.role, CREDIT_ROLES, f('role'));
  const character = optionalText(input.character, f('character'));
  if (character && role !== 'cast') throw invalid(f('character'), character, `${f('character')}: only a cast credit names a character`);
  return { role, character, position: optionalInt(input.position, f('position'), 0, 100_000) };
}

/** Adds a credit in the caller's transaction; position defaults to after the title's last credit in that role. */
export async function insertCredit(
  trx: Kysely<Database>,
  actor: Actor,
  titleId: string,
  personId: string,
  c: CheckedCredit,
): Promise<string> {
  let position = c.position;
  if (position === null) {
    const last = await trx
      .selectFrom('credits')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('title_id', '=', titleId)
      .where('role', '=', c.role)
      .executeTakeFirst();
    position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
  }
  const row = { id: newId(), title_id: titleId, person_id: personId, role: c.role, character: c.character, position };
  await trx.insertInto('credits').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'credits', entityId: row.id, before: null, after: row });
  return row.id;
}

export async function addCredit(
  app: FilmRights,
  actor: Actor,
  input: CreditInput,
  people?: NameIndex,
): Promise<{ id: string; personId: string }> {
  requireWriter(actor);
  const checked = checkCredit(input);
  if (!input.personId && !input.name) throw invalid('name', input.name, 'name: say who (a person id or a name)');
  return app.store.transaction(async (trx) => {
    await mustExist(trx, 'titles', input.titleId, 'titleId');
    let personId = input.personId;
    if (personId) await mustExist(trx, 'people', personId, 'personId');
    else personId = (await findOrCreatePersonIn(trx, actor, { name: input.name! }, people)).id;
    const id = await insertCredit(trx, actor, input.titleId, personId, checked);
    return { id, personId };
  });
}

export async function removeCredit(app: FilmRights, actor: Actor, id: string): Promise<void> {
  await deleteFact(app, actor, 'credits', id, 'credit');
}

export async function insertTitleCompany(
  trx: Kysely<Database>,
  actor: Actor,
  titleId: string,
  companyId: string,
  role: TitleCompanyRole,
): Promise<string> {
  const row = { title_id: titleId, company_id: companyId, role };
  const factId = titleCompanyFactId(titleId, companyId, role);
  const exists = await trx
    .selectFrom('title_companies')
    .select('role')
    .where('title_id', '=', titleId)
    .where('company_id', '=', companyId)
    .where('role', '=', role)
    .executeTakeFirst();
  if (exists) return factId;
  await trx.insertInto('title_companies').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'title_companies', entityId: factId, before: null, after: row });
  return factId;
}

/** Says a company is the production company, co-producer, sales agent or distributor of a title. */
export async function addTitleCompany(
  app: FilmRights,
  actor: Actor,
  input: { titleId: string; companyId: string; role: TitleCompanyRole },
): Promise<void> {
  requireWriter(actor);
  const role = oneOf(input.role, TITLE_COMPANY_ROLES, 'role');
  await app.store.transaction(async (trx) => {
    await mustExist(trx, 'titles', input.titleId, 'titleId');
    await mustExist(trx, 'companies', input.companyId, 'companyId');
    await insertTitleCompany(trx, actor, input.titleId, input.companyId, role);
  });
}

export async function removeTitleCompany(
  app: FilmRights,
  actor: Actor,
  input: { titleId: string; companyId: string; role: TitleCompanyRole },
): Promise<void> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await trx
      .selectFrom('title_companies')
      .selectAll()
      .where('title_id', '=', input.titleId)
      .where('company_id', '=', input.companyId)
      .where('role', '=', input.role)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('title company', titleCompanyFactId(input.titleId, input.companyId, input.role));
    const factId = titleCompanyFactId(input.titleId, input.companyId, input.role);
    await dropFactLinks(trx, 'title_companies', [factId]);
    await trx
      .deleteFrom('title_companies')
      .where('title_id', '=', input.titleId)
      .where('company_id', '=', input.companyId)
      .where('role', '=', input.role)
      .execute();
    await audit(trx, actor, { action: 'delete', entity: 'title_companies', entityId: factId, before, after: null });
  });
}

const ENTITY = {
  titles: 'title',
  people: 'person',
  companies: 'company',
  festivals: 'festival',
  festival_editions: 'festival edition',
  sections: 'section',
  sources: 'source',
  selections: 'selection',
  awards: 'award',
} as const;

export async function mustExist(
  db: Kysely<Database>,
  table: 'titles' | 'people' | 'companies' | 'festivals' | 'festival_editions' | 'sections' | 'sources' | 'selections' | 'awards',
  id: string,
  field: string,
): Promise<void> {
  if (typeof id !== 'string' || id === '') throw invalid(field, id, `${field}: required`);
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('unknown-id', field, id, `${field}: no ${ENTITY[table]} with id "${id}"`);
}

// ------------------------------------------------------------------ the title page

export interface ContractSummary {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: Named | null;
  licensee: Named | null;
  salesAgent: Named | null;
  /** The labels of this title's blocks, as people write them ("North America"). */
  territories: string[];
  blocks: Array<{ territoryLabel: string; mediaLabel: string; start: string | null; end: string | null; exclusive: boolean }>;
  signedOn: string | null;
  announcedOn: string | null;
  /** Only with the financial-terms permission. */
  mg?: Money | null;
}

export interface TitleDetail {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  countryNames: string[];
  languages: string[];
  runtimeMinutes: number | null;
  synopsis: string | null;
  sourceMaterial: string | null;
  sourceMaterialNote: string | null;
  productionStatus: ProductionStatus | null;
  aliases: Array<{ id: string; alias: string; language: string | null; kind: string | null }>;
  credits: Array<{ id: string; role: CreditRole; person: Named; character: string | null; position: number; sources: FactSourceView[] }>;
  companies: Array<{ role: TitleCompanyRole; company: Named; sources: FactSourceView[] }>;
  selections: Array<{
    id: string;
    festival: Named & { shortName: string | null };
    edition: { id: string; number: number | null; year: number; start: string | null; end: string | null };
    section: Named | null;
    premiereStatus: PremiereStatus | null;
    slot: SelectionSlot | null;
    withdrawn: boolean;
    withdrawalReason: string | null;
    sources: FactSourceView[];
  }>;
  awards: Array<{
    id: string;
    name: string;
    festival: Named & { shortName: string | null };
    edition: { id: string; number: number | null; year: number };
    person: Named | null;
    tied: boolean;
    tieGroup: string | null;
    /** The other winners of a tied award. */
    tiedWith: Named[];
    sources: FactSourceView[];
  }>;
  releases: Array<{
    id: string;
    territory: string;
    territoryName: string;
    date: string | null;
    precision: DatePrecision;
    dateLabel: string | null;
    distributor: Named | null;
    kind: string;
    sources: FactSourceView[];
  }>;
  boxOffice: Array<{
    id: string;
    territory: string | null;
    territoryName: string;
    /** Public record: shown to everyone (docs/security.md). */
    gross: Money;
    periodStart: string | null;
    periodEnd: string | null;
    asOf: string | null;
    cumulative: boolean;
    sources: FactSourceView[];
  }>;
  contracts: ContractSummary[];
  /** Who holds what, as signed deals (ours and the market's) say. */
  marketPicture: Array<{
    ref: string;
    direction: ContractDirection;
    status: ContractStatus;
    holder: Named | null;
    territoryLabel: string;
    mediaLabel: string;
    start: string | null;
    end: string | null;
    exclusive: boolean;
  }>;
  /** Every source of every fact on this page. */
  sources: FactSourceView[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 2020" for month precision, "2020" for year precision, the ISO day otherwise. */
export function dateLabel(date: string | null, precision: DatePrecision): string | null {
  if (!date) return null;
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  return date;
}

function territoryName(code: string | null): string {
  if (code === null) return 'Worldwide';
  try {
    return countryName(code);
  } catch {
    return code;
  }
}

export async function getTitle(app: FilmRights, actor: Actor, id: string): Promise<TitleDetail> {
  const db = app.store.db;
  const t = await db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new NotFoundError('title', id);
  const aliases = await db
    .selectFrom('title_aliases')
    .select(['id', 'alias', 'language', 'kind'])
    .where('title_id', '=', id)
    .orderBy('alias')
    .execute();
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.role', 'c.character', 'c.position', 'p.id as person_id', 'p.name'])
    .where('c.title_id', '=', id)
    .execute();
  const roleOrder = (r: CreditRole) => CREDIT_ROLES.indexOf(r);
  credits.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.position - b.position || a.name.localeCompare(b.name));
  const companies = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as co', 'co.id', 'tc.company_id')
    .select(['tc.role', 'co.id', 'co.name'])
    .where('tc.title_id', '=', id)
    .execute();
  companies.sort((a, b) => TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  const selections = await db
    .selectFrom('selections as s')
    .innerJoin('festival_editions as e', 'e.id', 's.edition_id')
    .innerJoin('festivals as f', 'f.id', 'e.festival_id')
    .leftJoin('sections as sec', 'sec.id', 's.section_id')
    .select([
      's.id',
      's.premiere_status',
      's.slot',
      's.withdrawn',
      's.withdrawal_reason',
      'e.id as edition_id',
      'e.number',
      'e.year',
      'e.start_date',
      'e.end_date',
      'f.id as festival_id',
      'f.name as festival_name',
      'f.short_name',
      'sec.id as section_id',
      'sec.name as section_name',
    ])
    .where('s.title_id', '=', id)
    .orderBy('e.year')
    .orderBy('e.start_date')
    .orderBy('f.name')
    .execute();
  const awards = await db
    .selectFrom('awards as a')
    .innerJoin('festival_editions as e', 'e.id', 'a.edition_id')
    .innerJoin('festivals as f', 'f.id', 'e.festival_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.name',
      'a.tied',
      'a.tie_group',
      'a.edition_id',
      'e.number',
      'e.year',
      'f.id as festival_id',
      'f.name as festival_name',
      'f.short_name',
      'p.id as person_id',
      'p.name as person_name',
    ])
    .where('a.title_id', '=', id)
    .orderBy('e.year')
    .orderBy('a.name')
    .execute();
  const tieGroups = [...new Set(awards.map((a) => a.tie_group).filter((g): g is string => !!g))];
  const coWinners = tieGroups.length
    ? await db
        .selectFrom('awards as a')
        .innerJoin('titles as t', 't.id', 'a.title_id')
        .select(['a.tie_group', 'a.edition_id', 't.id', 't.original_title', 't.english_title'])
        .where('a.tie_group', 'in', tieGroups)
        .where('a.title_id', '!=', id)
        .orderBy('t.original_title')
        .execute()
    : [];
  const releases = await db
    .selectFrom('releases as r')
    .leftJoin('companies as co', 'co.id', 'r.distributor_id')
    .select([
      'r.id',
      'r.territory',
      'r.release_date',
      'r.date_precision',
      'r.kind',
      'co.id as distributor_id',
      'co.name as distributor_name',
    ])
    .where('r.title_id', '=', id)
    .orderBy('r.release_date')
    .orderBy('r.territory')
    .execute();
  const boxOffice = await db
    .selectFrom('box_office')
    .selectAll()
    .where('title_id', '=', id)
    .orderBy('territory')
    .orderBy('as_of')
    .orderBy('period_start')
    .execute();
  const contractRows = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('contracts as c', 'c.id', 'ct.contract_id')
    .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
    .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
    .leftJoin('companies as sa', 'sa.id', 'c.sales_agent_id')
    .select([
      'c.id',
      'c.ref',
      'c.direction',
      'c.status',
      'c.signed_on',
      'c.announced_on',
      'c.mg_amount',
      'c.mg_currency',
      'lor.id as licensor_id',
      'lor.name as licensor_name',
      'lee.id as licensee_id',
      'lee.name as licensee_name',
      'sa.id as sales_agent_id',
      'sa.name as sales_agent_name',
    ])
    .where('ct.title_id', '=', id)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.ref')
    .execute();
  const blocks = contractRows.length
    ? await db
        .selectFrom('rights_blocks')
        .select(['contract_id', 'territory_codes', 'media_ids', 'start_date', 'end_date', 'exclusive'])
        .where('title_id', '=', id)
        .where(
          'contract_id',
          'in',
          contractRows.map((c) => c.id),
        )
        .orderBy('start_date')
        .orderBy('id')
        .execute()
    : [];

  const facts: Array<{ table: FactTable; id: string }> = [
    { table: 'titles', id },
    ...aliases.map((a) => ({ table: 'title_aliases' as const, id: a.id })),
    ...credits.map((c) => ({ table: 'credits' as const, id: c.id })),
    ...companies.map((c) => ({ table: 'title_companies' as const, id: titleCompanyFactId(id, c.id, c.role) })),
    ...selections.map((s) => ({ table: 'selections' as const, id: s.id })),
    ...awards.map((a) => ({ table: 'awards' as const, id: a.id })),
    ...releases.map((r) => ({ table: 'releases' as const, id: r.id })),
    ...boxOffice.map((b) => ({ table: 'box_office' as const, id: b.id })),
    ...contractRows.map((c) => ({ table: 'contracts' as const, id: c.id })),
  ];
  const sources = await sourcesOf(db, facts);
  const src = (table: FactTable, fid: string) => sources.get(`${table}:${fid}`) ?? [];
  const named = (i: string | null, n: string | null): Named | null => (i ? { id: i, name: n ?? '' } : null);

  const blockViews = blocks.map((b) => ({
    contractId: b.contract_id,
    territoryLabel: territoryLabel(territorySetFromCodes(parseJson(b.territory_codes), 'territory_codes')),
    mediaLabel: mediaLabel(mediaSetFromIds(parseJson(b.media_ids), 'media_ids')),
    start: b.start_date,
    end: b.end_date,
    exclusive: b.exclusive === 1,
  }));

  // Deal terms (MGs) leave only for users with the financial-terms permission; grosses are public.
  return visibleTo(actor, {
    id: t.id,
    originalTitle: t.original_title,
    englishTitle: t.english_title,
    year: t.year,
    countries: parseJson(t.countries),
    countryNames: parseJson(t.countries).map((c) => territoryName(c)),
    languages: parseJson(t.languages),
    runtimeMinutes: t.runtime_minutes,
    synopsis: t.synopsis,
    sourceMaterial: t.source_material,
    sourceMaterialNote: t.source_material_note,
    productionStatus: t.production_status,
    aliases,
    credits: credits.map((c) => ({
      id: c.id,
      role: c.role,
      person: { id: c.person_id, name: c.name },
      character: c.character,
      position: c.position,
      sources: src('credits', c.id),
    })),
    companies: companies.map((c) => ({
      role: c.role,
      company: { id: c.id, name: c.name },
      sources: src('title_companies', titleCompanyFactId(id, c.id, c.role)),
    })),
    selections: selections.map((s) => ({
      id: s.id,
      festival: { id: s.festival_id, name: s.festival_name, shortName: s.short_name },
      edition: { id: s.edition_id, number: s.number, year: s.year, start: s.start_date, end: s.end_date },
      section: named(s.section_id, s.section_name),
      premiereStatus: s.premiere_status,
      slot: s.slot,
      withdrawn: s.withdrawn === 1,
      withdrawalReason: s.withdrawal_reason,
      sources: src('selections', s.id),
    })),
    awards: awards.map((a) => ({
      id: a.id,
      name: a.name,
      festival: { id: a.festival_id, name: a.festival_name, shortName: a.short_name },
      edition: { id: a.edition_id, number: a.number, year: a.year },
      person: named(a.person_id, a.person_name),
      tied: a.tied === 1,
      tieGroup: a.tie_group,
      tiedWith: a.tie_group
        ? coWinners
            .filter((w) => w.tie_group === a.tie_group && w.edition_id === a.edition_id)
            .map((w) => ({ id: w.id, name: w.english_title ?? w.original_title }))
        : [],
      sources: src('awards', a.id),
    })),
    releases: releases.map((r) => ({
      id: r.id,
      territory: r.territory,
      territoryName: territoryName(r.territory),
      date: r.release_date,
      precision: r.date_precision,
      dateLabel: dateLabel(r.release_date, r.date_precision),
      distributor: named(r.distributor_id, r.distributor_name),
      kind: r.kind,
      sources: src('releases', r.id),
    })),
    boxOffice: boxOffice.map((b) => ({
      id: b.id,
      territory: b.territory,
      territoryName: territoryName(b.territory),
      // grosses are public record (the trade press prints them); only deal terms are confidential
      gross: formatMoney(Number(b.amount), b.currency),
      periodStart: b.period_start,
      periodEnd: b.period_end,
      asOf: b.as_of,
      cumulative: b.is_cumulative === 1,
      sources: src('box_office', b.id),
    })),
    contracts: contractRows.map((c) => {
      const mine = blockViews.filter((b) => b.contractId === c.id);
      const summary: ContractSummary = {
        id: c.id,
        ref: c.ref,
        direction: c.direction,
        status: c.status,
        licensor: named(c.licensor_id, c.licensor_name),
        licensee: named(c.licensee_id, c.licensee_name),
        salesAgent: named(c.sales_agent_id, c.sales_agent_name),
        territories: [...new Set(mine.map((b) => b.territoryLabel))],
        blocks: mine.map(({ contractId: _, ...b }) => b),
        signedOn: c.signed_on,
        announcedOn: c.announced_on,
      };
      summary.mg = c.mg_amount !== null && c.mg_currency ? formatMoney(Number(c.mg_amount), c.mg_currency) : null;
      return summary;
    }),
    marketPicture: contractRows
      .filter((c) => c.status === 'signed' || c.status === 'announced')
      .flatMap((c) =>
        blockViews
          .filter((b) => b.contractId === c.id)
          .map(({ contractId: _, ...b }) => ({
            ref: c.ref,
            direction: c.direction,
            status: c.status,
            holder: named(c.licensee_id, c.licensee_name),
            ...b,
          })),
      ),
    sources: dedupeSources([...sources.values()].flat()),
  });
}

function dedupeSources(list: FactSourceView[]): FactSourceView[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
