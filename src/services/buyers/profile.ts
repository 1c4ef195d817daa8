/**
 * Buyer profiles (docs/market.md): a company that buys from us, with the territories and media it
 * buys for (set expressions read as in deals), genres, the language of its dates and notes. Every
 * write is one transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import { BUYER_KINDS, checkLocale, type BuyerKind } from '../../domain/buyers.js';
import { invalid } from '../../domain/errors.js';
import { mediaLabel, mediaLeafIds, mediaSetFromIds, parseMedia } from '../../domain/media.js';
import { parseTerritories, territoryCodes, territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import { isUniqueViolation, parseJson, toJson, type Database } from '../../store/index.js';
import type { BuyerInput, BuyerPatch, BuyerView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError, StaleVersionError } from '../errors.js';
import { oneOf, optionalText, requiredText } from '../lookup.js';
import { checkCompany, findOrCreateCompanyIn } from '../people.js';
import { addContactIn, listContacts } from './contacts.js';
import { buyerHistory } from './history.js';
import { listScreeners } from './screeners.js';

export interface BuyerSnapshot {
  companyId: string;
  kind: BuyerKind;
  territories: string;
  territoryCodes: string[];
  media: string;
  mediaIds: string[];
  genres: string[];
  locale: string;
  notes: string | null;
  version: number;
}

export const DEFAULT_LOCALE = 'en-GB';

/** The checked profile fields: expressions parsed (errors name the field), genres trimmed and unique, the locale canonical. */
/** A buyer profile's fields, checked. */
export type CheckedBuyerProfile = Omit<BuyerSnapshot, 'companyId' | 'version'>;

export function checkProfile(
  input: {
    kind: unknown;
    territories: unknown;
    media: unknown;
    genres?: unknown;
    locale?: unknown;
    notes?: unknown;
  },
  prefix = '',
): CheckedBuyerProfile {
  const territories = requiredText(input.territories, `${prefix}territories`);
  const media = requiredText(input.media, `${prefix}media`);
  const genres = Array.isArray(input.genres) ? input.genres : [];
  const seen = new Set<string>();
  const cleanGenres: string[] = [];
  genres.forEach((g, i) => {
    const v = requiredText(g, `${prefix}genres[${i}]`).toLowerCase();
    if (!seen.has(v)) cleanGenres.push(v);
    seen.add(v);
  });
  return {
    kind: oneOf(input.kind, BUYER_KINDS, `${prefix}kind`),
    territories,
    territoryCodes: territoryCodes(parseTerritories(territories, `${prefix}territories`)),
    media,
    mediaIds: mediaLeafIds(parseMedia(media, `${prefix}media`)),
    genres: cleanGenres,
    locale:
      input.locale === undefined || input.locale === null || input.locale === ''
        ? DEFAULT_LOCALE
        : checkLocale(String(input.locale), `${prefix}locale`),
    notes: optionalText(input.notes, `${prefix}notes`),
  };
}

function rowOf(s: Omit<BuyerSnapshot, 'version'>) {
  return {
    company_id: s.companyId,
    kind: s.kind,
    territories: s.territories,
    territory_codes: toJson(s.territoryCodes),
    media: s.media,
    media_ids: toJson(s.mediaIds),
    genres: toJson(s.genres),
    locale: s.locale,
    notes: s.notes,
  };
}

/** Writes a checked profile for a company that has none, with its audit entry, in the caller's transaction. */
export async function insertBuyerIn(trx: Kysely<Database>, actor: Actor, companyId: string, profile: CheckedBuyerProfile): Promise<void> {
  await trx
    .insertInto('buyers')
    .values(rowOf({ companyId, ...profile }))
    .execute();
  await audit(trx, actor, { action: 'create', entity: 'buyers', entityId: companyId, before: null, after: { companyId, ...profile } });
}

export async function readBuyerSnapshot(db: Kysely<Database>, id: string): Promise<BuyerSnapshot | null> {
  const b = await db.selectFrom('buyers').selectAll().where('company_id', '=', id).executeTakeFirst();
  if (!b) return null;
  return {
    companyId: b.company_id,
    kind: b.kind,
    territories: b.territories,
    territoryCodes: parseJson(b.territory_codes),
    media: b.media,
    mediaIds: parseJson(b.media_ids),
    genres: parseJson(b.genres),
    locale: b.locale,
    notes: b.notes,
    version: b.version,
  };
}

/** Makes a company a buyer: an existing one (`companyId`) or a new one (`company`), with its contacts, in one transaction. */
export async function createBuyer(app: FilmRights, actor: Actor, input: BuyerInput): Promise<BuyerView> {
  requireWriter(actor);
  if (!input.companyId === !input.company)
    throw invalid(
      'companyId',
      input.companyId,
      'companyId: give either the id of an existing company (companyId) or a new company (company), not both',
    );
  const profile = checkProfile(input);
  const company = input.company
    ? checkCompany({ ...input.company, kind: input.company.kind ?? 'distributor' }, (f) => `company.${f}`)
    : null;
  const id = await app.store
    .transaction(async (trx) => {
      let companyId = input.companyId ?? '';
      if (company) {
        companyId = (await findOrCreateCompanyIn(trx, actor, company)).id;
      } else if (!(await trx.selectFrom('companies').select('id').where('id', '=', companyId).executeTakeFirst())) {
        throw invalid('companyId', companyId, `companyId: no company "${companyId}"`);
      }
      if (await trx.selectFrom('buyers').select('company_id').where('company_id', '=', companyId).executeTakeFirst())
        throw invalid('companyId', companyId, `companyId: "${companyId}" is a buyer already; change its profile instead`);
      await insertBuyerIn(trx, actor, companyId, profile);
      for (const [i, c] of (input.contacts ?? []).entries()) await addContactIn(trx, actor, companyId, c, `contacts[${i}].`);
      return companyId;
    })
    .catch((e: unknown) => {
      // two people making the same company a buyer at the same moment: the second is told, nothing half-written
      if (isUniqueViolation(e))
        throw invalid('companyId', input.companyId, 'companyId: this company was made a buyer a moment ago; open its page');
      throw e;
    });
  return getBuyer(app, actor, id);
}

