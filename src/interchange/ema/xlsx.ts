/**
 * The EMA Avails spreadsheet (Movies template v1.7 to v1.9): row 1 holds each
 * column's category, row 2 its field ("AvailTrans" / "Territory"), row 3 is
 * reserved (A3 may hold the template version), data from row 4, one row per
 * transaction. Columns are found by their field name, in any order; a
 * single header row of "Category/Field" names is read too.
 */
import ExcelJS from 'exceljs';
import type { Problems } from '../problems.js';
import { columnLetter } from '../sheets/cells.js';
import { gridCell, gridRow, type SheetGrid } from '../sheets/grid.js';
import { fromDomainCondition } from './conditions.js';
import { aliasOf } from './export.js';
import type { Cell, EmaTransaction, RawTransaction } from './model.js';

/** The Movies template v1.8, column by column (Category/Field), as MovieLabs publishes it. */
export const MOVIES_V18 = [
  'Avail/DisplayName',
  'Avail/Licensee',
  'AvailTrans/AssetLanguage',
  'AvailTrans/Territory',
  'AvailTrans/TerritoryExclusion',
  'Avail/StoreType',
  'AvailAsset/WorkType',
  'Disposition/EntryType',
  'AvailMetadata/TitleInternalAlias',
  'AvailMetadata/TitleDisplayUnlimited',
  'AvailMetadata/LocalizationType',
  'AvailMetadata/CompanyDisplayCredit',
  'AvailMetadata/GroupIdentity',
  'AvailMetadata/Director',
  'AvailTrans/LicenseType',
  'AvailTrans/LicenseRightsDescription',
  'AvailTrans/FormatProfile',
  'AvailTrans/HDR',
  'AvailTrans/WCG',
  'AvailTrans/HFR',
  'AvailTrans/NGAudio',
  'AvailTrans/Start',
  'AvailTrans/StartLag',
  'AvailTrans/End',
  'AvailTrans/EndLag',
  'AvailTrans/WindowDuration',
  'AvailTrans/PriceType',
  'AvailTrans/PriceValue',
  'AvailTrans/PriceCurrency',
  'AvailTrans/SRP',
  'AvailTrans/Description',
  'AvailTrans/Download',
  'AvailTrans/OtherTerms',
  'AvailTrans/OtherInstructions',
  'AvailAsset/TitleID',
  'AvailAsset/EditID',
  'AvailAsset/AltID',
  'AvailAsset/ContentID',
  'Avail/AvailID',
  'Avail/UV_ID',
  'Avail/DMA_ID',
  'Avail/ReportingID',
  'AvailAsset/Metadata',
  'Avail/ALID',
  'AvailTrans/SuppressionLiftDate',
  'AvailTrans/SpecialPreOrderFulfillDate',
  'AvailTrans/AnnounceDate',
  'AvailMetadata/ReleaseYear',
  'AvailMetadata/ReleaseHistoryOriginal',
  'AvailMetadata/ReleaseHistoryPhysicalHV',
  'Avail/ExceptionFlag',
  'AvailMetadata/RatingSystem',
  'AvailMetadata/RatingValue',
  'AvailMetadata/RatingReason',
  'AvailTrans/RentalDuration',
  'AvailTrans/WatchDuration',
  'AvailMetadata/CaptionIncluded',
  'AvailMetadata/CaptionExemption',
  'AvailMetadata/Any',
  'AvailTrans/ContractID',
  'AvailTrans/TitleStatus',
  'AvailTrans/Exclusive',
  'AvailTrans/ExclusiveAttributes',
  'AvailTrans/BrandingRights',
  'AvailTrans/BrandingRightsAttributes',
  'Avail/ServiceProvider',
  'AvailMetadata/TotalRunTime',
  'AvailTrans/HoldbackLanguage',
  'AvailTrans/AllowedLanguages',
  'AvailTrans/RequiredFulfillmentLanguages',
  'Avail/BundleALIDs',
  'AvailMetadata/RetailerID1',
  'AvailMetadata/RetailerID2',
  'AvailMetadata/RetailerID3',
  'Avail/RetailerSpare1',
  'Avail/RetailerSpare2',
  'Avail/RetailerSpare3',
  'AvailAsset/PackageLabel',
];

