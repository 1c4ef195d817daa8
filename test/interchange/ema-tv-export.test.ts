import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { emaTransactions, exportEma } from '../../src/services/emaExport.js';
import { importEma } from '../../src/services/imports.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import type { EmaTransaction } from '../../src/interchange/ema/model.js';
import { EMA_XML_VERSIONS } from '../../src/interchange/ema/xml.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';

/**
 * A series with two seasons of two episodes, licensed in for Germany and
 * Austria on demand; Season 1 sold to a retailer for EST in Germany (a block
 * on the season), Season 2's first episode sold to it for SVOD in Austria.
 */
async function seed(app: FilmRights) {
  const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Rockstar Films', kind: 'distributor' })).company.id;
  const producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Fjord Pictures', kind: 'production' })).company.id;
  const shop = (await findOrCreateCompany(app, SYSTEM, { name: 'iTunes', kind: 'streamer' })).company.id;
  await setWeCompany(app, SYSTEM, us);
  const series = (await createTitle(app, SYSTEM, { originalTitle: 'The Borderland', kind: 'series', languages: ['de'] })).id;
  const seasons: string[] = [];
  const episodes: string[] = [];
  for (const n of [1, 2]) {
    const s = (await createTitle(app, SYSTEM, { originalTitle: `The Borderland Season ${n}`, kind: 'season', parentId: series, number: n }))
      .id;
    seasons.push(s);
    for (const e of [1, 2])
      episodes.push(
        (
          await createTitle(app, SYSTEM, {
            originalTitle: `Crossing ${n}.${e}`,
            kind: 'episode',
            parentId: s,
            number: e,
            runtimeMinutes: 52,
          })
        ).id,
      );
  }
  await saveContract(app, SYSTEM, {
    ref: 'IN-TV',
    status: 'signed',
    licensorId: producer,
    licenseeId: us,
    titleIds: [series],
    blocks: [
      { titleId: series, territories: 'Germany, Austria', media: 'On Demand', start: '2025-01-01', end: '2030-12-31', exclusive: true },
    ],
  });
  await saveContract(app, SYSTEM, {
    ref: 'OUT-TV',
    status: 'signed',
    licensorId: us,
    licenseeId: shop,
    titleIds: [seasons[0], episodes[2]],
    blocks: [
      { titleId: seasons[0], territories: 'Germany', media: 'EST', start: '2025-03-01', end: '2027-02-28', exclusive: false },
      { titleId: episodes[2], territories: 'Austria', media: 'SVOD', start: '2025-06-01', end: '2030-12-31', exclusive: false },
    ],
  });
  return { series, seasons, episodes };
}

const WINDOWS = { from: '2025-01-01', retailer: 'iTunes', source: 'windows' as const, formatProfiles: ['HD'] };

/** A row by what it is, not by ids or names: work type, series, season, episode, window. */
const shape = (t: EmaTransaction) =>
  [
    t.workType,
    t.tv?.series ?? t.title,
    t.tv?.season ?? '',
    t.tv?.episode ?? '',
    t.territory,
    t.licenseType,
    t.formatProfile,
    t.start,
    t.end ?? 'Open',
    t.exclusive,
  ].join('|');

