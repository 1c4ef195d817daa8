/**
 * A `filmrights/1` document built from the record's rows (plain data, read by
 * services/json/export.ts), deterministically: sorted by name, so export →
 * import into an empty database → export gives the same document.
 */
import type { Selectable } from 'kysely';
import { normalizeName } from '../../domain/fuzzy.js';
import { formatMoney } from '../../domain/money/amounts.js';
import {
  CREDIT_ROLES,
  TITLE_COMPANY_ROLES,
  defaultTieGroup,
  formatReleaseDate,
  parseJson,
  type ConditionColumns,
  type Database,
} from '../../store/index.js';
import {
  FORMAT,
  type AliasDoc,
  type AwardDoc,
  type BlockDoc,
  type BoxOfficeDoc,
  type ContractDoc,
  type EditionDoc,
  type EditionRef,
  type FactDoc,
  type FestivalDoc,
  type HoldbackDoc,
  type InterchangeDocument,
  type NegotiatorDoc,
  type ReleaseDoc,
  type SelectionDoc,
  type SourceDoc,
} from './document.js';
import { buildAccounts, type AccountsRows } from './accounts.js';
import { compact } from './compact.js';
import { buildMarketMode, type MarketModeRows } from './marketMode.js';
import type { ConditionInput } from '../../contract/index.js';

type Rows<T extends keyof Database> = Array<Selectable<Database[T]>>;

/** Every row the document is built from (deleted contracts left out), and the install's own company. */
export interface JsonExportRows {
  companies: Rows<'companies'>;
  people: Rows<'people'>;
  titles: Rows<'titles'>;
  aliases: Rows<'title_aliases'>;
  credits: Rows<'credits'>;
  titleCompanies: Rows<'title_companies'>;
  weId: string | null;
  festivals: Rows<'festivals'>;
  editions: Rows<'festival_editions'>;
  sections: Rows<'sections'>;
  selections: Rows<'selections'>;
  awards: Rows<'awards'>;
  contracts: Rows<'contracts'>;
  contractTitles: Rows<'contract_titles'>;
  blocks: Rows<'rights_blocks'>;
  holdbacks: Rows<'holdbacks'>;
  negotiators: Rows<'negotiators'>;
  releases: Rows<'releases'>;
  boxOffice: Rows<'box_office'>;
  sources: Rows<'sources'>;
  factRows: Rows<'fact_sources'>;
  /** The accounts' rows: present only when the reader may see them (the financial-terms permission). */
  accounts?: AccountsRows;
  /** Buyer profiles and their contacts (docs/market.md). */
  buyers?: Rows<'buyers'>;
  buyerContacts?: Rows<'buyer_contacts'>;
  /** Market mode: markets and offers (docs/json-format.md). */
  marketMode?: MarketModeRows;
}