/** v1.9 adds FixedEndDate (after WatchDuration), as its TV template does. */
export const MOVIES_V19 = [
  ...MOVIES_V18.slice(0, MOVIES_V18.indexOf('AvailTrans/WatchDuration') + 1),
  'AvailTrans/FixedEndDate',
  ...MOVIES_V18.slice(MOVIES_V18.indexOf('AvailTrans/WatchDuration') + 1),
];

/** The TV template v1.8, column by column, as MovieLabs publishes it (series, season, volume and episode fields first). */
export const TV_V18 = [
  'Avail/DisplayName',
  'Avail/Licensee',
  'AvailTrans/AssetLanguage',
  'AvailTrans/Territory',
  'AvailTrans/TerritoryExclusion',
  'AvailAsset/WorkType',
  'Disposition/EntryType',
  'AvailMetadata/SeriesTitleInternalAlias',
  'AvailMetadata/SeriesTitleDisplayUnlimited',
  'AvailMetadata/SeasonNumber',
  'AvailMetadata/VolumeTitleInternalAlias',
  'AvailMetadata/VolumeTitleDisplayUnlimited',
  'AvailMetadata/VolumeNumber',
  'AvailMetadata/DistributionNumber',
  'AvailMetadata/EpisodeNumber',
  'AvailMetadata/LocalizationType',
  'AvailMetadata/EpisodeTitleInternalAlias',
  'AvailMetadata/EpisodeTitleDisplayUnlimited',
  'AvailMetadata/SeasonTitleInternalAlias',
  'AvailMetadata/SeasonTitleDisplayUnlimited',
  'AvailMetadata/EpisodeCount',
  'AvailMetadata/SeasonCount',
  'AvailMetadata/SeriesID',
  'AvailMetadata/SeasonID',
  'AvailMetadata/VolumeID',
  'AvailMetadata/EpisodeTitleID',
  'AvailMetadata/EpisodeID',
  'AvailMetadata/SeriesAltID',
  'AvailMetadata/SeasonAltID',
  'AvailMetadata/VolumeAltID',
  'AvailMetadata/EpisodeAltID',
  'Avail/ALID',
  'AvailMetadata/CompanyDisplayCredit',
  'AvailMetadata/GroupIdentity',
  'AvailMetadata/Director',
  'AvailTrans/LicenseType',
  'AvailTrans/LicenseRightsDescription',
  'AvailTrans/FormatProfile',
  'AvailTrans/HDR',
  'AvailTrans/WCG',
  'AvailTrans/HFR',
  'AvailTrans/NGAudio',
  'AvailTrans/Start',
  'AvailTrans/StartLag',
  'AvailTrans/End',
  'AvailTrans/EndLag',
  'AvailTrans/WindowDuration',
  'AvailTrans/SpecialPreOrderFulfillDate',
  'AvailTrans/PriceType',
  'AvailTrans/PriceValue',
  'AvailTrans/PriceCurrency',
  'AvailTrans/SRP',
  'AvailTrans/Description',
  'AvailTrans/Download',
  'AvailTrans/OtherTerms',
  'AvailTrans/OtherInstructions',
  'AvailAsset/SeriesContentID',
  'AvailAsset/SeasonContentID',
  'AvailAsset/VolumeContentID',
  'AvailAsset/EpisodeContentID',
  'Avail/AvailID',
  'Avail/UV_ID',
  'Avail/DMA_ID',
  'Avail/ReportingID',
  'AvailAsset/Metadata',
  'AvailTrans/SuppressionLiftDate',
  'AvailTrans/AnnounceDate',
  'AvailMetadata/ReleaseYear',
  'AvailMetadata/ReleaseHistoryOriginal',
  'AvailMetadata/ReleaseHistoryPhysicalHV',
  'Avail/ExceptionFlag',
  'AvailMetadata/RatingSystem',
  'AvailMetadata/RatingValue',
  'AvailMetadata/RatingReason',
  'AvailTrans/RentalDuration',
  'AvailTrans/WatchDuration',
  'AvailTrans/FixedEndDate',
  'AvailMetadata/CaptionIncluded',
  'AvailMetadata/CaptionExemption',
  'AvailMetadata/Any',
  'AvailTerms/ContractID',
  'AvailTrans/TitleStatus',
  'AvailTrans/Exclusive',
  'AvailTrans/ExclusiveAttributes',
  'AvailTrans/BrandingRights',
  'AvailTrans/BrandingRightsAttributes',
  'Avail/ServiceProvider',
  'AvailMetadata/TotalRunTime',
  'AvailTrans/HoldbackLanguage',
  'AvailTrans/AllowedLanguages',
  'AvailTrans/RequiredFulfillmentLanguages',
  'Avail/BundledALIDs',
  'AvailMetadata/RetailerEpisodeID1',
  'AvailMetadata/RetailerEpisodeID2',
  'AvailMetadata/RetailerVolumeID',
  'AvailMetadata/RetailerSeasonID',
  'AvailMetadata/RetailerSeriesID',
  'Avail/RetailerSpare1',
  'Avail/RetailerSpare2',
  'Avail/RetailerSpare3',
  'AvailAsset/PackageLabel',
];

