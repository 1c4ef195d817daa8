/**
 * Festivals and markets: festivals with their editions (the 69th Berlinale is
 * 2019), sections, selections (premiere status, slots such as closing night,
 * withdrawals with the stated reason) and awards (ties share a tie group).
 * An edition's lineup is also the acquisitions view: per title, its sales
 * agent and the territories sold, on hold and still free today.
 */
import type { Kysely } from 'kysely';
import { invalid } from '../domain/errors.js';
import { normalizeName } from '../domain/fuzzy.js';
import {
  FESTIVAL_KINDS,
  PREMIERE_STATUSES,
  SELECTION_SLOTS,
  flag,
  newId,
  parseJson,
  slugId,
  toJson,
  type Database,
  type FestivalKind,
  type PremiereStatus,
  type SelectionSlot,
  defaultTieGroup,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter } from './access.js';
import { audit } from './audit.js';
import { mustExist } from './catalog.js';
import { InUseError, NotFoundError } from './errors.js';
import {
  countryCode,
  oneOf,
  optionalBool,
  optionalInt,
  optionalIsoDate,
  optionalOneOf,
  optionalText,
  rankByNames,
  requiredText,
} from './lookup.js';
import { uniqueId } from './people.js';
import { deleteRow, deleteRowIn, type RowSnapshot } from './rows.js';
import type { FestivalInput, EditionInput, SelectionInput, AwardInput } from '../contract/index.js';
export type { FestivalInput, EditionInput, SelectionInput, AwardInput } from '../contract/index.js';

import type { EditionView } from './festivals/lineup.js';

export { getEdition, type EditionView, type Lineup, type LineupSelection } from './festivals/lineup.js';

type Field = (name: string) => string;
const plain: Field = (n) => n;

// ------------------------------------------------------------------ festivals

export interface CheckedFestival {
  name: string;
  short_name: string | null;
  aliases: string[];
  kind: FestivalKind;
  country: string | null;
  city: string | null;
}

export function checkFestival(input: FestivalInput, f: Field = plain): CheckedFestival {
  if (input.aliases !== undefined && !Array.isArray(input.aliases))
    throw invalid(f('aliases'), input.aliases, `${f('aliases')}: expected a list of names`);
  return {
    name: requiredText(input.name, f('name')),
    short_name: optionalText(input.shortName, f('shortName')),
    aliases: (input.aliases ?? []).map((a, i) => requiredText(a, `${f('aliases')}[${i}]`)),
    kind: input.kind === undefined ? 'festival' : oneOf(input.kind, FESTIVAL_KINDS, f('kind')),
    country: input.country ? countryCode(input.country, f('country')) : null,
    city: optionalText(input.city, f('city')),
  };
}

/** Festivals by any of their names (name, short name, aliases), normalized. */
export class FestivalIndex {
  private readonly byKey = new Map<string, string>();
  readonly names: string[] = [];
  add(id: string, names: Array<string | null>): void {
    for (const n of names) {
      if (!n) continue;
      const k = normalizeName(n);
      if (k && !this.byKey.has(k)) this.byKey.set(k, id);
      this.names.push(n);
    }
  }
  find(name: string): string | undefined {
    return this.byKey.get(normalizeName(name));
  }
  static async load(db: Kysely<Database>): Promise<FestivalIndex> {
    const index = new FestivalIndex();
    for (const f of await db.selectFrom('festivals').select(['id', 'name', 'short_name', 'aliases']).orderBy('name').execute()) {
      index.add(f.id, [f.name, f.short_name, ...parseJson(f.aliases)]);
    }
    return index;
  }
}

export async function findOrCreateFestivalIn(
  trx: Kysely<Database>,
  actor: Actor,
  c: CheckedFestival,
  index?: FestivalIndex,
): Promise<{ id: string; created: boolean }> {
  const idx = index ?? (await FestivalIndex.load(trx));
  const found = idx.find(c.name) ?? (c.short_name ? idx.find(c.short_name) : undefined);
  if (found) return { id: found, created: false };
  const id = await uniqueId(trx, 'festivals', c.short_name ?? c.name);
  const row = { id, name: c.name, short_name: c.short_name, aliases: toJson(c.aliases), kind: c.kind, country: c.country, city: c.city };
  await trx.insertInto('festivals').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'festivals', entityId: id, before: null, after: c });
  idx.add(id, [c.name, c.short_name, ...c.aliases]);
  return { id, created: true };
}

