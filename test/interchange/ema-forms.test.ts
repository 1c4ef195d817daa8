import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { importEma } from '../../src/services/imports.js';
import { parseEmaBoolean, parseEmaDate } from '../../src/interchange/ema/model.js';

describe('EMA cell forms', () => {
  it('reads dates in every form they come in', () => {
    const day = (v: Parameters<typeof parseEmaDate>[0], end = false, xml = false) => {
      const d = parseEmaDate(v, end, xml);
      return 'day' in d ? d.day : d.error;
    };
    expect(day(new Date('2013-06-14T00:00:00Z'))).toBe('2013-06-14');
    expect(day(41439)).toBe('2013-06-14');
    expect(day('41439')).toBe('2013-06-14');
    expect(day('2013-06-14')).toBe('2013-06-14');
    expect(day('2013-06-14T00:00:00.000Z')).toBe('2013-06-14');
    expect(day('2013/06/14')).toBe('2013-06-14');
    expect(day('06/14/2013')).toBe('2013-06-14');
    expect(day('14/06/2013')).toBe('2013-06-14');
    expect(day('14.06.2013')).toBe('2013-06-14');
    expect(day('14-Jun-2013')).toBe('2013-06-14');
    expect(day('June 14, 2013')).toBe('2013-06-14');
    expect(day('14 June 2013')).toBe('2013-06-14');
    // An XML End at midnight closes the window at the start of that day.
    expect(day('2013-06-15T00:00:00', true, true)).toBe('2013-06-14');
    expect(day('2013-06-14T23:59:59', true, true)).toBe('2013-06-14');
    expect(day('2013-02-30')).toMatch(/not a real calendar date/);
    expect(day('soon')).toMatch(/not a date/);
  });

  it('reads booleans as Yes/No, Y/N, TRUE/FALSE, 1/0 and boolean cells', () => {
    expect(['Yes', 'y', 'TRUE', 'true', 1, '1', true].map(parseEmaBoolean)).toEqual([true, true, true, true, true, true, true]);
    expect(['No', 'N', 'FALSE', 0, '0', false].map(parseEmaBoolean)).toEqual([false, false, false, false, false, false]);
    expect(parseEmaBoolean(null)).toBeNull();
    expect(parseEmaBoolean('maybe')).toBe('bad');
  });
});

