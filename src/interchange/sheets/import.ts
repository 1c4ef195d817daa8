/**
 * What a sales agent migrating from Excel has: a sheet of titles and a sheet
 * of deals, in CSV or XLSX, with their own headers. The columns are mapped
 * to our fields (guessed from the headers, overridable), territory and media
 * text is read by the engine's parsers (unknown names come back with
 * suggestions, listed once per name), and the rows become a Plan written in
 * one transaction (plan.ts): deals are our sales (licensor: the install's
 * own company) and go through the conflict check like any manual deal.
 */
import { DomainError } from '../../domain/errors.js';
import { closest, normalizeName } from '../../domain/fuzzy.js';
import { parseLanguages } from '../../domain/languages.js';
import { checkCurrencyCode } from '../ema/vocab.js';
import { parseMedia } from '../../domain/media.js';
import { parseTerritories } from '../../domain/territories.js';
import { CONTRACT_STATUSES, PRODUCTION_STATUSES, type ContractStatus, type ProductionStatus } from '../../store/index.js';
import type { ImportLookup } from '../lookup.js';
import { text, parseEmaBoolean, parseEmaDate, type Cell } from '../ema/model.js';
import { WE, refPart, type Plan, type PlannedBlock, type PlannedContract, type PlannedTitle, type RunResult } from '../plan.js';
import { Problems, type Problem } from '../problems.js';
import { columnLetter } from './cells.js';
import type { SheetImportResult, UnknownName } from '../../contract/index.js';
import type { Table } from './table.js';

export type SheetKind = 'deals' | 'catalog';

export interface FieldSpec {
  label: string;
  required?: boolean;
  synonyms: string[];
}

export const DEAL_FIELDS: Record<string, FieldSpec> = {
  title: { label: 'Title', required: true, synonyms: ['title', 'film', 'movie', 'picture', 'project', 'title name', 'film title'] },
  year: { label: 'Year', synonyms: ['year', 'release year', 'prod year', 'production year'] },
  buyer: {
    label: 'Buyer',
    required: true,
    synonyms: ['buyer', 'licensee', 'distributor', 'client', 'customer', 'company', 'licensee name'],
  },
  territory: { label: 'Territory', required: true, synonyms: ['territory', 'territories', 'country', 'countries', 'region', 'market'] },
  media: { label: 'Media', required: true, synonyms: ['media', 'rights', 'rights granted', 'media rights', 'platform', 'window'] },
  languages: { label: 'Languages', synonyms: ['languages', 'language', 'dub', 'subtitles', 'language rights'] },
  start: { label: 'Start', synonyms: ['start', 'start date', 'from', 'term start', 'license start', 'begin', 'commencement'] },
  end: { label: 'End', synonyms: ['end', 'end date', 'to', 'until', 'term end', 'license end', 'expiry', 'expiration', 'expires'] },
  exclusive: { label: 'Exclusive', synonyms: ['exclusive', 'exclusivity', 'excl', 'excl.', 'exclusive?'] },
  mg: { label: 'MG', synonyms: ['mg', 'minimum guarantee', 'min guarantee', 'guarantee', 'license fee', 'fee', 'price', 'amount'] },
  currency: { label: 'Currency', synonyms: ['currency', 'ccy', 'cur', 'mg currency'] },
  status: { label: 'Status', synonyms: ['status', 'deal status', 'stage', 'state'] },
  ref: {
    label: 'Deal ref',
    synonyms: ['ref', 'reference', 'deal ref', 'deal id', 'contract', 'contract ref', 'contract id', 'deal number', 'id'],
  },
  signed: { label: 'Signed on', synonyms: ['signed', 'signed on', 'signature date', 'date signed', 'deal date'] },
};

export const CATALOG_FIELDS: Record<string, FieldSpec> = {
  title: { label: 'Title', required: true, synonyms: ['title', 'film', 'movie', 'english title', 'international title', 'title name'] },
  originalTitle: { label: 'Original title', synonyms: ['original title', 'original', 'native title', 'local title'] },
  year: { label: 'Year', synonyms: ['year', 'release year', 'prod year', 'production year'] },
  director: { label: 'Director', synonyms: ['director', 'directors', 'directed by', 'filmmaker'] },
  countries: { label: 'Countries', synonyms: ['countries', 'country', 'production countries', 'country of origin', 'origin'] },
  languages: { label: 'Languages', synonyms: ['languages', 'language', 'original language'] },
  runtime: { label: 'Runtime', synonyms: ['runtime', 'running time', 'length', 'duration', 'minutes', 'min', 'runtime (min)'] },
  status: { label: 'Status', synonyms: ['status', 'production status', 'stage'] },
};

