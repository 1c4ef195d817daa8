/**
 * Every list as a file, the querying part: the rows and typed columns of
 * the catalog, contracts, an avails answer, festival and market
 * acquisitions and the audit log, as this actor may see them;
 * interchange/lists.ts writes them as CSV or XLSX.
 */
import { invalid } from '../domain/errors.js';
import { isFinancialField } from '../domain/financial.js';
import { exponent } from '../domain/money/amounts.js';
import { LISTS, emaFileName, fileNamePart, toCsv, toXlsx, type Column, type Dataset, type ListName } from '../interchange/lists.js';
import { parseJson } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { askAvails, type AvailsInput } from './avails.js';
import { auditTrail, listContracts, type ContractListParams } from './contracts.js';
import type { AvailRowView } from './views.js';

export { LISTS, emaFileName, type ListName };

/** "2021-09-18 – 2036-09-17", "2021-09-18 – perpetuity"; a start not stated reads "start not stated". */
function termText(r: { start: string | null; end: string | null }): string {
  return `${r.start ?? 'start not stated'} – ${r.end ?? 'perpetuity'}`;
}

/** The columns of an avails answer, one definition for CSV and XLSX alike (and for every way of asking for them). */
export const AVAILS_COLUMNS: Array<Column<AvailRowView>> = [
  { header: 'Status', type: 'text', value: (r) => r.status },
  { header: 'Titles', type: 'text', value: (r) => r.titles.join(', ') },
  { header: 'Territories', type: 'text', value: (r) => r.territoryLabel },
  { header: 'Territory codes', type: 'text', value: (r) => r.territories.join(' ') },
  { header: 'Media', type: 'text', value: (r) => r.mediaLabel },
  { header: 'Languages', type: 'text', value: (r) => r.languageLabel },
  { header: 'Start', type: 'date', value: (r) => r.start },
  { header: 'End', type: 'date', value: (r) => r.end, empty: 'perpetuity' },
  { header: 'Why', type: 'text', value: (r) => r.reasons.map((x) => x.message).join('; ') || null },
];

const money = (amount: string | number | null | undefined, currency: string | null | undefined) =>
  amount === null || amount === undefined || !currency ? null : { amount: Number(amount) / 10 ** exponent(currency), currency };
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? null : String(v));

