/** Writing a plan's new companies and people, and who "we" are (the company running the install). */
import type { Kysely } from 'kysely';

import type { ImportSummary } from '../../interchange/json/document.js';
import { toJson, type Database } from '../../store/index.js';
import type { Actor } from '../app.js';
import { audit } from '../audit.js';
import { weCompanyIn } from '../contracts.js';
import { NameIndex, findOrCreateCompanyIn, findOrCreatePersonIn } from '../people.js';
import type { Keys, RecordPlan } from './records.js';

export async function writeCompanies(
  trx: Kysely<Database>,
  actor: Actor,
  p: RecordPlan,
  keys: Keys,
  summary: ImportSummary,
): Promise<void> {
  const companyIndex = await NameIndex.load(trx, 'companies');
  for (const co of p.newCompanies) {
    keys.set(co.key, (await findOrCreateCompanyIn(trx, actor, co.checked, companyIndex)).id);
    summary.companies++;
  }
}

export async function writePeople(trx: Kysely<Database>, actor: Actor, p: RecordPlan, keys: Keys, summary: ImportSummary): Promise<void> {
  const peopleIndex = await NameIndex.load(trx, 'people');
  for (const pe of p.newPeople) {
    keys.set(pe.key, (await findOrCreatePersonIn(trx, actor, { name: pe.name, sortName: pe.sortName }, peopleIndex)).id);
    summary.people++;
  }
}

/** Sets the company the plan names as "us" (audited as a settings change). */
export async function writeWe(trx: Kysely<Database>, actor: Actor, p: RecordPlan, keys: Keys): Promise<void> {
  if (!p.we) return;
  const before = await weCompanyIn(trx);
  const value = toJson(keys.id(p.we));
  await trx.deleteFrom('settings').where('key', '=', 'we_company_id').execute();
  await trx.insertInto('settings').values({ key: 'we_company_id', value }).execute();
  await audit(trx, actor, { action: 'update', entity: 'settings', entityId: 'we_company_id', before, after: keys.id(p.we) });
}
