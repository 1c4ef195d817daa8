import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { databases, describeEachDatabase } from '../support/databases.js';
import { openDatabase, StoreConfigError, type Store } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from '../../src/store/errors.js';
import { newId } from '../../src/store/ids.js';
import { parseJson, toJson } from '../../src/store/json.js';
import type { Database, NewRightsBlock, TableName } from '../../src/store/schema.js';
import { flag, isSet, minorUnits } from '../../src/store/values.js';

const ALL_TABLES: TableName[] = [
  'titles',
  'title_aliases',
  'people',
  'companies',
  'credits',
  'title_companies',
  'contracts',
  'contract_titles',
  'rights_blocks',
  'holdbacks',
  'negotiators',
  'festivals',
  'festival_editions',
  'sections',
  'selections',
  'awards',
  'releases',
  'box_office',
  'sources',
  'fact_sources',
  'users',
  'api_tokens',
  'sessions',
  'settings',
  'audit_log',
  'rights_changes',
];

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NORTH_AMERICA = ['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'];

/** The founding example's parties: One Second, Neon, Wild Bunch, Huanxi. */
async function seedOneSecond(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('titles')
    .values({
      id: 'one-second',
      original_title: '一秒钟',
      english_title: 'One Second',
      year: 2020,
      countries: toJson(['CN']),
      languages: toJson(['zh']),
      runtime_minutes: 104,
      source_material: 'novel',
      source_material_note: 'based on the novel by Yan Geling',
      production_status: 'released',
    })
    .execute();
  await db
    .insertInto('companies')
    .values([
      { id: 'neon', name: 'Neon', kind: 'distributor', country: 'US' },
      { id: 'wild-bunch', name: 'Wild Bunch', kind: 'sales-agent', country: 'FR' },
      { id: 'huanxi', name: 'Huanxi Media Group', kind: 'production', country: 'CN' },
    ])
    .execute();
}

async function seedContract(db: Kysely<Database>, ref = 'NEON-ONE-SECOND-NA'): Promise<string> {
  const id = newId();
  await db
    .insertInto('contracts')
    .values({
      id,
      ref,
      direction: 'third-party',
      licensor_id: 'wild-bunch',
      licensee_id: 'neon',
      sales_agent_id: 'wild-bunch',
      status: 'announced',
      announced_on: '2021-07-20',
    })
    .execute();
  await db.insertInto('contract_titles').values({ contract_id: id, title_id: 'one-second' }).execute();
  return id;
}

/** A rights block row; `overrides` may hold deliberately wrong values to test the constraints. */
function rightsBlock(contractId: string, overrides: Record<string, unknown> = {}): NewRightsBlock {
  return {
    id: newId(),
    contract_id: contractId,
    title_id: 'one-second',
    territories: 'North America',
    territory_codes: toJson(NORTH_AMERICA),
    media: 'all rights',
    media_ids: toJson(['theatrical', 'svod', 'pay-tv']),
    languages: null,
    start_date: '2021-09-18',
    end_date: null,
    exclusive: flag(true),
    ...overrides,
  } as NewRightsBlock;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse the write, but it was accepted');
}

