/**
 * Generates data/countries.json from the i18n-iso-countries package: every
 * ISO 3166-1 alpha-2 code with its alpha-3, an English display name, the
 * English aliases the package gives (plus a few common ones listed below, each
 * with its reason) and the country's name in its own language(s) where the
 * package has that locale. Sorted by code: that order is the bit order of
 * territory sets, so adding a code shifts bits (stored sets must be migrated).
 *
 *   npx tsx scripts/gen-countries.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { normalizeName } from '../src/domain/fuzzy.js';

const require = createRequire(import.meta.url);
const pkgVersion: string = require('i18n-iso-countries/package.json').version;

function loadLocale(l: string): Record<string, string | string[]> {
  const data = require(`i18n-iso-countries/langs/${l}.json`) as { locale: string; countries: Record<string, string | string[]> };
  countries.registerLocale(data);
  return data.countries;
}

/** English display names where the package's first name is not the one the trade writes. */
const DISPLAY: Record<string, string> = {
  CD: 'DR Congo',
  CG: 'Republic of the Congo',
  CI: "Côte d'Ivoire",
  CN: 'China',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  GM: 'Gambia',
  IR: 'Iran',
  LA: 'Laos',
  MD: 'Moldova',
  MK: 'North Macedonia',
  MO: 'Macau',
  MF: 'Saint Martin',
  PN: 'Pitcairn Islands',
  PS: 'Palestine',
  RE: 'Réunion',
  RU: 'Russia',
  SX: 'Sint Maarten',
  SY: 'Syria',
  TR: 'Turkey',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  US: 'United States',
  VA: 'Vatican City',
  VE: 'Venezuela',
  VG: 'British Virgin Islands',
  VI: 'U.S. Virgin Islands',
  BN: 'Brunei',
  BO: 'Bolivia',
  BQ: 'Caribbean Netherlands',
  KP: 'North Korea',
  ST: 'São Tomé and Príncipe',
  CV: 'Cape Verde',
  CW: 'Curaçao',
  SH: 'Saint Helena',
  KR: 'South Korea',
  NL: 'Netherlands',
};

/** Places without an ISO 3166-1 code of their own, mapped to the code that contains them (they name a part, never the whole country). */
const PLACES: Record<string, { places: string[]; note: string }> = {
  GB: {
    places: ['England', 'Scotland', 'Wales', 'Northern Ireland'],
    note: 'England, Scotland, Wales and Northern Ireland have no ISO 3166-1 code of their own and map to GB.',
  },
  ES: {
    places: ['Canary Islands', 'Balearic Islands', 'Ceuta', 'Melilla'],
    note: 'The Canary Islands, Ceuta and Melilla (and the Balearics) have no ISO 3166-1 code of their own and map to ES.',
  },
  PT: { places: ['Azores', 'Madeira'], note: 'The Azores and Madeira have no ISO 3166-1 code of their own and map to PT.' },
  FR: { places: ['Corsica'], note: 'Corsica has no ISO 3166-1 code of its own and maps to FR.' },
};

/** English aliases the package lacks, in common trade or press use. */
const EXTRA_ALIASES: Record<string, { aliases: string[]; note?: string }> = {
  FR: { aliases: ['Metropolitan France'] },
  IE: { aliases: ['Eire', 'Éire', 'Republic of Ireland'] },
  US: { aliases: ['America'] },
  NL: { aliases: ['Holland'] },
  CN: { aliases: ['Mainland China', 'PRC'] },
  CZ: { aliases: ['Czechia'] },
  MM: { aliases: ['Burma'] },
  SZ: { aliases: ['Swaziland'] },
  TL: { aliases: ['East Timor'] },
  CV: { aliases: ['Cabo Verde'] },
  KP: { aliases: ['DPRK'] },
  CD: { aliases: ['Congo-Kinshasa', 'DRC', 'Democratic Republic of Congo'] },
  CG: { aliases: ['Congo-Brazzaville'] },
  SA: { aliases: ['KSA'] },
  VA: { aliases: ['Vatican', 'Holy See'] },
  VI: { aliases: ['USVI', 'US Virgin Islands'] },
  VG: { aliases: ['BVI'] },
  BA: { aliases: ['Bosnia'] },
  MK: { aliases: ['Macedonia', 'FYROM'] },
  BQ: { aliases: ['Bonaire'] },
  KN: { aliases: ['Saint Kitts', 'St Kitts and Nevis'] },
  VC: { aliases: ['Saint Vincent'] },
  TT: { aliases: ['Trinidad'] },
  AG: { aliases: ['Antigua'] },
  TC: { aliases: ['Turks and Caicos'] },
  HM: { aliases: ['Heard and McDonald Islands'] },
  MO: { aliases: ['Macao'] },
  XK: { aliases: ['Republic of Kosovo'] },
};