export async function createFestival(app: FilmRights, actor: Actor, input: FestivalInput): Promise<FestivalDetail> {
  requireWriter(actor);
  const c = checkFestival(input);
  const { id } = await app.store.transaction((trx) => findOrCreateFestivalIn(trx, actor, c));
  return getFestival(app, actor, id);
}

export interface FestivalDetail {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: FestivalKind;
  country: string | null;
  city: string | null;
  editions: EditionView[];
}

async function festivalsWithEditions(db: Kysely<Database>, ids?: string[]): Promise<FestivalDetail[]> {
  let q = db.selectFrom('festivals').selectAll().orderBy('name');
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  const festivals = await q.execute();
  const editions = festivals.length
    ? await db
        .selectFrom('festival_editions')
        .selectAll()
        .where(
          'festival_id',
          'in',
          festivals.map((f) => f.id),
        )
        .orderBy('year', 'desc')
        .orderBy('number', 'desc')
        .execute()
    : [];
  return festivals.map((f) => ({
    id: f.id,
    name: f.name,
    shortName: f.short_name,
    aliases: parseJson(f.aliases),
    kind: f.kind,
    country: f.country,
    city: f.city,
    editions: editions
      .filter((e) => e.festival_id === f.id)
      .map((e) => ({ id: e.id, number: e.number, year: e.year, start: e.start_date, end: e.end_date })),
  }));
}

export async function listFestivals(app: FilmRights, params: { q?: string; kind?: string } = {}): Promise<FestivalDetail[]> {
  let all = await festivalsWithEditions(app.store.db);
  if (params.kind) {
    const kind = oneOf(params.kind, FESTIVAL_KINDS, 'kind');
    all = all.filter((f) => f.kind === kind);
  }
  return params.q?.trim()
    ? rankByNames(
        params.q,
        all.map((f) => ({ item: f, names: [f.name, f.shortName, ...f.aliases] })),
      )
    : all;
}

export async function getFestival(app: FilmRights, _actor: Actor, id: string): Promise<FestivalDetail> {
  const [f] = await festivalsWithEditions(app.store.db, [id]);
  if (!f) throw new NotFoundError('festival', id);
  return f;
}

// ------------------------------------------------------------------ editions and sections

export interface CheckedEdition {
  number: number | null;
  year: number;
  start_date: string | null;
  end_date: string | null;
}

export function checkEdition(input: Omit<EditionInput, 'festivalId'>, f: Field = plain): CheckedEdition {
  const year = optionalInt(input.year, f('year'), 1870, 2200);
  if (year === null) throw invalid(f('year'), input.year, `${f('year')}: required, the edition's year`);
  const start = optionalIsoDate(input.start, f('start'));
  const end = optionalIsoDate(input.end, f('end'));
  if (start && end && end < start) throw invalid(f('end'), end, `${f('end')}: ${end} is before the start ${start}`);
  if (start && Number(start.slice(0, 4)) !== year) throw invalid(f('start'), start, `${f('start')}: ${start} is not in ${year}`);
  return { number: optionalInt(input.number, f('number'), 1, 10_000), year, start_date: start, end_date: end };
}

/** Finds the festival's edition with this number (or, without a number, this year), or creates it. */
export async function findOrCreateEditionIn(
  trx: Kysely<Database>,
  actor: Actor,
  festivalId: string,
  c: CheckedEdition,
): Promise<{ id: string; created: boolean }> {
  let q = trx.selectFrom('festival_editions').select('id').where('festival_id', '=', festivalId);
  q = c.number !== null ? q.where('number', '=', c.number) : q.where('year', '=', c.year).where('number', 'is', null);
  const found = await q.executeTakeFirst();
  if (found) return { id: found.id, created: false };
  const id = `${festivalId}-${c.year}${c.number !== null ? `-${c.number}` : ''}`;
  const taken = await trx.selectFrom('festival_editions').select('id').where('id', '=', id).executeTakeFirst();
  const eid = taken ? newId() : id;
  const row = { id: eid, festival_id: festivalId, ...c };
  await trx.insertInto('festival_editions').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'festival_editions', entityId: eid, before: null, after: row });
  return { id: eid, created: true };
}

