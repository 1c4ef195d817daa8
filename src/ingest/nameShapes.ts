/**
 * What a capitalized chunk is, by its shape and the lexicon: money, a
 * territory or nationality, an award, a company (by suffix, prefix or known
 * name), a person; and resolving a short form against the article's registry.
 */
import { nameKey } from './names.js';
import { lookupTerritoryName, parseTerritories } from '../domain/territories.js';
import { AWARD_HEADS, AWARD_KEYS, COMPANY_PREFIXES, COMPANY_SUFFIXES, DEMONYMS, KNOWN_COMPANY_KEYS } from './lexicon.js';
import { CONNECTORS } from './sketchWords.js';
import type { Registry } from './registry.js';

export function parseMoneyToken(raw: string): { amount: string; currency: string } | undefined {
  const iso = /^([A-Z]{3})\s?\d/.exec(raw.trim());
  if (iso && iso[1] !== 'RMB' && !ISO_CURRENCIES.has(iso[1])) return undefined;
  const m =
    /^(US\$|A\$|C\$|CA\$|HK\$|NZ\$|R\$|S\$|NT\$|MX\$|[$€£¥₩₹]|RMB|[A-Z]{3})?\s?(\d[\d,]*(?:\.\d+)?)\s?(million|billion|mil|mln|bn|m|k|thousand)?\s?(yuan|euros?|dollars|pounds|yen|won|rupees|reais|pesos|kronor|roubles|rubles|zloty)?$/i.exec(
      raw.trim(),
    );
  if (!m) return undefined;
  const sym = (m[1] ?? m[4] ?? '').toLowerCase();
  const currency =
    sym === '$' || sym === 'us$' || sym === 'usd' || sym === 'dollars'
      ? 'USD'
      : sym === '€' || sym === 'eur' || sym.startsWith('euro')
        ? 'EUR'
        : sym === '£' || sym === 'gbp' || sym.startsWith('pound')
          ? 'GBP'
          : sym === '¥' || sym === 'jpy' || sym === 'yen'
            ? 'JPY'
            : sym === 'rmb' || sym === 'cny' || sym === 'yuan'
              ? 'CNY'
              : sym === '₩' || sym === 'krw' || sym === 'won'
                ? 'KRW'
                : sym === '₹' || sym === 'inr' || sym.startsWith('rupee')
                  ? 'INR'
                  : sym === 'a$'
                    ? 'AUD'
                    : sym === 'c$' || sym === 'ca$'
                      ? 'CAD'
                      : sym === 'hk$'
                        ? 'HKD'
                        : sym === 'nz$'
                          ? 'NZD'
                          : sym === 'r$' || sym === 'reais'
                            ? 'BRL'
                            : sym === 's$'
                              ? 'SGD'
                              : sym === 'nt$'
                                ? 'TWD'
                                : sym === 'mx$' || sym.startsWith('peso')
                                  ? 'MXN'
                                  : sym === 'chf'
                                    ? 'CHF'
                                    : sym === 'sek' || sym === 'kronor'
                                      ? 'SEK'
                                      : sym === 'dkk'
                                        ? 'DKK'
                                        : sym === 'nok'
                                          ? 'NOK'
                                          : sym === 'pln' || sym === 'zloty'
                                            ? 'PLN'
                                            : sym.startsWith('r') && sym.endsWith('bles')
                                              ? 'RUB'
                                              : ISO_CURRENCIES.has(sym.toUpperCase())
                                                ? sym.toUpperCase()
                                                : '';
  if (!currency) return undefined;
  const n = Number(m[2].replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  const mult = (m[3] ?? '').toLowerCase();
  const factor =
    mult === 'million' || mult === 'mil' || mult === 'mln' || mult === 'm'
      ? 1e6
      : mult === 'billion' || mult === 'bn'
        ? 1e9
        : mult === 'k' || mult === 'thousand'
          ? 1e3
          : 1;
  const value = Math.round(n * factor);
  return { amount: String(value), currency };
}

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCapToken(t: string): boolean {
  if (/^\p{Lu}/u.test(t)) return true;
  if (/^\d/.test(t)) return /\p{L}/u.test(t) || /^0\d$/.test(t); // A24-like, "01" Distribution; not plain numbers
  if (/^d['’]\p{Lu}/u.test(t)) return true; // Palme d'Or
  // a brand written with a lower-case prefix: "iWonder", "eOne", "myCanal"
  return /^(?:mk2|iQiyi|iQIYI)$/.test(t) || /^\p{Ll}{1,2}\p{Lu}[\p{L}\d]+$/u.test(t);
}

/** The territory expression a name stands for, if any ("North American" → "North America", "Irish" → "Ireland"). */
export function territoryOf(text: string): { readonly expr: string; readonly demonym: boolean } | undefined {
  // the same names come back sentence after sentence; reading one parses a territory expression
  if (territoryMemo.has(text)) return territoryMemo.get(text);
  if (territoryMemo.size >= 20_000) territoryMemo.clear();
  const t = readTerritory(text);
  territoryMemo.set(text, t && Object.freeze(t));
  return t;
}

const territoryMemo = new Map<string, { readonly expr: string; readonly demonym: boolean } | undefined>();

function readTerritory(text: string): { expr: string; demonym: boolean } | undefined {
  const clean = text.replace(/['’]s$/, '').trim();
  const k = clean.toLowerCase();
  if (DEMONYMS[k]) return { expr: DEMONYMS[k], demonym: true };
  // "Iranian-Canadian", "Franco-German": a nationality, not a place
  if (
    /^[\p{L}]+(?:-[\p{L}]+)+$/u.test(clean) &&
    clean.split('-').every((w) => DEMONYMS[w.toLowerCase()] || /^(?:franco|anglo|sino|italo|russo|afro|indo|austro|hispano|luso)$/i.test(w))
  ) {
    return { expr: DEMONYMS[clean.split('-').pop()!.toLowerCase()] ?? clean, demonym: true };
  }
  // a country code only when written as one ("US", "DE"), never a word like "Gu"
  if (clean.length <= 3 && clean !== clean.toUpperCase()) return undefined;
  // the trade's abbreviations that a country code spells: "CG series" (computer graphics), "the TV rights"
  if (/^(?:CG|CGI|TV|AI|VR|IP|HD)$/.test(clean)) return undefined;
  if (/^(?:the\s+)?(?:rest of (?:the )?world|row)$/i.test(clean)) return undefined;
  const hit = lookupTerritoryName(clean);
  // "Germany/Austria", "the US/Australia": territories the trade joins with a slash, each its own
  // ("Germany-Switzerland-Austria": the same with hyphens, when every part is a place of its own)
  const joined = /^[^/]+(?:\/[^/]+)+$/.test(clean) ? '/' : /^\p{Lu}[^-]+(?:-\p{Lu}[^-]+)+$/u.test(clean) ? '-' : null;
  if (!hit && joined) {
    const parts = clean.split(joined).map((p) => readTerritory(p.trim()));
    if (parts.every((p) => p && !p.demonym)) {
      const exprs = parts.map((p) => p!.expr);
      return { expr: `${exprs.slice(0, -1).join(', ')} and ${exprs[exprs.length - 1]}`, demonym: false };
    }
  }
  if (!hit) return undefined;
  // group adjectives: "North American", "Latin American", "Scandinavian"
  try {
    parseTerritories(clean);
  } catch {
    return undefined;
  }
  const demonym =
    /(?:an|ian|ean|ish|ese)$/i.test(clean) &&
    !/^(?:the\s+)?(?:\p{Lu}\S*\s+)*(?:America|Britain|Japan|Taiwan|Iran|Oman|Sudan|Pakistan|Afghanistan|Kazakhstan|Uzbekistan|Kyrgyzstan|Tajikistan|Turkmenistan|Bhutan|Vatican|Yemen)$/u.test(
      clean,
    );
  return { expr: clean.replace(/^the\s+/i, ''), demonym };
}

/** The prize heads in lower case, for the comparison of a name's last word. */
const AWARD_HEADS_LOWER = new Set(AWARD_HEADS.map((h) => h.toLowerCase()));

export function isAwardName(text: string): boolean {
  const k = nameKey(text);
  if (AWARD_KEYS.has(k)) return true;
  const words = text.split(/\s+/);
  const last = words[words.length - 1];
  return words.length >= 2 && (AWARD_HEADS_LOWER.has(last.toLowerCase()) || AWARD_HEADS.some((h) => text.endsWith(h)));
}

export function companyBySurface(text: string): boolean {
  const words = text.split(/\s+/);
  const last = words[words.length - 1].toLowerCase().replace(/[.,]$/, '');
  if (KNOWN_COMPANY_KEYS.has(nameKey(text))) return true;
  if (words.length >= 2 && COMPANY_SUFFIXES.has(last)) return true;
  // "Laokoon Filmgroup", "Komplizen Film", "Purin Pictures": a film word in the last name
  if (words.length >= 2 && /film|pictures|studios?|media|entertainment|produc/i.test(last)) return true;
  if (words.length >= 2 && COMPANY_PREFIXES.has(words[0].toLowerCase())) return true;
  // "EFM 2023", "Cannes 2019": an event's edition (a caption, a section head), not a company
  if (/^\p{Lu}[\p{L}'’ -]*[ ](?:19|20)\d\d$/u.test(text)) return false;
  if (/[&+/]|\d/.test(text)) return true;
  if (/^\p{Lu}{2,5}$/u.test(text)) return true; // CAA, UTA, SPC, HBO
  if (/^\p{Lu}[\p{Ll}]+\p{Lu}[\p{L}]*$/u.test(text) && words.length === 1) return true; // HanWay, FilmNation, TrustNordisk
  return false;
}

/** Whether a token sequence reads as a person's name: 2-4 capitalized words, no company marks. */
export function personShaped(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => !CONNECTORS.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 4) return false;
  // one inner capital is a name too: DuVernay, McCarthy, DiCaprio, LaBeouf
  return words.every((w) => /^\p{Lu}(?:[\p{Ll}'’]{1,3}\p{Lu})?[\p{Ll}'’-]*(?:-\p{Lu}?[\p{Ll}]+)*\.?$/u.test(w) || /^\p{Lu}\.$/u.test(w));
}

/** A short reference ("Zhang", "HanWay", "SPC") resolved against the article's registry. */
export function resolveShort(reg: Registry, text: string): { name: string; kind: 'company' | 'person' } | undefined {
  const k = nameKey(text);
  if (!k) return undefined;
  const x = reg.index;
  const known = reg.kinds.get(k);
  if (known) {
    return { name: (known === 'person' ? x.personByKey : x.companyByKey).get(k) ?? text, kind: known };
  }
  const words = k.split(' ');
  if (words.length === 1) {
    // people of two words or more whose first or last word this is
    const matches = x.peopleByEdgeWord.get(k) ?? [];
    // the article's own people first (in the order it introduces them); a catalog name only when it is the only one
    const own = matches
      .filter((p) => x.mentionedAt.has(nameKey(p)))
      .sort((a, b) => x.mentionedAt.get(nameKey(a))! - x.mentionedAt.get(nameKey(b))!);
    const person = own[0] ?? (matches.length === 1 ? matches[0] : undefined);
    if (person) return { name: person, kind: 'person' };
  } else if (words.length === 2) {
    // "El Moudir" for "Asmae El Moudir", "de Vries" for "Pieter de Vries"
    const person = x.personByLastTwo.get(k);
    if (person) return { name: person, kind: 'person' };
  }
  // the first company whose name starts with these words, or is them written without spaces
  const byPrefix = x.companyByPrefix.get(k);
  const bySquashed = x.companyBySquashed.get(k.replace(/ /g, ''));
  const company = byPrefix === undefined ? bySquashed : bySquashed === undefined ? byPrefix : Math.min(byPrefix, bySquashed);
  if (company !== undefined) return { name: reg.companies[company], kind: 'company' };
  if (/^\p{Lu}{2,5}$/u.test(text)) {
    const acronym = x.companyByAcronym.get(text);
    if (acronym !== undefined) return { name: reg.companies[acronym], kind: 'company' };
  }
  return undefined;
}
