/**
 * EMA avails out: for a distributor delivering to digital retailers, what it
 * can offer (the engine's availability, `source: 'avails'`) or what it has
 * licensed to one retailer (its rights-out windows, `source: 'windows'`),
 * per title, country and license type (docs/ema.md has the mapping:
 * EST → est, VOD → tvod, SVOD → svod, POEST → the pre-order window before an
 * EST window). Each country's windows are merged before they are written,
 * so both sources give the same rows for the same rights. The windows are
 * found by the services (services/emaExport.ts); this module checks the
 * options and turns windows into EMA transactions.
 */
import type { Condition } from '../../domain/conditions.js';
import { parseDay, parseEndDay, formatDay } from '../../domain/dates.js';

import { invalid } from '../../domain/errors.js';

import { parseJson } from '../../store/index.js';

import { mergeWindows, OUR_ALID, OUR_CID } from './import.js';

import type { EmaTransaction } from './model.js';

import {
  EXPORT_LICENSE_TYPES,
  FORMAT_PROFILES,
  LICENSE_RIGHTS_DESCRIPTIONS,
  PRICE_TYPES,
  canonical,
  type ExportLicenseType,
} from './vocab.js';

export interface EmaExportOptions {
  /** Title names or ids; none: every title with rights. */
  titles?: string[];
  /** A territory expression; default Worldwide. */
  territories?: string;
  licenseTypes?: ExportLicenseType[];
  /** First day of the window asked about (default today); last day (default open). */
  from?: string;
  to?: string | null;
  /** 'avails': what we can still license (default); 'windows': what is licensed to `retailer`. */
  source?: 'avails' | 'windows';
  /** The retailer the file is for (the Licensee column); required for source 'windows'. */
  retailer?: string | null;
  /** Ask for exclusive availability (default: non-exclusive, as retail windows are). */
  exclusive?: boolean;
  formatProfiles?: string[];
  lrd?: string;
  priceType?: string | null;
  priceValue?: string | number | null;
  priceCurrency?: string | null;
  /** Days of pre-order before an EST window that starts after `from` (POEST). */
  preorderDays?: number;
  /** The licensor's name; default: the install's own company. */
  licensor?: string;
}

/** A window of one title, license type and country, before merging. */
export interface EmaWindow {
  titleId: string;
  licenseType: ExportLicenseType;
  country: string;
  /** First day; null when it follows an event (`startCondition`). */
  start: string | null;
  end: string | null;
  /** A start or end that follows an event in `country` (a stored condition), written as StartCondition/EndCondition. */
  startCondition?: Condition | null;
  endCondition?: Condition | null;
  languages: string[] | null;
  exclusive: boolean;
}

const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The export options checked, with their defaults. */
export type CheckedEmaOptions = ReturnType<typeof checkEmaOptions>;

