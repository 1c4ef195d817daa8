/**
 * Opening the store: SQLite (the default, embedded) or PostgreSQL (chosen by a
 * postgres:// URL), one Kysely `Database` for both, migrated at open.
 *
 * Locking (docs/store.md has the long version):
 * - PostgreSQL: transactions run at READ COMMITTED; `lockTitles` takes row
 *   locks on the titles in id order (`SELECT ... ORDER BY id FOR UPDATE`), so
 *   two writers of the same title queue and never deadlock on each other.
 * - SQLite: Kysely's SQLite driver has one connection guarded by a mutex, held
 *   from the start of a transaction to its end, so the transactions of one
 *   Store run one after another. Between processes (a CLI next to the server)
 *   every transaction starts with BEGIN IMMEDIATE, which takes the database's
 *   write lock at once (waiting up to busy_timeout). `lockTitles` is then a
 *   no-op: the whole database is already locked for writing.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  sql,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type LogConfig,
  type Driver,
  type Migration,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { appliedMigrations, migrateToLatest, migrations, NewerSchemaError, schemaState } from './migrations/index.js';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

export type { StoreDialect } from './dialect.js';

export interface OpenOptions {
  /** A postgres:// (or postgresql://) URL. Default: env DATABASE_URL. */
  url?: string;
  /** The SQLite file (or ':memory:'). Default: env FILMRIGHTS_DB, else ./data/filmrights.db. */
  file?: string;
  /**
   * Tests of upgrades only: the migrations to bring the database to, instead of the shipped ones
   * (a prefix of them builds an older schema; an extra one that throws shows a failed upgrade).
   */
  migrations?: Record<string, Migration>;
  /** Kysely's query log (e.g. to count the queries a request runs, as the title-page benchmark does). */
  log?: LogConfig;
}

/** What opening did to the schema: the migrations it applied, from which schema, and the backup it took first. */
export interface SchemaUpgrade {
  /** The schema before (the latest migration applied); null for a new database. */
  from: string | null;
  to: string;
  applied: string[];
  /** SQLite: the copy of the file taken before migrating an existing database; null otherwise. */
  backup: string | null;
}

export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** Set when opening migrated the database (null when it was already at this code's schema). */
  upgrade: SchemaUpgrade | null;
  close(): Promise<void>;
  /**
   * Run `fn` in one transaction: committed when it resolves, rolled back when
   * it throws. Use only `trx` inside (using `db` there waits forever on SQLite:
   * the one connection is busy with this transaction).
   */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Lock the given titles for the rest of the transaction `trx`, in a stable
   * order. Call it first thing in a write that checks-then-writes rights.
   * Unknown ids are ignored (nothing to lock).
   */
  lockTitles(trx: Kysely<Database>, titleIds: string[]): Promise<void>;
  /**
   * A wake-up to every process listening on `channel` (PostgreSQL NOTIFY, no payload: the
   * listeners read what changed themselves). Nothing on SQLite.
   */
  notify(channel: string): Promise<void>;
  /**
   * PostgreSQL only (undefined on SQLite): `onNotify` is called on each wake-up on `channel`, from a
   * connection of its own (LISTEN); `onLost` once if that connection fails. Resolves to a closer.
   */
  listen?: (channel: string, onNotify: () => void, onLost: () => void) => Promise<() => Promise<void>>;
}

/** SQLite waits this long for another process's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
export const DEFAULT_SQLITE_FILE = './data/filmrights.db';

export class StoreConfigError extends Error {
  readonly field: string;
  readonly value: unknown;
  constructor(field: string, value: unknown, message: string) {
    super(message);
    this.name = 'StoreConfigError';
    this.field = field;
    this.value = value;
  }
}

/** Open (and migrate) the store. See OpenOptions for how the database is chosen. */
export async function openDatabase(opts: OpenOptions = {}): Promise<Store> {
  const url = opts.url ?? nonEmpty(process.env.DATABASE_URL);
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      const field = opts.url !== undefined ? 'url' : 'DATABASE_URL';
      throw new StoreConfigError(field, redact(url), `${field} must be a postgres:// URL; leave it unset to use SQLite (FILMRIGHTS_DB).`);
    }
    return openPostgres(url, opts);
  }
  return openSqlite(opts.file ?? nonEmpty(process.env.FILMRIGHTS_DB) ?? DEFAULT_SQLITE_FILE, opts);
}

// ------------------------------------------------------------------ SQLite

async function openSqlite(file: string, opts: OpenOptions): Promise<Store> {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });

  const sqlite = new BetterSqlite3(file);
  try {
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }), log: opts.log });
  return finishOpen(db, 'sqlite', opts, inMemory ? undefined : (current) => backupBeside(sqlite, file, current));
}

/**
 * Before migrating an existing SQLite database: a consistent copy beside it,
 * `<file>.backup-<schema>-<UTC time>` (VACUUM INTO: a snapshot, compacted, readable by any
 * SQLite). When it cannot be taken (disk full, no permission), nothing is migrated.
 */
function backupBeside(sqlite: BetterSqlite3.Database, file: string, schema: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let dest = `${file}.backup-${schema}-${stamp}`;
  for (let n = 2; existsSync(dest); n++) dest = `${file}.backup-${schema}-${stamp}-${n}`;
  try {
    sqlite.prepare('VACUUM INTO ?').run(dest);
  } catch (e) {
    rmSync(dest, { force: true });
    throw new StoreConfigError(
      'database',
      file,
      `database: cannot back "${file}" up before upgrading its schema (${(e as Error).message}); nothing was changed`,
    );
  }
  return dest;
}