export async function createEdition(app: FilmRights, actor: Actor, input: EditionInput): Promise<EditionView & { festivalId: string }> {
  requireWriter(actor);
  const c = checkEdition(input);
  const { id } = await app.store.transaction(async (trx) => {
    await mustExist(trx, 'festivals', input.festivalId, 'festivalId');
    return findOrCreateEditionIn(trx, actor, input.festivalId, c);
  });
  const e = await app.store.db.selectFrom('festival_editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id: e.id, festivalId: e.festival_id, number: e.number, year: e.year, start: e.start_date, end: e.end_date };
}

export async function ensureSectionIn(trx: Kysely<Database>, actor: Actor, editionId: string, name: string): Promise<string> {
  const found = await trx.selectFrom('sections').select(['id', 'name']).where('edition_id', '=', editionId).execute();
  const hit = found.find((s) => normalizeName(s.name) === normalizeName(name));
  if (hit) return hit.id;
  const id = `${editionId}-${slugId(name)}`.slice(0, 120);
  const exists = await trx.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst();
  const row = { id: exists ? newId() : id, edition_id: editionId, name };
  await trx.insertInto('sections').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'sections', entityId: row.id, before: null, after: row });
  return row.id;
}

// ------------------------------------------------------------------ selections

export interface CheckedSelection {
  section: string | null;
  premiere_status: PremiereStatus | null;
  slot: SelectionSlot | null;
  withdrawn: boolean;
  withdrawal_reason: string | null;
}

export function checkSelection(input: Omit<SelectionInput, 'editionId' | 'titleId'>, f: Field = plain): CheckedSelection {
  const reason = optionalText(input.withdrawalReason, f('withdrawalReason'));
  const withdrawn = optionalBool(input.withdrawn, f('withdrawn'));
  if (reason && withdrawn === false)
    throw invalid(f('withdrawalReason'), reason, `${f('withdrawalReason')}: a reason for withdrawal, but withdrawn is false`);
  return {
    section: optionalText(input.section, f('section')),
    premiere_status: optionalOneOf(input.premiereStatus, PREMIERE_STATUSES, f('premiereStatus')),
    slot: optionalOneOf(input.slot, SELECTION_SLOTS, f('slot')),
    withdrawn: withdrawn ?? reason !== null,
    withdrawal_reason: reason,
  };
}

export async function insertSelection(
  trx: Kysely<Database>,
  actor: Actor,
  editionId: string,
  titleId: string,
  c: CheckedSelection,
): Promise<string> {
  const sectionId = c.section ? await ensureSectionIn(trx, actor, editionId, c.section) : null;
  const row = {
    id: newId(),
    edition_id: editionId,
    section_id: sectionId,
    title_id: titleId,
    premiere_status: c.premiere_status,
    slot: c.slot,
    withdrawn: flag(c.withdrawn),
    withdrawal_reason: c.withdrawal_reason,
  };
  await trx.insertInto('selections').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'selections', entityId: row.id, before: null, after: row });
  return row.id;
}

export async function createSelection(app: FilmRights, actor: Actor, input: SelectionInput): Promise<{ id: string }> {
  requireWriter(actor);
  const c = checkSelection(input);
  const id = await app.store.transaction(async (trx) => {
    await mustExist(trx, 'festival_editions', input.editionId, 'editionId');
    await mustExist(trx, 'titles', input.titleId, 'titleId');
    const twin = await trx
      .selectFrom('selections')
      .select('id')
      .where('edition_id', '=', input.editionId)
      .where('title_id', '=', input.titleId)
      .executeTakeFirst();
    if (twin)
      throw invalid('titleId', input.titleId, "titleId: the title is already in this edition's line-up; change that selection instead");
    return insertSelection(trx, actor, input.editionId, input.titleId, c);
  });
  return { id };
}

