/**
 * The vocabulary of the trade press that the extractor reads with: festivals,
 * markets and award ceremonies (names, how their editions are numbered, when
 * in the year they happen, their sections and prizes), the words that make a
 * name a company, role words, nationality adjectives, and a list of companies
 * that the trade writes about every week (a hint, never required: unknown
 * names are read from their place in the sentence).
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

const E = (name: string, shortName: string | null, aliases: string[], kind: EventKind, month: number, anchor: [number, number] | null, country: string | null, city: string | null, sections: string[] = []): EventEntry => ({
  name, shortName, aliases, kind, month, anchor, country, city, sections,
});

export const EVENTS: EventEntry[] = [
  E('Cannes Film Festival', 'Cannes', ['Festival de Cannes', 'Cannes International Film Festival', 'Cannes Festival', 'Cannes'], 'festival', 5, [74, 2021], 'FR', 'Cannes',
    ['Un Certain Regard', "Directors' Fortnight", 'Quinzaine des Réalisateurs', "Critics' Week", 'Semaine de la Critique', 'Cannes Premiere', 'Special Screenings', 'Midnight Screenings', 'Cannes Classics', 'Official Selection', 'ACID']),
  E('Berlin International Film Festival', 'Berlinale', ['Berlin Film Festival', 'Berlin International Film Festival', 'Berlin', 'Berlinale'], 'festival', 2, [69, 2019], 'DE', 'Berlin',
    ['Encounters', 'Panorama', 'Forum', 'Generation', 'Generation Kplus', 'Generation 14plus', 'Berlinale Special', 'Berlinale Special Gala', 'Perspektive Deutsches Kino']),
  E('Venice Film Festival', 'Venice', ['Venice International Film Festival', 'Mostra', 'Venice Biennale', 'La Biennale di Venezia', 'Venice'], 'festival', 9, [78, 2021], 'IT', 'Venice',
    ['Orizzonti', 'Orizzonti Extra', 'Venice Days', 'Giornate degli Autori', 'Settimana Internazionale della Critica', 'Venice Classics']),
  E('Toronto International Film Festival', 'TIFF', ['Toronto Film Festival', 'Toronto', 'TIFF'], 'festival', 9, [46, 2021], 'CA', 'Toronto',
    ['Gala Presentations', 'Special Presentations', 'Platform', 'Discovery', 'Contemporary World Cinema', 'Wavelengths', 'Midnight Madness', 'TIFF Docs', 'Centrepiece', 'Masters', 'Primetime', 'Galas']),
  E('Sundance Film Festival', 'Sundance', ['Sundance', 'Park City'], 'festival', 1, null, 'US', 'Park City',
    ['U.S. Dramatic Competition', 'U.S. Documentary Competition', 'World Cinema Dramatic Competition', 'World Cinema Documentary Competition', 'Premieres', 'NEXT', 'Midnight', 'Spotlight']),
  E('Locarno Film Festival', 'Locarno', ['Locarno International Film Festival', 'Locarno'], 'festival', 8, [74, 2021], 'CH', 'Locarno', ['Piazza Grande', 'Concorso Internazionale', 'Cineasti del Presente', 'Filmmakers of the Present']),
  E('San Sebastian International Film Festival', 'San Sebastian', ['San Sebastián International Film Festival', 'San Sebastian Film Festival', 'San Sebastián Film Festival', 'San Sebastian', 'San Sebastián', 'Donostia'], 'festival', 9, [69, 2021], 'ES', 'San Sebastián', ['New Directors', 'Zabaltegi', 'Perlak', 'Horizontes Latinos']),
  E('Telluride Film Festival', 'Telluride', ['Telluride'], 'festival', 9, [48, 2021], 'US', 'Telluride'),
  E('New York Film Festival', 'NYFF', ['NYFF', 'New York Film Festival'], 'festival', 10, [59, 2021], 'US', 'New York', ['Main Slate', 'Currents']),
  E('BFI London Film Festival', 'LFF', ['London Film Festival', 'BFI London Film Festival', 'LFF'], 'festival', 10, [65, 2021], 'GB', 'London'),
  E('Busan International Film Festival', 'BIFF', ['Busan Film Festival', 'Busan', 'Pusan International Film Festival', 'BIFF'], 'festival', 10, [26, 2021], 'KR', 'Busan', ['Gala Presentation', 'New Currents']),
  E('International Film Festival Rotterdam', 'IFFR', ['Rotterdam Film Festival', 'Rotterdam International Film Festival', 'IFFR', 'Rotterdam'], 'festival', 1, [50, 2021], 'NL', 'Rotterdam', ['Tiger Competition', 'Big Screen Competition', 'Bright Future', 'Harbour', 'Limelight']),
  E('Karlovy Vary International Film Festival', 'Karlovy Vary', ['Karlovy Vary Film Festival', 'KVIFF', 'Karlovy Vary'], 'festival', 7, [55, 2021], 'CZ', 'Karlovy Vary', ['Crystal Globe Competition', 'Proxima']),
  E('Tribeca Festival', 'Tribeca', ['Tribeca Film Festival', 'Tribeca'], 'festival', 6, [20, 2021], 'US', 'New York'),
  E('SXSW Film Festival', 'SXSW', ['SXSW', 'South by Southwest', 'SXSW Film & TV Festival', 'SXSW Film Festival'], 'festival', 3, null, 'US', 'Austin'),
  E('Tallinn Black Nights Film Festival', 'Black Nights', ['Black Nights Film Festival', 'PÖFF', 'Tallinn Black Nights'], 'festival', 11, [25, 2021], 'EE', 'Tallinn'),
  E('Cairo International Film Festival', 'Cairo', ['Cairo Film Festival', 'CIFF'], 'festival', 12, [43, 2021], 'EG', 'Cairo'),
  E('Tokyo International Film Festival', 'TIFFJP', ['Tokyo Film Festival'], 'festival', 10, [34, 2021], 'JP', 'Tokyo'),
  E('Sarajevo Film Festival', 'Sarajevo', ['Sarajevo'], 'festival', 8, [27, 2021], 'BA', 'Sarajevo'),
  E('Zurich Film Festival', 'ZFF', ['Zurich'], 'festival', 9, [17, 2021], 'CH', 'Zurich'),
  E('Annecy International Animation Film Festival', 'Annecy', ['Annecy Festival', 'Annecy'], 'festival', 6, null, 'FR', 'Annecy'),
  E('Sitges Film Festival', 'Sitges', ['Sitges International Fantastic Film Festival', 'Sitges'], 'festival', 10, [54, 2021], 'ES', 'Sitges'),
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
  E('Marché du Film', null, ['Cannes Film Market', 'Cannes market', 'Marche du Film', 'Marché du Film Online'], 'market', 5, null, 'FR', 'Cannes'),
  E('European Film Market', 'EFM', ['EFM', 'Berlin market', 'Berlin film market'], 'market', 2, null, 'DE', 'Berlin'),
  E('American Film Market', 'AFM', ['AFM', 'American Film Market & Conferences'], 'market', 11, null, 'US', 'Los Angeles'),
  E('Hong Kong International Film & TV Market', 'Filmart', ['Filmart', 'FilmArt'], 'market', 3, null, 'HK', 'Hong Kong'),
  E('Ventana Sur', null, [], 'market', 12, null, 'AR', 'Buenos Aires'),
  E('MIPCOM', null, ['Mipcom'], 'market', 10, null, 'FR', 'Cannes'),
  E('Toronto market', null, ['TIFF market', 'TIFF Industry'], 'market', 9, null, 'CA', 'Toronto'),
  // award ceremonies
  E('Academy Awards', 'Oscars', ['Oscars', 'the Oscars', 'Oscar', 'Academy Award'], 'awards', 3, [94, 2022], 'US', 'Los Angeles'),
  E('Golden Globe Awards', 'Golden Globes', ['Golden Globes', 'Golden Globe'], 'awards', 1, [79, 2022], 'US', 'Los Angeles'),
  E('BAFTA Film Awards', 'BAFTAs', ['BAFTAs', 'BAFTA Awards', 'BAFTA', 'British Academy Film Awards'], 'awards', 2, [75, 2022], 'GB', 'London'),
  E('César Awards', 'Césars', ['Césars', 'Cesars', 'César', 'Cesar Awards'], 'awards', 2, [47, 2022], 'FR', 'Paris'),
  E('Independent Spirit Awards', 'Spirit Awards', ['Spirit Awards', 'Film Independent Spirit Awards'], 'awards', 3, [37, 2022], 'US', 'Santa Monica'),
  E('European Film Awards', null, ['EFA'], 'awards', 12, [34, 2021], null, null),
  E('Goya Awards', 'Goyas', ['Goyas', 'Goya'], 'awards', 2, [36, 2022], 'ES', null),
];
EVENTS.find((e) => e.name === 'Cannes Film Festival')!.market = 'Marché du Film';
EVENTS.find((e) => e.name === 'Berlin International Film Festival')!.market = 'European Film Market';
EVENTS.find((e) => e.name === 'Toronto International Film Festival')!.market = 'Toronto market';

/** Sections that any festival may have, and those that name their festival. */
export const GENERIC_SECTIONS = ['Competition', 'Main Competition', 'International Competition', 'Out of Competition', 'Official Selection', 'Special Screenings', 'Special Presentations', 'Midnight', 'Documentary Competition', 'Shorts'];

