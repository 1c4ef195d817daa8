/**
 * Market mode in the JSON interchange format, on SQLite and PostgreSQL: a market (line-up,
 * screenings with invited buyers and our people, meetings, follow-up tasks) and offers (a counter,
 * an accepted offer whose hold expires, a declined one) exported, imported into an empty database
 * and exported again, the same; refusals naming their place with nothing written; the offers'
 * money left out for, and refused from, users without the financial-terms permission.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/services/app.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { exportJson, ImportError, importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { createTask, updateTask } from '../../src/services/marketDays/followUps.js';
import { createMarket, setLineup } from '../../src/services/marketDays/market.js';
import { saveMeeting, saveScreening } from '../../src/services/marketDays/schedule.js';
import { changeOfferStatus, counterOffer, createOffer, getOffer } from '../../src/services/offers/index.js';
import { createUser } from '../../src/services/users.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';
import { loadMarketFixture, type MarketFixture } from '../support/marketDays.js';

const PASSWORD = 'market-mode-json-password';
const copy = (d: InterchangeDocument) => JSON.parse(JSON.stringify(d)) as InterchangeDocument;

/** The users of an install, made the same in every database (tasks and our people name them). */
async function users(t: TestApp): Promise<{ ann: Actor; eve: Actor }> {
  const ann = await createUser(t.app, { username: 'ann', password: PASSWORD, role: 'editor', canSeeFinancials: true });
  const eve = await createUser(t.app, { username: 'eve', password: PASSWORD, role: 'editor', canSeeFinancials: false });
  return {
    ann: { id: ann.id, username: 'ann', role: 'editor', canSeeFinancials: true },
    eve: { id: eve.id, username: 'eve', role: 'editor', canSeeFinancials: false },
  };
}

