import type { Actor, FilmRights } from './app.js';
import { requireAdmin } from './access.js';
import { audit } from './audit.js';
import { DomainError, invalid } from '../domain/errors.js';
import { parseJson, toJson } from '../store/index.js';

/** Who "we" are: the company running this install. Contracts where neither side is us are market intelligence. */
export async function setWeCompany(app: FilmRights, actor: Actor, companyId: string): Promise<void> {
  requireAdmin(actor);
  await app.store.transaction(async (trx) => {
    if (typeof companyId !== 'string' || companyId === '') throw invalid('companyId', companyId, 'companyId: say which company "we" are');
    const company = await trx.selectFrom('companies').select('id').where('id', '=', companyId).executeTakeFirst();
    if (!company) throw new DomainError('unknown-id', 'companyId', companyId, `companyId: no company with id "${companyId}"`);
    const before = await trx.selectFrom('settings').select('value').where('key', '=', 'we_company_id').executeTakeFirst();
    if (before)
      await trx
        .updateTable('settings')
        .set({ value: toJson(companyId) })
        .where('key', '=', 'we_company_id')
        .execute();
    else
      await trx
        .insertInto('settings')
        .values({ key: 'we_company_id', value: toJson(companyId) })
        .execute();
    await audit(trx, actor, {
      action: 'update',
      entity: 'settings',
      entityId: 'we_company_id',
      before: before ? parseJson(before.value) : null,
      after: companyId,
    });
  });
}

/** Who "we" are, with the company's name (null when not set, or when the company is gone). */
export async function getWeCompany(
  app: FilmRights,
  _actor: Actor,
): Promise<{ company: { id: string; name: string; kind: string; country: string | null } | null }> {
  const id = await app.setting<string>('we_company_id');
  if (typeof id !== 'string') return { company: null };
  const c = await app.store.db.selectFrom('companies').select(['id', 'name', 'kind', 'country']).where('id', '=', id).executeTakeFirst();
  return { company: c ?? null };
}
