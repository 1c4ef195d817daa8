/**
 * The catalog as one accepted article fact sees it, inside the writer's
 * transaction: the title, companies, people and festival edition a fact
 * names, each the reviewer's choice, the one record the name matches, or a
 * new record (ambiguity is an error naming the field to choose with).
 */
import type { Kysely } from 'kysely';

import { invalid } from '../../../domain/errors.js';
import { eventByName, findEvent, yearEdition } from '../../../ingest/lexicon.js';
import { Resolver, type EntityMatch } from '../../../ingest/resolve.js';
import { slugId, type CompanyKind, type Database } from '../../../store/index.js';
import type { Actor } from '../../app.js';
import { catalogSnapshot } from '../../articles/review.js';
import { TitleIndex, checkTitle, insertTitle } from '../../catalog.js';
import { checkEdition, checkFestival, findOrCreateEditionIn, findOrCreateFestivalIn } from '../../festivals.js';
import { NameIndex, checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn } from '../../people.js';

export const STREAMERS =
  /^(?:netflix|amazon(?: studios| prime video| mgm studios)?|prime video|apple(?: tv\+?| original films)?|hulu|disney\+?|hbo(?: max)?|max|paramount\+|peacock|shudder|mubi|criterion channel|curiosity stream|britbox|now|sky|canal\+|viaplay|movistar\+?|iqiyi|tencent video|youku|wavve|tving|u-next|stan|binge|crave)$/i;

export function companyKind(name: string, role: 'buyer' | 'seller' | 'production' | 'distributor' | 'other'): CompanyKind {
  if (role === 'seller') return 'sales-agent';
  if (role === 'production') return 'production';
  if (STREAMERS.test(name.trim())) return 'streamer';
  return role === 'other' ? 'other' : 'distributor';
}

/** The catalog lookups one acceptance needs, loaded inside its transaction. */
export class FactWriter {
  private titles!: TitleIndex;
  private people!: NameIndex;
  private companies!: NameIndex;
  readonly touchedTitles = new Set<string>();
  private resolver!: Resolver;

  constructor(
    readonly trx: Kysely<Database>,
    readonly actor: Actor,
  ) {}

  async load(): Promise<this> {
    this.titles = await TitleIndex.load(this.trx);
    this.people = await NameIndex.load(this.trx, 'people');
    this.companies = await NameIndex.load(this.trx, 'companies');
    this.resolver = new Resolver(await catalogSnapshot(this.trx));
    return this;
  }

