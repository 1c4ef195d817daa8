/**
 * The EMA Avails vocabularies the schema leaves as free text, and how they
 * map to our rights (docs/ema.md). Everything we write comes from these
 * lists, so an exported file is correct by construction; everything we read
 * is checked against them.
 */
import { iso6393 } from 'iso-639-3';
import { COUNTRIES, COUNTRY_LIST, findCountry } from '../../domain/countries.js';

const COUNTRY_NAMES = COUNTRY_LIST.map((c) => c.name);
import { closest, editDistance } from '../../domain/fuzzy.js';
import { LANGUAGES, parseLanguages } from '../../domain/languages.js';

/** License types we export (the EMA core four). */
export const EXPORT_LICENSE_TYPES = ['EST', 'VOD', 'SVOD', 'POEST'] as const;
export type ExportLicenseType = (typeof EXPORT_LICENSE_TYPES)[number];

/** Every license type we read, and the media leaf of our tree it is a window of. */
export const LICENSE_TYPE_MEDIA: Record<string, string> = {
  EST: 'est',
  POEST: 'est',
  VOD: 'tvod',
  DTR: 'tvod',
  PVOD: 'tvod',
  TVOD: 'tvod',
  SVOD: 'svod',
  AVOD: 'avod',
  FVOD: 'avod',
  FREE: 'avod',
};

/** The EMA license type of each media leaf we export avails for (POEST is asked for explicitly: a pre-order window of EST). */
export const MEDIA_LICENSE_TYPE: Record<string, ExportLicenseType> = { est: 'EST', tvod: 'VOD', svod: 'SVOD' };

export const WORK_TYPES = [
  'Movie',
  'Short',
  'Series',
  'Season',
  'Episode',
  'Volume',
  'Collection',
  'Supplemental',
  'Promotion',
  'Music Video',
  'Non-episodic Show',
  'Ad',
  'Excerpt',
  'Franchise',
  'Bundle',
] as const;

export const FORMAT_PROFILES = ['SD', 'HD', 'UHD', '3D', '3DHD', '3DSD', '3DUHD'] as const;

export const PRICE_TYPES = ['Tier', 'Category', 'WSP', 'SRP', 'DMRP', 'SMRP', 'PPV', 'LicenseFee', 'NA'] as const;

export const LICENSE_RIGHTS_DESCRIPTIONS = [
  'New Release',
  'Library',
  'Mega-Library',
  'Priority',
  'DD-Theatrical',
  'Pre-Theatrical',
  'DD-DVD',
  'Early EST',
  'Preorder EST',
  'Early VOD',
  'Preorder VOD',
  'Early Access',
  'Season Only',
  'Mid-Season',
  'Recurring',
  'Catalog',
  'Exclusive',
  'Holdback',
  'Premium',
] as const;

export const ENTRY_TYPES = ['Full Extract', 'Full Delete', 'Incremental', 'Create', 'Update', 'Delete'] as const;

/** Rating systems we know well enough to check: where they apply, their values, their reason codes (when they have a fixed set). */
export const RATING_SYSTEMS: Record<string, { regions: string[]; values?: string[]; reasons?: string[] }> = {
  MPAA: { regions: ['US'], values: ['G', 'PG', 'PG-13', 'R', 'NC-17', 'NR', 'UR', 'Unrated'] },
  TVPG: { regions: ['US'], values: ['TV-Y', 'TV-Y7', 'TV-Y7-FV', 'TV-G', 'TV-PG', 'TV-14', 'TV-MA', 'NR'] },
  CHVRS: { regions: ['CA'], values: ['G', 'PG', '14A', '18A', 'R', 'E', 'NR'] },
  BBFC: { regions: ['GB'], values: ['U', 'PG', '12', '12A', '15', '18', 'R18', 'UC', 'E', 'NR'] },
  FSK: { regions: ['DE'], values: ['0', '6', '12', '16', '18', 'NR'] },
  FPB: { regions: ['ZA'], reasons: ['B', 'D', 'H', 'L', 'N', 'P', 'S', 'V', 'SV'] },
};

/** Case-insensitive lookup in a vocabulary: the canonical spelling, or undefined. */
export function canonical<T extends string>(list: readonly T[], value: string): T | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return list.find((x) => x.toLowerCase().replace(/[\s_-]+/g, '') === v);
}

/** Near misses ("Librry" → Library): spelled within two edits of a known value. */
export function nearMiss(list: readonly string[], value: string): string[] {
  const v = value.trim().toLowerCase();
  return list.filter((x) => editDistance(x.toLowerCase(), v, 3) <= 2);
}

/** ISO 3166-1 alpha-2 code check: the canonical code, or an error message with suggestions. */
export function checkCountryCode(raw: string): { code: string } | { error: string; suggestions: string[] } {
  const v = raw.trim();
  const up = v.toUpperCase();
  if (/^[A-Z]{2}$/.test(up) && COUNTRIES.has(up)) return { code: up };
  const byName = v.length > 2 ? findCountry(v) : undefined;
  const suggestions = byName
    ? [byName]
    : v.length > 3
      ? closest(v, COUNTRY_NAMES, 3)
          .map((n) => findCountry(n)!)
          .filter(Boolean)
      : closest(up, COUNTRIES.codes as string[], 3);
  return { error: `"${v}" is not an ISO 3166-1 country code`, suggestions };
}

