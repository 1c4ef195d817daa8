import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { importEma } from '../../src/services/imports.js';
import { ImportRefused, type Problem } from '../../src/interchange/problems.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';
import { describeCondition, readCondition } from '../../src/interchange/ema/conditions.js';
import { TV_V19 } from '../../src/interchange/ema/xlsx.js';

/** MovieLabs' published samples (vendored with their licence) and the samples written for these tests. */
const MOVIELABS = fileURLToPath(new URL('../fixtures/movielabs/', import.meta.url));
const WRITTEN = fileURLToPath(new URL('../fixtures/ema-written/', import.meta.url));
const kindOf = (f: string) => (f.endsWith('.xml') ? 'ema-xml' : 'ema-xlsx') as 'ema-xml' | 'ema-xlsx';

let app: FilmRights;
beforeEach(async () => {
  app = await FilmRights.open({ file: ':memory:' });
});
afterEach(() => app.close());

/** Imports a file and returns its problems (refused or not). */
async function problemsOf(file: Buffer, name: string, retailer = 'Corner Video'): Promise<Problem[]> {
  const r = await importEma(app, SYSTEM, file, name, kindOf(name), { commit: true, retailer }).catch((e: unknown) => e);
  if (r instanceof ImportRefused) return r.problems;
  if (r instanceof Error) throw r;
  return (r as { problems: Problem[] }).problems;
}
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');

describe('every MovieLabs sample in the repository imports', () => {
  const files = readdirSync(MOVIELABS).filter((f) => /\.(xml|xlsx)$/.test(f) && f !== 'Avails_withErrors.xml');
  it('there are the six published samples (five valid, one with errors)', () => {
    expect(files.sort()).toEqual([
      'Avails_noErrors_v2.4.xml',
      'Movies_v1.7.2_Bundle.xlsx',
      'Movies_v1.8.xlsx',
      'TV_v1.8.xlsx',
      'TV_v1.9.xlsx',
    ]);
  });
  for (const f of files)
    it(f, async () => {
      const ps = await problemsOf(readFileSync(join(MOVIELABS, f)), f);
      expect(errors(ps)).toEqual([]);
      expect((await app.store.db.selectFrom('contracts').select('id').execute()).length).toBeGreaterThan(0);
    });

  it('TV_v1.8.xlsx: its season rows without an ALID are placed under their series', async () => {
    await problemsOf(readFileSync(join(MOVIELABS, 'TV_v1.8.xlsx')), 'TV_v1.8.xlsx');
    const seasons = await app.store.db.selectFrom('titles').select(['kind', 'parent_id', 'number']).where('kind', '=', 'season').execute();
    expect(seasons.length).toBeGreaterThan(0);
    expect(seasons.every((s) => s.parent_id !== null && s.number !== null)).toBe(true);
  });
});