/** The rows and typed columns of one list, as this actor may see them. `avails` needs the question. */
/** A list's dataset: each list has its own row type, typed where its columns are written. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row type differs per list
type AnyDataset = Dataset<any>;

export async function dataset(app: FilmRights, actor: Actor, name: ListName, params: ExportParams = {}): Promise<AnyDataset> {
  const d = await everyColumn(app, actor, name, params);
  return actor.canSeeFinancials ? d : { ...d, columns: d.columns.filter((c) => !c.field || !isFinancialField(c.field)) };
}

async function everyColumn(app: FilmRights, actor: Actor, name: ListName, params: ExportParams): Promise<AnyDataset> {
  const db = app.store.db;
  switch (name) {
    case 'catalog': {
      const titles = await db.selectFrom('titles').selectAll().orderBy('original_title').execute();
      const directors = await db
        .selectFrom('credits as c')
        .innerJoin('people as p', 'p.id', 'c.person_id')
        .select(['c.title_id', 'p.name'])
        .where('c.role', '=', 'director')
        .orderBy('c.position')
        .execute();
      const by = new Map<string, string[]>();
      for (const d of directors) by.set(d.title_id, [...(by.get(d.title_id) ?? []), d.name]);
      type T = (typeof titles)[number];
      return {
        name: 'Catalog',
        rows: titles,
        columns: [
          { header: 'Title', type: 'text', value: (t: T) => t.english_title ?? t.original_title },
          { header: 'Original title', type: 'text', value: (t: T) => t.original_title },
          { header: 'Year', type: 'number', value: (t: T) => t.year },
          { header: 'Director', type: 'text', value: (t: T) => by.get(t.id)?.join(', ') ?? null },
          { header: 'Countries', type: 'text', value: (t: T) => list(parseJson(t.countries)) },
          { header: 'Languages', type: 'text', value: (t: T) => list(parseJson(t.languages)) },
          { header: 'Runtime (min)', type: 'number', value: (t: T) => t.runtime_minutes },
          { header: 'Status', type: 'text', value: (t: T) => t.production_status },
          { header: 'Id', type: 'text', value: (t: T) => t.id },
        ],
      };
    }
    case 'contracts': {
      const filters = params.contracts ?? {};
      const all = await allContracts(app, filters, actor);
      type C = (typeof all)[number];
      const joined = (c: C, part: (r: C['rights'][number]) => string | null) =>
        [...new Set(c.rights.map(part).filter((x): x is string => !!x))].join('; ') || null;
      return {
        name: 'Contracts',
        rows: all,
        columns: [
          { header: 'Ref', type: 'text', value: (c: C) => c.ref },
          { header: 'Direction', type: 'text', value: (c: C) => c.direction },
          { header: 'Status', type: 'text', value: (c: C) => c.status },
          { header: 'Licensor', type: 'text', value: (c: C) => c.licensor },
          { header: 'Licensee', type: 'text', value: (c: C) => c.licensee },
          { header: 'Titles', type: 'text', value: (c: C) => c.titles.join(', ') },
          { header: 'Territories', type: 'text', value: (c: C) => joined(c, (r) => r.territoryLabel) },
          { header: 'Media', type: 'text', value: (c: C) => joined(c, (r) => r.mediaLabel) },
          { header: 'Term', type: 'text', value: (c: C) => joined(c, termText) },
          { header: 'Signed on', type: 'date', value: (c: C) => c.signedOn },
          { header: 'Announced on', type: 'date', value: (c: C) => c.announcedOn },
          {
            header: 'MG',
            type: 'money',
            field: 'mg',
            value: (c: C) => (c.mg ? { amount: Number(c.mg.amount), currency: c.mg.currency } : null),
          },
          { header: 'Updated', type: 'datetime', value: (c: C) => c.updatedAt },
        ],
      };
    }
    case 'avails': {
      if (!params.avails)
        throw invalid('question', null, 'question: an avails export needs the question (titles, territories, media, start...)');
      const { rows } = await askAvails(app, actor, params.avails);
      return { name: 'Avails', rows, columns: AVAILS_COLUMNS };
    }
    case 'acquisitions': {
      const rows = await db
        .selectFrom('contracts as c')
        .innerJoin('festival_editions as e', 'e.id', 'c.edition_id')
        .innerJoin('festivals as f', 'f.id', 'e.festival_id')
        .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
        .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
        .select([
          'c.id',
          'c.ref',
          'c.status',
          'c.announced_on',
          'c.signed_on',
          'c.mg_amount',
          'c.mg_currency',
          'f.name as festival',
          'e.year',
          'e.number',
          'lor.name as seller',
          'lee.name as buyer',
        ])
        .where('c.deleted_at', 'is', null)
        .orderBy('e.year', 'desc')
        .orderBy('f.name')
        .execute();
      const ids = rows.map((r) => r.id);
      const titles = ids.length
        ? await db
            .selectFrom('contract_titles as ct')
            .innerJoin('titles as t', 't.id', 'ct.title_id')
            .select(['ct.contract_id', 't.original_title', 't.english_title'])
            .where('ct.contract_id', 'in', ids)
            .execute()
        : [];
      const blocks = ids.length
        ? await db.selectFrom('rights_blocks').select(['contract_id', 'territories', 'media']).where('contract_id', 'in', ids).execute()
        : [];
      type R = (typeof rows)[number];
      return {
        name: 'Festival acquisitions',
        rows,
        columns: [
          { header: 'Festival or market', type: 'text', value: (r: R) => r.festival },
          { header: 'Year', type: 'number', value: (r: R) => r.year },
          {
            header: 'Titles',
            type: 'text',
            value: (r: R) =>
              titles
                .filter((t) => t.contract_id === r.id)
                .map((t) => t.english_title ?? t.original_title)
                .join(', '),
          },
          { header: 'Buyer', type: 'text', value: (r: R) => r.buyer },
          { header: 'Seller', type: 'text', value: (r: R) => r.seller },
          {
            header: 'Territories',
            type: 'text',
            value: (r: R) => [...new Set(blocks.filter((b) => b.contract_id === r.id).map((b) => b.territories))].join('; ') || null,
          },
          {
            header: 'Media',
            type: 'text',
            value: (r: R) => [...new Set(blocks.filter((b) => b.contract_id === r.id).map((b) => b.media))].join('; ') || null,
          },
          { header: 'Status', type: 'text', value: (r: R) => r.status },
          { header: 'Announced on', type: 'date', value: (r: R) => r.announced_on },
          { header: 'Signed on', type: 'date', value: (r: R) => r.signed_on },
          { header: 'MG', type: 'money', field: 'mg', value: (r: R) => money(r.mg_amount, r.mg_currency) },
          { header: 'Ref', type: 'text', value: (r: R) => r.ref },
        ],
      };
    }
    case 'audit': {
      // the whole log: an export that stopped at its newest thousand entries would pass for all of it
      const rows = await auditTrail(app, actor, { limit: params.limit ?? null });
      type E = (typeof rows)[number];
      return {
        name: 'Audit log',
        rows,
        columns: [
          { header: 'When', type: 'datetime', value: (e: E) => e.at },
          { header: 'Who', type: 'text', value: (e: E) => e.user },
          { header: 'Action', type: 'text', value: (e: E) => e.action },
          { header: 'Record', type: 'text', value: (e: E) => e.entity },
          { header: 'Id', type: 'text', value: (e: E) => e.entityId },
          { header: 'Reason', type: 'text', value: (e: E) => e.reason },
        ],
      };
    }
  }
}

async function allContracts(app: FilmRights, filters: ContractListParams, actor: Actor) {
  const out = [];
  for (let page = 1; ; page++) {
    const p = await listContracts(app, { ...filters, pageSize: 500, page }, actor);
    out.push(...p.items);
    if (page * 500 >= p.total) return out;
  }
}

export interface ExportParams {
  avails?: AvailsInput;
  /** The contracts list's filters (as the deals list takes them). */
  contracts?: ContractListParams;
  limit?: number;
  /** The day the file is named after (default today). */
  today?: string;
}

