/**
 * People and companies: found or created by name, forgivingly ("Celine
 * Sciamma" is "Céline Sciamma"), listed with a fuzzy search, and shown with
 * what they did: a person's credits and the deals they negotiated; a
 * company's titles, contracts and the people who negotiated for it.
 */
import { sql, type Kysely } from 'kysely';
import { invalid } from '../domain/errors.js';
import { normalizeName } from '../domain/fuzzy.js';
import {
  COMPANY_KINDS,
  parseJson,
  slugId,
  type CompanyKind,
  type ContractDirection,
  type ContractStatus,
  type CreditRole,
  type Database,
  type NegotiatorSide,
  type TitleCompanyRole,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter } from './access.js';
import { audit, deletedSnapshot } from './audit.js';
import { InUseError, NotFoundError } from './errors.js';
import { dropFactLinks, factLinksOf, notReviewedOf, restoreFactLinks, type FactLinkRow } from './provenance.js';
import { countryCode, oneOf, optionalText, pageParams, paginate, rankByNames, requiredName, type Page } from './lookup.js';
import type { PersonInput, CompanyInput } from '../contract/index.js';
import { marketUses } from './marketDays/references.js';
export type { PersonInput, CompanyInput } from '../contract/index.js';

type Named = { id: string; name: string };

/** Names as a reader sorts them: case and accents aside ("Émile" with the E's), then by id for a stable order. */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = (a: Named, b: Named): number => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Names already in a table, by normalized form: one lookup per write batch instead of a query per name. */
export class NameIndex {
  private readonly byKey = new Map<string, string>();
  readonly names: string[] = [];
  add(name: string, id: string): void {
    const k = normalizeName(name);
    if (k && !this.byKey.has(k)) this.byKey.set(k, id);
    this.names.push(name);
  }
  find(name: string): string | undefined {
    return this.byKey.get(normalizeName(name));
  }
  static async load(db: Kysely<Database>, table: 'people' | 'companies'): Promise<NameIndex> {
    const index = new NameIndex();
    for (const r of await db.selectFrom(table).select(['id', 'name']).orderBy('name').execute()) index.add(r.name, r.id);
    return index;
  }
}

/** A readable id from a name that no row of the table has yet ("zhang-yimou", "zhang-yimou-2"). */
export async function uniqueId(
  db: Kysely<Database>,
  table: 'people' | 'companies' | 'titles' | 'festivals',
  name: string,
  suffix?: string | number | null,
): Promise<string> {
  const base = slugId(name);
  const candidates = [base, ...(suffix !== undefined && suffix !== null ? [`${base}-${suffix}`] : [])];
  for (let n = 2; candidates.length < 50; n++) candidates.push(`${base}-${n}`);
  const taken = new Set((await db.selectFrom(table).select('id').where('id', 'in', candidates).execute()).map((r) => r.id));
  const free = candidates.find((c) => !taken.has(c));
  return free ?? `${base}-${Date.now().toString(36)}`;
}

// ------------------------------------------------------------------ people

/** Finds a person by name (accents, case and punctuation do not matter) or creates them, in the caller's transaction. */
export async function findOrCreatePersonIn(
  trx: Kysely<Database>,
  actor: Actor,
  input: PersonInput,
  index?: NameIndex,
): Promise<{ id: string; created: boolean }> {
  const name = requiredName(input.name, 'name');
  const idx = index ?? (await NameIndex.load(trx, 'people'));
  const found = idx.find(name);
  if (found) return { id: found, created: false };
  const id = await uniqueId(trx, 'people', name);
  const row = { id, name, sort_name: optionalText(input.sortName, 'sortName') };
  await trx.insertInto('people').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'people', entityId: id, before: null, after: row });
  idx.add(name, id);
  return { id, created: true };
}

export async function findOrCreatePerson(app: FilmRights, actor: Actor, input: PersonInput): Promise<{ person: Named; created: boolean }> {
  requireWriter(actor);
  const name = requiredName(input?.name, 'name');
  const { id, created } = await app.store.transaction((trx) => findOrCreatePersonIn(trx, actor, { ...input, name }));
  const p = await app.store.db.selectFrom('people').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
  return { person: p, created };
}

