/**
 * The synthetic catalog (bench/synthetic.ts) as store rows, and two ways to write them into a
 * store:
 * - `load`: Kysely bulk inserts of rows built all at once (`catalogRows`), on SQLite or
 *   PostgreSQL; what every benchmark used, and the baseline of the next one;
 * - `makeSqliteStore`: a SQLite store of any size, made in parts of PART titles (only one part's
 *   catalog in memory at a time), written by prepared multi-row statements of better-sqlite3,
 *   with the secondary indexes built once at the end. The schema is the product's: the file is
 *   created and migrated by openDatabase, and its indexes are dropped and remade from the very
 *   SQL the migrations wrote; the result is checked against a freshly migrated database.
 *
 * Both write the same rows: `titleRows` is the one description of a title in the store.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { setKey, toIndices, type Bitset } from '../src/domain/bitset.js';
import { COUNTRIES } from '../src/domain/countries.js';
import { formatDay, PERPETUITY } from '../src/domain/dates.js';
import { MEDIA, mediaLabel } from '../src/domain/media.js';
import { territoryLabel } from '../src/domain/territories.js';
import {
  openDatabase,
  toJson,
  type CompaniesTable,
  type ContractTitlesTable,
  type Database,
  type OpenOptions,
} from '../src/store/index.js';
import type { NewContract, NewHoldback, NewRightsBlock, NewTitle } from '../src/store/schema.js';
import { RightsIndex } from '../src/domain/rightsIndex.js';
import { germanySvodQuestion, syntheticCatalog, type SyntheticTitle } from './synthetic.js';

export interface Rows {
  companies: Insertable<CompaniesTable>[];
  titles: NewTitle[];
  contracts: NewContract[];
  contract_titles: Insertable<ContractTitlesTable>[];
  rights_blocks: NewRightsBlock[];
  holdbacks: NewHoldback[];
}
export const TABLE_ORDER = ['companies', 'titles', 'contracts', 'contract_titles', 'rights_blocks', 'holdbacks'] as const;

const WE = 'bench-sales';
const BUYERS = [
  ['buyer-1', 'Northlight Distribution', 'distributor', 'US'],
  ['buyer-2', 'Kinostar Verleih', 'distributor', 'DE'],
  ['buyer-3', 'Cinéma Lumière', 'distributor', 'FR'],
  ['buyer-4', 'Streamwave', 'streamer', 'US'],
  ['buyer-5', 'Channel Nord', 'broadcaster', 'SE'],
  ['buyer-6', 'Pacific Screens', 'distributor', 'JP'],
] as const;

export const storeTitleId = (syntheticId: string) => syntheticId.toLowerCase();

/** The companies every synthetic store has: the sales agent (us) and its buyers. */
function fixedCompanies(): Rows['companies'] {
  return [
    { id: WE, name: 'Bench Sales', kind: 'sales-agent', country: 'FR' },
    ...BUYERS.map(([id, name, kind, country]) => ({ id, name, kind, country })),
  ];
}

/** A set's label and JSON codes, described once per distinct set (the catalog reuses a few hundred). */
type Describe = (kind: 't' | 'm', set: Bitset) => { label: string; json: string };

function describer(): Describe {
  // by the set itself first (the synthetic catalog hands out one Bitset per expression), then by its bits
  const byObject = { t: new Map<Bitset, { label: string; json: string }>(), m: new Map<Bitset, { label: string; json: string }>() };
  const byKey = new Map<string, { label: string; json: string }>();
  return (kind, set) => {
    let d = byObject[kind].get(set);
    if (d) return d;
    const key = kind + setKey(set);
    d = byKey.get(key);
    if (!d) {
      d =
        kind === 't'
          ? { label: territoryLabel(set), json: toJson(toIndices(set).map((i) => COUNTRIES.codeAt(i))) }
          : { label: mediaLabel(set), json: toJson(toIndices(set).map((i) => MEDIA.codeAt(i))) };
      byKey.set(key, d);
    }
    byObject[kind].set(set, d);
    return d;
  };
}

