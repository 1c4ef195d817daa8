import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { detectFormat } from '../../src/interchange/index.js';
import { importFile } from '../../src/services/imports.js';
import { ImportRefused, UnreadableFile } from '../../src/interchange/problems.js';
import { guessMapping, parseAmount } from '../../src/interchange/sheets/import.js';
import { exportEma } from '../../src/services/emaExport.js';

async function seed(app: FilmRights) {
  const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
  const prod = (await findOrCreateCompany(app, SYSTEM, { name: 'Huanxi Media Group', kind: 'production' })).company.id;
  await setWeCompany(app, SYSTEM, us);
  const film = (await createTitle(app, SYSTEM, { originalTitle: '一秒钟', englishTitle: 'One Second', year: 2020 })).id;
  await saveContract(app, SYSTEM, {
    ref: 'MANDATE',
    status: 'signed',
    licensorId: prod,
    licenseeId: us,
    titleIds: [film],
    blocks: [{ territories: 'Worldwide excl. China', media: 'All Media', start: '2020-01-01', end: '2040-12-31', exclusive: true }],
  });
  return { us, film };
}

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
const count = async (app: FilmRights, table: 'contracts' | 'titles' | 'companies' | 'audit_log') =>
  (
    await app.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function xlsx(rows: unknown[][], formulaAt?: { row: number; col: number; formula: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Deals');
  for (const r of rows) ws.addRow(r);
  if (formulaAt)
    ws.getRow(formulaAt.row).getCell(formulaAt.col).value = { formula: formulaAt.formula, result: 7 } as ExcelJS.CellFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('deal and catalog sheets', () => {
  let app: FilmRights;
  let ids: { us: string; film: string };
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    ids = await seed(app);
  });
  afterAll(() => app.close());

  it('guesses the column mapping from the headers people write', () => {
    expect(guessMapping(['Film', 'Licensee', 'Territories', 'Rights', 'From', 'To', 'Excl.', 'MG', 'Ccy', 'Stage'], 'deals')).toMatchObject(
      {
        title: 'Film',
        buyer: 'Licensee',
        territory: 'Territories',
        media: 'Rights',
        start: 'From',
        end: 'To',
        exclusive: 'Excl.',
        mg: 'MG',
        currency: 'Ccy',
        status: 'Stage',
      },
    );
    expect(parseAmount('$1.2M')).toEqual({ amount: '1200000', currency: 'USD' });
    expect(parseAmount('€ 250.000,50')).toEqual({ amount: '250000.50', currency: 'EUR' });
    expect(parseAmount('500k GBP')).toEqual({ amount: '500000', currency: 'GBP' });
  });

  it('previews a CSV deal sheet (nothing written), then commits it all at once, conflict-checked', async () => {
    const file = csv([
      'Film;Licensee;Territories;Rights;From;To;Excl.;MG;Ccy;Stage',
      'One Second;Neon;U.S. and Canada;all rights;2021-09-18;2036-09-17;Yes;"1,000,000";USD;Signed',
      'One Second;Alamode Film;German-speaking Europe;Theatrical, TV;18/09/2021;31 Dec 2040;exclusive;250k;EUR;closed',
      'One Second;MUBI;UK;SVOD;09/20/2021;09/19/2024;No;;;in negotiation',
    ]);
    expect(await detectFormat(file, 'deals.csv')).toBe('csv');
    const before = await count(app, 'audit_log');
    const preview = await importFile(app, SYSTEM, file, 'deals.csv', { commit: false });
    if (preview.format !== 'csv') throw new Error('csv');
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(preview.kind).toBe('deals');
    expect(
      preview.contracts.map((c) => [
        c.licensee,
        c.direction,
        c.blocks[0].territories,
        c.blocks[0].start,
        c.blocks[0].end,
        c.blocks[0].exclusive,
      ]),
    ).toEqual([
      ['Neon', 'out', 'U.S. and Canada', '2021-09-18', '2036-09-17', true],
      ['Alamode Film', 'out', 'German-speaking Europe', '2021-09-18', '2040-12-31', true],
      ['MUBI', 'out', 'UK', '2021-09-20', '2024-09-19', false],
    ]);
    expect(await count(app, 'audit_log')).toBe(before);
    const done = await importFile(app, SYSTEM, file, 'deals.csv', { commit: true });
    expect(done.committed).toBe(true);
    const rows = (
      await askAvails(app, SYSTEM, {
        titles: [ids.film],
        territories: 'Germany',
        media: 'Theatrical',
        start: '2022-01-01',
        end: '2022-12-31',
      })
    ).rows;
    expect(rows[0].status).toBe('unavailable');
    expect(rows[0].reasons[0].message).toContain('Alamode Film');
    const neon = await app.store.db
      .selectFrom('contracts as c')
      .innerJoin('companies as co', 'co.id', 'c.licensee_id')
      .select(['c.mg_amount', 'c.mg_currency', 'c.status'])
      .where('co.name', '=', 'Neon')
      .executeTakeFirstOrThrow();
    expect([Number(neon.mg_amount), neon.mg_currency, neon.status]).toEqual([100_000_000, 'USD', 'signed']);
  });

  it('lists unknown territory and media names with suggestions, and refuses the file as a whole', async () => {
    const file = csv([
      'Title,Buyer,Territory,Media,Start,End',
      'One Second,Cinéart,Benelux,Pay TV,2022-01-01,2023-12-31',
      'One Second,Nordisk,Scandinavai,Free TV,2022-01-01,2023-12-31',
      'One Second,Tucker,Germny,SVDO,2022-01-01,2023-12-31',
    ]);
    const contracts = await count(app, 'contracts');
    const preview = await importFile(app, SYSTEM, file, 'd.csv', { commit: false });
    if (preview.format !== 'csv') throw new Error('csv');
    expect(preview.unknownNames.map((u) => [u.column, u.value, u.rows, u.suggestions[0]])).toEqual([
      ['Territory', 'Scandinavai', [3], 'Scandinavia'],
      ['Territory', 'Germny', [4], 'Germany'],
      ['Media', 'SVDO', [4], 'SVOD'],
    ]);
    const err = await importFile(app, SYSTEM, file, 'd.csv', { commit: true }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect((err as ImportRefused).message).toMatch(/row 4, column C \(Territory\).*Germny/);
    expect(await count(app, 'contracts')).toBe(contracts);
  });

  it('takes an overridden mapping, and refuses two exclusive sales of the same right in one file (nothing written)', async () => {
    const file = csv([
      'Picture,Who,Where,What,Begin,Finish',
      'One Second,Madman,ANZ,all rights,2022-01-01,2030-12-31',
      'One Second,Palace,Australia,SVOD,2025-01-01,2026-12-31',
    ]);
    const contracts = await count(app, 'contracts');
    const err = await importFile(app, SYSTEM, file, 'anz.csv', {
      commit: true,
      kind: 'deals',
      mapping: { buyer: 'Who', territory: 'Where', media: 'What', start: 'Begin', end: 'Finish' },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect((err as ImportRefused).problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(
      /^row 3: conflict: One Second, Australia, SVOD, 2025-01-01 to 2026-12-31: sold to .*Madman/m,
    );
    expect(await count(app, 'contracts')).toBe(contracts);
    expect(await count(app, 'companies')).toBe(await count(app, 'companies'));
  });

  it('imports a catalog sheet (XLSX) with directors, years, countries, runtimes', async () => {
    const file = await xlsx([
      ['Title', 'Original title', 'Year', 'Director', 'Countries', 'Runtime', 'Status'],
      ['Petite Maman', null, 2021, 'Céline Sciamma', 'France', '72 min', 'released'],
      ['Memoria', null, 2021, 'Apichatpong Weerasethakul', 'Colombia, Thailand, France', 136, 'completed'],
    ]);
    expect(await detectFormat(file, 'catalog.xlsx')).toBe('xlsx');
    const r = await importFile(app, SYSTEM, file, 'catalog.xlsx', { commit: true });
    expect(r.committed).toBe(true);
    const t = await app.store.db
      .selectFrom('titles')
      .select(['original_title', 'year', 'runtime_minutes', 'countries', 'production_status'])
      .where('original_title', '=', 'Memoria')
      .executeTakeFirstOrThrow();
    expect([t.year, t.runtime_minutes, JSON.parse(t.countries), t.production_status]).toEqual([2021, 136, ['CO', 'TH', 'FR'], 'released']);
    const d = await app.store.db
      .selectFrom('credits as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select('p.name')
      .where('c.role', '=', 'director')
      .execute();
    expect(d.map((x) => x.name).sort()).toEqual(['Apichatpong Weerasethakul', 'Céline Sciamma']);
  });
});

describe('malformed files: a clear error, nothing written', () => {
  let app: FilmRights;
  let baseline: unknown[];
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    await seed(app);
    baseline = await Promise.all((['contracts', 'titles', 'companies', 'audit_log'] as const).map((t) => count(app, t)));
  });
  afterAll(() => app.close());
  const unchanged = async () =>
    expect(await Promise.all((['contracts', 'titles', 'companies', 'audit_log'] as const).map((t) => count(app, t)))).toEqual(baseline);

  it('a truncated XLSX', async () => {
    const good = (await exportEma(app, 'ema-xlsx', '1.8', { from: '2025-01-01', retailer: 'iTunes' })).data;
    for (const cut of [good.subarray(0, Math.floor(good.length / 2)), good.subarray(0, 30)]) {
      const err = await importFile(app, SYSTEM, cut, 'avails.xlsx', { commit: true }).catch((e) => e);
      expect(err).toBeInstanceOf(UnreadableFile);
      expect((err as Error).message).toMatch(/avails\.xlsx: not a readable XLSX workbook \(truncated or corrupt/);
    }
    await unchanged();
  });

  it('XML with an external entity (never resolved)', async () => {
    const good = (await exportEma(app, 'ema-xml', '2.4', { from: '2025-01-01', retailer: 'iTunes' })).data.toString('utf8');
    const evil = good
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE avails:AvailList [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>',
      )
      .replace('<avails:ShortDescription>', '<avails:ShortDescription>&xxe;');
    expect(await detectFormat(Buffer.from(evil), 'evil.xml')).toBe('ema-xml');
    const err = await importFile(app, SYSTEM, Buffer.from(evil), 'evil.xml', { commit: true }).catch((e) => e);
    expect(err).toBeInstanceOf(UnreadableFile);
    expect((err as Error).message).toMatch(/DOCTYPE or entities: refused/);
    expect((err as Error).message).not.toContain('root:');
    await unchanged();
  });

  it('a CSV in Latin-1', async () => {
    const latin1 = Buffer.from(
      'Title,Buyer,Territory,Media,Start,End\r\nOne Second,Cinéart,Benelux,Pay TV,2022-01-01,2023-12-31\r\n',
      'latin1',
    );
    const err = await importFile(app, SYSTEM, latin1, 'deals.csv', { commit: true }).catch((e) => e);
    expect(err).toBeInstanceOf(UnreadableFile);
    expect((err as Error).message).toMatch(/not UTF-8 \(byte 0xe9 on line 2 looks like Latin-1.*save it as "CSV UTF-8"/);
    await unchanged();
  });

  it('a sheet with a formula (deal sheet and EMA sheet)', async () => {
    const deals = await xlsx(
      [
        ['Title', 'Buyer', 'Territory', 'Media', 'Start', 'End'],
        ['One Second', 'Neon', 'North America', 'all rights', '2022-01-01', '2030-12-31'],
      ],
      { row: 2, col: 6, formula: 'DATE(2030,12,31)' },
    );
    const err = await importFile(app, SYSTEM, deals, 'deals.xlsx', { commit: true }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect((err as Error).message).toMatch(/sheet Deals, row 2, column F \(End\): the cell holds a formula \(=DATE\(2030,12,31\)\)/);
    const ema = await exportEma(app, 'ema-xlsx', '1.9', { from: '2025-01-01', retailer: 'iTunes' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ema.data as unknown as ArrayBuffer);
    wb.worksheets[0].getCell('D5').value = {
      formula: 'HYPERLINK("http://example.invalid","US")',
      result: 'US',
    } as ExcelJS.CellFormulaValue;
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const err2 = await importFile(app, SYSTEM, bad, 'ema.xlsx', { commit: true }).catch((e) => e);
    expect(err2).toBeInstanceOf(ImportRefused);
    expect((err2 as Error).message).toMatch(/sheet Template-Movies, row 5, column D \(AvailTrans\/Territory\): the cell holds a formula/);
    await unchanged();
  });
});