const ISO639_3 = new Map(iso6393.map((l) => [l.iso6393, l]));
/** 3-letter codes of individual languages that have a 2-letter code we store instead (ISO 639-3 → 639-1, a few common macrolanguage members). */
const THREE_TO_OURS: Record<string, string> = {
  cmn: 'zh',
  arb: 'ar',
  zsm: 'ms',
  pes: 'fa',
  swh: 'sw',
  ekk: 'et',
  lvs: 'lv',
  nob: 'nb',
  nno: 'nn',
  ydd: 'yi',
  yue: 'yue',
};
const OUR_CODES = new Set(LANGUAGES.map((l) => l.code));

/**
 * Checks a BCP 47 language tag as EMA files carry them ("en", "EN", "es-419",
 * "cmn", "fr-CA"): the primary subtag must be ISO 639-1, or an ISO 639-3
 * code for a language without a 2-letter code ("eng" is not valid: "en"
 * exists); a region must be an ISO country or a UN M.49 number.
 * Returns the tag as we store it (null when valid but not one we can store:
 * then the rights are kept for all languages).
 */
export function checkLanguageTag(raw: string): { tag: string | null; note?: string } | { error: string; suggestions: string[] } {
  const v = raw.trim();
  const m = /^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|\d{3}))?$/.exec(v);
  if (!m) {
    // A language written by name ("English", "French (Canada)"): read, with a note.
    try {
      const tag = v.length > 3 ? parseLanguages([v], 'language')?.[0] : undefined;
      if (tag) return { tag, note: `"${v}" is a language name, read as ${tag}` };
    } catch {
      /* not a name either */
    }
    return { error: `"${v}" is not a BCP 47 language tag`, suggestions: [] };
  }
  const primary = m[1].toLowerCase();
  if (primary.length === 3) {
    const l = ISO639_3.get(primary);
    if (!l) return { error: `"${v}": "${m[1]}" is not an ISO 639 language code`, suggestions: closestLanguageCodes(primary) };
    if (l.iso6391) return { error: `"${v}": use the 2-letter code "${l.iso6391}" for ${l.name} (BCP 47)`, suggestions: [l.iso6391] };
  } else if (!OUR_CODES.has(primary)) {
    return { error: `"${v}": "${m[1]}" is not an ISO 639-1 language code`, suggestions: closestLanguageCodes(primary) };
  }
  if (m[3] && !/^\d{3}$/.test(m[3]) && !COUNTRIES.has(m[3].toUpperCase())) {
    const near = closest(m[3].toUpperCase(), COUNTRIES.codes as string[], 2);
    return {
      error: `"${v}": "${m[3]}" is not a country code`,
      suggestions: [primary, ...near.map((c) => `${primary}-${c}`)],
    };
  }
  const ours = primary.length === 3 ? THREE_TO_OURS[primary] : primary;
  if (!ours) return { tag: null, note: `${ISO639_3.get(primary)!.name} ("${v}") has no entry in our language list` };
  const candidate = [ours, m[2], m[3]].filter(Boolean).join('-');
  try {
    return { tag: parseLanguages([candidate], 'language')![0] };
  } catch {
    try {
      return { tag: parseLanguages([ours], 'language')![0], note: `"${v}" is kept as "${ours}"` };
    } catch {
      return { tag: null, note: `"${v}" has no entry in our language list` };
    }
  }
}

/** ISO 4217: the currencies the runtime knows, plus the fund, metal and testing codes it may leave out (XTS is MovieLabs' sample currency). */
const CURRENCY_CODES: readonly string[] = [
  ...new Set([
    ...Intl.supportedValuesOf('currency'),
    ...'BOV CHE CHW CLF COU MXV USN UYI UYW XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX'.split(' '),
  ]),
].sort();
const CURRENCY_SET = new Set(CURRENCY_CODES);

/** ISO 4217 currency code check: the code, or an error with the closest codes ("EUX" → EUR, EUX...). */
export function checkCurrencyCode(raw: string): { code: string } | { error: string; suggestions: string[] } {
  const up = raw.trim().toUpperCase();
  if (CURRENCY_SET.has(up)) return { code: up };
  const suggestions = /^[A-Z]{3}$/.test(up)
    ? CURRENCY_CODES.filter((c) => editDistance(c, up, 2) <= 1)
        .sort((a, b) => Number(b[0] === up[0] && b[1] === up[1]) - Number(a[0] === up[0] && a[1] === up[1]))
        .slice(0, 3)
    : [];
  return { error: `"${raw.trim()}" is not an ISO 4217 currency code`, suggestions };
}

/** Language code suggestions for an unknown primary subtag: our 2-letter codes one letter away. */
export function closestLanguageCodes(primary: string): string[] {
  const p = primary.toLowerCase();
  const two = p.length === 3 ? (ISO639_3.get(p)?.iso6391 ?? null) : null;
  if (two) return [two];
  return [...OUR_CODES].filter((c) => c.length === 2 && editDistance(c, p.slice(0, 2), 1) <= 1 && c[0] === p[0]).slice(0, 3);
}

/** The rating systems' names we check values of, and close misspellings of them (a near miss is an error). */
export function checkRatingSystem(raw: string): { system: string } | { unknown: true; suggestions: string[] } {
  const up = raw.trim().toUpperCase();
  if (RATING_SYSTEMS[up]) return { system: up };
  return { unknown: true, suggestions: Object.keys(RATING_SYSTEMS).filter((s) => s.length > 2 && editDistance(s, up, 2) <= 1) };
}
