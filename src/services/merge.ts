/**
 * Merging duplicates: two records of the same film, company or person (the
 * forgiving name matching, an import and a trade article can each make one).
 * Everything that names the merged-away record moves to the kept one in one
 * transaction: contracts (with their rights, so the in-memory rights index is
 * refreshed for both titles), credits, companies, festival selections,
 * awards, releases, box office and the source links of every fact. Exact
 * duplicates that the move would create (the same person credited twice in
 * the same role, the same selection twice) become one, keeping both sources.
 * The kept record keeps its fields; those it leaves empty are filled from the
 * other. One audit entry, "merge", on the kept record: before (with the
 * merged-away record as `mergedFrom`) and after.
 */
import type { Kysely } from 'kysely';
import { invalid } from '../domain/errors.js';
import { normalizeName } from '../domain/fuzzy.js';
import { newId, nowIso, parseJson, toJson, type Database } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter } from './access.js';
import { audit } from './audit.js';
import { getTitle, readTitleSnapshot, type TitleDetail } from './catalog.js';
import { recordRightsChange } from './changeFeed.js';
import { NotFoundError } from './errors.js';
import { getCompany, getPerson, readCompanySnapshot, readPersonSnapshot, type CompanyDetail, type PersonDetail } from './people.js';
import { titleCompanyFactId, type FactTable } from './provenance.js';
import { mergeBuyerProfile } from './buyers/profile.js';
import { moveMarketReferences } from './marketDays/references.js';

export interface MergeResult<T> {
  /** The kept record, after the merge. */
  kept: T;
  /** The id of the record merged away (deleted). */
  mergedId: string;
  /** How many of each kind moved to the kept record. */
  moved: Record<string, number>;
}

function sameIds(keepId: string, mergeId: string): void {
  if (typeof mergeId !== 'string' || mergeId === '') throw invalid('mergeId', mergeId, 'mergeId: say which record to merge into this one');
  if (keepId === mergeId) throw invalid('mergeId', mergeId, 'mergeId: a record cannot be merged into itself');
}

/** Points the source links of a fact at another fact (the one it became). */
async function moveLinks(trx: Kysely<Database>, table: FactTable, from: string, to: string): Promise<void> {
  if (from === to) return;
  await trx.updateTable('fact_sources').set({ fact_id: to }).where('fact_table', '=', table).where('fact_id', '=', from).execute();
}

/**
 * Article facts remember what they were written as ({table, id}); after a merge
 * the merged-away ids would point at nothing. Rewrites them with `rewrite`.
 */
async function rewriteWritten(trx: Kysely<Database>, needle: string, rewrite: (table: string, id: string) => string | null): Promise<void> {
  const db = trx;
  // unescaped: a '%' or '_' in an id only widens the match, and the rows are checked one by one below
  const like = `%${needle}%`;
  const rows = await db.selectFrom('article_facts').select(['id', 'written']).where('written', 'like', like).execute();
  for (const r of rows) {
    if (!r.written) continue;
    const w = parseJson(r.written);
    const id = rewrite(w.table, w.id);
    if (id !== null && id !== w.id)
      await db
        .updateTable('article_facts')
        .set({ written: toJson({ ...w, id }) })
        .where('id', '=', r.id)
        .execute();
  }
}

/**
 * Rows of one table that became the same fact after a move (same key): the
 * first stays, the others go, their source links moving to the one that stays.
 */
async function dedupe<R extends { id: string }>(
  trx: Kysely<Database>,
  table: 'credits' | 'selections' | 'awards' | 'releases' | 'box_office' | 'title_aliases',
  rows: R[],
  key: (r: R) => string,
): Promise<number> {
  const first = new Map<string, string>();
  const gone: string[] = [];
  for (const r of rows) {
    const k = key(r);
    const kept = first.get(k);
    if (kept === undefined) first.set(k, r.id);
    else {
      await moveLinks(trx, table, r.id, kept);
      gone.push(r.id);
    }
  }
  if (gone.length) await trx.deleteFrom(table).where('id', 'in', gone).execute();
  return gone.length;
}

