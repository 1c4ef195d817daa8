/**
 * Writes the records part of a plan (records.ts) inside the writer's
 * transaction, in the order the records need each other: companies and
 * people, "we", titles with credits and companies, festivals and editions,
 * contracts, releases and box office, then the sources and their fact links.
 * The import is audited once, with what it created.
 */
import type { Kysely } from 'kysely';

import { FORMAT, type ImportSummary } from '../../interchange/json/document.js';
import type { Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { audit } from '../audit.js';
import { writeAccounts } from './accounts.js';
import { writeBuyers } from './buyers.js';
import { writeDocumentContracts } from './deals.js';
import { writeFestivals } from './festivals.js';
import { writeMarket } from './market.js';
import { writeMarketMode } from './marketMode.js';
import { writeCompanies, writePeople, writeWe } from './parties.js';
import { Keys, type RecordPlan } from './records.js';
import { writeSources } from './sources.js';
import { writeTitles } from './titles.js';

export function emptySummary(): ImportSummary {
  return {
    companies: 0,
    people: 0,
    titles: 0,
    contracts: 0,
    festivals: 0,
    editions: 0,
    selections: 0,
    awards: 0,
    releases: 0,
    boxOffice: 0,
    sources: 0,
    facts: 0,
  };
}

export async function writeRecords(trx: Kysely<Database>, app: FilmRights, actor: Actor, p: RecordPlan): Promise<ImportSummary> {
  const summary = emptySummary();
  const keys = new Keys();
  await writeCompanies(trx, actor, p, keys, summary);
  await writePeople(trx, actor, p, keys, summary);
  await writeWe(trx, actor, p, keys);
  await writeTitles(trx, actor, p, keys, summary);
  await writeFestivals(trx, actor, p, keys, summary);
  await writeDocumentContracts(trx, app, actor, p, keys, summary);
  if (p.accounts) await writeAccounts(trx, actor, p.accounts, summary);
  await writeMarket(trx, actor, p, keys, summary);
  await writeSources(trx, actor, p, keys, summary);
  await writeBuyers(trx, actor, p, keys, summary);
  if (p.marketMode) await writeMarketMode(trx, actor, p.marketMode, keys, summary);
  await audit(trx, actor, { action: 'import', entity: 'documents', entityId: FORMAT, before: null, after: summary });
  return summary;
}