/** Records that a title was pulled from a lineup, with the stated reason ("technical reasons"). */
export async function withdrawSelection(app: FilmRights, actor: Actor, selectionId: string, reason: string): Promise<void> {
  requireWriter(actor);
  const why = requiredText(reason, 'reason');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('selections').selectAll().where('id', '=', selectionId).executeTakeFirst();
    if (!before) throw new NotFoundError('selection', selectionId);
    await trx.updateTable('selections').set({ withdrawn: 1, withdrawal_reason: why }).where('id', '=', selectionId).execute();
    await audit(trx, actor, {
      action: 'withdraw',
      entity: 'selections',
      entityId: selectionId,
      before,
      after: { ...before, withdrawn: 1, withdrawal_reason: why },
      reason: why,
    });
  });
}

export async function deleteSelection(
  app: FilmRights,
  actor: Actor,
  selectionId: string,
): Promise<{ deleted: RowSnapshot; removed: Record<string, number> }> {
  return deleteRow(app, actor, 'selections', selectionId);
}

// ------------------------------------------------------------------ awards

export interface CheckedAward {
  name: string;
  tied: boolean;
  tie_group: string | null;
}

export function checkAward(input: { name: unknown; tied?: unknown; tieGroup?: unknown }, f: Field = plain): CheckedAward {
  const name = requiredText(input.name, f('name'));
  const group = optionalText(input.tieGroup, f('tieGroup'));
  const tied = optionalBool(input.tied, f('tied'));
  if (group && tied === false) throw invalid(f('tieGroup'), group, `${f('tieGroup')}: a tie group on an award that is not tied`);
  return { name, tied: tied ?? group !== null, tie_group: group };
}

/** The tie group of a tied award when none is given: the award's name within its edition. */
export { defaultTieGroup };

export async function insertAward(
  trx: Kysely<Database>,
  actor: Actor,
  editionId: string,
  titleId: string,
  personId: string | null,
  c: CheckedAward,
): Promise<string> {
  const row = {
    id: newId(),
    edition_id: editionId,
    name: c.name,
    title_id: titleId,
    person_id: personId,
    tied: flag(c.tied),
    tie_group: c.tied ? (c.tie_group ?? defaultTieGroup(editionId, c.name)) : null,
  };
  await trx.insertInto('awards').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'awards', entityId: row.id, before: null, after: row });
  return row.id;
}

export async function createAward(app: FilmRights, actor: Actor, input: AwardInput): Promise<{ id: string }> {
  requireWriter(actor);
  const c = checkAward(input);
  const id = await app.store.transaction(async (trx) => {
    await mustExist(trx, 'festival_editions', input.editionId, 'editionId');
    await mustExist(trx, 'titles', input.titleId, 'titleId');
    if (input.personId) await mustExist(trx, 'people', input.personId, 'personId');
    return insertAward(trx, actor, input.editionId, input.titleId, input.personId ?? null, c);
  });
  return { id };
}

// ------------------------------------------------------------------ editing the festival record

const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
const nonZero = (uses: Record<string, number>) => Object.fromEntries(Object.entries(uses).filter(([, n]) => n > 0));

/** Changes a festival's names, kind or place (absent means unchanged; `aliases` replaces the list). */
export async function updateFestival(app: FilmRights, actor: Actor, id: string, patch: Partial<FestivalInput>): Promise<FestivalDetail> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('festivals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('festival', id);
    const pick = <K extends keyof FestivalInput>(k: K, v: FestivalInput[K]): FestivalInput[K] => (patch[k] === undefined ? v : patch[k]);
    const c = checkFestival({
      name: pick('name', before.name),
      shortName: pick('shortName', before.short_name),
      aliases: pick('aliases', parseJson(before.aliases)),
      kind: pick('kind', before.kind),
      country: pick('country', before.country),
      city: pick('city', before.city),
    });
    const others = await FestivalIndex.load(trx);
    for (const [field, n] of [
      ['name', c.name],
      ['shortName', c.short_name],
    ] as const) {
      const hit = n ? others.find(n) : undefined;
      if (hit && hit !== id) throw invalid(field, n, `${field}: another festival (${hit}) already answers to "${n}"`);
    }
    const row = { name: c.name, short_name: c.short_name, aliases: toJson(c.aliases), kind: c.kind, country: c.country, city: c.city };
    await trx.updateTable('festivals').set(row).where('id', '=', id).execute();
    await audit(trx, actor, {
      action: 'update',
      entity: 'festivals',
      entityId: id,
      before: { ...before, aliases: parseJson(before.aliases) },
      after: { id, ...c },
    });
  });
  return getFestival(app, actor, id);
}

