import { afterAll, beforeAll, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { describeEachDatabase } from '../support/databases.js';

/** Waits until `check` holds, polling; fails after `ms` (a bound, not a measured speed). */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Far longer than any test: the timer's poll never fires, so only a wake-up or catchUp() can apply a change. */
const NEVER = 3_600_000;

describeEachDatabase('the rights change feed between two servers', (_open, database) => {
  let a: FilmRights;
  let b: FilmRights;
  let drop: () => Promise<void>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    a = await FilmRights.open({ ...location.options, follow: true, followIntervalMs: NEVER });
    b = await FilmRights.open({ ...location.options, follow: true, followIntervalMs: NEVER });
    ids.wb = (await findOrCreateCompany(a, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    ids.producer = (await findOrCreateCompany(a, SYSTEM, { name: 'Les Films du Losange', kind: 'production' })).company.id;
    ids.buyer = (await findOrCreateCompany(a, SYSTEM, { name: 'Cinéart', kind: 'distributor' })).company.id;
    await setWeCompany(a, SYSTEM, ids.wb);
    for (const name of ['Autumn Harbour', 'Winter Orchard'])
      ids[name] = (await createTitle(a, SYSTEM, { originalTitle: name, year: 2024 })).id;
    await saveContract(a, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: ids.producer,
      licenseeId: ids.wb,
      titleIds: [ids['Autumn Harbour'], ids['Winter Orchard']],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2024-01-01', end: '2040-12-31', exclusive: true }],
    });
    await a.catchUp();
    await b.catchUp();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  const sell = (app: FilmRights, ref: string, title: string, territories: string) =>
    saveContract(app, SYSTEM, {
      ref,
      status: 'signed',
      licensorId: ids.wb,
      licenseeId: ids.buyer,
      titleIds: [ids[title]],
      blocks: [{ territories, media: 'Theatrical', start: '2025-01-01', end: '2027-12-31', exclusive: true }],
    });
  const knows = (app: FilmRights, title: string, ref: string) => app.index.blocksOf(ids[title]).some((x) => x.contract === ref);

  it('a server does not read its own deal back from the feed, and still reads the other server’s', async () => {
    await sell(a, 'BENELUX-1', 'Autumn Harbour', 'Benelux');
    expect(knows(a, 'Autumn Harbour', 'BENELUX-1')).toBe(true);
    // A refreshed the title after its commit: its feed has nothing left to apply
    expect(await a.catchUp()).toEqual([]);
    await sell(b, 'BENELUX-2', 'Winter Orchard', 'Benelux');
    // on PostgreSQL B's wake-up may have made A poll already; on SQLite only A's poll brings it
    const read = await a.catchUp();
    if (database.name === 'sqlite') expect(read).toEqual([ids['Winter Orchard']]);
    expect(knows(a, 'Winter Orchard', 'BENELUX-2')).toBe(true);
    await b.catchUp();
    expect(knows(b, 'Autumn Harbour', 'BENELUX-1')).toBe(true);
    expect((await a.feedStatus()).lag).toBe(0);
    expect((await b.feedStatus()).lag).toBe(0);
  });

  if (database.name === 'postgres')
    it('a deal written through one server wakes the other up (LISTEN/NOTIFY): it is in its index before any poll is due', async () => {
      await sell(b, 'FRANCE-1', 'Autumn Harbour', 'France');
      await eventually(() => knows(a, 'Autumn Harbour', 'FRANCE-1'));
      expect((await a.feedStatus()).lag).toBe(0);
    });
  else
    it('on SQLite there is no wake-up: the other server has the deal once it polls', async () => {
      await sell(b, 'FRANCE-1', 'Autumn Harbour', 'France');
      expect(knows(a, 'Autumn Harbour', 'FRANCE-1')).toBe(false);
      expect(await a.catchUp()).toEqual([ids['Autumn Harbour']]);
      expect(knows(a, 'Autumn Harbour', 'FRANCE-1')).toBe(true);
    });
});
