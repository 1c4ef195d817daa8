/**
 * A deterministic synthetic catalog (seeded): titles with about 30 rights
 * blocks each, shaped like a sales agent's book: one worldwide mandate (rights
 * in), sales territory by territory on realistic groups and media, a few
 * holdbacks and a deal or two in negotiation.
 */
import type { Bitset } from '../src/domain/bitset.js';
import { parseDay, PERPETUITY } from '../src/domain/dates.js';
import { parseMedia } from '../src/domain/media.js';
import type { AvailsQuestion } from '../src/domain/avails.js';
import type { RightsBlock } from '../src/domain/rights.js';
import { parseTerritories } from '../src/domain/territories.js';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SALE_TERRITORIES = [
  'North America',
  'U.K.',
  'Germany',
  'France',
  'Benelux',
  'Scandinavia',
  'Latin America',
  'Italy',
  'Spain',
  'Japan',
  'South Korea',
  'Australia and New Zealand',
  'Middle East',
  'CIS',
  'Eastern Europe',
  'Former Yugoslavia',
  'Baltics',
  'German-speaking Europe',
  'Iberia',
  'Brazil',
  'Mexico',
  'India',
  'Turkey',
  'Greece',
  'Poland',
  'Portugal',
  'Israel',
  'Taiwan',
  'Hong Kong',
  'Southeast Asia',
];
const SALE_MEDIA = [
  'All Media',
  'All Media',
  'Theatrical',
  'SVOD',
  'Television',
  'Pay TV',
  'Free TV',
  'EST, TVOD',
  'AVOD',
  'Theatrical, Pay TV, Free TV',
];
const HOME = ['France', 'U.S.', 'U.K.', 'Germany', 'China', 'Japan', 'Spain', 'Italy', 'South Korea', 'Denmark'];

export interface SyntheticTitle {
  id: string;
  blocks: RightsBlock[];
}

/** `titles` titles numbered from `first` (T<first>..): a big catalog is made in parts, each with its own seed. */
export function syntheticCatalog(titles: number, seed = 42, first = 0): SyntheticTitle[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const terr = new Map<string, Bitset>();
  const t = (expr: string) => {
    let s = terr.get(expr);
    if (!s) terr.set(expr, (s = parseTerritories(expr)));
    return s;
  };
  const med = new Map<string, Bitset>();
  const m = (expr: string) => {
    let s = med.get(expr);
    if (!s) med.set(expr, (s = parseMedia(expr)));
    return s;
  };
  const base = parseDay('2015-01-01');
  const out: SyntheticTitle[] = [];
  for (let i = 0; i < titles; i++) {
    const id = `T${first + i}`;
    const start = base + Math.floor(r() * 3650);
    const blocks: RightsBlock[] = [
      {
        contract: `${id}-MANDATE`,
        kind: 'in',
        territories: t(`Worldwide excluding ${pick(HOME)}`),
        media: m('All Media'),
        languages: null,
        start,
        end: r() < 0.2 ? PERPETUITY : start + 365 * (10 + Math.floor(r() * 15)),
        exclusive: true,
      },
    ];
    const sales = 24 + Math.floor(r() * 6);
    for (let s = 0; s < sales; s++) {
      const from = start + Math.floor(r() * 2500);
      blocks.push({
        contract: `${id}-S${s}`,
        kind: r() < 0.05 ? 'hold' : 'out',
        territories: t(pick(SALE_TERRITORIES)),
        media: m(pick(SALE_MEDIA)),
        languages: r() < 0.1 ? [pick(['fr', 'de', 'es', 'it'])] : null,
        start: from,
        end: from + 365 * (3 + Math.floor(r() * 12)),
        exclusive: r() < 0.9,
      });
    }
    for (let h = 0; h < 2; h++) {
      const from = start + Math.floor(r() * 1000);
      blocks.push({
        contract: `${id}-S${h}`,
        kind: 'holdback',
        territories: t(pick(SALE_TERRITORIES)),
        media: m('SVOD'),
        languages: null,
        start: from,
        end: from + 540,
        exclusive: false,
      });
    }
    out.push({ id, blocks });
  }
  return out;
}

/** The catalog-wide question every benchmark asks: exclusive, free for SVOD in Germany for all of 2027-2028. */
export function germanySvodQuestion(): AvailsQuestion {
  return {
    territories: parseTerritories('Germany'),
    media: parseMedia('SVOD'),
    languages: null,
    start: parseDay('2027-01-01'),
    end: parseDay('2028-12-31'),
    exclusive: true,
    match: 'cover-entire',
  };
}