export type Mapping = Record<string, string | null>;

/** Guesses which header holds each field: exact synonyms first, then close spellings. */
export function guessMapping(headers: string[], kind: SheetKind): Mapping {
  return guessColumns(headers, kind === 'deals' ? DEAL_FIELDS : CATALOG_FIELDS);
}

/** Guesses which header holds each of `fields` (any kind of sheet): exact synonyms first, then close spellings. */
export function guessColumns(headers: string[], fields: Record<string, FieldSpec>): Mapping {
  const used = new Set<number>();
  const mapping: Mapping = {};
  const norm = headers.map((h) => normalizeName(h ?? ''));
  for (const [field, spec] of Object.entries(fields)) {
    const i = norm.findIndex((h, k) => !used.has(k) && h && spec.synonyms.some((s) => normalizeName(s) === h));
    if (i >= 0) {
      used.add(i);
      mapping[field] = headers[i];
    }
  }
  for (const [field, spec] of Object.entries(fields)) {
    if (mapping[field]) continue;
    const i = norm.findIndex(
      (h, k) => !used.has(k) && h && spec.synonyms.some((s) => h.includes(normalizeName(s)) && normalizeName(s).length >= 4),
    );
    if (i >= 0) {
      used.add(i);
      mapping[field] = headers[i];
    } else mapping[field] = null;
  }
  return mapping;
}

export function guessKind(headers: string[]): SheetKind {
  const m = guessMapping(headers, 'deals');
  return m.territory && m.media ? 'deals' : 'catalog';
}