describe('samples written for the templates v1.7 to v1.9 and the XML schemas v2.2 to v2.7', () => {
  const files = readdirSync(WRITTEN).filter((f) => /\.(xml|xlsx)$/.test(f));
  it('cover every XML version we read and every template', () => {
    expect(files.filter((f) => f.endsWith('.xml')).map((f) => /v([\d.]+)\.xml$/.exec(f)![1])).toEqual(
      expect.arrayContaining(['2.2.1', '2.2.2', '2.3', '2.4', '2.5', '2.5.2', '2.6', '2.7']),
    );
    expect(files.filter((f) => f.endsWith('.xlsx')).map((f) => /v([\d.]+)\.xlsx$/.exec(f)![1])).toEqual(
      expect.arrayContaining(['1.7', '1.8', '1.9']),
    );
  });

  for (const f of files.filter((x) => x.endsWith('.xml')))
    it(`${f}: valid against its schema, imports, every shape becomes a title in its place`, async () => {
      const xml = readFileSync(join(WRITTEN, f), 'utf8');
      const v = await validateAvailsXml(xml);
      expect(v.errors).toEqual([]);
      const ps = await problemsOf(Buffer.from(xml), f);
      expect(errors(ps)).toEqual([]);
      const titles = await app.store.db.selectFrom('titles').select(['id', 'original_title', 'kind', 'parent_id', 'number']).execute();
      const named = (n: string) => titles.find((t) => t.original_title === n);
      for (const n of ['Harbour Lights', 'Lantern Classics', 'Harbour Lights Deluxe Edition', 'Making Harbour Lights', 'Tidewater'])
        expect(named(n), n).toBeDefined();
      const series = named('Tidewater')!;
      const season = titles.find((t) => t.kind === 'season' && t.parent_id === series.id && t.number === 2);
      expect(season).toBeDefined();
      expect(titles.find((t) => t.kind === 'episode' && t.parent_id === season!.id)?.number).toBe(3);
      const hasVolumes = !['2.2.1', '2.2.2', '2.3', '2.4'].some((x) => f.includes(`v${x}.xml`));
      expect(titles.some((t) => t.kind === 'volume' && t.parent_id === series.id && t.number === 1)).toBe(hasVolumes);
      // the pre-order gives no right of its own: Harbour Lights has its EST window only (GB and IE)
      const blocks = await app.store.db
        .selectFrom('rights_blocks')
        .select(['territory_codes', 'media_ids', 'start_date'])
        .where('title_id', '=', named('Harbour Lights')!.id)
        .execute();
      expect(blocks.map((b) => [JSON.parse(b.territory_codes).sort(), JSON.parse(b.media_ids), b.start_date])).toEqual([
        [['GB', 'IE'], ['est'], '2026-03-01'],
      ]);
    });

  for (const f of files.filter((x) => x.endsWith('.xlsx')))
    it(`${f}: imports without errors`, async () => {
      const ps = await problemsOf(readFileSync(join(WRITTEN, f)), f);
      expect(errors(ps)).toEqual([]);
      expect((await app.store.db.selectFrom('rights_blocks').select('id').execute()).length).toBeGreaterThan(0);
    });

  it('tv-v1.9.xlsx: the series, the season without an ALID, its episodes and a volume are placed', async () => {
    await problemsOf(readFileSync(join(WRITTEN, 'tv-v1.9.xlsx')), 'tv-v1.9.xlsx');
    const titles = await app.store.db.selectFrom('titles').select(['id', 'original_title', 'kind', 'parent_id', 'number']).execute();
    const series = titles.find((t) => t.kind === 'series' && t.original_title === 'Tidewater')!;
    const season = titles.find((t) => t.kind === 'season' && t.parent_id === series.id)!;
    expect(season.number).toBe(2);
    expect(
      titles
        .filter((t) => t.parent_id === season.id)
        .map((t) => t.number)
        .sort(),
    ).toEqual([1, 2]);
    expect(titles.find((t) => t.kind === 'volume')).toMatchObject({ parent_id: series.id, number: 1 });
    // the series row's window is on the series itself
    expect(await app.store.db.selectFrom('rights_blocks').select('id').where('title_id', '=', series.id).execute()).toHaveLength(1);
  });

  it('movies-tv-v1.7.xlsx: reads the Movies and TV sheets, the bundle and the episodes', async () => {
    await problemsOf(readFileSync(join(WRITTEN, 'movies-tv-v1.7.xlsx')), 'movies-tv-v1.7.xlsx');
    const names = (await app.store.db.selectFrom('titles').select('original_title').execute()).map((t) => t.original_title);
    expect(names).toEqual(
      expect.arrayContaining(['Harbour Lights', 'Harbour Lights Double Bill', 'Tidewater: Season 1, Episode 1: High Water']),
    );
  });
});