async function bumpContracts(trx: Kysely<Database>, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const now = nowIso();
  const rows = await trx.selectFrom('contracts').select(['id', 'version']).where('id', 'in', ids).execute();
  for (const r of rows)
    await trx
      .updateTable('contracts')
      .set({ version: r.version + 1, updated_at: now })
      .where('id', '=', r.id)
      .execute();
}

async function titlesOfContracts(trx: Kysely<Database>, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  return [
    ...new Set(
      (await trx.selectFrom('contract_titles').select('title_id').where('contract_id', 'in', ids).execute()).map((r) => r.title_id),
    ),
  ];
}

const blockKey = (b: {
  territory_codes: string;
  media_ids: string;
  start_date: string | null;
  end_date: string | null;
  [k: string]: unknown;
}) =>
  JSON.stringify([
    b.territory_codes,
    b.media_ids,
    b.languages ?? null,
    b.start_date,
    b.end_date,
    b.exclusive ?? null,
    b.description ?? null,
  ]);

// ------------------------------------------------------------------ titles

/** Merges title `mergeId` into title `keepId` (see the file's comment). */
export async function mergeTitles(app: FilmRights, actor: Actor, keepId: string, mergeId: string): Promise<MergeResult<TitleDetail>> {
  requireWriter(actor);
  sameIds(keepId, mergeId);
  const moved = await app.store.transaction(async (trx) => {
    await app.store.lockTitles(trx, [keepId, mergeId]);
    const keep = await readTitleSnapshot(trx, keepId);
    if (!keep) throw new NotFoundError('title', keepId);
    const drop = await readTitleSnapshot(trx, mergeId);
    if (!drop) throw invalid('mergeId', mergeId, `mergeId: no title with id "${mergeId}"`);
    const moved: Record<string, number> = {};
    const count = (k: string, n: number) => n && (moved[k] = (moved[k] ?? 0) + n);

    // contracts, with their rights blocks and holdbacks
    const contracts = (await trx.selectFrom('contract_titles').select('contract_id').where('title_id', '=', mergeId).execute()).map(
      (r) => r.contract_id,
    );
    for (const cid of contracts) {
      const has = await trx
        .selectFrom('contract_titles')
        .select('contract_id')
        .where('contract_id', '=', cid)
        .where('title_id', '=', keepId)
        .executeTakeFirst();
      if (!has) await trx.insertInto('contract_titles').values({ contract_id: cid, title_id: keepId }).execute();
      await trx
        .updateTable('rights_blocks')
        .set({ title_id: keepId })
        .where('contract_id', '=', cid)
        .where('title_id', '=', mergeId)
        .execute();
      await trx.updateTable('holdbacks').set({ title_id: keepId }).where('contract_id', '=', cid).where('title_id', '=', mergeId).execute();
      await trx.deleteFrom('contract_titles').where('contract_id', '=', cid).where('title_id', '=', mergeId).execute();
      if (has) {
        // the contract named both records: the same grant twice is one grant
        for (const table of ['rights_blocks', 'holdbacks'] as const) {
          const rows = (await trx
            .selectFrom(table)
            .selectAll()
            .where('contract_id', '=', cid)
            .where('title_id', '=', keepId)
            .orderBy('id')
            .execute()) as Array<{
            id: string;
            territory_codes: string;
            media_ids: string;
            start_date: string | null;
            end_date: string | null;
          }>;
          const seen = new Set<string>();
          const extra = rows.filter((r) => (seen.has(blockKey(r)) ? true : (seen.add(blockKey(r)), false))).map((r) => r.id);
          if (extra.length) await trx.deleteFrom(table).where('id', 'in', extra).execute();
        }
      }
    }
    await bumpContracts(trx, contracts);
    count('contracts', contracts.length);

    // credits: appended after the kept title's, in their billing order
    const last = new Map<string, number>();
    for (const c of keep.credits) last.set(c.role, Math.max(last.get(c.role) ?? -1, c.position));
    for (const c of drop.credits) {
      const twin = keep.credits.find((k) => k.person.id === c.person.id && k.role === c.role);
      if (twin) {
        await moveLinks(trx, 'credits', c.id, twin.id);
        await trx.deleteFrom('credits').where('id', '=', c.id).execute();
      } else {
        const position = (last.get(c.role) ?? -1) + 1;
        last.set(c.role, position);
        await trx.updateTable('credits').set({ title_id: keepId, position }).where('id', '=', c.id).execute();
        count('credits', 1);
      }
    }

    // aliases, and the merged record's own names as aliases of the kept one
    const keptNames = new Set(
      [keep.originalTitle, keep.englishTitle, ...keep.aliases.map((a) => a.alias)].filter((n): n is string => !!n).map(normalizeName),
    );
    for (const a of drop.aliases) {
      const twin = keep.aliases.find((k) => normalizeName(k.alias) === normalizeName(a.alias));
      if (twin) {
        await moveLinks(trx, 'title_aliases', a.id, twin.id);
        await trx.deleteFrom('title_aliases').where('id', '=', a.id).execute();
      } else {
        await trx.updateTable('title_aliases').set({ title_id: keepId }).where('id', '=', a.id).execute();
        keptNames.add(normalizeName(a.alias));
        count('aliases', 1);
      }
    }
    for (const n of [drop.originalTitle, drop.englishTitle]) {
      if (!n || keptNames.has(normalizeName(n))) continue;
      keptNames.add(normalizeName(n));
      await trx
        .insertInto('title_aliases')
        .values({ id: newId(), title_id: keepId, alias: n, language: null, kind: 'merged record' })
        .execute();
      count('aliases', 1);
    }

    // companies of the title
    for (const c of drop.companies) {
      const from = titleCompanyFactId(mergeId, c.company.id, c.role);
      const to = titleCompanyFactId(keepId, c.company.id, c.role);
      if (!keep.companies.some((k) => k.company.id === c.company.id && k.role === c.role)) {
        await trx.insertInto('title_companies').values({ title_id: keepId, company_id: c.company.id, role: c.role }).execute();
        count('companies', 1);
      }
      await moveLinks(trx, 'title_companies', from, to);
      await trx
        .deleteFrom('title_companies')
        .where('title_id', '=', mergeId)
        .where('company_id', '=', c.company.id)
        .where('role', '=', c.role)
        .execute();
    }

    // festival selections, awards, releases, box office
    for (const [table, label] of [
      ['selections', 'festival selections'],
      ['awards', 'awards'],
      ['releases', 'releases'],
      ['box_office', 'box-office figures'],
    ] as const) {
      const n = (await trx.selectFrom(table).select('id').where('title_id', '=', mergeId).execute()).length;
      if (!n) continue;
      await trx.updateTable(table).set({ title_id: keepId }).where('title_id', '=', mergeId).execute();
      count(label, n);
    }
    for (const [label, n] of Object.entries(await moveMarketReferences(trx, 'title', mergeId, keepId))) count(label, n);
    await dedupe(
      trx,
      'selections',
      await trx.selectFrom('selections').selectAll().where('title_id', '=', keepId).orderBy('id').execute(),
      (r) => r.edition_id,
    );
    await dedupe(trx, 'awards', await trx.selectFrom('awards').selectAll().where('title_id', '=', keepId).orderBy('id').execute(), (r) =>
      JSON.stringify([r.edition_id, normalizeName(r.name), r.person_id]),
    );
    await dedupe(
      trx,
      'releases',
      await trx.selectFrom('releases').selectAll().where('title_id', '=', keepId).orderBy('id').execute(),
      (r) => JSON.stringify([r.territory, r.kind, r.release_date, r.date_precision, r.distributor_id]),
    );
    await dedupe(
      trx,
      'box_office',
      await trx.selectFrom('box_office').selectAll().where('title_id', '=', keepId).orderBy('id').execute(),
      (r) => JSON.stringify([r.territory, Number(r.amount), r.currency, r.period_start, r.period_end, r.as_of, r.is_cumulative]),
    );

    // the title's own facts and what the articles wrote
    const titleLinks = await trx
      .selectFrom('fact_sources')
      .select('id')
      .where('fact_table', '=', 'titles')
      .where('fact_id', '=', mergeId)
      .execute();
    await moveLinks(trx, 'titles', mergeId, keepId);
    count('sources', titleLinks.length);
    await rewriteWritten(trx, mergeId, (table, id) => {
      if (table === 'titles' && id === mergeId) return keepId;
      if (table === 'title_companies' && id.startsWith(`${mergeId}|`)) return `${keepId}|${id.slice(mergeId.length + 1)}`;
      return null;
    });

    // what the kept record leaves empty, the merged one fills
    const fill: Record<string, unknown> = {};
    const t = await trx.selectFrom('titles').selectAll().where('id', '=', keepId).executeTakeFirstOrThrow();
    const d = await trx.selectFrom('titles').selectAll().where('id', '=', mergeId).executeTakeFirstOrThrow();
    for (const k of [
      'english_title',
      'year',
      'runtime_minutes',
      'synopsis',
      'source_material',
      'source_material_note',
      'production_status',
    ] as const) {
      if (t[k] === null && d[k] !== null) fill[k] = d[k];
    }
    if (fill.english_title === t.original_title) delete fill.english_title;
    for (const k of ['countries', 'languages'] as const) if (!parseJson(t[k]).length && parseJson(d[k]).length) fill[k] = d[k];
    await trx
      .updateTable('titles')
      .set({ ...fill, updated_at: nowIso() })
      .where('id', '=', keepId)
      .execute();

    // titles under the duplicate (seasons, episodes) would lose their place: they are moved first, by hand
    const under = await trx.selectFrom('titles').select('id').where('parent_id', '=', mergeId).execute();
    if (under.length)
      throw invalid(
        'mergeId',
        mergeId,
        `mergeId: ${mergeId} has titles under it (${under.map((u) => u.id).join(', ')}); move them to ${keepId} first`,
      );
    await trx.deleteFrom('titles').where('id', '=', mergeId).execute();
    await recordRightsChange(trx, [keepId, mergeId]);
    await audit(trx, actor, {
      action: 'merge',
      entity: 'titles',
      entityId: keepId,
      before: { ...keep, mergedFrom: drop },
      after: await readTitleSnapshot(trx, keepId),
      reason: `merged "${drop.englishTitle ?? drop.originalTitle}" (${mergeId}) into this title`,
    });
    return moved;
  });
  // the index and the names: the kept title gains the rights, the merged one is gone
  await app.refreshTitles([keepId, mergeId]);
  return { kept: await getTitle(app, actor, keepId), mergedId: mergeId, moved };
}