describeEachDatabase('store', (open, database) => {
  describe('migrations', () => {
    it('create every table on a fresh database, empty', async () => {
      const store = await open();
      expect(store.dialect).toBe(database.name);
      for (const table of ALL_TABLES) {
        const row = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(row.n), table).toBe(0);
      }
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations(database.name)).sort());
    });

    it('are idempotent: reopening runs nothing and keeps the data', async () => {
      const location = await database.create();
      try {
        const first = await openDatabase(location.options);
        await seedOneSecond(first.db);
        await first.close();

        const second = await openDatabase(location.options);
        const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(second.db);
        expect(applied.rows).toHaveLength(Object.keys(migrations(database.name)).length);
        const title = await second.db.selectFrom('titles').select('english_title').executeTakeFirstOrThrow();
        expect(title.english_title).toBe('One Second');
        await second.close();
      } finally {
        await location.drop();
      }
    });
  });

  describe('round trips', () => {
    it('a title with its credits, in billing order, and default timestamps', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      await store.db
        .insertInto('people')
        .values([
          { id: 'zhang-yimou', name: 'Zhang Yimou', sort_name: 'Zhang Yimou' },
          { id: 'zou-jingzhi', name: 'Zou Jingzhi' },
          { id: 'zhang-yi', name: 'Zhang Yi' },
          { id: 'liu-haocun', name: 'Liu Haocun' },
        ])
        .execute();
      // Multi-row insert: every row names every column (SQLite has no DEFAULT in VALUES:
      // a column missing from one row would be written as NULL, not its default).
      await store.db
        .insertInto('credits')
        .values([
          { id: newId(), title_id: 'one-second', person_id: 'liu-haocun', role: 'cast', character: 'Liu Girl', position: 1 },
          { id: newId(), title_id: 'one-second', person_id: 'zhang-yimou', role: 'director', character: null, position: 0 },
          { id: newId(), title_id: 'one-second', person_id: 'zhang-yi', role: 'cast', character: 'Zhang Jiusheng', position: 0 },
          { id: newId(), title_id: 'one-second', person_id: 'zou-jingzhi', role: 'writer', character: null, position: 1 },
          { id: newId(), title_id: 'one-second', person_id: 'zhang-yimou', role: 'writer', character: null, position: 0 },
        ])
        .execute();
      await store.db.insertInto('title_companies').values({ title_id: 'one-second', company_id: 'huanxi', role: 'production' }).execute();

      const title = await store.db.selectFrom('titles').selectAll().where('id', '=', 'one-second').executeTakeFirstOrThrow();
      expect(title).toMatchObject({ original_title: '一秒钟', year: 2020, runtime_minutes: 104, production_status: 'released' });
      expect(parseJson(title.countries)).toEqual(['CN']);
      expect(parseJson(title.languages)).toEqual(['zh']);
      expect(title.created_at).toMatch(ISO_TIMESTAMP);

      const cast = await store.db
        .selectFrom('credits')
        .innerJoin('people', 'people.id', 'credits.person_id')
        .select(['people.name', 'credits.character'])
        .where('credits.title_id', '=', 'one-second')
        .where('credits.role', '=', 'cast')
        .orderBy('credits.position')
        .execute();
      expect(cast).toEqual([
        { name: 'Zhang Yi', character: 'Zhang Jiusheng' },
        { name: 'Liu Haocun', character: 'Liu Girl' },
      ]);
      const byPerson = await store.db.selectFrom('credits').select('role').where('person_id', '=', 'zhang-yimou').orderBy('role').execute();
      expect(byPerson.map((r) => r.role)).toEqual(['director', 'writer']);
    });

    it('a contract with rights blocks: dates stay YYYY-MM-DD, null end is perpetuity, money is exact', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      const contractId = await seedContract(store.db);
      await store.db
        .updateTable('contracts')
        .set({ signed_on: '2021-07-19', mg_amount: minorUnits(1_234_567_890_123n), mg_currency: 'USD' })
        .where('id', '=', contractId)
        .execute();
      await store.db
        .insertInto('rights_blocks')
        .values([
          rightsBlock(contractId),
          rightsBlock(contractId, {
            territories: 'Canada (French)',
            territory_codes: toJson(['CA']),
            media: 'SVOD',
            media_ids: toJson(['svod']),
            languages: toJson(['fr-CA', 'en']),
            start_date: '2022-01-01',
            end_date: '2036-12-31',
            exclusive: flag(false),
          }),
        ])
        .execute();

      const contract = await store.db.selectFrom('contracts').selectAll().where('ref', '=', 'NEON-ONE-SECOND-NA').executeTakeFirstOrThrow();
      expect(contract.mg_amount).toBe(1_234_567_890_123);
      expect(typeof contract.mg_amount).toBe('number');
      expect(contract.signed_on).toBe('2021-07-19');
      expect(contract.announced_on).toBe('2021-07-20');
      expect(contract.version).toBe(1);
      expect(contract.deleted_at).toBeNull();

      const blocks = await store.db
        .selectFrom('rights_blocks')
        .selectAll()
        .where('contract_id', '=', contractId)
        .orderBy('start_date')
        .execute();
      expect(blocks).toHaveLength(2);
      const [na, ca] = blocks;
      expect(na.start_date).toBe('2021-09-18');
      expect(na.end_date).toBeNull();
      expect(isSet(na.exclusive)).toBe(true);
      expect(na.languages).toBeNull();
      expect(parseJson(na.territory_codes)).toEqual(NORTH_AMERICA);
      expect(parseJson(na.media_ids)).toEqual(['theatrical', 'svod', 'pay-tv']);
      expect(ca).toMatchObject({ start_date: '2022-01-01', end_date: '2036-12-31', exclusive: 0, territories: 'Canada (French)' });
      expect(parseJson(ca.languages)).toEqual(['fr-CA', 'en']);

      // Dates compare as text in SQL on both databases (ISO order = calendar order).
      const activeOn = await store.db
        .selectFrom('rights_blocks')
        .select('id')
        .where('start_date', '<=', '2030-06-01')
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', '2030-06-01')]))
        .execute();
      expect(activeOn).toHaveLength(2);

      // Aggregates of money come back as exact numbers too (PostgreSQL: sum(bigint) is numeric).
      const total = await store.db
        .selectFrom('contracts')
        .select((eb) => eb.fn.sum<number>('mg_amount').as('total'))
        .executeTakeFirstOrThrow();
      expect(total.total).toBe(1_234_567_890_123);
    });

    it('the largest safe amount of minor units survives exactly', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      await store.db
        .insertInto('box_office')
        .values({
          id: 'one-second-cn',
          title_id: 'one-second',
          territory: 'CN',
          amount: Number.MAX_SAFE_INTEGER,
          currency: 'CNY',
          as_of: '2021-07-20',
          is_cumulative: 1,
        })
        .execute();
      const row = await store.db.selectFrom('box_office').selectAll().executeTakeFirstOrThrow();
      expect(row.amount).toBe(Number.MAX_SAFE_INTEGER);
      expect(row.as_of).toBe('2021-07-20');
      expect(() => minorUnits(2n ** 53n)).toThrow(RangeError);
    });

    it('JSON columns round-trip (settings, festival aliases, audit before/after)', async () => {
      const store = await open();
      await store.db
        .insertInto('settings')
        .values({ key: 'we_company_id', value: toJson('neon') })
        .execute();
      await store.db
        .insertInto('festivals')
        .values({
          id: 'berlinale',
          name: 'Berlin International Film Festival',
          short_name: 'Berlinale',
          aliases: toJson(['Berlin', 'Internationale Filmfestspiele Berlin', 'Berlinale — “EFM”']),
          kind: 'festival',
          country: 'DE',
          city: 'Berlin',
        })
        .execute();
      const before = { status: 'negotiating', mg: { amount: 1_000_000_00, currency: 'USD' }, notes: null, tags: ['a', 'ü', '一'] };
      const after = { ...before, status: 'signed' };
      await store.db
        .insertInto('audit_log')
        .values({
          user_id: 'u1',
          action: 'update',
          entity: 'contracts',
          entity_id: 'c1',
          before: toJson(before),
          after: toJson(after),
          reason: 'countersigned',
        })
        .execute();

      const setting = await store.db.selectFrom('settings').select('value').where('key', '=', 'we_company_id').executeTakeFirstOrThrow();
      expect(parseJson(setting.value)).toBe('neon');
      const festival = await store.db.selectFrom('festivals').select('aliases').executeTakeFirstOrThrow();
      expect(parseJson(festival.aliases)).toContain('Berlinale — “EFM”');
      const entry = await store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
      expect(parseJson(entry.before)).toEqual(before);
      expect(parseJson(entry.after)).toEqual(after);
      expect(entry.at).toMatch(ISO_TIMESTAMP);
    });

    it('the audit log numbers its entries in order', async () => {
      const store = await open();
      for (const action of ['create', 'update', 'delete']) {
        await store.db.insertInto('audit_log').values({ action, entity: 'titles', entity_id: 't' }).execute();
      }
      const ids = (await store.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
      expect(ids).toHaveLength(3);
      expect(ids.every((id) => typeof id === 'number')).toBe(true);
      expect(ids[0]).toBeLessThan(ids[1]);
      expect(ids[1]).toBeLessThan(ids[2]);
    });
  });

  describe('constraints', () => {
    it('refuse a rights block for an unknown contract', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      const error = await rejection(store.db.insertInto('rights_blocks').values(rightsBlock('no-such-contract')).execute());
      expect(isForeignKeyViolation(error)).toBe(true);
      expect(await store.db.selectFrom('rights_blocks').select('id').execute()).toEqual([]);
    });

    it('refuse a rights block for a title that is not on its contract', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      const contractId = await seedContract(store.db);
      await store.db.insertInto('titles').values({ id: 'titane', original_title: 'Titane' }).execute();
      const error = await rejection(
        store.db
          .insertInto('rights_blocks')
          .values({ ...rightsBlock(contractId), title_id: 'titane' })
          .execute(),
      );
      expect(isForeignKeyViolation(error)).toBe(true);
    });

    it('refuse a second contract with the same ref', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      await seedContract(store.db, 'NEON-ONE-SECOND-NA');
      const error = await rejection(seedContract(store.db, 'NEON-ONE-SECOND-NA'));
      expect(isUniqueViolation(error)).toBe(true);
      expect(isForeignKeyViolation(error)).toBe(false);
    });

    it('refuse words outside a vocabulary, flags other than 0/1, malformed dates and reversed terms', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      const contractId = await seedContract(store.db);
      const badStatus = await rejection(
        store.db
          .updateTable('contracts')
          .set({ status: 'sold' as never })
          .where('id', '=', contractId)
          .execute(),
      );
      expect(isCheckViolation(badStatus)).toBe(true);
      const badFlag = await rejection(
        store.db
          .insertInto('rights_blocks')
          .values(rightsBlock(contractId, { exclusive: 2 }))
          .execute(),
      );
      expect(isCheckViolation(badFlag)).toBe(true);
      const badDate = await rejection(
        store.db
          .insertInto('rights_blocks')
          .values(rightsBlock(contractId, { start_date: '18/09/2021' }))
          .execute(),
      );
      expect(isCheckViolation(badDate)).toBe(true);
      const reversed = await rejection(
        store.db
          .insertInto('rights_blocks')
          .values(rightsBlock(contractId, { start_date: '2030-01-01', end_date: '2029-12-31' }))
          .execute(),
      );
      expect(isCheckViolation(reversed)).toBe(true);
    });

    it('refuse deleting a title that a contract names', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      await seedContract(store.db);
      const error = await rejection(store.db.deleteFrom('titles').where('id', '=', 'one-second').execute());
      expect(isForeignKeyViolation(error)).toBe(true);
    });
  });

  describe('transactions', () => {
    it('a failed transaction leaves nothing written', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      await expect(
        store.transaction(async (trx) => {
          const contractId = await seedContract(trx, 'ROLLED-BACK');
          await trx.insertInto('rights_blocks').values(rightsBlock(contractId)).execute();
          throw new Error('conflict found after writing');
        }),
      ).rejects.toThrow('conflict found after writing');

      // The same when the database itself refuses a later statement.
      const error = await rejection(
        store.transaction(async (trx) => {
          const contractId = await seedContract(trx, 'ALSO-ROLLED-BACK');
          await trx.insertInto('rights_blocks').values(rightsBlock(contractId)).execute();
          await trx.insertInto('rights_blocks').values(rightsBlock('no-such-contract')).execute();
        }),
      );
      expect(isForeignKeyViolation(error)).toBe(true);

      expect(await store.db.selectFrom('contracts').select('id').execute()).toEqual([]);
      expect(await store.db.selectFrom('contract_titles').select('contract_id').execute()).toEqual([]);
      expect(await store.db.selectFrom('rights_blocks').select('id').execute()).toEqual([]);

      // And the store is still usable afterwards.
      const committed = await store.transaction(async (trx) => seedContract(trx, 'COMMITTED'));
      expect(await store.db.selectFrom('contracts').select('id').execute()).toEqual([{ id: committed }]);
    });

    it('lockTitles refuses to run outside a transaction', async () => {
      const store = await open();
      await expect(store.lockTitles(store.db, ['one-second'])).rejects.toThrow(/transaction/);
    });

    it('50 concurrent check-then-insert transactions on one title: exactly one inserts', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.transaction(async (trx) => {
            await store.lockTitles(trx, ['one-second']);
            const { n } = await trx
              .selectFrom('title_aliases')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('title_id', '=', 'one-second')
              .executeTakeFirstOrThrow();
            await sleep(5); // widen the window between the check and the write
            if (Number(n) > 0) return 'saw-existing';
            await trx
              .insertInto('title_aliases')
              .values({ id: newId(), title_id: 'one-second', alias: `winner ${i}`, language: null, kind: null })
              .execute();
            return 'inserted';
          }),
        ),
      );
      expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
      const rows = await store.db.selectFrom('title_aliases').select('id').execute();
      expect(rows).toHaveLength(1);
    });

    it('locks taken in any order never deadlock and never lose an update', async () => {
      const store = await open();
      await seedOneSecond(store.db);
      await store.db.insertInto('titles').values({ id: 'petite-maman', original_title: 'Petite Maman' }).execute();
      const contractId = await seedContract(store.db);
      const n = 30;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          store.transaction(async (trx) => {
            await store.lockTitles(trx, i % 2 === 0 ? ['one-second', 'petite-maman'] : ['petite-maman', 'one-second', 'one-second']);
            const { version } = await trx.selectFrom('contracts').select('version').where('id', '=', contractId).executeTakeFirstOrThrow();
            await sleep(i % 3);
            await trx
              .updateTable('contracts')
              .set({ version: version + 1 })
              .where('id', '=', contractId)
              .execute();
          }),
        ),
      );
      const { version } = await store.db.selectFrom('contracts').select('version').where('id', '=', contractId).executeTakeFirstOrThrow();
      expect(version).toBe(1 + n);
    });

    if (database.name === 'sqlite')
      it('SQLite: the transactions of one store run one after another, never interleaved', async () => {
        const store = await open();
        const events: string[] = [];
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.transaction(async (trx) => {
              events.push(`begin ${i}`);
              await sleep(1);
              await trx.selectFrom('titles').select('id').execute();
              await sleep(1);
              events.push(`end ${i}`);
            }),
          ),
        );
        for (let k = 0; k < events.length; k += 2) {
          expect(events[k + 1]).toBe(events[k].replace('begin', 'end'));
        }
      });
  });
});

