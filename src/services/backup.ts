/**
 * Backups and restores.
 *
 * - SQLite: the online backup API (better-sqlite3's `.backup()`) copies the
 *   database file page by page while the server keeps running; the copy is
 *   itself a SQLite database.
 * - PostgreSQL: every table as JSON, read in one REPEATABLE READ transaction
 *   (one consistent snapshot), written to one file.
 *
 * A restore reads either kind of file (so it also moves a record from SQLite
 * to PostgreSQL and back) into an EMPTY database, in one transaction, in
 * foreign-key order, then rebuilds the rights index (and records the titles
 * in the rights change feed, for a server already running on the database).
 * The change feed itself is not backed up: it only matters to running servers.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { invalid } from '../domain/errors.js';
import type { TableName } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireAdmin } from './access.js';
import { recordRightsChange } from './changeFeed.js';

/** Backup and restore copy every table by name, whatever its columns: the one place the store is read untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables are named at run time
type Untyped = Kysely<any>;

export const BACKUP_FORMAT = 'filmrights-backup/1';

/** Every table, parents before children (the order a restore inserts in). */
/** The ingestion tables (migration 0003, typed in store/schema.ts) travel too. */
type BackedUpTable = TableName | 'articles' | 'article_facts' | 'article_sentence_checks' | 'feeds' | 'feed_items';

export const TABLES_IN_ORDER: readonly BackedUpTable[] = [
  'titles',
  'title_aliases',
  'people',
  'companies',
  'credits',
  'title_companies',
  'festivals',
  'festival_editions',
  'sections',
  'selections',
  'awards',
  'contracts',
  'contract_titles',
  'rights_blocks',
  'holdbacks',
  'negotiators',
  'releases',
  'box_office',
  'users',
  'api_tokens',
  'sessions',
  'sources',
  'fact_sources',
  'articles',
  'article_facts',
  'article_sentence_checks',
  'feeds',
  'feed_items',
  'contract_terms',
  'fee_rules',
  'expense_caps',
  'instalments',
  'deal_events',
  'receipts',
  'expenses',
  'payments',
  'revenue_lines',
  'exchange_rates',
  'statements',
  'offers',
  'offer_versions',
  'offer_titles',
  'offer_events',
  'hold_expiries',
  'buyers',
  'buyer_contacts',
  'screeners',
  'screener_opens',
  'markets',
  'market_lineup',
  'market_screenings',
  'screening_buyers',
  'screening_people',
  'market_meetings',
  'meeting_people',
  'meeting_titles',
  'market_tasks',
  'settings',
  'audit_log',
];

const MIGRATION_TABLE = 'kysely_migration';

export interface JsonBackup {
  format: typeof BACKUP_FORMAT;
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  migrations: string[];
  tables: Record<string, Array<Record<string, unknown>>>;
}

export interface BackupResult {
  file: string;
  kind: 'sqlite' | 'json';
  rows: number;
}

/**
 * Backs the database up to `file`. On SQLite give the database file (`sqliteFile`):
 * the backup is a SQLite copy made with the online backup API.
 */
export async function backupDatabase(
  app: FilmRights,
  actor: Actor,
  file: string,
  opts: { sqliteFile?: string } = {},
): Promise<BackupResult> {
  requireAdmin(actor);
  if (app.store.dialect === 'sqlite') {
    if (!opts.sqliteFile || opts.sqliteFile === ':memory:')
      throw invalid('database', opts.sqliteFile, 'database: a backup of SQLite needs the database file (FILMRIGHTS_DB)');
    const tmp = `${file}.partial`;
    const source = new BetterSqlite3(opts.sqliteFile, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(tmp);
    } finally {
      source.close();
    }
    renameSync(tmp, file);
    const copy = new BetterSqlite3(file, { readonly: true });
    try {
      const rows = TABLES_IN_ORDER.reduce((n, t) => n + (copy.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n, 0);
      return { file, kind: 'sqlite', rows };
    } finally {
      copy.close();
    }
  }
  const dump = await app.store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables: JsonBackup['tables'] = {};
      for (const t of TABLES_IN_ORDER)
        tables[t] = (await (trx as Untyped).selectFrom(t).selectAll().execute()) as Array<Record<string, unknown>>;
      const migrations = (await (trx as Untyped).selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute()).map(
        (r: { name: string }) => r.name,
      );
      return { format: BACKUP_FORMAT, dialect: 'postgres', createdAt: new Date().toISOString(), migrations, tables } satisfies JsonBackup;
    });
  writeFileSync(`${file}.partial`, JSON.stringify(dump));
  renameSync(`${file}.partial`, file);
  return { file, kind: 'json', rows: Object.values(dump.tables).reduce((n, rows) => n + rows.length, 0) };
}