/** Locales in which a country's own name is given (its national languages the package covers). */
const OWN_LOCALES: Record<string, string[]> = {
  de: ['DE', 'AT', 'CH', 'LI', 'LU'],
  fr: [
    'FR',
    'BE',
    'CH',
    'LU',
    'MC',
    'HT',
    'SN',
    'CI',
    'CM',
    'ML',
    'NE',
    'BF',
    'TG',
    'BJ',
    'GA',
    'CG',
    'CD',
    'GN',
    'MG',
    'TD',
    'CF',
    'DJ',
    'KM',
  ],
  es: ['ES', 'MX', 'AR', 'CO', 'PE', 'VE', 'CL', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'GQ'],
  it: ['IT', 'SM', 'VA', 'CH'],
  pt: ['PT', 'BR', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL'],
  nl: ['NL', 'BE', 'SR'],
  sv: ['SE'],
  nb: ['NO'],
  da: ['DK'],
  fi: ['FI'],
  is: ['IS'],
  pl: ['PL'],
  cs: ['CZ'],
  sk: ['SK'],
  hu: ['HU'],
  ro: ['RO', 'MD'],
  tr: ['TR'],
  hr: ['HR'],
  bs: ['BA'],
  sr: ['RS', 'ME'],
  sl: ['SI'],
  mk: ['MK'],
  bg: ['BG'],
  el: ['GR', 'CY'],
  et: ['EE'],
  lv: ['LV'],
  lt: ['LT'],
  ru: ['RU', 'BY', 'KZ', 'KG'],
  uk: ['UA'],
  ka: ['GE'],
  hy: ['AM'],
  az: ['AZ'],
  uz: ['UZ'],
  mn: ['MN'],
  ar: ['SA', 'AE', 'EG', 'MA', 'DZ', 'TN', 'LY', 'JO', 'LB', 'SY', 'IQ', 'KW', 'QA', 'BH', 'OM', 'YE', 'SD', 'PS'],
  he: ['IL'],
  fa: ['IR'],
  ur: ['PK'],
  hi: ['IN'],
  bn: ['BD'],
  ja: ['JP'],
  ko: ['KR'],
  zh: ['CN', 'TW', 'HK', 'MO'],
  th: ['TH'],
  vi: ['VN'],
  id: ['ID'],
  ms: ['MY', 'BN'],
  km: ['KH'],
  sw: ['TZ', 'KE'],
  am: ['ET'],
  so: ['SO'],
  af: ['ZA'],
  mt: ['MT'],
  ga: ['IE'],
  sq: ['AL', 'XK'],
  dv: ['MV'],
  ca: ['AD'],
};

const en = loadLocale('en');
const codes = Object.keys(en).sort();

interface Entry {
  code: string;
  alpha3: string;
  name: string;
  aliases: string[];
  localNames: string[];
  places?: string[];
  note?: string;
}

const entries: Entry[] = codes.map((code) => {
  const names = ([] as string[]).concat(en[code]);
  const name = DISPLAY[code] ?? names[0];
  const aliases = [...names, ...(EXTRA_ALIASES[code]?.aliases ?? [])].filter((a) => a !== name);
  const entry: Entry = { code, alpha3: countries.alpha2ToAlpha3(code) ?? '', name, aliases: [...new Set(aliases)], localNames: [] };
  const notes: string[] = [];
  if (code === 'XK') {
    notes.push(
      'XK is a user-assigned code (ISO 3166-1 reserves XA-XZ for user assignment), used by the EU, IMF and others for Kosovo; it is not an official ISO 3166-1 assignment. XKK is likewise user-assigned.',
    );
  }
  if (EXTRA_ALIASES[code]?.note) notes.push(EXTRA_ALIASES[code].note!);
  if (PLACES[code]) {
    entry.places = PLACES[code].places;
    notes.push(PLACES[code].note);
  }
  if (notes.length) entry.note = notes.join(' ');
  return entry;
});
const byCode = new Map(entries.map((e) => [e.code, e]));

for (const [locale, list] of Object.entries(OWN_LOCALES)) {
  const names = loadLocale(locale);
  for (const code of list) {
    const e = byCode.get(code)!;
    for (const n of ([] as string[]).concat(names[code] ?? [])) {
      if (normalizeName(n) === normalizeName(e.name) || e.aliases.some((a) => normalizeName(a) === normalizeName(n))) continue;
      if (!e.localNames.includes(n)) e.localNames.push(n);
    }
  }
}

// A name that more than one country claims (e.g. "Congo") names none of them:
// drop it from every alias list (never from a display name or a code).
const claims = new Map<string, Set<string>>();
const claim = (key: string, code: string) => {
  if (!claims.has(key)) claims.set(key, new Set());
  claims.get(key)!.add(code);
};
for (const e of entries) {
  for (const n of [e.name, ...e.aliases, ...e.localNames, ...(e.places ?? [])]) claim(normalizeName(n), e.code);
  claim(e.code.toLowerCase(), e.code);
  claim(e.alpha3.toLowerCase(), e.code);
}
const dropped: string[] = [];
for (const e of entries) {
  const keep = (n: string) => {
    const ok = claims.get(normalizeName(n))!.size === 1;
    if (!ok) dropped.push(`${e.code}: ${n}`);
    return ok;
  };
  e.aliases = e.aliases.filter(keep);
  e.localNames = e.localNames.filter(keep);
  if (claims.get(normalizeName(e.name))!.size !== 1)
    throw new Error(`display name "${e.name}" of ${e.code} is claimed by several countries`);
}

const out = {
  source: `i18n-iso-countries ${pkgVersion} (English names; own-language names from its locales), generated by scripts/gen-countries.ts`,
  note:
    'Sorted by code; the position of a code is its bit in territory sets. Names claimed by more than one country were dropped as ambiguous: ' +
    dropped.join('; '),
  countries: entries,
};
if (entries.length > 256) throw new Error(`${entries.length} countries: more than 256`);
writeFileSync(new URL('../data/countries.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(`data/countries.json: ${entries.length} countries; dropped ambiguous names: ${dropped.join('; ') || 'none'}`);
