/**
 * Upgrades keep everything, on SQLite and PostgreSQL:
 * - from every older schema (each migration's predecessor) to this code's: a database holding a
 *   realistic catalog at that schema (the demo, a deal with blocks and holdbacks, festivals,
 *   users with tokens and a session, an article with its facts, the audit log) is upgraded when
 *   opened; every row it had is there with every field it had (new fields aside), the export is
 *   the same, the integrity check passes, users stay signed in and their tokens keep working;
 * - SQLite: the file is backed up beside itself before it is migrated;
 * - a migration that fails leaves the database exactly as it was (the run is one transaction);
 * - a database written by a newer filmrights is refused, and nothing is written to it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { ingestArticle } from '../../src/services/articles.js';
import { TABLES_IN_ORDER } from '../../src/services/backup.js';
import { DEMO_DIR, readDemo } from '../../src/services/demo.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { exportJson, importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { actorForApiToken, actorForSession, createApiToken, createUser, login, revokeApiToken } from '../../src/services/users.js';
import {
  MigrationError,
  MIGRATION_NAMES,
  migrations,
  NewerSchemaError,
  openDatabase,
  SCHEMA_VERSION,
  type OpenOptions,
  type Store,
} from '../../src/store/index.js';
import { describeEachDatabase, type TestDatabase, type TestDatabaseLocation } from '../support/databases.js';
import { PROCESS_TEST_TIMEOUT, runCli } from '../support/processes.js';

const PASSWORD = 'upgrade-test-password';
const TABLES = [...TABLES_IN_ORDER, 'rights_changes'] as string[];

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const any = (db: unknown) => db as AnyDb;

/** The shipped migrations up to and including `last`: the schema an older release had. */
function migrationsUpTo(dialect: 'sqlite' | 'postgres', last: string): Record<string, Migration> {
  return Object.fromEntries(Object.entries(migrations(dialect)).filter(([name]) => name <= last));
}

/** Each table's columns, as the database has them. */
async function columnsOf(db: unknown): Promise<Map<string, string[]>> {
  const tables = await any(db).introspection.getTables();
  return new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
}

/** Rows of a table, each cut to `columns` and written with sorted keys, sorted: equal lists, equal tables. */
async function rowsOf(db: unknown, table: string, columns: readonly string[]): Promise<string[]> {
  const rows = await any(db).selectFrom(table).selectAll().execute();
  return rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))).sort();
}

interface Secrets {
  session: string;
  writeToken: string;
  revokedToken: string;
}

/** A catalog as a user would have built it, through the services. */
async function fill(app: FilmRights): Promise<Secrets> {
  // the demo as a catalog at the first schema could hold it: without the accounts and market mode,
  // whose tables came later (their own suites test their backup and round trip)
  const { accounts: _accounts, buyers: _buyers, markets: _markets, offers: _offers, ...demo } = readDemo();
  await importJson(app, SYSTEM, demo, { baseDir: DEMO_DIR });
  const doc: InterchangeDocument = {
    format: 'filmrights/1',
    companies: [
      { name: 'Cinephil', kind: 'sales-agent', country: 'IL' },
      { name: 'Alamode Film', kind: 'distributor', country: 'DE' },
      { name: 'Lev Cinemas', kind: 'distributor', country: 'IL' },
    ],
    titles: [{ title: 'The Salt Road', year: 2023, credits: [{ role: 'director', name: 'Dana Amir' }] }],
    festivals: [
      {
        name: 'Jerusalem Film Festival',
        kind: 'festival',
        country: 'IL',
        city: 'Jerusalem',
        editions: [
          {
            year: 2023,
            start: '2023-07-13',
            end: '2023-07-23',
            sections: ['Israeli Feature Competition'],
            selections: [{ title: 'The Salt Road', section: 'Israeli Feature Competition', premiereStatus: 'world' }],
            awards: [{ name: 'Best Israeli Feature', title: 'The Salt Road' }],
          },
        ],
      },
    ],
    contracts: [
      {
        ref: 'SALT-WW',
        direction: 'third-party',
        status: 'signed',
        licensor: 'Lev Cinemas',
        licensee: 'Cinephil',
        titles: ['The Salt Road'],
        blocks: [
          { territories: 'Worldwide excluding Israel', media: 'All Media', start: '2023-08-01', end: '2038-07-31', exclusive: true },
        ],
        signedOn: '2023-07-20',
      },
      {
        ref: 'SALT-DE',
        direction: 'third-party',
        status: 'signed',
        licensor: 'Cinephil',
        licensee: 'Alamode Film',
        titles: ['The Salt Road'],
        blocks: [
          { territories: 'Germany, Austria', media: 'Theatrical', start: '2024-03-01', end: '2031-02-28', exclusive: true },
          { territories: 'Germany, Austria', media: 'SVOD', start: '2024-09-01', end: '2031-02-28', exclusive: false, languages: ['de'] },
        ],
        holdbacks: [
          {
            territories: 'Germany, Austria',
            media: 'Free TV',
            start: '2024-03-01',
            end: '2026-02-28',
            description: 'no free TV before two years after the theatrical release',
          },
        ],
        mg: { amount: '120000.00', currency: 'EUR' },
        signedOn: '2024-02-20',
        edition: 'Jerusalem Film Festival 2023',
      },
    ],
  } as unknown as InterchangeDocument;
  await importJson(app, SYSTEM, doc);
  const eva = await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
  await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
  const evaActor = { ...SYSTEM, id: eva.id, username: 'eva', role: 'editor' as const };
  const writeToken = (await createApiToken(app, evaActor, 'write', 'sales sheet sync')).token;
  await createApiToken(app, evaActor, 'read', 'reports');
  const revoked = await createApiToken(app, evaActor, 'read', 'old laptop');
  await revokeApiToken(app, evaActor, revoked.id);
  const session = (await login(app, 'eva', PASSWORD)).token;
  // an article of our own words, read into proposed facts
  await ingestArticle(app, evaActor, {
    text: 'Alamode Film has picked up German rights to “The Salt Road” from Cinephil, the sales agent said on Tuesday. The film premiered at the Jerusalem Film Festival in July.',
    outlet: 'filmrights test desk',
    date: '2024-02-21',
  });
  return { session, writeToken, revokedToken: revoked.token };
}

