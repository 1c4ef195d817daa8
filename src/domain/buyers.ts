/**
 * Buyers (market mode, docs/market.md): the words of a buyer profile and the small checks its
 * fields need. Pure: no I/O, no clock (callers pass the day), no random numbers.
 */
import { invalid } from './errors.js';

/** What kind of buyer a company is when it buys from us. */
export const BUYER_KINDS = ['distributor', 'streamer', 'broadcaster', 'exhibitor', 'home-entertainment', 'airline', 'other'] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];

/** A contact's e-mail address: one @, a dotted domain, no spaces (what mail clients accept, not the whole RFC). */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function checkEmail(value: string, field: string): string {
  const v = value.trim();
  if (v.length > 254 || !EMAIL.test(v))
    throw invalid(field, value, `${field}: "${value}" is not an e-mail address (like name@company.com)`);
  return v;
}

/** A phone number as people write it: digits with spaces, dots, dashes, brackets, an optional leading +. */
export function checkPhone(value: string, field: string): string {
  const v = value.trim();
  const digits = v.replace(/\D/g, '').length;
  if (!/^\+?[0-9 ().-]+$/.test(v) || digits < 5 || digits > 20)
    throw invalid(field, value, `${field}: "${value}" is not a phone number (digits, spaces, + ( ) . -)`);
  return v;
}

/**
 * A screener link the agent pastes from its video host: an absolute http(s) URL. filmrights never
 * fetches it (it only redirects the buyer's browser to it), so any public or private host is accepted.
 */
export function checkScreenerUrl(value: string, field: string): string {
  const v = value.trim();
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw invalid(field, value, `${field}: "${value}" is not a web address (it should start with https://)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid(field, value, `${field}: only http and https links can be sent as screeners, not ${url.protocol.replace(/:$/, '')}`);
  if (!url.hostname) throw invalid(field, value, `${field}: "${value}" names no host`);
  if (url.username || url.password) throw invalid(field, value, `${field}: a link with a user name or password in it cannot be sent`);
  return url.toString();
}

/** A BCP 47 locale the date formatter knows ("fr-FR", "de", "en-GB"), in its canonical spelling. */
export function checkLocale(value: string, field: string): string {
  const v = value.trim();
  let canonical: string[];
  try {
    canonical = Intl.getCanonicalLocales(v);
  } catch {
    throw invalid(field, value, `${field}: "${value}" is not a language tag (like fr-FR or en-GB)`);
  }
  if (canonical.length !== 1 || !Intl.DateTimeFormat.supportedLocalesOf(canonical).length)
    throw invalid(field, value, `${field}: dates cannot be written in "${value}"; use a tag like fr-FR, de-DE or en-GB`);
  return canonical[0];
}

/** A day ('YYYY-MM-DD') written in a buyer's language of dates: fr-FR "5 déc. 2026" (long) and "05/12/2026" (short). */
export function formatBuyerDate(day: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The status of one title × country × media on a buyer's avails sheet: never who else holds it. */
export const SHEET_STATUSES = ['available', 'on-hold', 'not-available'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];