/** Deletes a festival without editions (delete those first: each says what refers to it). */
export async function deleteFestival(app: FilmRights, actor: Actor, id: string) {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const f = await trx.selectFrom('festivals').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!f) throw new NotFoundError('festival', id);
    const editions = await count(
      trx
        .selectFrom('festival_editions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('festival_id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    if (editions) throw new InUseError('festival', id, { editions }, `"${f.name}"`);
    return { deleted: await deleteRowIn(trx, actor, 'festivals', id), removed: {} };
  });
}

/** Changes an edition's number, year or dates. */
export async function updateEdition(
  app: FilmRights,
  actor: Actor,
  id: string,
  patch: Partial<Omit<EditionInput, 'festivalId'>>,
): Promise<EditionView & { festivalId: string }> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('festival_editions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('festival edition', id);
    const c = checkEdition({
      number: patch.number === undefined ? before.number : patch.number,
      year: patch.year === undefined ? before.year : patch.year,
      start: patch.start === undefined ? before.start_date : patch.start,
      end: patch.end === undefined ? before.end_date : patch.end,
    });
    if (c.number !== null) {
      const twin = await trx
        .selectFrom('festival_editions')
        .select('id')
        .where('festival_id', '=', before.festival_id)
        .where('number', '=', c.number)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (twin) throw invalid('number', c.number, `number: the festival already has a ${c.number}th edition (${twin.id})`);
    }
    await trx.updateTable('festival_editions').set(c).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'festival_editions', entityId: id, before, after: { ...before, ...c } });
  });
  const e = await app.store.db.selectFrom('festival_editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id: e.id, festivalId: e.festival_id, number: e.number, year: e.year, start: e.start_date, end: e.end_date };
}

/** Deletes an edition (with its sections) when no selection, award or contract refers to it. */
export async function deleteEdition(app: FilmRights, actor: Actor, id: string) {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const e = await trx
      .selectFrom('festival_editions as e')
      .innerJoin('festivals as f', 'f.id', 'e.festival_id')
      .select(['e.id', 'e.year', 'f.name'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    if (!e) throw new NotFoundError('festival edition', id);
    const n = (table: 'selections' | 'awards' | 'contracts' | 'markets') =>
      count(
        trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('edition_id', '=', id)
          .executeTakeFirstOrThrow(),
      );
    const uses = nonZero({
      'festival selections': await n('selections'),
      awards: await n('awards'),
      contracts: await n('contracts'),
      markets: await n('markets'),
    });
    if (Object.keys(uses).length) throw new InUseError('festival edition', id, uses, `the ${e.year} edition of ${e.name}`);
    const deleted = await deleteRowIn(trx, actor, 'festival_editions', id);
    return { deleted, removed: nonZero({ sections: deleted.sections?.length ?? 0 }) };
  });
}

export interface SectionView {
  id: string;
  editionId: string;
  name: string;
}

/** Adds a section to an edition (the one of that name when it exists). */
export async function createSection(app: FilmRights, actor: Actor, input: { editionId: string; name: string }): Promise<SectionView> {
  requireWriter(actor);
  const name = requiredText(input?.name, 'name');
  const id = await app.store.transaction(async (trx) => {
    await mustExist(trx, 'festival_editions', input.editionId, 'editionId');
    return ensureSectionIn(trx, actor, input.editionId, name);
  });
  const s = await app.store.db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id: s.id, editionId: s.edition_id, name: s.name };
}

