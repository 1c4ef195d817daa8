/**
 * The benchmarks' fast SQLite store maker (bench/syntheticStore.ts, issue 18) writes what the
 * slow path wrote, into the product's schema: the same rows as Kysely's bulk inserts of
 * catalogRows, the same tables and indexes as a freshly migrated database, and an index built
 * from it that agrees with the store and with the catalog indexed in memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FilmRights } from '../../src/services/app.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { openDatabase } from '../../src/store/index.js';
import { differingRows } from '../../bench/makeStore.bench.js';
import { catalogParts, catalogRows, freeTitles, load, makeSqliteStore, sqliteSchema, syntheticIndex } from '../../bench/syntheticStore.js';

const dir = mkdtempSync(join(tmpdir(), 'filmrights-synthetic-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLES = 130;
const PART = 50; // three parts, the last one short

describe('makeSqliteStore', () => {
  const made = join(dir, 'made.db');
  const loaded = join(dir, 'loaded.db');

  it('writes the rows catalogRows + load write, in parts, into the schema openDatabase makes', async () => {
    const report = await makeSqliteStore(made, TITLES, { part: PART, verify: true });
    await load({ file: loaded }, catalogRows([...catalogParts(TITLES, PART)].flat()));
    expect(report.titles).toBe(TITLES);
    const diff = differingRows(made, loaded);
    expect(Object.keys(diff)).toHaveLength(6);
    expect(Object.values(diff).every((n) => n === 0)).toBe(true);

    const a = new BetterSqlite3(made, { readonly: true });
    const b = new BetterSqlite3(loaded, { readonly: true });
    try {
      expect(sqliteSchema(a)).toEqual(sqliteSchema(b));
      expect(sqliteSchema(a).some((o) => o.name === 'rights_blocks_title_idx')).toBe(true);
      expect(a.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(a.prepare('pragma foreign_key_check').all()).toEqual([]);
      const count = (db: BetterSqlite3.Database, t: string) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
      expect(count(a, 'titles')).toBe(TITLES);
      expect(count(a, 'rights_blocks') + count(a, 'holdbacks')).toBe(report.blockRows);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a server built from the store agrees with it and answers as the catalog indexed in memory', async () => {
    const app = await FilmRights.open({ file: made });
    try {
      const report = await checkIntegrity(app);
      expect(report.titles).toBe(TITLES);
      expect(report.indexMismatches).toEqual([]);
      const reference = syntheticIndex(TITLES, PART);
      expect(app.index.blockCount).toBe(reference.blockCount);
      expect(freeTitles(app.index).length).toBeGreaterThan(0);
      expect(freeTitles(app.index)).toEqual(freeTitles(reference));
    } finally {
      await app.close();
    }
  });

  it('refuses a file that exists, leaving it as it was', async () => {
    const file = join(dir, 'there.db');
    writeFileSync(file, 'not a store');
    await expect(makeSqliteStore(file, 10)).rejects.toThrow(/exists/);
    const again = join(dir, 'store-there.db');
    await (await openDatabase({ file: again })).close();
    await expect(makeSqliteStore(again, 10)).rejects.toThrow(/exists/);
  });
});