/** Copies the template's rows into `target`, as far as its (older) schema has the tables and columns. */
async function copyRows(template: FilmRights, target: Store): Promise<void> {
  const columns = await columnsOf(target.db);
  await target.transaction(async (trx) => {
    for (const table of TABLES) {
      const have = columns.get(table);
      if (!have) continue;
      const rows = await any(template.store.db).selectFrom(table).selectAll().execute();
      const cut = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => have.includes(k))));
      for (let i = 0; i < cut.length; i += 100)
        await any(trx)
          .insertInto(table)
          .values(cut.slice(i, i + 100))
          .execute();
    }
    if (target.dialect === 'postgres') {
      // as the rows had been made there: the identity sequences continue after them
      for (const [table, col] of [
        ['audit_log', 'id'],
        ['rights_changes', 'seq'],
      ]) {
        if (columns.has(table))
          await sql`select setval(pg_get_serial_sequence(${table}, ${col}), coalesce((select max(${sql.ref(col)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
            trx,
          );
      }
    }
  });
}

/** Every table's rows and columns, the migration records included: equal states, an untouched database. */
async function fullState(options: OpenOptions): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (options.url) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      const tables = (
        await client.query(`select tablename from pg_tables where schemaname = current_schema() order by tablename`)
      ).rows.map((r) => r.tablename as string);
      for (const t of tables) {
        const cols = (
          await client.query(
            `select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1 order by column_name`,
            [t],
          )
        ).rows;
        out[`${t} (columns)`] = cols.map((c) => `${c.column_name} ${c.data_type}`);
        out[t] = (await client.query(`select * from "${t}"`)).rows.map((r) => JSON.stringify(r)).sort();
      }
    } finally {
      await client.end();
    }
    return out;
  }
  const db = new Sqlite(options.file!, { readonly: true });
  try {
    out['(file)'] = [createHash('sha256').update(readFileSync(options.file!)).digest('hex')];
    for (const { name, sql: ddl } of db
      .prepare(`select name, sql from sqlite_master where type in ('table', 'index') order by name`)
      .all() as Array<{ name: string; sql: string | null }>) {
      out[`${name} (ddl)`] = [ddl ?? ''];
      if (ddl?.startsWith('CREATE TABLE') || ddl?.startsWith('create table'))
        out[name] = (db.prepare(`select * from "${name}"`).all() as object[]).map((r) => JSON.stringify(r)).sort();
    }
  } finally {
    db.close();
  }
  return out;
}

function backupsBeside(file: string): string[] {
  return readdirSync(dirname(file)).filter((f) => f.startsWith(`${basename(file)}.backup-`));
}

describeEachDatabase('upgrades keep everything', (_open, database: TestDatabase) => {
  let template: FilmRights;
  let templateLocation: TestDatabaseLocation;
  let secrets: Secrets;
  let exported: InterchangeDocument;
  const locations: TestDatabaseLocation[] = [];

  const fresh = async () => {
    const location = await database.create();
    locations.push(location);
    return location;
  };

  beforeAll(async () => {
    templateLocation = await database.create();
    template = await FilmRights.open(templateLocation.options);
    secrets = await fill(template);
    exported = await exportJson(template, SYSTEM);
    // every kind of record an upgrade must keep is there to keep
    for (const table of [
      'titles',
      'credits',
      'festivals',
      'festival_editions',
      'selections',
      'awards',
      'contracts',
      'rights_blocks',
      'holdbacks',
      'users',
      'api_tokens',
      'sessions',
      'sources',
      'fact_sources',
      'articles',
      'article_facts',
      'settings',
      'audit_log',
      'rights_changes',
    ]) {
      expect((await any(template.store.db).selectFrom(table).selectAll().execute()).length, table).toBeGreaterThan(0);
    }
  }, PROCESS_TEST_TIMEOUT);

  afterAll(async () => {
    await template?.close();
    await templateLocation?.drop();
    for (const l of locations) await l.drop();
  });

  it('has more than one migration to upgrade across', () => {
    expect(MIGRATION_NAMES.length).toBeGreaterThan(1);
    expect(MIGRATION_NAMES[MIGRATION_NAMES.length - 1]).toBe(SCHEMA_VERSION);
  });

  for (let n = 1; n < MIGRATION_NAMES.length; n++) {
    const from = MIGRATION_NAMES[n - 1];
    it(
      `upgrades a full database from ${from} to the latest schema, keeping every row and field`,
      async () => {
        const location = await fresh();
        // the database as the release with schema `from` would have left it
        const old = await openDatabase({ ...location.options, migrations: migrationsUpTo(database.name, from) });
        let oldColumns: Map<string, string[]>;
        try {
          await copyRows(template, old);
          oldColumns = await columnsOf(old.db);
        } finally {
          await old.close();
        }
        const titlesBefore = await countTitles(location.options);
        expect(titlesBefore).toBeGreaterThan(1);

        const app = await FilmRights.open(location.options);
        try {
          // what opening did
          expect(app.store.upgrade).toMatchObject({ from, to: SCHEMA_VERSION, applied: MIGRATION_NAMES.slice(n) });
          if (database.name === 'sqlite') {
            const backup = app.store.upgrade!.backup!;
            expect(basename(backup)).toMatch(new RegExp(`^filmrights\\.db\\.backup-${from}-\\d{8}T\\d{6}Z$`));
            expect(existsSync(backup)).toBe(true);
            // the backup is the database as it was: the old schema, the same rows
            const copy = new Sqlite(backup, { readonly: true });
            try {
              expect(
                (copy.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name),
              ).toEqual(MIGRATION_NAMES.slice(0, n));
              expect((copy.prepare('select count(*) as n from titles').get() as { n: number }).n).toBe(titlesBefore);
            } finally {
              copy.close();
            }
          } else {
            expect(app.store.upgrade!.backup).toBeNull();
          }

          // every row of every table it had, with every field it had
          for (const [table, columns] of oldColumns!) {
            if (!TABLES.includes(table)) continue;
            expect(await rowsOf(app.store.db, table, columns), table).toEqual(await rowsOf(template.store.db, table, columns));
          }
          // the same catalog, deals and festivals out
          expect(await exportJson(app, SYSTEM)).toEqual(exported);
          // the rights engine agrees with the store, and no right is sold twice
          const report = await checkIntegrity(app);
          expect(report.indexMismatches).toEqual([]);
          expect(report.doubleSales).toEqual((await checkIntegrity(template)).doubleSales);
          expect(app.index.titleCount).toBe(template.index.titleCount);
          expect(app.index.blockCount).toBe(template.index.blockCount);
          // users stay signed in, their tokens work (a revoked one does not)
          expect((await actorForSession(app, secrets.session))?.username).toBe('eva');
          expect((await actorForApiToken(app, secrets.writeToken))?.username).toBe('eva');
          expect(await actorForApiToken(app, secrets.revokedToken)).toBeNull();
          if (!oldColumns!.get('api_tokens')!.includes('expires_at')) {
            // tokens made before expiry existed get 90 days from the upgrade, not for ever
            const tokens = await app.store.db.selectFrom('api_tokens').select(['revoked_at', 'expires_at']).execute();
            for (const t of tokens.filter((x) => x.revoked_at === null))
              expect(Date.parse(t.expires_at!) - Date.now()).toBeGreaterThan(89 * 86_400_000);
          }
        } finally {
          await app.close();
        }

        // opened again: nothing to do, no second backup
        const again = await FilmRights.open(location.options);
        try {
          expect(again.store.upgrade).toBeNull();
          if (location.options.file) expect(backupsBeside(location.options.file)).toHaveLength(1);
        } finally {
          await again.close();
        }
      },
      PROCESS_TEST_TIMEOUT,
    );
  }

  it(
    'leaves the database as it was when a migration fails, whichever of the run fails',
    async () => {
      const location = await fresh();
      const old = await openDatabase({
        ...location.options,
        migrations: migrationsUpTo(database.name, MIGRATION_NAMES[MIGRATION_NAMES.length - 2]),
      });
      try {
        await copyRows(template, old);
      } finally {
        await old.close();
      }
      const before = await fullState(location.options);
      const shipped = migrations(database.name);
      const broken: Record<string, Migration> = {
        ...shipped,
        // a harmless one first, then one that changes a table and data before it fails
        '9001_adds_a_table': {
          up: async (db) =>
            void (await db.schema
              .createTable('release_windows')
              .addColumn('id', 'text', (c) => c.primaryKey())
              .execute()),
        },
        '9002_fails_half_way': {
          up: async (db) => {
            await db.schema.alterTable('titles').addColumn('logline', 'text').execute();
            await db.updateTable('titles').set({ logline: 'changed' }).execute();
            await db.deleteFrom('audit_log').execute();
            throw new Error('a deliberate failure');
          },
        },
      };
      const attempt = openDatabase({ ...location.options, migrations: broken });
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      await expect(attempt).rejects.toThrow(
        /9002_fails_half_way failed: a deliberate failure\. Every migration of this run was rolled back/,
      );
      const after = await fullState(location.options);
      // the backup was taken before the run (there were pending migrations); it stays
      if (location.options.file) expect(backupsBeside(location.options.file)).toHaveLength(1);
      expect(after).toEqual(before);
      // the shipped migration that was pending (part of the same run) is not applied either: a later start does it
      const app = await FilmRights.open(location.options);
      try {
        expect(app.store.upgrade).toMatchObject({ from: MIGRATION_NAMES[MIGRATION_NAMES.length - 2], to: SCHEMA_VERSION });
        expect(await exportJson(app, SYSTEM)).toEqual(exported);
      } finally {
        await app.close();
      }
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'refuses a database written by a newer filmrights, and writes nothing to it',
    async () => {
      const location = await fresh();
      const app = await FilmRights.open(location.options);
      await copyRows(template, app.store);
      await app.close();
      // a newer release's migration, recorded as applied
      if (location.options.url) {
        const client = new pg.Client({ connectionString: location.options.url });
        await client.connect();
        await client.query(`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2031-01-01T00:00:00.000Z')`);
        await client.end();
      } else {
        const db = new Sqlite(location.options.file!);
        db.prepare(`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2031-01-01T00:00:00.000Z')`).run();
        db.close();
      }
      const before = await fullState(location.options);

      const refused = FilmRights.open(location.options);
      await expect(refused).rejects.toBeInstanceOf(NewerSchemaError);
      await expect(refused).rejects.toThrow(
        `database: its schema is 9999_from_the_future, newer than this filmrights knows (up to ${SCHEMA_VERSION}; unknown migrations: 9999_from_the_future)`,
      );
      // the command line says so, on one line, and exits 1
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.DATABASE_URL;
      delete env.FILMRIGHTS_DB;
      if (location.options.url) env.DATABASE_URL = location.options.url;
      else env.FILMRIGHTS_DB = location.options.file;
      const cli = await runCli(['check'], { env });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain('newer than this filmrights knows');
      expect(cli.stderr).toContain('Nothing was changed.');

      // not a byte written (on SQLite, the file is byte-identical), and no backup taken
      expect(await fullState(location.options)).toEqual(before);
      if (location.options.file) expect(backupsBeside(location.options.file)).toEqual([]);
    },
    PROCESS_TEST_TIMEOUT,
  );

  it('takes no backup of a new database, nor of one that is up to date', async () => {
    const location = await fresh();
    const first = await FilmRights.open(location.options);
    expect(first.store.upgrade).toMatchObject({ from: null, to: SCHEMA_VERSION, backup: null });
    await first.close();
    const second = await FilmRights.open(location.options);
    expect(second.store.upgrade).toBeNull();
    await second.close();
    if (location.options.file) expect(backupsBeside(location.options.file)).toEqual([]);
  });
});

async function countTitles(options: OpenOptions): Promise<number> {
  if (options.url) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      return (await client.query('select count(*)::int as n from titles')).rows[0].n;
    } finally {
      await client.end();
    }
  }
  const db = new Sqlite(options.file!, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from titles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
