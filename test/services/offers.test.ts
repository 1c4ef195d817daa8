import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { SYSTEM, type FilmRights } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle } from '../../src/services/catalog.js';
import { getContract, saveContract } from '../../src/services/contracts.js';
import { changeOfferStatus, checkOfferTerms, createOffer, getOffer, sweepExpiredHolds } from '../../src/services/offers/index.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, type TestApp } from '../support/apps.js';

const DAY = 86_400_000;

describeEachDatabase('a hold placed by an accepted offer', (_open, database) => {
  let t: TestApp;
  let app: FilmRights;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openApp(database);
    app = t.app;
    ids.wb = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    ids.prod = (await findOrCreateCompany(app, SYSTEM, { name: 'Producer', kind: 'production' })).company.id;
    ids.buyer = (await findOrCreateCompany(app, SYSTEM, { name: 'Buyer', kind: 'distributor' })).company.id;
    ids.other = (await findOrCreateCompany(app, SYSTEM, { name: 'Other Buyer', kind: 'distributor' })).company.id;
    await setWeCompany(app, SYSTEM, ids.wb);
    ids.film = (await createTitle(app, SYSTEM, { originalTitle: 'Held Film', year: 2024, countries: ['FR'] })).id;
    await saveContract(app, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: ids.prod,
      licenseeId: ids.wb,
      titleIds: [ids.film],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31', exclusive: true }],
    });
    return () => t.close();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const terms = {
    titleIds: [] as string[],
    territories: 'Italy',
    media: 'Free TV',
    start: '2030-01-01',
    end: '2032-12-31',
    exclusive: true,
  };
  const italy = () =>
    askAvails(app, SYSTEM, { titles: [ids.film], territories: 'Italy', media: 'Free TV', start: '2030-01-01', end: '2030-12-31' });

  it('expires on its date and frees the rights: the index and the store stop counting it the next day, the sweep ends it with an audit entry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T10:00:00Z'));
    const offer = await createOffer(app, SYSTEM, { buyerId: ids.buyer, ...terms, titleIds: [ids.film] });
    const accepted = await changeOfferStatus(app, SYSTEM, offer.id, { status: 'accepted', holdExpiresOn: '2026-06-10' });
    expect(accepted.holdExpiresOn).toBe('2026-06-10');
    expect((await italy()).rows[0].status).toBe('on-hold');

    // on its last day the hold still counts
    vi.setSystemTime(new Date('2026-06-10T23:59:00Z'));
    expect((await italy()).rows[0].status).toBe('on-hold');
    expect((await sweepExpiredHolds(app)).expired).toEqual([]);

    // the next day: free, in the index (the avails question) and in the store (the live check another offer makes)
    vi.setSystemTime(new Date(Date.parse('2026-06-10T00:00:00Z') + DAY + 1000));
    expect((await italy()).rows[0].status).toBe('available');
    const check = await checkOfferTerms(app, SYSTEM, { ...terms, titleIds: [ids.film] });
    expect(check.counts['on-hold']).toBe(0);
    expect(check.clear).toBe(true);

    // the sweep gives the contract and the offer their final status, recorded
    expect((await sweepExpiredHolds(app)).expired).toEqual([accepted.contract!.ref]);
    const contract = await getContract(app, SYSTEM, accepted.contract!.id);
    expect(contract.status).toBe('expired');
    const after = await getOffer(app, SYSTEM, offer.id);
    expect(after.status).toBe('expired');
    expect(after.events.at(-1)).toMatchObject({ from: 'accepted', to: 'expired', by: 'hold-expiry' });
    const audit = await app.store.db.selectFrom('audit_log').select(['action', 'entity']).where('action', '=', 'hold-expired').execute();
    expect(audit.map((a) => a.entity).sort()).toEqual(['contracts', 'offers']);
    // a second sweep has nothing left to do
    expect((await sweepExpiredHolds(app)).expired).toEqual([]);

    // the freed rights can be held by another buyer
    const second = await createOffer(app, SYSTEM, { buyerId: ids.other, ...terms, titleIds: [ids.film] });
    expect((await changeOfferStatus(app, SYSTEM, second.id, { status: 'accepted' })).status).toBe('accepted');
  });

  it('carries the offer into the contract: its rights, holdbacks and MG, and signing keeps the link', async () => {
    const offer = await createOffer(app, SYSTEM, {
      buyerId: ids.buyer,
      ...terms,
      territories: 'Japan',
      media: 'Theatrical',
      titleIds: [ids.film],
      mg: { amount: '90000.00', currency: 'USD' },
      holdbacks: [{ territories: 'Japan', media: 'SVOD', end: '2030-06-30', description: 'no SVOD before the theatrical window ends' }],
    });
    const held = await changeOfferStatus(app, SYSTEM, offer.id, { status: 'accepted' });
    const signed = await changeOfferStatus(app, SYSTEM, offer.id, { status: 'signed', signedOn: '2026-06-02' });
    expect(signed.contract).toEqual({ id: held.contract!.id, ref: offer.ref, status: 'signed' });
    const contract = await getContract(app, SYSTEM, held.contract!.id);
    expect(contract).toMatchObject({ status: 'signed', signedOn: '2026-06-02', mg: { amount: '90000.00', currency: 'USD' } });
    expect(contract.licensee?.id).toBe(ids.buyer);
    expect(contract.blocks).toMatchObject([
      { territories: 'Japan', media: 'Theatrical', start: '2030-01-01', end: '2032-12-31', exclusive: true },
    ]);
    expect(contract.holdbacks).toMatchObject([{ territories: 'Japan', media: 'SVOD', end: '2030-06-30' }]);
  });

  it('is released when the offer is withdrawn', async () => {
    const offer = await createOffer(app, SYSTEM, { buyerId: ids.buyer, ...terms, territories: 'Spain', titleIds: [ids.film] });
    const held = await changeOfferStatus(app, SYSTEM, offer.id, { status: 'accepted' });
    const spain = () =>
      askAvails(app, SYSTEM, { titles: [ids.film], territories: 'Spain', media: 'Free TV', start: '2030-01-01', end: '2030-12-31' });
    expect((await spain()).rows[0].status).toBe('on-hold');
    await changeOfferStatus(app, SYSTEM, offer.id, { status: 'withdrawn', note: 'the buyer walked away' });
    expect((await getContract(app, SYSTEM, held.contract!.id)).status).toBe('rejected');
    expect((await spain()).rows[0].status).toBe('available');
  });
});