describe('EMA TV avails out: series, season and episode rows', () => {
  let app: FilmRights;
  let ids: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    ids = await seed(app);
  });
  afterAll(() => app.close());

  it('the windows sold are a Season row and an Episode row, placed under their series', async () => {
    const rows = await emaTransactions(app, WINDOWS);
    expect(rows.map(shape).sort()).toEqual([
      'Episode|The Borderland|2|1|AT|SVOD|HD|2025-06-01|2030-12-31|false',
      'Season|The Borderland|1||DE|EST|HD|2025-03-01|2027-02-28|false',
      // the pre-order before the season's EST window
      'Season|The Borderland|1||DE|POEST|HD|2025-01-30|Open|false',
    ]);
    const season = rows.find((r) => r.workType === 'Season')!;
    expect(season.tv).toMatchObject({ seriesContentId: `md:cid:org:filmrights:${ids.series}`, seasonContentId: season.contentId });
  });

  it('the avails to offer are per episode (the engine answers for episodes), each with its series and season', async () => {
    const rows = await emaTransactions(app, { from: '2025-01-01', territories: 'Austria', licenseTypes: ['SVOD'], formatProfiles: ['HD'] });
    expect(rows.map(shape).sort()).toEqual(
      [
        ['1', '1'],
        ['1', '2'],
        ['2', '1'],
        ['2', '2'],
      ].map(([s, e]) => `Episode|The Borderland|${s}|${e}|AT|SVOD|HD|2025-01-01|2030-12-31|false`),
    );
  });

  for (const version of EMA_XML_VERSIONS) {
    it(`XML v${version}: schema-valid with EpisodeMetadata and SeasonMetadata`, async () => {
      const out = await exportEma(app, 'ema-xml', version, { ...WINDOWS, source: 'avails', territories: 'Germany, Austria' });
      const xml = out.data.toString('utf8');
      expect(xml).toContain('<avails:EpisodeMetadata>');
      const v = await validateAvailsXml(xml);
      expect(v.errors).toEqual([]);
      expect(v.version).toBe(version);
      const sold = (await exportEma(app, 'ema-xml', version, WINDOWS)).data.toString('utf8');
      expect(sold).toContain('<avails:WorkType>Season</avails:WorkType>');
      expect((await validateAvailsXml(sold)).errors).toEqual([]);
    });
  }

  for (const version of ['1.8', '1.9'] as const) {
    it(`spreadsheet v${version}: the TV template's sheet, its columns, series, season and episode fields`, async () => {
      const out = await exportEma(app, 'ema-xlsx', version, WINDOWS);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(out.data as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Template-TV']);
      const ws = wb.worksheets[0];
      const fields = (ws.getRow(2).values as unknown[]).slice(1).map(String);
      expect(fields.slice(0, 10)).toEqual([
        'DisplayName',
        'Licensee',
        'AssetLanguage',
        'Territory',
        'TerritoryExclusion',
        'WorkType',
        'EntryType',
        'SeriesTitleInternalAlias',
        'SeriesTitleDisplayUnlimited',
        'SeasonNumber',
      ]);
      expect(fields.includes('VolumeDistributinoNumber')).toBe(version === '1.9');
      expect(ws.getCell('A3').value).toBe(Number(version));
      const cell = (row: number, f: string) => ws.getRow(row).getCell(fields.indexOf(f) + 1).value;
      const rows = [4, 5].map((r) => ({
        workType: cell(r, 'WorkType'),
        series: cell(r, 'SeriesTitleInternalAlias'),
        season: cell(r, 'SeasonNumber'),
        episode: cell(r, 'EpisodeNumber'),
        alid: cell(r, 'ALID'),
      }));
      expect(rows).toContainEqual({
        workType: 'Season',
        series: 'Borderland, The',
        season: 1,
        episode: null,
        alid: `md:alid:org:filmrights:${ids.seasons[0]}`,
      });
      expect(rows).toContainEqual({
        workType: 'Episode',
        series: 'Borderland, The',
        season: 2,
        episode: 1,
        alid: `md:alid:org:filmrights:${ids.episodes[2]}`,
      });
    });
  }

  for (const [format, version] of [
    ['ema-xlsx', '1.8'],
    ['ema-xlsx', '1.9'],
    ['ema-xml', '2.2.1'],
    ['ema-xml', '2.7'],
  ] as const) {
    it(`round trip ${format} v${version}: ours → EMA → import into an empty catalog → the same series avails`, async () => {
      const first = await emaTransactions(app, WINDOWS);
      const file = await exportEma(app, format, version, WINDOWS);
      const other = await FilmRights.open({ file: ':memory:' });
      try {
        const r = await importEma(other, SYSTEM, file.data, `tv.${format === 'ema-xml' ? 'xml' : 'xlsx'}`, format, {
          commit: true,
          // Avails XML v2.2 has no Licensee: the retailer is named at import
          ...(version.startsWith('2.2') ? { retailer: 'iTunes' } : {}),
        });
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        // the series, its seasons and the episode are placed in a tree
        const titles = await other.store.db.selectFrom('titles').select(['id', 'kind', 'parent_id', 'number']).execute();
        const series = titles.find((t) => t.kind === 'series')!;
        const seasons = titles.filter((t) => t.kind === 'season');
        expect(seasons.every((s) => s.parent_id === series.id)).toBe(true);
        expect(seasons.map((s) => s.number).sort()).toEqual([1, 2]);
        const episode = titles.find((t) => t.kind === 'episode')!;
        expect(seasons.find((s) => s.id === episode.parent_id)?.number).toBe(2);
        const back = await emaTransactions(other, { ...WINDOWS, licensor: 'Rockstar Films' });
        expect(back.map(shape).sort()).toEqual(first.map(shape).sort());
      } finally {
        await other.close();
      }
    });
  }
});