describeEachDatabase('market mode in the JSON interchange format', (_open, database) => {
  const opened: TestApp[] = [];
  const open = async () => {
    const t = await openApp(database);
    opened.push(t);
    return t;
  };
  let first: TestApp;
  let f: MarketFixture;
  let ann: Actor;
  let eve: Actor;
  let exported: InterchangeDocument;

  beforeAll(async () => {
    first = await open();
    ({ ann, eve } = await users(first));
    const a = first.app;
    f = await loadMarketFixture(a, ann);
    // our rights in The Salt Road, so that an accepted offer can place a hold
    await importJson(a, ann, {
      we: 'Harbour Sales',
      companies: [
        { name: 'Harbour Sales', kind: 'sales-agent', country: 'FR' },
        { name: 'Salt Road Films', kind: 'production', country: 'IL' },
      ],
      contracts: [
        {
          ref: 'SALT-MANDATE',
          licensor: 'Salt Road Films',
          licensee: 'Harbour Sales',
          status: 'signed',
          titles: ['The Salt Road'],
          blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2040-12-31' }],
        },
      ],
    });
    const market = await createMarket(a, ann, {
      editionId: f.edition,
      name: 'Marché du Film',
      timeZone: 'Europe/Paris',
      start: '2026-05-12',
      end: '2026-05-20',
    });
    await setLineup(a, ann, market.id, {
      entries: [
        { titleId: f.titles.ferry, status: 'pre-sale', logline: 'Two strangers, one last crossing.' },
        { titleId: f.titles.salt, status: 'completed' },
      ],
    });
    await saveScreening(a, ann, market.id, {
      titleId: f.titles.salt,
      start: '2026-05-15T11:00',
      durationMinutes: 95,
      venue: 'Palais H',
      invited: [{ companyId: f.buyers.kestrel }, { companyId: f.buyers.northlight, attended: true }],
      people: [`user:${eve.id}`, `person:${f.chloe}`],
    });
    const m1 = await saveMeeting(a, ann, market.id, {
      buyerId: f.buyers.northlight,
      start: '2026-05-15T10:00',
      end: '2026-05-15T10:30',
      place: 'Riviera stand 12',
      people: [`user:${ann.id}`, `person:${f.chloe}`],
      titles: [f.titles.salt, f.titles.ferry],
      notes: 'Keen on the US; wants a screener',
      nextStep: 'Send the screener',
    });
    await saveMeeting(a, ann, market.id, { buyerId: f.buyers.kestrel, start: '2026-05-16T09:00', end: '2026-05-16T09:30' });
    await createTask(a, ann, market.id, {
      dueOn: '2026-05-28',
      ownerId: eve.id,
      text: 'Send Northlight the screener',
      meetingId: m1.id,
      buyerId: f.buyers.northlight,
    });
    const done = await createTask(a, ann, market.id, { dueOn: '2026-05-22', ownerId: ann.id, text: 'Book the Kestrel screening room' });
    await updateTask(a, ann, market.id, done.id, { done: true });
    const terms = { territories: 'United Kingdom', media: 'Theatrical, SVOD', start: '2027-01-01', end: '2034-12-31', exclusive: true };
    const uk = await createOffer(a, ann, {
      buyerId: f.buyers.kestrel,
      editionId: f.edition,
      titleIds: [f.titles.salt],
      ...terms,
      mg: { amount: '120000.00', currency: 'EUR' },
      paymentSchedule: [
        { label: 'On signature', percent: '25', due: 'on signature' },
        { label: 'On delivery', percent: '75', due: 'on delivery' },
      ],
      conditions: 'Subject to a UK theatrical release of at least 20 screens',
      note: 'first offer at the Kestrel meeting',
    });
    await counterOffer(a, ann, uk.id, {
      version: 1,
      titleIds: [f.titles.salt],
      ...terms,
      durationMonths: 120,
      end: undefined,
      mg: { amount: '150000.00', currency: 'EUR' },
      holdbacks: [{ territories: 'United Kingdom', media: 'SVOD', end: '2027-12-31', description: 'no SVOD in the first year' }],
      note: 'our counter: ten years',
    });
    await changeOfferStatus(a, ann, uk.id, { status: 'accepted', holdExpiresOn: '2031-06-15' });
    const us = await createOffer(a, eve, {
      buyerId: f.buyers.northlight,
      titleIds: [f.titles.ferry, f.titles.salt],
      territories: 'United States',
      media: 'All Media',
      languages: ['en'],
      start: '2027-01-01',
      end: null,
    });
    await changeOfferStatus(a, eve, us.id, { status: 'declined', note: 'too low' });
    exported = await exportJson(a, ann);
  });
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it('exports the market and the offers, named as people name them', () => {
    expect(exported.markets).toHaveLength(1);
    const m = exported.markets![0];
    expect(m).toMatchObject({
      edition: 'Festival de Cannes 2026',
      name: 'Marché du Film',
      timeZone: 'Europe/Paris',
      start: '2026-05-12',
      end: '2026-05-20',
      lineup: [
        { title: 'Night Ferry', status: 'pre-sale', logline: 'Two strangers, one last crossing.' },
        { title: 'The Salt Road', status: 'completed' },
      ],
      screenings: [
        {
          title: 'The Salt Road',
          startsAt: '2026-05-15T09:00:00Z',
          endsAt: '2026-05-15T10:35:00Z',
          venue: 'Palais H',
          buyers: [{ company: 'Kestrel Films' }, { company: 'Northlight Pictures', attended: true }],
          people: [{ user: 'eve' }, { person: 'Chloé Martin' }],
        },
      ],
    });
    expect(m.meetings!.map((x) => [x.buyer, x.startsAt, x.nextStep ?? null, x.titles ?? [], x.people ?? []])).toEqual([
      [
        'Northlight Pictures',
        '2026-05-15T08:00:00Z',
        'Send the screener',
        ['Night Ferry', 'The Salt Road'],
        [{ user: 'ann' }, { person: 'Chloé Martin' }],
      ],
      ['Kestrel Films', '2026-05-16T07:00:00Z', null, [], []],
    ]);
    expect(m.tasks).toEqual([
      { dueOn: '2026-05-22', owner: 'ann', text: 'Book the Kestrel screening room', done: true },
      { dueOn: '2026-05-28', owner: 'eve', text: 'Send Northlight the screener', meeting: 0, buyer: 'Northlight Pictures' },
    ]);
    const [uk, us] = [...exported.offers!].sort((x, y) => x.buyer.localeCompare(y.buyer));
    expect(uk).toMatchObject({
      buyer: 'Kestrel Films',
      edition: 'Festival de Cannes 2026',
      status: 'accepted',
      holdExpiresOn: '2031-06-15',
    });
    expect(uk.contract).toBe(uk.ref); // the hold the acceptance placed, by ref
    expect(exported.contracts!.find((k) => k.ref === uk.ref)).toMatchObject({ status: 'negotiating', licensee: 'Kestrel Films' });
    expect(uk.versions.map((v) => [v.end ?? null, v.durationMonths ?? null, v.mg, v.note])).toEqual([
      ['2034-12-31', null, { amount: '120000.00', currency: 'EUR' }, 'first offer at the Kestrel meeting'],
      [null, 120, { amount: '150000.00', currency: 'EUR' }, 'our counter: ten years'],
    ]);
    expect(uk.versions[1].paymentSchedule).toEqual(uk.versions[0].paymentSchedule);
    expect(uk.events.map((e) => [e.from ?? null, e.to, e.version, e.by])).toEqual([
      [null, 'new', 1, 'ann'],
      ['new', 'in-negotiation', 2, 'ann'],
      ['in-negotiation', 'accepted', 2, 'ann'],
    ]);
    expect(us).toMatchObject({ buyer: 'Northlight Pictures', status: 'declined', createdBy: 'eve' });
    expect(us.versions[0]).toMatchObject({ titles: ['Night Ferry', 'The Salt Road'], languages: ['en'] });
    expect(us.versions[0].end).toBeUndefined(); // in perpetuity
    expect(JSON.stringify(exported.markets) + JSON.stringify(exported.offers)).not.toMatch(/"id"|_id/);
  });

  it('round-trips: export, import into an empty database, export again gives the same document, and the hold still holds', async () => {
    const second = await open();
    const u = await users(second);
    const summary = await importJson(second.app, u.ann, copy(exported));
    expect(summary).toMatchObject({ markets: 1, offers: 2 });
    expect(await exportJson(second.app, u.ann)).toEqual(exported);
    // the imported offer is a live offer: its hold, its versions and its diff
    const id = (await second.app.store.db.selectFrom('offers').select('id').where('status', '=', 'accepted').executeTakeFirstOrThrow()).id;
    const view = await getOffer(second.app, u.ann, id);
    expect(view).toMatchObject({ status: 'accepted', holdExpiresOn: '2031-06-15', current: { version: 2 } });
    expect(view.versions).toHaveLength(2);
  });

  it("leaves the offers' money out for a user without the financial-terms permission, and refuses it from one (403 naming the field)", async () => {
    const seen = await exportJson(first.app, eve);
    expect(seen.offers).toHaveLength(2);
    expect(JSON.stringify(seen.offers)).not.toMatch(/"mg"|paymentSchedule|120000|150000/);
    const empty = await open();
    const u = await users(empty);
    const before = await snapshot(empty.app);
    const err = await importJson(empty.app, u.eve, copy({ ...seen, offers: exported.offers })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).field).toMatch(/^offers\[\d\]\.versions\[0\]\.(mg|paymentSchedule)$/);
    expect((err as Error).message).toMatch(/eve does not have the financial-terms permission/);
    expect(await snapshot(empty.app)).toEqual(before);
    // without the money, the same user imports the rest
    const summary = await importJson(empty.app, u.eve, copy(seen));
    expect(summary).toMatchObject({ markets: 1, offers: 2 });
  });

  it('refuses a document whose market mode is wrong, naming each place, and writes nothing', async () => {
    const bad = copy(exported);
    const m = bad.markets![0];
    m.timeZone = 'Europe/Cannes';
    m.lineup![1].status = 'finished';
    m.screenings![0].buyers![0].company = 'Kestrel Filmz';
    m.meetings![1].startsAt = '2026-06-30T09:00:00Z';
    m.tasks![1].owner = 'ghost';
    const o = bad.offers![0];
    o.versions[o.versions.length - 1].territories = 'Atlantis';
    o.versions[0].titles = ['The Salt Rod'];
    o.events[0].to = 'accepted';
    const empty = await open();
    const u = await users(empty);
    const before = await snapshot(empty.app);
    const err = await importJson(empty.app, u.ann, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const messages = (err as ImportError).issues.map((i) => i.message);
    const last = o.versions.length - 1;
    for (const want of [
      /^markets\[0\]\.timeZone: "Europe\/Cannes" is not an IANA time zone/,
      /^markets\[0\]\.lineup\[1\]\.status: /,
      /^markets\[0\]\.screenings\[0\]\.buyers\[0\]\.company: .*Kestrel Filmz/,
      /^markets\[0\]\.tasks\[1\]\.owner: no user "ghost"/,
      new RegExp(`^offers\\[0\\]\\.versions\\[${last}\\]\\.territories: .*"Atlantis"`),
      /^offers\[0\]\.versions\[0\]\.titles\[0\]: .*The Salt Rod/,
      /^offers\[0\]\.events\[1\]\.from: the offer was accepted before this event/,
    ])
      expect(
        messages.some((x) => want.test(x)),
        `${String(want)} in\n${messages.join('\n')}`,
      ).toBe(true);
    expect(await snapshot(empty.app)).toEqual(before);
  });

  it('refuses a market on a day outside its dates (once the zone is right), and a second market for an edition', async () => {
    const bad = copy(exported);
    bad.markets![0].meetings![1].startsAt = '2026-06-30T09:00:00Z';
    bad.markets![0].meetings![1].endsAt = '2026-06-30T09:30:00Z';
    const again = await open();
    const u = await users(again);
    const err = await importJson(again.app, u.ann, bad).catch((e: unknown) => e);
    expect((err as ImportError).issues.map((i) => i.message)).toContain(
      'markets[0].meetings[1].startsAt: 2026-06-30 is outside the market (2026-05-12 to 2026-05-20, Europe/Paris)',
    );
    const twice = await importJson(first.app, ann, { markets: exported.markets }).catch((e: unknown) => e);
    expect((twice as ImportError).issues.map((i) => i.message)).toContain('markets[0].edition: this edition has a market already');
  });
});
