/**
 * Writes the EMA spreadsheet samples the tests import (test/fixtures/ema-written/*.xlsx): avails
 * written for filmrights in the shapes of the templates v1.7 to v1.9 (films, bundles, collections,
 * bonus material, pre-orders; series, seasons with and without an ALID, episodes, volumes).
 * The columns are the templates' (src/interchange/ema/xlsx.ts); the rows are made up.
 * Run: npx tsx scripts/gen-ema-samples.ts
 */
import ExcelJS from 'exceljs';
import { MOVIES_V18, MOVIES_V19, TV_V18, TV_V19 } from '../src/interchange/ema/xlsx.js';

type Row = Record<string, string | number | boolean | Date>;
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const base = { DisplayName: 'Lantern Pictures', Licensee: 'Corner Video', EntryType: 'Full Extract', FormatProfile: 'HD' };

function sheet(wb: ExcelJS.Workbook, name: string, columns: string[], version: string, rows: Row[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(columns.map((c) => c.split('/')[0]));
  ws.addRow(columns.map((c) => c.split('/')[1]));
  ws.addRow([version]);
  for (const r of rows) {
    const row = ws.addRow([]);
    for (const [field, value] of Object.entries({ ...base, ...r })) {
      const i = columns.findIndex((c) => c.split('/')[1] === field);
      if (i < 0) throw new Error(`${name}: no ${field} column`);
      row.getCell(i + 1).value = value;
    }
  }
}

const film = {
  WorkType: 'Movie',
  TitleInternalAlias: 'Harbour Lights',
  TitleDisplayUnlimited: 'Harbour Lights',
  ALID: 'md:alid:org:example:harbour-lights',
  ContentID: 'md:cid:org:example:harbour-lights',
  ReleaseYear: 2024,
};

async function write(file: string, fill: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(new URL(`../test/fixtures/ema-written/${file}`, import.meta.url).pathname);
}

await write('movies-tv-v1.7.xlsx', (wb) => {
  // v1.7: sheets named Movies and TV, dates written as text the way U.S. tools do
  sheet(wb, 'Movies', MOVIES_V18, '1.7', [
    { ...film, Territory: 'US', LicenseType: 'EST', Start: '06/14/2026', End: 'Open', Exclusive: 'No' },
    {
      WorkType: 'Bundle',
      TitleInternalAlias: 'Harbour Lights Double Bill',
      ALID: 'md:alid:org:example:double-bill',
      BundleALIDs: 'md:alid:org:example:harbour-lights, md:alid:org:example:low-tide',
      Territory: 'US',
      LicenseType: 'EST',
      Start: '2026-06-14',
      End: '2027-06-13',
      PriceType: 'SRP',
      PriceValue: 19.99,
      PriceCurrency: 'USD',
    },
  ]);
  sheet(wb, 'TV', TV_V18, '1.7', [
    {
      WorkType: 'Episode',
      SeriesTitleInternalAlias: 'Tidewater',
      SeasonNumber: 1,
      EpisodeNumber: 1,
      EpisodeTitleInternalAlias: 'High Water',
      ALID: 'md:alid:org:example:tidewater-s1e1',
      Territory: 'CA',
      LicenseType: 'VOD',
      Start: day('2026-04-01'),
      End: day('2026-09-30'),
    },
    {
      WorkType: 'Episode',
      SeriesTitleInternalAlias: 'Tidewater',
      SeasonNumber: 1,
      EpisodeNumber: 2,
      EpisodeTitleInternalAlias: 'Low Water',
      ALID: 'md:alid:org:example:tidewater-s1e2',
      Territory: 'CA',
      LicenseType: 'VOD',
      Start: day('2026-04-01'),
      End: day('2026-09-30'),
    },
  ]);
});

await write('movies-bonus-v1.8.xlsx', (wb) => {
  sheet(wb, 'Template-Movies', MOVIES_V18, '1.8', [
    { ...film, Territory: 'GB', LicenseType: 'POEST', LicenseRightsDescription: 'Preorder EST', Start: day('2026-02-01'), End: 'ESTStart' },
    {
      ...film,
      Territory: 'GB, IE',
      LicenseType: 'EST',
      LicenseRightsDescription: 'New Release',
      Start: day('2026-03-01'),
      End: 'Open',
      AllowedLanguages: 'en',
      PriceType: 'WSP',
      PriceValue: 9.99,
      PriceCurrency: 'GBP',
    },
    {
      WorkType: 'Collection',
      TitleInternalAlias: 'Lantern Classics',
      ALID: 'md:alid:org:example:lantern-classics',
      Territory: 'WW',
      TerritoryExclusion: 'CN, KP',
      LicenseType: 'SVOD',
      Start: day('2026-01-01'),
      End: day('2026-12-31'),
      Exclusive: true,
    },
  ]);
  sheet(wb, 'Bonus', MOVIES_V18, '1.8', [
    {
      WorkType: 'Supplemental',
      TitleInternalAlias: 'Making Harbour Lights',
      ALID: 'md:alid:org:example:harbour-lights-making-of',
      Territory: 'GB',
      LicenseType: 'EST',
      Start: day('2026-03-01'),
      End: 'Open',
      TotalRunTime: '00:22:00',
    },
  ]);
});

await write('tv-v1.9.xlsx', (wb) => {
  const series = {
    SeriesTitleInternalAlias: 'Tidewater',
    SeriesTitleDisplayUnlimited: 'Tidewater',
    Territory: 'DE',
    Start: day('2026-01-01'),
  };
  sheet(wb, 'Template-TV', TV_V19, '1.9', [
    { ...series, WorkType: 'Series', ALID: 'md:alid:org:example:tidewater', LicenseType: 'SVOD', End: day('2026-12-31'), Exclusive: 'Yes' },
    // a season row without an ALID: its series and number place it
    { ...series, WorkType: 'Season', SeasonNumber: 2, LicenseType: 'EST', End: 'Open', LicenseRightsDescription: 'Season Only' },
    {
      ...series,
      WorkType: 'Episode',
      SeasonNumber: 2,
      EpisodeNumber: 1,
      EpisodeTitleInternalAlias: 'Slack Water',
      ALID: 'md:alid:org:example:tidewater-s2e1',
      LicenseType: 'EST',
      End: 'Open',
    },
    {
      ...series,
      WorkType: 'Episode',
      SeasonNumber: 2,
      EpisodeNumber: 2,
      EpisodeTitleInternalAlias: 'Spring Tide',
      ALID: 'md:alid:org:example:tidewater-s2e2',
      LicenseType: 'EST',
      End: 'Open',
    },
    {
      ...series,
      WorkType: 'Volume',
      VolumeNumber: 1,
      VolumeTitleInternalAlias: 'Tidewater Volume 1',
      ALID: 'md:alid:org:example:tidewater-vol1',
      LicenseType: 'EST',
      End: 'Open',
      Territory: 'AT',
    },
  ]);
});
await write('movies-v1.9.xlsx', (wb) => {
  sheet(wb, 'Template-Movies', MOVIES_V19, '1.9', [
    {
      ...film,
      Territory: 'FR',
      LicenseType: 'VOD',
      Start: day('2026-05-01'),
      End: day('2026-10-31'),
      AllowedLanguages: 'fr, en',
      AssetLanguage: 'en',
    },
  ]);
});
