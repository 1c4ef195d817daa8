/**
 * Writing one accepted fact through the same services as manual entry, in
 * the review's transaction: names found or created, a deal through
 * checkContract / writeContractIn (conflict-checked), every record tied to
 * its source and span.
 */
import type { Kysely } from 'kysely';

import { invalid } from '../../domain/errors.js';

import { normalizeName } from '../../domain/fuzzy.js';

import { eventByName, findEvent, yearEdition } from '../../ingest/lexicon.js';

import { Resolver, type EntityMatch } from '../../ingest/resolve.js';
import { type FactType, type Span } from '../../ingest/types.js';
import { nowIso, slugId, type CompanyKind, type Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';

import { audit } from '../audit.js';

import { TitleIndex, checkCredit, checkTitle, insertCredit, insertTitle, insertTitleCompany } from '../catalog.js';

import { checkContract, writeContractIn, type ContractContext, type ContractInput } from '../contracts.js';

import { RightsConflictError } from '../errors.js';
import {
  checkAward,
  checkEdition,
  checkFestival,
  checkSelection,
  findOrCreateEditionIn,
  findOrCreateFestivalIn,
  insertAward,
  insertSelection,
} from '../festivals.js';

import { checkBoxOffice, checkRelease, insertBoxOffice, insertRelease } from '../market.js';

import { NameIndex, checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn } from '../people.js';

import { checkFactLink, insertFactLink, type FactTable } from '../provenance.js';
import { catalogSnapshot, findContract, sameAward } from './review.js';

import type { Written } from './views.js';

// ------------------------------------------------------------------ review

export interface AcceptInput {
  /** Edited fields, merged over the extracted ones. Entity choices: titleId, buyerId, sellerId, companyId, personId, partyId, distributorId, festivalId ("new" forces a new record). */
  fields?: Record<string, unknown>;
  /** Save a deal that conflicts with rights on record anyway; the reason is recorded. */
  override?: { reason: string } | null;
}

export const STREAMERS =
  /^(?:netflix|amazon(?: studios| prime video| mgm studios)?|prime video|apple(?: tv\+?| original films)?|hulu|disney\+?|hbo(?: max)?|max|paramount\+|peacock|shudder|mubi|criterion channel|curiosity stream|britbox|now|sky|canal\+|viaplay|movistar\+?|iqiyi|tencent video|youku|wavve|tving|u-next|stan|binge|crave)$/i;

export function companyKind(name: string, role: 'buyer' | 'seller' | 'production' | 'distributor' | 'other'): CompanyKind {
  if (role === 'seller') return 'sales-agent';
  if (role === 'production') return 'production';
  if (STREAMERS.test(name.trim())) return 'streamer';
  return role === 'other' ? 'other' : 'distributor';
}

/** The catalog lookups one acceptance needs, loaded inside its transaction. */
export class Writer {
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

/** Writes one accepted fact; answers what it became. Runs inside the caller's transaction. */
export async function writeFact(
  app: FilmRights,
  w: Writer,
  fact: { type: FactType; fields: Record<string, unknown> },
  source: { id: string; text: string; outlet: string | null; publishedOn: string | null },
  span: Span,
  override: AcceptInput['override'],
): Promise<Written> {
  const { trx, actor } = w;
  const f = fact.fields;
  const title = str(f.title);
  if (!title && fact.type !== 'rumour') throw invalid('fields.title', f.title, 'fields.title: required, the film the fact is about');
  const link = async (table: FactTable, id: string, existed: boolean): Promise<Written> => {
    const already = await trx
      .selectFrom('fact_sources')
      .select('id')
      .where('source_id', '=', source.id)
      .where('fact_table', '=', table)
      .where('fact_id', '=', id)
      .executeTakeFirst();
    let linkId = already?.id ?? null;
    if (!already) {
      const quote = source.text.slice(span[0], span[1]);
      linkId = await insertFactLink(
        trx,
        actor,
        checkFactLink(
          {
            sourceId: source.id,
            factTable: table,
            factId: id,
            quote,
            spanStart: span[0],
            spanEnd: span[1],
            reviewed: true,
            accepted: true,
          },
          source.text,
        ),
      );
    } else {
      await trx.updateTable('fact_sources').set({ reviewed: 1, accepted: 1 }).where('id', '=', already.id).execute();
    }
    const reviewer = await trx.selectFrom('users').select('id').where('id', '=', actor.id).executeTakeFirst();
    if (reviewer && linkId) await trx.updateTable('fact_sources').set({ reviewed_by: reviewer.id }).where('id', '=', linkId).execute();
    return { table, id, linkId, existed };
  };

  switch (fact.type) {
    case 'rumour':
      // kept with the article as a reviewed note: talks and denials never become contracts
      return { table: 'article_facts', id: '', linkId: null, existed: false };
    case 'deal': {
      const titleId = await w.title(title!, f.titleId);
      const buyer = str(f.buyer);
      if (!buyer) throw invalid('fields.buyer', f.buyer, 'fields.buyer: required, who acquired the rights');
      const buyerId = await w.company('buyer', buyer, 'buyer', f.buyerId);
      const seller = str(f.seller);
      const sellerId = seller ? await w.company('seller', seller, 'seller', f.sellerId) : null;
      const territories = str(f.territories);
      const existing = await findContract(trx, titleId, buyerId, territories);
      if (existing) return link('contracts', existing.id, true);
      const media = str(f.media);
      const negotiators: ContractInput['negotiators'] = [];
      const list = Array.isArray(f.negotiators)
        ? (f.negotiators as Array<{ name?: string; company?: string | null; side?: string | null }>)
        : [];
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        if (!str(n.name)) continue;
        const personId = await w.person(`negotiators[${i}]`, n.name!, undefined);
        const side =
          n.side === 'licensor' || n.side === 'licensee'
            ? n.side
            : n.company && normalizeName(n.company) === normalizeName(buyer)
              ? 'licensee'
              : 'licensor';
        const companyId = n.company
          ? normalizeName(n.company) === normalizeName(buyer)
            ? buyerId
            : seller && normalizeName(n.company) === normalizeName(seller)
              ? sellerId
              : await w.company(`negotiators[${i}].company`, n.company, 'other', undefined)
          : side === 'licensee'
            ? buyerId
            : sellerId;
        if (!negotiators.some((x) => x.personId === personId)) negotiators.push({ personId, companyId, side });
      }
      const festival =
        f.festival && typeof f.festival === 'object'
          ? (f.festival as { name?: string; year?: number | null; edition?: number | null })
          : null;
      const editionId =
        festival?.name && festival.year ? await w.edition(festival.name, festival.year, festival.edition ?? null, f.festivalId) : null;
      const price = f.price && typeof f.price === 'object' ? (f.price as { amount: string; currency: string }) : null;
      const notes = [
        `As reported by ${source.outlet ?? 'the trade press'}${source.publishedOn ? ` on ${source.publishedOn}` : ''}: “${source.text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim()}”`,
        territories ? null : 'Territories not reported.',
        media ? null : 'Media not reported (recorded as All Media).',
        'Term not reported (recorded from the announcement, open-ended).',
        str(f.priceNote) ? `Price: ${str(f.priceNote)}.` : null,
      ]
        .filter(Boolean)
        .join(' ');
      const announcedOn = str(f.announcedOn) ?? source.publishedOn;
      const input: ContractInput = {
        ref: await uniqueRef(trx, `${buyer}-${title}`),
        status: 'announced',
        licensorId: sellerId,
        licenseeId: buyerId,
        salesAgentId:
          sellerId &&
          (await trx.selectFrom('companies').select('kind').where('id', '=', sellerId).executeTakeFirst())?.kind === 'sales-agent'
            ? sellerId
            : null,
        titleIds: [titleId],
        blocks: territories ? [{ territories, media: media ?? 'All Media', start: announcedOn, end: null, exclusive: true }] : [],
        negotiators,
        mg: price,
        announcedOn,
        editionId,
        notes,
        override: override?.reason ? { reason: override.reason } : null,
      };
      const checked = checkContract(
        input,
        (n) => `fields.${n === 'blocks[0].territories' ? 'territories' : n === 'blocks[0].media' ? 'media' : n}`,
      );
      const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
      // the MG is the price as the article reports it (a reviewer's edit of it needs the financial-terms permission: acceptFact)
      const r = await writeContractIn(trx, app.store, ctx, actor, checked, { mgFromSource: true });
      if (!r.ok) throw new RightsConflictError(r.report);
      return link('contracts', r.id, false);
    }
    case 'mandate': {
      const titleId = await w.title(title!, f.titleId);
      const company = str(f.company);
      if (!company) throw invalid('fields.company', f.company, 'fields.company: required, who handles the sales');
      const companyId = await w.company('company', company, 'seller', f.companyId);
      const existed = !!(await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', companyId)
        .where('role', '=', 'sales-agent')
        .executeTakeFirst());
      const factId = await insertTitleCompany(trx, actor, titleId, companyId, 'sales-agent');
      return link('title_companies', factId, existed);
    }
    case 'titleCompany': {
      const titleId = await w.title(title!, f.titleId);
      const company = str(f.company);
      const role = f.role as 'production' | 'co-production' | 'sales-agent' | 'distributor';
      if (!company) throw invalid('fields.company', f.company, 'fields.company: required');
      const companyId = await w.company(
        'company',
        company,
        role === 'production' || role === 'co-production' ? 'production' : role === 'sales-agent' ? 'seller' : 'distributor',
        f.companyId,
      );
      const existed = !!(await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', companyId)
        .where('role', '=', role)
        .executeTakeFirst());
      const factId = await insertTitleCompany(trx, actor, titleId, companyId, role);
      return link('title_companies', factId, existed);
    }
    case 'selection':
    case 'withdrawal': {
      const titleId = await w.title(title!, f.titleId);
      const editionId = await w.edition(String(f.festival ?? ''), f.year, f.edition, f.festivalId);
      const existing = await trx
        .selectFrom('selections')
        .selectAll()
        .where('edition_id', '=', editionId)
        .where('title_id', '=', titleId)
        .executeTakeFirst();
      const withdrawn = fact.type === 'withdrawal';
      if (existing) {
        if (withdrawn && !existing.withdrawn) {
          const reason = str(f.reason);
          await trx.updateTable('selections').set({ withdrawn: 1, withdrawal_reason: reason }).where('id', '=', existing.id).execute();
          await audit(trx, actor, {
            action: 'withdraw',
            entity: 'selections',
            entityId: existing.id,
            before: existing,
            after: { ...existing, withdrawn: 1, withdrawal_reason: reason },
            reason,
          });
        }
        return link('selections', existing.id, true);
      }
      const checked = checkSelection(
        {
          section: str(f.section),
          premiereStatus: withdrawn ? null : (str(f.premiere) as never),
          slot: withdrawn ? null : (str(f.slot) as never),
          withdrawn,
          withdrawalReason: withdrawn ? str(f.reason) : null,
        },
        (n) => `fields.${n}`,
      );
      return link('selections', await insertSelection(trx, actor, editionId, titleId, checked), false);
    }
    case 'award': {
      const titleId = await w.title(title!, f.titleId);
      if (!f.year) {
        // "the Oscar-winning Parasite": the award of that ceremony already on record, when there is exactly one
        const known = await w.awardWithoutYear(String(f.festival ?? ''), titleId, f.festivalId);
        if (known) return link('awards', known, true);
      }
      const editionId = await w.edition(String(f.festival ?? ''), f.year, f.edition, f.festivalId);
      const award = str(f.award);
      if (!award) throw invalid('fields.award', f.award, 'fields.award: required, the prize');
      const rows = await trx
        .selectFrom('awards')
        .select(['id', 'name'])
        .where('edition_id', '=', editionId)
        .where('title_id', '=', titleId)
        .execute();
      const same = rows.find((a) => sameAward(a.name, award));
      if (same) return link('awards', same.id, true);
      const personId = str(f.person) ? await w.person('person', str(f.person)!, f.personId) : null;
      return link(
        'awards',
        await insertAward(
          trx,
          actor,
          editionId,
          titleId,
          personId,
          checkAward({ name: award, tied: f.tied === true }, (n) => `fields.${n}`),
        ),
        false,
      );
    }
    case 'boxOffice': {
      const titleId = await w.title(title!, f.titleId);
      const checked = checkBoxOffice(
        {
          territory: str(f.territory),
          amount: String(f.amount ?? ''),
          currency: String(f.currency ?? ''),
          periodStart: str(f.periodStart),
          periodEnd: str(f.periodEnd),
          asOf: str(f.asOf),
          cumulative: f.cumulative !== false,
        },
        (n) => `fields.${n}`,
      );
      let q = trx.selectFrom('box_office').select(['id', 'amount', 'currency']).where('title_id', '=', titleId);
      q = checked.territory ? q.where('territory', '=', checked.territory) : q.where('territory', 'is', null);
      const same = (await q.execute()).find((b) => b.currency === checked.currency && Number(b.amount) === checked.amount);
      if (same) return link('box_office', same.id, true);
      return link('box_office', await insertBoxOffice(trx, actor, titleId, checked), false);
    }
    case 'release': {
      const titleId = await w.title(title!, f.titleId);
      const checked = checkRelease({ territory: String(f.territory ?? ''), date: str(f.date), kind: 'theatrical' }, (n) => `fields.${n}`);
      const same = await trx
        .selectFrom('releases')
        .select('id')
        .where('title_id', '=', titleId)
        .where('territory', '=', checked.territory)
        .executeTakeFirst();
      if (same) return link('releases', same.id, true);
      const distributor = str(f.distributor);
      const distributorId = distributor ? await w.company('distributor', distributor, 'distributor', f.distributorId) : null;
      return link('releases', await insertRelease(trx, actor, titleId, distributorId, checked), false);
    }
    case 'credit': {
      const titleId = await w.title(title!, f.titleId);
      const name = str(f.name);
      if (!name) throw invalid('fields.name', f.name, 'fields.name: required, who');
      const checked = checkCredit({ role: f.role, character: str(f.character) }, (n) => `fields.${n}`);
      const personId = await w.person('person', name, f.personId);
      const same = await trx
        .selectFrom('credits')
        .select('id')
        .where('title_id', '=', titleId)
        .where('person_id', '=', personId)
        .where('role', '=', checked.role)
        .executeTakeFirst();
      if (same) return link('credits', same.id, true);
      return link('credits', await insertCredit(trx, actor, titleId, personId, checked), false);
    }
    case 'sourceMaterial':
    case 'productionStatus': {
      const titleId = await w.title(title!, f.titleId);
      const before = await trx.selectFrom('titles').selectAll().where('id', '=', titleId).executeTakeFirstOrThrow();
      const patch =
        fact.type === 'sourceMaterial'
          ? { source_material: str(f.material), ...(str(f.note) ? { source_material_note: str(f.note) } : {}) }
          : {
              production_status: checkTitle(
                { originalTitle: before.original_title, productionStatus: f.status as never },
                (n) => `fields.${n === 'productionStatus' ? 'status' : n}`,
              ).production_status,
            };
      const same =
        fact.type === 'sourceMaterial'
          ? before.source_material && normalizeName(before.source_material) === normalizeName(str(f.material) ?? '')
          : before.production_status === patch.production_status;
      if (!same) {
        await trx
          .updateTable('titles')
          .set({ ...patch, updated_at: nowIso() })
          .where('id', '=', titleId)
          .execute();
        await audit(trx, actor, { action: 'update', entity: 'titles', entityId: titleId, before, after: { ...before, ...patch } });
      }
      return link('titles', titleId, !!same);
    }
  }
}