export { compact };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The document of `rows`, every record in it (the services leave out what the reader may not see). */
export function buildJsonDocument(rows: JsonExportRows): InterchangeDocument {
  const {
    companies,
    people,
    titles,
    aliases,
    credits,
    titleCompanies,
    weId,
    festivals,
    editions,
    sections,
    selections,
    awards,
    contracts,
    contractTitles,
    blocks,
    holdbacks,
    negotiators,
    releases,
    boxOffice,
    sources,
    factRows,
  } = rows;
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));

  // A title is named by its display name, or "Name (year)" where the name is shared.
  const display = (t: (typeof titles)[number]) => t.english_title ?? t.original_title;
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(normalizeName(display(t)), (counts.get(normalizeName(display(t))) ?? 0) + 1);
  const titleRef = new Map(
    titles.map((t) => [
      t.id,
      (counts.get(normalizeName(display(t))) ?? 0) > 1 && t.year !== null ? `${display(t)} (${t.year})` : display(t),
    ]),
  );
  const ref = (id: string) => titleRef.get(id) ?? id;
  const doc: InterchangeDocument = { format: FORMAT };
  if (weId && companyName.has(weId)) doc.we = companyName.get(weId)!;
  doc.companies = companies
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map((c) => compact({ name: c.name, kind: c.kind, country: c.country }));
  doc.people = people
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map((p) => compact({ name: p.name, sortName: p.sort_name }));
  doc.titles = titles
    .sort((a, b) => byText(display(a), display(b)) || (a.year ?? 0) - (b.year ?? 0) || byText(a.id, b.id))
    .map((t) =>
      compact({
        title: display(t),
        originalTitle: t.english_title ? t.original_title : null,
        year: t.year,
        countries: parseJson(t.countries),
        languages: parseJson(t.languages),
        runtimeMinutes: t.runtime_minutes,
        synopsis: t.synopsis,
        sourceMaterial: t.source_material,
        sourceMaterialNote: t.source_material_note,
        productionStatus: t.production_status,
        // series, seasons and episodes (a film says none of it)
        kind: t.kind === 'film' ? undefined : t.kind,
        parent: t.parent_id ? ref(t.parent_id) : null,
        number: t.number,
        seasonCount: t.season_count,
        episodeCount: t.episode_count,
        countsFinal: t.counts_final === 1 ? true : undefined,
        seriesStatus: t.series_status,
        aliases: aliases
          .filter((a) => a.title_id === t.id)
          .sort((a, b) => byText(a.alias, b.alias) || byText(a.kind ?? '', b.kind ?? ''))
          .map((a): string | AliasDoc =>
            a.language || a.kind ? compact({ alias: a.alias, language: a.language, kind: a.kind }) : a.alias,
          ),
        credits: credits
          .filter((c) => c.title_id === t.id)
          .sort(
            (a, b) =>
              CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) ||
              a.position - b.position ||
              byText(personName.get(a.person_id) ?? '', personName.get(b.person_id) ?? ''),
          )
          .map((c) => compact({ role: c.role, name: personName.get(c.person_id) ?? c.person_id, character: c.character })),
        companies: titleCompanies
          .filter((c) => c.title_id === t.id)
          .sort(
            (a, b) =>
              TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) ||
              byText(companyName.get(a.company_id) ?? '', companyName.get(b.company_id) ?? ''),
          )
          .map((c) => ({ role: c.role, name: companyName.get(c.company_id) ?? c.company_id })),
      }),
    );

  // Festivals before contracts in the data, though contracts come first in the document's reading order.
  const festivalName = new Map(festivals.map((f) => [f.id, f.name]));
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const editionRef = (editionId: string): EditionRef => {
    const e = editions.find((x) => x.id === editionId)!;
    const festival = festivalName.get(e.festival_id)!;
    const sameYear = editions.filter((x) => x.festival_id === e.festival_id && x.year === e.year).length;
    return sameYear > 1 && e.number !== null ? { festival, number: e.number } : `${festival} ${e.year}`;
  };
  doc.contracts = contracts
    .sort((a, b) => byText(a.ref, b.ref))
    .map((k) => {
      const kt = contractTitles
        .filter((x) => x.contract_id === k.id)
        .map((x) => x.title_id)
        .sort((a, b) => byText(ref(a), ref(b)));
      const out: ContractDoc = compact({
        ref: k.ref,
        direction: k.direction,
        status: k.status,
        licensor: k.licensor_id ? companyName.get(k.licensor_id) : null,
        licensee: k.licensee_id ? companyName.get(k.licensee_id) : null,
        salesAgent: k.sales_agent_id ? companyName.get(k.sales_agent_id) : null,
        titles: kt.map(ref),
        blocks: groupByTitle(
          blocks.filter((b) => b.contract_id === k.id),
          kt,
          (b) =>
            withCovers(
              b,
              ref,
              compact({
                territories: b.territories,
                media: b.media,
                languages: b.languages === null ? null : parseJson(b.languages),
                start: b.start_date,
                end: b.end_date,
                ...conditionDocs(b),
                // a term the source did not report: its end is unknown, not perpetuity
                ...(b.term_reported === 0 ? { termReported: false } : {}),
                exclusive: b.exclusive === 1,
                excludes: b.excludes_titles ? parseJson(b.excludes_titles).map(ref).sort(byText) : null,
              }) as BlockDoc,
            ),
          ref,
        ).map(({ titleId, item }) => (titleId ? { title: ref(titleId), ...item } : item)),
        holdbacks: groupByTitle(
          holdbacks.filter((h) => h.contract_id === k.id),
          kt,
          (h) =>
            compact({
              territories: h.territories,
              media: h.media,
              start: h.start_date,
              end: h.end_date,
              ...conditionDocs(h),
              description: h.description,
            }) as HoldbackDoc,
          ref,
        ).map(({ titleId, item }) => (titleId ? { title: ref(titleId), ...item } : item)),
        negotiators: negotiators
          .filter((n) => n.contract_id === k.id)
          .map(
            (n) =>
              compact({
                name: personName.get(n.person_id) ?? n.person_id,
                company: n.company_id ? companyName.get(n.company_id) : null,
                side: n.side,
              }) as NegotiatorDoc,
          )
          .sort((a, b) => byText(a.side, b.side) || byText(a.name, b.name)),
        mg: k.mg_amount !== null && k.mg_currency ? formatMoney(Number(k.mg_amount), k.mg_currency) : null,
        signedOn: k.signed_on,
        announcedOn: k.announced_on,
        ...(k.delivery_date ? { deliveryDate: k.delivery_date } : {}),
        edition: k.edition_id ? editionRef(k.edition_id) : null,
        notes: k.notes,
        overrideReason: k.override_reason,
      });
      return out;
    });

  doc.festivals = festivals
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map(
      (f) =>
        compact({
          name: f.name,
          shortName: f.short_name,
          aliases: parseJson(f.aliases),
          kind: f.kind,
          country: f.country,
          city: f.city,
          editions: editions
            .filter((e) => e.festival_id === f.id)
            .sort((a, b) => a.year - b.year || (a.number ?? 0) - (b.number ?? 0))
            .map((e) => {
              const sel = selections.filter((s) => s.edition_id === e.id);
              const used = new Set(sel.map((s) => s.section_id));
              return compact({
                number: e.number,
                year: e.year,
                start: e.start_date,
                end: e.end_date,
                sections: sections
                  .filter((s) => s.edition_id === e.id && !used.has(s.id))
                  .map((s) => s.name)
                  .sort(byText),
                selections: sel
                  .map(
                    (s) =>
                      compact({
                        title: ref(s.title_id),
                        section: s.section_id ? sectionName.get(s.section_id) : null,
                        premiereStatus: s.premiere_status,
                        slot: s.slot,
                        withdrawn: s.withdrawn === 1 ? true : null,
                        withdrawalReason: s.withdrawal_reason,
                      }) as SelectionDoc,
                  )
                  .sort((a, b) => byText(a.section ?? '\uffff', b.section ?? '\uffff') || byText(a.title, b.title)),
                awards: awards
                  .filter((a) => a.edition_id === e.id)
                  .map(
                    (a) =>
                      compact({
                        name: a.name,
                        title: ref(a.title_id),
                        person: a.person_id ? personName.get(a.person_id) : null,
                        tied: a.tied === 1 ? true : null,
                        tieGroup: a.tie_group && a.tie_group !== defaultTieGroup(e.id, a.name) ? a.tie_group : null,
                      }) as AwardDoc,
                  )
                  .sort((a, b) => byText(a.name, b.name) || byText(a.title, b.title)),
              }) as EditionDoc;
            }),
        }) as FestivalDoc,
    );
  doc.releases = releases
    .map(
      (r) =>
        compact({
          title: ref(r.title_id),
          territory: r.territory,
          date: formatReleaseDate(r.release_date, r.date_precision),
          distributor: r.distributor_id ? companyName.get(r.distributor_id) : null,
          kind: r.kind,
        }) as ReleaseDoc,
    )
    .sort(
      (a, b) =>
        byText(a.title, b.title) ||
        byText(a.territory, b.territory) ||
        byText(a.date ?? '', b.date ?? '') ||
        byText(a.kind ?? '', b.kind ?? ''),
    );
  {
    // grosses are public record; only deal terms (MGs) are confidential
    doc.boxOffice = boxOffice
      .map((b) => {
        const m = formatMoney(Number(b.amount), b.currency);
        return compact({
          title: ref(b.title_id),
          territory: b.territory ?? 'Worldwide',
          amount: m.amount,
          currency: m.currency,
          periodStart: b.period_start,
          periodEnd: b.period_end,
          asOf: b.as_of,
          cumulative: b.is_cumulative === 1,
        }) as BoxOfficeDoc;
      })
      .sort(
        (a, b) =>
          byText(a.title, b.title) ||
          byText(a.territory ?? '', b.territory ?? '') ||
          byText(a.asOf ?? '', b.asOf ?? '') ||
          byText(a.periodStart ?? '', b.periodStart ?? ''),
      );
  }

  // Facts point at rows by id: turn each back into names.
  const contractRef = new Map(contracts.map((k) => [k.id, k.ref]));
  const editionOf = (id: string) => {
    const e = editions.find((x) => x.id === id);
    return e ? { festival: festivalName.get(e.festival_id)!, year: e.year } : undefined;
  };
  const factRef = (table: string, fid: string): Omit<FactDoc, 'quote' | 'span' | 'reviewed' | 'accepted'> | undefined => {
    switch (table) {
      case 'titles':
        return titleRef.has(fid) ? { fact: 'title', title: ref(fid) } : undefined;
      case 'title_aliases': {
        const a = aliases.find((x) => x.id === fid);
        return a ? { fact: 'alias', title: ref(a.title_id), alias: a.alias } : undefined;
      }
      case 'people':
        return personName.has(fid) ? { fact: 'person', name: personName.get(fid)! } : undefined;
      case 'companies':
        return companyName.has(fid) ? { fact: 'company', name: companyName.get(fid)! } : undefined;
      case 'credits': {
        const c = credits.find((x) => x.id === fid);
        return c ? { fact: 'credit', title: ref(c.title_id), role: c.role, name: personName.get(c.person_id)! } : undefined;
      }
      case 'title_companies': {
        const [t, co, role] = fid.split('|');
        return titleCompanies.some((x) => x.title_id === t && x.company_id === co && x.role === role)
          ? { fact: 'titleCompany', title: ref(t), role, company: companyName.get(co)! }
          : undefined;
      }
      case 'contracts':
        return contractRef.has(fid) ? { fact: 'contract', ref: contractRef.get(fid)! } : undefined;
      case 'festivals':
        return festivalName.has(fid) ? { fact: 'festival', festival: festivalName.get(fid)! } : undefined;
      case 'festival_editions': {
        const e = editionOf(fid);
        return e ? { fact: 'edition', ...e } : undefined;
      }
      case 'selections': {
        const s = selections.find((x) => x.id === fid);
        return s ? { fact: 'selection', title: ref(s.title_id), ...editionOf(s.edition_id)! } : undefined;
      }
      case 'awards': {
        const a = awards.find((x) => x.id === fid);
        return a ? { fact: 'award', award: a.name, title: ref(a.title_id), ...editionOf(a.edition_id)! } : undefined;
      }
      case 'releases': {
        const r = releases.find((x) => x.id === fid);
        return r ? { fact: 'release', title: ref(r.title_id), territory: r.territory } : undefined;
      }
      case 'box_office': {
        const b = boxOffice.find((x) => x.id === fid);
        return b ? { fact: 'boxOffice', title: ref(b.title_id), territory: b.territory ?? 'Worldwide' } : undefined;
      }
    }
    return undefined;
  };
  doc.sources = sources
    .sort(
      (a, b) =>
        byText(a.published_on ?? '', b.published_on ?? '') ||
        byText(a.outlet ?? '', b.outlet ?? '') ||
        byText(a.title ?? '', b.title ?? '') ||
        byText(a.file ?? '', b.file ?? '') ||
        byText(a.url ?? '', b.url ?? '') ||
        byText(a.created_at, b.created_at) ||
        byText(a.id, b.id),
    )
    .map((s) => {
      const facts = factRows
        .filter((f) => f.source_id === s.id)
        .map((f) => {
          const r = factRef(f.fact_table, f.fact_id);
          if (!r) return undefined;
          return compact({
            ...r,
            quote: f.quote,
            span: f.span_start !== null && f.span_end !== null ? ([f.span_start, f.span_end] as [number, number]) : null,
            reviewed: f.reviewed === 1 ? true : null,
            accepted: f.accepted === 1 ? true : null,
          }) as FactDoc;
        })
        .filter((f): f is FactDoc => f !== undefined)
        .sort(
          (a, b) =>
            (a.span?.[0] ?? -1) - (b.span?.[0] ?? -1) ||
            (a.span?.[1] ?? -1) - (b.span?.[1] ?? -1) ||
            byText(JSON.stringify(a), JSON.stringify(b)),
        );
      return compact({
        kind: s.kind,
        outlet: s.outlet,
        publishedOn: s.published_on,
        url: s.url,
        file: s.file,
        title: s.title,
        text: s.text,
        facts,
      }) as SourceDoc;
    });

  if (rows.accounts) {
    const accounts = buildAccounts(rows.accounts, new Map(contracts.map((k) => [k.id, k.ref])), ref);
    if (Object.keys(accounts).length) doc.accounts = accounts;
  }
  doc.buyers = (rows.buyers ?? [])
    .filter((b) => companyName.has(b.company_id))
    .sort((a, b) => byText(companyName.get(a.company_id)!, companyName.get(b.company_id)!) || byText(a.company_id, b.company_id))
    .map((b) =>
      compact({
        company: companyName.get(b.company_id)!,
        kind: b.kind,
        territories: b.territories,
        media: b.media,
        genres: parseJson(b.genres),
        locale: b.locale,
        notes: b.notes,
        contacts: (rows.buyerContacts ?? [])
          .filter((c) => c.buyer_id === b.company_id)
          .sort((x, y) => byText(x.name, y.name) || byText(x.email ?? '', y.email ?? '') || byText(x.id, y.id))
          .map((c) =>
            compact({
              name: c.name,
              person: c.person_id ? personName.get(c.person_id) : null,
              role: c.role,
              email: c.email,
              phone: c.phone,
            }),
          ),
      }),
    );
  if (rows.marketMode) {
    const contractRef = new Map(contracts.map((k) => [k.id, k.ref]));
    Object.assign(
      doc,
      buildMarketMode(rows.marketMode, {
        company: (id) => companyName.get(id) ?? id,
        person: (id) => personName.get(id) ?? id,
        title: ref,
        edition: editionRef,
        contract: (id) => contractRef.get(id),
      }),
    );
  }
  return compact(doc as Record<string, unknown>) as InterchangeDocument;
}

