/** Writing a plan's festivals and their editions: sections, selections and awards. */
import type { Kysely } from 'kysely';

import type { ImportSummary } from '../../interchange/json/document.js';
import { NEW } from '../../interchange/json/read.js';
import type { Database } from '../../store/index.js';
import type { Actor } from '../app.js';
import {
  FestivalIndex,
  ensureSectionIn,
  findOrCreateEditionIn,
  findOrCreateFestivalIn,
  insertAward,
  insertSelection,
} from '../festivals.js';
import type { Keys, RecordPlan } from './records.js';

export async function writeFestivals(
  trx: Kysely<Database>,
  actor: Actor,
  p: RecordPlan,
  keys: Keys,
  summary: ImportSummary,
): Promise<void> {
  const festivalIndex = await FestivalIndex.load(trx);
  for (const f of p.festivalPlans) {
    keys.set(f.key, (await findOrCreateFestivalIn(trx, actor, f.checked, festivalIndex)).id);
    summary.festivals++;
  }
  for (const e of p.editionPlans) {
    const { id: eid, created } = await findOrCreateEditionIn(trx, actor, keys.id(e.festivalKey), e.checked);
    if (e.key.startsWith(NEW)) keys.set(e.key, eid);
    if (created) summary.editions++;
    for (const s of e.sections) await ensureSectionIn(trx, actor, eid, s);
    for (const s of e.selections) {
      await insertSelection(trx, actor, eid, keys.id(s.titleKey), s.checked);
      summary.selections++;
    }
    for (const a of e.awards) {
      await insertAward(trx, actor, eid, keys.id(a.titleKey), keys.maybe(a.personKey), a.checked);
      summary.awards++;
    }
  }
}