const EVENT_KEYS = new Map<string, EventEntry>();
for (const e of EVENTS) {
  for (const n of [e.name, e.shortName, ...e.aliases]) {
    if (!n) continue;
    const k = normalizeName(n);
    if (!EVENT_KEYS.has(k)) EVENT_KEYS.set(k, e);
  }
}

/** "Berlinale", "the 69th Berlin International Film Festival" (without the ordinal), "Toronto" → the entry. */
export function findEvent(name: string): EventEntry | undefined {
  const k = nameKey(name.replace(/['’]s$/, ''));
  return EVENT_KEYS.get(k) ?? EVENT_KEYS.get(k.replace(/\s+(film )?(festival|fest|awards?|market)$/, ''));
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
  "Palme d'Or", 'Grand Prix', 'Jury Prize', 'Special Jury Prize', 'Grand Jury Prize', "Caméra d'Or", 'Queer Palm', 'Un Certain Regard Prize',
  'Golden Bear', 'Silver Bear', 'Silver Bear Grand Jury Prize', 'Silver Bear Jury Prize', 'Golden Lion', 'Silver Lion', 'Golden Leopard', 'Golden Shell', 'Silver Shell',
  'Crystal Globe', 'Tiger Award', 'Heart of Sarajevo', "People's Choice Award", "Grolsch People's Choice Award", 'Audience Award', 'FIPRESCI Prize', 'Golden Alexander', 'Cristal', 'Teddy Award', 'Crystal Bear', 'Lion of the Future', 'Caméra d’Or', 'Grand Prix du Jury', 'Jury Grand Prize',
  'Oscar', 'Academy Award', 'Golden Globe', 'BAFTA', 'César', 'Goya', 'Orizzonti Award', 'Luigi De Laurentiis Award', 'Platform Prize', 'Best Director', 'Best Actress', 'Best Actor',
  'Best Screenplay', 'Best Film', 'Best Picture', 'Best International Feature', 'Best Documentary', 'Best First Feature',
];
/** The comparable forms of AWARDS. */
export const AWARD_KEYS = new Set(AWARDS.map((a) => normalizeName(a)));
export const AWARD_HEADS = ['Prize', 'Award', 'Awards', 'Bear', 'Lion', 'Leopard', 'Shell', 'Palm', 'Globe', "d'Or", 'Grand Prix', 'Alexander'];

/** Words after which a capitalized name is a company. */
export const COMPANY_SUFFIXES = new Set([
  'films', 'film', 'pictures', 'picture', 'entertainment', 'media', 'studios', 'studio', 'releasing', 'distribution', 'distributors', 'distributor', 'distribuzione', 'distribución',
  'group', 'productions', 'production', 'produktion', 'producciones', 'sales', 'international', 'classics', 'features', 'cinema', 'cinemas', 'cine', 'company', 'co', 'inc', 'ltd',
  'llc', 'gmbh', 'sa', 'sas', 'srl', 'bv', 'ab', 'as', 'plc', 'corp', 'corporation', 'filmverleih', 'verleih', 'filmes', 'filmed', 'vision', 'visions', 'networks', 'network', 'tv',
  'channel', 'animation', 'content', 'partners', 'capital', 'finance', 'agency', 'bros', 'brothers', 'works', 'house', 'lab', 'labs', 'arts', 'label', 'filmexport', 'export',
  'releasing', 'médias', 'média', 'holdings', 'ventures', 'collective', 'office', 'organisation', 'organization', 'pictures’', 'producers', 'usa', 'uk', 'films’', 'fund',
  'foundation', 'institute', 'records', 'television', 'broadcasting', 'streaming', 'plus', 'max', 'film group', 'filmproduktion', 'cinematografica', 'audiovisual',
]);
/** A name that starts with one of these is a company ("Studio Ghibli", "Film Movement"). */
export const COMPANY_PREFIXES = new Set(['studio', 'film', 'films', 'cine', 'cinema', 'les films', 'kino']);

/**
 * Companies the trade press writes about constantly: distributors, sales
 * agents, streamers, producers. A hint for telling companies from people;
 * any other name is read from its place in the sentence.
 */
export const KNOWN_COMPANIES = [
  'Neon', 'A24', 'Mubi', 'MUBI', 'Netflix', 'Amazon', 'Amazon Studios', 'Amazon MGM Studios', 'Prime Video', 'Apple', 'Apple TV+', 'Apple Original Films', 'Hulu', 'HBO', 'HBO Max', 'Max',
  'Disney', 'Disney+', 'Searchlight Pictures', 'Fox Searchlight', 'Focus Features', 'Sony Pictures Classics', 'Sony Pictures', 'Sony Pictures Releasing International', 'Universal Pictures', 'Universal',
  'Warner Bros.', 'Warner Bros', 'Paramount', 'Paramount+', 'Lionsgate', 'Lionsgate UK', 'Roadside Attractions', 'Bleecker Street', 'Magnolia Pictures', 'Magnolia', 'IFC Films', 'IFC Midnight',
  'Sundance Selects', 'Kino Lorber', 'Film Movement', 'Music Box Films', 'Strand Releasing', 'Oscilloscope', 'Oscilloscope Laboratories', 'Utopia', 'Greenwich Entertainment', 'Janus Films',
  'The Criterion Collection', 'Cohen Media Group', 'Samuel Goldwyn Films', 'Well Go USA', 'Well Go USA Entertainment', 'Shudder', 'RLJE Films', 'Vertical', 'Vertical Entertainment', 'Saban Films',
  'STXfilms', 'STX', 'STX Entertainment', 'Open Road', 'Briarcliff Entertainment', 'Annapurna Pictures', 'Annapurna', 'Participant', 'Participant Media', 'Blumhouse', 'Plan B', 'Plan B Entertainment',
  'FilmNation', 'FilmNation Entertainment', 'Endeavor Content', 'CAA', 'CAA Media Finance', 'UTA', 'UTA Independent Film Group', 'WME', 'WME Independent', 'Cinetic', 'Cinetic Media', 'Submarine',
  'Submarine Entertainment', 'ICM', 'Range Media Partners', 'Wild Bunch', 'Wild Bunch International', 'Wild Bunch Germany', 'The Match Factory', 'Memento International', 'Memento Films International', 'Memento Films',
  'Celluloid Dreams', 'Films Boutique', 'Pyramide International', 'Pyramide', 'Pyramide Distribution', 'mk2', 'MK2', 'mk2 films', 'Charades', 'Playtime', 'Elle Driver', 'Cercamon', 'Luxbox', 'Totem Films',
  'Indie Sales', 'Goodfellas', 'Kinology', 'Be For Films', 'Alpha Violet', 'Loco Films', 'Urban Sales', 'WTFilms', 'Best Friend Forever', 'Coproduction Office', 'Beta Cinema', 'Picture Tree International',
  'The Playmaker Munich', 'Global Screen', 'ARRI Media', 'Films Distribution', 'Gaumont', 'Pathé', 'StudioCanal', 'Studiocanal', 'SND', 'TF1 Studio', 'Orange Studio', 'Wild Side', 'Le Pacte', 'Diaphana', 'Ad Vitam',
  'Haut et Court', 'Jour2Fête', 'Bac Films', 'Condor', 'Metropolitan FilmExport', 'Memento Distribution', 'UGC', 'ARP Sélection', 'Epicentre Films', 'HanWay Films', 'HanWay', 'Protagonist Pictures', 'Bankside Films',
  'Independent Entertainment', 'Film Constellation', 'Altitude', 'Altitude Film Sales', 'Altitude Film Distribution', 'Curzon', 'Curzon Artificial Eye', 'Picturehouse Entertainment', 'Modern Films', 'Dogwoof',
  'Signature Entertainment', 'Vertigo Releasing', 'Entertainment One', 'eOne', 'Blue Finch Film Releasing', 'Peccadillo Pictures', 'Madman', 'Madman Entertainment', 'Transmission Films', 'Umbrella Entertainment',
  'Palace Films', 'Roadshow Films', 'Rialto Distribution', 'Elevation Pictures', 'Mongrel Media', 'Métropole Films', 'Maison 4:3', 'Les Films Séville', 'Filmoption', 'Level Film', 'Cineart', 'Cinéart', 'Imagine Film',
  'Imagine', 'September Film', 'Cinemien', 'Lumière', 'Periscoop Film', 'Alamode Film', 'Alamode', 'Weltkino', 'Piffl Medien', 'Neue Visionen', 'Grandfilm', 'MFA+', 'Leonine', 'Tobis', 'Plaion Pictures',
  'Koch Films', 'DCM', 'Filmwelt', 'Port au Prince', 'Constantin Film', 'X Verleih', 'Filmcoopi', 'Xenix', 'Trigon Film', 'Ascot Elite', 'Frenetic Films', 'Lucky Red', 'I Wonder Pictures', 'Teodora Film',
  'BIM Distribuzione', 'Academy Two', 'Satine Film', 'Eagle Pictures', 'Vision Distribution', '01 Distribution', 'Rai Cinema', 'Medusa', 'Fandango', 'Golem', 'Avalon', 'A Contracorriente Films',
  'Vértigo Films', 'Caramel Films', 'Filmax', 'Elastica Films', 'Karma Films', 'Nos Lusomundo', 'Leopardo Filmes', 'Alambique', 'Folkets Bio', 'Triart', 'Scanbox', 'Scanbox Entertainment',
  'Nordisk Film', 'SF Studios', 'Non-Stop Entertainment', 'TrustNordisk', 'LevelK', 'Gutek Film', 'Kino Świat', 'Against Gravity', 'Aurora Films', 'Cinemart', 'Artcam', 'Vertigo Média', 'Mozinet',
  'Odeon', 'Feelgood Entertainment', 'Seven Films', 'Cinobo', 'Falcon Films', 'Volga', 'Russian World Vision', 'Front Row', 'Front Row Filmed Entertainment', 'Eagle Films', 'Italia Film', 'Lev Cinemas',
  'United King', 'Imovision', 'California Filmes', 'Pandora Filmes', 'Zeta Films', 'Sun Distribution', 'Cine Canibal', 'Cinépolis', 'Cinépolis Distribución', 'Edko Films', 'Golden Scene', 'Sovereign Films',
  'Bitters End', 'Longride', 'Happinet', 'Gaga', 'Transformer', 'Tokyo Theatres', 'Finecut', 'CJ ENM', 'Showbox', 'Contents Panda', 'M-Line Distribution', 'Barunson E&A', 'Atnine Film', 'Jinjin Pictures',
  'Challan', 'Pancinema', 'Shaw Organisation', 'Golden Village', 'Encore Films', 'Clover Films', 'Mirovision', 'Huanxi Media Group', 'Bona Film Group', 'China Film Group', 'Alibaba Pictures', 'Wanda Pictures',
  'Maoyan', 'Lian Ray Pictures', 'Highland Film Group', 'Sierra/Affinity', 'AGC International', 'AGC Studios', 'Voltage Pictures', 'Capstone', 'Capstone Global', 'Arclight Films', 'Embankment Films',
  'Blue Fox Entertainment', 'XYZ Films', 'Magnet Releasing', 'Dark Star Pictures', 'Yellow Veil Pictures', 'Drafthouse Films', 'Neon Rated', 'Mubi UK', 'True Colours', 'Rai Com', 'Intramovies', 'Minerva Pictures',
  'Fortissimo Films', 'Visit Films', 'Cinephil', 'Autlook Filmsales', 'Taskovski Films', 'Dogwoof Global', 'Cargo Film & Releasing', 'Rediance', 'Asian Shadows', 'Parallel45', 'Latido Films', 'Film Factory',
  'Filmax International', 'Beta Film', 'The Festival Agency', 'Jour2Fete', 'New Europe Film Sales', 'Reel Suspects', 'Lightdox', 'Bendita Film Sales', 'Meikincine', 'Still Moving', 'Outsider Films',
  'Kazakhfilm', 'Ombra Films', 'Vendôme Pictures', 'Atresmedia Cine', 'Aniplex', 'Ufotable', 'Toho', 'Toei', 'Shochiku', 'Kadokawa', 'Studio Ghibli',
];

export const KNOWN_COMPANY_KEYS = new Set(KNOWN_COMPANIES.map((n) => normalizeName(n)));

/** Role words that precede a person's name ("director Zhang Yimou"). */
export const PERSON_ROLE_WORDS = new Set([
  'director', 'directors', 'filmmaker', 'filmmakers', 'helmer', 'auteur', 'animator', 'actor', 'actress', 'star', 'stars', 'producer', 'producers', 'screenwriter', 'writer', 'writers',
  'writer-director', 'director-writer', 'actor-turned-director', 'actress-turned-director', 'documentarian', 'documentarist', 'novelist', 'author', 'journalist', 'composer', 'cinematographer',
  'editor', 'ceo', 'president', 'co-president', 'co-presidents', 'chairman', 'chief', 'head', 'founder', 'co-founder', 'partner', 'evp', 'svp', 'vp', 'executive', 'exec', 'topper', 'boss',
  'manager', 'agent', 'lawyer', 'attorney', 'spokesperson', 'spokesman', 'spokeswoman', 'newcomer', 'veteran', 'debutant', 'helmer-writer', 'showrunner', 'creator', 'artist', 'photographer',
]);

/** Capitalized words that start sentences or clauses and are not names. */
export const NOT_NAMES = new Set([
  'a', 'an', 'the', 'it', 'its', "it's", 'he', 'she', 'they', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'after', 'before', 'following', 'with', 'for', 'from',
  'to', 'of', 'by', 'as', 'and', 'but', 'or', 'also', 'meanwhile', 'however', 'separately', 'elsewhere', 'earlier', 'later', 'previously', 'other', 'others', 'deals', 'deal', 'buyers',
  'sales', 'sources', 'source', 'according', 'ahead', 'out', 'both', 'neither', 'while', 'when', 'where', 'which', 'who', 'whose', 'what', 'there', 'here', 'we', 'i', 'you', 'our', 'my',
  'exclusive', 'exclusively', 'update', 'updated', 'breaking', 'watch', 'read', 'more', 'related', 'no', 'not', 'nothing', 'all', 'some', 'several', 'many', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third', 'last', 'next', 'rights', 'written', 'directed', 'produced', 'starring', 'based', 'adapted', 'set',
  'if', 'although', 'though', 'because', 'since', 'until', 'during', 'over', 'under', 'into', 'about', 'around', 'among', 'between', 'through', 'against', 'without', 'within', 'via',
  'rumors', 'rumours', 'reports', 'cameras', 'production', 'distribution', 'release', 'releases', 'theatrical', 'streaming', 'financing', 'principal', 'photography', 'shooting', 'filming', 'box', 'office', 'variety', 'deadline', 'screen', 'indiewire', 'so', 'then', 'now', 'today',
  'yesterday', 'tomorrow', 'still', 'even', 'just', 'only', 'each', 'every', 'such', 'most', 'much', 'film', 'films', 'movie', 'documentary', 'drama', 'comedy', 'thriller', 'feature',
  'title', 'titles', 'festival', 'director', 'producer', 'writer', 'star', 'stars', 'distributor', 'company', 'streamer', 'studio', 'jury', 'best', 'prize', 'award', 'world', 'international',
  'global', 'worldwide', 'domestic', 'mr', 'mrs', 'ms', 'dr', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would',
  'can', 'could', 'should', 'may', 'might', 'must', 'be', 'been', 'being', 'says', 'said', 'say', 'added', 'explained', 'noted', 'told', 'directing', 'writing', 'producing',
  'academy', 'acclaimed', 'celebrated', 'veteran', 'famed', 'renowned', 'beloved', 'critically', 'local',
]);

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_ABBR: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Nationality adjectives → the territory expression they stand for in "French rights", "Irish rights". */
export const DEMONYMS: Record<string, string> = {
  american: 'U.S.', 'north american': 'North America', 'latin american': 'Latin America', 'south american': 'South America', canadian: 'Canada', mexican: 'Mexico', brazilian: 'Brazil',
  argentine: 'Argentina', argentinian: 'Argentina', chilean: 'Chile', colombian: 'Colombia', peruvian: 'Peru', british: 'U.K.', english: 'U.K.', irish: 'Ireland', scottish: 'U.K.',
  french: 'France', german: 'Germany', austrian: 'Austria', swiss: 'Switzerland', italian: 'Italy', spanish: 'Spain', portuguese: 'Portugal', dutch: 'Netherlands', belgian: 'Belgium',
  luxembourgish: 'Luxembourg', danish: 'Denmark', swedish: 'Sweden', norwegian: 'Norway', finnish: 'Finland', icelandic: 'Iceland', scandinavian: 'Scandinavia', nordic: 'Scandinavia',
  polish: 'Poland', czech: 'Czech Republic', slovak: 'Slovakia', hungarian: 'Hungary', romanian: 'Romania', bulgarian: 'Bulgaria', greek: 'Greece', turkish: 'Turkey', russian: 'Russia',
  ukrainian: 'Ukraine', baltic: 'Baltics', estonian: 'Estonia', latvian: 'Latvia', lithuanian: 'Lithuania', slovenian: 'Slovenia', croatian: 'Croatia', serbian: 'Serbia', bosnian: 'Bosnia and Herzegovina',
  israeli: 'Israel', lebanese: 'Lebanon', iranian: 'Iran', egyptian: 'Egypt', moroccan: 'Morocco', tunisian: 'Tunisia', 'south african': 'South Africa', nigerian: 'Nigeria', kenyan: 'Kenya',
  indian: 'India', pakistani: 'Pakistan', chinese: 'China', japanese: 'Japan', korean: 'South Korea', 'south korean': 'South Korea', taiwanese: 'Taiwan', thai: 'Thailand', vietnamese: 'Vietnam',
  filipino: 'Philippines', indonesian: 'Indonesia', malaysian: 'Malaysia', singaporean: 'Singapore', australian: 'Australia', kiwi: 'New Zealand', kazakh: 'Kazakhstan',
  georgian: 'Georgia', armenian: 'Armenia', 'middle eastern': 'Middle East', european: 'Europe', asian: 'Pan-Asia', african: 'Africa', 'german-speaking': 'German-speaking Europe',
  'french-speaking': 'French-speaking Europe', 'spanish-speaking': 'Spanish-speaking Latin America',
};

/** The currency of a symbol or word. */
export const CURRENCIES: Array<[RegExp, string]> = [
  [/^(?:US\$|USD|\$)$/i, 'USD'], [/^(?:€|EUR|euros?)$/i, 'EUR'], [/^(?:£|GBP|pounds?)$/i, 'GBP'], [/^(?:¥|JPY|yen)$/i, 'JPY'], [/^(?:RMB|CNY|yuan|renminbi)$/i, 'CNY'],
  [/^(?:₩|KRW|won)$/i, 'KRW'], [/^(?:A\$|AUD)$/i, 'AUD'], [/^(?:C\$|CA\$|CAD)$/i, 'CAD'], [/^(?:HK\$|HKD)$/i, 'HKD'], [/^(?:R\$|BRL|reais)$/i, 'BRL'], [/^(?:₹|INR|rupees?)$/i, 'INR'],
  [/^(?:CHF|Swiss francs?)$/i, 'CHF'], [/^(?:SEK|kronor)$/i, 'SEK'], [/^(?:DKK)$/i, 'DKK'], [/^(?:NOK)$/i, 'NOK'], [/^(?:zł|PLN|zloty)$/i, 'PLN'], [/^(?:₽|RUB|rubles?|roubles?)$/i, 'RUB'],
  [/^(?:MX\$|MXN|pesos?)$/i, 'MXN'], [/^(?:NZ\$|NZD)$/i, 'NZD'], [/^(?:S\$|SGD)$/i, 'SGD'], [/^(?:NT\$|TWD)$/i, 'TWD'], [/^(?:₺|TRY|lira)$/i, 'TRY'],
];

/** Cities a release or gross is reported for ("a theatrical release in New York"): the country it counts for. */
export const CITY_COUNTRY: Record<string, string> = {
  'new york': 'US', 'new york city': 'US', 'los angeles': 'US', 'l.a.': 'US', la: 'US', chicago: 'US', london: 'GB', paris: 'FR', tokyo: 'JP', seoul: 'KR', beijing: 'CN', shanghai: 'CN',
  berlin: 'DE', munich: 'DE', madrid: 'ES', barcelona: 'ES', rome: 'IT', milan: 'IT', toronto: 'CA', montreal: 'CA', vancouver: 'CA', sydney: 'AU', melbourne: 'AU', 'mexico city': 'MX',
  mumbai: 'IN', 'sao paulo': 'BR', 'são paulo': 'BR', 'buenos aires': 'AR', stockholm: 'SE', copenhagen: 'DK', oslo: 'NO', amsterdam: 'NL', brussels: 'BE', vienna: 'AT', zurich: 'CH',
  warsaw: 'PL', istanbul: 'TR', moscow: 'RU', 'hong kong': 'HK', taipei: 'TW', singapore: 'SG', bangkok: 'TH', manila: 'PH', jakarta: 'ID', dublin: 'IE', lisbon: 'PT', athens: 'GR',
};