export interface PersonListItem {
  id: string;
  name: string;
  sortName: string | null;
}

export async function listPeople(
  app: FilmRights,
  params: { q?: string; page?: number; pageSize?: number } = {},
): Promise<Page<PersonListItem>> {
  const { page, pageSize } = pageParams(params.page, params.pageSize);
  // Alphabetical by the name people read in the list (case-insensitive in the query; accents
  // and case by the collator, the same on SQLite and PostgreSQL), not by the sort key.
  const rows = await app.store.db
    .selectFrom('people')
    .select(['id', 'name', 'sort_name'])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
  const items = rows.map((r) => ({ id: r.id, name: r.name, sortName: r.sort_name })).sort(byName);
  const ranked = params.q?.trim()
    ? rankByNames(
        params.q,
        items.map((i) => ({ item: i, names: [i.name, i.sortName] })),
      )
    : items;
  return paginate(ranked, page, pageSize);
}

export interface PersonDetail {
  id: string;
  name: string;
  sortName: string | null;
  credits: Array<{ id: string; role: CreditRole; character: string | null; title: { id: string; name: string; year: number | null } }>;
  deals: Array<{
    contract: { id: string; ref: string; direction: ContractDirection; status: ContractStatus; notReviewed: boolean };
    side: NegotiatorSide;
    company: Named | null;
    titles: Named[];
  }>;
}

export async function getPerson(app: FilmRights, _actor: Actor, id: string): Promise<PersonDetail> {
  const db = app.store.db;
  const p = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new NotFoundError('person', id);
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('titles as t', 't.id', 'c.title_id')
    .select(['c.id', 'c.role', 'c.character', 't.id as title_id', 't.original_title', 't.english_title', 't.year'])
    .where('c.person_id', '=', id)
    .orderBy('t.year', 'desc')
    .orderBy('t.original_title')
    .orderBy('c.role')
    .execute();
  const deals = await db
    .selectFrom('negotiators as n')
    .innerJoin('contracts as k', 'k.id', 'n.contract_id')
    .leftJoin('companies as co', 'co.id', 'n.company_id')
    .select(['k.id', 'k.ref', 'k.direction', 'k.status', 'n.side', 'co.id as company_id', 'co.name as company_name'])
    .where('n.person_id', '=', id)
    .where('k.deleted_at', 'is', null)
    .orderBy('k.ref')
    .execute();
  const [titles, notReviewed] = await Promise.all([
    contractTitles(
      db,
      deals.map((d) => d.id),
    ),
    notReviewedOf(
      db,
      'contracts',
      deals.map((d) => d.id),
    ),
  ]);
  return {
    id: p.id,
    name: p.name,
    sortName: p.sort_name,
    credits: credits.map((c) => ({
      id: c.id,
      role: c.role,
      character: c.character,
      title: { id: c.title_id, name: c.english_title ?? c.original_title, year: c.year },
    })),
    deals: deals.map((d) => ({
      contract: { id: d.id, ref: d.ref, direction: d.direction, status: d.status, notReviewed: notReviewed.has(d.id) },
      side: d.side,
      company: d.company_id ? { id: d.company_id, name: d.company_name ?? '' } : null,
      titles: titles.get(d.id) ?? [],
    })),
  };
}

/** The titles of each contract, by contract id. */
export async function contractTitles(db: Kysely<Database>, contractIds: string[]): Promise<Map<string, Named[]>> {
  const out = new Map<string, Named[]>();
  if (!contractIds.length) return out;
  const rows = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('titles as t', 't.id', 'ct.title_id')
    .select(['ct.contract_id', 't.id', 't.original_title', 't.english_title'])
    .where('ct.contract_id', 'in', [...new Set(contractIds)])
    .orderBy('t.original_title')
    .execute();
  for (const r of rows) {
    let l = out.get(r.contract_id);
    if (!l) out.set(r.contract_id, (l = []));
    l.push({ id: r.id, name: r.english_title ?? r.original_title });
  }
  return out;
}

