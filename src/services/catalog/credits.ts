/**
 * A title's credits and companies: written as whole lists (the title form) or
 * one at a time (the CLI, the importers, accepted article facts).
 */
import type { Kysely } from 'kysely';
import { invalid } from '../../domain/errors.js';
import { TITLE_COMPANY_ROLES, newId, type CompanyKind, type Database, type TitleCompanyRole } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { oneOf } from '../lookup.js';
import { checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn, NameIndex } from '../people.js';
import { deleteFact, dropFactLinks, titleCompanyFactId } from '../provenance.js';
import {
  checkCredit,
  mustExist,
  type CheckedCompanyEntry,
  type CheckedCredit,
  type CheckedCreditEntry,
  type CreditInput,
} from './checks.js';

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

/** The kind a company gets when it is created from a title's company list. */
const KIND_FOR_ROLE: Record<TitleCompanyRole, CompanyKind> = {
  production: 'production',
  'co-production': 'production',
  'sales-agent': 'sales-agent',
  distributor: 'distributor',
};

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
