/**
 * Buyers through the services, on SQLite and PostgreSQL: profiles with contacts (checked, nothing
 * half-written), the list's filters (a Benelux buyer answers "Belgium"; typos; "bought titles like
 * this one", explained), the history with its MGs only for those allowed, screener links (http(s)
 * only, unguessable tokens, opens logged, refused after the last day), and the avails sheet as
 * data, PDF and XLSX: only the buyer's territories, holds without the other buyer's name.
 */
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/services/app.js';
import {
  addContact,
  buyerAvailsSheet,
  createBuyer,
  createScreener,
  deleteBuyer,
  deleteContact,
  getBuyer,
  listBuyers,
  markScreenerSent,
  openScreener,
  updateBuyer,
  updateContact,
} from '../../src/services/buyers/index.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { importJson } from '../../src/services/interchange.js';
import { deleteCompany, findOrCreatePerson } from '../../src/services/people.js';
import { availsSheetPdf, availsSheetXlsx } from '../../src/interchange/buyers/availsSheet.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import { BUYER_CATALOG } from '../support/buyers.js';
import { describeEachDatabase } from '../support/databases.js';

const AGENT: Actor = { id: 'ann', username: 'ann', role: 'editor', canSeeFinancials: true };
const JUNIOR: Actor = { id: 'eve', username: 'eve', role: 'editor', canSeeFinancials: false };
const VIEWER: Actor = { id: 'vic', username: 'vic', role: 'viewer', canSeeFinancials: false };