/** v1.9's TV template adds VolumeDistributinoNumber (spelled so in the template) after DistributionNumber. */
export const TV_V19 = [
  ...TV_V18.slice(0, TV_V18.indexOf('AvailMetadata/DistributionNumber') + 1),
  'AvailMetadata/VolumeDistributinoNumber',
  ...TV_V18.slice(TV_V18.indexOf('AvailMetadata/DistributionNumber') + 1),
];

export const EMA_SHEET_VERSIONS = ['1.8', '1.9'] as const;
export type EmaSheetVersion = (typeof EMA_SHEET_VERSIONS)[number];
const READ_VERSIONS = ['1.7', '1.7.2', '1.7.3', '1.8', '1.9'];

/** Same field whatever the spelling ("Allowed Languages", "AllowedLanguage", "TerritoryExcluded"). */
const key = (field: string): string => {
  const k = field.toLowerCase().replace(/[^a-z0-9]/g, '');
  const aliases: Record<string, string> = {
    allowedlanguage: 'allowedlanguages',
    territoryexcluded: 'territoryexclusion',
    territoryexclusions: 'territoryexclusion',
    holdbacklanguages: 'holdbacklanguage',
    assetlanguages: 'assetlanguage',
    bundledalids: 'bundlealids',
    licensor: 'displayname',
  };
  return aliases[k] ?? k;
};

// ------------------------------------------------------------------ writing

function dateCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The WorkTypes written on the TV template's sheet (the rest go on the Movies sheet). */
const TV_WORK_TYPES = new Set(['Series', 'Season', 'Episode', 'Volume']);

/**
 * Writes transactions as an EMA spreadsheet of the given template version:
 * films on a `Template-Movies` sheet (the Movies template's columns), series,
 * seasons, volumes and episodes on a `Template-TV` sheet (the TV template's).
 * A file with no TV rows has only the Movies sheet, and one with only TV rows
 * only the TV sheet.
 */
