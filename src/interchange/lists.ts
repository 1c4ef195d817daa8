/**
 * Every list as a file: catalog, contracts, an avails answer, festival and
 * market acquisitions, the audit log; as CSV (UTF-8 with BOM, so Excel reads
 * accents) or XLSX with proper types: dates are date cells, money is a
 * number formatted with its currency (and an amount plus a currency column
 * in CSV), numbers are numbers. A text cell that begins with = + - @ (or a
 * tab or carriage return) is prefixed with an apostrophe so a spreadsheet
 * shows it and never runs it (formula injection).
 */
import ExcelJS from 'exceljs';
import { invalid } from '../domain/errors.js';
import { isFinancialField } from '../domain/financial.js';
import { parseJson } from '../store/index.js';
import type { Actor, FilmRights } from '../services/app.js';
import { askAvails, type AvailsInput } from '../services/avails.js';
import { auditTrail, listContracts } from '../services/contracts.js';
import { exponent } from '../services/money.js';

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'money' | 'boolean';

export interface Column<R> {
  header: string;
  type: ColumnType;
  /** The record field it shows, when that is a financial field (src/domain/financial.ts): then only for users with the financial-terms permission. */
  field?: string;
  value(row: R): string | number | boolean | null | { amount: number; currency: string };
}

export interface Dataset<R = unknown> {
  name: string;
  columns: Array<Column<R>>;
  rows: R[];
}

const DANGEROUS = /^[=+\-@\t\r]/;

/** A text value a spreadsheet will show as text, never evaluate. */
export function neutralise(s: string): string {
  return DANGEROUS.test(s) ? `'${s}` : s;
}