export function checkEmaOptions(o: EmaExportOptions) {
  if (typeof o !== 'object' || o === null) throw invalid('options', o, 'options: expected an object');
  for (const k of ['titles', 'licenseTypes', 'formatProfiles'] as const) {
    if (o[k] !== undefined && o[k] !== null && !isStrings(o[k])) throw invalid(k, o[k], `${k}: expected a list of strings`);
  }
  for (const k of ['territories', 'from', 'retailer', 'lrd', 'licensor', 'priceType', 'priceCurrency'] as const) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') throw invalid(k, o[k], `${k}: expected a string`);
  }
  if (o.to !== undefined && o.to !== null && typeof o.to !== 'string') throw invalid('to', o.to, 'to: expected a date or null');
  if (o.source !== undefined && o.source !== 'avails' && o.source !== 'windows')
    throw invalid('source', o.source, 'source: "avails" or "windows"');
  const licenseTypes = (o.licenseTypes?.length ? o.licenseTypes : [...EXPORT_LICENSE_TYPES]).map((lt, i) => {
    const c = canonical(EXPORT_LICENSE_TYPES, String(lt));
    if (!c) throw invalid(`licenseTypes[${i}]`, lt, `licenseTypes[${i}]: "${lt}" is not one of ${EXPORT_LICENSE_TYPES.join(', ')}`);
    return c;
  });
  const formats = (o.formatProfiles?.length ? o.formatProfiles : ['HD', 'SD']).map((f, i) => {
    const c = canonical(FORMAT_PROFILES, f);
    if (!c) throw invalid(`formatProfiles[${i}]`, f, `formatProfiles[${i}]: "${f}" is not one of ${FORMAT_PROFILES.join(', ')}`);
    return c;
  });
  const lrd = o.lrd ? canonical(LICENSE_RIGHTS_DESCRIPTIONS, o.lrd) : 'Library';
  if (!lrd) throw invalid('lrd', o.lrd, `lrd: "${o.lrd}" is not one of ${LICENSE_RIGHTS_DESCRIPTIONS.join(', ')}`);
  const priceType = o.priceType ? canonical(PRICE_TYPES, o.priceType) : 'Category';
  if (!priceType) throw invalid('priceType', o.priceType, `priceType: "${o.priceType}" is not one of ${PRICE_TYPES.join(', ')}`);
  const currency = o.priceCurrency?.trim().toUpperCase() || null;
  if (currency && !/^[A-Z]{3}$/.test(currency))
    throw invalid('priceCurrency', o.priceCurrency, `priceCurrency: "${o.priceCurrency}" is not an ISO 4217 code`);
  const from = o.from ?? new Date().toISOString().slice(0, 10);
  const start = parseDay(from, 'from');
  const end = parseEndDay(o.to ?? null, 'to');
  if (end < start) throw invalid('to', o.to, `to: ${o.to} is before from ${from}`);
  const preorderDays = o.preorderDays ?? 30;
  if (!Number.isInteger(preorderDays) || preorderDays < 1 || preorderDays > 365)
    throw invalid('preorderDays', o.preorderDays, 'preorderDays: a whole number of days, 1 to 365');
  return {
    licenseTypes,
    formats,
    lrd,
    priceType,
    priceValue: o.priceValue ?? (priceType === 'Category' ? lrd : null),
    currency,
    from,
    start,
    end,
    preorderDays,
  };
}

/** A title as the export writes it. */
export interface EmaTitle {
  id: string;
  original_title: string;
  english_title: string | null;
  year: number | null;
  runtime_minutes: number | null;
  /** JSON list of BCP 47 codes, as stored. */
  languages: string;
  /** film, series, season, volume, miniseries, episode (docs/series.md); absent: film. */
  kind?: string;
  /** A season's or volume's number in its series, an episode's in its season. */
  number?: number | null;
  /** A season's, volume's or episode's series (a miniseries is its own), and an episode's season. */
  series?: { id: string; name: string } | null;
  season?: { id: string; number: number | null } | null;
}

/** The EMA WorkType of each title kind. */
export const KIND_WORK_TYPE: Record<string, string> = {
  film: 'Movie',
  series: 'Series',
  miniseries: 'Series',
  season: 'Season',
  volume: 'Volume',
  episode: 'Episode',
};

/** A TV title's place for the TV template and the XML metadata: series name and content ID, season and episode numbers. */
function tvOf(t: EmaTitle, name: string): EmaTransaction['tv'] | undefined {
  const kind = t.kind ?? 'film';
  if (kind === 'film') return undefined;
  const series = kind === 'series' || kind === 'miniseries' ? { id: t.id, name } : t.series;
  if (!series) return undefined;
  const seasonNumber = kind === 'season' || kind === 'volume' ? (t.number ?? null) : kind === 'episode' ? (t.season?.number ?? null) : null;
  return {
    series: series.name,
    season: seasonNumber,
    episode: kind === 'episode' ? (t.number ?? null) : null,
    seriesContentId: `${OUR_CID}${series.id}`,
    ...(kind === 'season' || kind === 'volume'
      ? { seasonContentId: `${OUR_CID}${t.id}` }
      : t.season
        ? { seasonContentId: `${OUR_CID}${t.season.id}` }
        : {}),
  };
}

/**
 * The transactions to write: one per title, country, license type, format
 * and merged window (each country's windows merged first: rollup rows and
 * stored blocks cut them differently).
 */