export interface SheetImportOptions {
  kind?: SheetKind;
  /** Field → header, overriding the guess (null: not in the file). */
  mapping?: Mapping;
  sheet?: string;
  commit: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A name matching no record, and a sheet's import result: declared in src/contract (the API answers them). */
export type { UnknownName, SheetImportResult };
const sheetResultIsRun: SheetImportResult extends RunResult & { kind: SheetKind; mapping: Mapping } ? true : false = true;
void sheetResultIsRun;

const STATUS_WORDS: Record<string, ContractStatus> = {
  signed: 'signed',
  closed: 'signed',
  done: 'signed',
  executed: 'signed',
  active: 'signed',
  'long form': 'signed',
  'deal memo': 'signed',
  announced: 'announced',
  offer: 'offer',
  offered: 'offer',
  quote: 'offer',
  draft: 'draft',
  negotiating: 'negotiating',
  'in negotiation': 'negotiating',
  negotiation: 'negotiating',
  hold: 'negotiating',
  'on hold': 'negotiating',
  pending: 'negotiating',
  rejected: 'rejected',
  declined: 'rejected',
  passed: 'rejected',
  expired: 'expired',
  terminated: 'terminated',
  cancelled: 'terminated',
  canceled: 'terminated',
};
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', US$: 'USD', A$: 'AUD', C$: 'CAD' };

/** "1,200,000", "$1.2M", "500k", "€ 250.000,00" → an amount string and maybe a currency. */
export function parseAmount(v: Cell): { amount: string; currency: string | null } | null {
  if (v === null) return null;
  if (typeof v === 'number') return { amount: String(Math.round(v * 100) / 100), currency: null };
  let s = text(v);
  if (!s) return null;
  let currency: string | null = null;
  const code = /\b([A-Z]{3})\b/.exec(s);
  if (code) {
    currency = code[1];
    s = s.replace(code[0], '');
  }
  for (const [sym, c] of Object.entries(SYMBOLS).sort((a, b) => b[0].length - a[0].length)) {
    if (s.includes(sym)) {
      currency ??= c;
      s = s.replace(sym, '');
    }
  }
  s = s.replace(/\s/g, '');
  const mult = /([kKmM])$/.exec(s);
  if (mult) s = s.slice(0, -1);
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  let n = Number(s);
  if (mult) n *= /k/i.test(mult[1]) ? 1_000 : 1_000_000;
  return { amount: (Math.round(n * 100) / 100).toFixed(2).replace(/\.00$/, ''), currency };
}

/** A sheet mapped and planned: the plan to write, its problems, and the result once written. */
export interface SheetPlan {
  plan: Plan;
  problems: Problems;
  result(written: RunResult): SheetImportResult;
}

/** Maps and plans a sheet already read (no writes): the services write the plan (commitPlan). */
export async function planSheet(
  lookup: ImportLookup,
  name: string,
  read: { format: 'csv' | 'xlsx'; table: Table; problems: Problem[] },
  opts: SheetImportOptions,
): Promise<SheetPlan> {
  const { format, table } = read;
  const problems = Problems.from(read.problems);
  const kind = opts.kind ?? guessKind(table.headers);
  const fields = kind === 'deals' ? DEAL_FIELDS : CATALOG_FIELDS;
  const mapping = { ...guessMapping(table.headers, kind), ...(opts.mapping ?? {}) };
  const col = new Map<string, number>();
  for (const [field, header] of Object.entries(mapping)) {
    if (!(field in fields)) {
      problems.error('mapping', `"${field}" is not a field of a ${kind} sheet (${Object.keys(fields).join(', ')})`);
      continue;
    }
    if (header === null || header === undefined || header === '') continue;
    const i =
      table.headers.findIndex((h) => h === header) >= 0
        ? table.headers.findIndex((h) => h === header)
        : table.headers.findIndex((h) => normalizeName(h ?? '') === normalizeName(header));
    if (i < 0)
      problems.error(
        'mapping',
        `${fields[field].label}: the file has no column "${header}"`,
        closest(header, table.headers.filter(Boolean), 3),
      );
    else col.set(field, i);
  }
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.required && !col.has(field))
      problems.error(
        'mapping',
        `no column is mapped to ${spec.label} (required); the headers are: ${table.headers.filter(Boolean).join(', ')}`,
      );
  }
  const where = (row: number, field: string) => {
    const i = col.get(field);
    const c = i === undefined ? '' : `, column ${columnLetter(i + 1)} (${table.headers[i]})`;
    return `${table.sheet ? `sheet ${table.sheet}, ` : ''}row ${row}${c}`;
  };
  const get = (cells: Cell[], field: string): Cell => {
    const i = col.get(field);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const unknown = new Map<string, UnknownName>();
  const parsing = <T>(row: number, field: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'unknown-name') {
        const k = `${field}\u0000${String(e.value)}`;
        const u = unknown.get(k) ?? { column: fields[field].label, value: String(e.value), rows: [], suggestions: e.suggestions };
        u.rows.push(row);
        unknown.set(k, u);
      }
      problems.error(where(row, field), e.message.replace(/^[^:]*: /, ''), e.suggestions);
      return undefined;
    }
  };

  const plan: Plan = { titles: [], companies: [], contracts: [] };
  const result = (r: RunResult): SheetImportResult => ({
    ...r,
    format,
    kind,
    headers: table.headers,
    mapping,
    rows: table.rows.length,
    unknownNames: [...unknown.values()].map((u) => ({ ...u, rows: u.rows.slice(0, 50) })),
  });
  if (problems.errors.length) return finish();

  const index = await lookup.titles();
  const titles = new Map<string, PlannedTitle & { directors?: string[] }>();
  const titleFor = (row: number, nameCell: Cell, yearCell: Cell, create: boolean): string | undefined => {
    const titleName = text(nameCell);
    if (!titleName) {
      problems.error(where(row, 'title'), 'the title is empty');
      return undefined;
    }
    const year = yearCell === null ? null : Number(text(yearCell).slice(0, 4));
    if (year !== null && !(Number.isInteger(year) && year > 1870 && year < 2200)) {
      problems.error(where(row, 'year'), `"${text(yearCell)}" is not a year`);
      return undefined;
    }
    const found = index.find(titleName, year);
    if (found.length > 1) {
      problems.error(where(row, 'title'), `"${titleName}" names ${found.length} titles in the catalog; add the year`);
      return undefined;
    }
    const key = found.length ? `id:${found[0]}` : `new:${normalizeName(titleName)}|${year ?? ''}`;
    const t = titles.get(key);
    if (t) t.rows.push(where(row, 'title'));
    else if (found.length) titles.set(key, { key, label: lookup.titleName(found[0]), existingId: found[0], rows: [where(row, 'title')] });
    else {
      if (!create) problems.warn(where(row, 'title'), `"${titleName}" is not in the catalog: it will be created`);
      titles.set(key, { key, label: titleName, input: { originalTitle: titleName, year }, rows: [where(row, 'title')] });
    }
    return key;
  };

  if (kind === 'deals') {
    const companies = new Map<string, string>();
    const contracts = new Map<string, PlannedContract & { refWanted: string }>();
    for (const { row, cells } of table.rows) {
      const errorsBefore = problems.errors.length;
      const titleKey = titleFor(row, get(cells, 'title'), get(cells, 'year'), false);
      const buyer = text(get(cells, 'buyer'));
      if (!buyer) problems.error(where(row, 'buyer'), 'the buyer is empty');
      const territories = text(get(cells, 'territory'));
      const media = text(get(cells, 'media'));
      if (!territories) problems.error(where(row, 'territory'), 'the territory is empty');
      else parsing(row, 'territory', () => parseTerritories(territories, 'territory'));
      if (!media) problems.error(where(row, 'media'), 'the media is empty');
      else parsing(row, 'media', () => parseMedia(media, 'media'));
      const langs = text(get(cells, 'languages'));
      const languages = langs ? parsing(row, 'languages', () => parseLanguages(langs, 'languages')) : null;
      const day = (field: 'start' | 'end' | 'signed'): string | null | undefined => {
        const v = get(cells, field);
        if (v === null || (field === 'end' && /^(open|perpetuity|perpetual|in perpetuity|none|-)$/i.test(text(v)))) return null;
        const d = parseEmaDate(v);
        if ('day' in d) return d.day;
        problems.error(where(row, field), `${fields[field].label} ${d.error}`);
        return undefined;
      };
      const start = day('start');
      const end = day('end');
      const signed = day('signed');
      if (start && end && end < start) problems.error(where(row, 'end'), `end ${end} is before start ${start}`);
      const exRaw = get(cells, 'exclusive');
      let exclusive = true;
      if (exRaw !== null) {
        const w = text(exRaw).toLowerCase();
        const b = /^(non[- ]?excl(usive)?\.?|ne)$/.test(w) ? false : /^(excl(usive)?\.?|e)$/.test(w) ? true : parseEmaBoolean(exRaw);
        if (b === 'bad' || b === null) problems.error(where(row, 'exclusive'), `"${text(exRaw)}" is not yes/no or exclusive/non-exclusive`);
        else exclusive = b;
      }
      const statusText = text(get(cells, 'status')).toLowerCase();
      const status: ContractStatus | undefined = statusText
        ? (STATUS_WORDS[statusText] ??
          ((CONTRACT_STATUSES as readonly string[]).find((s) => s === statusText) as ContractStatus | undefined))
        : 'signed';
      if (!status)
        problems.error(
          where(row, 'status'),
          `"${text(get(cells, 'status'))}" is not a deal status (signed, negotiating, offer, draft, rejected, expired, terminated, announced)`,
          closest(statusText, Object.keys(STATUS_WORDS), 3),
        );
      const mgCell = get(cells, 'mg');
      let mg: { amount: string; currency: string } | null = null;
      if (mgCell !== null) {
        const a = parseAmount(mgCell);
        const currency = text(get(cells, 'currency')).toUpperCase() || a?.currency || null;
        const known = currency ? checkCurrencyCode(currency) : null;
        if (!a) problems.error(where(row, 'mg'), `"${text(mgCell)}" is not an amount`);
        else if (known && 'error' in known)
          problems.error(where(row, 'currency'), `unknown currency code ${known.error}`, known.suggestions);
        else if (!currency)
          problems.error(where(row, 'currency'), 'the MG has no currency (a Currency column, or a code or symbol in the amount)');
        else mg = { amount: a.amount, currency };
      }
      if (
        problems.errors.length > errorsBefore ||
        !titleKey ||
        !buyer ||
        !status ||
        start === undefined ||
        end === undefined ||
        signed === undefined
      )
        continue;
      const buyerKey = `co:${normalizeName(buyer)}`;
      companies.set(buyerKey, buyer);
      const refText = text(get(cells, 'ref'));
      const ck = refText ? `ref:${refText}` : `row:${row}`;
      let c = contracts.get(ck);
      const block: PlannedBlock = {
        titleKey,
        territories,
        media,
        languages: languages ?? null,
        start,
        end,
        exclusive,
        rows: [`${table.sheet ? `sheet ${table.sheet}, ` : ''}row ${row}`],
      };
      if (!c) {
        c = {
          refWanted: refText || `SHEET-${refPart(buyer)}-${refPart(titles.get(titleKey)?.label ?? 'DEAL')}`,
          ref: '',
          status,
          licensor: WE,
          licensee: buyerKey,
          titleKeys: [titleKey],
          blocks: [block],
          mg,
          notes: `Imported from ${name}.`,
          rows: block.rows,
        };
        contracts.set(ck, c);
      } else {
        if (c.licensee !== buyerKey)
          problems.error(where(row, 'buyer'), `deal ${refText}: buyer "${buyer}" differs from the deal's earlier rows`);
        if (!c.titleKeys.includes(titleKey)) c.titleKeys.push(titleKey);
        c.blocks.push(block);
        c.rows.push(...block.rows);
        if (mg && !c.mg) c.mg = mg;
      }
      if (signed) c.notes = `Imported from ${name}; signed ${signed}.`;
    }
    plan.companies = [...companies].map(([key, n]) => ({ key, name: n, kind: 'distributor' as const }));
    const list = [...contracts.values()];
    if (!problems.errors.length) {
      const refs = await lookup.freeRefs(list.map((c) => c.refWanted));
      list.forEach((c, i) => {
        if (c.refWanted !== refs[i] && !c.refWanted.startsWith('SHEET-'))
          problems.error(c.rows[0], `deal ref "${c.refWanted}" is already taken by a contract`);
        c.ref = refs[i];
      });
    }
    plan.contracts = list.map(({ refWanted: _r, ...c }) => c);
  } else {
    for (const { row, cells } of table.rows) {
      const key = titleFor(row, get(cells, 'title'), get(cells, 'year'), true);
      if (!key) continue;
      const t = titles.get(key)!;
      if (t.existingId) {
        problems.warn(where(row, 'title'), `"${t.label}" is already in the catalog: left as it is`);
        continue;
      }
      const input = t.input!;
      const original = text(get(cells, 'originalTitle'));
      if (original && normalizeName(original) !== normalizeName(input.originalTitle)) {
        input.englishTitle = input.originalTitle;
        input.originalTitle = original;
      }
      const countries = text(get(cells, 'countries'));
      if (countries) input.countries = countries.split(/\s*[,;/]\s*|\s+and\s+/).filter(Boolean);
      const langs = text(get(cells, 'languages'));
      if (langs) input.languages = parsing(row, 'languages', () => parseLanguages(langs, 'languages')) ?? undefined;
      const rt = get(cells, 'runtime');
      if (rt !== null) {
        const m = /^(\d+)\s*(?:min|mins|minutes|')?$/i.exec(text(rt)) ?? null;
        const hm = /^(\d+)\s*h\s*(\d+)?/i.exec(text(rt));
        const minutes = typeof rt === 'number' ? Math.round(rt) : m ? Number(m[1]) : hm ? Number(hm[1]) * 60 + Number(hm[2] ?? 0) : NaN;
        if (!Number.isFinite(minutes) || minutes < 1) problems.error(where(row, 'runtime'), `"${text(rt)}" is not a runtime in minutes`);
        else input.runtimeMinutes = minutes;
      }
      const st = text(get(cells, 'status')).toLowerCase();
      if (st) {
        const s =
          (PRODUCTION_STATUSES as readonly string[]).find((x) => x === st) ??
          (
            {
              completed: 'released',
              complete: 'released',
              finished: 'wrapped',
              'post-production': 'wrapped',
              post: 'wrapped',
              shooting: 'production',
              filming: 'production',
              'in production': 'production',
              'pre-production': 'development',
              development: 'development',
            } as Record<string, string>
          )[st];
        if (!s)
          problems.error(
            where(row, 'status'),
            `"${text(get(cells, 'status'))}" is not a production status (${PRODUCTION_STATUSES.join(', ')})`,
          );
        else input.productionStatus = s as ProductionStatus;
      }
      const director = text(get(cells, 'director'));
      if (director) t.directors = director.split(/\s*[,;/&]\s*|\s+and\s+/).filter(Boolean);
    }
  }
  plan.titles = [...titles.values()];
  return finish();

  function finish(): SheetPlan {
    return { plan, problems, result };
  }
}
