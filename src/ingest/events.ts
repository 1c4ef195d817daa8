/**
 * Festivals, markets and award ceremonies as the trade press names them:
 * their names and aliases, how their editions are numbered, when in the year
 * they happen, their sections, and the prizes they give.
 */
import { normalizeName } from '../domain/fuzzy.js';
import { nameKey } from './names.js';

export type EventKind = 'festival' | 'market' | 'awards';

export interface EventEntry {
  /** The canonical name (as the demo catalog names it where it has it). */
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: EventKind;
  /** The month it usually happens (1-12): places an undated mention in a year. */
  month: number;
  /** An edition and its year, for "the 69th Berlin International Film Festival" → 2019. */
  anchor: [number, number] | null;
  country: string | null;
  city: string | null;
  /** Section names that belong to it ("Platform" is TIFF's). */
  sections: string[];
  /** Its market, for "out of Cannes" style deal places. */
  market?: string;
}

const E = (
  name: string,
  shortName: string | null,
  aliases: string[],
  kind: EventKind,
  month: number,
  anchor: [number, number] | null,
  country: string | null,
  city: string | null,
  sections: string[] = [],
): EventEntry => ({
  name,
  shortName,
  aliases,
  kind,
  month,
  anchor,
  country,
  city,
  sections,
});

