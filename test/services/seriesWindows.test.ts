import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { openApp } from '../support/apps.js';
import { SYSTEM, type FilmRights } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { createRelease, deleteRelease } from '../../src/services/market.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';

/**
 * A series with two seasons, licensed in worldwide; Season 1 sold for pay TV in Germany "from 6
 * months after the German theatrical release" (a block on the season). The release is recorded
 * on the series, then on the season: the nearest title with a release wins (docs/series.md).
 */
async function seed(app: FilmRights) {
  const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Northlight', kind: 'distributor' })).company.id;
  const producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Fjord Pictures', kind: 'production' })).company.id;
  const buyer = (await findOrCreateCompany(app, SYSTEM, { name: 'Himmel TV', kind: 'broadcaster' })).company.id;
  await setWeCompany(app, SYSTEM, us);
  const series = (await createTitle(app, SYSTEM, { originalTitle: 'Harbour Watch', kind: 'series' })).id;
  const season = async (n: number) =>
    (await createTitle(app, SYSTEM, { originalTitle: `Harbour Watch Season ${n}`, kind: 'season', parentId: series, number: n })).id;
  const s1 = await season(1);
  const s2 = await season(2);
  const episode = async (parentId: string, n: number) =>
    (await createTitle(app, SYSTEM, { originalTitle: `Watch ${n} of ${parentId}`, kind: 'episode', parentId, number: n })).id;
  const e11 = await episode(s1, 1);
  const e12 = await episode(s1, 2);
  const e21 = await episode(s2, 1);
  await saveContract(app, SYSTEM, {
    ref: 'IN-HW',
    status: 'signed',
    licensorId: producer,
    licenseeId: us,
    titleIds: [series],
    blocks: [{ titleId: series, territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2035-12-31', exclusive: true }],
  });
  await saveContract(app, SYSTEM, {
    ref: 'HIMMEL-S1',
    status: 'signed',
    licensorId: us,
    licenseeId: buyer,
    titleIds: [s1],
    blocks: [
      {
        titleId: s1,
        territories: 'Germany',
        media: 'Pay TV',
        startCondition: { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' },
        end: '2031-12-31',
        exclusive: true,
      },
    ],
  });
  return { series, s1, s2, e11, e12, e21 };
}

/** Each episode's answer for pay TV in Germany over 2027-2028: status, first day, reason codes. */
async function answer(app: FilmRights, titleIds: string[]): Promise<string[]> {
  const a = await askAvails(app, SYSTEM, {
    titles: titleIds,
    territories: 'Germany',
    media: 'Pay TV',
    start: '2027-01-01',
    end: '2028-12-31',
    match: 'overlap-part',
    include: 'all',
  });
  return a.rows.map((r) => `${r.status} ${r.start}..${r.end} ${r.reasons.map((x) => x.code).join(',')}`).sort();
}

describeEachDatabase('a season window that follows a release recorded on the season or its series', (_open, database) => {
  it('depends until a release is recorded, then resolves from the series, then from the season itself (the nearest wins)', async () => {
    const t = await openApp(database);
    try {
      const { app } = t;
      const ids = await seed(app);
      // nothing recorded: the sale of season 1 depends on the German theatrical release
      for (const e of [ids.e11, ids.e12]) expect((await answer(app, [e])).join(' | ')).toContain('depends');
      expect(await answer(app, [ids.e21])).toEqual(['available 2027-01-01..2028-12-31 ']);

      // the release recorded on the series dates the season's window (its episodes re-resolved in the same write)
      const seq = async () =>
        Number(
          (
            await app.store.db
              .selectFrom('rights_changes')
              .select((eb) => eb.fn.max('seq').as('s'))
              .executeTakeFirst()
          )?.s ?? 0,
        );
      const before = await seq();
      await createRelease(app, SYSTEM, { titleId: ids.series, territory: 'DE', date: '2027-03-10', kind: 'theatrical' });
      // the change feed entry of that write names every title under the series, for the other servers' indexes
      const fed = await app.store.db.selectFrom('rights_changes').select('title_id').where('seq', '>', before).execute();
      expect(new Set(fed.map((r) => r.title_id))).toEqual(new Set(Object.values(ids)));
      const fromSeries = await answer(app, [ids.e11]);
      expect(fromSeries.join(' | ')).not.toContain('depends');
      expect(fromSeries[0]).toMatch(/^available 2027-01-01\.\.2027-09-09 /);
      expect(fromSeries[1]).toMatch(/^unavailable 2027-09-10\.\.2028-12-31 /);
      expect(await answer(app, [ids.e12])).toEqual(fromSeries);
      expect(await answer(app, [ids.e21])).toEqual(['available 2027-01-01..2028-12-31 ']);

      // a release recorded on the season itself is nearer: it wins over the series'
      const own = await createRelease(app, SYSTEM, { titleId: ids.s1, territory: 'DE', date: '2027-01-15', kind: 'theatrical' });
      const fromSeason = await answer(app, [ids.e11]);
      expect(fromSeason[0]).toMatch(/^available 2027-01-01\.\.2027-07-14 /);
      expect(fromSeason[1]).toMatch(/^unavailable 2027-07-15\.\.2028-12-31 /);

      // deleting it falls back to the series' release
      await deleteRelease(app, SYSTEM, own.id);
      expect(await answer(app, [ids.e11])).toEqual(fromSeries);

      // a fresh index built from the store says the same as the incremental one
      await app.rebuildIndex();
      expect(await answer(app, [ids.e11])).toEqual(fromSeries);
    } finally {
      await t.close();
    }
  });
});