describe('SQLite: every transaction holds the write lock from its first statement (BEGIN IMMEDIATE)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('another connection cannot start writing while a read-only transaction is open', async () => {
    dir = mkdtempSync(join(tmpdir(), 'filmrights-lock-'));
    const file = join(dir, 'filmrights.db');
    const store = await openDatabase({ file });
    const other = new BetterSqlite3(file);
    other.pragma('busy_timeout = 0');
    try {
      let otherCouldWrite: boolean | undefined;
      await store.transaction(async (trx) => {
        await trx.selectFrom('titles').select('id').execute();
        try {
          other.exec('begin immediate');
          other.exec('rollback');
          otherCouldWrite = true;
        } catch (error) {
          otherCouldWrite = (error as { code?: string }).code !== 'SQLITE_BUSY';
        }
      });
      expect(otherCouldWrite).toBe(false);
      // Once the store's transaction has ended, the other connection can write.
      other.exec('begin immediate');
      other.exec('rollback');
    } finally {
      other.close();
      await store.close();
    }
  });
});

describe('openDatabase', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, FILMRIGHTS_DB: process.env.FILMRIGHTS_DB };
  let dir: string | undefined;
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('opens SQLite at FILMRIGHTS_DB, creating the folder, in WAL mode with foreign keys on', async () => {
    delete process.env.DATABASE_URL;
    dir = mkdtempSync(join(tmpdir(), 'filmrights-open-'));
    process.env.FILMRIGHTS_DB = join(dir, 'nested', 'deeper', 'catalog.db');
    const store: Store = await openDatabase();
    try {
      expect(store.dialect).toBe('sqlite');
      const pragma = async (name: string) =>
        Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0] ?? {})[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('synchronous')).toBe(1); // NORMAL
      expect(Number(await pragma('busy_timeout'))).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('opens an in-memory SQLite database', async () => {
    const store = await openDatabase({ file: ':memory:' });
    await store.db.insertInto('people').values({ id: 'p', name: 'Eva Diederix' }).execute();
    expect(await store.db.selectFrom('people').select('name').execute()).toEqual([{ name: 'Eva Diederix' }]);
    await store.close();
    await store.close(); // closing twice is harmless
  });

  it('refuses a DATABASE_URL that is not postgres://, naming the variable and hiding the password', async () => {
    process.env.DATABASE_URL = 'mysql://root:secret@localhost/filmrights';
    const error = await rejection(openDatabase());
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as StoreConfigError).field).toBe('DATABASE_URL');
    expect((error as StoreConfigError).message).not.toContain('secret');
    expect(String((error as StoreConfigError).value)).not.toContain('secret');
  });

  it('lists both databases in the harness', () => {
    expect(databases.map((d) => d.name)).toEqual(['sqlite', 'postgres']);
  });
});