export const EVENTS: EventEntry[] = [
  E(
    'Cannes Film Festival',
    'Cannes',
    ['Festival de Cannes', 'Cannes International Film Festival', 'Cannes Festival', 'Cannes'],
    'festival',
    5,
    [74, 2021],
    'FR',
    'Cannes',
    [
      'Un Certain Regard',
      "Directors' Fortnight",
      'Quinzaine des Réalisateurs',
      "Critics' Week",
      'Semaine de la Critique',
      'Cannes Premiere',
      'Special Screenings',
      'Midnight Screenings',
      'Cannes Classics',
      'Official Selection',
      'ACID',
    ],
  ),
  E(
    'Berlin International Film Festival',
    'Berlinale',
    ['Berlin Film Festival', 'Berlin International Film Festival', 'Berlin', 'Berlinale'],
    'festival',
    2,
    [69, 2019],
    'DE',
    'Berlin',
    [
      'Encounters',
      'Panorama',
      'Forum',
      'Generation',
      'Generation Kplus',
      'Generation 14plus',
      'Berlinale Special',
      'Berlinale Special Gala',
      'Perspektive Deutsches Kino',
    ],
  ),
  E(
    'Venice Film Festival',
    'Venice',
    ['Venice International Film Festival', 'Mostra', 'Venice Biennale', 'La Biennale di Venezia', 'Venice'],
    'festival',
    9,
    [78, 2021],
    'IT',
    'Venice',
    ['Orizzonti', 'Orizzonti Extra', 'Venice Days', 'Giornate degli Autori', 'Settimana Internazionale della Critica', 'Venice Classics'],
  ),
  E(
    'Toronto International Film Festival',
    'TIFF',
    ['Toronto Film Festival', 'Toronto', 'TIFF'],
    'festival',
    9,
    [46, 2021],
    'CA',
    'Toronto',
    [
      'Gala Presentations',
      'Special Presentations',
      'Platform',
      'Discovery',
      'Contemporary World Cinema',
      'Wavelengths',
      'Midnight Madness',
      'TIFF Docs',
      'Centrepiece',
      'Masters',
      'Primetime',
      'Galas',
    ],
  ),
  E('Sundance Film Festival', 'Sundance', ['Sundance', 'Park City'], 'festival', 1, null, 'US', 'Park City', [
    'U.S. Dramatic Competition',
    'U.S. Documentary Competition',
    'World Cinema Dramatic Competition',
    'World Cinema Documentary Competition',
    'Premieres',
    'NEXT',
    'Midnight',
    'Spotlight',
  ]),
  E('Locarno Film Festival', 'Locarno', ['Locarno International Film Festival', 'Locarno'], 'festival', 8, [74, 2021], 'CH', 'Locarno', [
    'Piazza Grande',
    'Concorso Internazionale',
    'Cineasti del Presente',
    'Filmmakers of the Present',
  ]),
  E(
    'San Sebastian International Film Festival',
    'San Sebastian',
    [
      'San Sebastián International Film Festival',
      'San Sebastian Film Festival',
      'San Sebastián Film Festival',
      'San Sebastian',
      'San Sebastián',
      'Donostia',
    ],
    'festival',
    9,
    [69, 2021],
    'ES',
    'San Sebastián',
    ['New Directors', 'Zabaltegi', 'Perlak', 'Horizontes Latinos'],
  ),
  E('Telluride Film Festival', 'Telluride', ['Telluride'], 'festival', 9, [48, 2021], 'US', 'Telluride'),
  E('New York Film Festival', 'NYFF', ['NYFF', 'New York Film Festival'], 'festival', 10, [59, 2021], 'US', 'New York', [
    'Main Slate',
    'Currents',
  ]),
  E(
    'BFI London Film Festival',
    'LFF',
    ['London Film Festival', 'BFI London Film Festival', 'LFF'],
    'festival',
    10,
    [65, 2021],
    'GB',
    'London',
  ),
  E(
    'Busan International Film Festival',
    'BIFF',
    ['Busan Film Festival', 'Busan', 'Pusan International Film Festival', 'BIFF'],
    'festival',
    10,
    [26, 2021],
    'KR',
    'Busan',
    ['Gala Presentation', 'New Currents'],
  ),
  E(
    'International Film Festival Rotterdam',
    'IFFR',
    ['Rotterdam Film Festival', 'Rotterdam International Film Festival', 'IFFR', 'Rotterdam'],
    'festival',
    1,
    [50, 2021],
    'NL',
    'Rotterdam',
    ['Tiger Competition', 'Big Screen Competition', 'Bright Future', 'Harbour', 'Limelight'],
  ),
  E(
    'Karlovy Vary International Film Festival',
    'Karlovy Vary',
    ['Karlovy Vary Film Festival', 'KVIFF', 'Karlovy Vary'],
    'festival',
    7,
    [55, 2021],
    'CZ',
    'Karlovy Vary',
    ['Crystal Globe Competition', 'Proxima'],
  ),
  E('Tribeca Festival', 'Tribeca', ['Tribeca Film Festival', 'Tribeca'], 'festival', 6, [20, 2021], 'US', 'New York'),
  E(
    'SXSW Film Festival',
    'SXSW',
    ['SXSW', 'South by Southwest', 'SXSW Film & TV Festival', 'SXSW Film Festival'],
    'festival',
    3,
    null,
    'US',
    'Austin',
  ),
  E(
    'Tallinn Black Nights Film Festival',
    'Black Nights',
    ['Black Nights Film Festival', 'PÖFF', 'Tallinn Black Nights'],
    'festival',
    11,
    [25, 2021],
    'EE',
    'Tallinn',
  ),
  E('Cairo International Film Festival', 'Cairo', ['Cairo Film Festival', 'CIFF'], 'festival', 12, [43, 2021], 'EG', 'Cairo'),
  E('Tokyo International Film Festival', 'TIFFJP', ['Tokyo Film Festival'], 'festival', 10, [34, 2021], 'JP', 'Tokyo'),
  E('Sarajevo Film Festival', 'Sarajevo', ['Sarajevo'], 'festival', 8, [27, 2021], 'BA', 'Sarajevo'),
  E('Zurich Film Festival', 'ZFF', ['Zurich'], 'festival', 9, [17, 2021], 'CH', 'Zurich'),
  E('Annecy International Animation Film Festival', 'Annecy', ['Annecy Festival', 'Annecy'], 'festival', 6, null, 'FR', 'Annecy'),
  E(
    'Sitges Film Festival',
    'Sitges',
    ['Sitges International Fantastic Film Festival', 'Sitges'],
    'festival',
    10,
    [54, 2021],
    'ES',
    'Sitges',
  ),
  E('Fantastic Fest', null, [], 'festival', 9, null, 'US', 'Austin'),
  E('International Documentary Film Festival Amsterdam', 'IDFA', ['IDFA'], 'festival', 11, [34, 2021], 'NL', 'Amsterdam'),
  E('CPH:DOX', null, ['CPH DOX'], 'festival', 3, null, 'DK', 'Copenhagen'),
  E('Hot Docs', null, ['Hot Docs Canadian International Documentary Festival'], 'festival', 4, null, 'CA', 'Toronto'),
  E('Shanghai International Film Festival', 'SIFF', ['Shanghai Film Festival', 'Shanghai'], 'festival', 6, [24, 2021], 'CN', 'Shanghai'),
  E('Beijing International Film Festival', null, ['Beijing Film Festival'], 'festival', 4, null, 'CN', 'Beijing'),
  E('Red Sea International Film Festival', 'Red Sea', ['Red Sea Film Festival'], 'festival', 12, null, 'SA', 'Jeddah'),
  E('Marrakech International Film Festival', 'Marrakech', ['Marrakech Film Festival'], 'festival', 12, null, 'MA', 'Marrakech'),
  E('Rome Film Festival', 'Rome', ['Rome Film Fest'], 'festival', 10, null, 'IT', 'Rome'),
  E('Thessaloniki International Film Festival', 'Thessaloniki', [], 'festival', 11, null, 'GR', 'Thessaloniki'),
  E('Göteborg Film Festival', 'Göteborg', ['Gothenburg Film Festival'], 'festival', 1, null, 'SE', 'Gothenburg'),
  E('Mar del Plata International Film Festival', 'Mar del Plata', [], 'festival', 11, null, 'AR', 'Mar del Plata'),
  E('Guadalajara International Film Festival', 'Guadalajara', [], 'festival', 6, null, 'MX', 'Guadalajara'),
  E('Morelia International Film Festival', 'Morelia', [], 'festival', 10, null, 'MX', 'Morelia'),
  E('Palm Springs International Film Festival', 'Palm Springs', [], 'festival', 1, null, 'US', 'Palm Springs'),
  E('AFI Fest', null, [], 'festival', 11, null, 'US', 'Los Angeles'),
  E('Sydney Film Festival', null, [], 'festival', 6, null, 'AU', 'Sydney'),
  E('Melbourne International Film Festival', 'MIFF', [], 'festival', 8, null, 'AU', 'Melbourne'),
  E('Edinburgh International Film Festival', null, ['Edinburgh Film Festival'], 'festival', 8, null, 'GB', 'Edinburgh'),
  E('Hong Kong International Film Festival', 'HKIFF', [], 'festival', 4, null, 'HK', 'Hong Kong'),
  // markets
  E(
    'Marché du Film',
    null,
    ['Cannes Film Market', 'Cannes market', 'Marche du Film', 'Marché du Film Online'],
    'market',
    5,
    null,
    'FR',
    'Cannes',
  ),
  E('European Film Market', 'EFM', ['EFM', 'Berlin market', 'Berlin film market'], 'market', 2, null, 'DE', 'Berlin'),
  E('American Film Market', 'AFM', ['AFM', 'American Film Market & Conferences'], 'market', 11, null, 'US', 'Los Angeles'),
  E('Hong Kong International Film & TV Market', 'Filmart', ['Filmart', 'FilmArt'], 'market', 3, null, 'HK', 'Hong Kong'),
  E('Ventana Sur', null, [], 'market', 12, null, 'AR', 'Buenos Aires'),
  E('MIPCOM', null, ['Mipcom'], 'market', 10, null, 'FR', 'Cannes'),
  E('MIPTV', null, ['MIP-TV', 'MipTV', 'MIP TV'], 'market', 4, null, 'FR', 'Cannes'),
  E('MIP Junior', null, ['MIPJunior', 'MIP-Junior'], 'market', 10, null, 'FR', 'Cannes'),
  E('TIFFCOM', null, ['Tiffcom'], 'market', 10, null, 'JP', 'Tokyo'),
  E('Asian Contents & Film Market', 'ACFM', ['ACFM', 'Asian Film Market'], 'market', 10, null, 'KR', 'Busan'),
  E('Toronto market', null, ['TIFF market', 'TIFF Industry'], 'market', 9, null, 'CA', 'Toronto'),
  // award ceremonies
  E('Academy Awards', 'Oscars', ['Oscars', 'the Oscars', 'Oscar', 'Academy Award'], 'awards', 3, [94, 2022], 'US', 'Los Angeles'),
  E('Golden Globe Awards', 'Golden Globes', ['Golden Globes', 'Golden Globe'], 'awards', 1, [79, 2022], 'US', 'Los Angeles'),
  E(
    'BAFTA Film Awards',
    'BAFTAs',
    ['BAFTAs', 'BAFTA Awards', 'BAFTA', 'British Academy Film Awards'],
    'awards',
    2,
    [75, 2022],
    'GB',
    'London',
  ),
  E('César Awards', 'Césars', ['Césars', 'Cesars', 'César', 'Cesar Awards'], 'awards', 2, [47, 2022], 'FR', 'Paris'),
  E(
    'Independent Spirit Awards',
    'Spirit Awards',
    ['Spirit Awards', 'Film Independent Spirit Awards'],
    'awards',
    3,
    [37, 2022],
    'US',
    'Santa Monica',
  ),
  E('European Film Awards', null, ['EFA'], 'awards', 12, [34, 2021], null, null),
  E('Goya Awards', 'Goyas', ['Goyas', 'Goya'], 'awards', 2, [36, 2022], 'ES', null),
];
EVENTS.find((e) => e.name === 'Cannes Film Festival')!.market = 'Marché du Film';
EVENTS.find((e) => e.name === 'Berlin International Film Festival')!.market = 'European Film Market';
EVENTS.find((e) => e.name === 'Toronto International Film Festival')!.market = 'Toronto market';