/** ISO days, formatted once each (a catalog uses a few thousand; Date's formatting is most of a row's cost). */
const days = new Map<number, string | null>();
const day = (d: number) => {
  let s = days.get(d);
  if (s === undefined) days.set(d, (s = d >= PERPETUITY ? null : formatDay(d)));
  return s;
};
/** A contract row (every column named in one literal: a spread and more keys after it makes a slow object in V8). */
const contractRow = (
  id: string,
  ref: string,
  direction: 'in' | 'out',
  licensor_id: string,
  licensee_id: string,
  status: 'signed' | 'negotiating',
  signed_on: string | null,
): NewContract => ({
  id,
  ref,
  direction,
  licensor_id,
  licensee_id,
  sales_agent_id: null,
  status,
  signed_on,
  announced_on: null,
  edition_id: null,
  mg_amount: null,
  mg_currency: null,
  notes: null,
  override_reason: null,
  deleted_at: null,
});

/**
 * Title number `n` of the catalog as rows: its licensor (rights in), the title, and one contract
 * per block: a signed `in` contract for the mandate, a signed `out` contract per sale, a
 * `negotiating` out contract per hold. Holdbacks belong to a signed out contract of their title
 * (the synthetic catalog attaches a few to a sale that is a hold; holdbacks of unsigned deals do
 * not count). Appended to `rows`.
 */
function titleRows(t: SyntheticTitle, n: number, describe: Describe, rows: Rows): void {
  const title = storeTitleId(t.id);
  const licensor = `licensor-${n}`;
  rows.companies.push({ id: licensor, name: `Licensor ${n} Films`, kind: 'production', country: null });
  rows.titles.push({
    id: title,
    original_title: `Synthetic Title ${n}`,
    english_title: null,
    year: 2010 + (n % 15),
    runtime_minutes: 90 + (n % 60),
    synopsis: null,
    source_material: null,
    source_material_note: null,
    production_status: 'released',
  });
  const signedOut: string[] = [];
  const contractOf = new Map<string, string>();
  t.blocks.forEach((b, k) => {
    if (b.kind === 'holdback') return;
    const id = b.contract.toLowerCase();
    contractOf.set(b.contract, id);
    const start = day(b.start);
    if (b.kind === 'in') {
      rows.contracts.push(contractRow(id, b.contract, 'in', licensor, WE, 'signed', start));
    } else {
      const signed = b.kind === 'out';
      if (signed) signedOut.push(id);
      rows.contracts.push(
        contractRow(id, b.contract, 'out', WE, BUYERS[k % BUYERS.length][0], signed ? 'signed' : 'negotiating', signed ? start : null),
      );
    }
    rows.contract_titles.push({ contract_id: id, title_id: title });
    const tr = describe('t', b.territories);
    const md = describe('m', b.media);
    rows.rights_blocks.push({
      id: `${id}-b`,
      contract_id: id,
      title_id: title,
      territories: tr.label,
      territory_codes: tr.json,
      media: md.label,
      media_ids: md.json,
      languages: b.languages === null ? null : toJson([...b.languages]),
      start_date: start,
      end_date: day(b.end),
      exclusive: b.exclusive ? 1 : 0,
      notes: null,
    });
  });
  t.blocks.forEach((b, k) => {
    if (b.kind !== 'holdback') return;
    const own = contractOf.get(b.contract);
    const contract = own && signedOut.includes(own) ? own : signedOut[0];
    const tr = describe('t', b.territories);
    const md = describe('m', b.media);
    rows.holdbacks.push({
      id: `${title}-hb${k}`,
      contract_id: contract,
      title_id: title,
      territories: tr.label,
      territory_codes: tr.json,
      media: md.label,
      media_ids: md.json,
      start_date: day(b.start),
      end_date: day(b.end),
      description: `No ${md.label} in ${tr.label} during the licensee's window`,
    });
  });
}

const emptyRows = (): Rows => ({ companies: [], titles: [], contracts: [], contract_titles: [], rights_blocks: [], holdbacks: [] });

/** The whole catalog as rows, all in memory (title number n is the catalog's n-th title). */
export function catalogRows(catalog: readonly SyntheticTitle[]): Rows {
  const rows = emptyRows();
  rows.companies.push(...fixedCompanies());
  const describe = describer();
  catalog.forEach((t, n) => titleRows(t, n, describe, rows));
  return rows;
}