// ------------------------------------------------------------------ companies

/** Merges company `mergeId` into company `keepId`: contracts (either side, sales agent), negotiators, titles, releases, "we". */
export async function mergeCompanies(app: FilmRights, actor: Actor, keepId: string, mergeId: string): Promise<MergeResult<CompanyDetail>> {
  requireWriter(actor);
  sameIds(keepId, mergeId);
  let titles: string[] = [];
  const moved = await app.store.transaction(async (trx) => {
    const keep = await readCompanySnapshot(trx, keepId);
    if (!keep) throw new NotFoundError('company', keepId);
    const drop = await readCompanySnapshot(trx, mergeId);
    if (!drop) throw invalid('mergeId', mergeId, `mergeId: no company with id "${mergeId}"`);
    const moved: Record<string, number> = {};
    const count = (k: string, n: number) => n && (moved[k] = (moved[k] ?? 0) + n);

    const contracts = (
      await trx
        .selectFrom('contracts')
        .select('id')
        .where((eb) => eb.or([eb('licensor_id', '=', mergeId), eb('licensee_id', '=', mergeId), eb('sales_agent_id', '=', mergeId)]))
        .execute()
    ).map((r) => r.id);
    const negotiating = (await trx.selectFrom('negotiators').select('contract_id').where('company_id', '=', mergeId).execute()).map(
      (r) => r.contract_id,
    );
    titles = await titlesOfContracts(trx, [...contracts, ...negotiating]);
    await app.store.lockTitles(trx, titles);
    for (const col of ['licensor_id', 'licensee_id', 'sales_agent_id'] as const)
      await trx
        .updateTable('contracts')
        .set({ [col]: keepId })
        .where(col, '=', mergeId)
        .execute();
    await trx.updateTable('negotiators').set({ company_id: keepId }).where('company_id', '=', mergeId).execute();
    await bumpContracts(trx, [...new Set([...contracts, ...negotiating])]);
    count('contracts', contracts.length);
    count('negotiator seats', negotiating.length);
    for (const [label, n] of Object.entries(await moveMarketReferences(trx, 'company', mergeId, keepId))) count(label, n);

    const tcs = await trx.selectFrom('title_companies').selectAll().where('company_id', '=', mergeId).execute();
    for (const tc of tcs) {
      const has = await trx
        .selectFrom('title_companies')
        .select('role')
        .where('title_id', '=', tc.title_id)
        .where('company_id', '=', keepId)
        .where('role', '=', tc.role)
        .executeTakeFirst();
      if (!has) await trx.insertInto('title_companies').values({ title_id: tc.title_id, company_id: keepId, role: tc.role }).execute();
      await moveLinks(
        trx,
        'title_companies',
        titleCompanyFactId(tc.title_id, mergeId, tc.role),
        titleCompanyFactId(tc.title_id, keepId, tc.role),
      );
      await trx
        .deleteFrom('title_companies')
        .where('title_id', '=', tc.title_id)
        .where('company_id', '=', mergeId)
        .where('role', '=', tc.role)
        .execute();
    }
    count('titles', tcs.length);
    const releases = await trx.selectFrom('releases').select('id').where('distributor_id', '=', mergeId).execute();
    await trx.updateTable('releases').set({ distributor_id: keepId }).where('distributor_id', '=', mergeId).execute();
    count('releases', releases.length);

    const we = await trx.selectFrom('settings').select('value').where('key', '=', 'we_company_id').executeTakeFirst();
    if (we && parseJson(we.value) === mergeId) {
      await trx
        .updateTable('settings')
        .set({ value: toJson(keepId) })
        .where('key', '=', 'we_company_id')
        .execute();
      moved['our company'] = 1;
    }
    const links = await trx
      .selectFrom('fact_sources')
      .select('id')
      .where('fact_table', '=', 'companies')
      .where('fact_id', '=', mergeId)
      .execute();
    await moveLinks(trx, 'companies', mergeId, keepId);
    count('sources', links.length);
    await rewriteWritten(trx, mergeId, (table, id) => {
      if (table === 'companies' && id === mergeId) return keepId;
      if (table === 'title_companies') {
        const [t, c, r] = id.split('|');
        if (c === mergeId) return titleCompanyFactId(t, keepId, r);
      }
      return null;
    });
    if (!keep.country && drop.country) await trx.updateTable('companies').set({ country: drop.country }).where('id', '=', keepId).execute();
    if (await mergeBuyerProfile(trx, keepId, mergeId)) moved['buyer profile'] = 1;
    await trx.deleteFrom('companies').where('id', '=', mergeId).execute();
    // the contract parties the answers name are refreshed with the titles, here and on other servers
    await recordRightsChange(trx, titles);
    await audit(trx, actor, {
      action: 'merge',
      entity: 'companies',
      entityId: keepId,
      before: { ...keep, mergedFrom: drop },
      after: await readCompanySnapshot(trx, keepId),
      reason: `merged "${drop.name}" (${mergeId}) into this company`,
    });
    return moved;
  });
  await app.refreshTitles(titles);
  return { kept: await getCompany(app, actor, keepId), mergedId: mergeId, moved };
}