/** Changes a buyer's profile (absent fields unchanged); with `version`, refused when someone saved in between. */
export async function updateBuyer(app: FilmRights, actor: Actor, id: string, patch: BuyerPatch): Promise<BuyerView> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await readBuyerSnapshot(trx, id);
    if (!before) throw new NotFoundError('buyer', id);
    if (patch.version !== undefined && patch.version !== before.version)
      throw new StaleVersionError('buyer', id, patch.version, before.version);
    const profile = checkProfile({
      kind: patch.kind ?? before.kind,
      territories: patch.territories ?? before.territories,
      media: patch.media ?? before.media,
      genres: patch.genres ?? before.genres,
      locale: patch.locale ?? before.locale,
      notes: patch.notes === undefined ? before.notes : patch.notes,
    });
    const { company_id: _c, ...row } = rowOf({ companyId: id, ...profile });
    await trx
      .updateTable('buyers')
      .set({ ...row, version: before.version + 1, updated_at: new Date().toISOString() })
      .where('company_id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'update',
      entity: 'buyers',
      entityId: id,
      before,
      after: { companyId: id, ...profile, version: before.version + 1 },
    });
  });
  return getBuyer(app, actor, id);
}

/** Removes the buyer profile (with its contacts and screeners); the company stays. */
export async function deleteBuyer(app: FilmRights, actor: Actor, id: string): Promise<{ deleted: BuyerSnapshot }> {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const before = await readBuyerSnapshot(trx, id);
    if (!before) throw new NotFoundError('buyer', id);
    const contacts = await trx.selectFrom('buyer_contacts').selectAll().where('buyer_id', '=', id).execute();
    const screeners = await trx
      .selectFrom('screeners')
      .select(['id', 'title_id', 'url', 'expires_on', 'sent_at'])
      .where('buyer_id', '=', id)
      .execute();
    const ids = screeners.map((s) => s.id);
    if (ids.length) await trx.deleteFrom('screener_opens').where('screener_id', 'in', ids).execute();
    await trx.deleteFrom('screeners').where('buyer_id', '=', id).execute();
    await trx.deleteFrom('buyer_contacts').where('buyer_id', '=', id).execute();
    await trx.deleteFrom('buyers').where('company_id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', entity: 'buyers', entityId: id, before: { ...before, contacts, screeners }, after: null });
    return { deleted: before };
  });
}

/** A buyer's page: profile, contacts, history (money only for those allowed), screeners. */
export async function getBuyer(app: FilmRights, actor: Actor, id: string): Promise<BuyerView> {
  const db = app.store.db;
  const b = await readBuyerSnapshot(db, id);
  const c = await db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b || !c) throw new NotFoundError('buyer', id);
  return {
    id,
    name: c.name,
    country: c.country,
    companyKind: c.kind,
    kind: b.kind,
    territories: b.territories,
    territoryLabel: territoryLabel(territorySetFromCodes(b.territoryCodes)),
    territoryCodes: b.territoryCodes,
    media: b.media,
    mediaLabel: mediaLabel(mediaSetFromIds(b.mediaIds)),
    genres: b.genres,
    locale: b.locale,
    notes: b.notes,
    version: b.version,
    contacts: await listContacts(db, id),
    history: await buyerHistory(app, actor, id),
    screeners: await listScreeners(db, id),
  };
}

/** Moves a buyer profile when its company is merged into another (the kept company keeps its own profile if it has one). */
export async function mergeBuyerProfile(trx: Kysely<Database>, keepId: string, mergeId: string): Promise<number> {
  const drop = await trx.selectFrom('buyers').select('company_id').where('company_id', '=', mergeId).executeTakeFirst();
  if (!drop) return 0;
  const keep = await trx.selectFrom('buyers').select('company_id').where('company_id', '=', keepId).executeTakeFirst();
  if (!keep) {
    const row = await trx.selectFrom('buyers').selectAll().where('company_id', '=', mergeId).executeTakeFirstOrThrow();
    await trx
      .insertInto('buyers')
      .values({ ...row, company_id: keepId })
      .execute();
  }
  await trx.updateTable('buyer_contacts').set({ buyer_id: keepId }).where('buyer_id', '=', mergeId).execute();
  await trx.updateTable('screeners').set({ buyer_id: keepId }).where('buyer_id', '=', mergeId).execute();
  await trx.deleteFrom('buyers').where('company_id', '=', mergeId).execute();
  return 1;
}