/**
 * Blocks are stored per title; the document writes a block once when it
 * applies alike to every title of the contract, per title otherwise.
 */
function groupByTitle<R extends { title_id: string }, T>(
  rows: R[],
  contractTitles: string[],
  view: (r: R) => T,
  name: (titleId: string) => string,
): Array<{ titleId: string | null; item: T }> {
  const groups = new Map<string, { item: T; titles: Set<string> }>();
  for (const r of rows) {
    const item = view(r);
    const k = JSON.stringify(item);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { item, titles: new Set() }));
    g.titles.add(r.title_id);
  }
  const out: Array<{ titleId: string | null; item: T; key: string }> = [];
  for (const [k, g] of groups) {
    if (contractTitles.length > 0 && contractTitles.every((t) => g.titles.has(t))) out.push({ titleId: null, item: g.item, key: k });
    else for (const t of g.titles) out.push({ titleId: t, item: g.item, key: k });
  }
  return out
    .sort(
      (a, b) =>
        byText(JSON.stringify(a.item), JSON.stringify(b.item)) ||
        byText(a.titleId ? name(a.titleId) : '', b.titleId ? name(b.titleId) : ''),
    )
    .map(({ titleId, item }) => ({ titleId, item }));
}

/** A block's terms with how far it reaches down a series when it does not include future titles (its list kept even when empty). */
function withCovers(
  b: { includes_future: number; covers_titles: Rows<'rights_blocks'>[number]['covers_titles'] },
  ref: (id: string) => string,
  terms: BlockDoc,
): BlockDoc {
  if (b.includes_future === 1) return terms;
  return { ...terms, includesFuture: false, covers: (parseJson(b.covers_titles) ?? []).map(ref).sort(byText) };
}

/** A stored term's conditions, as the document writes them (docs/json-format.md): only those set. */
function conditionDocs(
  r: Pick<Rows<'holdbacks'>[number], keyof Selectable<ConditionColumns>>,
): Pick<BlockDoc, 'startCondition' | 'endCondition'> {
  const one = (e: 'start' | 'end') => {
    const event = r[`${e}_event`];
    if (event === null) return null;
    const media = r[`${e}_media`];
    return {
      event: event as ConditionInput['event'],
      ...(r[`${e}_territory`] ? { territory: r[`${e}_territory`] } : {}),
      ...(media ? { media: media as NonNullable<ConditionInput['media']> } : {}),
      offset: r[`${e}_offset`] ?? 0,
      unit: r[`${e}_unit`] === 'months' ? ('months' as const) : ('days' as const),
    };
  };
  const start = one('start');
  const end = one('end');
  return { ...(start ? { startCondition: start } : {}), ...(end ? { endCondition: end } : {}) };
}
