/**
 * Articles through the services, on SQLite and PostgreSQL: stored once,
 * resolved against the catalog, accepted through the same services as manual
 * entry (conflict checks included), each fact keeping its source and span;
 * a fact known from another source gains a second one; the market picture.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../src/services/app.js';
import {
  acceptAll,
  acceptFact,
  getArticle,
  ingestArticle,
  listArticles,
  rejectFact,
  type ArticleView,
  type FactView,
} from '../../src/services/articles.js';
import { createTitle, getTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { loadDemo } from '../../src/services/demo.js';
import { ForbiddenError, RightsConflictError } from '../../src/services/errors.js';
import { home } from '../../src/services/market.js';
import { editionAcquisitions, titleMarket } from '../../src/services/marketPicture.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { openApp, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';

const SEED = readFileSync(fileURLToPath(new URL('../../corpus/articles/00-seed-one-second.txt', import.meta.url)), 'utf8');
const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };
const VIEWER: Actor = { id: 'vic', username: 'vic', role: 'viewer', canSeeFinancials: false };

const fact = (a: ArticleView, type: string, pred: (f: FactView) => boolean = () => true) => {
  const f = a.facts.find((x) => x.type === type && pred(x));
  if (!f) throw new Error(`no ${type} fact`);
  return f;
};

describeEachDatabase('articles', (_open, database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs an editor to ingest', async () => {
    await expect(ingestArticle(t.app, VIEWER, { text: SEED })).rejects.toBeInstanceOf(ForbiddenError);
  });

  let article: ArticleView;
  it('stores the seed article once, with its candidate facts and their spans', async () => {
    const first = await ingestArticle(t.app, EDITOR, { text: SEED, outlet: 'Variety' });
    expect(first.duplicate).toBe(false);
    article = first.article;
    expect(article.publishedOn).toBe('2021-07-20');
    expect(article.facts.length).toBe(53);
    // Home counts them as waiting in Articles (issue 12: they were counted nowhere)
    expect((await home(t.app, EDITOR)).articleFactsPending).toBe(53);
    expect(article.counts).toEqual({ pending: 53, accepted: 0, rejected: 0 });
    for (const f of article.facts) expect(article.text.slice(...f.span)).toBe(f.quote);
    // the same article again (re-pasted with other line breaks): the same article, no second copy
    const again = await ingestArticle(t.app, EDITOR, { text: SEED.replace(/\n\n/g, '\n'), outlet: 'Variety' });
    expect(again.duplicate).toBe(true);
    expect(again.article.id).toBe(article.id);
    expect((await listArticles(t.app)).total).toBe(1);
    expect(await t.app.store.db.selectFrom('sources').select('id').execute()).toHaveLength(1);
  });

  it('resolves names forgivingly against the catalog, and shows ambiguity', async () => {
    await findOrCreateCompany(t.app, SYSTEM, { name: 'NEON', kind: 'distributor' });
    await createTitle(t.app, SYSTEM, { originalTitle: 'Hero', year: 2002 });
    await createTitle(t.app, SYSTEM, { originalTitle: 'Hero', year: 1992 });
    const a = await getArticle(t.app, EDITOR, article.id);
    expect(fact(a, 'deal', (f) => f.fields.title === 'One Second').resolution.buyer).toMatchObject({ status: 'known', id: 'neon' });
    expect(fact(a, 'deal', (f) => f.fields.title === 'One Second').resolution.title.status).toBe('new');
    const hero = fact(a, 'credit', (f) => f.fields.title === 'Hero').resolution.title;
    expect(hero.status).toBe('ambiguous');
    expect(hero.candidates.map((c) => c.detail).sort()).toEqual(['1992', '2002']);
  });

  it('will not guess an ambiguous title: the reviewer chooses', async () => {
    const hero = fact(await getArticle(t.app, EDITOR, article.id), 'credit', (f) => f.fields.title === 'Hero');
    await expect(acceptFact(t.app, EDITOR, article.id, hero.id)).rejects.toThrow(/fields\.titleId: "Hero" could be/);
    const hero2002 = hero.resolution.title.candidates.find((c) => c.detail === '2002')!.id;
    const done = await acceptFact(t.app, EDITOR, article.id, hero.id, { fields: { titleId: hero2002 } });
    expect(done.status).toBe('accepted');
    expect(done.written).toMatchObject({ table: 'credits', existed: false });
    const title = await getTitle(t.app, SYSTEM, hero2002);
    expect(title.credits.map((c) => [c.role, c.person.name])).toEqual([['director', 'Zhang Yimou']]);
    expect(title.credits[0].sources[0]).toMatchObject({
      quote:
        'The Academy Award nominated Zhang, one of China’s most recognizable filmmakers, is known for “Raise the Red Lantern” and “Hero.”',
      reviewed: true,
    });
  });

  it('accepts a deal between two other companies as third-party market intelligence, with its negotiators and source', async () => {
    const deal = fact(article, 'deal', (f) => f.fields.title === 'One Second');
    const done = await acceptFact(t.app, EDITOR, article.id, deal.id);
    expect(done.written).toMatchObject({ table: 'contracts', existed: false });
    const c = await t.app.store.db.selectFrom('contracts').selectAll().where('id', '=', done.written!.id).executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      direction: 'third-party',
      status: 'announced',
      announced_on: '2021-07-20',
      licensee_id: 'neon',
      licensor_id: 'wild-bunch',
    });
    const negotiators = await t.app.store.db
      .selectFrom('negotiators')
      .select(['person_id', 'company_id', 'side'])
      .where('contract_id', '=', c.id)
      .orderBy('person_id')
      .execute();
    expect(negotiators).toEqual([
      { person_id: 'eva-diederix', company_id: 'wild-bunch', side: 'licensor' },
      { person_id: 'jeff-deutchman', company_id: 'neon', side: 'licensee' },
    ]);
    const block = await t.app.store.db.selectFrom('rights_blocks').selectAll().where('contract_id', '=', c.id).executeTakeFirstOrThrow();
    expect(block).toMatchObject({
      territories: 'North America',
      media: 'All Media',
      start_date: '2021-07-20',
      end_date: null,
      exclusive: 1,
    });
    expect(c.notes).toMatch(/Term not reported/);
    // accepting again changes nothing
    expect((await acceptFact(t.app, EDITOR, article.id, deal.id)).written).toEqual(done.written);
    expect(await t.app.store.db.selectFrom('contracts').select('id').execute()).toHaveLength(1);
  });

  it('keeps rumours out of contracts and lets a reviewer reject a fact', async () => {
    const other = await ingestArticle(t.app, EDITOR, {
      text: 'A24 is in talks to acquire U.S. rights to “Blue Hour in Palermo,” sources say. Neon has acquired North American rights to “Salt.”',
      outlet: 'IndieWire',
      date: '2022-09-02',
    });
    const rumour = fact(other.article, 'rumour');
    expect(rumour.fields).toMatchObject({ party: 'A24', title: 'Blue Hour in Palermo' });
    expect(other.article.facts.filter((f) => f.type === 'deal').map((f) => f.fields.title)).toEqual(['Salt']);
    const before = await t.app.store.db.selectFrom('contracts').select('id').execute();
    expect((await acceptFact(t.app, EDITOR, other.article.id, rumour.id)).written).toMatchObject({ table: 'article_facts' });
    expect(await t.app.store.db.selectFrom('contracts').select('id').execute()).toEqual(before);
    const salt = fact(other.article, 'deal');
    expect((await rejectFact(t.app, EDITOR, other.article.id, salt.id)).status).toBe('rejected');
    await expect(rejectFact(t.app, EDITOR, other.article.id, rumour.id)).rejects.toThrow(/accepted/);
  });

  it('accepts all: festival facts, box office, credits; only the year-less Oscar waits for a person', async () => {
    const r = await acceptAll(t.app, EDITOR, article.id);
    expect(r.failed.map((f) => [f.type, f.message])).toEqual([
      ['award', 'fields.year: say the year of this ceremony edition (the article does not)'],
    ]);
    const oneSecond = await getTitle(t.app, SYSTEM, 'one-second');
    expect(
      oneSecond.selections.map((s) => [s.festival.name, s.edition.year, s.slot, s.withdrawn, s.withdrawalReason, s.section?.name ?? null]),
    ).toEqual([
      ['Berlin International Film Festival', 2019, null, true, 'technical reasons', 'Competition'],
      ['Toronto International Film Festival', 2021, 'closing-night', false, null, null],
    ]);
    expect(oneSecond.boxOffice.map((b) => [b.territory, b.gross, b.periodStart])).toEqual([
      ['CN', { amount: '12000000.00', currency: 'USD' }, '2020-11-01'],
    ]);
    expect(oneSecond.releases.map((x) => [x.territory, x.dateLabel])).toEqual([['CN', 'November 2020']]);
    expect(oneSecond.sourceMaterial).toBe('novel');
    expect(oneSecond.companies.map((c) => [c.role, c.company.name]).sort()).toEqual([
      ['distributor', 'NEON'],
      ['production', 'Huanxi Media Group'],
      ['sales-agent', 'Wild Bunch'],
    ]);
    expect(oneSecond.marketPicture).toEqual([
      expect.objectContaining({ holder: { id: 'neon', name: 'NEON' }, territoryLabel: 'North America', direction: 'third-party' }),
    ]);
    // the year, given by the reviewer, completes the last one
    const oscar = fact(r.article, 'award', (f) => f.fields.title === 'Parasite');
    expect(
      (await acceptFact(t.app, EDITOR, article.id, oscar.id, { fields: { year: 2020, award: 'Best Picture' } })).written,
    ).toMatchObject({ table: 'awards' });
    const memoria = (await getTitle(t.app, SYSTEM, 'memoria')).awards;
    expect(memoria).toEqual([expect.objectContaining({ name: 'Jury Prize', tied: true })]);
  });

  it('draws the market picture: who holds what where, from which source, and what is unreported', async () => {
    const m = await titleMarket(t.app, EDITOR, 'one-second');
    expect(m.holdings).toHaveLength(1);
    expect(m.holdings[0]).toMatchObject({
      holder: { name: 'NEON' },
      licensor: { name: 'Wild Bunch' },
      territoryLabel: 'North America',
      ours: false,
    });
    expect(m.holdings[0].sources[0]).toMatchObject({ source: { outlet: 'Variety', publishedOn: '2021-07-20' }, reviewed: true });
    expect(m.byCountry.US?.[0].holder?.name).toBe('NEON');
    expect(m.byCountry.FR).toBeUndefined();
    expect(m.unreported.label).toBe('Worldwide excl. North America');
    expect(m.salesAgents.map((s) => s.name)).toEqual(['Wild Bunch']);
    // the deals made out of Cannes are the Cannes edition's acquisitions
    const cannes = await t.app.store.db
      .selectFrom('festival_editions')
      .select('id')
      .where('festival_id', '=', 'cannes')
      .executeTakeFirstOrThrow();
    const acq = await editionAcquisitions(t.app, EDITOR, cannes.id);
    expect(acq.acquisitions.map((a) => [a.title.name, a.buyer?.name, a.territoryLabel, a.date])).toEqual([
      ['A Chiara', 'NEON', null, '2021-07-20'],
      ['The Worst Person in the World', 'NEON', null, '2021-07-20'],
    ]);
  });

  it('gives a fact known from another source a second source instead of a second record', async () => {
    const second = await ingestArticle(t.app, EDITOR, {
      text: 'Neon has acquired North American rights to Zhang Yimou’s “One Second” from Wild Bunch.',
      outlet: 'Deadline',
      date: '2021-07-21',
    });
    const deal = fact(second.article, 'deal');
    expect(deal.known).toMatchObject({ table: 'contracts', sources: 1, fromThisArticle: false });
    const before = await t.app.store.db.selectFrom('contracts').select('id').execute();
    const done = await acceptFact(t.app, EDITOR, second.article.id, deal.id);
    expect(done.written).toMatchObject({ table: 'contracts', existed: true });
    expect(await t.app.store.db.selectFrom('contracts').select('id').execute()).toEqual(before);
    const m = await titleMarket(t.app, EDITOR, 'one-second');
    expect(m.holdings[0].sources.map((s) => s.source.outlet)).toEqual(['Variety', 'Deadline']);
  });
});

describeEachDatabase('articles on the demo install, where we are Wild Bunch', (_open, database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openApp(database);
    await loadDemo(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('recognises the demo’s own seed article: every fact already on record from it', async () => {
    const { article } = await ingestArticle(t.app, EDITOR, { text: SEED, outlet: 'trade press' });
    expect(article.facts.every((f) => f.known)).toBe(true);
    const r = await acceptAll(t.app, EDITOR, article.id);
    expect(r.failed).toEqual([]);
    expect(r.article.facts.every((f) => f.written?.existed)).toBe(true);
  });

  it('checks a reported sale of our rights against the record: 409 unless overridden with a reason', async () => {
    const wb = (await findOrCreateCompany(t.app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    await setWeCompany(t.app, SYSTEM, wb);
    // a second North American buyer for One Second, reported by the press
    const { article } = await ingestArticle(t.app, EDITOR, {
      text: 'Mubi has acquired North American rights to “One Second” from Wild Bunch.',
      outlet: 'Screen Daily',
      date: '2021-08-01',
    });
    const deal = fact(article, 'deal');
    const err = await acceptFact(t.app, EDITOR, article.id, deal.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RightsConflictError);
    expect((err as RightsConflictError).report.clear).toBe(false);
    const done = await acceptFact(t.app, EDITOR, article.id, deal.id, {
      override: { reason: 'the press report is wrong; recording it to correct later' },
    });
    const c = await t.app.store.db.selectFrom('contracts').selectAll().where('id', '=', done.written!.id).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ direction: 'out', override_reason: 'the press report is wrong; recording it to correct later' });
  });

  it('writes a deal as the reviewer edited it: term, exclusivity, media and status; a bad status writes nothing', async () => {
    const { article } = await ingestArticle(t.app, EDITOR, {
      text: 'Brightwell Pictures has acquired Spanish rights to “Edited Harbour.”',
      outlet: 'Variety',
      date: '2022-05-01',
    });
    const deal = fact(article, 'deal');
    const before = (await t.app.store.db.selectFrom('contracts').select('id').execute()).length;
    const bad = await acceptFact(t.app, EDITOR, article.id, deal.id, { fields: { status: 'maybe' } }).catch((e: unknown) => e);
    expect(String((bad as Error).message)).toMatch(/fields\.status/);
    expect(await t.app.store.db.selectFrom('contracts').select('id').execute()).toHaveLength(before);
    const done = await acceptFact(t.app, EDITOR, article.id, deal.id, {
      fields: { start: '2022-09-01', end: '2029-08-31', exclusive: 'false', media: 'SVOD', status: 'signed' },
    });
    const c = await t.app.store.db.selectFrom('contracts').selectAll().where('id', '=', done.written!.id).executeTakeFirstOrThrow();
    expect(c.status).toBe('signed');
    expect(c.notes).not.toMatch(/Term not reported/);
    const block = await t.app.store.db.selectFrom('rights_blocks').selectAll().where('contract_id', '=', c.id).executeTakeFirstOrThrow();
    expect(block).toMatchObject({ territories: 'Spain', media: 'SVOD', start_date: '2022-09-01', end_date: '2029-08-31', exclusive: 0 });
  });

  it('saves manual and press deals alike: a manual contract then its press report', async () => {
    const neon = (await findOrCreateCompany(t.app, SYSTEM, { name: 'Neon', kind: 'distributor' })).company.id;
    const title = await createTitle(t.app, SYSTEM, { originalTitle: 'Quiet Valley' });
    await saveContract(t.app, SYSTEM, {
      ref: 'MANUAL-QV',
      direction: 'third-party',
      status: 'signed',
      licenseeId: neon,
      titleIds: [title.id],
      blocks: [{ territories: 'France', media: 'All Media', start: '2021-01-01', end: null, exclusive: true }],
    });
    const { article } = await ingestArticle(t.app, EDITOR, {
      text: 'Neon has picked up French rights to “Quiet Valley.”',
      outlet: 'Variety',
      date: '2021-03-01',
    });
    const deal = fact(article, 'deal');
    expect(deal.known).toMatchObject({ table: 'contracts', sources: 0 });
    expect((await acceptFact(t.app, EDITOR, article.id, deal.id)).written).toMatchObject({ existed: true });
  });
});