// ------------------------------------------------------------------ people

/** Merges person `mergeId` into person `keepId`: credits, deals negotiated, awards. */
export async function mergePeople(app: FilmRights, actor: Actor, keepId: string, mergeId: string): Promise<MergeResult<PersonDetail>> {
  requireWriter(actor);
  sameIds(keepId, mergeId);
  const moved = await app.store.transaction(async (trx) => {
    const keep = await readPersonSnapshot(trx, keepId);
    if (!keep) throw new NotFoundError('person', keepId);
    const drop = await readPersonSnapshot(trx, mergeId);
    if (!drop) throw invalid('mergeId', mergeId, `mergeId: no person with id "${mergeId}"`);
    const moved: Record<string, number> = {};
    const count = (k: string, n: number) => n && (moved[k] = (moved[k] ?? 0) + n);

    const credits = await trx.selectFrom('credits').selectAll().where('person_id', '=', mergeId).execute();
    for (const c of credits) {
      const twin = await trx
        .selectFrom('credits')
        .select('id')
        .where('title_id', '=', c.title_id)
        .where('person_id', '=', keepId)
        .where('role', '=', c.role)
        .executeTakeFirst();
      if (twin) {
        await moveLinks(trx, 'credits', c.id, twin.id);
        await trx.deleteFrom('credits').where('id', '=', c.id).execute();
      } else await trx.updateTable('credits').set({ person_id: keepId }).where('id', '=', c.id).execute();
    }
    count('credits', credits.length);

    const seats = await trx.selectFrom('negotiators').selectAll().where('person_id', '=', mergeId).execute();
    for (const n of seats) {
      const twin = await trx
        .selectFrom('negotiators')
        .select('contract_id')
        .where('contract_id', '=', n.contract_id)
        .where('person_id', '=', keepId)
        .executeTakeFirst();
      if (twin) await trx.deleteFrom('negotiators').where('contract_id', '=', n.contract_id).where('person_id', '=', mergeId).execute();
      else
        await trx
          .updateTable('negotiators')
          .set({ person_id: keepId })
          .where('contract_id', '=', n.contract_id)
          .where('person_id', '=', mergeId)
          .execute();
    }
    await bumpContracts(
      trx,
      seats.map((s) => s.contract_id),
    );
    count('deals negotiated', seats.length);
    for (const [label, n] of Object.entries(await moveMarketReferences(trx, 'person', mergeId, keepId))) count(label, n);

    const awards = await trx.selectFrom('awards').select('id').where('person_id', '=', mergeId).execute();
    await trx.updateTable('awards').set({ person_id: keepId }).where('person_id', '=', mergeId).execute();
    count('awards', awards.length);

    const links = await trx
      .selectFrom('fact_sources')
      .select('id')
      .where('fact_table', '=', 'people')
      .where('fact_id', '=', mergeId)
      .execute();
    await moveLinks(trx, 'people', mergeId, keepId);
    count('sources', links.length);
    await rewriteWritten(trx, mergeId, (table, id) => (table === 'people' && id === mergeId ? keepId : null));
    if (!keep.sortName && drop.sortName)
      await trx.updateTable('people').set({ sort_name: drop.sortName }).where('id', '=', keepId).execute();
    const contacts = await trx.updateTable('buyer_contacts').set({ person_id: keepId }).where('person_id', '=', mergeId).executeTakeFirst();
    count('buyer contacts', Number(contacts.numUpdatedRows));
    await trx.deleteFrom('people').where('id', '=', mergeId).execute();
    await audit(trx, actor, {
      action: 'merge',
      entity: 'people',
      entityId: keepId,
      before: { ...keep, mergedFrom: drop },
      after: await readPersonSnapshot(trx, keepId),
      reason: `merged "${drop.name}" (${mergeId}) into this person`,
    });
    return moved;
  });
  return { kept: await getPerson(app, actor, keepId), mergedId: mergeId, moved };
}
