/**
 * Deleting a title nothing refers to, and bringing a deleted title back from
 * its history.
 */
import type { Kysely } from 'kysely';
import { invalid } from '../../domain/errors.js';
import { nowIso, toJson, type Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit, deletedSnapshot } from '../audit.js';
import { InUseError, NotFoundError } from '../errors.js';
import { dropFactLinks, factLinksOf, restoreFactLinks, titleCompanyFactId } from '../provenance.js';
import { readTitleSnapshot, type TitleSnapshot } from './snapshot.js';
import { getTitle, type TitleDetail } from './titlePage.js';
import { marketUses } from '../marketDays/references.js';

/** What refers to a title (besides its own credits, aliases and companies): by kind, for a refusal that says so. */
export async function titleUses(db: Kysely<Database>, id: string): Promise<{ uses: Record<string, number>; contractRefs: string[] }> {
  const contracts = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('contracts as c', 'c.id', 'ct.contract_id')
    .select(['c.ref', 'c.deleted_at'])
    .where('ct.title_id', '=', id)
    .orderBy('c.ref')
    .execute();
  const count = async (table: 'selections' | 'awards' | 'releases' | 'box_office') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('title_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const uses: Record<string, number> = {
    contracts: contracts.filter((c) => !c.deleted_at).length,
    'deleted contracts': contracts.filter((c) => c.deleted_at).length,
    'festival selections': await count('selections'),
    awards: await count('awards'),
    releases: await count('releases'),
    'box-office figures': await count('box_office'),
    ...(await marketUses(db, 'title', id)),
    'titles under it': Number(
      (
        await db
          .selectFrom('titles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('parent_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  };
  return { uses: nonZero(uses), contractRefs: contracts.map((c) => c.ref) };
}

export function nonZero(uses: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(uses).filter(([, n]) => n > 0));
}

export interface DeleteResult<T> {
  /** The record as it was: what its history keeps and a restore brings back. */
  deleted: T;
  /** What went with it, by kind. */
  removed: Record<string, number>;
}

/**
 * Deletes a title that nothing refers to, with its own aliases, credits,
 * companies and their source links. Anything else that names it (a contract,
 * a festival selection, an award, a release, a box-office figure) refuses the
 * delete with an InUseError (409) that counts them. The deletion can be
 * undone from the title's history (restoreTitle).
 */
export async function deleteTitle(app: FilmRights, actor: Actor, id: string): Promise<DeleteResult<TitleSnapshot>> {
  requireWriter(actor);
  const result = await app.store.transaction(async (trx) => {
    await app.store.lockTitles(trx, [id]);
    const before = await readTitleSnapshot(trx, id);
    if (!before) throw new NotFoundError('title', id);
    const { uses, contractRefs } = await titleUses(trx, id);
    if (Object.keys(uses).length) {
      throw new InUseError(
        'title',
        id,
        uses,
        `"${before.englishTitle ?? before.originalTitle}"`,
        contractRefs.length ? `${contractRefs.length === 1 ? 'contract' : 'contracts'} ${contractRefs.join(', ')}` : undefined,
      );
    }
    const facts = [
      { table: 'titles' as const, ids: [id] },
      { table: 'title_aliases' as const, ids: before.aliases.map((a) => a.id) },
      { table: 'credits' as const, ids: before.credits.map((c) => c.id) },
      { table: 'title_companies' as const, ids: before.companies.map((c) => titleCompanyFactId(id, c.company.id, c.role)) },
    ];
    const links = await factLinksOf(trx, facts);
    for (const f of facts) await dropFactLinks(trx, f.table, f.ids);
    // aliases, credits and title companies cascade
    await trx.deleteFrom('titles').where('id', '=', id).execute();
    const deleted = { ...before, sourceLinks: links };
    await audit(trx, actor, { action: 'delete', entity: 'titles', entityId: id, before: deleted, after: null });
    return {
      deleted,
      removed: nonZero({
        aliases: before.aliases.length,
        credits: before.credits.length,
        companies: before.companies.length,
        'source links': links.length,
      }),
    };
  });
  await app.refreshTitles([id]);
  return result;
}

export interface RestoreResult<T> {
  restored: T;
  /** What could not come back, and why (e.g. a credit whose person was deleted since). */
  skipped: string[];
}

/**
 * Brings back a deleted title as its deletion kept it: its fields, aliases,
 * credits, companies and their source links (those whose person, company or
 * source was deleted since are skipped, and said so).
 */
export async function restoreTitle(app: FilmRights, actor: Actor, id: string): Promise<RestoreResult<TitleDetail>> {
  requireWriter(actor);
  const skipped: string[] = [];
  await app.store.transaction(async (trx) => {
    const snap = await deletedSnapshot<TitleSnapshot>(trx, 'titles', id, 'title');
    if (await trx.selectFrom('titles').select('id').where('id', '=', id).executeTakeFirst())
      throw invalid('id', id, `id: a title "${id}" exists again; nothing to restore`);
    const now = nowIso();
    // the title it sat under may be gone since: it comes back on its own
    const parent = snap.parentId
      ? await trx.selectFrom('titles').select('id').where('id', '=', snap.parentId).executeTakeFirst()
      : undefined;
    if (snap.parentId && !parent) skipped.push(`its place under ${snap.parentId}: that title was deleted since`);
    await trx
      .insertInto('titles')
      .values({
        id,
        original_title: snap.originalTitle,
        english_title: snap.englishTitle,
        year: snap.year,
        countries: toJson(snap.countries ?? []),
        languages: toJson(snap.languages ?? []),
        runtime_minutes: snap.runtimeMinutes,
        synopsis: snap.synopsis,
        source_material: snap.sourceMaterial,
        source_material_note: snap.sourceMaterialNote,
        production_status: snap.productionStatus,
        kind: snap.kind ?? 'film',
        parent_id: parent ? snap.parentId : null,
        number: snap.number ?? null,
        season_count: snap.seasonCount ?? null,
        episode_count: snap.episodeCount ?? null,
        counts_final: snap.countsFinal ? 1 : 0,
        series_status: snap.seriesStatus ?? null,
        created_at: snap.createdAt ?? now,
        updated_at: now,
      })
      .execute();
    if (snap.aliases?.length)
      await trx
        .insertInto('title_aliases')
        .values(snap.aliases.map((a) => ({ id: a.id, title_id: id, alias: a.alias, language: a.language, kind: a.kind })))
        .execute();
    const gone = new Set<string>();
    const people = new Set(
      (
        await trx
          .selectFrom('people')
          .select('id')
          .where('id', 'in', ['', ...(snap.credits ?? []).map((c) => c.person.id)])
          .execute()
      ).map((p) => p.id),
    );
    for (const c of snap.credits ?? []) {
      if (!people.has(c.person.id)) {
        skipped.push(`${c.role} credit of ${c.person.name}: the person was deleted or merged since`);
        gone.add(`credits:${c.id}`);
        continue;
      }
      await trx
        .insertInto('credits')
        .values({ id: c.id, title_id: id, person_id: c.person.id, role: c.role, character: c.character, position: c.position })
        .execute();
    }
    const companies = new Set(
      (
        await trx
          .selectFrom('companies')
          .select('id')
          .where('id', 'in', ['', ...(snap.companies ?? []).map((c) => c.company.id)])
          .execute()
      ).map((c) => c.id),
    );
    for (const c of snap.companies ?? []) {
      if (!companies.has(c.company.id)) {
        skipped.push(`${c.role} ${c.company.name}: the company was deleted or merged since`);
        gone.add(`title_companies:${titleCompanyFactId(id, c.company.id, c.role)}`);
        continue;
      }
      await trx.insertInto('title_companies').values({ title_id: id, company_id: c.company.id, role: c.role }).execute();
    }
    skipped.push(
      ...(await restoreFactLinks(
        trx,
        (snap.sourceLinks ?? []).filter((l) => !gone.has(`${l.fact_table}:${l.fact_id}`)),
      )),
    );
    const { sourceLinks: _links, ...deleted } = snap;
    await audit(trx, actor, {
      action: 'restore',
      entity: 'titles',
      entityId: id,
      before: deleted,
      after: await readTitleSnapshot(trx, id),
    });
  });
  await app.refreshTitles([id]);
  return { restored: await getTitle(app, actor, id), skipped };
}
