/**
 * The buyer list: filtered by territory (a buyer for "Benelux" answers a filter "Belgium": the
 * sets touch), media, kind, free text (typo-forgiving, over the company's and its contacts'
 * names), and "has bought titles like this one" (shared director, writer, lead cast, production
 * company, country or language), each match explained. Paginated.
 */
import { intersects } from '../../domain/bitset.js';
import { countryName } from '../../domain/countries.js';
import { mediaLabel, mediaSetFromIds, parseMedia } from '../../domain/media.js';
import { parseTerritories, territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import { languageLabel } from '../../domain/languages.js';
import { BUYER_KINDS } from '../../domain/buyers.js';
import { parseJson } from '../../store/index.js';
import type { BuyerListItem, BuyerListQuery } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { NotFoundError } from '../errors.js';
import { oneOf, pageParams, paginate, rankByNames, type Page } from '../lookup.js';
import { boughtByBuyer } from './history.js';

interface TitleTraits {
  id: string;
  name: string;
  year: number | null;
  countries: string[];
  languages: string[];
  /** person id → "director Zhang Yimou" */
  people: Map<string, string>;
  /** company id → "production company Huanxi Media Group" */
  companies: Map<string, string>;
}

const PEOPLE_ROLES = ['director', 'writer', 'cast', 'producer'] as const;
const WEIGHT: Record<string, number> = { director: 3, writer: 2, cast: 1, producer: 2, company: 2, country: 1, language: 1 };

async function titleTraits(app: FilmRights, ids: readonly string[]): Promise<Map<string, TitleTraits>> {
  const out = new Map<string, TitleTraits>();
  if (!ids.length) return out;
  const db = app.store.db;
  const list = [...new Set(ids)];
  for (const t of await db
    .selectFrom('titles')
    .select(['id', 'original_title', 'english_title', 'year', 'countries', 'languages'])
    .where('id', 'in', list)
    .execute())
    out.set(t.id, {
      id: t.id,
      name: t.english_title ?? t.original_title,
      year: t.year,
      countries: parseJson(t.countries),
      languages: parseJson(t.languages),
      people: new Map(),
      companies: new Map(),
    });
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.title_id', 'c.role', 'c.position', 'p.id', 'p.name'])
    .where('c.title_id', 'in', list)
    .where('c.role', 'in', [...PEOPLE_ROLES])
    .execute();
  for (const c of credits) {
    if (c.role === 'cast' && c.position > 2) continue; // the leads only
    const t = out.get(c.title_id);
    if (t && !t.people.has(c.id)) t.people.set(c.id, `${c.role === 'cast' ? 'lead' : c.role} ${c.name}`);
  }
  const companies = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as co', 'co.id', 'tc.company_id')
    .select(['tc.title_id', 'co.id', 'co.name'])
    .where('tc.title_id', 'in', list)
    .where('tc.role', 'in', ['production', 'co-production'])
    .execute();
  for (const c of companies) out.get(c.title_id)?.companies.set(c.id, `producer ${c.name}`);
  return out;
}

/** What a bought title shares with the title asked about: the reasons and their weight. */
function likeness(asked: TitleTraits, bought: TitleTraits): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  for (const [id, what] of asked.people)
    if (bought.people.has(id)) {
      reasons.push(`same ${what}`);
      score += WEIGHT[what.split(' ')[0] === 'lead' ? 'cast' : what.split(' ')[0]] ?? 1;
    }
  for (const [id, what] of asked.companies)
    if (bought.companies.has(id)) {
      reasons.push(`same ${what}`);
      score += WEIGHT.company;
    }
  const countries = asked.countries.filter((c) => bought.countries.includes(c));
  if (countries.length) {
    reasons.push(`also from ${countries.map(countryName).join(', ')}`);
    score += WEIGHT.country;
  }
  const languages = asked.languages.filter((l) => bought.languages.includes(l));
  if (languages.length) {
    reasons.push(`also in ${languageLabel(languages)}`);
    score += WEIGHT.language;
  }
  return { score, reasons };
}

export async function listBuyers(app: FilmRights, _actor: Actor, params: BuyerListQuery = {}): Promise<Page<BuyerListItem>> {
  const { page, pageSize } = pageParams(params.page, params.pageSize);
  const db = app.store.db;
  const territory = params.territory?.trim() ? parseTerritories(params.territory, 'territory') : null;
  const media = params.media?.trim() ? parseMedia(params.media, 'media') : null;
  const kind = params.kind ? oneOf(params.kind, BUYER_KINDS, 'kind') : null;
  let asked: TitleTraits | undefined;
  if (params.likeTitle) {
    asked = (await titleTraits(app, [params.likeTitle])).get(params.likeTitle);
    if (!asked) throw new NotFoundError('title', params.likeTitle);
  }
  const rows = await db
    .selectFrom('buyers as b')
    .innerJoin('companies as c', 'c.id', 'b.company_id')
    .select(['b.company_id', 'b.kind', 'b.territory_codes', 'b.media_ids', 'b.genres', 'c.name', 'c.country'])
    .orderBy('c.name')
    .orderBy('b.company_id')
    .execute();
  const contacts = new Map<string, string[]>();
  for (const c of await db.selectFrom('buyer_contacts').select(['buyer_id', 'name']).execute()) {
    const l = contacts.get(c.buyer_id) ?? [];
    l.push(c.name);
    contacts.set(c.buyer_id, l);
  }
  const bought = await boughtByBuyer(app);
  const traits = asked
    ? await titleTraits(
        app,
        [...bought.values()].flatMap((deals) => deals.flatMap((d) => d.titleIds)),
      )
    : new Map<string, TitleTraits>();
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  let items: Array<BuyerListItem & { names: string[] }> = [];
  for (const r of rows) {
    const tset = territorySetFromCodes(parseJson(r.territory_codes));
    const mset = mediaSetFromIds(parseJson(r.media_ids));
    if (territory && !intersects(tset, territory)) continue;
    if (media && !intersects(mset, media)) continue;
    if (kind && r.kind !== kind) continue;
    const deals = bought.get(r.company_id) ?? [];
    const titleIds = [...new Set(deals.flatMap((d) => d.titleIds))];
    const item: BuyerListItem & { names: string[] } = {
      id: r.company_id,
      name: r.name,
      country: r.country,
      kind: r.kind,
      territoryLabel: territoryLabel(tset),
      mediaLabel: mediaLabel(mset),
      genres: parseJson(r.genres),
      contacts: contacts.get(r.company_id)?.length ?? 0,
      titlesBought: titleIds.length,
      names: [r.name, ...(contacts.get(r.company_id) ?? [])],
    };
    if (asked) {
      let score = 0;
      const reasons: string[] = [];
      for (const id of titleIds) {
        const t = traits.get(id);
        if (!t || id === asked.id) continue;
        const l = likeness(asked, t);
        if (!l.score) continue;
        score += l.score;
        reasons.push(`bought ${t.name}${t.year ? ` (${t.year})` : ''}: ${l.reasons.join(', ')}`);
      }
      if (!score) continue;
      item.like = { score, reasons };
    }
    items.push(item);
  }
  items.sort(
    (a, b) => (asked ? (b.like?.score ?? 0) - (a.like?.score ?? 0) : 0) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
  );
  if (params.q?.trim())
    items = rankByNames(
      params.q,
      items.map((i) => ({ item: i, names: i.names })),
    );
  const pageOf = paginate(items, page, pageSize);
  return { ...pageOf, items: pageOf.items.map(({ names: _n, ...i }) => i) };
}
