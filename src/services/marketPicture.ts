/**
 * The market picture: what the record says about who holds a title where,
 * from which sources, and what nobody has reported yet; and a festival or
 * market edition's acquisitions. It reads contracts of every direction (ours
 * and third-party market intelligence) that are signed or announced, but it
 * is only a picture: availability for us comes from the rights engine, which
 * never counts third-party contracts.
 */
import { COUNTRIES } from '../domain/countries.js';
import { mediaLabel, mediaSetFromIds } from '../domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../domain/territories.js';
import { parseJson, type ContractDirection, type ContractStatus } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { visibleTo } from './access.js';
import { NotFoundError } from './errors.js';
import { sourcesOf, type FactSourceView } from './provenance.js';

type Named = { id: string; name: string };

export interface Holding {
  contract: {
    id: string;
    ref: string;
    direction: ContractDirection;
    status: ContractStatus;
    announcedOn: string | null;
    signedOn: string | null;
  };
  /** The licensee: who is reported to hold the rights. */
  holder: Named | null;
  licensor: Named | null;
  salesAgent: Named | null;
  territoryCodes: string[];
  /** "North America"; null when the report names no territory. */
  territoryLabel: string | null;
  mediaLabel: string | null;
  start: string | null;
  end: string | null;
  exclusive: boolean;
  /** A contract of ours (rights in or out) rather than market intelligence. */
  ours: boolean;
  sources: FactSourceView[];
}

export interface TitleMarket {
  title: Named & { year: number | null };
  holdings: Holding[];
  /** Per country (ISO code): who holds what there. */
  byCountry: Record<string, Array<{ holder: Named | null; mediaLabel: string | null; ref: string }>>;
  /** The countries no deal on record covers. */
  unreported: { codes: string[]; label: string | null };
  salesAgents: Named[];
  /** Accepted rumours: talks, denials, reports. */
  talks: Array<{
    party: string;
    kind: string;
    territories: string | null;
    article: { id: string; title: string | null; outlet: string | null; publishedOn: string | null };
    quote: string;
  }>;
}

const ACTIVE: ContractStatus[] = ['signed', 'announced'];

async function holdings(
  app: FilmRights,
  where: { titleId?: string; contractIds?: string[] },
): Promise<Array<Holding & { titleId: string; titleName: string }>> {
  const db = app.store.db;
  let q = db
    .selectFrom('contracts as c')
    .innerJoin('contract_titles as ct', 'ct.contract_id', 'c.id')
    .innerJoin('titles as t', 't.id', 'ct.title_id')
    .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
    .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
    .leftJoin('companies as sa', 'sa.id', 'c.sales_agent_id')
    .select([
      'c.id',
      'c.ref',
      'c.direction',
      'c.status',
      'c.announced_on',
      'c.signed_on',
      't.id as title_id',
      't.original_title',
      't.english_title',
      'lee.id as lee_id',
      'lee.name as lee_name',
      'lor.id as lor_id',
      'lor.name as lor_name',
      'sa.id as sa_id',
      'sa.name as sa_name',
    ])
    .where('c.deleted_at', 'is', null)
    .where('c.status', 'in', ACTIVE);
  if (where.titleId) q = q.where('ct.title_id', '=', where.titleId);
  if (where.contractIds) q = q.where('c.id', 'in', where.contractIds.length ? where.contractIds : ['']);
  const rows = await q.orderBy('c.announced_on').orderBy('c.ref').execute();
  if (!rows.length) return [];
  const blocks = await db
    .selectFrom('rights_blocks')
    .selectAll()
    .where('contract_id', 'in', [...new Set(rows.map((r) => r.id))])
    .orderBy('id')
    .execute();
  const sources = await sourcesOf(
    db,
    [...new Set(rows.map((r) => r.id))].map((id) => ({ table: 'contracts' as const, id })),
  );
  const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  const out: Array<Holding & { titleId: string; titleName: string }> = [];
  for (const r of rows) {
    const base = {
      contract: { id: r.id, ref: r.ref, direction: r.direction, status: r.status, announcedOn: r.announced_on, signedOn: r.signed_on },
      holder: named(r.lee_id, r.lee_name),
      licensor: named(r.lor_id, r.lor_name),
      salesAgent: named(r.sa_id, r.sa_name),
      ours: r.direction !== 'third-party',
      sources: sources.get(`contracts:${r.id}`) ?? [],
      titleId: r.title_id,
      titleName: r.english_title ?? r.original_title,
    };
    const mine = blocks.filter((b) => b.contract_id === r.id && b.title_id === r.title_id);
    if (!mine.length) {
      out.push({ ...base, territoryCodes: [], territoryLabel: null, mediaLabel: null, start: null, end: null, exclusive: true });
      continue;
    }
    for (const b of mine) {
      const codes = parseJson(b.territory_codes);
      out.push({
        ...base,
        territoryCodes: codes,
        territoryLabel: territoryLabel(territorySetFromCodes(codes, 'territory_codes')),
        mediaLabel: mediaLabel(mediaSetFromIds(parseJson(b.media_ids), 'media_ids')),
        start: b.start_date,
        end: b.end_date,
        exclusive: b.exclusive === 1,
      });
    }
  }
  return out;
}

