/** Writing a plan's new titles with their credits and companies. */
import type { Kysely } from 'kysely';

import type { ImportSummary } from '../../interchange/json/document.js';
import type { Database } from '../../store/index.js';
import type { Actor } from '../app.js';
import { insertCredit, insertTitle, insertTitleCompany } from '../catalog.js';
import type { Keys, RecordPlan } from './records.js';

export async function writeTitles(trx: Kysely<Database>, actor: Actor, p: RecordPlan, keys: Keys, summary: ImportSummary): Promise<void> {
  for (const t of p.titlePlans) {
    const checked = t.parent ? { ...t.checked, parent_id: keys.id(t.parent.key) } : t.checked;
    const parentField = t.parent?.field;
    const tid = await insertTitle(
      trx,
      actor,
      checked,
      undefined,
      parentField ? { field: (n) => (n === 'parentId' ? parentField : n) } : {},
    );
    keys.set(t.key, tid);
    summary.titles++;
    for (const cr of t.credits) await insertCredit(trx, actor, tid, keys.id(cr.personKey), cr.checked);
    for (const tc of t.companies) await insertTitleCompany(trx, actor, tid, keys.id(tc.companyKey), tc.role);
  }
}
