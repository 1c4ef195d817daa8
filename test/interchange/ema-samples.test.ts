import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { importEma } from '../../src/services/imports.js';
import { ImportRefused, type Problem } from '../../src/interchange/problems.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';
import {
  describeCondition,
  fromDomainCondition,
  parseLag,
  readCondition,
  toDomainCondition,
} from '../../src/interchange/ema/conditions.js';
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

/** The condition columns of every block of a title, by title name. */
async function conditionsOf(name: string) {
  const t = await app.store.db.selectFrom('titles').select('id').where('original_title', '=', name).executeTakeFirstOrThrow();
  return app.store.db
    .selectFrom('rights_blocks')
    .select(['territory_codes', 'start_date', 'end_date', 'start_event', 'start_territory', 'start_media', 'start_offset', 'start_unit'])
    .select(['end_event', 'end_territory', 'end_media', 'end_offset', 'end_unit'])
    .where('title_id', '=', t.id)
    .execute();
}

describe('conditional windows: stored as conditions, each in the country of its row', () => {
  it('End "Broadcast" with an EndLag (spreadsheet): the window ends 7 days after the first broadcast in its country', async () => {
    const file = await tvSheet([episode, { ...episode, EpisodeNumber: 2, ALID: 'md:alid:org:example:e2', End: 'Broadcast', EndLag: 7 }]);
    expect(errors(await problemsOf(file, 'tv.xlsx'))).toEqual([]);
    expect(await conditionsOf('Tidewater: Season 1, Episode 2')).toEqual([
      {
        territory_codes: '["DE"]',
        start_date: '2026-01-01',
        end_date: null,
        start_event: null,
        start_territory: null,
        start_media: null,
        start_offset: null,
        start_unit: null,
        end_event: 'broadcast',
        end_territory: 'DE',
        end_media: null,
        end_offset: 7,
        end_unit: 'days',
      },
    ]);
  });

  it('StartCondition with a lag (XML): one block per country, each after its own theatrical release', async () => {
    const xml = readFileSync(join(WRITTEN, 'avails-shapes-v2.7.xml'), 'utf8').replace(
      '<avails:Territory><md:country>FR</md:country></avails:Territory>\n      <avails:Start>2026-05-01T00:00:00</avails:Start>\n      <avails:End>2026-11-01T00:00:00</avails:End>',
      '<avails:Territory><md:country>FR</md:country></avails:Territory>\n      <avails:Territory><md:country>BE</md:country></avails:Territory>\n      <avails:StartCondition lag="P90D">TheatricalRelease</avails:StartCondition>\n      <avails:EndCondition lag="P6M">TheatricalRelease</avails:EndCondition>',
    );
    expect(xml).toContain('lag="P6M"');
    expect((await validateAvailsXml(xml)).errors).toEqual([]);
    expect(errors(await problemsOf(Buffer.from(xml), 'a.xml'))).toEqual([]);
    const blocks = await conditionsOf('Tidewater: Season 2, Episode 3: Slack Water');
    expect(
      blocks
        .map((b) => [b.territory_codes, b.start_date, b.start_event, b.start_territory, b.start_media, b.start_offset, b.start_unit])
        .sort(),
    ).toEqual([
      ['["BE"]', null, 'release', 'BE', 'theatrical', 90, 'days'],
      ['["FR"]', null, 'release', 'FR', 'theatrical', 90, 'days'],
    ]);
    expect(blocks.map((b) => [b.end_event, b.end_territory, b.end_offset, b.end_unit])).toEqual([
      ['release', blocks[0].start_territory, 6, 'months'],
      ['release', blocks[1].start_territory, 6, 'months'],
    ]);
  });

  it('an event filmrights cannot date is refused, naming the row, the column and the word; nothing written', async () => {
    const file = await tvSheet([
      episode,
      { ...episode, EpisodeNumber: 2, ALID: 'md:alid:org:example:e2', Start: 'PayTVWindowEnd', StartLag: 7 },
    ]);
    const ps = errors(await problemsOf(file, 'tv.xlsx'));
    expect(ps).toHaveLength(1);
    expect(ps[0].where).toMatch(/^sheet Template-TV, row 5, column \w+ \(AvailTrans\/Start\)$/);
    expect(ps[0].message).toContain('Start "PayTVWindowEnd" is neither a date nor an event filmrights can date');
    expect(ps[0].message).toContain('Broadcast, TheatricalRelease');
    expect(await app.store.db.selectFrom('titles').select('id').execute()).toEqual([]);
  });

  it('a lag that is not a duration, or mixes months and days, is refused naming its column or attribute', async () => {
    const file = await tvSheet([{ ...episode, End: 'Broadcast', EndLag: 'a week' }]);
    const ps = errors(await problemsOf(file, 'tv.xlsx'));
    expect(ps.map((p) => p.message)).toEqual([
      'sheet Template-TV, row 4, End: \'Broadcast\' with EndLag a week: EndLag "a week" is not a duration (7, 7d, 2w, 6m, P90D, P6M)',
    ]);
    expect(ps[0].where).toMatch(/\(AvailTrans\/EndLag\)$/);
    const xml = readFileSync(join(WRITTEN, 'avails-shapes-v2.7.xml'), 'utf8').replace(
      '<avails:End>2026-11-01T00:00:00</avails:End>',
      '<avails:EndCondition lag="P1M10D">Broadcast</avails:EndCondition>',
    );
    const px = errors(await problemsOf(Buffer.from(xml), 'a.xml'));
    expect(px.map((p) => p.where)).toEqual(['/AvailList/Avail[4]/Transaction[1]/EndCondition/@lag']);
    expect(px[0].message).toContain('mixes months and days');
  });

  it('a lag beside a date is a warning naming its column, and the date is kept', async () => {
    const file = await tvSheet([{ ...episode, StartLag: 7 }]);
    const ps = await problemsOf(file, 'tv.xlsx');
    expect(errors(ps)).toEqual([]);
    const w = ps.find((p) => p.message.startsWith('StartLag "7" is read only when Start is an event'));
    expect(w?.where).toMatch(/\(AvailTrans\/StartLag\)$/);
    expect((await conditionsOf('Tidewater: Season 1, Episode 1'))[0]).toMatchObject({ start_date: '2026-01-01', start_event: null });
  });

  it('Start "Immediate" with a lag is a date: the day of the import plus the lag (a warning)', async () => {
    const file = await tvSheet([{ ...episode, Start: 'Immediate', StartLag: '2w' }]);
    const r = await importEma(app, SYSTEM, file, 'tv.xlsx', 'ema-xlsx', { commit: true, today: '2026-03-01' });
    expect(r.problems.filter((p) => p.severity === 'warning').map((p) => p.message)).toContain(
      'Start "Immediate" with StartLag 14d is recorded as the day of the import plus the lag, 2026-03-15',
    );
    expect((await conditionsOf('Tidewater: Season 1, Episode 1'))[0]).toMatchObject({ start_date: '2026-03-15', start_event: null });
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
    expect(parseLag('-P30D')).toEqual({ days: -30, months: null });
    expect(parseLag('P1Y')).toEqual({ days: null, months: 12 });
  });

  it('maps event words onto the events of the domain in the country of the row, and writes them back', () => {
    const read = (v: string, lag: string | number | null) => toDomainCondition(readCondition('start', v, lag)!, 'DE');
    expect(read('Broadcast', 7)).toEqual({
      condition: { event: 'broadcast', territory: 'DE', media: null, window: null, offset: 7, unit: 'days' },
    });
    expect(read('theatrical release', 'P6M')).toMatchObject({
      condition: { event: 'release', media: 'theatrical', offset: 6, unit: 'months' },
    });
    expect(read('Delivery', '-P30D')).toMatchObject({ condition: { event: 'delivery', territory: null, offset: -30 } });
    expect(read('FestivalPremiere', null)).toMatchObject({ condition: { event: 'festival-premiere', offset: 0 } });
    for (const [word, lag] of [
      ['Broadcast', 7],
      ['TheatricalRelease', 'P6M'],
      ['HomeVideoRelease', '-P2M'],
      ['StreamingRelease', 'P90D'],
      ['Delivery', null],
    ] as const) {
      const c = read(word, lag);
      if (!('condition' in c)) throw new Error(c.error);
      const back = fromDomainCondition(c.condition);
      expect(back.word).toBe(word);
      expect(toDomainCondition(readCondition('start', back.word, back.lag)!, 'DE')).toEqual(c);
    }
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