/**
 * SqliteDialect with two changes:
 * - transactions begin with BEGIN IMMEDIATE (the write lock at once, so a
 *   read-then-write transaction never fails with SQLITE_BUSY half-way when
 *   another process writes);
 * - the adapter declares transactional DDL (SQLite has it), so each migration
 *   run is one transaction, under that same lock.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

// ------------------------------------------------------------------ PostgreSQL

const PG_TYPE = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

/**
 * Per-pool type parsers (not pg's global registry, so other pools in the
 * process are untouched):
 * - int8 (bigint columns, count(*)) → number, refusing values beyond 2^53;
 * - numeric (sum() of bigint) → number, same check for whole numbers;
 * - date → the raw 'YYYY-MM-DD' string (never a JS Date shifted by the local zone);
 * - timestamp / timestamptz → ISO 8601 UTC strings.
 */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      switch (oid) {
        case PG_TYPE.INT8:
        case PG_TYPE.NUMERIC:
          return parseSafeNumber;
        case PG_TYPE.DATE:
          return (value: string) => value;
        case PG_TYPE.TIMESTAMP:
          return (value: string) => new Date(`${value.replace(' ', 'T')}Z`).toISOString();
        case PG_TYPE.TIMESTAMPTZ:
          return (value: string) => new Date(value).toISOString();
      }
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function parseSafeNumber(value: string): number {
  const n = Number(value);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    throw new RangeError(`PostgreSQL returned ${value}, beyond the exact range of a JS number (±${Number.MAX_SAFE_INTEGER})`);
  }
  return n;
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 10 });
  // An idle client can lose its server (restart, DROP DATABASE ... WITH (FORCE)):
  // without a listener, pg's 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: opts.log });
  const store = await finishOpen(db, 'postgres', opts);
  return { ...store, listen: (channel, onNotify, onLost) => listenOn(url, channel, onNotify, onLost) };
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/** A connection of its own that LISTENs on `channel` (a pooled one would be handed to other queries). */
async function listenOn(url: string, channel: string, onNotify: () => void, onLost: () => void): Promise<() => Promise<void>> {
  if (!CHANNEL.test(channel)) throw new Error(`listen: "${channel}" is not a plain channel name`);
  const client = new pg.Client({ connectionString: url });
  let closing = false;
  let lost = false;
  const lose = () => {
    if (closing || lost) return;
    lost = true;
    onLost();
  };
  client.on('error', lose);
  client.on('end', lose);
  client.on('notification', (n) => {
    if (n.channel === channel) onNotify();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (error) {
    closing = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    closing = true;
    await client.end().catch(() => undefined);
  };
}

// ------------------------------------------------------------------ both

/**
 * Migrates the database to this code's schema, or refuses it:
 * - a database with migrations this code does not know (written by a newer filmrights) is
 *   refused before anything is written (NewerSchemaError);
 * - an existing database with pending migrations is first backed up (`backup`, SQLite only);
 * - the pending migrations run in one transaction: if one fails, none is kept (MigrationError).
 */
async function finishOpen(
  db: Kysely<Database>,
  dialect: StoreDialect,
  opts: OpenOptions,
  backup?: (schema: string) => string,
): Promise<Store> {
  let upgrade: SchemaUpgrade | null = null;
  try {
    const list = opts.migrations ?? migrations(dialect);
    const known = Object.keys(list).sort();
    const state = schemaState(await appliedMigrations(db, dialect), known);
    if (state.unknown.length) throw new NewerSchemaError(state.current!, state.unknown, known[known.length - 1]);
    if (state.pending.length) {
      const copy = state.current !== null && backup ? backup(state.current) : null;
      const results = await migrateToLatest(db, dialect, list);
      const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      if (applied.length) upgrade = { from: state.current, to: known[known.length - 1], applied, backup: copy };
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }

  let closed: Promise<void> | undefined;
  return {
    db,
    dialect,
    upgrade,
    close: () => (closed ??= db.destroy()),
    transaction: <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
      dialect === 'postgres' ? db.transaction().setIsolationLevel('read committed').execute(fn) : db.transaction().execute(fn),
    lockTitles: (trx, titleIds) => lockTitles(dialect, trx, titleIds),
    notify: async (channel) => {
      if (dialect !== 'postgres') return;
      if (!CHANNEL.test(channel)) throw new Error(`notify: "${channel}" is not a plain channel name`);
      await sql.raw(`NOTIFY ${channel}`).execute(db);
    },
  };
}

async function lockTitles(dialect: StoreDialect, trx: Kysely<Database>, titleIds: string[]): Promise<void> {
  if (!trx.isTransaction) {
    throw new Error('lockTitles: pass the transaction (trx) given by store.transaction(), not store.db');
  }
  if (dialect === 'sqlite') return; // BEGIN IMMEDIATE already holds the database's write lock.
  const ids = [...new Set(titleIds)].sort();
  if (ids.length === 0) return;
  // The rows are locked in the ORDER BY order (LockRows runs above the sort).
  await trx.selectFrom('titles').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