describe('EMA TV avails out: a volume of a series', () => {
  let app: FilmRights;
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Rockstar Films', kind: 'distributor' })).company.id;
    const producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Fjord Pictures', kind: 'production' })).company.id;
    const shop = (await findOrCreateCompany(app, SYSTEM, { name: 'iTunes', kind: 'streamer' })).company.id;
    await setWeCompany(app, SYSTEM, us);
    const series = (await createTitle(app, SYSTEM, { originalTitle: 'Night Ferry', kind: 'series' })).id;
    const volume = (await createTitle(app, SYSTEM, { originalTitle: 'Night Ferry Volume 3', kind: 'volume', parentId: series, number: 3 }))
      .id;
    await saveContract(app, SYSTEM, {
      ref: 'IN-V',
      status: 'signed',
      licensorId: producer,
      licenseeId: us,
      titleIds: [series],
      blocks: [{ titleId: series, territories: 'Belgium', media: 'EST', start: '2025-01-01', end: '2030-12-31', exclusive: true }],
    });
    await saveContract(app, SYSTEM, {
      ref: 'OUT-V',
      status: 'signed',
      licensorId: us,
      licenseeId: shop,
      titleIds: [volume],
      blocks: [{ titleId: volume, territories: 'Belgium', media: 'EST', start: '2025-01-01', end: '2026-12-31', exclusive: false }],
    });
  });
  afterAll(() => app.close());

  it('is a Volume row: VolumeMetadata from v2.5, a season before; schema-valid; placed again on import', async () => {
    const opts = { ...WINDOWS, licenseTypes: ['EST' as const] };
    const rows = await emaTransactions(app, opts);
    expect(rows.map(shape)).toEqual(['Volume|Night Ferry|3||BE|EST|HD|2025-01-01|2026-12-31|false']);
    for (const version of ['2.4', '2.5', '2.7'] as const) {
      const xml = (await exportEma(app, 'ema-xml', version, opts)).data.toString('utf8');
      expect(xml.includes('<avails:VolumeMetadata>')).toBe(version !== '2.4');
      expect((await validateAvailsXml(xml)).errors).toEqual([]);
    }
    for (const [format, version] of [
      ['ema-xml', '2.7'],
      ['ema-xlsx', '1.9'],
    ] as const) {
      const file = await exportEma(app, format, version, opts);
      const other = await FilmRights.open({ file: ':memory:' });
      try {
        const r = await importEma(other, SYSTEM, file.data, `v.${format === 'ema-xml' ? 'xml' : 'xlsx'}`, format, { commit: true });
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const titles = await other.store.db.selectFrom('titles').select(['id', 'kind', 'parent_id', 'number']).execute();
        const series = titles.find((t) => t.kind === 'series')!;
        expect(titles.find((t) => t.kind === 'volume')).toMatchObject({ parent_id: series.id, number: 3 });
        expect((await emaTransactions(other, { ...opts, licensor: 'Rockstar Films' })).map(shape)).toEqual(rows.map(shape));
      } finally {
        await other.close();
      }
    }
  });
});