function csvField(s: string): string {
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<R>(d: Dataset<R>): Buffer {
  const head: string[] = [];
  for (const c of d.columns) {
    head.push(c.header);
    if (c.type === 'money') head.push(`${c.header} currency`);
  }
  const lines = [head.map((h) => csvField(neutralise(h))).join(',')];
  for (const r of d.rows) {
    const out: string[] = [];
    for (const c of d.columns) {
      const v = c.value(r);
      if (c.type === 'money') {
        const m = v as { amount: number; currency: string } | null;
        out.push(m ? m.amount.toFixed(exponent(m.currency)) : '', m ? m.currency : '');
      } else if (v === null || v === undefined) out.push('');
      else if (typeof v === 'number') out.push(String(v));
      else if (typeof v === 'boolean') out.push(v ? 'yes' : 'no');
      else out.push(csvField(neutralise(String(v))));
    }
    lines.push(out.join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx<R>(d: Dataset<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const ws = wb.addWorksheet(d.name.slice(0, 31));
  ws.addRow(d.columns.map((c) => neutralise(c.header))).font = { bold: true };
  for (const r of d.rows) {
    const row = ws.addRow([]);
    d.columns.forEach((c, i) => {
      const v = c.value(r);
      if (v === null || v === undefined || v === '') return;
      const cell = row.getCell(i + 1);
      switch (c.type) {
        case 'date':
          cell.value = new Date(`${String(v).slice(0, 10)}T00:00:00Z`);
          cell.numFmt = 'yyyy-mm-dd';
          break;
        case 'datetime':
          cell.value = new Date(String(v));
          cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
          break;
        case 'money': {
          const m = v as { amount: number; currency: string };
          const e = exponent(m.currency);
          cell.value = m.amount;
          cell.numFmt = `#,##0${e ? `.${'0'.repeat(e)}` : ''} "${m.currency}"`;
          break;
        }
        case 'number':
          cell.value = typeof v === 'number' ? v : Number(v);
          break;
        case 'boolean':
          cell.value = Boolean(v);
          break;
        default:
          cell.value = neutralise(String(v));
      }
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  d.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.type === 'text' ? 28 : c.type === 'datetime' ? 20 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const money = (amount: string | number | null | undefined, currency: string | null | undefined) => (amount === null || amount === undefined || !currency ? null : { amount: Number(amount) / 10 ** exponent(currency), currency });
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? null : String(v));

export const LISTS = ['catalog', 'contracts', 'avails', 'acquisitions', 'audit'] as const;
export type ListName = (typeof LISTS)[number];

/** The rows and typed columns of one list, as this actor may see them. `avails` needs the question. */
export async function dataset(app: FilmRights, actor: Actor, name: ListName, params: { avails?: AvailsInput; limit?: number } = {}): Promise<Dataset<any>> {
  const d = await everyColumn(app, actor, name, params);
  return actor.canSeeFinancials ? d : { ...d, columns: d.columns.filter((c) => !c.field || !isFinancialField(c.field)) };
}

async function everyColumn(app: FilmRights, actor: Actor, name: ListName, params: { avails?: AvailsInput; limit?: number }): Promise<Dataset<any>> {
  const db = app.store.db;
  switch (name) {
    case 'catalog': {
      const titles = await db.selectFrom('titles').selectAll().orderBy('original_title').execute();
      const directors = await db.selectFrom('credits as c').innerJoin('people as p', 'p.id', 'c.person_id').select(['c.title_id', 'p.name']).where('c.role', '=', 'director').orderBy('c.position').execute();
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
      const { items } = await listContracts(app, { pageSize: 500 });
      const all = (await listContracts(app, { pageSize: 500, page: 1 })).total > 500 ? await allContracts(app) : items;
      const mg = new Map((await db.selectFrom('contracts').select(['id', 'mg_amount', 'mg_currency']).execute()).map((c) => [c.id, c]));
      type C = (typeof items)[number];
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
          { header: 'Signed on', type: 'date', value: (c: C) => c.signedOn },
          { header: 'Announced on', type: 'date', value: (c: C) => c.announcedOn },
          { header: 'MG', type: 'money', field: 'mg', value: (c: C) => money(mg.get(c.id)?.mg_amount, mg.get(c.id)?.mg_currency) },
          { header: 'Updated', type: 'datetime', value: (c: C) => c.updatedAt },
        ],
      };
    }
    case 'avails': {
      if (!params.avails) throw invalid('question', null, 'question: an avails export needs the question (titles, territories, media, start...)');
      const { rows } = await askAvails(app, actor, params.avails);
      type A = (typeof rows)[number];
      return {
        name: 'Avails',
        rows,
        columns: [
          { header: 'Titles', type: 'text', value: (r: A) => r.titles.join(', ') },
          { header: 'Territories', type: 'text', value: (r: A) => r.territoryLabel },
          { header: 'Media', type: 'text', value: (r: A) => r.mediaLabel },
          { header: 'Languages', type: 'text', value: (r: A) => r.languageLabel },
          { header: 'Start', type: 'date', value: (r: A) => r.start },
          { header: 'End', type: 'date', value: (r: A) => r.end },
          { header: 'Status', type: 'text', value: (r: A) => r.status },
          { header: 'Why', type: 'text', value: (r: A) => r.reasons.map((x) => x.message).join('; ') || null },
          { header: 'Country codes', type: 'text', value: (r: A) => r.territories.join(' ') },
        ],
      };
    }
    case 'acquisitions': {
      const rows = await db
        .selectFrom('contracts as c')
        .innerJoin('festival_editions as e', 'e.id', 'c.edition_id')
        .innerJoin('festivals as f', 'f.id', 'e.festival_id')
        .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
        .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
        .select(['c.id', 'c.ref', 'c.status', 'c.announced_on', 'c.signed_on', 'c.mg_amount', 'c.mg_currency', 'f.name as festival', 'e.year', 'e.number', 'lor.name as seller', 'lee.name as buyer'])
        .where('c.deleted_at', 'is', null)
        .orderBy('e.year', 'desc')
        .orderBy('f.name')
        .execute();
      const ids = rows.map((r) => r.id);
      const titles = ids.length ? await db.selectFrom('contract_titles as ct').innerJoin('titles as t', 't.id', 'ct.title_id').select(['ct.contract_id', 't.original_title', 't.english_title']).where('ct.contract_id', 'in', ids).execute() : [];
      const blocks = ids.length ? await db.selectFrom('rights_blocks').select(['contract_id', 'territories', 'media']).where('contract_id', 'in', ids).execute() : [];
      type R = (typeof rows)[number];
      return {
        name: 'Festival acquisitions',
        rows,
        columns: [
          { header: 'Festival or market', type: 'text', value: (r: R) => r.festival },
          { header: 'Year', type: 'number', value: (r: R) => r.year },
          { header: 'Titles', type: 'text', value: (r: R) => titles.filter((t) => t.contract_id === r.id).map((t) => t.english_title ?? t.original_title).join(', ') },
          { header: 'Buyer', type: 'text', value: (r: R) => r.buyer },
          { header: 'Seller', type: 'text', value: (r: R) => r.seller },
          { header: 'Territories', type: 'text', value: (r: R) => [...new Set(blocks.filter((b) => b.contract_id === r.id).map((b) => b.territories))].join('; ') || null },
          { header: 'Media', type: 'text', value: (r: R) => [...new Set(blocks.filter((b) => b.contract_id === r.id).map((b) => b.media))].join('; ') || null },
          { header: 'Status', type: 'text', value: (r: R) => r.status },
          { header: 'Announced on', type: 'date', value: (r: R) => r.announced_on },
          { header: 'Signed on', type: 'date', value: (r: R) => r.signed_on },
          { header: 'MG', type: 'money', field: 'mg', value: (r: R) => money(r.mg_amount, r.mg_currency) },
          { header: 'Ref', type: 'text', value: (r: R) => r.ref },
        ],
      };
    }
    case 'audit': {
      const rows = await auditTrail(app, actor, { limit: params.limit ?? 1000 });
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

async function allContracts(app: FilmRights) {
  const out = [];
  for (let page = 1; ; page++) {
    const p = await listContracts(app, { pageSize: 500, page });
    out.push(...p.items);
    if (page * 500 >= p.total) return out;
  }
}

export async function exportList(app: FilmRights, actor: Actor, name: ListName, format: 'csv' | 'xlsx', params: { avails?: AvailsInput; limit?: number } = {}): Promise<{ data: Buffer; contentType: string; filename: string; rows: number }> {
  if (!LISTS.includes(name)) throw invalid('list', name, `list: "${name}" is not one of ${LISTS.join(', ')}`);
  const d = await dataset(app, actor, name, params);
  const filename = `${name}.${format}`;
  if (format === 'csv') return { data: toCsv(d), contentType: 'text/csv; charset=utf-8', filename, rows: d.rows.length };
  if (format === 'xlsx') return { data: await toXlsx(d), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename, rows: d.rows.length };
  throw invalid('format', format, `format: "${format}" is not csv or xlsx`);
}
