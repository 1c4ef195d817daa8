/**
 * One EMA avail transaction, as both file formats carry it, and the checks
 * that turn what a file says (cells of any type, XML text) into it. Readers
 * (xlsx.ts, xml.ts) produce `RawTransaction`s that know where each field
 * came from, so every problem names its sheet, row and column or XML path.
 */
import { COUNTRIES, findCountry } from '../../domain/countries.js';
import { closest } from '../../domain/fuzzy.js';
import { type Problems } from '../problems.js';
import type { Condition } from '../../domain/conditions.js';
import { describeCondition, readCondition, toDomainCondition, type EmaCondition } from './conditions.js';
import {
  FORMAT_PROFILES,
  LICENSE_RIGHTS_DESCRIPTIONS,
  LICENSE_TYPE_MEDIA,
  PRICE_TYPES,
  RATING_SYSTEMS,
  WORK_TYPES,
  canonical,
  checkCountryCode,
  checkCurrencyCode,
  checkLanguageTag,
  checkRatingSystem,
  nearMiss,
} from './vocab.js';

/** A transaction as we write it and as an import reads it (one country per transaction). */
export interface EmaTransaction {
  licensor: string;
  licensee: string | null;
  alid: string;
  contentId: string;
  workType: string;
  /** The title as our catalog names it: from TitleInternalAlias ("View from a Mountain, The" → "The View from a Mountain"), which is not localized; TV titles are built from series, season and episode. */
  title: string;
  /** TitleDisplayUnlimited when it says something else (often the localized title). */
  displayTitle: string | null;
  /** TitleInternalAlias ("View from a Mountain, The"). */
  titleAlias: string;
  releaseYear: number | null;
  runtimeMinutes: number | null;
  licenseType: string;
  lrd: string | null;
  formatProfile: string;
  /** ISO 3166-1 alpha-2. */
  territory: string;
  /** First day, YYYY-MM-DD; null when the start is an event (`startEvent`). */
  start: string | null;
  /** Last day (inclusive), YYYY-MM-DD; null = Open, or an event (`endEvent`). */
  end: string | null;
  /** A start that follows an event in the transaction's country (StartCondition, or Start as an event word with StartLag). */
  startEvent?: Condition | null;
  /** An end that follows an event (EndCondition other than Open/ESTStart, or End as an event word with EndLag). */
  endEvent?: Condition | null;
  /** An end condition instead of a date ("ESTStart" for pre-orders). */
  endCondition: string | null;
  /** BCP 47; null = every language. */
  allowedLanguages: string[] | null;
  assetLanguage: string | null;
  exclusive: boolean;
  priceType: string | null;
  priceValue: string | number | null;
  priceCurrency: string | null;
  contractId: string | null;
  /** Where the transaction was read from (for problems naming it), empty when we wrote it. */
  where: string;
  /** A season or episode row: its series, season number and episode number, to place it under them. */
  tv?: {
    series: string;
    season: number | null;
    episode: number | null;
    /** Written by our export: the series' and season's content IDs (SeriesContentID, SeasonContentID). */
    seriesContentId?: string;
    seasonContentId?: string;
  };
  /** Start or End given as an event plus a lag, in the file's own words (conditions.ts). */
  conditions?: EmaCondition[];
  /** False when the row gave no ALID (a season row placed by its series and number instead). */
  alidGiven?: boolean;
}

/** A value read from a file: text, a number, a boolean, a date cell. */
export type Cell = string | number | boolean | Date | null;

/** What a reader hands over: field values by EMA field name, and where each one is. */
export interface RawTransaction {
  /** "sheet Template-Movies, row 8" or "/AvailList/Avail[2]/Transaction[1]". */
  where: string;
  get(field: string): Cell;
  /** Every value of a repeatable field (XML Territory, AllowedLanguage...); a spreadsheet splits its cell at commas. */
  all(field: string): Cell[];
  /** Where a field is; `index`: which of a repeated field's values (XML elements). */
  at(field: string, index?: number): string;
  /** Dates of XML dateTimes: an End at exactly midnight ends at the start of that day. */
  xml: boolean;
  ratings: Array<{ system: string; value: string; reasons: string[]; region: string | null; where: string; regionWhere?: string }>;
}

