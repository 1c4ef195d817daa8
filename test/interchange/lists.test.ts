import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { neutralise, unneutralise, LISTS } from '../../src/interchange/lists.js';
import { readCsv } from '../../src/interchange/sheets/table.js';
import { exportList } from '../../src/services/lists.js';

describe('list exports', () => {
  let app: FilmRights;
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    const evil = (await findOrCreateCompany(app, SYSTEM, { name: '=HYPERLINK("http://evil.invalid","Neon")', kind: 'distributor' })).company
      .id;
    const prod = (await findOrCreateCompany(app, SYSTEM, { name: '@Huanxi', kind: 'production' })).company.id;
    await setWeCompany(app, SYSTEM, us);
    const film = (await createTitle(app, SYSTEM, { originalTitle: '-One Second+', year: 2020, runtimeMinutes: 104 })).id;
    await saveContract(app, SYSTEM, {
      ref: 'IN',
      status: 'signed',
      licensorId: prod,
      licenseeId: us,
      titleIds: [film],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: null }],
    });
    await saveContract(app, SYSTEM, {
      ref: '+OUT',
      status: 'signed',
      licensorId: us,
      licenseeId: evil,
      titleIds: [film],
      signedOn: '2021-07-20',
      mg: { amount: '1200000.50', currency: 'USD' },
      blocks: [{ territories: 'North America', media: 'All Media', start: '2021-09-18', end: '2036-09-17' }],
    });
  });
  afterAll(() => app.close());

  it('neutralises text that a spreadsheet would run', () => {
    expect(['=1+2', '+1', '-2', '@SUM(A1)', '\tx', 'plain', ''].map(neutralise)).toEqual([
      "'=1+2",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      '',
    ]);
    for (const s of ['=1+2', '+1', '-2', '@SUM(A1)', '\tx', 'plain', "'quoted'", "'", '']) expect(unneutralise(neutralise(s))).toBe(s);
  });

  it('a CSV export read back gives the text as it was, not the apostrophe that guards it', async () => {
    const { data } = await exportList(app, SYSTEM, 'contracts', 'csv');
    const table = readCsv(data, 'contracts.csv');
    const out = table.rows.find((r) => r.cells[0] === '+OUT')!;
    expect(out).toBeDefined();
    expect(out.cells[table.headers.indexOf('Licensee')]).toBe('=HYPERLINK("http://evil.invalid","Neon")');
    expect(out.cells[table.headers.indexOf('Titles')]).toBe('-One Second+');
  });

  it('CSV: UTF-8 with BOM, money as amount and currency, dangerous text neutralised, numbers left as numbers', async () => {
    const { data } = await exportList(app, SYSTEM, 'contracts', 'csv');
    const text = data.toString('utf8');
    expect(
      text.startsWith(
        '\uFEFFRef,Direction,Status,Licensor,Licensee,Titles,Territories,Media,Term,Signed on,Announced on,MG,MG currency,Updated',
      ),
    ).toBe(true);
    expect(text).toContain(
      `'+OUT,out,signed,Wild Bunch,"'=HYPERLINK(""http://evil.invalid"",""Neon"")",'-One Second+,North America,All Media,2021-09-18 – 2036-09-17,2021-07-20,,1200000.50,USD,`,
    );
    const catalog = (await exportList(app, SYSTEM, 'catalog', 'csv')).data.toString('utf8');
    expect(catalog).toMatch(/'-One Second\+,'-One Second\+,2020,,,,104,/);
  });

  it('XLSX: dates as date cells, money as numbers in their currency, text as string cells written as it is (never run); every list exports', async () => {
    const { data } = await exportList(app, SYSTEM, 'contracts', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const outRow = [2, 3].map((r) => ws.getRow(r)).find((r) => r.getCell(1).value === '+OUT')!;
    expect(outRow).toBeDefined();
    const mg = outRow.getCell(header.indexOf('MG') + 1);
    expect(mg.value).toBe(1200000.5);
    expect(mg.numFmt).toBe('#,##0.00 "USD"');
    const signed = outRow.getCell(header.indexOf('Signed on') + 1);
    expect(signed.value).toEqual(new Date('2021-07-20T00:00:00Z'));
    const licensee = outRow.getCell(header.indexOf('Licensee') + 1);
    // a string cell, not a formula: a spreadsheet shows it and never runs it
    expect(licensee.value).toBe(`=HYPERLINK("http://evil.invalid","Neon")`);
    expect(licensee.type).toBe(ExcelJS.ValueType.String);
    for (const name of LISTS) {
      const r = await exportList(
        app,
        SYSTEM,
        name,
        'xlsx',
        name === 'avails' ? { avails: { territories: 'Worldwide', media: 'All Media', start: '2022-01-01', include: 'all' } } : {},
      );
      expect(r.data.length).toBeGreaterThan(1000);
    }
  });

  it('the audit log exports whole, not its newest thousand entries', async () => {
    const before = (await exportList(app, SYSTEM, 'audit', 'csv')).data.toString('utf8').trim().split('\n').length;
    await app.store.db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 1_200 }, (_, i) => ({
          at: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
          user_id: 'system',
          action: 'update',
          entity: 'titles',
          entity_id: `t${i}`,
          before: null,
          after: null,
          reason: null,
        })),
      )
      .execute();
    const lines = (await exportList(app, SYSTEM, 'audit', 'csv')).data.toString('utf8').trim().split('\n');
    expect(lines.length).toBe(before + 1_200);
  });

  it('hides MGs from users who may not see financial terms', async () => {
    const text = (await exportList(app, { ...SYSTEM, canSeeFinancials: false }, 'contracts', 'csv')).data.toString('utf8');
    expect(text).not.toContain('MG');
    expect(text).not.toContain('1200000');
  });
});