export async function renameSection(app: FilmRights, actor: Actor, id: string, patch: { name?: string }): Promise<SectionView> {
  requireWriter(actor);
  const name = requiredText(patch?.name, 'name');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('section', id);
    const others = await trx
      .selectFrom('sections')
      .select(['id', 'name'])
      .where('edition_id', '=', before.edition_id)
      .where('id', '!=', id)
      .execute();
    if (others.some((o) => normalizeName(o.name) === normalizeName(name)))
      throw invalid('name', name, `name: the edition already has a section "${name}"`);
    await trx.updateTable('sections').set({ name }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'sections', entityId: id, before, after: { ...before, name } });
  });
  return {
    id,
    editionId: (await app.store.db.selectFrom('sections').select('edition_id').where('id', '=', id).executeTakeFirstOrThrow()).edition_id,
    name,
  };
}

/** Deletes an empty section (one with selections says so: move or delete them first). */
export async function deleteSection(app: FilmRights, actor: Actor, id: string) {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const s = await trx.selectFrom('sections').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!s) throw new NotFoundError('section', id);
    const n = await count(
      trx
        .selectFrom('selections')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('section_id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    if (n) throw new InUseError('section', id, { 'festival selections': n }, `the section "${s.name}"`);
    return { deleted: await deleteRowIn(trx, actor, 'sections', id), removed: {} };
  });
}

/** Changes a selection: section (by name, created on first use; null: none), premiere status, slot, withdrawal and its reason. */
export async function updateSelection(
  app: FilmRights,
  actor: Actor,
  id: string,
  patch: Partial<Omit<SelectionInput, 'editionId' | 'titleId'>>,
) {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('selections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('selection', id);
    const section = before.section_id
      ? ((await trx.selectFrom('sections').select('name').where('id', '=', before.section_id).executeTakeFirst())?.name ?? null)
      : null;
    const withdrawn = patch.withdrawn === undefined ? before.withdrawn === 1 : patch.withdrawn;
    const c = checkSelection({
      section: patch.section === undefined ? section : patch.section,
      premiereStatus: patch.premiereStatus === undefined ? before.premiere_status : patch.premiereStatus,
      slot: patch.slot === undefined ? before.slot : patch.slot,
      withdrawn,
      // taking a withdrawal back takes its reason with it
      withdrawalReason:
        patch.withdrawalReason === undefined ? (withdrawn === false ? null : before.withdrawal_reason) : patch.withdrawalReason,
    });
    const row = {
      section_id: c.section ? await ensureSectionIn(trx, actor, before.edition_id, c.section) : null,
      premiere_status: c.premiere_status,
      slot: c.slot,
      withdrawn: flag(c.withdrawn),
      withdrawal_reason: c.withdrawal_reason,
    };
    await trx.updateTable('selections').set(row).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'selections', entityId: id, before, after: { ...before, ...row } });
  });
  return { id };
}

/** Changes an award: name, winner (title, person), tie. */
export async function updateAward(app: FilmRights, actor: Actor, id: string, patch: Partial<Omit<AwardInput, 'editionId'>>) {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('award', id);
    const tied = patch.tied === undefined ? before.tied === 1 : patch.tied;
    const c = checkAward({
      name: patch.name === undefined ? before.name : patch.name,
      tied,
      tieGroup: patch.tieGroup === undefined ? (tied === false ? null : before.tie_group) : patch.tieGroup,
    });
    const titleId = patch.titleId === undefined ? before.title_id : patch.titleId;
    const personId = patch.personId === undefined ? before.person_id : patch.personId || null;
    await mustExist(trx, 'titles', titleId, 'titleId');
    if (personId) await mustExist(trx, 'people', personId, 'personId');
    const row = {
      name: c.name,
      title_id: titleId,
      person_id: personId,
      tied: flag(c.tied),
      tie_group: c.tied ? (c.tie_group ?? defaultTieGroup(before.edition_id, c.name)) : null,
    };
    await trx.updateTable('awards').set(row).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'awards', entityId: id, before, after: { ...before, ...row } });
  });
  return { id };
}

export async function deleteAward(app: FilmRights, actor: Actor, id: string) {
  return deleteRow(app, actor, 'awards', id);
}
