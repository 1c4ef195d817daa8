import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, type TestApp } from '../support/apps.js';
import { DomainError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/services/app.js';
import { saveContract } from '../../src/services/contracts.js';
import { addCredit, createTitle, deleteTitle, getTitle, listTitles, updateTitle } from '../../src/services/catalog.js';
import { loadDemo } from '../../src/services/demo.js';
import { ForbiddenError, NotFoundError } from '../../src/services/errors.js';
import {
  createAward,
  createEdition,
  createFestival,
  createSelection,
  getEdition,
  listFestivals,
  withdrawSelection,
} from '../../src/services/festivals.js';
import { createBoxOffice, createRelease, home } from '../../src/services/market.js';
import { findOrCreateCompany, findOrCreatePerson, getCompany, getPerson, listCompanies, listPeople } from '../../src/services/people.js';

const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };
const VIEWER: Actor = { id: 'vic', username: 'vic', role: 'viewer', canSeeFinancials: false };

describeEachDatabase('catalog services', (_open, database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openApp(database);
    const summary = await loadDemo(t.app);
    expect(summary?.titles).toBe(16);
  });
  afterAll(() => t?.close());

  it('loads the demo once: a second load does nothing', async () => {
    expect(await loadDemo(t.app)).toBeNull();
    expect((await listTitles(t.app, { pageSize: 100 })).total).toBe(16);
  });

  it('search forgives typos, accents and case, over original and English titles and aliases', async () => {
    const names = async (q: string) => (await listTitles(t.app, { q })).items.map((i) => i.englishTitle ?? i.originalTitle);
    expect((await names('titanne'))[0]).toBe('Titane');
    expect((await names('one secnd'))[0]).toBe('One Second');
    expect((await names('ONE SECOND'))[0]).toBe('One Second');
    expect((await names('petit maman'))[0]).toBe('Petite Maman');
    expect((await names('一秒钟'))[0]).toBe('One Second');
    expect((await names('yi miao zhong'))[0]).toBe('One Second');
    expect((await names('verdens verste'))[0]).toBe('The Worst Person in the World');
    expect(await names('zzzz qqqq')).toEqual([]);
    const page = await listTitles(t.app, { q: 'one secnd' });
    expect(page.items[0].directors).toEqual(['Zhang Yimou']);
  });

  it('lists titles with filters, sorting and pages', async () => {
    const tiff = await listTitles(t.app, { festival: 'TIFF' });
    expect(tiff.items.map((i) => i.englishTitle ?? i.originalTitle)).toEqual(['One Second', 'Petite Maman']);
    expect((await listTitles(t.app, { festival: 'Berlinale' })).items.map((i) => i.id)).toEqual(['one-second']);
    expect((await listTitles(t.app, { country: 'France' })).items.map((i) => i.originalTitle)).toEqual(['Petite Maman', 'Titane']);
    expect((await listTitles(t.app, { status: 'wrapped' })).items.map((i) => i.originalTitle)).toEqual(['Under the Light']);
    const byYear = await listTitles(t.app, { sort: 'year', page: 1, pageSize: 3 });
    expect(byYear.total).toBe(16);
    expect(byYear.items).toHaveLength(3);
    expect(byYear.items[0].year).toBe(2021);
    const last = await listTitles(t.app, { sort: 'year', page: 6, pageSize: 3 });
    expect(last.items).toHaveLength(1);
    await expect(listTitles(t.app, { status: 'relesed' })).rejects.toThrow(/status: "relesed" is not one of .*Did you mean: released/);
    await expect(listTitles(t.app, { festival: 'Berlinnale' })).rejects.toThrow(
      /festival: unknown festival "Berlinnale". Did you mean: Berlinale/,
    );
  });

  it('shows the One Second title page: credits, festivals, withdrawal, gross, contracts, sources', async () => {
    const page = await getTitle(t.app, EDITOR, 'one-second');
    expect(page.originalTitle).toBe('一秒钟');
    expect(page.englishTitle).toBe('One Second');
    expect(page.sourceMaterial).toBe('novel');
    const credits = page.credits.map((c) => `${c.role}: ${c.person.name}`);
    expect(credits).toEqual([
      'director: Zhang Yimou',
      'writer: Zhang Yimou',
      'writer: Zou Jingzhi',
      'cast: Wei Fan',
      'cast: Xiaochuan Li',
      'producer: William Kong',
      'producer: Ping Dong',
      'producer: Liwei Pang',
      'producer: Shaokun Xian',
    ]);
    expect(page.companies.map((c) => `${c.role}: ${c.company.name}`)).toEqual([
      'production: Huanxi Media Group',
      'sales-agent: Wild Bunch',
      'distributor: Neon',
    ]);

    const tiff = page.selections.find((s) => s.festival.shortName === 'TIFF')!;
    expect(tiff.edition).toMatchObject({ number: 46, year: 2021 });
    expect(tiff.slot).toBe('closing-night');
    expect(tiff.section?.name).toBe('Special Presentations');
    const berlin = page.selections.find((s) => s.festival.shortName === 'Berlinale')!;
    expect(berlin.edition).toMatchObject({ number: 69, year: 2019 });
    expect(berlin.withdrawn).toBe(true);
    expect(berlin.withdrawalReason).toBe('technical reasons');
    expect(berlin.section?.name).toBe('Competition');

    expect(page.releases).toHaveLength(1);
    expect(page.releases[0]).toMatchObject({
      territory: 'CN',
      territoryName: 'China',
      date: '2020-11-01',
      precision: 'month',
      dateLabel: 'November 2020',
      kind: 'theatrical',
    });
    expect(page.boxOffice).toHaveLength(1);
    expect(page.boxOffice[0]).toMatchObject({
      territory: 'CN',
      gross: { amount: '12000000.00', currency: 'USD' },
      cumulative: true,
      asOf: '2021-07-20',
    });

    expect(page.contracts.map((c) => c.ref)).toEqual(['HUANXI-WB-ONE-SECOND-WW', 'WB-NEON-ONE-SECOND-NA']);
    const [mandate, neon] = page.contracts;
    expect(mandate).toMatchObject({
      direction: 'in',
      status: 'signed',
      licensor: { name: 'Huanxi Media Group' },
      licensee: { name: 'Wild Bunch' },
      territories: ['Worldwide excl. China'],
    });
    expect(neon).toMatchObject({
      direction: 'out',
      status: 'signed',
      licensor: { name: 'Wild Bunch' },
      licensee: { name: 'Neon' },
      territories: ['North America'],
    });
    expect(neon.blocks[0]).toMatchObject({ mediaLabel: 'All Media', start: '2021-09-18', end: '2036-09-17', exclusive: true });
    // the demo's worked example of the accounts gives the licence its MG (docs/money.md)
    expect(neon).toHaveProperty('mg', { amount: '1500000.00', currency: 'USD' });
    expect(page.marketPicture.find((m) => m.ref === 'WB-NEON-ONE-SECOND-NA')?.holder?.name).toBe('Neon');

    // Every fact on the page carries its source and the span that states it.
    const director = page.credits[0].sources[0];
    expect(director.source).toMatchObject({ outlet: 'trade press', publishedOn: '2021-07-20', file: 'seed-article.txt' });
    expect(director.quote).toContain('Zhang Yimou');
    expect(tiff.sources.map((s) => s.quote)).toContain('It’s scheduled as TIFF’s closing night film.');
    expect(berlin.sources[0].quote).toContain('technical reasons');
    expect(page.boxOffice[0].sources[0].quote).toBe('where it grossed $12 million at the box office');
    expect(page.sources.length).toBeGreaterThanOrEqual(20);
    const text = (await t.app.store.db.selectFrom('sources').select('text').executeTakeFirstOrThrow()).text!;
    for (const s of page.sources) expect(text.slice(s.spanStart!, s.spanEnd!)).toBe(s.quote);
  });

  it('hides deal terms (MGs) from users without the financial-terms permission, and shows grosses to everyone', async () => {
    const { saveContract } = await import('../../src/services/contracts.js');
    const { contract } = await saveContract(t.app, EDITOR, {
      ref: 'WB-TEST-MG',
      status: 'signed',
      licensorId: 'wild-bunch',
      licenseeId: 'neon',
      titleIds: ['one-second'],
      blocks: [{ territories: 'Japan', media: 'Theatrical', start: '2022-01-01', end: '2029-12-31' }],
      mg: { amount: '250000', currency: 'EUR' },
    });
    const withTerms = (await getTitle(t.app, EDITOR, 'one-second')).contracts.find((c) => c.ref === 'WB-TEST-MG');
    expect(withTerms?.mg).toEqual({ amount: '250000.00', currency: 'EUR' });
    const page = await getTitle(t.app, VIEWER, 'one-second');
    expect(page.contracts.find((c) => c.ref === 'WB-TEST-MG')).not.toHaveProperty('mg');
    const { getContract } = await import('../../src/services/contracts.js');
    expect(await getContract(t.app, VIEWER, contract.id)).not.toHaveProperty('mg');
    expect(page.boxOffice[0].gross).toEqual({ amount: '12000000.00', currency: 'USD' });
    // leave the shared fixture as the other tests expect it
    for (const table of ['rights_blocks', 'contract_titles'] as const)
      await t.app.store.db.deleteFrom(table).where('contract_id', '=', contract.id).execute();
    await t.app.store.db.deleteFrom('contracts').where('id', '=', contract.id).execute();
    await t.app.refreshTitles(['one-second']);
  });

  it('shows ties and awards', async () => {
    const memoria = await getTitle(t.app, EDITOR, 'memoria');
    expect(memoria.awards).toHaveLength(1);
    expect(memoria.awards[0]).toMatchObject({
      name: 'Jury Prize',
      tied: true,
      festival: { shortName: 'Cannes' },
      edition: { year: 2021, number: 74 },
    });
    expect(memoria.awards[0].tieGroup).toBeTruthy();
    const titane = await getTitle(t.app, EDITOR, 'titane');
    expect(titane.awards[0]).toMatchObject({ name: "Palme d'Or", tied: false });
    const parasite = await getTitle(t.app, EDITOR, 'parasite');
    expect(parasite.awards[0]).toMatchObject({ name: 'Best Picture', festival: { name: 'Academy Awards' } });
    expect(parasite.contracts[0]).toMatchObject({ ref: 'NEON-PARASITE-US-CA', direction: 'third-party', territories: ['North America'] });
  });

  it('finds people and companies forgivingly, and shows what they did', async () => {
    const again = await findOrCreatePerson(t.app, EDITOR, { name: 'Celine Sciamma' });
    expect(again.created).toBe(false);
    expect(again.person.name).toBe('Céline Sciamma');
    expect((await listPeople(t.app, { q: 'celine sciama' })).items[0].name).toBe('Céline Sciamma');
    expect((await listPeople(t.app, { q: 'Larrain' })).items[0].name).toBe('Pablo Larraín');

    const zhang = await getPerson(t.app, EDITOR, 'zhang-yimou');
    expect(
      zhang.credits
        .filter((c) => c.role === 'director')
        .map((c) => c.title.name)
        .sort(),
    ).toEqual(['Cliff Walkers', 'Hero', 'Impasse', 'One Second', 'Raise the Red Lantern', 'Under the Light']);
    const jeff = await getPerson(t.app, EDITOR, 'jeff-deutchman');
    expect(jeff.deals).toEqual([
      expect.objectContaining({
        contract: expect.objectContaining({ ref: 'WB-NEON-ONE-SECOND-NA' }),
        side: 'licensee',
        company: { id: 'neon', name: 'Neon' },
        titles: [{ id: 'one-second', name: 'One Second' }],
      }),
    ]);

    expect((await listCompanies(t.app, { q: 'wild bunsh' })).items[0].name).toBe('Wild Bunch');
    const neonAgain = await findOrCreateCompany(t.app, EDITOR, { name: 'NEON', kind: 'distributor' });
    expect(neonAgain).toMatchObject({ created: false, company: { id: 'neon' } });
    const neon = await getCompany(t.app, EDITOR, 'neon');
    expect(neon.contracts.map((c) => c.ref)).toEqual([
      'NEON-A-CHIARA',
      'NEON-PARASITE-US-CA',
      'NEON-WORST-PERSON',
      'WB-NEON-ONE-SECOND-NA',
    ]);
    expect(neon.contracts.find((c) => c.ref === 'WB-NEON-ONE-SECOND-NA')).toMatchObject({
      role: 'licensee',
      counterparty: { name: 'Wild Bunch' },
    });
    expect(neon.people).toEqual([{ person: { id: 'jeff-deutchman', name: 'Jeff Deutchman' }, contracts: ['WB-NEON-ONE-SECOND-NA'] }]);
    expect(neon.titles.map((x) => x.title.name)).toContain('Spencer');
  });

  it('shows an edition lineup by section with the sales agent and what is sold and free', async () => {
    const tiff = (await listFestivals(t.app, { q: 'toronto' }))[0];
    const lineup = await getEdition(t.app, EDITOR, tiff.editions[0].id);
    expect(lineup.festival.shortName).toBe('TIFF');
    const special = lineup.sections.find((s) => s.name === 'Special Presentations')!;
    expect(special.selections[0]).toMatchObject({
      title: { name: 'One Second' },
      slot: 'closing-night',
      salesAgent: { name: 'Wild Bunch' },
      soldLabel: 'North America',
      freeLabel: 'Worldwide excl. North America and China',
    });
    const cannes = (await listFestivals(t.app, { q: 'cannes' }))[0];
    const cannesLineup = await getEdition(t.app, EDITOR, cannes.editions[0].id);
    expect(cannesLineup.awards.map((a) => `${a.name}: ${a.title.name}${a.tied ? ' (tied)' : ''}`)).toEqual([
      'Jury Prize: Memoria (tied)',
      "Palme d'Or: Titane",
    ]);
  });

  it('shows the home page: holds, expiring rights, recent deals, facts to review', async () => {
    const h = await home(t.app, EDITOR, { today: '2036-07-01' });
    expect(h.holds).toEqual([]);
    expect(h.expiring).toEqual([
      expect.objectContaining({
        contract: expect.objectContaining({ ref: 'WB-NEON-ONE-SECOND-NA' }),
        territoryLabel: 'North America',
        end: '2036-09-17',
        daysLeft: 78,
      }),
    ]);
    expect(h.recentlySigned.map((c) => c.ref)).toContain('WB-NEON-ONE-SECOND-NA');
    expect(h.factsToReview).toBe(57);
    expect(h.reviewQueue.length).toBe(20);
    expect((await home(t.app, EDITOR, { today: '2030-01-01' })).expiring).toEqual([]);

    // A deal in negotiation is a hold, with its age.
    await saveContract(t.app, EDITOR, {
      ref: 'WB-ALAMODE-DE',
      status: 'negotiating',
      licensorId: 'wild-bunch',
      licenseeId: 'neon',
      titleIds: ['one-second'],
      blocks: [{ territories: 'Germany', media: 'SVOD', start: '2023-01-01', end: '2025-12-31' }],
    });
    const created = (
      await t.app.store.db.selectFrom('contracts').select('created_at').where('ref', '=', 'WB-ALAMODE-DE').executeTakeFirstOrThrow()
    ).created_at.slice(0, 10);
    const later = new Date(Date.parse(`${created}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const withHold = await home(t.app, EDITOR, { today: later });
    expect(withHold.holds).toEqual([
      expect.objectContaining({
        contract: expect.objectContaining({ ref: 'WB-ALAMODE-DE', direction: 'out', status: 'negotiating' }),
        ageDays: 3,
      }),
    ]);
    // the line-up answers for one day (today by default), as the title page's map does
    const before = await getEdition(t.app, EDITOR, 'tiff-2021-46', { today: '2022-06-01' });
    expect(before.availability).toEqual({ asOf: '2022-06-01', media: 'All Media', exclusive: true });
    expect(before.sections[0].selections[0].heldLabel).toBeNull(); // the hold starts in 2023
    const during = (await getEdition(t.app, EDITOR, 'tiff-2021-46', { today: '2024-06-01' })).sections[0].selections[0];
    expect(during.heldLabel).toBe('Germany');
    expect(during.freeLabel).toBe('Worldwide excl. North America, China and Germany');
  });

  it('creates, changes and deletes titles, each write one transaction with its audit entry', async () => {
    const before = await t.app.store.db.selectFrom('audit_log').select('id').execute();
    const created = await createTitle(t.app, EDITOR, {
      originalTitle: 'Drive My Car',
      englishTitle: 'Drive My Car',
      year: 2021,
      countries: ['Japan'],
      productionStatus: 'released',
      aliases: ['Doraibu mai kā'],
    });
    expect(created).toMatchObject({ id: 'drive-my-car', countries: ['JP'], englishTitle: null });
    await addCredit(t.app, EDITOR, { titleId: created.id, name: 'Ryusuke Hamaguchi', role: 'director' });
    const updated = await updateTitle(t.app, EDITOR, created.id, {
      runtimeMinutes: 179,
      synopsis: 'A widowed actor and director stages Uncle Vanya.',
    });
    expect(updated).toMatchObject({ runtimeMinutes: 179, year: 2021, aliases: [expect.objectContaining({ alias: 'Doraibu mai kā' })] });
    expect(updated.credits[0].person.name).toBe('Ryusuke Hamaguchi');
    expect((await listTitles(t.app, { q: 'doraibu' })).items[0].id).toBe('drive-my-car');

    await expect(createTitle(t.app, EDITOR, { originalTitle: 'X', countries: ['Japn'] })).rejects.toThrow(
      /countries\[0\]: unknown country "Japn". Did you mean: Japan/,
    );
    await expect(createTitle(t.app, EDITOR, { originalTitle: ' ' })).rejects.toThrow(DomainError);
    await expect(updateTitle(t.app, EDITOR, created.id, { productionStatus: 'finished' as never })).rejects.toThrow(/productionStatus/);
    await expect(createTitle(t.app, VIEWER, { originalTitle: 'Nope' })).rejects.toThrow(ForbiddenError);

    await deleteTitle(t.app, EDITOR, created.id);
    await expect(getTitle(t.app, EDITOR, created.id)).rejects.toThrow(NotFoundError);
    await expect(deleteTitle(t.app, EDITOR, 'one-second')).rejects.toThrow(
      /id: "One Second" cannot be deleted: \d+ contracts, .*refer to it \(contracts HUANXI-WB-ONE-SECOND-WW, (.*, )?WB-NEON-ONE-SECOND-NA\)/,
    );

    const entries = await t.app.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where(
        'id',
        'not in',
        before.map((b) => b.id),
      )
      .orderBy('id')
      .execute();
    expect(entries.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'create titles',
      'create people',
      'create credits',
      'update titles',
      'delete titles',
    ]);
    expect(entries.every((e) => e.user_id === 'eva')).toBe(true);
  });

  it('records festivals, selections, withdrawals, tied awards, releases and box office', async () => {
    const title = await createTitle(t.app, EDITOR, { originalTitle: 'Ahed’s Knee', year: 2021 });
    const cannes = await createFestival(t.app, EDITOR, { name: 'Festival de Cannes' });
    expect(cannes.shortName).toBe('Cannes'); // found by its alias, not created again
    const edition = await createEdition(t.app, EDITOR, { festivalId: cannes.id, number: 74, year: 2021 });
    expect(edition.id).toBe(cannes.editions[0].id);
    const sel = await createSelection(t.app, EDITOR, {
      editionId: edition.id,
      titleId: title.id,
      section: 'competition',
      premiereStatus: 'world',
    });
    await createAward(t.app, EDITOR, { editionId: edition.id, name: 'Jury Prize', titleId: title.id, tied: true });
    const memoria = await getTitle(t.app, EDITOR, 'memoria');
    expect(memoria.awards[0].tiedWith).toEqual([{ id: title.id, name: 'Ahed’s Knee' }]);
    const lineup = await getEdition(t.app, EDITOR, edition.id);
    expect(lineup.sections.find((s) => s.name === 'Competition')!.selections.map((s) => s.title.name)).toEqual([
      'Ahed’s Knee',
      'Memoria',
      'Titane',
    ]);

    await withdrawSelection(t.app, EDITOR, sel.id, 'scheduling');
    const page = await getTitle(t.app, EDITOR, title.id);
    expect(page.selections[0]).toMatchObject({ withdrawn: true, withdrawalReason: 'scheduling', section: { name: 'Competition' } });

    const release = await createRelease(t.app, EDITOR, { titleId: title.id, territory: 'Israel', date: '2021-09' });
    expect(release).toMatchObject({ territory: 'IL', precision: 'month', dateLabel: 'September 2021' });
    await expect(createRelease(t.app, EDITOR, { titleId: title.id, territory: 'IL', date: '2021-13' })).rejects.toThrow(/date: "2021-13"/);
    const gross = await createBoxOffice(t.app, EDITOR, { titleId: title.id, territory: 'France', amount: '1,234,567.89', currency: 'eur' });
    expect(gross.gross).toEqual({ amount: '1234567.89', currency: 'EUR' });
    await expect(createBoxOffice(t.app, EDITOR, { titleId: title.id, amount: '12', currency: 'EUX' })).rejects.toThrow(
      /currency: "EUX" is not an ISO 4217 currency code/,
    );
  });
});