export function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const iso = (y: number, m: number, d: number): string | null => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
};
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A date in any form a spreadsheet or an XML file carries it: a date cell, an
 * Excel serial number, "2013-06-14", "2013-06-14T00:00:00Z", "06/14/2013"
 * (month first, as EMA's U.S. tools write it; day first when the first
 * number is over 12), "14-Jun-2013", "June 14, 2013", "14 June 2013".
 * `endOfWindow`: an XML dateTime at exactly midnight is the instant the
 * window closes, so its last day is the day before.
 */
export function parseEmaDate(v: Cell, endOfWindow = false, xml = false): { day: string } | { error: string } {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { error: 'is not a date' };
    return { day: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v > 2_958_465) return { error: `${v} is not a date` };
    const ms = Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000;
    return { day: new Date(ms).toISOString().slice(0, 10) };
  }
  const s = text(v);
  if (!s) return { error: 'is empty' };
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseEmaDate(Number(s), endOfWindow, xml);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const day = iso(+m[1], +m[2], +m[3]);
    if (!day) return { error: `"${s}" is not a real calendar date` };
    const midnight = m[4] !== undefined && +m[4] === 0 && +m[5] === 0 && +(m[6] ?? 0) === 0;
    return { day: endOfWindow && xml && midnight ? addDays(day, -1) : day };
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) {
    const day = iso(+m[1], +m[2], +m[3]);
    return day ? { day } : { error: `"${s}" is not a real calendar date` };
  }
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let a = +m[1];
    let b = +m[2];
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    if (a > 12 && b <= 12) [a, b] = [b, a];
    const day = iso(y, a, b);
    return day ? { day } : { error: `"${s}" is not a real calendar date` };
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-,]+(\d{4})$/.exec(s) ?? null;
  if (m) {
    const mo = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    const day = mo >= 0 ? iso(+m[3], mo + 1, +m[1]) : null;
    return day ? { day } : { error: `"${s}" is not a date` };
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
    const day = mo >= 0 ? iso(+m[3], mo + 1, +m[2]) : null;
    return day ? { day } : { error: `"${s}" is not a date` };
  }
  return { error: `"${s}" is not a date (write YYYY-MM-DD)` };
}

/** Yes/No, Y/N, TRUE/FALSE, true/false, 1/0 (cells or text). */
export function parseEmaBoolean(v: Cell): boolean | null | 'bad' {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : 'bad';
  const s = text(v).toLowerCase();
  if (['yes', 'y', 'true', '1', 'x'].includes(s)) return true;
  if (['no', 'n', 'false', '0'].includes(s)) return false;
  return 'bad';
}

/** Runtime in minutes from "PT01H37M49S", "01:56:20", a time cell. */
export function parseRuntime(v: Cell): number | null {
  if (v === null || v === '') return null;
  if (v instanceof Date) {
    const secs = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    return secs > 0 ? Math.round(secs / 60) : null;
  }
  if (typeof v === 'number') return v > 0 && v < 1 ? Math.round(v * 24 * 60) : v >= 1 && v < 10_000 ? Math.round(v) : null;
  const s = text(v);
  let m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(s);
  if (m && (m[1] || m[2] || m[3])) return Math.max(1, Math.round((+(m[1] ?? 0) * 3600 + +(m[2] ?? 0) * 60 + +(m[3] ?? 0)) / 60));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) return Math.max(1, Math.round((+m[1] * 3600 + +m[2] * 60 + +(m[3] ?? 0)) / 60));
  return null;
}