/** Sections that any festival may have, and those that name their festival. */
export const GENERIC_SECTIONS = [
  'Competition',
  'Main Competition',
  'International Competition',
  'Out of Competition',
  'Official Selection',
  'Special Screenings',
  'Special Presentations',
  'Midnight',
  'Documentary Competition',
  'Shorts',
];

const EVENT_KEYS = new Map<string, EventEntry>();
for (const e of EVENTS) {
  for (const n of [e.name, e.shortName, ...e.aliases]) {
    if (!n) continue;
    const k = normalizeName(n);
    if (!EVENT_KEYS.has(k)) EVENT_KEYS.set(k, e);
  }
}

/** Names already looked up (the lexicon does not change): bounded, cleared when full. */
const eventMemo = new Map<string, EventEntry | undefined>();

/** "Berlinale", "the 69th Berlin International Film Festival" (without the ordinal), "Toronto" → the entry. */
export function findEvent(name: string): EventEntry | undefined {
  // every capitalized run of every sentence is looked up, most of them more than once: remembered (bounded)
  if (eventMemo.has(name)) return eventMemo.get(name);
  if (eventMemo.size >= 20_000) eventMemo.clear();
  const k = nameKey(name.replace(/['’]s$/, ''));
  const ev = EVENT_KEYS.get(k) ?? EVENT_KEYS.get(k.replace(/\s+(film )?(festival|fest|awards?|market)$/, ''));
  eventMemo.set(name, ev);
  return ev;
}

export function eventByName(name: string): EventEntry | undefined {
  return EVENTS.find((e) => e.name === name);
}

/** The festival whose section this is ("Platform" → TIFF), when only one has it. */
export function eventOfSection(section: string): EventEntry | undefined {
  const k = nameKey(section);
  const hits = EVENTS.filter((e) => e.sections.some((s) => nameKey(s) === k));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The comparable forms of every section name, generic or of a festival (read once, on first use). */
let sectionKeys: Set<string> | null = null;

export function isKnownSection(name: string): boolean {
  sectionKeys ??= new Set([...GENERIC_SECTIONS, ...EVENTS.flatMap((e) => e.sections)].map((s) => normalizeName(s)));
  return sectionKeys.has(nameKey(name));
}

/** The year of an edition by its number ("69th" Berlinale → 2019), when the festival runs every year. */
export function editionYear(e: EventEntry, edition: number): number | null {
  if (!e.anchor) return null;
  return e.anchor[1] + (edition - e.anchor[0]);
}

export function yearEdition(e: EventEntry, year: number): number | null {
  if (!e.anchor) return null;
  const n = e.anchor[0] + (year - e.anchor[1]);
  return n > 0 ? n : null;
}

/** Prize names; a name ending in one of AWARD_HEADS is read as a prize too ("Audience Award", "Silver Bear"). */
export const AWARDS = [
  "Palme d'Or",
  'Grand Prix',
  'Jury Prize',
  'Special Jury Prize',
  'Grand Jury Prize',
  "Caméra d'Or",
  'Queer Palm',
  'Un Certain Regard Prize',
  'Golden Bear',
  'Silver Bear',
  'Silver Bear Grand Jury Prize',
  'Silver Bear Jury Prize',
  'Golden Lion',
  'Silver Lion',
  'Golden Leopard',
  'Golden Shell',
  'Silver Shell',
  'Crystal Globe',
  'Tiger Award',
  'Heart of Sarajevo',
  "People's Choice Award",
  "Grolsch People's Choice Award",
  'Audience Award',
  'FIPRESCI Prize',
  'Golden Alexander',
  'Cristal',
  'Teddy Award',
  'Crystal Bear',
  'Lion of the Future',
  'Caméra d’Or',
  'Grand Prix du Jury',
  'Jury Grand Prize',
  'Oscar',
  'Academy Award',
  'Golden Globe',
  'BAFTA',
  'César',
  'Goya',
  'Orizzonti Award',
  'Luigi De Laurentiis Award',
  'Platform Prize',
  'Best Director',
  'Best Actress',
  'Best Actor',
  'Best Screenplay',
  'Best Film',
  'Best Picture',
  'Best International Feature',
  'Best Documentary',
  'Best First Feature',
];
/** The comparable forms of AWARDS. */
export const AWARD_KEYS = new Set(AWARDS.map((a) => normalizeName(a)));
export const AWARD_HEADS = [
  'Prize',
  'Award',
  'Awards',
  'Bear',
  'Lion',
  'Leopard',
  'Shell',
  'Palm',
  'Globe',
  "d'Or",
  'Grand Prix',
  'Alexander',
];