/** Bulk inserts (Kysely) in chunks (as many rows as the driver's bind-parameter limit allows), all in one transaction. */
export async function load(opts: OpenOptions, rows: Rows, progress?: (msg: string) => void): Promise<number> {
  const store = await openDatabase(opts);
  try {
    const maxParams = store.dialect === 'postgres' ? 65_000 : 32_000;
    const t0 = performance.now();
    await store.transaction(async (trx) => {
      for (const table of TABLE_ORDER) {
        const list = rows[table] as Insertable<Database[typeof table]>[];
        if (!list.length) continue;
        const chunk = Math.max(1, Math.floor(maxParams / Object.keys(list[0]).length));
        const tt = performance.now();
        for (let i = 0; i < list.length; i += chunk) {
          await trx
            .insertInto(table)
            .values(list.slice(i, i + chunk) as never)
            .execute();
        }
        progress?.(`${store.dialect}: ${list.length} rows into ${table} in ${(performance.now() - tt).toFixed(0)} ms`);
      }
    });
    return performance.now() - t0;
  } finally {
    await store.close();
  }
}

// ------------------------------------------------------------------ the SQLite store, made fast

/** The catalog of a store of `titles` titles, in parts: part k is syntheticCatalog(size, seed + first, first), as bench/scale.bench.ts builds its index. */
export function* catalogParts(titles: number, part: number, seed = 42): Generator<SyntheticTitle[]> {
  for (let first = 0; first < titles; first += part) yield syntheticCatalog(Math.min(part, titles - first), seed + first, first);
}

export interface MadeStore {
  titles: number;
  /** Rows written, all tables. */
  rows: number;
  /** Rights blocks and holdbacks. */
  blockRows: number;
  /** Writing the rows (the secondary indexes dropped), ms. */
  insertMs: number;
  /** Building the secondary indexes once the rows are in, ms. */
  indexMs: number;
  /** PRAGMA foreign_key_check over the whole store (when `verify`), ms; 0 when not run. */
  foreignKeyMs: number;
  /** From the start to the store closed and reopened by openDatabase, ms. */
  totalMs: number;
}

export interface MakeOptions {
  /** Titles per part (default 20,000): the catalog and the rows of one part are what the maker holds. */
  part?: number;
  seed?: number;
  /** Check every foreign key once the rows are in (the rows are written with the checks off). */
  verify?: boolean;
  progress?: (msg: string) => void;
}

/** Rows per multi-row INSERT (SQLite binds up to 32,766 parameters; the widest row here has 17). */
const ROWS_PER_STATEMENT = 100;

/** The schema as SQLite keeps it: every table, index and trigger with its SQL. */
export function sqliteSchema(db: BetterSqlite3.Database): Array<{ type: string; name: string; tbl_name: string; sql: string | null }> {
  return db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as never;
}

/**
 * A SQLite store of the synthetic catalog of `titles` titles at `file` (which must not exist).
 * The rows are those `load(catalogRows(...))` writes for the same catalog; the schema is
 * openDatabase's, checked. Throws if the file exists or the result's schema differs.
 */