describe('an EMA v1.7 sheet with its columns in another order, one header row, and every form', () => {
  let app: FilmRights;
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
  });
  afterAll(() => app.close());

  async function sheet(header: 'two-rows' | 'one-row', rows: unknown[][]): Promise<Buffer> {
    const fields = [
      'AvailTrans/End',
      'AvailTrans/Territory',
      'AvailTrans/LicenseType',
      'AvailTrans/Start',
      'AvailMetadata/TitleInternalAlias',
      'Avail/ALID',
      'AvailTrans/TerritoryExclusion',
      'AvailTrans/FormatProfile',
      'AvailAsset/WorkType',
      'Avail/DisplayName',
      'AvailTrans/Exclusive',
      'Avail/Licensee',
      'AvailMetadata/ReleaseYear',
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Movies');
    if (header === 'two-rows') {
      ws.addRow(fields.map((f) => f.split('/')[0]));
      ws.addRow(fields.map((f) => f.split('/')[1]));
      ws.addRow(['1.7', '//REQ']);
    } else ws.addRow(fields);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports Open ends, WW with exclusions, serial and text dates, Y/N booleans', async () => {
    const data = await sheet('two-rows', [
      [
        'Open',
        'WW',
        'SVOD',
        new Date('2024-01-01T00:00:00Z'),
        'Quiet Film, A',
        'QF1',
        'CN, RU',
        'HD',
        'Movie',
        'Indie Co',
        'Y',
        'StreamCo',
        2023,
      ],
      [45657, 'FR', 'EST', '01/15/2024', 'Quiet Film, A', 'QF1', null, 'SD', 'Movie', 'Indie Co', 'N', 'StreamCo', '2023'],
      ['Open', 'FR', 'EST', '2024-12-31', 'Quiet Film, A', 'QF1', null, 'HD', 'Movie', 'Indie Co', 0, 'StreamCo', 2023],
    ]);
    const r = await importEma(app, SYSTEM, data, 'v17.xlsx', 'ema-xlsx', { commit: true });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.titles.map((t) => t.name)).toEqual(['A Quiet Film']);
    const blocks = r.contracts.flatMap((c) => c.blocks).map((b) => [b.territories, b.media, b.start, b.end, b.exclusive]);
    expect(blocks).toEqual([
      ['Worldwide excl. China and Russia', 'SVOD', '2024-01-01', null, true],
      // 2024-01-15 to 2024-12-31 (serial 45657) and 2024-12-31 to Open touch: one window.
      ['Metropolitan France', 'EST', '2024-01-15', null, false],
    ]);
  });

  it('reads a single "Category/Field" header row, and names the cell of each problem', async () => {
    const data = await sheet('one-row', [
      ['2023-01-01', 'XX', 'ESTT', '2024-01-01', 'Loud Film', 'LF1', null, 'HD', 'Movie', 'Indie Co', 'perhaps', 'StreamCo', 2023],
    ]);
    const r = await importEma(app, SYSTEM, data, 'bad.xlsx', 'ema-xlsx', { commit: false });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => `${p.where}: ${p.message}`)).toEqual([
      'sheet Movies, row 2, column C (AvailTrans/LicenseType): unknown LicenseType "ESTT" (one of EST, POEST, VOD, DTR, PVOD, TVOD, SVOD, AVOD, FVOD, FREE)',
      'sheet Movies, row 2, column B (AvailTrans/Territory): unknown country code "XX" (ISO 3166-1 alpha-2)',
      'sheet Movies, row 2, column A (AvailTrans/End): End 2023-01-01 is before Start 2024-01-01',
      'sheet Movies, row 2, column K (AvailTrans/Exclusive): Exclusive "perhaps" is not Yes/No, TRUE/FALSE or 1/0',
    ]);
  });
});

describe('an Avails XML transaction with exclusions only', () => {
  it('is the world except them', async () => {
    const { Problems } = await import('../../src/interchange/problems.js');
    const { readEmaXml } = await import('../../src/interchange/ema/xml.js');
    const { checkTransaction } = await import('../../src/interchange/ema/model.js');
    const xml = `<?xml version="1.0"?><avails:AvailList xmlns:avails="http://www.movielabs.com/schema/avails/v2.6/avails" xmlns:md="http://www.movielabs.com/schema/md/v2.10/md">
      <avails:Avail><avails:ALID>X1</avails:ALID><avails:Disposition><avails:EntryType>Full Extract</avails:EntryType></avails:Disposition>
      <avails:Licensor><md:DisplayName>Indie Co</md:DisplayName></avails:Licensor><avails:AvailType>single</avails:AvailType><avails:ShortDescription>x</avails:ShortDescription>
      <avails:Asset contentID="X1"><avails:WorkType>Movie</avails:WorkType><avails:Metadata><avails:TitleInternalAlias>Film X</avails:TitleInternalAlias></avails:Metadata></avails:Asset>
      <avails:Transaction><avails:LicenseType>SVOD</avails:LicenseType><avails:TerritoryExcluded><md:country>CN</md:country></avails:TerritoryExcluded>
      <avails:Start>2025-01-01T00:00:00</avails:Start><avails:End>2026-01-01T00:00:00</avails:End><avails:FormatProfile>HD</avails:FormatProfile></avails:Transaction>
      </avails:Avail></avails:AvailList>`;
    const problems = new Problems();
    const rows = readEmaXml(xml, 'x.xml', problems).rows;
    const txs = rows.flatMap((r) => checkTransaction(r, problems, { retailer: 'R' }));
    expect(problems.errors).toEqual([]);
    expect(txs.some((t) => t.territory === 'CN')).toBe(false);
    expect(txs.length).toBeGreaterThan(240);
    // An End at midnight closes the window: the last day is the day before.
    expect([txs[0].start, txs[0].end]).toEqual(['2025-01-01', '2025-12-31']);
  });
});