/**
 * The file name says what was asked: "avails-germany-svod-2027-01-01_2027-12-31",
 * "contracts-signed-2026-12-05" (the filters, then the day of the export),
 * "catalog-2026-12-05"; only [a-z0-9-_.], at most 120 characters before the extension.
 */
export function exportFileName(name: ListName, format: string, params: ExportParams = {}): string {
  const today = params.today ?? new Date().toISOString().slice(0, 10);
  const parts: string[] = [name];
  if (name === 'avails' && params.avails) {
    const a = params.avails;
    const titles = a.titles ?? [];
    if (titles.length === 1) parts.push(titles[0]);
    else if (titles.length > 1) parts.push(`${titles.length} titles`);
    parts.push(a.territories ?? '', a.media ?? '');
    if (a.languages) parts.push(Array.isArray(a.languages) ? a.languages.join(' ') : a.languages);
    if (a.exclusive === false) parts.push('non-exclusive');
    const window = `${fileNamePart(String(a.start ?? ''))}_${a.end ? fileNamePart(String(a.end)) : 'open'}`;
    const stem = [...parts.map(fileNamePart).filter(Boolean)].join('-').slice(0, 100).replace(/-+$/, '');
    return `${stem}-${window.slice(0, 40)}.${format}`;
  }
  if (name === 'contracts' && params.contracts) {
    const c = params.contracts;
    if (c.deleted) parts.push('deleted');
    if (c.direction) parts.push(c.direction === 'in' ? 'rights-in' : c.direction === 'out' ? 'rights-out' : c.direction);
    if (c.status) parts.push(c.status);
    if (c.title) parts.push(c.title);
    if (c.company) parts.push(c.company);
    if (c.q) parts.push(c.q);
  }
  const stem = parts.map(fileNamePart).filter(Boolean).join('-').slice(0, 109).replace(/-+$/, '');
  return `${stem}-${fileNamePart(today)}.${format}`;
}

export async function exportList(
  app: FilmRights,
  actor: Actor,
  name: ListName,
  format: 'csv' | 'xlsx',
  params: ExportParams = {},
): Promise<{ data: Buffer; contentType: string; filename: string; rows: number }> {
  if (!LISTS.includes(name)) throw invalid('list', name, `list: "${name}" is not one of ${LISTS.join(', ')}`);
  if (format !== 'csv' && format !== 'xlsx') throw invalid('format', format, `format: "${format}" is not csv or xlsx`);
  const d = await dataset(app, actor, name, params);
  const filename = exportFileName(name, format, params);
  if (format === 'csv') return { data: toCsv(d), contentType: 'text/csv; charset=utf-8', filename, rows: d.rows.length };
  return {
    data: await toXlsx(d),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename,
    rows: d.rows.length,
  };
}