export async function makeSqliteStore(file: string, titles: number, opts: MakeOptions = {}): Promise<MadeStore> {
  const part = opts.part ?? 20_000;
  const progress = opts.progress ?? (() => undefined);
  const t0 = performance.now();
  if (existsSync(file)) throw new Error(`makeSqliteStore: ${file} exists; the store is made in a new file`);
  // the schema, exactly as the product makes it
  const store = await openDatabase({ file });
  await store.close();
  const db = new BetterSqlite3(file);
  let insertMs = 0;
  let indexMs = 0;
  let foreignKeyMs = 0;
  let written = 0;
  let blockRows = 0;
  try {
    const before = sqliteSchema(db);
    // the secondary indexes of the tables written, built once at the end (the primary keys and
    // unique constraints are part of their tables and stay)
    const tables = new Set<string>(TABLE_ORDER);
    const indexes = before.filter((o) => o.type === 'index' && tables.has(o.tbl_name) && o.sql !== null);
    db.pragma('foreign_keys = OFF');
    // no journal while writing (WAL would write every page twice): a failed make leaves a file to
    // delete, never a store in use. OFF is refused in better-sqlite3's defensive mode, and from WAL
    db.unsafeMode(true);
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = OFF');
    db.unsafeMode(false);
    if (db.pragma('journal_mode', { simple: true }) !== 'off') throw new Error('makeSqliteStore: the journal could not be turned off');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000'); // 1 GB: the primary-key b-trees written in id order within a part
    for (const ix of indexes) db.exec(`drop index ${JSON.stringify(ix.name)}`);

    const writers = new Map<string, { columns: string[]; one: BetterSqlite3.Statement; many: BetterSqlite3.Statement }>();
    const writeTable = (table: (typeof TABLE_ORDER)[number], list: readonly object[]) => {
      if (!list.length) return;
      const columns = Object.keys(list[0]);
      const key = `${table}(${columns.join(',')})`;
      let w = writers.get(key);
      if (!w) {
        const row = `(${columns.map(() => '?').join(', ')})`;
        const head = `insert into ${table} (${columns.join(', ')}) values `;
        w = {
          columns,
          one: db.prepare(head + row),
          many: db.prepare(head + Array.from({ length: ROWS_PER_STATEMENT }, () => row).join(', ')),
        };
        writers.set(key, w);
      }
      const values: unknown[] = [];
      let i = 0;
      const flat = (r: object) => {
        const o = r as Record<string, unknown>;
        const ks = Object.keys(o);
        if (ks.length !== w.columns.length || ks.some((k, j) => k !== w.columns[j]))
          throw new Error(`${table}: a row with columns ${ks.join(', ')} among rows with ${w.columns.join(', ')}`);
        for (const c of w.columns) values.push(o[c]);
      };
      for (; i + ROWS_PER_STATEMENT <= list.length; i += ROWS_PER_STATEMENT) {
        values.length = 0;
        for (let j = i; j < i + ROWS_PER_STATEMENT; j++) flat(list[j]);
        w.many.run(values);
      }
      for (; i < list.length; i++) {
        values.length = 0;
        flat(list[i]);
        w.one.run(values);
      }
      written += list.length;
    };

    const describe = describer();
    let first = 0;
    const tableMs = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<(typeof TABLE_ORDER)[number], number>;
    for (const catalog of catalogParts(titles, part, opts.seed)) {
      const tp = performance.now();
      const rows = emptyRows();
      if (first === 0) rows.companies.push(...fixedCompanies());
      catalog.forEach((t, k) => titleRows(t, first + k, describe, rows));
      blockRows += rows.rights_blocks.length + rows.holdbacks.length;
      db.transaction(() => {
        for (const table of TABLE_ORDER) {
          const tt = performance.now();
          writeTable(table, rows[table]);
          tableMs[table] += performance.now() - tt;
        }
      })();
      insertMs += performance.now() - tp;
      first += catalog.length;
      progress(
        `${first.toLocaleString('en')} titles written, ${written.toLocaleString('en')} rows, ${(insertMs / 1000).toFixed(1)} s (${TABLE_ORDER.map((t) => `${t} ${(tableMs[t] / 1000).toFixed(1)}`).join(', ')})`,
      );
    }

    const ti = performance.now();
    for (const ix of indexes) {
      db.exec(ix.sql!);
      progress(`index ${ix.name} built, ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    }
    indexMs = performance.now() - ti;
    if (opts.verify) {
      const tf = performance.now();
      const broken = db.prepare('pragma foreign_key_check').all();
      foreignKeyMs = performance.now() - tf;
      if (broken.length) throw new Error(`makeSqliteStore: ${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
    }
    const after = sqliteSchema(db);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('makeSqliteStore: the schema differs from the migrated one');
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  // opened as the product opens it: nothing to migrate
  const reopened = await openDatabase({ file });
  const upgrade = reopened.upgrade;
  await reopened.close();
  if (upgrade) throw new Error(`makeSqliteStore: the made store needed migrations: ${upgrade.applied.join(', ')}`);
  return { titles, rows: written, blockRows, insertMs, indexMs, foreignKeyMs, totalMs: performance.now() - t0 };
}

/** The synthetic catalog indexed in memory, under the store's title ids: what an index built from its store must equal. */
export function syntheticIndex(titles: number, part: number): RightsIndex {
  const index = new RightsIndex();
  for (const list of catalogParts(titles, part)) for (const t of list) index.setTitle(storeTitleId(t.id), t.blocks);
  return index;
}

/** The titles an index answers free for the bench's catalog-wide question (Germany, SVOD), sorted. */
export const freeTitles = (index: RightsIndex): string[] =>
  index
    .avails(null, germanySvodQuestion())
    .flatMap((r) => r.titles)
    .sort();
