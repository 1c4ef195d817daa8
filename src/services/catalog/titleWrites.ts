/**
 * Writing a title: create (with its credits and companies) and update, each
 * one transaction with its audit entry and the engine's names refreshed.
 */
import type { Kysely } from 'kysely';
import { invalid } from '../../domain/errors.js';
import { newId, nowIso, toJson, type Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { recordRightsChange } from '../changeFeed.js';
import { NotFoundError } from '../errors.js';
import { uniqueId } from '../people.js';
import { dropFactLinks } from '../provenance.js';
import { checkCompanyEntries, checkCreditEntries, checkPlace, checkTitle, type CheckedTitle, type TitleInput } from './checks.js';
import { writeCredits, writeTitleCompanies } from './credits.js';
import { readTitleSnapshot } from './snapshot.js';
import { getTitle, type TitleDetail } from './titlePage.js';

function titleRow(c: CheckedTitle) {
  return {
    original_title: c.original_title,
    english_title: c.english_title,
    year: c.year,
    countries: toJson(c.countries),
    languages: toJson(c.languages),
    runtime_minutes: c.runtime_minutes,
    synopsis: c.synopsis,
    source_material: c.source_material,
    source_material_note: c.source_material_note,
    production_status: c.production_status,
    kind: c.kind,
    parent_id: c.parent_id,
    number: c.number,
    season_count: c.season_count,
    episode_count: c.episode_count,
    counts_final: c.counts_final,
    series_status: c.series_status,
  };
}

/** Inserts a checked title with its aliases, in the caller's transaction. Returns its id (readable: "one-second"). */
export async function insertTitle(
  trx: Kysely<Database>,
  actor: Actor,
  c: CheckedTitle,
  id?: string,
  opts: { audit?: boolean; field?: (name: string) => string } = {},
): Promise<string> {
  const tid = id ?? (await uniqueId(trx, 'titles', c.english_title ?? c.original_title, c.year));
  await checkPlace(trx, null, c, opts.field);
  const now = nowIso();
  await trx
    .insertInto('titles')
    .values({ id: tid, ...titleRow(c), created_at: now, updated_at: now })
    .execute();
  await insertAliases(trx, tid, c.aliases);
  // a season or episode changes what its series' rights reach: every server's index follows (the change feed)
  if (c.kind !== 'film' || c.parent_id !== null) await recordRightsChange(trx, [tid]);
  if (opts.audit !== false) await audit(trx, actor, { action: 'create', entity: 'titles', entityId: tid, before: null, after: c });
  return tid;
}

async function insertAliases(trx: Kysely<Database>, titleId: string, aliases: CheckedTitle['aliases']): Promise<void> {
  if (!aliases.length) return;
  await trx
    .insertInto('title_aliases')
    .values(aliases.map((a) => ({ id: newId(), title_id: titleId, ...a })))
    .execute();
}

export async function createTitle(app: FilmRights, actor: Actor, input: TitleInput): Promise<TitleDetail> {
  requireWriter(actor);
  const checked = checkTitle(input);
  const credits = checkCreditEntries(input.credits, 'credits');
  const companies = checkCompanyEntries(input.companies, 'companies');
  const id = await app.store.transaction(async (trx) => {
    const tid = await insertTitle(trx, actor, checked, undefined, { audit: false });
    if (credits) await writeCredits(trx, actor, tid, credits);
    if (companies) await writeTitleCompanies(trx, actor, tid, companies);
    await audit(trx, actor, { action: 'create', entity: 'titles', entityId: tid, before: null, after: await readTitleSnapshot(trx, tid) });
    return tid;
  });
  await app.refreshTitles([id]);
  return getTitle(app, actor, id);
}

/**
 * Changes the given fields of a title (absent means unchanged); `aliases`,
 * `credits` and `companies`, when given, replace their lists. One transaction,
 * one audit entry with the title before and after (credits and companies included).
 */
export async function updateTitle(app: FilmRights, actor: Actor, id: string, patch: Partial<TitleInput>): Promise<TitleDetail> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  const credits = checkCreditEntries(patch.credits, 'credits');
  const companies = checkCompanyEntries(patch.companies, 'companies');
  await app.store.transaction(async (trx) => {
    const before = await readTitleSnapshot(trx, id);
    if (!before) throw new NotFoundError('title', id);
    const current: TitleInput = {
      originalTitle: before.originalTitle,
      englishTitle: before.englishTitle,
      year: before.year,
      countries: before.countries,
      languages: before.languages,
      runtimeMinutes: before.runtimeMinutes,
      synopsis: before.synopsis,
      sourceMaterial: before.sourceMaterial,
      sourceMaterialNote: before.sourceMaterialNote,
      productionStatus: before.productionStatus,
      aliases: before.aliases.map((a) => ({ alias: a.alias, language: a.language, kind: a.kind })),
      kind: before.kind,
      parentId: before.parentId,
      number: before.number,
      seasonCount: before.seasonCount,
      episodeCount: before.episodeCount,
      countsFinal: before.countsFinal,
      seriesStatus: before.seriesStatus,
    };
    // the fields given (present, not undefined) replace the title's own; credits and companies are written below
    const given = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k in current));
    const merged: TitleInput = { ...current, ...given };
    const checked = checkTitle(merged);
    await checkPlace(trx, id, checked);
    // a new place in a series changes the rights its episodes inherit; a new name changes what every
    // server's answers call it: either way the other servers re-read the title from the feed
    const renamed = checked.original_title !== before.originalTitle || checked.english_title !== before.englishTitle;
    if (checked.kind !== before.kind || checked.parent_id !== before.parentId || renamed) await recordRightsChange(trx, [id]);
    await trx
      .updateTable('titles')
      .set({ ...titleRow(checked), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    if (patch.aliases !== undefined) await replaceAliases(trx, id, checked.aliases);
    if (credits) await writeCredits(trx, actor, id, credits);
    if (companies) await writeTitleCompanies(trx, actor, id, companies);
    await audit(trx, actor, { action: 'update', entity: 'titles', entityId: id, before, after: await readTitleSnapshot(trx, id) });
  });
  await app.refreshTitles([id]);
  return getTitle(app, actor, id);
}

/** Replaces a title's aliases, keeping (with their sources) the ones that stay. */
async function replaceAliases(trx: Kysely<Database>, id: string, aliases: CheckedTitle['aliases']): Promise<void> {
  const old = await trx.selectFrom('title_aliases').selectAll().where('title_id', '=', id).execute();
  const key = (a: { alias: string; language: string | null; kind: string | null }) => JSON.stringify([a.alias, a.language, a.kind]);
  const wanted = new Set(aliases.map(key));
  const gone = old.filter((o) => !wanted.has(key(o)));
  await dropFactLinks(
    trx,
    'title_aliases',
    gone.map((o) => o.id),
  );
  if (gone.length)
    await trx
      .deleteFrom('title_aliases')
      .where(
        'id',
        'in',
        gone.map((o) => o.id),
      )
      .execute();
  const kept = new Set(old.filter((o) => wanted.has(key(o))).map(key));
  await insertAliases(
    trx,
    id,
    aliases.filter((a) => !kept.has(key(a))),
  );
}