  /** An entity id: the reviewer's choice, the one record the name matches, or a new record; ambiguity is an error naming the field. */
  private choose(field: string, match: EntityMatch, chosen: unknown): string | 'new' {
    if (typeof chosen === 'string' && chosen.trim()) return chosen.trim() === 'new' ? 'new' : chosen.trim();
    if ((match.status === 'known' || match.status === 'similar') && match.id) return match.id;
    if (match.status === 'ambiguous') {
      throw invalid(
        `fields.${field}Id`,
        match.name,
        `fields.${field}Id: "${match.name}" could be ${match.candidates.map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''} [${c.id}]`).join(' or ')}; choose one, or "new"`,
        match.candidates.map((c) => c.id),
      );
    }
    return 'new';
  }

  async title(name: string, chosen: unknown): Promise<string> {
    const pick = this.choose('title', this.resolver.title(name), chosen);
    let id = pick;
    if (pick === 'new')
      id = await insertTitle(
        this.trx,
        this.actor,
        checkTitle({ originalTitle: name }, (n) => `fields.title.${n}`),
      );
    else if (!(await this.trx.selectFrom('titles').select('id').where('id', '=', pick).executeTakeFirst()))
      throw invalid('fields.titleId', pick, `fields.titleId: no title with id "${pick}"`);
    this.touchedTitles.add(id);
    return id;
  }

  async company(field: string, name: string, role: Parameters<typeof companyKind>[1], chosen: unknown): Promise<string> {
    const pick = this.choose(field, this.resolver.company(name), chosen);
    if (pick !== 'new') {
      if (!(await this.trx.selectFrom('companies').select('id').where('id', '=', pick).executeTakeFirst()))
        throw invalid(`fields.${field}Id`, pick, `fields.${field}Id: no company with id "${pick}"`);
      return pick;
    }
    return (
      await findOrCreateCompanyIn(
        this.trx,
        this.actor,
        checkCompany({ name, kind: companyKind(name, role) }, (n) => `fields.${field}.${n}`),
        chosen === 'new' ? new NameIndex() : this.companies,
      )
    ).id;
  }

  async person(field: string, name: string, chosen: unknown): Promise<string> {
    const pick = this.choose(field, this.resolver.person(name), chosen);
    if (pick !== 'new') {
      if (!(await this.trx.selectFrom('people').select('id').where('id', '=', pick).executeTakeFirst()))
        throw invalid(`fields.${field}Id`, pick, `fields.${field}Id: no person with id "${pick}"`);
      return pick;
    }
    return (await findOrCreatePersonIn(this.trx, this.actor, { name }, chosen === 'new' ? new NameIndex() : this.people)).id;
  }

  /** The one award a title has at a ceremony (any year), for prizes the article names without a year. */
  async awardWithoutYear(name: string, titleId: string, chosenFestival: unknown): Promise<string | null> {
    const m = this.resolver.festival(name);
    const festivalId = typeof chosenFestival === 'string' && chosenFestival !== 'new' ? chosenFestival : m.status === 'known' ? m.id : null;
    if (!festivalId) return null;
    const rows = await this.trx
      .selectFrom('awards as a')
      .innerJoin('festival_editions as e', 'e.id', 'a.edition_id')
      .select('a.id')
      .where('e.festival_id', '=', festivalId)
      .where('a.title_id', '=', titleId)
      .execute();
    return rows.length === 1 ? rows[0].id : null;
  }

  /** The festival edition of a year (or number), created with the festival when the catalog has neither. */
  async edition(name: string, year: unknown, edition: unknown, chosenFestival: unknown): Promise<string> {
    const m = this.resolver.festival(name);
    const entry = m.entry ?? findEvent(name) ?? eventByName(name) ?? null;
    let festivalId = this.choose('festival', m, chosenFestival);
    if (festivalId === 'new') {
      festivalId = (
        await findOrCreateFestivalIn(
          this.trx,
          this.actor,
          checkFestival(
            {
              name: entry?.name ?? name,
              shortName: entry?.shortName ?? null,
              aliases: entry ? entry.aliases.filter((a) => a !== entry.name) : [],
              kind: entry?.kind ?? 'festival',
              country: entry?.country ?? null,
              city: entry?.city ?? null,
            },
            (n) => `fields.festival.${n}`,
          ),
        )
      ).id;
    }
    const y = typeof year === 'number' ? year : typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : null;
    if (!y)
      throw invalid(
        'fields.year',
        year,
        `fields.year: say the year of this ${entry?.kind === 'awards' ? 'ceremony' : entry?.kind === 'market' ? 'market' : 'festival'} edition (the article does not)`,
      );
    const n = typeof edition === 'number' ? edition : entry ? yearEdition(entry, y) : null;
    // an edition of that year already on record wins over a numbered one
    const byYear = await this.trx
      .selectFrom('festival_editions')
      .select('id')
      .where('festival_id', '=', festivalId)
      .where('year', '=', y)
      .orderBy('id')
      .executeTakeFirst();
    if (byYear) return byYear.id;
    return (
      await findOrCreateEditionIn(
        this.trx,
        this.actor,
        festivalId,
        checkEdition({ year: y, number: n }, (x) => `fields.${x}`),
      )
    ).id;
  }
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export async function uniqueRef(trx: Kysely<Database>, base: string): Promise<string> {
  const stem = `PRESS-${slugId(base).toUpperCase()}`.slice(0, 60);
  for (let i = 1; i < 100; i++) {
    const ref = i === 1 ? stem : `${stem}-${i}`;
    if (!(await trx.selectFrom('contracts').select('id').where('ref', '=', ref).executeTakeFirst())) return ref;
  }
  return `${stem}-${Date.now().toString(36).toUpperCase()}`;
}
