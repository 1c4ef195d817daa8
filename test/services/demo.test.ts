/**
 * The demo a new install shows (data/demo.json, loaded by `npm start`), on SQLite and PostgreSQL:
 * besides the seed article's record, every new screen has something in it. The Neon licence has
 * its accounts (the worked example: 0 due for 2021-Q4, USD 210,000 due for 2022-Q1), the
 * Marché du Film 2021 has a line-up, a screening and meetings, two buyers have contacts, and two
 * offers (one countered) wait for an answer. Dates are 2021's, consistent with the record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/app.js';
import { listBuyers, getBuyer } from '../../src/services/buyers/index.js';
import { getArticle, listArticles } from '../../src/services/articles.js';
import { loadDemo } from '../../src/services/demo.js';
import { followUps } from '../../src/services/marketDays/followUps.js';
import { getMarket, listMarkets } from '../../src/services/marketDays/market.js';
import { getSchedule } from '../../src/services/marketDays/schedule.js';
import { computeStatement } from '../../src/services/money/statements.js';
import { diffVersions, getOffer, listOffers } from '../../src/services/offers/index.js';
import { openApp, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('the demo', (_open, database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openApp(database);
    const summary = await loadDemo(t.app);
    expect(summary).toMatchObject({ titles: 16, contracts: 5, buyers: 2, markets: 1, offers: 2 });
  });
  afterAll(() => t?.close());

  it('lists the seed article in Articles, its facts recognised as on record and waiting for review', async () => {
    const list = await listArticles(t.app);
    expect(list.items).toHaveLength(1);
    const item = list.items[0];
    expect(item).toMatchObject({ outlet: 'trade press', publishedOn: '2021-07-20' });
    expect(item.title).toMatch(/^Neon takes North American rights/);
    expect(item.counts.pending).toBeGreaterThanOrEqual(10);
    const article = await getArticle(t.app, SYSTEM, item.id);
    expect(article.facts.every((f) => f.known)).toBe(true);
    expect(article.facts.find((f) => f.type === 'deal')).toMatchObject({
      status: 'pending',
      fields: { buyer: 'Neon', title: 'One Second' },
    });
    // loading the demo again adds nothing
    expect(await loadDemo(t.app)).toBeNull();
    expect((await listArticles(t.app)).items).toHaveLength(1);
  });

  it("has the Neon licence's accounts: the worked example's statements", async () => {
    const q4 = await computeStatement(t.app, SYSTEM, 'WB-NEON-ONE-SECOND-NA', '2021-Q4');
    const q1 = await computeStatement(t.app, SYSTEM, 'WB-NEON-ONE-SECOND-NA', '2022-Q1');
    expect(q4.currency).toBe('USD');
    expect(q4.due).toBe('0.00');
    expect(q1.due).toBe('210000.00');
  });

  it('has a market with a line-up, a screening with invited buyers and meetings, on the days of Cannes 2021', async () => {
    const markets = await listMarkets(t.app);
    expect(markets).toHaveLength(1);
    const m = await getMarket(t.app, SYSTEM, markets[0].id);
    expect(m).toMatchObject({ name: 'Marché du Film', timeZone: 'Europe/Paris', start: '2021-07-06', end: '2021-07-15', year: 2021 });
    expect(m.lineup.map((l) => [l.title.name, l.status])).toEqual([['One Second', 'completed']]);
    const s = await getSchedule(t.app, SYSTEM, m.id);
    expect(s.screenings.map((x) => [x.title.name, x.localStart])).toEqual([['One Second', '2021-07-08T09:30']]);
    expect(s.screenings[0].invited.map((b) => b.company.name).sort()).toEqual(['Harbour Lane Pictures', 'Neon', 'Tsubame Eiga']);
    expect(s.meetings.map((x) => [x.buyer.name, x.localStart])).toEqual([
      ['Neon', '2021-07-06T11:00'],
      ['Harbour Lane Pictures', '2021-07-08T14:00'],
      ['Tsubame Eiga', '2021-07-09T10:00'],
    ]);
    expect(s.conflicts).toEqual([]);
    // the meeting without a next step is a follow-up, and so is each open offer at the market without a task
    const f = await followUps(t.app, SYSTEM, m.id, '2021-07-16T00:00:00Z');
    expect(f.items.filter((i) => i.source === 'meeting').map((i) => i.buyer.name)).toEqual(['Tsubame Eiga']);
    expect(
      f.items
        .filter((i) => i.source === 'offer')
        .map((i) => i.buyer.name)
        .sort(),
    ).toEqual(['Harbour Lane Pictures', 'Tsubame Eiga']);
  });

  it('has two buyers with contacts, and two offers for One Second at that market, one countered', async () => {
    const buyers = await listBuyers(t.app, SYSTEM);
    expect(buyers.items.map((b) => b.name).sort()).toEqual(['Harbour Lane Pictures', 'Tsubame Eiga']);
    for (const b of buyers.items) expect((await getBuyer(t.app, SYSTEM, b.id)).contacts.length).toBeGreaterThan(0);
    const offers = await listOffers(t.app, SYSTEM);
    expect(offers.items.map((o) => [o.buyer.name, o.status]).sort()).toEqual([
      ['Harbour Lane Pictures', 'in-negotiation'],
      ['Tsubame Eiga', 'new'],
    ]);
    const countered = offers.items.find((o) => o.status === 'in-negotiation')!;
    const view = await getOffer(t.app, SYSTEM, countered.id);
    expect(view.versions).toHaveLength(2);
    const diff = await diffVersions(t.app, SYSTEM, countered.id, 1, 2);
    expect(diff.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['durationMonths', 'mg']));
  });
});
