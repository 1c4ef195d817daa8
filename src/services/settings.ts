import type { Actor, FilmRights } from './app.js';
import { requireAdmin } from './access.js';
import { audit } from './audit.js';
import { NotFoundError } from './errors.js';
import { parseJson, toJson } from '../store/index.js';

/** Who "we" are: the company running this install. Contracts where neither side is us are market intelligence. */
export async function setWeCompany(app: FilmRights, actor: Actor, companyId: string): Promise<void> {
  requireAdmin(actor);
  await app.store.transaction(async (trx) => {
    const company = await trx.selectFrom('companies').select('id').where('id', '=', companyId).executeTakeFirst();
    if (!company) throw new NotFoundError('company', companyId);
    const before = await trx.selectFrom('settings').select('value').where('key', '=', 'we_company_id').executeTakeFirst();
    if (before) await trx.updateTable('settings').set({ value: toJson(companyId) }).where('key', '=', 'we_company_id').execute();
    else await trx.insertInto('settings').values({ key: 'we_company_id', value: toJson(companyId) }).execute();
    await audit(trx, actor, { action: 'update', entity: 'settings', entityId: 'we_company_id', before: before ? parseJson(before.value) : null, after: companyId });
  });
}