/** A TV template v1.9 sheet with the given data rows (from row 4), fields by name. */
async function tvSheet(rows: Array<Record<string, string | number | Date>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Template-TV');
  ws.addRow(TV_V19.map((c) => c.split('/')[0]));
  ws.addRow(TV_V19.map((c) => c.split('/')[1]));
  ws.addRow(['1.9']);
  for (const r of rows) {
    const row = ws.addRow([]);
    for (const [k, v] of Object.entries(r)) row.getCell(TV_V19.findIndex((c) => c.endsWith(`/${k}`)) + 1).value = v;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const episode = {
  DisplayName: 'Lantern Pictures',
  Licensee: 'Corner Video',
  WorkType: 'Episode',
  SeriesTitleInternalAlias: 'Tidewater',
  SeasonNumber: 1,
  EpisodeNumber: 1,
  ALID: 'md:alid:org:example:tidewater-s1e1',
  Territory: 'DE',
  LicenseType: 'SVOD',
  FormatProfile: 'HD',
  Start: new Date('2026-01-01T00:00:00Z'),
  End: new Date('2026-12-31T00:00:00Z'),
};

describe('conditional windows: read, and refused with the condition named', () => {
  it('End "Broadcast" with an EndLag (spreadsheet): an error naming the row and the condition, nothing written', async () => {
    const file = await tvSheet([episode, { ...episode, EpisodeNumber: 2, ALID: 'md:alid:org:example:e2', End: 'Broadcast', EndLag: 7 }]);
    const ps = errors(await problemsOf(file, 'tv.xlsx'));
    expect(ps.map((p) => p.message)).toEqual([
      "sheet Template-TV, row 5, End: 'Broadcast' with EndLag 7d: conditional windows are not stored yet (give the last day as a date)",
    ]);
    expect(ps[0].where).toMatch(/^sheet Template-TV, row 5, column \w+ \(AvailTrans\/End\)$/);
    expect(await app.store.db.selectFrom('titles').select('id').execute()).toEqual([]);
  });

  it('StartCondition with a lag (XML): refused, naming the element', async () => {
    const xml = readFileSync(join(WRITTEN, 'avails-shapes-v2.7.xml'), 'utf8').replace(
      '<avails:Start>2026-05-01T00:00:00</avails:Start>\n      <avails:End>2026-11-01T00:00:00</avails:End>',
      '<avails:StartCondition lag="P90D">TheatricalRelease</avails:StartCondition>\n      <avails:End>2026-11-01T00:00:00</avails:End>',
    );
    expect((await validateAvailsXml(xml)).errors).toEqual([]);
    const ps = errors(await problemsOf(Buffer.from(xml), 'a.xml'));
    expect(ps).toHaveLength(1);
    expect(ps[0].where).toBe('/AvailList/Avail[4]/Transaction[1]/StartCondition');
    expect(ps[0].message).toContain("Start: 'TheatricalRelease' with StartLag 90d: conditional windows are not stored yet");
  });

  it('reads the condition into a plain description (event, lag in days or months)', () => {
    expect(readCondition('end', 'Broadcast', 7)).toEqual({ edge: 'end', event: 'Broadcast', lag: '7', lagDays: 7, lagMonths: null });
    expect(readCondition('start', 'TheatricalRelease', 'P6M')).toMatchObject({ lagDays: null, lagMonths: 6 });
    expect(readCondition('start', 'Immediate', null)).toBeNull();
    expect(readCondition('start', 'Immediate', 'P2W')).toMatchObject({ event: 'Immediate', lagDays: 14 });
    expect(readCondition('end', 'Open', null)).toBeNull();
    expect(readCondition('end', 'ESTStart', null)).toBeNull();
    expect(readCondition('end', '2026-01-01', null)).toBeNull();
    expect(describeCondition(readCondition('start', 'TheatricalRelease', 'P6M')!)).toBe("Start: 'TheatricalRelease' with StartLag P6M");
  });
});

describe('strict vocabularies: an unknown code is an error naming where, the value and the closest codes', () => {
  it('a rating whose country is not a country (JJ) is an error, not a warning about the rating system', async () => {
    const xml = readFileSync(join(WRITTEN, 'avails-shapes-v2.7.xml'), 'utf8').replace(
      '<md:Region><md:country>GB</md:country></md:Region>',
      '<md:Region><md:country>JJ</md:country></md:Region>',
    );
    const ps = await problemsOf(Buffer.from(xml), 'a.xml');
    const e = errors(ps);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({
      where: '/AvailList/Avail[1]/Asset/Metadata/Ratings/Rating[1]/Region',
      message: 'unknown country code "JJ" in the BBFC rating (ISO 3166-1 alpha-2)',
    });
    expect(e[0].suggestions).toEqual(expect.arrayContaining(['BJ']));
    expect(ps.filter((p) => /not used in/.test(p.message))).toEqual([]);
  });

  it('currencies, language tags, territories and rating values in a spreadsheet row, each named by column with suggestions', async () => {
    const file = await tvSheet([
      {
        ...episode,
        Territory: 'DE, JJ',
        PriceType: 'WSP',
        PriceValue: 4.99,
        PriceCurrency: 'EUX',
        AllowedLanguages: 'de, fr-xx',
        HoldbackLanguage: 'zz',
        RatingSystem: 'FSK',
        RatingValue: '17',
      },
    ]);
    const e = errors(await problemsOf(file, 'tv.xlsx'));
    const at = (col: string) => e.find((p) => p.where?.endsWith(`(${col})`));
    expect(at('AvailTrans/PriceCurrency')).toMatchObject({ message: 'unknown currency code "EUX" is not an ISO 4217 currency code' });
    expect(at('AvailTrans/PriceCurrency')!.suggestions).toContain('EUR');
    expect(at('AvailTrans/Territory')).toMatchObject({ message: 'unknown country code "JJ" (ISO 3166-1 alpha-2)' });
    expect(at('AvailTrans/AllowedLanguages')!.suggestions).toContain('fr');
    expect(at('AvailTrans/HoldbackLanguage')!.message).toMatch(/"zz" is not an ISO 639-1 language code/);
    expect(at('AvailMetadata/RatingValue')!.message).toMatch(/rating "17" is not a FSK rating/);
    expect(at('AvailMetadata/RatingValue')!.suggestions).toEqual(expect.arrayContaining(['16']));
    for (const p of e) expect(p.where).toMatch(/^sheet Template-TV, row 4, column [A-Z]+ \(/);
  });

  it('a rating system one letter off a known one is an error with the suggestion', async () => {
    const file = await tvSheet([{ ...episode, RatingSystem: 'FKS', RatingValue: '12' }]);
    const e = errors(await problemsOf(file, 'tv.xlsx'));
    expect(e.map((p) => p.message)).toEqual(['unknown rating system "FKS". Did you mean: FSK?']);
  });
});