/** "View from a Mountain, The" → "The View from a Mountain". */
export function deAlias(alias: string): string {
  const m = /^(.*),\s*(The|A|An|Le|La|Les|L'|Der|Die|Das|El|Los|Las|Il|Lo|Gli)$/i.exec(alias.trim());
  return m ? `${m[2]}${m[2].endsWith("'") ? '' : ' '}${m[1]}` : alias.trim();
}

/** The title a transaction is for, as our catalog will name it (TV: series, season and episode). */
function titleOf(r: RawTransaction, workType: string): { title: string; alias: string; display: string | null } {
  const display = text(r.get('TitleDisplayUnlimited'));
  const alias = text(r.get('TitleInternalAlias'));
  const series = deAlias(text(r.get('SeriesTitleInternalAlias'))) || text(r.get('SeriesTitleDisplayUnlimited'));
  const season = text(r.get('SeasonNumber'));
  const episode = text(r.get('EpisodeNumber'));
  const episodeTitle = deAlias(text(r.get('EpisodeTitleInternalAlias'))) || text(r.get('EpisodeTitleDisplayUnlimited'));
  if (workType === 'Season' && series) {
    const t = `${series}: Season ${season || '?'}`;
    return { title: t, alias: t, display: null };
  }
  if (workType === 'Episode' && series) {
    const t = `${series}: Season ${season || '?'}, Episode ${episode || '?'}${episodeTitle ? `: ${episodeTitle}` : ''}`;
    return { title: t, alias: t, display: null };
  }
  if (workType === 'Volume' && series) {
    const t = `${series}: Volume ${text(r.get('VolumeNumber')) || '?'}`;
    return { title: t, alias: t, display: null };
  }
  if (workType === 'Series' && series) return { title: series, alias: series, display: null };
  const t = deAlias(alias) || display || series;
  return { title: t, alias: alias || t, display: display && display !== t ? display : null };
}

export interface ReadOptions {
  /** The retailer the avails are for, when the file does not name a licensee. */
  retailer?: string | null;
  /** Today, for StartCondition "Immediate" (tests pin it). */
  today?: string;
}

/**
 * Checks a raw transaction and returns one EmaTransaction per country (a
 * "WW" territory with exclusions expands to the countries it leaves), or
 * none when it has errors (they are added to `problems`).
 */
export function checkTransaction(r: RawTransaction, problems: Problems, opts: ReadOptions = {}): EmaTransaction[] {
  const before = problems.errors.length;
  const req = (field: string): string => {
    const v = text(r.get(field));
    if (!v) problems.error(r.at(field), `${field} is required`);
    return v;
  };

  const licensor = req('DisplayName');
  const licensee = text(r.get('Licensee')) || opts.retailer?.trim() || text(r.get('ServiceProvider')) || null;

  const workTypeRaw = req('WorkType');
  let workType = workTypeRaw;
  if (workTypeRaw) {
    const w = canonical(WORK_TYPES, workTypeRaw);
    if (!w)
      problems.error(
        r.at('WorkType'),
        `unknown WorkType "${workTypeRaw}" (one of ${WORK_TYPES.join(', ')})`,
        nearMiss(WORK_TYPES, workTypeRaw),
      );
    else workType = w;
  }
  const { title, alias, display } = titleOf(r, workType);
  if (!title) problems.error(r.at('TitleInternalAlias'), 'the title is not named (TitleInternalAlias or TitleDisplayUnlimited)');

  const tv = tvPlace(r, workType);
  const givenAlid = text(r.get('ALID')) || text(r.get('ContentID'));
  // a season row without an ALID is accepted when its series and number place it (EMA TV template)
  const placed = !givenAlid && tv && workType === 'Season' && tv.season !== null;
  const alid = givenAlid || (placed ? `season:${tv.series}|${tv.season}` : '');
  if (!alid)
    problems.error(
      r.at('ALID'),
      workType === 'Season'
        ? 'ALID is required, or the series (SeriesTitleInternalAlias) and SeasonNumber that place the season'
        : 'ALID is required',
    );
  const contentId = text(r.get('ContentID')) || text(r.get('EpisodeContentID')) || text(r.get('SeasonContentID')) || alid;

  const ltRaw = req('LicenseType');
  const licenseType = ltRaw ? Object.keys(LICENSE_TYPE_MEDIA).find((k) => k === ltRaw.toUpperCase()) : undefined;
  if (ltRaw && !licenseType)
    problems.error(
      r.at('LicenseType'),
      `unknown LicenseType "${ltRaw}" (one of ${Object.keys(LICENSE_TYPE_MEDIA).join(', ')})`,
      nearMiss(Object.keys(LICENSE_TYPE_MEDIA), ltRaw),
    );

  const lrdRaw = text(r.get('LicenseRightsDescription'));
  let lrd: string | null = lrdRaw || null;
  if (lrdRaw) {
    const known = canonical(LICENSE_RIGHTS_DESCRIPTIONS, lrdRaw);
    if (known) lrd = known;
    else {
      const near = nearMiss(LICENSE_RIGHTS_DESCRIPTIONS, lrdRaw);
      if (near.length)
        problems.error(
          r.at('LicenseRightsDescription'),
          `unknown LicenseRightsDescription "${lrdRaw}". Did you mean: ${near.join(', ')}?`,
          near,
        );
      else
        problems.warn(r.at('LicenseRightsDescription'), `LicenseRightsDescription "${lrdRaw}" is not one of EMA's values; kept as written`);
    }
  }

  const fpRaw = req('FormatProfile');
  const formatProfile = fpRaw ? canonical(FORMAT_PROFILES, fpRaw) : undefined;
  if (fpRaw && !formatProfile)
    problems.error(
      r.at('FormatProfile'),
      `unknown FormatProfile "${fpRaw}" (one of ${FORMAT_PROFILES.join(', ')})`,
      nearMiss(FORMAT_PROFILES, fpRaw),
    );

  // Territories: one or more countries, or WW with exclusions.
  const countries: string[] = [];
  const excluded: string[] = [];
  /** Items of a repeatable field with where each is (an XML element, or the spreadsheet cell). */
  const items = (field: string): Array<{ v: string; at: string }> =>
    r.all(field).flatMap((cell, i) =>
      text(cell)
        .split(/\s*[,;]\s*|\s+(?=[A-Za-z]{2}(?:-[A-Za-z0-9]+)?(?:\s|$))/)
        .map((x) => x.trim())
        .filter(Boolean)
        .map((v) => ({ v, at: r.xml ? r.at(field, i) : r.at(field) })),
    );
  const terr = items('Territory');
  const exclusionsOnly = !terr.length && items('TerritoryExclusion').length > 0;
  if (!terr.length && !exclusionsOnly) problems.error(r.at('Territory'), 'Territory is required');
  // Only exclusions: the world except them.
  let worldwide = exclusionsOnly;
  for (const { v: t, at } of terr) {
    if (/^(WW|world|worldwide)$/i.test(t)) {
      worldwide = true;
      continue;
    }
    const region = /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(t);
    const c = checkCountryCode(region ? t.split('-')[0] : t);
    if ('code' in c) {
      if (region) problems.warn(at, `"${t}" is a region of ${c.code}: the rights are recorded for all of ${c.code}`);
      countries.push(c.code);
    } else if (t.length > 3 && c.suggestions.length === 1 && findCountry(t) === c.suggestions[0]) {
      problems.warn(at, `"${t}" is a country name, read as ${c.suggestions[0]} (EMA files carry ISO 3166-1 codes)`);
      countries.push(c.suggestions[0]);
    } else problems.error(at, `unknown country code "${t}" (ISO 3166-1 alpha-2)`, c.suggestions);
  }
  for (const { v: t, at } of items('TerritoryExclusion')) {
    const c = checkCountryCode(t);
    if ('code' in c) excluded.push(c.code);
    else problems.error(at, `unknown country code "${t}" (ISO 3166-1 alpha-2)`, c.suggestions);
  }

  // Dates.
  let start: string | null = null;
  const startRaw = r.get('Start');
  const conditions: EmaCondition[] = [];
  let startCond = readCondition('start', startRaw, r.get('StartLag'));
  const endCond = readCondition('end', r.get('End'), r.get('EndLag'));
  let immediateLag: number | null = null;
  if (startCond && /^immediate$/i.test(startCond.event)) {
    // "Immediate" with a lag: the day of the import plus the lag, a date (docs/ema.md)
    if (startCond.lagDays === null || startCond.lagMonths !== null)
      problems.error(r.at('StartLag'), `StartLag "${startCond.lag}" after "Immediate" is not a number of days (7, 7d, 2w, P14D)`);
    else immediateLag = startCond.lagDays;
    startCond = null;
  }
  for (const c of [startCond, endCond]) {
    if (!c) continue;
    conditions.push(c);
    // checked once for the row (the country is the transaction's: any country tells the event word and lag apart)
    const mapped = toDomainCondition(c, 'US');
    if ('error' in mapped) {
      const field = c.edge === 'start' ? (mapped.at === 'lag' ? 'StartLag' : 'Start') : mapped.at === 'lag' ? 'EndLag' : 'End';
      problems.error(r.at(field), `${r.where}, ${describeCondition(c)}: ${mapped.error}`);
    }
  }
  if (startRaw === null || text(startRaw) === '') problems.error(r.at('Start'), 'Start is required');
  else if (startCond) start = null;
  else if (/^immediate$/i.test(text(startRaw))) {
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    start = immediateLag ? addDays(today, immediateLag) : today;
    problems.warn(
      r.at('Start'),
      immediateLag
        ? `Start "Immediate" with StartLag ${immediateLag}d is recorded as the day of the import plus the lag, ${start}`
        : `Start "Immediate" is recorded as the day of the import, ${start}`,
    );
  } else {
    const d = parseEmaDate(startRaw, false, r.xml);
    if ('day' in d) start = d.day;
    else problems.error(r.at('Start'), `Start ${d.error}`);
  }
  let end: string | null = null;
  let endCondition: string | null = null;
  const endRaw = r.get('End');
  const endText = text(endRaw);
  if (endRaw === null || endText === '') problems.error(r.at('End'), 'End is required (a date, or "Open")');
  else if (endCond) end = null;
  else if (/^open$/i.test(endText)) end = null;
  else if (typeof endRaw === 'string' && /^[A-Za-z]+$/.test(endText)) {
    if (/^eststart$/i.test(endText)) endCondition = 'ESTStart';
    else problems.error(r.at('End'), `End "${endText}" is neither a date nor "Open" (nor "ESTStart" for a pre-order)`);
  } else {
    const d = parseEmaDate(endRaw, true, r.xml);
    if ('day' in d) end = d.day;
    else problems.error(r.at('End'), `End ${d.error}`);
  }
  if (start && end && end < start) problems.error(r.at('End'), `End ${end} is before Start ${start}`);
  // a lag counts only after an event (or Immediate): beside a date it says nothing we can keep
  for (const [field, lagField, cond] of [
    ['Start', 'StartLag', startCond || immediateLag !== null],
    ['End', 'EndLag', endCond],
  ] as const) {
    const lag = text(r.get(lagField));
    if (lag && !cond && !/^(open|eststart)$/i.test(text(r.get(field))))
      problems.warn(
        r.at(lagField),
        `${lagField} "${lag}" is read only when ${field} is an event: ignored beside ${field} ${text(r.get(field))}`,
      );
  }

  // Languages.
  let allowed: string[] | null = null;
  const allowedRaw = items('AllowedLanguages');
  if (allowedRaw.length) {
    const tags = new Set<string>();
    let all = false;
    for (const { v: l, at } of allowedRaw) {
      const c = checkLanguageTag(l);
      if ('error' in c) problems.error(at, `unknown language code ${c.error}`, c.suggestions);
      else if (c.tag === null) {
        all = true;
        problems.warn(at, `${c.note}: the rights are recorded for all languages`);
      } else {
        if (c.note) problems.warn(at, c.note);
        tags.add(c.tag);
      }
    }
    allowed = all ? null : [...tags].sort();
  }
  let assetLanguage: string | null = null;
  for (const { v: l, at } of items('AssetLanguage')) {
    const c = checkLanguageTag(l);
    if ('error' in c) problems.error(at, `unknown language code ${c.error}`, c.suggestions);
    else assetLanguage ??= c.tag;
  }
  for (const { v: l, at } of [...items('HoldbackLanguage'), ...items('RequiredFulfillmentLanguages')]) {
    const c = checkLanguageTag(l);
    if ('error' in c) problems.error(at, `unknown language code ${c.error}`, c.suggestions);
  }

  // Exclusivity (a retailer's window is non-exclusive unless the file says so).
  const ex = parseEmaBoolean(r.get('Exclusive'));
  if (ex === 'bad') problems.error(r.at('Exclusive'), `Exclusive "${text(r.get('Exclusive'))}" is not Yes/No, TRUE/FALSE or 1/0`);

  // Price (kept for the record, not a right).
  const ptRaw = text(r.get('PriceType'));
  const priceType = ptRaw ? (canonical(PRICE_TYPES, ptRaw) ?? ptRaw) : null;
  if (ptRaw && !canonical(PRICE_TYPES, ptRaw)) {
    const near = nearMiss(PRICE_TYPES, ptRaw);
    if (near.length) problems.error(r.at('PriceType'), `unknown PriceType "${ptRaw}". Did you mean: ${near.join(', ')}?`, near);
    else problems.warn(r.at('PriceType'), `PriceType "${ptRaw}" is not one of ${PRICE_TYPES.join(', ')}; kept as written`);
  }
  const pv = r.get('PriceValue');
  const priceValue = pv === null || pv === '' ? null : typeof pv === 'number' ? pv : text(pv);
  const currencyRaw = text(r.get('PriceCurrency'));
  let currency: string | null = null;
  if (currencyRaw) {
    const c = checkCurrencyCode(currencyRaw);
    if ('code' in c) currency = c.code;
    else problems.error(r.at('PriceCurrency'), `unknown currency code ${c.error}`, c.suggestions);
  }

  // Ratings: checked against the systems we know.
  for (const rt of r.ratings) {
    // the rating's country is a country code like any other: an unknown one is an error
    let regionKnown = true;
    if (rt.region) {
      const region = /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(rt.region) ? rt.region.split('-')[0] : rt.region;
      const c = checkCountryCode(region);
      if ('error' in c) {
        regionKnown = false;
        // a spreadsheet's rating is for the row's Territory, which is checked (and named) above
        if (rt.regionWhere)
          problems.error(
            rt.regionWhere,
            `unknown country code "${rt.region}" in the ${rt.system || 'rating'} rating (ISO 3166-1 alpha-2)`,
            c.suggestions,
          );
      }
    }
    const known = rt.system ? checkRatingSystem(rt.system) : null;
    if (known && 'unknown' in known && known.suggestions.length)
      problems.error(rt.where, `unknown rating system "${rt.system}". Did you mean: ${known.suggestions.join(', ')}?`, known.suggestions);
    const sys = RATING_SYSTEMS[rt.system.toUpperCase()];
    if (!sys) continue;
    if (sys.values && rt.value && !sys.values.some((v) => v.toUpperCase() === rt.value.toUpperCase())) {
      problems.error(
        rt.where,
        `rating "${rt.value}" is not a ${rt.system} rating (one of ${sys.values.join(', ')})`,
        closest(rt.value, sys.values, 3),
      );
    }
    for (const reason of rt.reasons) {
      if (sys.reasons && !sys.reasons.includes(reason.toUpperCase()))
        problems.error(rt.where, `rating reason "${reason}" is not one of ${rt.system}'s reason codes (${sys.reasons.join(', ')})`);
    }
    if (rt.region && regionKnown && !sys.regions.includes(rt.region.toUpperCase().slice(0, 2)))
      problems.warn(rt.where, `rating system ${rt.system} is not used in ${rt.region}`);
  }

  const yearRaw = r.get('ReleaseYear');
  const yearText = yearRaw instanceof Date ? String(yearRaw.getUTCFullYear()) : text(yearRaw);
  const ym = /^(\d{4})/.exec(yearText);
  const releaseYear = ym ? Number(ym[1]) : null;

  if (problems.errors.length > before || (!start && !startCond) || !licenseType || !formatProfile) return [];
  let list = countries;
  if (worldwide) {
    const ex = new Set(excluded);
    list = allCountries().filter((c) => !ex.has(c));
  } else if (excluded.length) {
    const ex = new Set(excluded);
    list = countries.filter((c) => !ex.has(c));
  }
  const cid = text(r.get('ContractID')) || null;
  return [...new Set(list)].map((territory) => ({
    licensor,
    licensee,
    alid,
    contentId,
    workType,
    title,
    displayTitle: display,
    titleAlias: alias,
    releaseYear,
    runtimeMinutes: parseRuntime(r.get('TotalRunTime')),
    licenseType: licenseType!,
    lrd,
    formatProfile: formatProfile!,
    territory,
    start,
    end,
    endCondition,
    ...(startCond ? { startEvent: eventIn(startCond, territory) } : {}),
    ...(endCond ? { endEvent: eventIn(endCond, territory) } : {}),
    allowedLanguages: allowed,
    assetLanguage,
    exclusive: ex === true,
    priceType,
    priceValue,
    priceCurrency: currency,
    contractId: cid,
    where: r.where,
    ...(tv ? { tv } : {}),
    ...(conditions.length ? { conditions } : {}),
    ...(givenAlid ? {} : { alidGiven: false }),
  }));
}

/** A condition checked by checkTransaction, for one of its countries. */
function eventIn(c: EmaCondition, territory: string): Condition {
  const m = toDomainCondition(c, territory);
  if ('error' in m) throw new Error(`unchecked condition: ${m.error}`);
  return m.condition;
}

/** A season or episode row's place: its series and numbers (none for other rows, or without a series name). */
function tvPlace(r: RawTransaction, workType: string): EmaTransaction['tv'] | null {
  if (workType !== 'Season' && workType !== 'Episode' && workType !== 'Volume') return null;
  const series = deAlias(text(r.get('SeriesTitleInternalAlias'))) || text(r.get('SeriesTitleDisplayUnlimited'));
  if (!series) return null;
  const num = (v: string) => (/^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : null);
  if (workType === 'Volume') return { series, season: num(text(r.get('VolumeNumber'))), episode: null };
  return { series, season: num(text(r.get('SeasonNumber'))), episode: workType === 'Episode' ? num(text(r.get('EpisodeNumber'))) : null };
}

function allCountries(): string[] {
  return [...(COUNTRIES.codes as readonly string[])];
}
