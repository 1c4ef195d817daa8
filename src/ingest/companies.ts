/**
 * The trade's companies as a gazetteer (`data/trade-companies.json`):
 * distributors, sales agents, studios, streamers and broadcasters, each with
 * its country, its kind and the short or older names the press writes
 * ("SPC" = Sony Pictures Classics, "Curzon/Artificial Eye"). Written for this
 * project from public knowledge.
 *
 * It is a hint, never a rule: a name it does not hold is still read from its
 * place in the sentence. Names that are also plain words ("Palace",
 * "September", "Impulse") are not made companies everywhere, since films
 * carry such titles: they stay known only as companies in a company's slot
 * (`companyEntry`), and only names of two words or more, or names no
 * dictionary word looks like ("Lusomundo", "A24", "MCF"), join the known
 * companies (`GAZETTEER_KNOWN_NAMES`).
 */
import data from '../../data/trade-companies.json' with { type: 'json' };
import { normalizeName } from '../domain/fuzzy.js';
import { nameKey } from './names.js';

export type CompanyKind = 'distributor' | 'sales-agent' | 'studio' | 'streamer' | 'broadcaster';

export interface TradeCompany {
  name: string;
  /** ISO 3166 alpha-2; XX an international seller, XL a Latin American one. */
  country: string;
  kind: CompanyKind;
  aliases: string[];
}

export const TRADE_COMPANIES: readonly TradeCompany[] = data.companies as TradeCompany[];

const byKey = new Map<string, TradeCompany>();
for (const c of TRADE_COMPANIES)
  for (const n of [c.name, ...c.aliases]) {
    const k = normalizeName(n);
    if (k && !byKey.has(k)) byKey.set(k, c);
  }

/** The gazetteer's entry for a name or alias as the trade writes it, if any. */
export function companyEntry(name: string): TradeCompany | undefined {
  // (the trade's "Intl." for International: "Pyramide Intl.")
  return (
    byKey.get(nameKey(name)) ?? (/\bIntl\.?$/i.test(name) ? byKey.get(nameKey(name.replace(/\bIntl\.?$/i, 'International'))) : undefined)
  );
}

/** Multi-word names that read as everyday phrases or film titles: kept out of the known companies. */
const PHRASES = new Set(['why not', 'the works', 'open road', 'fine line', 'film forum', 'new line', 'think film', 'front row']);

/** Whether a name is safe to treat as a company wherever it appears. */
export function distinctiveName(n: string): boolean {
  const words = n.trim().split(/\s+/);
  if (PHRASES.has(n.toLowerCase())) return false;
  if (words.length >= 2) return true;
  const w = words[0];
  if (/\d|\+|&/.test(w)) return true;
  if (/^\p{Lu}{3,}$/u.test(w)) return true; // MCF, SPC, KMBO
  if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(w)) return true; // TrustNordisk, KimStim
  if (/[^\p{ASCII}]/u.test(w)) return true; // Cinéart, Kino Świat
  return false;
}

/** The gazetteer's names and aliases that may join the known companies. */
export const GAZETTEER_KNOWN_NAMES: readonly string[] = TRADE_COMPANIES.flatMap((c) => [c.name, ...c.aliases]).filter(distinctiveName);