// ------------------------------------------------------------------ companies

export interface CheckedCompany {
  name: string;
  kind: CompanyKind;
  country: string | null;
}

export function checkCompany(input: CompanyInput, f: (name: string) => string = (n) => n): CheckedCompany {
  return {
    name: requiredName(input.name, f('name')),
    kind: oneOf(input.kind, COMPANY_KINDS, f('kind')),
    country:
      input.country === undefined || input.country === null || input.country === '' ? null : countryCode(input.country, f('country')),
  };
}

export async function findOrCreateCompanyIn(
  trx: Kysely<Database>,
  actor: Actor,
  c: CheckedCompany,
  index?: NameIndex,
): Promise<{ id: string; created: boolean }> {
  const idx = index ?? (await NameIndex.load(trx, 'companies'));
  const found = idx.find(c.name);
  if (found) return { id: found, created: false };
  const id = await uniqueId(trx, 'companies', c.name);
  const row = { id, ...c };
  await trx.insertInto('companies').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'companies', entityId: id, before: null, after: row });
  idx.add(c.name, id);
  return { id, created: true };
}

/** Finds a company by name (forgiving of accents, case, punctuation) or creates it. */
export async function findOrCreateCompany(
  app: FilmRights,
  actor: Actor,
  input: CompanyInput,
): Promise<{ company: Named & { kind: CompanyKind; country: string | null }; created: boolean }> {
  requireWriter(actor);
  const checked = checkCompany(input);
  const { id, created } = await app.store.transaction((trx) => findOrCreateCompanyIn(trx, actor, checked));
  const c = await app.store.db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { company: c, created };
}

export interface CompanyListItem {
  id: string;
  name: string;
  kind: CompanyKind;
  country: string | null;
}

export async function listCompanies(
  app: FilmRights,
  params: { q?: string; kind?: string; page?: number; pageSize?: number } = {},
): Promise<Page<CompanyListItem>> {
  const { page, pageSize } = pageParams(params.page, params.pageSize);
  let query = app.store.db
    .selectFrom('companies')
    .select(['id', 'name', 'kind', 'country'])
    .orderBy(sql`lower(name)`)
    .orderBy('id');
  if (params.kind) query = query.where('kind', '=', oneOf(params.kind, COMPANY_KINDS, 'kind'));
  const items = (await query.execute()).sort(byName);
  const ranked = params.q?.trim()
    ? rankByNames(
        params.q,
        items.map((i) => ({ item: i, names: [i.name] })),
      )
    : items;
  return paginate(ranked, page, pageSize);
}

export interface CompanyDetail {
  id: string;
  name: string;
  kind: CompanyKind;
  country: string | null;
  titles: Array<{ role: TitleCompanyRole; title: Named & { year: number | null } }>;
  contracts: Array<{
    id: string;
    ref: string;
    role: 'licensor' | 'licensee' | 'sales-agent';
    direction: ContractDirection;
    status: ContractStatus;
    counterparty: Named | null;
    titles: Named[];
    /** Read from a source nobody has reviewed yet. */
    notReviewed: boolean;
  }>;
  people: Array<{ person: Named; contracts: string[] }>;
}