/** Who is reported to hold which rights in a title, per territory, from which sources; and what is unreported. */
export async function titleMarket(app: FilmRights, actor: Actor, titleId: string): Promise<TitleMarket> {
  const db = app.store.db;
  const t = await db
    .selectFrom('titles')
    .select(['id', 'original_title', 'english_title', 'year'])
    .where('id', '=', titleId)
    .executeTakeFirst();
  if (!t) throw new NotFoundError('title', titleId);
  const list = await holdings(app, { titleId });
  const byCountry: TitleMarket['byCountry'] = {};
  const covered = new Set<string>();
  for (const h of list) {
    for (const code of h.territoryCodes) {
      covered.add(code);
      (byCountry[code] ??= []).push({ holder: h.holder, mediaLabel: h.mediaLabel, ref: h.contract.ref });
    }
  }
  const rest = COUNTRIES.codes.filter((c) => !covered.has(c));
  const agents = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as c', 'c.id', 'tc.company_id')
    .select(['c.id', 'c.name'])
    .where('tc.title_id', '=', titleId)
    .where('tc.role', '=', 'sales-agent')
    .orderBy('c.name')
    .execute();
  const names = [t.english_title, t.original_title].filter((n): n is string => !!n);
  const rumours = await db
    .selectFrom('article_facts as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['f.fields', 'f.span_start', 'f.span_end', 'a.id as article_id', 'a.title', 'a.outlet', 'a.published_on', 's.text'])
    .where('f.type', '=', 'rumour')
    .where('f.status', '=', 'accepted')
    .execute();
  const { normalizeName } = await import('../domain/fuzzy.js');
  const talks = rumours
    .map((r) => ({ r, f: parseJson(r.fields) as { title: string; party: string; kind: string; territories: string | null } }))
    .filter(({ f }) => names.some((n) => normalizeName(n) === normalizeName(f.title)))
    .map(({ r, f }) => ({
      party: f.party,
      kind: f.kind,
      territories: f.territories,
      article: { id: r.article_id, title: r.title, outlet: r.outlet, publishedOn: r.published_on },
      quote: (r.text ?? '').slice(r.span_start, r.span_end),
    }));
  // it carries no deal terms today; whatever it gains passes the financial filter on the way out
  return visibleTo(actor, {
    title: { id: t.id, name: t.english_title ?? t.original_title, year: t.year },
    holdings: list.map(({ titleId: _t, titleName: _n, ...h }) => h),
    byCountry,
    unreported: { codes: rest, label: rest.length ? territoryLabel(territorySetFromCodes(rest, 'codes')) : null },
    salesAgents: agents,
    talks,
  });
}

export interface Acquisition {
  title: Named;
  buyer: Named | null;
  seller: Named | null;
  territoryLabel: string | null;
  mediaLabel: string | null;
  date: string | null;
  contract: { id: string; ref: string; direction: ContractDirection; status: ContractStatus };
  sources: FactSourceView[];
}

/**
 * A festival or market edition's acquisitions: deals made there (the
 * contract names the edition), and deals for titles selected there that were
 * announced during it.
 */
export async function editionAcquisitions(
  app: FilmRights,
  actor: Actor,
  editionId: string,
): Promise<{
  edition: { id: string; year: number; number: number | null; start: string | null; end: string | null };
  festival: Named;
  acquisitions: Acquisition[];
}> {
  const db = app.store.db;
  const e = await db
    .selectFrom('festival_editions as e')
    .innerJoin('festivals as f', 'f.id', 'e.festival_id')
    .select(['e.id', 'e.year', 'e.number', 'e.start_date', 'e.end_date', 'f.id as festival_id', 'f.name'])
    .where('e.id', '=', editionId)
    .executeTakeFirst();
  if (!e) throw new NotFoundError('edition', editionId);
  const atEdition = await db
    .selectFrom('contracts')
    .select('id')
    .where('edition_id', '=', editionId)
    .where('deleted_at', 'is', null)
    .execute();
  let during: Array<{ id: string }> = [];
  if (e.start_date) {
    const end = e.end_date ?? e.start_date;
    const selected = await db.selectFrom('selections').select('title_id').where('edition_id', '=', editionId).execute();
    if (selected.length) {
      during = await db
        .selectFrom('contracts as c')
        .innerJoin('contract_titles as ct', 'ct.contract_id', 'c.id')
        .select('c.id')
        .where('ct.title_id', 'in', [...new Set(selected.map((s) => s.title_id))])
        .where('c.deleted_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('c.announced_on', '>=', e.start_date!), eb('c.announced_on', '<=', end)]),
            eb.and([eb('c.signed_on', '>=', e.start_date!), eb('c.signed_on', '<=', end)]),
          ]),
        )
        .execute();
    }
  }
  const ids = [...new Set([...atEdition, ...during].map((r) => r.id))];
  const list = await holdings(app, { contractIds: ids });
  // one row per contract and title: territories of several blocks joined
  const rows = new Map<string, Acquisition>();
  for (const h of list) {
    const key = `${h.contract.id}|${h.titleId}`;
    const prev = rows.get(key);
    if (prev) {
      if (h.territoryLabel && prev.territoryLabel !== h.territoryLabel)
        prev.territoryLabel = [prev.territoryLabel, h.territoryLabel].filter(Boolean).join('; ');
      continue;
    }
    rows.set(key, {
      title: { id: h.titleId, name: h.titleName },
      buyer: h.holder,
      seller: h.licensor ?? h.salesAgent,
      territoryLabel: h.territoryLabel,
      mediaLabel: h.mediaLabel,
      date: h.contract.announcedOn ?? h.contract.signedOn,
      contract: { id: h.contract.id, ref: h.contract.ref, direction: h.contract.direction, status: h.contract.status },
      sources: h.sources,
    });
  }
  const acquisitions = [...rows.values()].sort(
    (a, b) =>
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.title.name.localeCompare(b.title.name) ||
      (a.buyer?.name ?? '').localeCompare(b.buyer?.name ?? ''),
  );
  return visibleTo(actor, {
    edition: { id: e.id, year: e.year, number: e.number, start: e.start_date, end: e.end_date },
    festival: { id: e.festival_id, name: e.name },
    acquisitions,
  });
}
