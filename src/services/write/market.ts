/** Writing a plan's releases and box office figures. */
import type { Kysely } from 'kysely';

import type { ImportSummary } from '../../interchange/json/document.js';
import type { Database } from '../../store/index.js';
import type { Actor } from '../app.js';
import { insertBoxOffice, insertRelease } from '../market.js';
import type { Keys, RecordPlan } from './records.js';

export async function writeMarket(trx: Kysely<Database>, actor: Actor, p: RecordPlan, keys: Keys, summary: ImportSummary): Promise<void> {
  for (const r of p.releasePlans) {
    await insertRelease(trx, actor, keys.id(r.titleKey), keys.maybe(r.distributorKey), r.checked);
    summary.releases++;
  }
  for (const b of p.boxOfficePlans) {
    await insertBoxOffice(trx, actor, keys.id(b.titleKey), b.checked);
    summary.boxOffice++;
  }
}
