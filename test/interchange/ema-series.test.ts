import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { importEma } from '../../src/services/imports.js';

/** MovieLabs' published TV sample, vendored with its licence (test/fixtures/movielabs/README.md). */
const TV = new URL('../fixtures/movielabs/TV_v1.9.xlsx', import.meta.url);

/** The TV sample with the ALID (and ContentID) of its season rows emptied; `keepSeries` false also empties their series name. */
async function withoutSeasonAlids(keepSeries = true): Promise<{ file: Buffer; rows: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(TV) as unknown as ArrayBuffer);
  let rows = 0;
  for (const ws of wb.worksheets) {
    const header = new Map<string, number>();
    ws.eachRow((row, n) => {
      row.eachCell((cell, col) => {
        const v = String(cell.value ?? '').trim();
        if (['ALID', 'ContentID', 'WorkType', 'SeriesTitleInternalAlias', 'SeriesTitleDisplayUnlimited'].includes(v) && !header.has(v))
          header.set(v, col);
      });
      const wt = header.get('WorkType');
      if (!wt || n <= 1 || String(row.getCell(wt).value ?? '').trim() !== 'Season') return;
      for (const h of ['ALID', 'ContentID', ...(keepSeries ? [] : ['SeriesTitleInternalAlias', 'SeriesTitleDisplayUnlimited'])]) {
        const c = header.get(h);
        if (c) row.getCell(c).value = null;
      }
      rows++;
    });
  }
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}

describe('EMA TV avails: season rows without an ALID', () => {
  it('are accepted when the series and season number place them, and the season sits under its series', async () => {
    const { file, rows } = await withoutSeasonAlids();
    expect(rows).toBeGreaterThan(0);
    const app = await FilmRights.open({ file: ':memory:' });
    try {
      const r = await importEma(app, SYSTEM, file, 'TV_v1.9.xlsx', 'ema-xlsx', { commit: true, retailer: 'iTunes' });
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.committed).toBe(true);
      const season = await app.store.db
        .selectFrom('titles')
        .select(['id', 'kind', 'parent_id', 'number'])
        .where('original_title', '=', 'The Detectives: Season 1')
        .executeTakeFirstOrThrow();
      expect(season).toMatchObject({ kind: 'season', parent_id: 'the-detectives', number: 1 });
      const episodes = await app.store.db
        .selectFrom('titles')
        .select('number')
        .where('parent_id', '=', season.id)
        .orderBy('number')
        .execute();
      expect(episodes.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 101]);
      // the season's rights are its own blocks; no made-up ALID was stored as an alias
      expect(await app.store.db.selectFrom('rights_blocks').select('id').where('title_id', '=', season.id).execute()).not.toEqual([]);
      const aliases = await app.store.db.selectFrom('title_aliases').select('alias').where('title_id', '=', season.id).execute();
      expect(aliases.filter((a) => a.alias.startsWith('season:'))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('are refused, naming the row and the ALID column, when nothing places them', async () => {
    const { file } = await withoutSeasonAlids(false);
    const app = await FilmRights.open({ file: ':memory:' });
    try {
      const r = await importEma(app, SYSTEM, file, 'TV_v1.9.xlsx', 'ema-xlsx', { commit: true, retailer: 'iTunes' }).catch(
        (e: unknown) => e,
      );
      const problems = (r as { problems: Array<{ severity: string; message: string; where?: string }> }).problems;
      const errors = problems.filter((p) => p.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((p) => /ALID is required, or the series/.test(p.message))).toBe(true);
      expect(await app.store.db.selectFrom('titles').select('id').execute()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