function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

/** Reads a backup file of either kind. */
/** Refuses a backup file that is not there to read (or is a folder), naming it. */
export function checkBackupFile(file: string): void {
  if (!existsSync(file)) throw invalid('file', file, `file: "${file}" does not exist`);
  if (statSync(file).isDirectory()) throw invalid('file', file, `file: "${file}" is a folder, not a backup file`);
}

export function readBackup(file: string): JsonBackup {
  checkBackupFile(file);
  if (isSqliteFile(file)) {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const tables: JsonBackup['tables'] = {};
      for (const t of TABLES_IN_ORDER) tables[t] = db.prepare(`select * from ${t}`).all() as Array<Record<string, unknown>>;
      const migrations = (db.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as Array<{ name: string }>).map(
        (r) => r.name,
      );
      return { format: BACKUP_FORMAT, dialect: 'sqlite', createdAt: '', migrations, tables };
    } finally {
      db.close();
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw invalid('file', file, `file: "${file}" is neither a SQLite backup nor a JSON backup`);
  }
  const b = parsed as Partial<JsonBackup>;
  if (b.format !== BACKUP_FORMAT || typeof b.tables !== 'object' || !Array.isArray(b.migrations)) {
    throw invalid(
      'file',
      file,
      `file: "${file}" is not a filmrights backup (format "${BACKUP_FORMAT}"); to load a catalog document use import`,
    );
  }
  return b as JsonBackup;
}

/** Restores a backup into this database, which must be empty. One transaction: all of it or nothing. */
export async function restoreDatabase(app: FilmRights, actor: Actor, file: string): Promise<{ rows: number }> {
  requireAdmin(actor);
  const backup = readBackup(file);
  const db = app.store.db as Untyped;
  const known = new Set((await db.selectFrom(MIGRATION_TABLE).select('name').execute()).map((r: { name: string }) => r.name));
  const unknown = backup.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw invalid('file', file, `file: the backup comes from a newer version (migrations ${unknown.join(', ')}); upgrade filmrights first`);
  let rows = 0;
  await app.store.transaction(async (t) => {
    const trx = t as Untyped;
    for (const table of TABLES_IN_ORDER) {
      const n = (await trx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()) as { n: number | string } | undefined;
      if (Number(n?.n ?? 0) > 0)
        throw invalid('database', table, `database: not empty (table ${table} has rows); restore into a new, empty database`);
    }
    for (const table of TABLES_IN_ORDER) {
      const list = table === 'titles' ? parentsFirst(backup.tables[table] ?? []) : (backup.tables[table] ?? []);
      for (let i = 0; i < list.length; i += 200) {
        await trx
          .insertInto(table)
          .values(list.slice(i, i + 200))
          .execute();
      }
      rows += list.length;
    }
    if (app.store.dialect === 'postgres') {
      await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`.execute(
        trx,
      );
    }
    // A server already running on this database picks the restored rights up from the change feed.
    const titles = await trx.selectFrom('rights_blocks').select('title_id').distinct().execute();
    const holdbacks = await trx.selectFrom('holdbacks').select('title_id').distinct().execute();
    await recordRightsChange(
      t,
      [...titles, ...holdbacks].map((r: { title_id: string }) => r.title_id),
    );
  });
  await app.rebuildIndex();
  return { rows };
}

/** Removes a half-written backup (after an error). */
export function removePartial(file: string): void {
  rmSync(`${file}.partial`, { force: true });
}

/** Titles in an order where a series comes before its seasons and a season before its episodes (parent_id is a foreign key). */
function parentsFirst(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const parentOf = new Map(rows.map((r) => [String(r.id), typeof r.parent_id === 'string' ? r.parent_id : null]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = parentOf.get(id) ?? null; p !== null && d < 10; p = parentOf.get(p) ?? null) d++;
    return d;
  };
  return rows
    .map((r, i) => ({ r, i, d: depth(String(r.id)) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.r);
}