export async function getCompany(app: FilmRights, _actor: Actor, id: string): Promise<CompanyDetail> {
  const db = app.store.db;
  const c = await db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError('company', id);
  const titles = await db
    .selectFrom('title_companies as tc')
    .innerJoin('titles as t', 't.id', 'tc.title_id')
    .select(['tc.role', 't.id', 't.original_title', 't.english_title', 't.year'])
    .where('tc.company_id', '=', id)
    .orderBy('t.year', 'desc')
    .orderBy('t.original_title')
    .execute();
  const contracts = await db
    .selectFrom('contracts as k')
    .leftJoin('companies as lor', 'lor.id', 'k.licensor_id')
    .leftJoin('companies as lee', 'lee.id', 'k.licensee_id')
    .select([
      'k.id',
      'k.ref',
      'k.direction',
      'k.status',
      'k.licensor_id',
      'k.licensee_id',
      'k.sales_agent_id',
      'lor.name as licensor_name',
      'lee.name as licensee_name',
    ])
    .where('k.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('k.licensor_id', '=', id), eb('k.licensee_id', '=', id), eb('k.sales_agent_id', '=', id)]))
    .orderBy('k.ref')
    .execute();
  const [ctitles, notReviewed] = await Promise.all([
    contractTitles(
      db,
      contracts.map((k) => k.id),
    ),
    notReviewedOf(
      db,
      'contracts',
      contracts.map((k) => k.id),
    ),
  ]);
  const negotiators = await db
    .selectFrom('negotiators as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .innerJoin('contracts as k', 'k.id', 'n.contract_id')
    .select(['p.id', 'p.name', 'k.ref'])
    .where('n.company_id', '=', id)
    .where('k.deleted_at', 'is', null)
    .orderBy('p.name')
    .orderBy('k.ref')
    .execute();
  const people = new Map<string, { person: Named; contracts: string[] }>();
  for (const n of negotiators) {
    let e = people.get(n.id);
    if (!e) people.set(n.id, (e = { person: { id: n.id, name: n.name }, contracts: [] }));
    e.contracts.push(n.ref);
  }
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    country: c.country,
    titles: titles.map((t) => ({ role: t.role, title: { id: t.id, name: t.english_title ?? t.original_title, year: t.year } })),
    contracts: contracts.map((k) => {
      const role = k.licensor_id === id ? 'licensor' : k.licensee_id === id ? 'licensee' : 'sales-agent';
      const counterparty =
        role === 'licensor'
          ? k.licensee_id
            ? { id: k.licensee_id, name: k.licensee_name ?? '' }
            : null
          : role === 'licensee'
            ? k.licensor_id
              ? { id: k.licensor_id, name: k.licensor_name ?? '' }
              : null
            : null;
      return {
        id: k.id,
        ref: k.ref,
        role,
        direction: k.direction,
        status: k.status,
        counterparty,
        titles: ctitles.get(k.id) ?? [],
        notReviewed: notReviewed.has(k.id),
      };
    }),
    people: [...people.values()],
  };
}

// ------------------------------------------------------------------ editing, deleting and restoring people and companies

export interface PersonSnapshot {
  id: string;
  name: string;
  sortName: string | null;
  sourceLinks?: FactLinkRow[];
}

export interface CompanySnapshot {
  id: string;
  name: string;
  kind: CompanyKind;
  country: string | null;
  sourceLinks?: FactLinkRow[];
}

export async function readPersonSnapshot(db: Kysely<Database>, id: string): Promise<PersonSnapshot | null> {
  const p = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return p ? { id: p.id, name: p.name, sortName: p.sort_name } : null;
}

export async function readCompanySnapshot(db: Kysely<Database>, id: string): Promise<CompanySnapshot | null> {
  const c = await db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
  return c ? { id: c.id, name: c.name, kind: c.kind, country: c.country } : null;
}

/** Another record of the table already answers to this name (the forgiving matching would confuse them): merge instead. */
async function refuseTwin(db: Kysely<Database>, table: 'people' | 'companies', id: string, name: string): Promise<void> {
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', '!=', id).execute();
  const twin = rows.find((r) => normalizeName(r.name) === normalizeName(name));
  if (twin) {
    const what = table === 'people' ? 'person' : 'company';
    throw invalid(
      'name',
      name,
      `name: another ${what} is already called "${twin.name}" (${twin.id}); if it is the same ${what}, merge the two instead`,
    );
  }
}

/** The contract titles whose answers name this company (refreshed after a rename or a merge). */
async function titlesOfCompanyContracts(db: Kysely<Database>, companyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('contracts as k', 'k.id', 'ct.contract_id')
    .select('ct.title_id')
    .where((eb) => eb.or([eb('k.licensor_id', '=', companyId), eb('k.licensee_id', '=', companyId)]))
    .execute();
  return [...new Set(rows.map((r) => r.title_id))];
}

/** Changes a company's name, kind or country (absent means unchanged). */
export async function updateCompany(app: FilmRights, actor: Actor, id: string, patch: Partial<CompanyInput>): Promise<CompanyDetail> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  let titles: string[] = [];
  await app.store.transaction(async (trx) => {
    const before = await readCompanySnapshot(trx, id);
    if (!before) throw new NotFoundError('company', id);
    const checked = checkCompany({
      name: patch.name === undefined ? before.name : patch.name,
      kind: patch.kind === undefined ? before.kind : patch.kind,
      country: patch.country === undefined ? before.country : patch.country,
    });
    if (checked.name !== before.name) await refuseTwin(trx, 'companies', id, checked.name);
    await trx.updateTable('companies').set(checked).where('id', '=', id).execute();
    if (checked.name !== before.name) {
      // answers name contract parties: refresh them here and on other servers
      titles = await titlesOfCompanyContracts(trx, id);
      const { recordRightsChange } = await import('./changeFeed.js');
      await recordRightsChange(trx, titles);
    }
    await audit(trx, actor, { action: 'update', entity: 'companies', entityId: id, before, after: { id, ...checked } });
  });
  await app.refreshTitles(titles);
  return getCompany(app, actor, id);
}

