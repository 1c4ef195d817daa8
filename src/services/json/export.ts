/**
 * `exportJson`: the whole record as a `filmrights/1` document. The rows are
 * read here, in one transaction; interchange/json/export.ts builds the
 * document from them.
 */
import type { Kysely } from 'kysely';
import type { InterchangeDocument } from '../../interchange/json/document.js';
import type { AccountsRows } from '../../interchange/json/accounts.js';
import { buildJsonDocument, type JsonExportRows } from '../../interchange/json/export.js';
import type { Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { visibleTo } from '../access.js';
import { weCompanyIn } from '../contracts.js';
import { marketModeRows } from './marketMode.js';

/**
 * The whole record as an interchange document. Deleted contracts are left
 * out; without the financial-terms permission, MGs and the accounts are too (box-office grosses
 * are public record and always exported: docs/security.md).
 */
export async function exportJson(app: FilmRights, actor: Actor): Promise<InterchangeDocument> {
  return app.store.transaction((trx) => exportIn(trx, actor));
}

async function exportIn(db: Kysely<Database>, actor: Actor): Promise<InterchangeDocument> {
  const rows: JsonExportRows = {
    companies: await db.selectFrom('companies').selectAll().execute(),
    people: await db.selectFrom('people').selectAll().execute(),
    titles: await db.selectFrom('titles').selectAll().execute(),
    aliases: await db.selectFrom('title_aliases').selectAll().execute(),
    credits: await db.selectFrom('credits').selectAll().execute(),
    titleCompanies: await db.selectFrom('title_companies').selectAll().execute(),
    weId: await weCompanyIn(db),
    festivals: await db.selectFrom('festivals').selectAll().execute(),
    editions: await db.selectFrom('festival_editions').selectAll().execute(),
    sections: await db.selectFrom('sections').selectAll().execute(),
    selections: await db.selectFrom('selections').selectAll().execute(),
    awards: await db.selectFrom('awards').selectAll().execute(),
    contracts: await db.selectFrom('contracts').selectAll().where('deleted_at', 'is', null).execute(),
    contractTitles: await db.selectFrom('contract_titles').selectAll().execute(),
    blocks: await db.selectFrom('rights_blocks').selectAll().execute(),
    holdbacks: await db.selectFrom('holdbacks').selectAll().execute(),
    negotiators: await db.selectFrom('negotiators').selectAll().execute(),
    releases: await db.selectFrom('releases').selectAll().execute(),
    boxOffice: await db.selectFrom('box_office').selectAll().execute(),
    sources: await db.selectFrom('sources').selectAll().execute(),
    factRows: await db.selectFrom('fact_sources').selectAll().execute(),
    // the accounts are confidential as a whole: read only for users with the financial-terms permission
    accounts: actor.canSeeFinancials ? await accountsRows(db) : undefined,
    buyers: await db.selectFrom('buyers').selectAll().execute(),
    buyerContacts: await db.selectFrom('buyer_contacts').selectAll().execute(),
    marketMode: await marketModeRows(db, actor.canSeeFinancials),
  };
  return visibleTo(actor, buildJsonDocument(rows));
}

async function accountsRows(db: Kysely<Database>): Promise<AccountsRows> {
  const statements = await db.selectFrom('statements').selectAll().execute();
  const issuers = [...new Set(statements.flatMap((s) => (s.issued_by ? [s.issued_by] : [])))];
  const users = issuers.length ? await db.selectFrom('users').select(['id', 'username']).where('id', 'in', issuers).execute() : [];
  return {
    terms: await db.selectFrom('contract_terms').selectAll().execute(),
    fees: await db.selectFrom('fee_rules').selectAll().execute(),
    caps: await db.selectFrom('expense_caps').selectAll().execute(),
    instalments: await db.selectFrom('instalments').selectAll().execute(),
    events: await db.selectFrom('deal_events').selectAll().execute(),
    receipts: await db.selectFrom('receipts').selectAll().execute(),
    expenses: await db.selectFrom('expenses').selectAll().execute(),
    payments: await db.selectFrom('payments').selectAll().execute(),
    revenue: await db.selectFrom('revenue_lines').selectAll().execute(),
    rates: await db.selectFrom('exchange_rates').selectAll().execute(),
    statements,
    usernames: new Map(users.map((u) => [u.id, u.username])),
  };
}
