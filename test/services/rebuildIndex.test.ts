/**
 * Building the index from the store reads the titles' rights a batch of titles at a time (issue
 * 18: all the rows of a million titles at once do not fit in memory) and reads the contracts'
 * parties per title when first needed (a million titles have more contracts than a Map holds).
 * A catalog of more titles than one batch is built whole, and agrees with the catalog indexed in
 * memory and with the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilmRights } from '../../src/services/app.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { freeTitles, makeSqliteStore, syntheticIndex } from '../../bench/syntheticStore.js';

const dir = mkdtempSync(join(tmpdir(), 'filmrights-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// more than one batch of the build (5,000 titles)
const TITLES = 5_120;

describe('rebuildIndex on a catalog larger than one batch', () => {
  it('indexes every title once, as the catalog indexed in memory, and reads parties when first needed', { timeout: 120_000 }, async () => {
    const file = join(dir, 'store.db');
    await makeSqliteStore(file, TITLES, { part: 2_560 });
    const app = await FilmRights.open({ file });
    try {
      expect(app.lastIndexBuild?.from).toBe('store');
      const reference = syntheticIndex(TITLES, 2_560);
      expect(app.index.titleCount).toBe(TITLES);
      expect(app.index.blockCount).toBe(reference.blockCount);
      expect(freeTitles(app.index)).toEqual(freeTitles(reference));
      expect((await checkIntegrity(app)).indexMismatches).toEqual([]);

      // the last title in order of id is in the last batch; its sale's parties are read when asked for
      const last = [...app.index.titles()].sort().pop()!;
      const ref = app.index.blocksOf(last).find((b) => b.kind === 'out')!.contract;
      expect(app.contractParties(ref)).toBeUndefined();
      await app.ensureTitleNames([last]);
      expect(app.contractParties(ref)).toMatchObject({ licensor: 'Bench Sales' });
      expect(app.titleName(last)).toMatch(/^Synthetic Title \d+$/);
    } finally {
      await app.close();
    }
  });
});