/** What refers to a company, by kind. */
export async function companyUses(db: Kysely<Database>, id: string): Promise<{ uses: Record<string, number>; contractRefs: string[] }> {
  const contracts = await db
    .selectFrom('contracts')
    .select(['ref', 'deleted_at'])
    .where((eb) => eb.or([eb('licensor_id', '=', id), eb('licensee_id', '=', id), eb('sales_agent_id', '=', id)]))
    .orderBy('ref')
    .execute();
  const n = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
  const we = await db.selectFrom('settings').select('value').where('key', '=', 'we_company_id').executeTakeFirst();
  const uses: Record<string, number> = {
    contracts: contracts.filter((c) => !c.deleted_at).length,
    'deleted contracts': contracts.filter((c) => c.deleted_at).length,
    'negotiator seats': await n(
      db
        .selectFrom('negotiators')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('company_id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
    titles: await n(
      db
        .selectFrom('title_companies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('company_id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
    releases: await n(
      db
        .selectFrom('releases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('distributor_id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
    'install settings ("our company")': we && parseJson(we.value) === id ? 1 : 0,
    'buyer profiles': await n(
      db
        .selectFrom('buyers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('company_id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
    ...(await marketUses(db, 'company', id)),
  };
  return { uses: Object.fromEntries(Object.entries(uses).filter(([, v]) => v > 0)), contractRefs: contracts.map((c) => c.ref) };
}

/** Deletes a company nothing refers to (else InUseError, 409, counting what does). Restorable from its history. */
export async function deleteCompany(
  app: FilmRights,
  actor: Actor,
  id: string,
): Promise<{ deleted: CompanySnapshot; removed: Record<string, number> }> {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const before = await readCompanySnapshot(trx, id);
    if (!before) throw new NotFoundError('company', id);
    const { uses, contractRefs } = await companyUses(trx, id);
    if (Object.keys(uses).length)
      throw new InUseError(
        'company',
        id,
        uses,
        `"${before.name}"`,
        contractRefs.length
          ? `${contractRefs.length === 1 ? 'contract' : 'contracts'} ${contractRefs.slice(0, 10).join(', ')}${contractRefs.length > 10 ? ', …' : ''}`
          : undefined,
      );
    const links = await factLinksOf(trx, [{ table: 'companies', ids: [id] }]);
    await dropFactLinks(trx, 'companies', [id]);
    await trx.deleteFrom('companies').where('id', '=', id).execute();
    const deleted = { ...before, sourceLinks: links };
    await audit(trx, actor, { action: 'delete', entity: 'companies', entityId: id, before: deleted, after: null });
    return { deleted, removed: (links.length ? { 'source links': links.length } : {}) as Record<string, number> };
  });
}

/** Changes a person's name or sort name (absent means unchanged). */
export async function updatePerson(app: FilmRights, actor: Actor, id: string, patch: Partial<PersonInput>): Promise<PersonDetail> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  await app.store.transaction(async (trx) => {
    const before = await readPersonSnapshot(trx, id);
    if (!before) throw new NotFoundError('person', id);
    const name = patch.name === undefined ? before.name : requiredName(patch.name, 'name');
    const sortName = patch.sortName === undefined ? before.sortName : optionalText(patch.sortName, 'sortName');
    if (name !== before.name) await refuseTwin(trx, 'people', id, name);
    await trx.updateTable('people').set({ name, sort_name: sortName }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'people', entityId: id, before, after: { id, name, sortName } });
  });
  return getPerson(app, actor, id);
}

export async function personUses(db: Kysely<Database>, id: string): Promise<Record<string, number>> {
  const count = async (table: 'credits' | 'negotiators' | 'awards') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('person_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const uses: Record<string, number> = {
    credits: await count('credits'),
    'deals negotiated': await count('negotiators'),
    awards: await count('awards'),
    ...(await marketUses(db, 'person', id)),
  };
  return Object.fromEntries(Object.entries(uses).filter(([, v]) => v > 0));
}

/** Deletes a person nothing refers to (else InUseError, 409). Restorable from their history. */
export async function deletePerson(
  app: FilmRights,
  actor: Actor,
  id: string,
): Promise<{ deleted: PersonSnapshot; removed: Record<string, number> }> {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const before = await readPersonSnapshot(trx, id);
    if (!before) throw new NotFoundError('person', id);
    const uses = await personUses(trx, id);
    if (Object.keys(uses).length) throw new InUseError('person', id, uses, `"${before.name}"`);
    const links = await factLinksOf(trx, [{ table: 'people', ids: [id] }]);
    await dropFactLinks(trx, 'people', [id]);
    await trx.deleteFrom('people').where('id', '=', id).execute();
    const deleted = { ...before, sourceLinks: links };
    await audit(trx, actor, { action: 'delete', entity: 'people', entityId: id, before: deleted, after: null });
    return { deleted, removed: (links.length ? { 'source links': links.length } : {}) as Record<string, number> };
  });
}

/** Brings back a deleted person or company as its deletion kept it (with its source links). */
export async function restorePersonOrCompany(
  app: FilmRights,
  actor: Actor,
  table: 'people' | 'companies',
  id: string,
): Promise<{ restored: PersonDetail | CompanyDetail; skipped: string[] }> {
  requireWriter(actor);
  const what = table === 'people' ? 'person' : 'company';
  const skipped = await app.store.transaction(async (trx) => {
    const snap = await deletedSnapshot<PersonSnapshot & CompanySnapshot>(trx, table, id, what);
    if (await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())
      throw invalid('id', id, `id: a ${what} "${id}" exists again; nothing to restore`);
    await refuseTwin(trx, table, id, snap.name);
    if (table === 'people')
      await trx
        .insertInto('people')
        .values({ id, name: snap.name, sort_name: snap.sortName ?? null })
        .execute();
    else
      await trx
        .insertInto('companies')
        .values({ id, name: snap.name, kind: snap.kind, country: snap.country ?? null })
        .execute();
    const skipped = await restoreFactLinks(trx, snap.sourceLinks ?? []);
    const { sourceLinks: _l, ...deleted } = snap;
    const after = table === 'people' ? await readPersonSnapshot(trx, id) : await readCompanySnapshot(trx, id);
    await audit(trx, actor, { action: 'restore', entity: table, entityId: id, before: deleted, after });
    return skipped;
  });
  return { restored: table === 'people' ? await getPerson(app, actor, id) : await getCompany(app, actor, id), skipped };
}