describeEachDatabase('buyers', (_open, database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openApp(database);
    await importJson(t.app, AGENT, BUYER_CATALOG);
    await createBuyer(t.app, AGENT, {
      companyId: 'cineart',
      kind: 'distributor',
      territories: 'Benelux',
      media: 'Theatrical, Free TV',
      genres: ['Drama', 'drama', 'Martial arts'],
      locale: 'fr-FR',
      contacts: [{ name: 'Marie Dubois', role: 'Head of acquisitions', email: 'marie@cineart.example', phone: '+32 2 555 01 01' }],
    });
    await createBuyer(t.app, AGENT, { companyId: 'neon', kind: 'distributor', territories: 'North America', media: 'All Media' });
  });
  afterAll(() => t?.close());

  it('makes a new company a buyer with its contacts, and reads the profile back', async () => {
    const person = (await findOrCreatePerson(t.app, AGENT, { name: 'Jonas Berg' })).person;
    const b = await createBuyer(t.app, AGENT, {
      company: { name: 'Nordisk Streaming', kind: 'streamer', country: 'Denmark' },
      kind: 'streamer',
      territories: 'Scandinavia',
      media: 'SVOD',
      contacts: [
        { personId: person.id, role: 'Programming' },
        { name: 'Sara Lind', email: 'sara@nordisk.example' },
      ],
    });
    expect(b).toMatchObject({
      name: 'Nordisk Streaming',
      country: 'DK',
      kind: 'streamer',
      mediaLabel: 'SVOD',
      locale: 'en-GB',
      version: 1,
    });
    expect(b.territoryCodes).toEqual(expect.arrayContaining(['DK', 'NO', 'SE']));
    expect(b.contacts.map((c) => [c.name, c.person?.id ?? null, c.role])).toEqual([
      ['Jonas Berg', person.id, 'Programming'],
      ['Sara Lind', null, null],
    ]);
    const cineart = await getBuyer(t.app, AGENT, 'cineart');
    expect(cineart.genres).toEqual(['drama', 'martial arts']);
    expect(cineart.territoryLabel).toBe('Benelux');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await snapshot(t.app, []);
    const base = { company: { name: 'Half Written Films' }, kind: 'distributor' as const, territories: 'France', media: 'Theatrical' };
    await expect(
      createBuyer(t.app, AGENT, { ...base, contacts: [{ name: 'A' }, { name: 'B', email: 'not-an-address' }] }),
    ).rejects.toMatchObject({
      field: 'contacts[1].email',
    });
    await expect(createBuyer(t.app, AGENT, { ...base, territories: 'Benelx' })).rejects.toMatchObject({ field: 'territories' });
    await expect(createBuyer(t.app, AGENT, { ...base, media: 'Cinemaa' })).rejects.toMatchObject({ field: 'media' });
    await expect(createBuyer(t.app, AGENT, { ...base, locale: 'xx-notalocale-really' })).rejects.toMatchObject({ field: 'locale' });
    await expect(createBuyer(t.app, AGENT, { ...base, contacts: [{ role: 'nobody' }] })).rejects.toMatchObject({
      field: 'contacts[0].name',
    });
    await expect(createBuyer(t.app, AGENT, { ...base, companyId: 'neon' })).rejects.toMatchObject({ field: 'companyId' });
    await expect(
      createBuyer(t.app, AGENT, { companyId: 'neon', kind: 'distributor', territories: 'France', media: 'SVOD' }),
    ).rejects.toThrow(/is a buyer already/);
    expect(await snapshot(t.app, [])).toEqual(before);
  });

  it('edits the profile and contacts; viewers and read-only tokens cannot', async () => {
    const b = await updateBuyer(t.app, AGENT, 'neon', {
      media: 'All Media excluding Free TV',
      notes: 'Prefers festival titles',
      version: 1,
    });
    expect(b).toMatchObject({ version: 2, notes: 'Prefers festival titles' });
    await expect(updateBuyer(t.app, AGENT, 'neon', { notes: 'late', version: 1 })).rejects.toThrow(/changed by someone else/);
    const c = await addContact(t.app, AGENT, 'neon', { name: 'Tom Quinn', email: 'tom@neon.example' });
    expect((await updateContact(t.app, AGENT, 'neon', c.id, { phone: '+1 212 555 0100' })).phone).toBe('+1 212 555 0100');
    await expect(updateContact(t.app, AGENT, 'neon', c.id, { email: 'tom at neon' })).rejects.toMatchObject({ field: 'email' });
    await expect(addContact(t.app, VIEWER, 'neon', { name: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateBuyer(t.app, { ...AGENT, readOnly: true }, 'neon', { notes: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteContact(t.app, AGENT, 'neon', c.id);
    expect((await getBuyer(t.app, AGENT, 'neon')).contacts).toEqual([]);
    // a company with a buyer profile is not deleted behind its back
    await expect(deleteCompany(t.app, AGENT, 'cineart')).rejects.toThrow(/buyer profile/);
  });

  it('filters the list by territory (sets that touch), media, kind and forgiving text', async () => {
    const names = async (q: Parameters<typeof listBuyers>[2]) => (await listBuyers(t.app, VIEWER, q)).items.map((i) => i.name);
    expect(await names({ territory: 'Belgium' })).toEqual(['Cineart']);
    expect(await names({ territory: 'Canada' })).toEqual(['Neon']);
    expect(await names({ media: 'SVOD' })).toEqual(expect.arrayContaining(['Neon', 'Nordisk Streaming']));
    expect(await names({ media: 'SVOD' })).not.toContain('Cineart');
    expect(await names({ kind: 'streamer' })).toEqual(['Nordisk Streaming']);
    expect(await names({ q: 'cinart' })).toEqual(['Cineart']);
    expect(await names({ q: 'marie dubios' })).toEqual(['Cineart']); // a contact's name, misspelt
    const page = await listBuyers(t.app, VIEWER, { pageSize: 2 });
    expect([page.total, page.items.length]).toEqual([3, 2]);
    expect((await listBuyers(t.app, VIEWER, { pageSize: 2, page: 2 })).items).toHaveLength(1);
    await expect(listBuyers(t.app, VIEWER, { territory: 'Belgum' })).rejects.toMatchObject({ field: 'territory' });
  });

  it('finds buyers that bought titles like this one, and says why', async () => {
    const like = await listBuyers(t.app, VIEWER, { likeTitle: 'cliff-walkers' });
    // equal scores (the director and the country): by name
    expect(like.items.map((i) => [i.name, i.like?.score])).toEqual([
      ['Cineart', 4],
      ['Neon', 4],
    ]);
    expect(like.items[0].like?.reasons).toEqual(['bought Hero (2002): same director Zhang Yimou, also from China']);
    expect(like.items[1].like?.reasons).toEqual(['bought One Second (2020): same director Zhang Yimou, also from China']);
    expect((await listBuyers(t.app, VIEWER, { likeTitle: 'sea-song' })).items).toEqual([]);
  });

  it('computes the history: MGs only for users with the financial-terms permission', async () => {
    const seen = (await getBuyer(t.app, AGENT, 'neon')).history;
    expect(seen.withUs).toEqual([
      {
        contract: { id: expect.any(String), ref: 'NEON-NA', status: 'signed' },
        titles: [{ id: 'one-second', name: 'One Second' }],
        date: '2021-07-20',
        territoryLabel: 'North America',
        mediaLabel: 'All Media',
        mg: { amount: '1500000.00', currency: 'USD' },
        // entered, not read from a source: nothing waits for review
        notReviewed: false,
      },
    ]);
    const hidden = await getBuyer(t.app, JUNIOR, 'neon');
    expect(hidden.history.withUs[0]).not.toHaveProperty('mg');
    expect(JSON.stringify(hidden)).not.toContain('1500000');
    const cineart = (await getBuyer(t.app, JUNIOR, 'cineart')).history;
    expect(cineart.withUs).toEqual([]);
    expect(cineart.fromOthers).toMatchObject([
      {
        contract: { ref: 'EDKO-CINEART-HERO' },
        titles: [{ name: 'Hero' }],
        date: '2003-02-10',
        seller: { name: 'Edko' },
        territoryLabel: 'Benelux',
      },
    ]);
  });

  it('sends screener links: http(s) only, unguessable tokens, opens logged, refused after the last day', async () => {
    const input = { titleId: 'cliff-walkers', url: 'https://video.example/watch/abc?k=1', expiresOn: '2030-01-31' };
    for (const url of ['ftp://video.example/x', 'javascript:alert(1)', 'video.example/x', 'https://user:pw@video.example/x'])
      await expect(createScreener(t.app, AGENT, 'cineart', { ...input, url })).rejects.toMatchObject({ field: 'url' });
    await expect(createScreener(t.app, VIEWER, 'cineart', input)).rejects.toBeInstanceOf(ForbiddenError);
    const s = await createScreener(t.app, AGENT, 'cineart', input);
    const other = await createScreener(t.app, AGENT, 'cineart', { ...input, expiresOn: '2031-01-31', sent: true });
    await expect(createScreener(t.app, AGENT, 'cineart', { ...input, expiresOn: '2020-01-31' })).rejects.toMatchObject({
      field: 'expiresOn',
    });
    expect(s.link).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
    expect(other.link).not.toBe(s.link);
    expect([s.sentAt, other.sentAt === null]).toEqual([null, false]);
    expect((await markScreenerSent(t.app, AGENT, 'cineart', s.id)).sentAt).not.toBeNull();
    const token = s.link.slice(3);
    expect(await openScreener(t.app, token, new Date('2030-01-31T23:00:00Z'))).toEqual({ status: 'open', url: input.url });
    expect(await openScreener(t.app, token, new Date('2030-02-01T00:00:01Z'))).toEqual({
      status: 'expired',
      expiredOn: '2030-01-31',
      title: 'Cliff Walkers',
    });
    expect(
      await openScreener(
        t.app,
        token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toEqual({ status: 'unknown' });
    const shown = (await getBuyer(t.app, AGENT, 'cineart')).screeners.find((x) => x.id === s.id)!;
    expect(shown).toMatchObject({ opens: ['2030-01-31T23:00:00.000Z'], refused: 1, title: { name: 'Cliff Walkers' } });
    // the audit log never carries the token
    const { auditTrail } = await import('../../src/services/audit.js');
    expect(JSON.stringify(await auditTrail(t.app, AGENT, { entity: 'screeners' }))).not.toContain(token);
  });

  it("makes the avails sheet: only the buyer's territories and media, holds without names, dates in its language", async () => {
    const sheet = await buyerAvailsSheet(
      t.app,
      VIEWER,
      'cineart',
      { titleIds: ['cliff-walkers', 'one-second'], start: '2027-01-01', end: '2027-12-31' },
      '2026-12-05',
    );
    expect([sheet.period, sheet.madeOn]).toEqual(['1 janv. 2027 – 31 déc. 2027', '5 déc. 2026']);
    expect(sheet.titles.map((x) => x.name)).toEqual(['Cliff Walkers', 'One Second']);
    expect(sheet.titles[0].rows.map((r) => [r.countryName, r.media, r.status])).toEqual([
      ['Belgium', 'Theatrical and Free TV', 'on-hold'],
      ['Luxembourg', 'Theatrical and Free TV', 'available'],
      ['Netherlands', 'Free TV', 'available'],
      ['Netherlands', 'Theatrical', 'not-available'],
    ]);
    expect(sheet.titles[1].rows.every((r) => r.status === 'available')).toBe(true);
    const json = JSON.stringify(sheet);
    for (const secret of ['Lumière', 'Lumiere', 'LUMIERE-BE-HOLD', 'Holland Pictures', 'HOLLAND-NL-THEATRICAL', 'Neon', 'MANDATE'])
      expect(json).not.toContain(secret);

    const text = (await new PDFParse({ data: await availsSheetPdf(sheet) }).getText()).text;
    expect(text).toContain('Avails for Cineart');
    expect(text).toContain('1 janv. 2027 – 31 déc. 2027');
    for (const country of ['Belgium', 'Luxembourg', 'Netherlands']) expect(text).toContain(country);
    for (const other of ['France', 'Germany', 'United States', 'Lumière', 'LUMIERE', 'Holland Pictures', 'HOLLAND', 'Neon'])
      expect(text).not.toContain(other);
    expect(text).toMatch(/Belgium\s+Theatrical and Free TV\s+On hold/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await availsSheetXlsx(sheet)) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const head = rows.findIndex((r) => r[0] === 'Title');
    expect(rows[head]).toEqual(['Title', 'Year', 'Territory', 'Media', 'Status']);
    const body = rows.slice(head + 1);
    expect(body).toContainEqual(['Cliff Walkers', '2021', 'Netherlands', 'Theatrical', 'Not available']);
    expect(body).toContainEqual(['Cliff Walkers', '2021', 'Belgium', 'Theatrical and Free TV', 'On hold']);
    expect(new Set(body.map((r) => r[2]))).toEqual(new Set(['Belgium', 'Luxembourg', 'Netherlands']));
    expect(JSON.stringify(rows)).not.toMatch(/Lumi|Holland Pictures|LUMIERE|HOLLAND-NL/);
    await expect(buyerAvailsSheet(t.app, VIEWER, 'cineart', { titleIds: ['one-second', 'nope'] })).rejects.toMatchObject({
      field: 'titleIds[1]',
    });
  });

  it("writes a Japanese buyer's avails sheet with the dates and its name in Japanese, as written", async () => {
    const buyer = await createBuyer(t.app, AGENT, {
      company: { name: '星空映画 Hoshizora Eiga', kind: 'distributor', country: 'Japan' },
      kind: 'distributor',
      territories: 'Japan',
      media: 'All Media',
      locale: 'ja-JP',
    });
    const sheet = await buyerAvailsSheet(
      t.app,
      VIEWER,
      buyer.id,
      { titleIds: ['one-second'], start: '2027-01-01', end: '2027-12-31' },
      '2026-12-05',
    );
    expect([sheet.period, sheet.madeOn]).toEqual(['2027年1月1日 – 2027年12月31日', '2026年12月5日']);
    const text = (await new PDFParse({ data: await availsSheetPdf(sheet) }).getText()).text;
    expect(text).toContain('Avails for 星空映画 Hoshizora Eiga');
    expect(text).toContain('Period 2027年1月1日 – 2027年12月31日');
    expect(text).toContain('Made 2026年12月5日');
  });

  it('moves the profile, contacts and screeners when its company is merged into another; a merged contact person follows the kept record', async () => {
    const { mergeCompanies, mergePeople } = await import('../../src/services/merge.js');
    const dup = await createBuyer(t.app, AGENT, {
      company: { name: 'Cine Art Distribution' },
      kind: 'distributor',
      territories: 'Belgium',
      media: 'SVOD',
      contacts: [{ name: 'Paul Maes' }],
    });
    await createScreener(t.app, AGENT, dup.id, { titleId: 'hero', url: 'https://video.example/hero', expiresOn: '2031-01-01' });
    const { person: kept } = await findOrCreatePerson(t.app, AGENT, { name: 'Pieter Claes' });
    const { person: twin } = await findOrCreatePerson(t.app, AGENT, { name: 'P. Claes' });
    await addContact(t.app, AGENT, dup.id, { personId: twin.id });
    // the kept company has no profile: it takes the duplicate's
    const { createCompany } = { createCompany: (await import('../../src/services/people.js')).findOrCreateCompany };
    const { company: plain } = await createCompany(t.app, AGENT, { name: 'Cineart Group', kind: 'distributor' });
    await mergeCompanies(t.app, AGENT, plain.id, dup.id);
    const moved = await getBuyer(t.app, AGENT, plain.id);
    expect([moved.territoryLabel, moved.mediaLabel, moved.screeners.length]).toEqual(['Belgium', 'SVOD', 1]);
    expect(moved.contacts.map((c) => c.name).sort()).toEqual(['P. Claes', 'Paul Maes']);
    await mergePeople(t.app, AGENT, kept.id, twin.id);
    expect((await getBuyer(t.app, AGENT, plain.id)).contacts.find((c) => c.name === 'P. Claes')?.person).toEqual({
      id: kept.id,
      name: 'Pieter Claes',
    });
    // merging into a buyer: the kept profile wins, the contacts join it
    await mergeCompanies(t.app, AGENT, 'cineart', plain.id);
    const cineart = await getBuyer(t.app, AGENT, 'cineart');
    expect([cineart.territoryLabel, cineart.contacts.some((c) => c.name === 'Paul Maes')]).toEqual(['Benelux', true]);
  });

  it('travels in the JSON document: export, import into an empty database, export again gives the same document', async () => {
    const { exportJson } = await import('../../src/services/interchange.js');
    const doc = await exportJson(t.app, AGENT);
    const cineart = doc.buyers?.find((b) => b.company === 'Cineart');
    expect(cineart).toMatchObject({ kind: 'distributor', territories: 'Benelux', media: 'Theatrical, Free TV', locale: 'fr-FR' });
    expect(cineart?.contacts?.[0]).toMatchObject({ name: 'Marie Dubois', email: 'marie@cineart.example' });
    const fresh = await openApp(database);
    try {
      const summary = await importJson(fresh.app, AGENT, doc);
      expect(summary.buyers).toBe(doc.buyers?.length);
      expect(await exportJson(fresh.app, AGENT)).toEqual(doc);
      const again = await getBuyer(fresh.app, AGENT, 'cineart');
      expect([again.territoryLabel, again.locale, again.contacts.map((c) => c.name)]).toEqual([
        'Benelux',
        'fr-FR',
        expect.arrayContaining(['Marie Dubois']),
      ]);
      // a bad buyer is refused naming its field, and nothing of the document is written
      const before = await snapshot(fresh.app, []);
      const bad = {
        companies: [{ name: 'New Films', kind: 'distributor' as const }],
        buyers: [
          { company: 'New Films', kind: 'distributor', territories: 'Benelx', media: 'SVOD', contacts: [{ name: 'X', email: 'x@' }] },
        ],
      };
      await expect(importJson(fresh.app, AGENT, bad)).rejects.toMatchObject({
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'buyers[0].territories' }),
          expect.objectContaining({ field: 'buyers[0].contacts[0].email' }),
        ]),
      });
      expect(await snapshot(fresh.app, [])).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it('removes a buyer profile with its contacts and screeners; the company stays', async () => {
    const b = await createBuyer(t.app, AGENT, {
      company: { name: 'Brief Films' },
      kind: 'other',
      territories: 'Italy',
      media: 'Theatrical',
    });
    await createScreener(t.app, AGENT, b.id, { titleId: 'sea-song', url: 'http://video.example/1', expiresOn: '2031-01-01' });
    await deleteBuyer(t.app, AGENT, b.id);
    await expect(getBuyer(t.app, AGENT, b.id)).rejects.toThrow(/not found/);
    expect(await t.app.store.db.selectFrom('companies').select('id').where('id', '=', b.id).executeTakeFirst()).toBeTruthy();
  });
});
