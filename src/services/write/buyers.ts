/** Writing the buyer profiles a JSON document gives (docs/market.md), with their contacts, after the companies and people they name. */
import type { Kysely } from 'kysely';

import type { ImportSummary } from '../../interchange/json/document.js';
import type { Database } from '../../store/index.js';
import type { Actor } from '../app.js';
import { insertContactIn } from '../buyers/contacts.js';
import { insertBuyerIn } from '../buyers/profile.js';
import type { Keys, RecordPlan } from './records.js';

export async function writeBuyers(trx: Kysely<Database>, actor: Actor, p: RecordPlan, keys: Keys, summary: ImportSummary): Promise<void> {
  for (const b of p.buyerPlans ?? []) {
    const companyId = keys.id(b.companyKey);
    await insertBuyerIn(trx, actor, companyId, b.checked);
    for (const c of b.contacts) await insertContactIn(trx, actor, companyId, { ...c.checked, person_id: keys.maybe(c.personKey) });
    summary.buyers = (summary.buyers ?? 0) + 1;
  }
}