export async function writeEmaXlsx(rows: EmaTransaction[], version: EmaSheetVersion): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const tv = rows.filter((t) => TV_WORK_TYPES.has(t.workType));
  const movies = rows.filter((t) => !TV_WORK_TYPES.has(t.workType));
  if (movies.length || !tv.length) writeSheet(wb, 'Template-Movies', version === '1.9' ? MOVIES_V19 : MOVIES_V18, movies, version, false);
  if (tv.length) writeSheet(wb, 'Template-TV', version === '1.9' ? TV_V19 : TV_V18, tv, version, true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeSheet(wb: ExcelJS.Workbook, name: string, columns: string[], rows: EmaTransaction[], version: string, tvSheet: boolean) {
  const ws = wb.addWorksheet(name);
  ws.addRow(columns.map((c) => c.split('/')[0]));
  ws.addRow(columns.map((c) => c.split('/')[1]));
  const row3 = ws.addRow([]);
  row3.getCell(1).value = Number(version);
  const col = (field: string) => columns.findIndex((c) => c.endsWith(`/${field}`)) + 1;
  for (const t of rows) {
    const r = ws.addRow([]);
    const set = (field: string, v: ExcelJS.CellValue) => {
      if (v === null || v === undefined || v === '') return;
      const at = col(field);
      if (at < 1) return;
      const cell = r.getCell(at);
      // a string cell: a title such as =cmd|' /C calc'!A0 is shown as text, never evaluated
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    };
    // a lag is ours, never a user's text: "-P6M" (six months before) is written as it is
    const setLag = (field: string, lag: string | null) => {
      if (lag === null || col(field) < 1) return;
      r.getCell(col(field)).value = /^-?P\d+D$/.test(lag) ? Number(lag.replace(/P|D/g, '')) : lag;
    };
    set('DisplayName', t.licensor);
    set('Licensee', t.licensee);
    set('AssetLanguage', t.assetLanguage);
    set('Territory', t.territory);
    set('WorkType', t.workType);
    set('EntryType', 'Full Extract');
    if (tvSheet && t.tv) {
      set('SeriesTitleInternalAlias', aliasOf(t.tv.series));
      set('SeriesTitleDisplayUnlimited', t.tv.series);
      set('SeasonNumber', t.tv.season);
      set('SeriesContentID', t.tv.seriesContentId ?? null);
      set('SeasonContentID', t.tv.seasonContentId ?? null);
      if (t.workType === 'Episode') {
        set('EpisodeNumber', t.tv.episode);
        set('EpisodeTitleInternalAlias', t.titleAlias);
        set('EpisodeTitleDisplayUnlimited', t.displayTitle ?? t.title);
        set('EpisodeContentID', t.contentId);
      }
      if (t.workType === 'Season' || t.workType === 'Volume') {
        set(t.workType === 'Season' ? 'SeasonTitleInternalAlias' : 'VolumeTitleInternalAlias', t.titleAlias);
        set(t.workType === 'Season' ? 'SeasonTitleDisplayUnlimited' : 'VolumeTitleDisplayUnlimited', t.displayTitle ?? t.title);
        if (t.workType === 'Volume') set('VolumeNumber', t.tv.season);
      }
    } else if (tvSheet) {
      set('SeriesTitleInternalAlias', t.titleAlias);
      set('SeriesTitleDisplayUnlimited', t.displayTitle ?? t.title);
    } else {
      set('TitleInternalAlias', t.titleAlias);
      set('TitleDisplayUnlimited', t.displayTitle ?? t.title);
      set('ContentID', t.contentId);
    }
    set('LicenseType', t.licenseType);
    set('LicenseRightsDescription', t.lrd);
    set('FormatProfile', t.formatProfile);
    // a window that follows an event: the event word, and its lag (days as a number, months as P6M)
    if (t.startEvent) {
      const { word, lag } = fromDomainCondition(t.startEvent);
      set('Start', word);
      setLag('StartLag', lag);
    } else set('Start', dateCell(t.start!));
    if (t.endEvent && !t.endCondition) {
      const { word, lag } = fromDomainCondition(t.endEvent);
      set('End', word);
      setLag('EndLag', lag);
    } else set('End', t.endCondition ?? (t.end ? dateCell(t.end) : 'Open'));
    set('PriceType', t.priceType);
    set('PriceValue', t.priceValue);
    set('PriceCurrency', t.priceCurrency);
    set('ALID', t.alid);
    set('ReleaseYear', t.releaseYear);
    set('ContractID', t.contractId);
    set('Exclusive', t.exclusive);
    set(
      'TotalRunTime',
      t.runtimeMinutes
        ? `${String(Math.floor(t.runtimeMinutes / 60)).padStart(2, '0')}:${String(t.runtimeMinutes % 60).padStart(2, '0')}:00`
        : null,
    );
    set('AllowedLanguages', t.allowedLanguages?.join(', ') ?? null);
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

// ------------------------------------------------------------------ reading

export interface EmaSheetRead {
  rows: RawTransaction[];
  versions: string[];
  sheets: string[];
}

interface Header {
  fields: Map<string, { col: number; label: string }>;
  dataStart: number;
  version: string | null;
}

function findHeader(ws: SheetGrid): Header | null {
  const rowTexts = (r: number) => {
    const out: Array<{ col: number; text: string }> = [];
    for (const { col, cell: v } of gridRow(ws, r)) {
      if ('value' in v && v.value !== null) out.push({ col, text: String(v.value).trim() });
    }
    return out;
  };
  const has = (cells: Array<{ text: string }>, f: string) => cells.some((c) => key(c.text.split('/').pop()!) === f);
  const r1 = rowTexts(1);
  const r2 = rowTexts(2);
  const fields = new Map<string, { col: number; label: string }>();
  if (has(r2, 'licensetype') && has(r2, 'territory')) {
    const cat = new Map(r1.map((c) => [c.col, c.text]));
    for (const c of r2) if (!fields.has(key(c.text))) fields.set(key(c.text), { col: c.col, label: `${cat.get(c.col) ?? '?'}/${c.text}` });
    const a3 = gridCell(ws, 3, 1);
    const version = 'value' in a3 && a3.value !== null && /^\d+(\.\d+)*$/.test(String(a3.value)) ? String(a3.value) : null;
    // Row 3 is reserved; a file that put data there anyway is read from row 3.
    const ltv = gridCell(ws, 3, fields.get('licensetype')!.col);
    const dataStart =
      'value' in ltv && typeof ltv.value === 'string' && /^[A-Za-z]+$/.test(ltv.value) && !ltv.value.startsWith('//') ? 3 : 4;
    return { fields, dataStart, version };
  }
  if (has(r1, 'licensetype') && has(r1, 'territory')) {
    for (const c of r1) {
      const f = key(c.text.split('/').pop()!);
      if (!fields.has(f)) fields.set(f, { col: c.col, label: c.text });
    }
    const second = rowTexts(2);
    const dataStart = second.length && second.every((c) => c.text.startsWith('//')) ? 3 : 2;
    return { fields, dataStart, version: null };
  }
  return null;
}

/** Whether a sheet has EMA Avails headers (row 1 or 2 names LicenseType and Territory). */
export function isEmaSheet(ws: SheetGrid): boolean {
  return findHeader(ws) !== null;
}

/** Reads every sheet that has EMA headers (Movies, TV, Template-*, AllAvails...), one RawTransaction per data row. */
export function readEmaSheets(sheets: SheetGrid[], name: string, problems: Problems): EmaSheetRead {
  const out: EmaSheetRead = { rows: [], versions: [], sheets: [] };
  for (const ws of sheets) {
    const h = findHeader(ws);
    if (!h) continue;
    out.sheets.push(ws.name);
    if (h.version) {
      out.versions.push(h.version);
      if (!READ_VERSIONS.includes(h.version))
        problems.warn(
          `sheet ${ws.name}, cell A3`,
          `template version ${h.version} is not one we know (1.7 to 1.9); columns are read by their names`,
        );
    }
    for (const required of ['displayname', 'territory', 'licensetype', 'start', 'end', 'formatprofile', 'worktype']) {
      if (!h.fields.has(required))
        problems.error(`sheet ${ws.name}, row 2`, `no ${required === 'displayname' ? 'DisplayName' : required} column`);
    }
    for (let r = h.dataStart; r <= ws.lastRow; r++) {
      if (!ws.rows.has(r)) continue;
      const values = new Map<string, Cell>();
      let any = false;
      for (const [f, { col, label }] of h.fields) {
        const c = gridCell(ws, r, col);
        if ('formula' in c) {
          problems.error(
            `sheet ${ws.name}, row ${r}, column ${columnLetter(col)} (${label})`,
            `the cell holds a formula (${c.formula}): formulas are not read; paste the values instead`,
          );
          any = true;
          continue;
        }
        if (c.value !== null) {
          values.set(f, c.value);
          any = true;
        }
      }
      if (!any) continue;
      // A comment row ("//REQ", "//Opt" notes) carries no transaction.
      if ([...values.values()].every((v) => typeof v === 'string' && v.trim().startsWith('//'))) continue;
      const where = `sheet ${ws.name}, row ${r}`;
      const at = (field: string) => {
        const f = h.fields.get(key(field));
        return f ? `${where}, column ${columnLetter(f.col)} (${f.label})` : `${where} (no ${field} column)`;
      };
      const get = (field: string): Cell => values.get(key(field)) ?? null;
      const system = get('RatingSystem');
      out.rows.push({
        where,
        get,
        all: (field) => {
          const v = get(field);
          return v === null ? [] : [v];
        },
        at,
        xml: false,
        ratings: system
          ? [
              {
                system: String(system),
                value: String(get('RatingValue') ?? ''),
                reasons: String(get('RatingReason') ?? '')
                  .split(/[,;]/)
                  .map((s) => s.trim())
                  .filter(Boolean),
                region: String(get('Territory') ?? '') || null,
                where: at('RatingValue'),
              },
            ]
          : [],
      });
    }
  }
  if (!out.sheets.length)
    problems.error(name, 'no sheet with EMA Avails headers (row 2 must name the fields: Territory, LicenseType, Start, End...)');
  return out;
}