export function buildEmaTransactions(
  windows: EmaWindow[],
  titles: EmaTitle[],
  licensor: string,
  retailer: string | null,
  opts: CheckedEmaOptions,
): EmaTransaction[] {
  const groups = new Map<string, EmaWindow[]>();
  const merged: EmaWindow[] = [];
  const conditional = new Set<string>();
  for (const w of windows) {
    if (w.startCondition || w.endCondition) {
      // a window that follows an event is written as it is (once: the same window of two blocks is one row)
      const k = JSON.stringify([
        w.titleId,
        w.licenseType,
        w.country,
        w.languages,
        w.exclusive,
        w.start,
        w.end,
        w.startCondition,
        w.endCondition,
      ]);
      if (!conditional.has(k)) merged.push(w);
      conditional.add(k);
      continue;
    }
    const k = `${w.titleId}|${w.licenseType}|${w.country}|${w.languages?.join(',') ?? '*'}|${w.exclusive}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(w);
  }
  for (const g of groups.values()) {
    for (const m of mergeWindows(g.map((w) => ({ start: w.start!, end: w.end, rows: [] }))))
      merged.push({ ...g[0], start: m.start, end: m.end });
  }

  const byId = new Map(titles.map((t) => [t.id, t]));
  const out: EmaTransaction[] = [];
  const base = (w: EmaWindow) => {
    const t = byId.get(w.titleId)!;
    const name = t.english_title ?? t.original_title;
    const langs = parseJson(t.languages) as string[];
    const tv = tvOf(t, name);
    return {
      ...(tv ? { tv } : {}),
      licensor,
      licensee: retailer,
      alid: `${OUR_ALID}${t.id}`,
      contentId: `${OUR_CID}${t.id}`,
      workType: KIND_WORK_TYPE[t.kind ?? 'film'] ?? 'Movie',
      title: name,
      displayTitle: null,
      titleAlias: aliasOf(name),
      releaseYear: t.year,
      runtimeMinutes: t.runtime_minutes,
      allowedLanguages: w.languages,
      assetLanguage: langs[0] ?? null,
      exclusive: w.exclusive,
      priceType: opts.priceType,
      priceValue: opts.priceValue,
      priceCurrency: opts.currency,
      contractId: null,
      where: '',
      territory: w.country,
      endCondition: null,
    };
  };
  for (const w of merged) {
    for (const fp of opts.formats) {
      if (w.licenseType !== 'EST' || opts.licenseTypes.includes('EST')) {
        out.push({
          ...base(w),
          licenseType: w.licenseType,
          lrd: opts.lrd,
          formatProfile: fp,
          start: w.startCondition ? null : w.start,
          end: w.endCondition ? null : w.end,
          ...(w.startCondition ? { startEvent: w.startCondition } : {}),
          ...(w.endCondition ? { endEvent: w.endCondition } : {}),
        });
      }
      // A pre-order window before an EST window that opens after the window asked about (on a known day).
      if (w.licenseType === 'EST' && opts.licenseTypes.includes('POEST') && w.start && !w.startCondition && w.start > opts.from) {
        const s = Math.max(parseDay(w.start) - opts.preorderDays, opts.start);
        out.push({
          ...base(w),
          licenseType: 'POEST',
          lrd: 'Preorder EST',
          formatProfile: fp,
          start: formatDay(s),
          end: null,
          endCondition: 'ESTStart',
        });
      }
    }
  }
  const order = ['EST', 'POEST', 'VOD', 'SVOD'];
  out.sort(
    (a, b) =>
      a.title.localeCompare(b.title) ||
      a.alid.localeCompare(b.alid) ||
      a.territory.localeCompare(b.territory) ||
      order.indexOf(a.licenseType) - order.indexOf(b.licenseType) ||
      (a.start ?? '').localeCompare(b.start ?? '') ||
      a.formatProfile.localeCompare(b.formatProfile),
  );
  return out;
}

/** "The View from a Mountain" → "View from a Mountain, The" (EMA's internal alias). */
export function aliasOf(title: string): string {
  const m = /^(The|A|An)\s+(.+)$/.exec(title.trim());
  return m ? `${m[2]}, ${m[1]}` : title.trim();
}
