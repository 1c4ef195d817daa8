/**
 * The rule-based extractor: trade-press sentences in, candidate facts out.
 *
 * Each sentence is read into a sketch (sketch.ts) and the rules below match
 * the language of the trade on it: who acquired, nabbed, picked up, landed,
 * took or pre-bought which territories of which title from whom; who sold a
 * title to whom for where (one deal per "X for territory" item); who handles
 * sales; what premieres, opens, closes or was pulled where; what won; what
 * grossed where and when; who directed, wrote, stars and produced. Talks,
 * rumours and denials never become deals: they become low-confidence rumour
 * facts. Pronouns ("the film", "it", "the company") follow the article's focus.
 *
 * The article is read twice: the first pass learns which names are people and
 * which are companies (from role words, company suffixes, deal slots), the
 * second extracts with that knowledge, so a name used before it is introduced
 * ("Zhang", "HanWay", "SPC") still resolves.
 */
import { findCountry } from '../domain/countries.js';
import { parseMedia } from '../domain/media.js';
import { parseTerritories, territoryCodes } from '../domain/territories.js';
import type { CreditRole, PremiereStatus, ProductionStatus, SelectionSlot, TitleCompanyRole } from '../store/index.js';
import { eventYear, findDates, firstDay, tenseOf, type DateMention, type Tense } from './dates.js';
import { CITY_COUNTRY, PERSON_ROLE_WORDS, eventByName, eventOfSection, findEvent, yearEdition, type EventEntry } from './lexicon.js';
import { cloneRegistry, learn, newRegistry, resolveShort, sketchSentence, type Item, type Registry, type Sketch } from './sketch.js';
import { nameKey } from './names.js';
import { findTitleSpans } from './titles.js';
import { matchingView, readHeader, segment, type Sentence } from './text.js';
import type { AnyFact, CandidateFact, DealFields, EventRef, FactType, FieldsByType, NegotiatorFields, Span } from './types.js';

export interface ExtractOptions {
  /** The article's date (YYYY-MM-DD); else the text's header date; else today. */
  date?: string | null;
  /** Title spans known from the HTML (italics). */
  titleSpans?: Span[];
  /** Names already in the catalog, to tell people from companies. */
  known?: { people?: string[]; companies?: string[] };
}

export interface Extraction {
  date: string;
  bodyStart: number;
  sentences: Sentence[];
  facts: AnyFact[];
}

// ------------------------------------------------------------------ word lists

const DEAL_VERBS: string[][] = [
  ['acquired'],
  ['acquires'],
  ['acquire'],
  ['nabbed'],
  ['nabs'],
  ['landed'],
  ['lands'],
  ['picked', 'up'],
  ['picks', 'up'],
  ['taken'],
  ['took'],
  ['takes'],
  ['bought'],
  ['buys'],
  ['snapped', 'up'],
  ['snaps', 'up'],
  ['scooped', 'up'],
  ['scoops', 'up'],
  ['scooped'],
  ['grabbed'],
  ['grabs'],
  ['secured'],
  ['secures'],
  ['pre-bought'],
  ['pre-buys'],
  ['prebought'],
  ['bagged'],
  ['bags'],
  ['swooped', 'on'],
  ['swooped', 'for'],
  ['swoops', 'on'],
  ['nabbing'],
  ['acquiring'],
  ['clinched'],
  ['holds'],
  ['owns'],
  ['has'],
  ['had'],
  ['closed', 'a', 'deal', 'for'],
  ['closed', 'a', 'deal', 'on'],
  ['struck', 'a', 'deal', 'for'],
  ['inked', 'a', 'deal', 'for'],
  ['sealed', 'a', 'deal', 'for'],
  ['signed', 'a', 'deal', 'for'],
  ['closed', 'a', 'deal', 'to', 'acquire'],
  ['struck', 'a', 'deal', 'to', 'acquire'],
  ['distributed'],
  ['released'],
];
const SELL_VERBS: string[][] = [
  ['sold'],
  ['pre-sold'],
  ['presold'],
  ['sells'],
  ['pre-sells'],
  ['licensed'],
  ['licenses'],
  ['closed', 'deals'],
  ['closed', 'a', 'deal', 'with'],
  ['closed', 'a', 'raft', 'of', 'deals'],
  ['struck', 'deals'],
  ['inked', 'deals'],
  ['sealed', 'deals'],
  ['concluded', 'deals'],
  ['closed', 'several', 'deals'],
  ['closed', 'multiple', 'deals'],
  ['closed', 'a', 'string', 'of', 'deals'],
  ['signed', 'deals'],
  ['has', 'deals'],
  ['closed', 'further', 'deals'],
  ['closed', 'new', 'deals'],
  ['closed', 'international', 'deals'],
  ['closed', 'a', 'raft', 'of', 'international', 'deals'],
];
const PASSIVE_VERBS: string[][] = [
  ['acquired'],
  ['picked', 'up'],
  ['bought'],
  ['nabbed'],
  ['snapped', 'up'],
  ['scooped', 'up'],
  ['pre-sold'],
  ['presold'],
  ['sold'],
  ['licensed'],
  ['taken'],
  ['pre-bought'],
  ['landed'],
  ['secured'],
];
const AUX = new Set([
  'has',
  'have',
  'had',
  'also',
  'now',
  'recently',
  'previously',
  'earlier',
  'quickly',
  'swiftly',
  'just',
  'already',
  'officially',
  'quietly',
  'finally',
  'ultimately',
  'subsequently',
  'then',
  'since',
  'jointly',
  'together',
  'initially',
  'originally',
  'first',
  'which',
  'that',
  'who',
  'separately',
  'additionally',
  'likewise',
  'similarly',
  'earlier',
  'reportedly',
  'is',
  'are',
  'was',
  'been',
  'had',
  'will',
  'would',
  'to',
  'in',
  'talks',
  'said',
  'be',
  'not',
  'never',
  'close',
  'a',
  'deal',
  'nearing',
  'set',
  'poised',
  'expected',
  'also',
  'rumoured',
  'rumored',
  'reported',
  'believed',
  'thought',
  'understood',
  'alleged',
  'expected',
]);
const RUMOUR_WORDS =
  /\b(?:talks|negotiations|negotiating|negotiate|close to|closing in|nearing|near|said to (?:be|have)|believed to (?:be|have)|thought to (?:be|have)|understood to be|reportedly|reported|rumou?red|rumou?rs?|circling|circle|eyeing|eyes|interested|interest|frontrunner|front-runner|expected to|poised to|could|would|may|might|hopes? to|hoping to|looking to|in line to|denied|denies|deny|denying|not|never|no|declined|passed|yet to|report|reports|speculat\w*|mulling|considering|weighing|offered|offer|bid|bidding to|sources? (?:say|said|tell))\b/;
const DENIAL_WORDS = /\b(?:denied|denies|deny|denying|not|never|no deal|declined)\b/;
const TALKS_WORDS = /\b(?:talks|negotiations|negotiating|close to|nearing|near|frontrunner|front-runner|poised|expected)\b/;
const MEDIA_WORDS = new Set([
  'all',
  'theatrical',
  'svod',
  'streaming',
  'tv',
  'television',
  'pay-tv',
  'pay',
  'free',
  'free-tv',
  'home',
  'entertainment',
  'digital',
  'vod',
  'avod',
  'tvod',
  'est',
  'dvd',
  'distribution',
  'exclusive',
  'non-exclusive',
  'airline',
  'airlines',
  'ancillary',
  'broadcast',
  'cinema',
  'video',
  'on-demand',
  'linear',
  'online',
  'inflight',
  'in-flight',
  'platform',
  'ship',
  'hotel',
]);
const TERR_WORDS: Record<string, string> = {
  worldwide: 'Worldwide',
  world: 'Worldwide',
  global: 'Worldwide',
  domestic: 'North America',
  international: 'international',
};
const PRONOUN_TITLE =
  /^(?:it|its|the (?:film|title|movie|picture|documentary|doc|drama|feature|comedy|thriller|project|series|sequel|pic|animation|animated feature|horror|chiller|romance|debut|remake|adaptation|story|sci-fi|western|musical|biopic|action thriller|crime drama|coming-of-age drama|period drama|family drama)|this (?:film|title|documentary|drama|movie))$/;
const COMPANY_PRONOUN =
  /^(?:the (?:company|distributor|streamer|studio|label|outfit|banner|platform|sales company|sales agent|service|network|broadcaster|buyer)|it)$/;
const CLAUSE_BREAK = new Set([';', 'while', 'whereas', 'but', 'meanwhile', 'although', 'though']);
const ROLE_AFTER_FROM = new Set([
  'director',
  'filmmaker',
  'helmer',
  'first-time',
  'writer-director',
  'debut',
  'auteur',
  'animator',
  'documentarian',
  'a',
  'an',
  'his',
  'her',
  'their',
  'producer',
  'producers',
  'actor-turned-director',
  'screenwriter',
  'novelist',
  'author',
  'the',
  'its',
]);
const SALES_DESCRIPTOR =
  /^(?:sales|company|agent|agency|outfit|banner|house|the|its|international|world|paris-based|london-based|berlin-based|rome-based|,|boutique|powerhouse|shingle|seller|label)$/;

const MONEY_INTRO = new Set([
  'for',
  'worth',
  'paying',
  'paid',
  'at',
  'of',
  'valued',
  'around',
  'about',
  'nearly',
  'close',
  'reported',
  'some',
  'roughly',
  'approximately',
  'than',
  'upwards',
  'north',
  'in',
  'excess',
  'a',
  'to',
  'the',
  'region',
]);

// ------------------------------------------------------------------ state

interface FestCtx {
  event: EventEntry;
  year: number | null;
  edition: number | null;
}

interface State {
  date: string;
  reg: Registry;
  lead: string | null;
  focus: string | null;
  focusCompany: string | null;
  focusPerson: string | null;
  festival: FestCtx | null;
  festivalParagraph: number;
  /** The article's first festival: the one "the festival" means in a later paragraph. */
  mainFestival: FestCtx | null;
  seller: { company: string; title: string | null } | null;
  facts: Map<string, AnyFact>;
  order: string[];
  deals: Array<CandidateFact<'deal'>>;
  /** The facts by where their span starts (the sentence that first told them), in the order they were found. */
  factsAt: Map<number, AnyFact[]>;
  /** Where each fact's further spans start (its first span excluded). */
  spanStarts: Map<string, Set<number>>;
  directorOf: Map<string, string>;
  titleByDirector: Map<string, string>;
  winnerOf: Map<string, string>;
  roleOf: Map<string, CreditRole>;
  mandates: Map<string, string>;
}

function newState(date: string, reg: Registry): State {
  return {
    date,
    reg,
    lead: null,
    focus: null,
    focusCompany: null,
    focusPerson: null,
    festival: null,
    festivalParagraph: -1,
    mainFestival: null,
    seller: null,
    facts: new Map(),
    order: [],
    deals: [],
    factsAt: new Map(),
    spanStarts: new Map(),
    directorOf: new Map(),
    titleByDirector: new Map(),
    winnerOf: new Map(),
    roleOf: new Map(),
    mandates: new Map(),
  };
}

const nk = (s: string | null | undefined) => nameKey(s ?? '');

// ------------------------------------------------------------------ one sentence

/** The facts this sentence told first (their span starts with it). */
function factsHere(c: Ctx): AnyFact[] {
  return c.st.factsAt.get(c.sent.start) ?? [];
}

function dealsHere(c: Ctx): Array<CandidateFact<'deal'>> {
  return factsHere(c).filter((f): f is CandidateFact<'deal'> => f.type === 'deal');
}

class Ctx {
  readonly toks: string[];
  constructor(
    readonly st: State,
    readonly sk: Sketch,
    readonly sent: Sentence,
    readonly tense: Tense,
    readonly dates: Array<DateMention & { abs: number }>,
  ) {
    this.toks = sk.tokens.map((t) => t.replace(/'s$/, ''));
  }

  tok(i: number): string {
    return this.toks[i] ?? '';
  }
  raw(i: number): string {
    return this.sk.tokens[i] ?? '';
  }
  item(i: number): Item {
    return this.sk.items[this.sk.tokenItem[i]];
  }
  is(i: number, re: RegExp): boolean {
    return re.test(this.tok(i));
  }
  isOrg(i: number): boolean {
    return /^[CE]\d+$/.test(this.tok(i)) && this.item(i).ent !== 'person';
  }
  isTitle(i: number): boolean {
    return /^T\d+$/.test(this.tok(i));
  }
  isTerr(i: number): boolean {
    return /^[RN]\d+$/.test(this.tok(i));
  }
  isPer(i: number): boolean {
    return /^[PE]\d+$/.test(this.tok(i)) && !this.isCompanyName(i);
  }
  isCompanyName(i: number): boolean {
    const it = this.item(i);
    return it.ent === 'company' || this.st.reg.kinds.get(nk(it.name)) === 'company';
  }
  name(i: number): string {
    const it = this.item(i);
    return cleanName(it.name ?? it.text);
  }
  /** Words at i.. match the sequence. */
  seq(i: number, words: string[]): boolean {
    return words.every((w, k) => this.toks[i + k] === w);
  }
  /** The longest of the phrases that starts at i: its length, or 0. */
  phraseAt(i: number, phrases: string[][]): number {
    let best = 0;
    for (const p of phrases) if (p.length > best && this.seq(i, p)) best = p.length;
    return best;
  }
  /** The text of tokens [a, b) as words (codes kept), for cue tests. */
  words(a: number, b: number): string {
    return this.toks.slice(Math.max(0, a), Math.max(0, b)).join(' ');
  }
  /** The words of tokens [a, b) as written (lower case), for phrases that codes hide ("North American premiere"). */
  plain(a: number, b: number): string {
    const out: string[] = [];
    for (let k = Math.max(0, a); k < Math.min(this.toks.length, b); k++)
      out.push(this.item(k).kind === 'title' ? this.tok(k) : this.item(k).text.toLowerCase());
    return out.join(' ');
  }
  /** Where the clause holding token i starts. */
  clauseStart(i: number): number {
    for (let k = i - 1; k >= 0; k--) if (CLAUSE_BREAK.has(this.toks[k])) return k + 1;
    return 0;
  }
  clauseEnd(i: number): number {
    for (let k = i; k < this.toks.length; k++) if (CLAUSE_BREAK.has(this.toks[k]) || this.toks[k] === '.') return k;
    return this.toks.length;
  }
  span(): Span {
    return [this.sent.start, this.sent.end];
  }
  /** A title token or a pronoun phrase at i: [title, tokens used]. */
  titleAt(i: number): [string | null, number] {
    if (this.isTitle(i)) return [this.item(i).text, 1];
    for (let n = 4; n >= 1; n--) {
      const phrase = this.toks.slice(i, i + n).join(' ');
      if (PRONOUN_TITLE.test(phrase)) {
        // an antecedent earlier in the sentence ("X bought T, and Y acquired the film for ..."), else the article's focus
        let before: string | null = null;
        if (phrase !== 'it' && phrase !== 'its')
          for (let k = i - 1; k >= 0; k--)
            if (this.isTitle(k)) {
              before = this.item(k).text;
              break;
            }
        return [before ?? this.st.focus ?? this.st.lead, n];
      }
    }
    // "the Palme d'Or winner"
    if (this.tok(i) === 'the' && /^A\d+$/.test(this.tok(i + 1)) && this.tok(i + 2) === 'winner') {
      return [this.st.winnerOf.get(nk(this.item(i + 1).text)) ?? this.st.focus, 3];
    }
    return [null, 0];
  }
  /** The territory expression of a territory token. */
  terr(i: number): string | null {
    const t = this.tok(i);
    if (TERR_WORDS[t]) return TERR_WORDS[t];
    const it = this.item(i);
    return it.territory ?? null;
  }
  /** A list of territories from i: "North America, Latin America and the Middle East" (nationality adjectives too). */
  terrList(i: number, allowNationality = true): { exprs: string[]; end: number } {
    const exprs: string[] = [];
    let k = i;
    while (k < this.toks.length) {
      const t = this.tok(k);
      const natOk =
        allowNationality ||
        this.item(k)?.ent === 'territory' ||
        /^(?:territories|territory|rights|speaking|-speaking|tv|television|theatrical|svod|distribution|release|streaming|pay-tv|free-tv|broadcast)$/.test(
          this.tok(k + 1),
        );
      const isT = (this.isTerr(k) && natOk) || (TERR_WORDS[t] && t !== 'international');
      if (isT) {
        const e = this.terr(k);
        if (e) exprs.push(e);
        k++;
        if (this.item(k - 1)?.ent === 'nationality' && /^(?:territories|territory)$/.test(this.tok(k))) k++;
        continue;
      }
      if (
        exprs.length &&
        (t === ',' || t === 'and' || t === '&' || t === '/' || t === 'the' || t === 'as') &&
        (this.isTerr(k + 1) ||
          (k + 2 < this.toks.length &&
            (this.tok(k + 1) === 'and' || this.tok(k + 1) === 'the' || this.tok(k + 1) === 'well') &&
            this.isTerr(k + 2)) ||
          (t === 'as' && this.tok(k + 1) === 'well' && this.tok(k + 2) === 'as' && this.isTerr(k + 3)))
      ) {
        k += t === 'as' ? 3 : 1;
        continue;
      }
      break;
    }
    return { exprs, end: k };
  }
}

/** Names as the catalog should show them. */
function cleanName(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^the\s+(?=\S)/i, (m) => m)
    .replace(/[,;:]+$/, '')
    .trim();
}

function joinList(parts: string[]): string | null {
  const uniq: string[] = [];
  for (const p of parts) if (!uniq.some((u) => u.toLowerCase() === p.toLowerCase())) uniq.push(p);
  if (!uniq.length) return null;
  if (uniq.length === 1) return uniq[0];
  return `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`;
}

function validTerritories(expr: string | null): string | null {
  if (!expr) return null;
  try {
    parseTerritories(expr);
    return expr;
  } catch {
    return null;
  }
}

const MEDIA_NAMES: Record<string, string> = {
  theatrical: 'theatrical',
  svod: 'SVOD',
  streaming: 'streaming',
  tv: 'TV',
  television: 'TV',
  'pay-tv': 'pay TV',
  'free-tv': 'free TV',
  digital: 'digital',
  vod: 'VOD',
  avod: 'AVOD',
  tvod: 'TVOD',
  est: 'EST',
  dvd: 'DVD',
  airline: 'airline',
  airlines: 'airline',
  ancillary: 'ancillary',
  broadcast: 'TV',
  video: 'home video',
  'on-demand': 'VOD',
  inflight: 'airline',
  'in-flight': 'airline',
  ship: 'ship',
  hotel: 'hotel',
  cinema: 'theatrical',
};

/** A media expression from the words before "rights": "all rights", "SVOD", "theatrical, SVOD". */
function validMedia(words: string[]): string | null {
  const w = words.filter((x) => x !== 'exclusive' && x !== 'non-exclusive' && x !== 'distribution');
  if (!w.length) return null;
  if (w.includes('all')) return 'all rights';
  const names: string[] = [];
  for (let i = 0; i < w.length; i++) {
    if ((w[i] === 'pay' || w[i] === 'free') && (w[i + 1] === 'tv' || w[i + 1] === 'television')) {
      names.push(`${w[i]} TV`);
      i++;
      continue;
    }
    if (w[i] === 'home' && (w[i + 1] === 'entertainment' || w[i + 1] === 'video')) {
      names.push(`home ${w[i + 1]}`);
      i++;
      continue;
    }
    const m = MEDIA_NAMES[w[i]];
    if (m && !names.includes(m)) names.push(m);
  }
  const expr = names.join(', ');
  if (!expr) return null;
  try {
    parseMedia(expr);
    return expr;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ adding facts

function factKey(type: FactType, f: Record<string, unknown>): string {
  const t = nk(f.title as string);
  switch (type) {
    case 'deal':
      return `deal|${t}|${nk(f.buyer as string)}`;
    case 'rumour':
      return `rumour|${t}|${nk(f.party as string)}`;
    case 'mandate':
      return `mandate|${t}|${nk(f.company as string)}`;
    case 'selection':
    case 'withdrawal':
      return `${type}|${t}|${nk(f.festival as string)}|${f.year ?? ''}`;
    case 'award':
      return `award|${t}|${nk(f.festival as string)}|${f.year ?? ''}|${nk(f.award as string)}|${nk(f.person as string)}`;
    case 'boxOffice':
      return `boxOffice|${t}|${f.territory ?? 'WW'}|${f.amount}|${f.currency}`;
    case 'release':
      return `release|${t}|${f.territory}`;
    case 'credit':
      return `credit|${t}|${f.role}|${nk(f.name as string)}`;
    case 'titleCompany':
      return `titleCompany|${t}|${f.role}|${nk(f.company as string)}`;
    case 'sourceMaterial':
      return `sourceMaterial|${t}`;
    case 'productionStatus':
      return `productionStatus|${t}`;
  }
}

function add<T extends FactType>(st: State, type: T, fields: FieldsByType[T], confidence: number, span: Span): CandidateFact<T> | null {
  const f = fields as unknown as Record<string, unknown>;
  if (typeof f.title !== 'string' || !f.title.trim()) return null;
  const key = factKey(type, f);
  const existing = st.facts.get(key) as CandidateFact<T> | undefined;
  if (existing) {
    mergeFields(type, existing.fields as unknown as Record<string, unknown>, f);
    existing.confidence = Math.max(existing.confidence, confidence);
    if (!hasSpanAt(st, existing, span[0]) && existing.span[0] !== span[0]) pushSpan(st, existing, span);
    return existing;
  }
  const fact = { type, fields, confidence, span, spans: [], key } as unknown as CandidateFact<T>;
  st.facts.set(key, fact as unknown as AnyFact);
  st.order.push(key);
  st.spanStarts.set(key, new Set());
  const here = st.factsAt.get(span[0]);
  if (here) here.push(fact as unknown as AnyFact);
  else st.factsAt.set(span[0], [fact as unknown as AnyFact]);
  if (type === 'deal') st.deals.push(fact as unknown as CandidateFact<'deal'>);
  return fact;
}

/** Whether one of the fact's further spans starts at `start`. */
function hasSpanAt(st: State, f: { key: string }, start: number): boolean {
  return st.spanStarts.get(f.key)!.has(start);
}

function pushSpan(st: State, f: { key: string; spans: Span[] }, span: Span): void {
  f.spans.push(span);
  st.spanStarts.get(f.key)!.add(span[0]);
}

function mergeFields(type: FactType, into: Record<string, unknown>, from: Record<string, unknown>): void {
  if (type === 'deal') {
    const a = into as unknown as DealFields;
    const b = from as unknown as DealFields;
    const parts = [a.territories, b.territories]
      .filter((x): x is string => !!x)
      .flatMap((x) => (/\bexcluding\b/.test(x) ? [x] : splitList(x)));
    a.territories = validTerritories(joinList(parts));
    for (const k of ['seller', 'media', 'price', 'priceNote', 'festival'] as const)
      if (a[k] === null && b[k] !== null) (a as unknown as Record<string, unknown>)[k] = b[k];
    for (const n of b.negotiators) if (!a.negotiators.some((x) => nk(x.name) === nk(n.name))) a.negotiators.push(n);
    return;
  }
  if (type === 'productionStatus') {
    into.status = from.status;
    return;
  }
  for (const [k, v] of Object.entries(from)) {
    if ((into[k] === null || into[k] === undefined || into[k] === false) && v !== null && v !== undefined) into[k] = v;
    if (k === 'date' && typeof v === 'string' && typeof into[k] === 'string' && v.length > (into[k] as string).length) into[k] = v;
  }
}

function splitList(expr: string): string[] {
  return expr
    .split(/\s*,\s*|\s+and\s+(?![^(]*\))/)
    .map((s) => s.trim())
    .filter(Boolean)
    .reduce<string[]>((acc, p) => {
      // keep group names that contain "and" whole
      const last = acc[acc.length - 1];
      if (
        last &&
        validTerritories(`${last} and ${p}`) &&
        /^(?:U\.K\.|Australia|Spain|Russia|Bosnia|Trinidad|Antigua|Saint Kitts|Turks|Heard|Saint Pierre|Saint Vincent|Sao Tome|São Tomé|Svalbard|Middle East)$/i.test(
          last,
        ) &&
        isGroupName(`${last} and ${p}`)
      ) {
        acc[acc.length - 1] = `${last} and ${p}`;
        return acc;
      }
      acc.push(p);
      return acc;
    }, []);
}

function isGroupName(s: string): boolean {
  return /^(?:U\.K\. and Ireland|Australia and New Zealand|Spain and Portugal|Russia and (?:the )?CIS|Middle East and North Africa|Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|Saint Kitts and Nevis|Turks and Caicos Islands|Sao Tome and Principe|São Tomé and Príncipe)$/i.test(
    s,
  );
}

// ------------------------------------------------------------------ deals

interface DealObject {
  terrs: string[];
  media: string[];
  titles: string[];
  explicitTitle: boolean;
  seller: string | null;
  price: { amount: string; currency: string } | null;
  priceNote: string | null;
  end: number;
}

/** "excluding China", "outside North America", "ex-China", "except France": the last territories lose these. */
function readExclusion(c: Ctx, k: number, o: { terrs: string[] }): number {
  let j = k;
  if (c.tok(j) === 'rights') j++;
  const w = c.words(j, j + 4);
  const m =
    /^(?:, )?(?:excluding|excl\.?|except(?: for| in)?|outside(?: of)?|other than|minus|ex|but not(?: in)?|with the exception of|barring|bar)\b/.exec(
      w,
    );
  if (!m) return k;
  const start = j + m[0].split(' ').length;
  const l = c.terrList(start);
  if (!l.exprs.length) return k;
  const base = o.terrs.length ? joinList(o.terrs)! : 'Worldwide';
  o.terrs.splice(0, o.terrs.length, `${base} excluding ${joinList(l.exprs)}`);
  return l.end;
}

/** Reads what follows a deal verb: territories, media, "rights to" a title, "from" a seller, a price. */
function readDealObject(c: Ctx, i: number, limit: number): DealObject {
  const o: DealObject = { terrs: [], media: [], titles: [], explicitTitle: false, seller: null, price: null, priceNote: null, end: i };
  let k = i;
  const takeTitles = (from: number): number => {
    let j = from;
    for (; j < limit && j < from + 14; j++) {
      const t = c.tok(j);
      if (t === '.' || t === ';' || (t === ',' && c.tok(j + 1) === 'while')) break;
      if (c.tok(j) === 'from' && o.titles.length === 0 && !c.isTitle(j + 1) && j > from + 1 && /^[CE]\d+$/.test(c.tok(j + 1))) break;
      const [title, n] = c.titleAt(j);
      if (title) {
        o.titles.push(title);
        if (c.isTitle(j)) o.explicitTitle = true;
        j += n;
        // "T and T"
        while ((c.tok(j) === 'and' || c.tok(j) === ',') && c.isTitle(j + 1) && !c.isTitle(j + 2)) {
          o.titles.push(c.item(j + 1).text);
          j += 2;
        }
        return j;
      }
    }
    return from;
  };
  // leading words and territories before "rights"
  let sawRights = false;
  while (k < limit) {
    const t = c.tok(k);
    if (c.titleAt(k)[0] !== null && !c.isTerr(k)) break;
    if (
      t === 'the' ||
      t === 'exclusive' ||
      t === 'non-exclusive' ||
      t === 'full' ||
      t === 'its' ||
      t === 'first' ||
      /^[a-z]+-(?:winning|nominated|acclaimed|hit)$/.test(t) ||
      (/^[AF]\d+$/.test(t) && c.item(k).mod)
    ) {
      k++;
      continue;
    }
    if (c.isTerr(k) || (TERR_WORDS[t] && c.tok(k + 1) !== 'sales')) {
      const l = c.terrList(k);
      if (!l.exprs.length) break;
      o.terrs.push(...l.exprs);
      k = l.end;
      k = readExclusion(c, k, o);
      continue;
    }
    if (MEDIA_WORDS.has(t) && t !== 'distribution') {
      o.media.push(t);
      k++;
      continue;
    }
    if (t === 'distribution' || t === 'and' || t === ',' || t === '/' || t === '&') {
      if (t === 'distribution') o.media.push(t);
      if (
        (t === 'and' || t === ',') &&
        !(c.isTerr(k + 1) || MEDIA_WORDS.has(c.tok(k + 1)) || c.tok(k + 1) === 'rights' || TERR_WORDS[c.tok(k + 1)])
      )
        break;
      k++;
      continue;
    }
    if (t === 'rights' || t === 'right') {
      sawRights = true;
      k++;
      break;
    }
    break;
  }
  if (sawRights) k = readExclusion(c, k, o);
  if (sawRights) {
    // "all rights in North America, ... and airlines to T"
    if (c.tok(k) === 'in' || c.tok(k) === 'for' || c.tok(k) === 'across' || c.tok(k) === 'throughout') {
      const l = c.terrList(k + 1);
      if (l.exprs.length) {
        o.terrs.push(...l.exprs);
        k = l.end;
        while (c.tok(k) === 'and' || c.tok(k) === ',') {
          if (MEDIA_WORDS.has(c.tok(k + 1))) {
            o.media.push(c.tok(k + 1));
            k += 2;
          } else break;
        }
      }
    }
    if (['to', 'for', 'on', 'of', 'in'].includes(c.tok(k))) k = takeTitles(k + 1);
  } else {
    // a title straight after the verb: "acquired T for France", "picked up the film"
    const [title, n] = c.titleAt(k);
    if (title) {
      k = takeTitles(k);
      void n;
    }
  }
  // "for / in TERRS" after the title; "for TERRS by" (passive)
  if (o.titles.length && !o.terrs.length && (c.tok(k) === 'for' || c.tok(k) === 'in')) {
    const l = c.terrList(k + 1, false);
    if (l.exprs.length) {
      o.terrs.push(...l.exprs);
      k = l.end;
      // "for the U.K. theatrical release", "for North American SVOD"
      while (MEDIA_WORDS.has(c.tok(k)) && c.tok(k) !== 'distribution') o.media.push(c.tok(k++));
    }
  }
  if (!o.titles.length && (o.terrs.length || sawRights)) {
    // "rights to" may come later: "acquired North American rights to the film"; "has taken Germany on T"
    for (let j = k; j < Math.min(limit, k + 3); j++) {
      if (
        c.tok(j) === 'to' ||
        ((c.tok(j) === 'on' || c.tok(j) === 'for' || c.tok(j) === 'of') &&
          /^(?:(?:[a-z-]+|[SFANX]\d+) ){0,4}T\d+/.test(c.words(j + 1, j + 7).replace(/'s/g, '')))
      ) {
        k = takeTitles(j + 1);
        break;
      }
    }
  }
  // the rest of the clause: from SELLER, price
  for (let j = k; j < limit; j++) {
    const t = c.tok(j);
    if (t === '.' || t === ';' || t === 'while' || (t === ',' && c.tok(j + 1) === 'and' && /^[CE]\d+$/.test(c.tok(j + 2)))) break;
    if (t === 'and' && /^[CE]\d+$/.test(c.tok(j + 1)) && c.phraseAt(j + 2, DEAL_VERBS) > 0) break;
    if (t === 'from' && !o.seller) {
      let m = j + 1;
      if (ROLE_AFTER_FROM.has(c.tok(m)) && c.tok(m) !== 'the' && c.tok(m) !== 'its') continue;
      while (
        m < limit &&
        (SALES_DESCRIPTOR.test(c.tok(m)) || /^N\d+$/.test(c.tok(m)) || (/^[CE]\d+$/.test(c.tok(m)) && c.item(m).mod === 'based'))
      )
        m++;
      if (
        /^[CE]\d+$/.test(c.tok(m)) &&
        !c.raw(m).endsWith("'s") &&
        c.item(m).ent !== 'person' &&
        !(ROLE_AFTER_FROM.has(c.tok(m - 1)) && c.tok(m - 1) !== 'the') &&
        !PERSON_ROLE_WORDS.has(c.tok(m + 1)) &&
        !/^(?:helmer|auteur|first-time)$/.test(c.tok(m + 1))
      ) {
        o.seller = c.name(m);
      }
    }
    if (/^M\d+$/.test(t) && !o.price) {
      const before = c.toks.slice(Math.max(k, j - 4), j);
      if (before.some((w) => MONEY_INTRO.has(w)) || c.tok(j + 1) === 'deal') {
        o.price = c.item(j).money ?? null;
        const note = before.filter((w) =>
          ['reported', 'around', 'about', 'nearly', 'close', 'roughly', 'approximately', 'some', 'than'].includes(w),
        );
        if (note.length)
          o.priceNote = note
            .join(' ')
            .replace(/^than$/, 'more than')
            .replace(/^close$/, 'close to');
      }
    }
    if (/^(?:low-|mid-|high-)?(?:six|seven|eight|nine)-figure$/.test(t) && !o.priceNote) o.priceNote = t;
  }
  o.end = k;
  return o;
}

/** The deal's festival or market: "out of Cannes", "at this year's AFM", "during the EFM". */
function dealPlace(c: Ctx): EventRef | null {
  for (let j = 0; j < c.toks.length; j++) {
    if (!/^F\d+$/.test(c.tok(j))) continue;
    const before = c.words(j - 3, j);
    if (/\b(?:ahead of|before|prior to|after|following)\b/.test(c.words(j - 6, j))) continue;
    if (!/\b(?:out of|at|during|from)(?: this year's| last year's| the)?$/.test(before) && !/\bat\b/.test(c.words(j - 2, j))) continue;
    const ev = c.item(j).event!;
    const ctx = festivalOf(c, j);
    const market = ev.kind === 'festival' && ev.market ? eventByName(ev.market) : ev.kind === 'market' ? ev : null;
    const place = /\bmarket\b/.test(c.words(j + 1, j + 2)) && market ? market : ev;
    return { name: place.name, year: ctx.year, edition: place === ev ? ctx.edition : null };
  }
  return null;
}

function rumourKind(text: string): 'talks' | 'rumour' | 'denial' {
  if (DENIAL_WORDS.test(text)) return 'denial';
  if (TALKS_WORDS.test(text)) return 'talks';
  return 'rumour';
}

/** The company that is the subject of the verb at `v` (after aux words), or the company a pronoun stands for. */
function subjectBefore(c: Ctx, v: number): { names: string[]; start: number } | null {
  let k = v - 1;
  while (k >= 0 && AUX.has(c.tok(k))) k--;
  // "ORG has launched sales on T and has already closed deals with ...": the sentence's subject
  if (c.tok(k) === 'and' && k > 2) {
    const first = c.toks.findIndex(
      (t, i) =>
        /^[CE]\d+$/.test(t) &&
        !c.raw(i).endsWith("'s") &&
        c.item(i).ent !== 'person' &&
        /^(?:has|have|had|is|are|was|were|will|also|\w+ed)$/.test(c.tok(i + 1)),
    );
    if (first >= 0 && first < k && c.toks.slice(0, first).every((t) => /^[a-z,-]+$|^X\d+$|^N\d+$/.test(t)))
      return { names: [c.name(first)], start: first };
  }
  // "A24, which co-financed the project with BBC Film, holds U.S. rights"
  if (c.tok(k) === ',') {
    for (let b = k - 1; b >= Math.max(0, k - 16); b--) {
      if (c.tok(b) === ',' && /^(?:which|who)$/.test(c.tok(b + 1)) && /^[CE]\d+$/.test(c.tok(b - 1)) && c.item(b - 1).ent !== 'person')
        return { names: [c.name(b - 1)], start: b - 1 };
      if (c.tok(b) === '.' || c.tok(b) === ';') break;
    }
  }
  // "Shudder, meanwhile, has picked up"
  if (
    c.tok(k) === ',' &&
    /^(?:meanwhile|however|too|also|separately|likewise|similarly|for its part|in turn)$/.test(c.tok(k - 1)) &&
    c.tok(k - 2) === ','
  ) {
    k -= 3;
    while (k >= 0 && AUX.has(c.tok(k))) k--;
  }
  // "ORG, which ..." / "ORG, the company that ..."
  if (c.tok(k) === ',' && c.tok(k + 1) === 'which' && /^[CE]\d+$/.test(c.tok(k - 1))) k--;
  if (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && !c.raw(k).endsWith("'s") && c.item(k).ent !== 'person') {
    const names = [c.name(k)];
    let start = k;
    // "ORG and ORG acquired"
    if (c.tok(k - 1) === 'and' && /^[CE]\d+$/.test(c.tok(k - 2))) {
      names.unshift(c.name(k - 2));
      start = k - 2;
    }
    return { names, start };
  }
  // "the company acquired", "it acquired"
  for (let n = 3; n >= 1; n--) {
    const phrase = c.toks.slice(k - n + 1, k + 1).join(' ');
    if (COMPANY_PRONOUN.test(phrase) && c.st.focusCompany) return { names: [c.st.focusCompany], start: k - n + 1 };
  }
  // "ORG, the company that distributed ..." : an appositive
  for (let j = k; j >= Math.max(0, k - 12); j--) {
    if (
      c.tok(j) === ',' &&
      /^[CE]\d+$/.test(c.tok(j - 1)) &&
      /^the (?:company|distributor|streamer|studio|label|outfit) (?:that|which)$/.test(c.words(j + 1, j + 4))
    )
      return { names: [c.name(j - 1)], start: j - 1 };
  }
  return null;
}

function dealConfidence(c: Ctx, o: DealObject, verb: string): number {
  let conf = 0.9;
  if (!o.explicitTitle) conf -= 0.1;
  if (!o.terrs.length) conf -= 0.1;
  if (['has', 'had', 'holds', 'owns', 'distributed', 'released'].includes(verb)) conf -= 0.1;
  if (/\bsources?\b/.test(c.words(0, c.toks.length))) conf -= 0.1;
  return Math.max(0.4, Math.round(conf * 100) / 100);
}

function addDeal(c: Ctx, title: string | null, buyer: string, terrs: string[], extra: Partial<DealFields>, conf: number): void {
  if (!title) return;
  if (nk(title) === nk(buyer)) return;
  const list = terrs.filter((t) => t !== 'international');
  const territories = list.length === 1 ? validTerritories(list[0]) : validTerritories(joinList(list));
  const fields: DealFields = {
    title,
    buyer,
    seller: extra.seller ?? null,
    territories,
    media: extra.media ?? null,
    price: extra.price ?? null,
    priceNote: extra.priceNote ?? null,
    negotiators: [],
    festival: extra.festival ?? dealPlace(c),
    announcedOn: c.st.date,
  };
  if (fields.seller && nk(fields.seller) === nk(buyer)) fields.seller = null;
  const fact = add(c.st, 'deal', fields, conf, c.span());
  if (fact) learn(c.st.reg, buyer, 'company');
  if (fields.seller) learn(c.st.reg, fields.seller, 'company');
}

/** A list of sales: "Diaphana for France, Cineart for Benelux", "Nos Lusomundo (Portugal)", "France (Pyramide)". */
function readSaleList(c: Ctx, i: number, limit: number): Array<{ buyer: string; terrs: string[]; media?: string | null }> {
  const out: Array<{ buyer: string; terrs: string[]; media?: string | null }> = [];
  let k = i;
  const skipSep = () => {
    let moved = true;
    while (moved) {
      moved = false;
      for (const w of [
        ',',
        'and',
        ';',
        'to',
        'with',
        'as',
        'well',
        'plus',
        'also',
        'only',
        'already',
        'so',
        'far',
        'including',
        'include',
        'includes',
        'the',
      ]) {
        if (c.tok(k) === w) {
          k++;
          moved = true;
        }
      }
    }
  };
  while (k < limit) {
    skipSep();
    if (c.tok(k) === 'for' || c.tok(k) === 'in') {
      // "for France (Pyramide Distribution)" / "for the U.K., where Lionsgate UK will distribute"
      const l = c.terrList(k + 1, false);
      if (l.exprs.length && c.tok(l.end) === '(' && /^[CE]\d+$/.test(c.tok(l.end + 1)) && c.tok(l.end + 2) === ')') {
        out.push({ buyer: c.name(l.end + 1), terrs: l.exprs });
        k = l.end + 3;
        continue;
      }
      // "for Benelux by Cinemaret, for Austria by Polyfilm"
      if (l.exprs.length && c.tok(l.end) === 'by' && /^[CE]\d+$/.test(c.tok(l.end + 1)) && c.item(l.end + 1).ent !== 'person') {
        out.push({ buyer: c.name(l.end + 1), terrs: l.exprs });
        k = l.end + 2;
        continue;
      }
      if (l.exprs.length && c.tok(l.end) === ',' && c.tok(l.end + 1) === 'where' && /^[CE]\d+$/.test(c.tok(l.end + 2))) {
        out.push({ buyer: c.name(l.end + 2), terrs: l.exprs });
        k = l.end + 3;
        while (k < limit && c.tok(k) !== ',' && c.tok(k) !== '.') k++;
        continue;
      }
      break;
    }
    if (/^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') {
      const buyer = c.name(k);
      if (c.tok(k + 1) === '(') {
        const l = c.terrList(k + 2, false);
        if (l.exprs.length && c.tok(l.end) === ')') {
          out.push({ buyer, terrs: l.exprs });
          k = l.end + 1;
          continue;
        }
      }
      if (c.tok(k + 1) === 'for' || c.tok(k + 1) === 'in') {
        const l = c.terrList(k + 2, false);
        if (l.exprs.length) {
          const media: string[] = [];
          let e = l.end;
          while (MEDIA_WORDS.has(c.tok(e)) && c.tok(e) !== 'distribution') media.push(c.tok(e++));
          out.push({ buyer, terrs: l.exprs, media: validMedia(media) });
          k = e;
          continue;
        }
      }
      // "Njuta Films, which covers Scandinavia"
      if (c.tok(k + 1) === ',' && c.tok(k + 2) === 'which' && /^(?:covers|handles|has|holds|takes|took|will)$/.test(c.tok(k + 3))) {
        let e = k + 4;
        while (e < limit && e < k + 8 && !c.isTerr(e)) e++;
        const l = c.terrList(e, false);
        if (l.exprs.length) {
          out.push({ buyer, terrs: l.exprs });
          k = l.end;
          continue;
        }
      }
      if (c.tok(k + 1) === 'will' || c.tok(k + 1) === 'has' || c.tok(k + 1) === 'took' || c.tok(k + 1) === 'is') break;
      break;
    }
    // "Portugal's Leopardo Filmes": the buyer's country as a possessive
    if (/^R\d+'s$/.test(c.raw(k)) && /^[CE]\d+$/.test(c.tok(k + 1)) && c.item(k + 1).ent !== 'person' && c.item(k).territory) {
      out.push({ buyer: c.name(k + 1), terrs: [c.item(k).territory!] });
      k += 2;
      continue;
    }
    if (c.isTerr(k) && c.item(k).ent === 'territory') {
      const l = c.terrList(k, false);
      if (c.tok(l.end) === '(' && /^[CE]\d+$/.test(c.tok(l.end + 1)) && c.tok(l.end + 2) === ')') {
        out.push({ buyer: c.name(l.end + 1), terrs: l.exprs });
        k = l.end + 3;
        continue;
      }
      // "France to Diaphana"
      if (c.tok(l.end) === 'to' && /^[CE]\d+$/.test(c.tok(l.end + 1))) {
        out.push({ buyer: c.name(l.end + 1), terrs: l.exprs });
        k = l.end + 2;
        continue;
      }
      // a territory sold without a named buyer, inside a list that goes on: "Israel, Korea and Spain (Golem)"
      if (out.length && l.end > k && (c.tok(l.end) === ',' || c.tok(l.end) === 'and')) {
        k = l.end;
        continue;
      }
      break;
    }
    break;
  }
  return out;
}

function extractDeals(c: Ctx): void {
  const n = c.toks.length;
  const used = new Set<number>();
  // 1. seller sells: "The Match Factory has also closed deals with Lucky Red for Italy, ..."
  for (let v = 0; v < n; v++) {
    const len = c.phraseAt(v, SELL_VERBS);
    if (!len) continue;
    if (c.tok(v - 1) === 'been' || c.tok(v - 1) === 'being' || c.tok(v - 1) === 'was' || c.tok(v - 1) === 'were' || c.tok(v - 1) === 'is')
      continue;
    const subj = subjectBefore(c, v);
    let seller = subj?.names[subj.names.length - 1] ?? null;
    if (!seller && /^(?:which|who)$/.test(c.tok(v - 1)) === false && c.tok(v - 1) === 'also' && c.st.seller) seller = c.st.seller.company;
    const limit = c.clauseEnd(v + len);
    let k = v + len;
    let title: string | null = null;
    // "sold T to ...", "closed deals on T with ..."
    if (['on', 'for'].includes(c.tok(k)) && (c.isTitle(k + 1) || PRONOUN_TITLE.test(c.words(k + 1, k + 3)))) k++;
    for (let s2 = k; s2 < Math.min(limit, k + 5); s2++) {
      const [t, tn] = c.titleAt(s2);
      if (t) {
        title = t;
        k = s2 + tn;
        break;
      }
      if (!/^(?:[a-z-]+|N\d+|P\d+'s|E\d+'s)$/.test(c.raw(s2)) || ['to', 'with', 'for', 'in'].includes(c.tok(s2))) break;
    }
    // seller-subject statements carry the seller to later sentences of the same title
    const list = readSaleList(c, k - (c.tok(k - 1) === 'with' ? 1 : 0), limit);
    let later: string | null = null;
    for (let j = v; j < limit; j++)
      if (c.isTitle(j) && /^(?:on|for|of|to)$/.test(c.tok(j - 1))) {
        later = c.item(j).text;
        break;
      }
    const ttl = title ?? later ?? lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    const prefix = c.words(c.clauseStart(v), v);
    if (/\b(?:in talks|negotiations|denied|not|rumou?red|said to|believed to|reportedly)\b/.test(prefix)) continue;
    if (seller) c.st.seller = { company: seller, title: ttl };
    for (const item of list) addDeal(c, ttl, item.buyer, item.terrs, { seller, media: item.media ?? null }, 0.85);
    if (list.length) for (let j = v; j < limit; j++) used.add(j);
  }
  // 2. list intros: "Other deals include ...", "Buyers include ...", "Deals are also in place with ..."
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    let start = -1;
    const w = c.words(v, v + 6);
    const m =
      /^deals (?:are|were|have been) (?:also )?(?:in place|struck|closed|done|inked|signed|agreed) (?:with|for)\b/.exec(w) ??
      /^(?:(?:other|further|additional|more|previous|earlier|prior|existing) )?(?:deals|buyers|sales|pre-sales|presales|territories sold|licensees|distributors)(?: (?:on|for) T\d+)? (?:so far |already |also )?(?:include|including|are|were|comprise|have been|went to)\b/.exec(
        c.words(v, v + 8),
      ) ??
      /^(?:has|have) (?:also )?(?:gone|sold|been sold|been pre-sold|been picked up|been acquired|been licensed) (?:to|by)\b/.exec(w) ??
      /^(?:has been|was|were|have been) (?:also )?(?:picked up|acquired|bought|sold|pre-sold|licensed) by\b/.exec(w);
    if (!m) continue;
    start = v + m[0].split(' ').length;
    const limit = c.clauseEnd(start);
    const list = readSaleList(c, start, limit);
    if (!list.length) continue;
    const [t] = c.titleAt(v - 1 >= 0 && c.isTitle(v - 1) ? v - 1 : -1);
    const inside = /\b(?:on|for) T(\d+)\b/.exec(m[0]);
    const title = (inside ? c.sk.items[Number(inside[1])].text : null) ?? t ?? lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    const seller = c.st.seller && (!c.st.seller.title || nk(c.st.seller.title) === nk(title)) ? c.st.seller.company : null;
    for (const item of list) addDeal(c, title, item.buyer, item.terrs, { seller }, 0.85);
    for (let j = v; j < limit; j++) used.add(j);
  }
  // 3. passive: "T has been acquired by ORG for TERRS", "the film was acquired for North America by Janus Films", "T has been sold to X for France, ..."
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    if (!['been', 'was', 'were', 'is', 'are'].includes(c.tok(v))) continue;
    const len = c.phraseAt(v + 1, PASSIVE_VERBS);
    if (!len) continue;
    const prefix = c.words(c.clauseStart(v), v);
    // the title: the subject before the auxiliary
    let title: string | null = null;
    let explicit = false;
    const cs = c.clauseStart(v);
    for (let j = v - 1; j >= cs; j--) {
      const [t] = c.titleAt(j);
      if (t && (c.isTitle(j) || j >= v - 4)) {
        title = t;
        explicit = c.isTitle(j);
        break;
      }
    }
    // "which was acquired by": the title before "which"
    if (!title && c.tok(v - 1) === 'which') title = lastTitleBefore(c, v);
    title ??= c.st.focus ?? c.st.lead;
    // territories in the subject: "North American rights to T have been acquired"
    const subjTerrs: string[] = [];
    for (let j = cs; j < v; j++) if (c.isTerr(j) && c.tok(j + 1) === 'rights') subjTerrs.push(...c.terrList(j).exprs);
    let k = v + 1 + len;
    const limit = c.clauseEnd(k);
    const terrs: string[] = [...subjTerrs];
    let buyer: string | null = null;
    let list: Array<{ buyer: string; terrs: string[] }> = [];
    for (let round = 0; round < 3 && k < limit; round++) {
      if ((c.tok(k) === 'for' || c.tok(k) === 'in') && c.isTerr(k + 1)) {
        // "for Benelux by Cinemaret, for Austria by Alpenkino": one sale per item
        const sales = round === 0 ? readSaleList(c, k, limit) : [];
        if (sales.length > 1) {
          list = sales;
          break;
        }
        const l = c.terrList(k + 1, false);
        terrs.push(...l.exprs);
        k = l.end;
        continue;
      }
      if (c.tok(k) === 'by' && /^[CE]\d+$/.test(c.tok(k + 1))) {
        // "is sold by Charades", "is licensed by": who sells, not who buys
        if (/^(?:sold|pre-sold|presold|licensed)$/.test(c.tok(v + 1)) && !/\bto\b/.test(c.words(v + 2, k))) break;
        const l = readSaleList(c, k + 1, limit);
        if (l.length > 1 || (l.length === 1 && l[0].terrs.length)) {
          list = l;
          break;
        }
        buyer = c.name(k + 1);
        k += 2;
        continue;
      }
      // "was sold to Italy (Fandango), Spain (Golem)", "was bought for the United States (IFC Films)"
      if ((c.tok(k) === 'to' || c.tok(k) === 'for') && (c.isTerr(k + 1) || (c.tok(k + 1) === 'the' && c.isTerr(k + 2)))) {
        const l = readSaleList(c, c.tok(k) === 'to' ? k : k, limit);
        if (l.length) {
          list = l;
          break;
        }
      }
      if (c.tok(k) === 'to' && /^[CE]\d+$/.test(c.tok(k + 1))) {
        list = readSaleList(c, k, limit);
        if (!list.length) {
          buyer = c.name(k + 1);
          k += 2;
        }
        break;
      }
      break;
    }
    if (!buyer && !list.length) continue;
    if (RUMOUR_WORDS.test(prefix) && /\b(?:talks|denied|denies|rumou?red|reportedly|not|no)\b/.test(prefix)) continue;
    // the seller: "sales agent Charades told Deadline", "sales company Cercamon said"
    const seller =
      sentenceSeller(c) ?? (c.st.seller && (!c.st.seller.title || nk(c.st.seller.title) === nk(title)) ? c.st.seller.company : null);
    const conf = explicit ? 0.85 : 0.75;
    if (list.length) for (const item of list) addDeal(c, title, item.buyer, item.terrs, { seller }, conf);
    else if (buyer) addDeal(c, title, buyer, terrs, { seller }, conf);
    for (let j = v; j < limit; j++) used.add(j);
  }
  // 4. "TERRS went to ORG", "TERR rights went to ORG"
  for (let v = 0; v < n; v++) {
    if (used.has(v) || !c.isTerr(v) || c.item(v).ent !== 'territory') continue;
    if (c.tok(v - 1) === 'for' || c.tok(v - 1) === 'in' || c.tok(v - 1) === '(') continue;
    const l = c.terrList(v, false);
    let k = l.end;
    if (c.tok(k) === 'rights') k++;
    if (c.seq(k, ['went', 'to']) && /^[CE]\d+$/.test(c.tok(k + 2))) {
      const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
      addDeal(c, title, c.name(k + 2), l.exprs, { seller: sentenceSeller(c) }, 0.8);
      for (let j = v; j <= k + 2; j++) used.add(j);
    } else if (c.seq(k, ['was', 'picked', 'up', 'by']) || c.seq(k, ['was', 'acquired', 'by']) || c.seq(k, ['was', 'taken', 'by'])) {
      const b = k + (c.tok(k + 1) === 'picked' ? 4 : 3);
      if (/^[CE]\d+$/.test(c.tok(b))) {
        const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
        addDeal(c, title, c.name(b), l.exprs, { seller: sentenceSeller(c) }, 0.8);
        for (let j = v; j <= b; j++) used.add(j);
      }
    }
  }
  // 5. buyers: "Neon has nabbed North American rights to T", "Eagle Films picked up the Middle East"
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    const len = c.phraseAt(v, DEAL_VERBS);
    if (!len) continue;
    const verb = c.toks.slice(v, v + len).join(' ');
    if (['been', 'being', 'was', 'were', 'is', 'are'].includes(c.tok(v - 1)) && !['has', 'had'].includes(verb)) continue;
    const subj = subjectBefore(c, v);
    if (!subj) continue;
    const limit = c.clauseEnd(v + len);
    const o = readDealObject(c, v + len, limit);
    // a title or territories are needed; "has"/"holds"/"owns" need territories
    if (['has', 'had', 'holds', 'owns'].includes(verb) && !o.terrs.length) continue;
    if (verb === 'had' && c.tok(v + len) !== 'rights' && !c.isTerr(v + len)) continue;
    if ((verb === 'distributed' || verb === 'released') && !(o.explicitTitle && o.terrs.length)) continue;
    if (verb === 'took' || verb === 'takes' || verb === 'taken') {
      // "took home the Palme", "took $3 million": not deals
      if (!o.terrs.length && !c.words(v + len, v + len + 3).includes('rights')) continue;
    }
    if (!o.titles.length && !o.terrs.length && !c.words(v + len, v + len + 4).includes('rights')) continue;
    // sales rights are a sales mandate, not a deal
    if (
      /\b(?:sales|remake|format|book|life|story|music|sequel)\b/.test(c.words(v + len, o.end)) &&
      /\bsales\b|remake|format|life|story|book/.test(c.words(v + len, Math.min(o.end + 1, limit)))
    )
      continue;
    // rumours and denials: a cue between the clause start and the verb, or talk of it being unsigned after
    const prefix = c.words(c.clauseStart(subj.start), v);
    const sentenceWords = c.words(0, n);
    const denialAround =
      /\b(?:denied|denies|denying|deny) (?:reports? |a report |rumou?rs? )?(?:that )?/.test(c.words(0, v)) ||
      /\bhas not\b|\bhave not\b|\bhad not\b|\bdid not\b|\bhasn't\b|\bdidn't\b/.test(c.words(v - 3, v));
    const unsigned =
      /\bnothing has been (?:signed|closed)\b|\bno deal has\b|\bnot yet (?:signed|closed)\b|\bwould(?:n't| not) confirm\b|\bdeclined to confirm\b|\bdid not confirm\b|\bcould not be confirmed\b|\bunconfirmed\b/.test(
        sentenceWords,
      );
    const cue = RUMOUR_WORDS.exec(prefix.replace(/\bsources? (?:say|said|tell)\b.*$/, ''));
    const titles = o.titles.length ? o.titles : [lastTitleBefore(c, subj.start) ?? c.st.focus ?? c.st.lead];
    if (denialAround || unsigned || (cue && !/^(?:no)$/.test(cue[0]))) {
      for (const title of titles) {
        for (const party of subj.names) {
          if (!title) continue;
          add(
            c.st,
            'rumour',
            {
              title,
              party,
              kind: denialAround ? 'denial' : rumourKind(prefix + ' ' + sentenceWords),
              territories: validTerritories(joinList(o.terrs)),
            },
            0.3,
            c.span(),
          );
          learn(c.st.reg, party, 'company');
        }
      }
      for (let j = v; j < limit; j++) used.add(j);
      continue;
    }
    const media = validMedia(o.media);
    const contextSeller = (title: string | null) =>
      c.st.seller && title && (!c.st.seller.title || nk(c.st.seller.title) === nk(title)) ? c.st.seller.company : null;
    const seller = o.seller ?? brokeredBy(c, o.end) ?? sentenceSeller(c) ?? contextSeller(titles[0]);
    for (const title of titles) {
      for (const buyer of subj.names)
        addDeal(c, title, buyer, o.terrs, { seller, media, price: o.price, priceNote: o.priceNote }, dealConfidence(c, o, verb));
    }
    if (subj.names.length) c.st.focusCompany = subj.names[subj.names.length - 1];
    for (let j = v; j < Math.max(o.end, v + len); j++) used.add(j);
  }
  // 6. "ORG will release/distribute T in TERRS", "T, which ORG is releasing in the U.S."
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    const w = c.words(v, v + 3);
    const m =
      /^(?:will|is set to|plans to|is to|are set to|will also) (?:release|distribute|handle)\b|^(?:is|are) (?:releasing|distributing|handling)\b|^(?:releases|distributes|handle|handles|distribute)\b/.exec(
        w,
      );
    if (!m) continue;
    const vend = v + m[0].split(' ').length;
    const k = v - 1;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const buyers = [c.name(k)];
    if (c.tok(k - 1) === 'and' && /^[CE]\d+$/.test(c.tok(k - 2)) && c.item(k - 2).ent !== 'person') buyers.unshift(c.name(k - 2));
    let title: string | null = null;
    let j = vend;
    const [t, tn] = c.titleAt(j);
    if (t) {
      title = t;
      j += tn;
    } else if (c.tok(k - 1) === 'which' && c.tok(k - 2) === ',' && c.isTitle(k - 3)) title = c.item(k - 3).text;
    while (['the', 'film', 'theatrically', 'in', 'cinemas', 'theaters', 'theatres'].includes(c.tok(j)) && !c.isTerr(j + 1)) j++;
    if (c.tok(j) !== 'in' || !c.isTerr(j + 1)) continue;
    const l = c.terrList(j + 1, false);
    if (!l.exprs.length) continue;
    title ??= lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    for (const buyer of buyers) addDeal(c, title, buyer, l.exprs, { seller: null }, 0.7);
    for (let x = v; x < l.end; x++) used.add(x);
  }
}

/** "brokered by CAA Media Finance", "negotiated by Submarine" in the rest of the clause: the seller's side. */
function brokeredBy(c: Ctx, from: number): string | null {
  for (let j = from; j < c.toks.length - 2; j++) {
    if (
      (c.tok(j) === 'brokered' || c.tok(j) === 'negotiated' || c.tok(j) === 'repped') &&
      c.tok(j + 1) === 'by' &&
      /^[CE]\d+$/.test(c.tok(j + 2)) &&
      c.isCompanyName(j + 2)
    ) {
      if (/\bon behalf of the (?:filmmakers|producers|sellers)\b/.test(c.words(j + 3, j + 8)) || c.isCompanyName(j + 2))
        return c.name(j + 2);
    }
  }
  return null;
}

/** The seller a sentence names as such: "sales agent Charades told Deadline", "sales company Cercamon said". */
function sentenceSeller(c: Ctx): string | null {
  for (let j = 0; j < c.toks.length; j++) {
    if (!/^[CE]\d+$/.test(c.tok(j)) || c.item(j).ent === 'person') continue;
    const before = c.words(j - 3, j);
    if (/\bsales (?:agent|company|outfit|house|banner)$|\bseller$/.test(before)) return c.name(j);
  }
  return null;
}

function lastTitleBefore(c: Ctx, v: number): string | null {
  for (let j = v - 1; j >= 0; j--) if (c.isTitle(j)) return c.item(j).text;
  return null;
}

// ------------------------------------------------------------------ rumours without deal verbs

function extractRumours(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v < n; v++) {
    const w = c.words(v, v + 8);
    const m =
      /^(?:(?:is|are|was|were) (?:also )?(?:believed|thought|said|understood|reported) to be (?:the )?(?:front-?runners?|favou?rites?|leading contenders?)|(?:also )?in the (?:mix|running|hunt)\b|(?:is|are|was|were|has been|have been) (?:also )?(?:rumou?red|reported|said|believed|thought|understood|alleged) to (?:have |be )?(?:acquired|bought|picked up|nabbed|landed|taken|snapped up|paid|offered|bid|circling|eyeing|interested|in talks|negotiating|closing|close)|(?:is|are|was|were|had|has|have) (?:also )?(?:been )?(?:said to be |reportedly |believed to be |understood to be )?(?:circling|eyeing|in (?:advanced |early |final |exclusive )?(?:talks|negotiations) (?:for|on|over|to)|close to a deal (?:for|on)|nearing a deal (?:for|on)|the frontrunner for|in the running for|bidding for|interested in)|(?:was|were) (?:rumou?red|reported|said) to (?:have )?(?:offered|acquired|bid|paid)|(?:denied|denies) (?:that it (?:was|is|had) )?(?:in talks|acquiring|acquired|buying|bought|a report|reports|rumou?rs)|is (?:reportedly )?close to (?:a )?deal)/.exec(
        w,
      );
    if (!m) continue;
    // the parties: "ORG and ORG were said to be circling", "several streamers, including Netflix"
    const parties: string[] = [];
    let k = v - 1;
    while (
      k >= 0 &&
      [
        'also',
        'reportedly',
        'now',
        'still',
        'has',
        'have',
        'had',
        'is',
        'are',
        'was',
        'were',
        ',',
        'meanwhile',
        'however',
        'though',
        'too',
        'for',
        'its',
        'part',
        'which',
        'who',
        'that',
        'with',
      ].includes(c.tok(k))
    )
      k--;
    while (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') {
      parties.unshift(c.name(k));
      if (c.tok(k - 1) === 'and' || c.tok(k - 1) === ',') k -= 2;
      else break;
    }
    if (!parties.length) {
      for (let j = 0; j < v; j++) if (c.seq(j, ['including']) && /^[CE]\d+$/.test(c.tok(j + 1))) parties.push(c.name(j + 1));
    }
    if (!parties.length && COMPANY_PRONOUN.test(c.words(v - 2, v)) && c.st.focusCompany) parties.push(c.st.focusCompany);
    if (!parties.length) continue;
    let title: string | null = null;
    const limit = c.clauseEnd(v + m[0].split(' ').length);
    for (let j = v; j < Math.min(n, v + 20); j++) {
      if (c.tok(j) === 'it' || c.tok(j) === 'its') continue;
      const [t] = c.titleAt(j);
      if (t) {
        title = t;
        break;
      }
    }
    title ??= c.st.focus ?? c.st.lead;
    const terrs: string[] = [];
    for (let j = v; j < limit; j++) if (c.isTerr(j) && c.tok(j + 1) === 'rights') terrs.push(...c.terrList(j).exprs);
    for (const party of parties) {
      if (!title) continue;
      // "Searchlight is understood to have paid $6 million": a detail of a deal already told, not a rumour
      if (c.st.deals.some((d) => nk(d.fields.title) === nk(title) && nk(d.fields.buyer) === nk(party))) continue;
      add(
        c.st,
        'rumour',
        { title, party, kind: /denie/.test(m[0]) ? 'denial' : rumourKind(m[0]), territories: validTerritories(joinList(terrs)) },
        0.3,
        c.span(),
      );
      learn(c.st.reg, party, 'company');
    }
  }
}

// ------------------------------------------------------------------ sales mandates

function extractMandates(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v < n; v++) {
    const w = c.words(v, v + 9);
    let m: RegExpExecArray | null;
    const companies: string[] = [];
    let scope = '';
    let titleFrom = v;
    // "ORG is handling international sales", "ORG handles world sales", "ORG has boarded international sales on T", "ORG is repping international rights"
    if (
      (m =
        /^(?:is|are|will be|has been|have been)? ?(?:handling|handles|handle|repping|reps|representing|represents|selling|launching|launched|launches|overseeing|handling the)? ?(?:has |have )?(?:also )?(?:boarded|picked up|acquired|taken on|taken|come on board for|come aboard for|secured|landed|nabbed|handles|handling|repping|representing|launching|launched)? ?(?:the )?((?:international|world|worldwide|global|foreign|overseas|north american|domestic|u\.s\.|R\d+|N\d+)(?: and (?:international|world|R\d+|N\d+))?)? ?(?:sales|sales rights|rights|distribution rights)\b/.exec(
          w,
        )) &&
      /\b(?:handl|rep|represent|sell|launch|board|picked up|acquired|taken|come|secured|landed|nabbed|oversee)/.test(m[0]) &&
      /\bsales\b|\b(?:international|world|worldwide|global) rights\b|\brepping|represent/.test(m[0])
    ) {
      if (!/\bsales\b/.test(m[0]) && !/\brepping|represent|handl/.test(m[0])) continue;
      let k = v - 1;
      while (
        k >= 0 &&
        (['also', 'now', 'which', 'will', 'is', 'are', 'has', 'have', 'to', 'set', 'already', 'currently', 'who'].includes(c.tok(k)) ||
          (c.tok(k) === ',' && c.tok(k + 1) === 'which'))
      )
        k--;
      while (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') {
        companies.unshift(c.name(k));
        if (c.tok(k - 1) === 'and') k -= 2;
        else break;
      }
      if (!companies.length && /^(?:which|who)$/.test(c.tok(v - 1)) && /^[CE]\d+$/.test(c.tok(v - 3))) companies.push(c.name(v - 3));
      if (!companies.length && COMPANY_PRONOUN.test(c.words(v - 2, v)) && c.st.focusCompany) companies.push(c.st.focusCompany);
      scope = m[1] ?? '';
      titleFrom = v + m[0].split(' ').length;
    } else if (
      (m =
        /^(?:(?:international|world|worldwide|global) )?sales (?:on (?:the film|T\d+) )?(?:are|is) (?:being )?(?:handled|repped|represented) by\b/.exec(
          w,
        )) ||
      (m =
        /^(?:is|are|was|has been|have been) (?:being )?(?:sold|shopped|repped|represented|pre-sold) (?:to (?:\S+ ){1,3}(?:territories|buyers|markets) |internationally |worldwide |abroad |around the world )?by\b/.exec(
          w,
        )) ||
      (m =
        /^(?:is|are|was) (?:being )?handled (?:internationally |worldwide )?by\b/.exec(w) && /\bsales\b/.test(c.words(v - 4, v))
          ? m
          : null) ||
      (m = /^sold (?:internationally|worldwide|abroad) by\b/.exec(w))
    ) {
      let k = v + m[0].split(' ').length;
      while (k < n && (c.item(k)?.mod === 'based' || /^(?:sales|company|agent|outfit|the|N\d+)$/.test(c.tok(k)))) k++;
      if (/^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') companies.push(c.name(k));
      titleFrom = 0;
    } else if (
      (m =
        /^(?:its |the film's |the title's |the documentary's )?(?:international |world )?sales (?:agents? |reps? |representatives? |team )?(?:at|from) $/.exec(
          c.words(v, v + 6).replace(/[CE]\d+.*$/, ''),
        )) &&
      /^[CE]\d+$/.test(c.tok(v + m[0].trim().split(' ').length))
    ) {
      companies.push(c.name(v + m[0].trim().split(' ').length));
      titleFrom = 0;
    } else if (
      (m =
        /^(?:its |the film's |the title's |the documentary's )?(?:international )?sales (?:agent|company|outfit|house|banner|rep)(?: ,)?$/.exec(
          c
            .words(v, v + 4)
            .split(' ')
            .slice(0, 4)
            .join(' ')
            .replace(/ [CE]\d+.*$/, ''),
        )) &&
      v + m[0].split(' ').length < n
    ) {
      const k = v + m[0].split(' ').length;
      if (/^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person' && c.tok(k - 1) !== 'a') companies.push(c.name(k));
      titleFrom = 0;
    } else if (
      /^[CE]\d+$/.test(c.tok(v)) &&
      c.tok(v + 1) === ',' &&
      /^the (?:(?:[A-Z]\d+|[a-z]+-based|international|world|leading|boutique|veteran|[a-z]+) ){0,2}sales (?:company|agent|outfit|house|banner|powerhouse)\b/.test(
        c.words(v + 2, v + 8),
      )
    ) {
      companies.push(c.name(v));
      titleFrom = 0;
    } else if (
      /^[CE]\d+$/.test(c.tok(v)) &&
      c.tok(v + 1) === ',' &&
      c.tok(v + 2) === 'which' &&
      /^(?:handles|is handling|is selling|reps) (?:the film's )?(?:international |world |worldwide )?sales\b/.test(c.words(v + 3, v + 8))
    ) {
      companies.push(c.name(v));
      titleFrom = 0;
    } else continue;
    if (!companies.length) continue;
    // the title: a title in the sentence, else the article's lead title
    let title: string | null = null;
    for (let j = titleFrom; j < n; j++) {
      if (c.isTitle(j)) {
        title = c.item(j).text;
        break;
      }
    }
    if (!title) {
      for (let j = 0; j < n; j++)
        if (c.isTitle(j)) {
          title = c.item(j).text;
          break;
        }
    }
    const pronoun = /\b(?:the film|its|the title|it)\b/.test(c.words(0, n));
    title ??= pronoun ? (c.st.focus ?? c.st.lead) : (c.st.lead ?? c.st.focus);
    if (!title) continue;
    let territories: string | null = null;
    if (scope && !/international|world|worldwide|global|foreign|overseas/.test(scope)) {
      const codes = scope
        .split(' and ')
        .map((x) =>
          /^[RN]\d+$/.test(x)
            ? c.sk.items[Number(x.slice(1))]?.territory
            : x === 'domestic'
              ? 'North America'
              : x === 'u.s.'
                ? 'U.S.'
                : x === 'north american'
                  ? 'North America'
                  : null,
        )
        .filter((x): x is string => !!x);
      territories = validTerritories(joinList(codes));
    }
    for (const company of companies) {
      if (nk(company) === nk(title)) continue;
      add(c.st, 'mandate', { title, company, territories }, 0.8, c.span());
      learn(c.st.reg, company, 'company');
      c.st.mandates.set(nk(title), company);
      if (!c.st.seller || nk(c.st.seller.title) === nk(title)) c.st.seller = { company, title };
    }
  }
}

/** "with Netflix handling global distribution", "Netflix will distribute the film worldwide": a distribution deal said in passing. */
function extractDistributionHandling(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    const w = c.words(v, v + 4);
    const m =
      /^(?:is |are |will be )?(?:handling|handles|will handle|to handle) (global|worldwide|world|international|north american|domestic|u\.s\.|R\d+|N\d+)? ?(?:theatrical |streaming )?distribution\b/.exec(
        w,
      );
    if (!m) continue;
    const k = v - 1;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const scope = m[1] ?? '';
    const terr = /^[RN]\d+$/.test(scope)
      ? (c.sk.items[Number(scope.slice(1))].territory ?? null)
      : TERR_WORDS[scope] && scope !== 'international'
        ? TERR_WORDS[scope]
        : scope === 'north american'
          ? 'North America'
          : scope === 'u.s.'
            ? 'U.S.'
            : null;
    if (!terr) continue;
    const title = lastTitleBefore(c, v) ?? firstTitle(c) ?? c.st.focus ?? c.st.lead;
    addDeal(c, title, c.name(k), [terr], { seller: null }, 0.7);
  }
}

/** "Rights for Italy and Spain have gone to I Wonder Pictures and Avalon, respectively": territories and buyers paired in order. */
function extractRespectively(c: Ctx): void {
  const n = c.toks.length;
  const r = c.toks.indexOf('respectively');
  if (r < 0) return;
  if (!/\b(?:gone to|went to|go to|acquired by|picked up by|sold to|bought by|taken by|to)\b/.test(c.words(0, r))) return;
  const terrs: string[] = [];
  const orgs: string[] = [];
  for (let j = 0; j < r; j++) {
    if (
      c.isTerr(j) &&
      (c.item(j).ent === 'territory' ||
        /^(?:rights|territories)$/.test(c.tok(j + 1)) ||
        c.tok(j - 1) === 'for' ||
        c.tok(j - 1) === 'and' ||
        c.tok(j - 1) === ',')
    ) {
      const e = c.terr(j);
      if (e) terrs.push(e);
    } else if (
      (/^[CE]\d+$/.test(c.tok(j)) && c.isCompanyName(j)) ||
      (/^[CE]\d+$/.test(c.tok(j)) && /\b(?:to|by)\b/.test(c.words(j - 4, j)) && !personLike(c, j))
    )
      orgs.push(c.name(j));
  }
  if (terrs.length < 2 || terrs.length !== orgs.length) return;
  const title = firstTitle(c) ?? c.st.focus ?? c.st.lead;
  const seller = sentenceSeller(c);
  terrs.forEach((t, i) => addDeal(c, title, orgs[i], [t], { seller }, 0.8));
  void n;
}

/** "French distribution is handled by Pyramide", "U.K. rights are held by Curzon": a deal told the other way round. */
function extractHandledBy(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v < n; v++) {
    const m = /^(?:theatrical |cinema |tv |svod |home entertainment )?(?:distribution|release|rights) (?:in|for|across) $/.exec(
      c.words(v, v + 3).replace(/[RN]\d+.*$/, ''),
    );
    if (!m) continue;
    const at = v + m[0].trim().split(' ').length;
    const l = c.terrList(at);
    if (!l.exprs.length) continue;
    const w = c.words(l.end, l.end + 6);
    const m2 = /^(?:is|are|will be|has been|have been) (?:being )?(?:handled|held|taken|controlled|owned|picked up|acquired) by\b/.exec(w);
    if (!m2) continue;
    const k = l.end + m2[0].split(' ').length;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    addDeal(c, title, c.name(k), l.exprs, { seller: null }, 0.75);
  }
  for (let v = 0; v < n; v++) {
    if (!c.isTerr(v)) continue;
    const l = c.terrList(v);
    const w = c.words(l.end, l.end + 8);
    const m =
      /^(?:(?:theatrical|svod|tv|home entertainment|streaming) )?(?:distribution|release|rights)(?: rights)?(?: (?:of|for|to|on) (T\d+))? (?:is|are|will be|has been|have been) (?:being )?(?:handled|held|taken|controlled|owned|picked up|acquired) by\b/.exec(
        w,
      );
    if (!m) continue;
    const k = l.end + m[0].split(' ').length;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const title = (m[1] ? c.sk.items[Number(m[1].slice(1))].text : null) ?? lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    const media = validMedia(c.toks.slice(l.end, l.end + 2).filter((x) => MEDIA_WORDS.has(x)));
    addDeal(c, title, c.name(k), l.exprs, { seller: null, media }, 0.75);
  }
}

// ------------------------------------------------------------------ a deal's details told after it

/** "The deal, worth a reported $2.5 million, was brokered by Cinetic on behalf of the filmmakers.": the price and the seller of the latest deal. */
function extractDealDetails(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  const payer = c.toks.findIndex(
    (t, k) =>
      /^[CE]\d+$/.test(t) &&
      /\b(?:paid|paying|pay)\b/.test(c.words(k + 1, k + 7)) &&
      c.st.deals.some((d) => nk(d.fields.buyer) === nk(c.name(k))),
  );
  if (
    !/\bthe (?:deal|pact|acquisition|agreement|sale|purchase|price tag)\b|\bthe (?:distributor|company|streamer) (?:paid|is paying)\b/.test(
      text,
    ) &&
    payer < 0
  )
    return;
  if (dealsHere(c).length) return;
  const deal =
    payer >= 0
      ? [...c.st.deals].reverse().find((d) => nk(d.fields.buyer) === nk(c.name(payer)))
      : [...c.st.deals].reverse().find((d) => d.span[0] < c.sent.start);
  if (!deal) return;
  const f = deal.fields;
  for (let j = 0; j < n; j++) {
    if (!/^M\d+$/.test(c.tok(j)) || f.price) continue;
    const before = c.toks.slice(Math.max(0, j - 5), j);
    if (!before.some((w) => MONEY_INTRO.has(w) || w === 'paid' || w === 'valued')) continue;
    f.price = c.item(j).money ?? null;
    if (/\bregion\b/.test(before.join(' ')) && !f.priceNote) f.priceNote = 'in the region of';
    const note = before.filter((w) =>
      ['reported', 'around', 'about', 'nearly', 'close', 'roughly', 'approximately', 'some', 'than', 'estimated'].includes(w),
    );
    if (note.length && !f.priceNote) f.priceNote = note.join(' ').replace(/^close$/, 'close to');
  }
  const tier = /\b(?:low-|mid-|high-)?(?:six|seven|eight|nine)-figure\b/.exec(text);
  if (tier && !f.priceNote) f.priceNote = tier[0];
  const by = brokeredBy(c, 0);
  if (by && !f.seller && nk(by) !== nk(f.buyer)) f.seller = by;
  if ((f.price || by) && !hasSpanAt(c.st, deal, c.sent.start)) pushSpan(c.st, deal, c.span());
}

// ------------------------------------------------------------------ negotiators

function extractNegotiators(c: Ctx): void {
  const n = c.toks.length;
  const cue = c.toks.findIndex((t) => /^(?:negotiated|negotiating|brokered|hammered|repped|represented|struck|closed)$/.test(t));
  if (cue < 0 || !/\bdeals?\b|\bnegotiated\b|\bbrokered\b/.test(c.words(0, n))) return;
  if (!/\bnegotiat|\bbroker/.test(c.words(0, n))) return;
  const people: NegotiatorFields[] = [];
  const companies: string[] = [];
  let behalfSeller = false;
  for (let j = 0; j < n; j++) {
    const t = c.tok(j);
    if (
      (/^[CE]\d+$/.test(t) && c.isCompanyName(j)) ||
      (/^[CE]\d+$/.test(t) && c.raw(j).endsWith("'s") && c.item(j).text.split(' ').length >= 1 && !personLike(c, j))
    ) {
      companies.push(c.name(j));
      continue;
    }
    if (!/^[PE]\d+$/.test(t) || c.isCompanyName(j)) continue;
    if (!personLike(c, j)) continue;
    const name = c.name(j);
    // the person's company: "X of C", "X at C", "C's X", "C co-presidents X and Y"
    let company: string | null = null;
    if ((c.tok(j + 1) === 'of' || c.tok(j + 1) === 'at' || c.tok(j + 1) === 'from') && /^[CE]\d+$/.test(c.tok(j + 2)))
      company = c.name(j + 2);
    if (!company) {
      for (let b = j - 1; b >= Math.max(0, j - 8); b--) {
        const bt = c.tok(b);
        if (/^[CE]\d+$/.test(bt) && (c.raw(b).endsWith("'s") || c.isCompanyName(b)) && !personLike(c, b)) {
          const between = c.toks.slice(b + 1, j);
          if (between.every((x) => /^[a-z-]+$/.test(x) || x === 'and' || x === ',' || /^[PE]\d+$/.test(x))) company = c.name(b);
          break;
        }
        if (bt === 'with' || bt === 'negotiated' || bt === 'by' || bt === '.') break;
      }
    }
    if (!company && (c.tok(j + 1) === 'negotiated' || c.tok(j + 2) === 'negotiated')) {
      // "X negotiated the deal for C"
      const f = c.toks.indexOf('for', j);
      if (f > 0 && f < j + 8 && /^[CE]\d+$/.test(c.tok(f + 1))) company = c.name(f + 1);
    }
    if (!company && /^(?:for|on behalf of)$/.test(c.tok(j + 1)) && /^[CE]\d+$/.test(c.tok(j + 2))) company = c.name(j + 2);
    let side: NegotiatorFields['side'] = null;
    const after = c.words(j + 1, j + 6);
    if (
      /^(?:negotiated |and \S+ negotiated )?(?:for|on behalf of) the (?:distributor|buyer|streamer|studio|company)\b/.test(after) ||
      /^and [PE]\d+ negotiated for the (?:distributor|buyer|streamer)/.test(after)
    )
      side = 'licensee';
    if (/\bon behalf of the (?:filmmakers|producers|sellers|sales company)\b/.test(after)) side = 'licensor';
    people.push({ name, company, side });
    learn(c.st.reg, name, 'person');
  }
  if (/\bon behalf of the (?:filmmakers|producers|sellers)\b/.test(c.words(0, n))) behalfSeller = true;
  // which deal: one whose buyer is named, else the latest of this paragraph, else the lead
  const named = new Set([...companies, ...people.map((p) => p.company)].filter((x): x is string => !!x).map(nk));
  const deals = c.st.deals;
  if (!deals.length) return;
  const both = /\bboth deals\b|\bthe deals\b|\ball (?:three|the) deals\b/.test(c.words(0, n));
  let targets = deals.filter((d) => named.has(nk(d.fields.buyer)));
  if (targets.length > 1) targets = [targets[0]];
  if (!targets.length) {
    const recent = deals.filter((d) => d.span[0] >= c.sent.start - 2000).slice(both ? -2 : -1);
    targets = recent.length ? recent : [deals[0]];
  }
  for (const d of targets) {
    const f = d.fields;
    for (const p of people) {
      let side = p.side;
      if (p.company && nk(p.company) === nk(f.buyer)) side = 'licensee';
      else if (p.company && f.seller && nk(p.company) === nk(f.seller)) side = 'licensor';
      else if (p.company && !side) side = 'licensor';
      if (!side && behalfSeller) side = 'licensor';
      if (!f.negotiators.some((x) => nk(x.name) === nk(p.name))) f.negotiators.push({ ...p, side });
      if (side === 'licensor' && p.company && !f.seller && nk(p.company) !== nk(f.buyer)) f.seller = p.company;
    }
    // a company negotiating for the other side: the seller ("with The Match Factory", "brokered by Cinetic on behalf of the filmmakers")
    if (!f.seller) {
      const other = companies.find(
        (x) => nk(x) !== nk(f.buyer) && !people.some((p) => p.company && nk(p.company) === nk(x) && p.side === 'licensee'),
      );
      if (other) f.seller = other;
    }
    if (!hasSpanAt(c.st, d, c.sent.start) && d.span[0] !== c.sent.start) pushSpan(c.st, d, c.span());
  }
}

function personLike(c: Ctx, j: number): boolean {
  const it = c.item(j);
  if (it.ent === 'person') return true;
  if (it.ent === 'company') return false;
  const name = it.name ?? it.text;
  const known = c.st.reg.kinds.get(nk(name)) ?? resolveShort(c.st.reg, name)?.kind;
  if (known) return known === 'person';
  const words = name.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every(
      (w) =>
        /^\p{Lu}(?:[\p{Ll}'’]{1,3}\p{Lu})?[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u.test(w) ||
        /^(?:de|van|von|del|da|di|le|la|dos|das|du|bin)$/.test(w),
    )
  );
}

// ------------------------------------------------------------------ festivals, awards

/** The festival at token j with its year (edition number, explicit year, this/last year's, a date in the sentence, or the tense). */
function festivalOf(c: Ctx, j: number): FestCtx {
  const it = c.item(j);
  const ev = it.event!;
  let edition: number | null = null;
  let year: number | null = null;
  let relative: -1 | 0 | 1 | null = null;
  const prev = c.tok(j - 1);
  const ord = /^(\d+)(?:st|nd|rd|th)$/.exec(prev);
  if (ord) edition = Number(ord[1]);
  if (/^(?:19|20)\d{2}$/.test(prev)) year = Number(prev);
  if (/^(?:19|20)\d{2}$/.test(c.tok(j + 1))) year = Number(c.tok(j + 1));
  const before = c.words(j - 3, j);
  if (/\bthis year's$|\bthis year$/.test(before)) relative = 0;
  if (/\blast year's$/.test(before)) relative = -1;
  if (/\bnext year's$/.test(before)) relative = 1;
  if (!year && edition === null && relative === null) {
    // a date right after: "at Locarno in 2018", "at Venice last month", "in Cannes in May"
    const after = c.dates.find((d) => d.abs >= it.end && d.abs - it.end < 40);
    const near = after ?? c.dates.find((d) => Math.abs(d.abs - it.start) < 60 && d.precision !== 'day');
    if (near) year = near.year;
  }
  const y = eventYear(ev, c.st.date, { edition, year, relative, tense: localTense(c, j) });
  return { event: ev, year: y, edition: edition ?? yearEdition(ev, y) };
}

function localTense(c: Ctx, j: number): Tense {
  const around = c.words(Math.max(0, j - 12), Math.min(c.toks.length, j + 4));
  return tenseOf(around);
}

function premiereOf(text: string): PremiereStatus | null {
  const m =
    /\b(world|international|north american|european|u\.s\.|uk|u\.k\.|canadian|asian|french|german|italian|spanish|latin american)[- ]premier/.exec(
      text,
    );
  if (!m) return null;
  const w = m[1];
  if (w === 'world') return 'world';
  if (w === 'international') return 'international';
  if (w === 'north american') return 'north-american';
  if (w === 'european') return 'european';
  return 'national';
}

const SELECTION_CUES =
  /\b(?:premieres?|premiered|premiering|world-premieres?|bows?|bowed|bowing|debuts?|debuted|debuting|plays?|played|playing|screens?|screened|screening|competes?|competed|competing|in competition|out of competition|entry|entries|selection|selected|lineup|line-up|opens?|opened|opening|opener|closes|closed|closing|closer|kicked off|kicks off|unspools|unspooled|title|titles|launch(?:es|ed)? (?:in|at)|set for|heads? to|heading to|will open|will close|sidebar|strand|section|program|programme|slot)\b/;
const PRONOUN_IN_SENTENCE =
  /\b(?:its|it|the film|the title|the movie|the (?:N\d+ )?(?:drama|documentary|doc|comedy|thriller|feature|picture|debut|animation|western|horror|chiller))\b/;

/** Opening or closing night: the festival opens/closes with the title, the title opens/closes the festival, "closing night film". */
function slotOf(text: string, fcode: string | null): SelectionSlot | null {
  const F = fcode ? `(?:${fcode}|the festival|the fest)\\b` : '(?:the festival|the fest)\\b';
  if (
    new RegExp(`\\b${F}(?:'s)? (?:will |is set to |is to |is due to )?(?:open|opens|opened|kick(?:s|ed)? off)\\b`).test(text) ||
    new RegExp(
      `\\b(?:open|opens|opened|opening|to open|kick(?:s|ed)? off|kicking off) (?:the )?(?:\\d+\\w* )?(?:edition of )?${F}(?!'s S\\d+| S\\d+)`,
    ).test(text) ||
    /\bopening[- ]night\b|\bopening (?:film|gala|selection|title)\b|(?<!S\d+ )\bopener\b/.test(text)
  )
    return 'opening-night';
  if (
    new RegExp(`\\b${F}(?:'s)? (?:will |is set to |is to |is due to )?(?:close|closes|closed|wrap|wraps)\\b(?! on)`).test(text) ||
    new RegExp(`\\b(?:close|closes|closed|closing|to close) (?:the )?(?:\\d+\\w* )?(?:edition of )?${F}(?!'s S\\d+| S\\d+)`).test(text) ||
    /\bclosing[- ]night\b|\bclosing (?:film|gala|selection|title)\b|(?<!S\d+ )\bcloser\b/.test(text)
  )
    return 'closing-night';
  return null;
}

function extractFestival(c: Ctx): void {
  const n = c.toks.length;
  const festIdx: number[] = [];
  for (let j = 0; j < n; j++) if (/^F\d+$/.test(c.tok(j)) && c.item(j).event && c.item(j).event!.kind !== 'market') festIdx.push(j);
  const sentenceText = c.words(0, n);
  const sectionIdx = c.toks.findIndex((t) => /^S\d+$/.test(t));
  let fest: FestCtx | null = null;
  if (festIdx.length) fest = festivalOf(c, festIdx[0]);
  // a section named without its festival: "Platform title", "Gala Presentations program"
  if (!fest && sectionIdx >= 0) {
    const ev = eventOfSection(c.item(sectionIdx).text);
    if (ev)
      fest = c.st.festival?.event === ev ? c.st.festival : { event: ev, year: eventYear(ev, c.st.date, { tense: c.tense }), edition: null };
  }
  let contextual = false;
  const ctxFest = c.st.festivalParagraph === c.sent.paragraph ? c.st.festival : (c.st.mainFestival ?? c.st.festival);
  if (
    !fest &&
    ctxFest &&
    (/\bthe festival\b|\bthe fest\b|\bthe lineup\b|\bentry\b|\bentries\b|\bthe competition\b|\b(?:in|out of) competition\b|\bopener\b|\bcloser\b|\bgala title\b|\bS\d+\b/.test(
      c.sk.text,
    ) ||
      (c.st.festivalParagraph === c.sent.paragraph &&
        /\b(?:premiered|debuted|bowed|screened|world premieres?|also premiered|also debuted)\b/.test(sentenceText)))
  ) {
    fest = ctxFest;
    contextual = true;
  }
  void contextual;
  // awards first: they name winners
  extractAwards(c, fest);
  // withdrawals
  const wIdx = c.toks.findIndex((t) => /^(?:pulled|withdrawn|withdrew|yanked|removed|dropped|exited)$/.test(t));
  if (wIdx >= 0 && fest && festIdx.length && /\b(?:from|out of)\b/.test(c.words(wIdx, wIdx + 8))) {
    let title: string | null = null;
    for (let j = wIdx - 1; j >= 0; j--) {
      const [t] = c.titleAt(j);
      if (t) {
        title = t;
        break;
      }
    }
    title ??= c.st.focus ?? c.st.lead;
    let section: string | null = null;
    if (sectionIdx >= 0) section = cleanSection(c.item(sectionIdx).text);
    else if (/\bfrom (?:the )?competition\b|\bin competition\b|\bcompetition (?:lineup|slate)\b/.test(sentenceText))
      section = 'Competition';
    // the reason: after due to / because of / citing / over / after
    let reason: string | null = null;
    for (let j = wIdx; j < n; j++) {
      if (/^(?:due|because|citing|cited|over|after|amid|following|for)$/.test(c.tok(j))) {
        let k = j + 1;
        if (c.tok(j) === 'due' || c.tok(j) === 'because') k++;
        if (/^Q\d+$/.test(c.tok(k))) {
          reason = c.item(k).text;
          break;
        }
        if (c.tok(j) === 'for' && !/reasons?|concerns?/.test(c.words(k, k + 4))) continue;
        const it = c.item(k);
        if (!it) break;
        // plain words up to the next comma: "after a member of its cast tested positive for Covid-19, organisers said"
        let e = k;
        while (e < n && ![',', '.', ';', '-'].includes(c.tok(e))) e++;
        const last = c.item(e - 1);
        if (last && e > k)
          reason = c.sent.text
            .slice(it.start - c.sent.start, last.end - c.sent.start)
            .replace(/^["']|["']$/g, '')
            .trim();
        break;
      }
    }
    if (title) {
      add(
        c.st,
        'withdrawal',
        { title, festival: fest.event.name, year: fest.year, edition: fest.edition, section, reason },
        0.85,
        c.span(),
      );
      c.st.focus = title;
    }
    c.st.festival = fest;
    c.st.festivalParagraph = c.sent.paragraph;
    return;
  }
  if (!fest) return;
  c.st.festival = fest;
  if (festIdx.length) c.st.festivalParagraph = c.sent.paragraph;
  if (festIdx.length && !c.st.mainFestival && fest.event.kind === 'festival') c.st.mainFestival = fest;
  if (fest.event.kind === 'awards' && festIdx.length === 1) return;
  // festival references: festivals named, and sections that name theirs ("Midnight Madness opener")
  const refs: Array<{ ctx: FestCtx; at: number }> = [];
  for (const j of festIdx) if (c.item(j).event!.kind === 'festival') refs.push({ ctx: festivalOf(c, j), at: j });
  for (let j = 0; j < n; j++) {
    if (!/^S\d+$/.test(c.tok(j)) || refs.some((r) => r.at >= 0 && Math.abs(r.at - j) <= 3)) continue;
    const ev = eventOfSection(c.item(j).text);
    if (!ev) continue;
    const ctx =
      c.st.festival?.event === ev
        ? c.st.festival
        : c.st.mainFestival?.event === ev
          ? c.st.mainFestival
          : { event: ev, year: eventYear(ev, c.st.date, { tense: localTense(c, j) }), edition: null };
    refs.push({ ctx, at: j });
  }
  if (!refs.length && !festIdx.length) refs.push({ ctx: fest, at: -1 });
  if (!refs.length) return;
  // clauses: a relative clause, "while", ";" start a new one
  const clause: number[] = [];
  let cl = 0;
  for (let j = 0; j < n; j++) {
    if (
      c.tok(j) === ';' ||
      c.tok(j) === 'while' ||
      c.tok(j) === 'whereas' ||
      (c.tok(j) === ',' && /^(?:both|all|each) of which$/.test(c.words(j + 1, j + 4)))
    )
      cl++;
    clause.push(cl);
  }
  const titles: Array<{ title: string; idx: number }> = [];
  for (let j = 0; j < n; j++) if (c.isTitle(j)) titles.push({ title: c.item(j).text, idx: j });
  const pronoun = PRONOUN_IN_SENTENCE.test(c.sk.text);
  const winnersHere = new Set(
    factsHere(c)
      .filter((f) => f.type === 'award')
      .map((f) => nk(f.fields.title)),
  );
  // premieres: "the North American premiere of X's T" per title, else the sentence's
  const premiereByItem = new Map<number, PremiereStatus | null>();
  for (let j = 0; j < n; j++) {
    if (c.tok(j) !== 'premiere' || c.tok(j + 1) !== 'of') continue;
    let k = j + 2;
    while (k < n && k < j + 6 && !c.isTitle(k)) k++;
    if (c.isTitle(k)) premiereByItem.set(k, premiereOf(c.plain(Math.max(0, j - 3), j + 1)));
  }
  const sentencePremiere = premiereOf(c.plain(0, n));
  const slotVerb = c.toks.findIndex(
    (t, k) =>
      /^(?:open|opens|opened|opening|opener|close|closes|closing|closer|kicks|kicked)$/.test(t) &&
      !/^(?:theatrically|to|weekend|deals?|a)$/.test(c.tok(k + 1)),
  );
  const bothOf = (at: number) => at >= 0 && /\b(?:both|all|each) of which\b|\bwhich both\b/.test(c.words(Math.max(0, at - 6), at));
  const nearestRef = (idx: number) => {
    const same = refs.filter((r) => r.at < 0 || clause[r.at] === clause[idx]);
    const pool = same.length ? same : refs;
    return pool.reduce((best, r) => (Math.abs(r.at - idx) < Math.abs(best.at - idx) ? r : best), pool[0]);
  };
  const accepted = (ref: { at: number }): boolean => {
    const { at } = ref;
    const near = at >= 0 ? c.words(Math.max(0, at - 7), Math.min(n, at + 5)) : sentenceText;
    const fItem = at >= 0 ? c.item(at) : null;
    const bound = !!fItem?.mod && /^(?:bound|selected|bowing|premiering|shortlisted)$/.test(fItem.mod);
    if (at >= 0 && /^S\d+$/.test(c.tok(at))) return true;
    const awardOnly =
      at >= 0 &&
      /\b(?:won|wins|took|scooped|awarded|named|prize|winner|tied)\b/.test(c.words(Math.max(0, at - 8), at)) &&
      !/\b(?:premiere|premiered|debuted|bowed|screened|entry|competition)\b/.test(c.words(Math.max(0, at - 8), at + 2));
    if (awardOnly) return false;
    const titleCue = titles.some((t) =>
      /\b(?:entry|entries|opener|closer|premiere|premieres|premiered|selection)\b/.test(c.words(Math.max(0, t.idx - 3), t.idx + 3)),
    );
    // "Sundance sensation T", "Cannes darling T": the festival, a word or two, the title
    const describes =
      at >= 0 &&
      /^(?:[a-z-]+ ){1,2}T\d+/.test(c.words(at + 1, at + 4)) &&
      !/^(?:market|jury|president|director|head|chief|programmer|organisers|organizers|board)\b/.test(c.words(at + 1, at + 2));
    return (
      bound ||
      titleCue ||
      describes ||
      SELECTION_CUES.test(near) ||
      /\bS\d+\b/.test(near) ||
      (at >= 0 &&
        /^(?:[a-z-]+ )?(?:title|entry|premiere|opener|closer|documentary|doc|drama|comedy|thriller|horror|film|feature|prize-winner|winner|hit|selection|pic)\b/.test(
          c.words(at + 1, at + 3),
        ))
    );
  };
  const addSel = (ref: { ctx: FestCtx; at: number }, title: string, idx: number) => {
    const { ctx, at } = ref;
    let section: string | null = null;
    const secNear = c.toks.findIndex(
      (tok, k) => /^S\d+$/.test(tok) && (at < 0 || Math.abs(k - at) <= 8) && (idx < 0 || clause[k] === clause[idx] || k === at),
    );
    if (secNear >= 0) section = cleanSection(c.item(secNear).text);
    const local = idx >= 0 ? c.words(Math.max(0, idx - 6), Math.min(n, idx + 8)) : sentenceText;
    if (
      !section &&
      (/\bin competition\b|\bcompetition (?:entry|title|film|slot|lineup)\b|\bcompeting\b|\bcompetes?\b|\bmain competition\b/.test(local) ||
        /^(?:also )?in competition (?:are|is|will be)\b/.test(sentenceText) ||
        (at >= 0 && /^competition\b/.test(c.words(at + 1, at + 2)))) &&
      !/\bout of competition\b/.test(local)
    )
      section = 'Competition';
    if (!section && /\bmidnight (?:entry|title|section|screening)\b/.test(local)) section = 'Midnight';
    const premiere = premiereByItem.size
      ? (premiereByItem.get(idx) ?? null)
      : idx < 0 ||
          clause[idx] ===
            clause[
              Math.max(
                0,
                c.toks.findIndex((t) => t === 'premiere' || t === 'premieres'),
              )
            ]
        ? sentencePremiere
        : null;
    // the slot goes to the title next to "open"/"close" in its clause
    let slot: SelectionSlot | null = null;
    if (slotVerb >= 0) {
      const s = slotOf(c.sk.text, at >= 0 && /^F\d+$/.test(c.tok(at)) ? c.tok(at) : null);
      if (s) {
        const sameClause = titles.filter((t) => clause[t.idx] === clause[slotVerb]);
        const target = sameClause.length
          ? sameClause.reduce((b, t) => (Math.abs(t.idx - slotVerb) < Math.abs(b.idx - slotVerb) ? t : b), sameClause[0])
          : null;
        if ((target && target.idx === idx) || (idx < 0 && !titles.length)) slot = s;
      }
    }
    add(
      c.st,
      'selection',
      { title, festival: ctx.event.name, year: ctx.year, edition: ctx.edition, section, premiere, slot },
      at < 0 ? 0.65 : 0.8,
      c.span(),
    );
  };
  let pickedAny = false;
  for (const t of titles) {
    if (winnersHere.has(nk(t.title)) && !/\b(?:premiered|debuted|bowed|screened|played|in competition|entry)\b/.test(sentenceText))
      continue;
    if (/\bknown for\b|\bprevious (?:film|feature)\b|\bearlier (?:film|feature)\b/.test(c.words(Math.max(0, t.idx - 6), t.idx))) continue;
    const ref = nearestRef(t.idx);
    if (!accepted(ref)) continue;
    const win = c.words(Math.max(0, t.idx - 7), Math.min(n, t.idx + 8));
    const single =
      titles.length === 1 ||
      (ref.at < 0 &&
        /\b(?:premiered|debuted|bowed|screened|played|premieres|plays|screens|in competition|out of competition|lineup|selected)\b/.test(
          sentenceText,
        ));
    if (!single && !SELECTION_CUES.test(win) && !(ref.at >= 0 && Math.abs(t.idx - ref.at) <= 8) && !/\bS\d+\b/.test(win)) continue;
    addSel(ref, t.title, t.idx);
    pickedAny = true;
    // "both of which debuted in Cannes": every title of the sentence played there too
    for (const r of refs) if (r !== ref && bothOf(r.at) && accepted(r)) addSel(r, t.title, t.idx);
  }
  if (!pickedAny && !titles.length && pronoun) {
    const pm = PRONOUN_IN_SENTENCE.exec(c.sk.text);
    const pAt = pm ? c.sk.text.slice(0, pm.index).split(' ').length - 1 : n;
    const antecedent = lastTitleBefore(c, pAt) ?? c.st.focus ?? c.st.lead;
    if (antecedent) for (const r of refs) if (accepted(r)) addSel(r, antecedent, -1);
  }
}

function cleanSection(s: string): string {
  return s.replace(/^the\s+/i, '').replace(/\s+(?:section|sidebar|strand|program|programme)$/i, '');
}

const AWARD_WORDS =
  /\b(?:won|wins|win|took|takes|take|scooped|picked up|claimed|bagged|nabbed|awarded|went to|goes to|go to|was shared|were shared|shared|tied|named|received|receives|earned|winner|winning|winners)\b/;

function extractAwards(c: Ctx, fest: FestCtx | null): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  if (!AWARD_WORDS.test(text) && !/\bA\d+/.test(c.sk.text) && !c.sk.items.some((it) => it.mod === 'winning')) return;
  const awardFest = (j: number): FestCtx | null => {
    // the festival of this prize: in the sentence after it, else the sentence's, else the article's
    for (let k = j; k < n; k++) if (/^F\d+$/.test(c.tok(k)) && c.item(k).event) return festivalOf(c, k);
    return fest ?? c.st.festival;
  };
  const awardName = (j: number): { name: string; end: number } => {
    let name = c.item(j).text.replace(/^the\s+/i, '');
    let k = j + 1;
    // "Silver Bear for best actress", "Oscar for best international feature", "Orizzonti award for best film"
    if (/^S\d+$/.test(c.tok(j)) && /^(?:award|prize)$/.test(c.tok(k))) {
      name = `${name} ${c.tok(k) === 'award' ? 'Award' : 'Prize'}`;
      k++;
    }
    if (c.tok(k) === 'for' && c.tok(k + 1) === 'best') {
      let e = k + 2;
      const words: string[] = [];
      while (
        e < n &&
        /^[a-z-]+$/.test(c.tok(e)) &&
        !['at', 'in', 'on', 'was', 'went', 'and', 'for', 'to', 'with'].includes(c.tok(e)) &&
        words.length < 4
      )
        words.push(c.toks[e++]);
      if (words.length) {
        name = `${name} for Best ${words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')}`;
        k = e;
      }
    }
    return { name, end: k };
  };
  // "T won the A", "T took (home) the A", "A went to T", "the A winner T", "T and T tied for the A", "A was shared by P for T and P for T"
  for (let j = 0; j < n; j++) {
    const ceremonyPrize =
      /^F\d+$/.test(c.tok(j)) &&
      c.item(j).event?.kind === 'awards' &&
      !c.item(j).mod &&
      /\b(?:won|wins|win|took|takes|scooped|claimed|picked up|received|earned|the)$/.test(c.words(j - 2, j)) &&
      !/^(?:awards?|ceremony|race)$/.test(c.tok(j + 1));
    const isAward = /^A\d+$/.test(c.tok(j)) || (/^S\d+$/.test(c.tok(j)) && /^(?:award|prize)$/.test(c.tok(j + 1))) || ceremonyPrize;
    // "the Oscar-winning T"
    if (/^[AF]\d+$/.test(c.tok(j)) && c.item(j).mod === 'winning') {
      const [t] = c.titleAt(j + 1);
      const title = t ?? (c.isTitle(j + 2) ? c.item(j + 2).text : null);
      if (title) {
        const ev = c.item(j).event ?? findEvent(c.item(j).text);
        const f = ev ? { event: ev, year: null as number | null, edition: null as number | null } : awardFest(j);
        if (f)
          add(
            c.st,
            'award',
            {
              title,
              festival: f.event.name,
              year: f.year,
              edition: f.edition,
              award: ev?.kind === 'awards' ? (ev.shortName === 'Oscars' ? 'Oscar' : ev.name) : c.item(j).text,
              tied: false,
              person: null,
            },
            0.6,
            c.span(),
          );
      }
      continue;
    }
    if (!isAward) continue;
    const { name: rawName, end } = awardName(j);
    const name = ceremonyPrize
      ? rawName.replace(/^(?:Oscars?|Academy Awards?)\b/i, 'Oscar').replace(/^Golden Globes?\b/i, 'Golden Globe')
      : rawName;
    const f = awardFest(end) ?? (ceremonyPrize ? { event: c.item(j).event!, year: null, edition: null } : null);
    if (!f) continue;
    const before = c.words(Math.max(0, j - 6), j);
    const after = c.words(end, Math.min(n, end + 12));
    const winners: Array<{ title: string; person: string | null }> = [];
    let tied = false;
    // A went to / was awarded to / was shared by / was shared between
    const went = /^(?:went|goes|go) to\b|^(?:was|were) (?:awarded|given|presented) to\b/.exec(after);
    const shared = /^(?:was|were) (?:shared|split) (?:by|between)\b/.exec(after);
    if (went || shared) {
      tied = !!shared;
      let k = end + (went ?? shared)![0].split(' ').length;
      // "to Dutch filmmaker Pieter de Vries' T", "by P for T and P for T"
      for (; k < n && winners.length < 4; k++) {
        const t = c.tok(k);
        if (t === ';' || t === 'while' || t === '.') break;
        if (t === ',' && c.tok(k + 1) === 'while') break;
        if (c.isTitle(k)) {
          let person: string | null = null;
          if (c.tok(k - 1) === 'for' && /^[PE]\d+$/.test(c.tok(k - 2)) && personLike(c, k - 2)) person = c.name(k - 2);
          winners.push({ title: c.item(k).text, person });
        }
      }
    }
    // the A winner T
    if (!winners.length && /^winner\b/.test(after) && c.isTitle(end + 1)) winners.push({ title: c.item(end + 1).text, person: null });
    // T won the A / took home the A / tied for the A / P was named best director for T
    if (
      !winners.length &&
      /\b(?:won|wins|win|took|takes|scooped|picked up|claimed|bagged|nabbed|received|earned|tied for|shared|took home|was awarded|named)(?: home)?(?: the)?$/.test(
        before,
      )
    ) {
      tied = /\btied for\b|\bshared\b/.test(before);
      const vb =
        j -
        1 -
        before
          .split(' ')
          .reverse()
          .findIndex((w) =>
            /^(?:won|wins|win|took|takes|scooped|picked|claimed|bagged|nabbed|received|earned|tied|shared|awarded|named)$/.test(w),
          );
      // the subject: titles before the verb ("T and T tied"), "which" → the title before it, a pronoun → focus
      for (let k = vb - 1; k >= 0; k--) {
        const t = c.tok(k);
        if (c.isTitle(k)) {
          winners.unshift({ title: c.item(k).text, person: null });
          if (c.tok(k - 1) === 'and' && c.isTitle(k - 2)) {
            winners.unshift({ title: c.item(k - 2).text, person: null });
          }
          break;
        }
        if (t === 'which' && c.tok(k - 1) === ',') {
          // "Memoria starring Tilda Swinton, which tied for": the nearest title before
          const tt = lastTitleBefore(c, k);
          if (tt) winners.unshift({ title: tt, person: null });
          break;
        }
        const [pt] = c.titleAt(k - 1);
        if ((/^(?:it)$/.test(t) || (pt && !c.isTitle(k - 1) && PRONOUN_TITLE.test(c.words(k - 1, k + 1)))) && (c.st.focus ?? c.st.lead)) {
          winners.unshift({ title: pt ?? (c.st.focus ?? c.st.lead)!, person: null });
          break;
        }
        if (t === ';' || t === 'while') break;
      }
    }
    // "P was named best director for T"
    if (!winners.length) {
      const m = /^named best (\w+(?: \w+)?) for$/.exec(c.words(j - 3, j));
      void m;
    }
    // "T shared the Special Jury Prize with Argentine drama T2"
    if (winners.length === 1 && /\b(?:shared|tied|split)\b/.test(before) && c.tok(end) === 'with') {
      for (let k = end + 1; k < Math.min(n, end + 6); k++)
        if (c.isTitle(k)) {
          winners.push({ title: c.item(k).text, person: null });
          tied = true;
          break;
        }
    }
    for (const w of winners) {
      add(
        c.st,
        'award',
        { title: w.title, festival: f.event.name, year: f.year, edition: f.edition, award: name, tied, person: w.person },
        0.85,
        c.span(),
      );
      c.st.winnerOf.set(nk(name), w.title);
      if (w.person) {
        add(c.st, 'credit', { title: w.title, role: 'cast', name: w.person, character: null }, 0.6, c.span());
        learn(c.st.reg, w.person, 'person');
      }
    }
    if (winners.length) c.st.festival = f;
  }
  // "T, which also won best director for P": a lower-case prize for a person
  for (let j = 0; j < n; j++) {
    const m =
      /^(?:also )?(?:won|took|picked up|earned|received|claimed) (?:the )?(?:prize for |award for )?best (director|actor|actress|screenplay|cinematography|supporting actor|supporting actress) for$/.exec(
        c.words(j, j + 7).replace(/ [PE]\d+.*$/, ''),
      );
    if (!m) continue;
    const k = j + m[0].split(' ').length;
    if (!/^[PE]\d+$/.test(c.tok(k))) continue;
    const f = fest ?? c.st.festival;
    if (!f) continue;
    let title: string | null = null;
    if (c.tok(j - 1) === 'which' || c.tok(j - 2) === 'which') title = lastTitleBefore(c, j);
    else
      for (let b = j - 1; b >= 0; b--)
        if (c.isTitle(b)) {
          title = c.item(b).text;
          break;
        }
    if (!title) continue;
    const role = m[1];
    const person = resolveShort(c.st.reg, c.item(k).text)?.name ?? c.name(k);
    add(
      c.st,
      'award',
      {
        title,
        festival: f.event.name,
        year: f.year,
        edition: f.edition,
        award: `Best ${role.replace(/\b\w/g, (x) => x.toUpperCase())}`,
        tied: false,
        person,
      },
      0.75,
      c.span(),
    );
    if (role === 'director') addCredit(c, title, 'director', person, 0.75);
    else if (/actor|actress/.test(role)) addCredit(c, title, 'cast', person, 0.7);
  }
  // "P was named best director for T": a prize written in lower case
  for (let j = 0; j < n; j++) {
    if (!c.seq(j, ['was', 'named', 'best']) && !c.seq(j, ['won', 'best']) && !c.seq(j, ['took', 'best'])) continue;
    const k = j + (c.tok(j) === 'was' ? 3 : 2);
    const role = c.tok(k);
    if (!/^(?:director|actor|actress|screenplay|cinematography)$/.test(role) || c.tok(k + 1) !== 'for' || !c.isTitle(k + 2)) continue;
    const f = fest ?? c.st.festival;
    if (!f) continue;
    const p = /^[PE]\d+$/.test(c.tok(j - 1)) ? c.name(j - 1) : null;
    const title = c.item(k + 2).text;
    add(
      c.st,
      'award',
      {
        title,
        festival: f.event.name,
        year: f.year,
        edition: f.edition,
        award: `Best ${role[0].toUpperCase()}${role.slice(1)}`,
        tied: false,
        person: p,
      },
      0.75,
      c.span(),
    );
    if (p && role === 'director') addCredit(c, title, 'director', p, 0.75);
    if (p && (role === 'actor' || role === 'actress')) addCredit(c, title, 'cast', p, 0.7);
  }
}

// ------------------------------------------------------------------ box office and releases

function isoCountry(expr: string | null): string | null {
  if (!expr) return null;
  if (/^(?:north america|domestic)$/i.test(expr)) return 'US';
  const direct = findCountry(expr.replace(/^the\s+/i, ''));
  if (direct) return direct;
  try {
    const codes = territoryCodes(parseTerritories(expr));
    return codes.length === 1 ? codes[0] : null;
  } catch {
    return null;
  }
}

const GROSS_VERBS =
  /^(?:grossed|grosses|gross|earned|earns|earning|took|takes|taking|made|makes|collected|collects|racked|raked|pulled|banked|opened|debuted|bowed|scored|amassed|crossed|passed|topped|lifting|bringing|reached|reaching|hauled|generated|added|adding|adds|totals?|totaling|totalling|sold)$/;
/** The country a currency's gross is almost always reported for, when the sentence names none. */
const CURRENCY_HOME: Record<string, string> = {
  CNY: 'CN',
  JPY: 'JP',
  KRW: 'KR',
  INR: 'IN',
  GBP: 'GB',
  THB: 'TH',
  BRL: 'BR',
  MXN: 'MX',
  TRY: 'TR',
  PLN: 'PL',
  DKK: 'DK',
  SEK: 'SE',
  NOK: 'NO',
  CHF: 'CH',
  RUB: 'RU',
  HKD: 'HK',
  TWD: 'TW',
  AUD: 'AU',
  NZD: 'NZ',
  CZK: 'CZ',
  HUF: 'HU',
  ARS: 'AR',
  CLP: 'CL',
  COP: 'CO',
  ZAR: 'ZA',
  EGP: 'EG',
  SAR: 'SA',
  AED: 'AE',
  IDR: 'ID',
  PHP: 'PH',
  VND: 'VN',
  MYR: 'MY',
  SGD: 'SG',
  ILS: 'IL',
};

function extractBoxOffice(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  for (let j = 0; j < n; j++) {
    if (!/^M\d+$/.test(c.tok(j))) continue;
    const money = c.item(j).money!;
    // a conversion in brackets after another amount is the same gross
    if (c.tok(j - 1) === '(' && /^M\d+$/.test(c.tok(j - 2))) continue;
    const before = c.words(Math.max(0, j - 8), j);
    const vb =
      /\b(grossed|grosses|earned|earns|took|taking|takes|made|collected|racked up|raked in|pulled in|banked|opened to|opened with|debuted to|debuted with|bowed to|bowed with|scored|amassed|crossed|passed|topped|lifting its (?:cumulative |running )?total to|bringing its (?:cumulative |running )?total to|its (?:cumulative |running )?total (?:to|of|stands at)|reached|hauled in|generated|added|adding|adds|total of|tally of|haul of|cume of)(?: (?:the|a|an|another|over|nearly|almost|about|around|some|more than|an estimated|a further|an additional))*(?: \w+)?$/.exec(
        before,
      );
    if (
      !vb ||
      (/\b(?:for|paid|paying|worth|offered|deal|budget|price)\b/.test(c.words(j - 2, j)) &&
        !/\bgross|earn|took|total/.test(c.words(j - 2, j)))
    )
      continue;
    if (/\b(?:paid|paying|offered|bid|deal|worth|budget|fund|financing|raised|invest)\b/.test(c.words(j - 3, j))) continue;
    // the title: a title before the verb in the clause, a pronoun → focus
    const vIdx =
      j -
      1 -
      before
        .split(' ')
        .reverse()
        .findIndex((w) => GROSS_VERBS.test(w) || w === 'total');
    let title: string | null = null;
    for (let k = vIdx - 1; k >= 0; k--) {
      if (c.isTitle(k)) {
        title = c.item(k).text;
        break;
      }
      // "it"/"its" inside the sentence points back to its title ("... earned ¥850 million, lifting its total")
      if (/^(?:it|its)$/.test(c.tok(k)) && k > 0) continue;
      const [t] = c.titleAt(k);
      if (t) {
        title = t;
        break;
      }
    }
    title ??= c.st.focus ?? c.st.lead;
    if (!title) continue;
    // territory: "in China", "at the Spanish box office", "worldwide", "in North America", "domestically"; the sentence's "In South Korea,"
    let territory: string | null | undefined;
    const after = c.words(j + 1, Math.min(n, j + 8));
    const local = c.words(Math.max(0, vIdx - 12), Math.min(n, j + 8));
    if (
      /^(?:\( M\d+ \) )?(?:worldwide|globally|world-wide|around the world|across the globe|internationally)\b/.test(after) ||
      /\bworldwide\b|\bglobal(?:ly)? (?:box office|total|cume)\b/.test(c.words(j + 1, j + 4))
    )
      territory = null;
    const terrNear = (from: number, to: number): string | null => {
      for (let k = from; k < to; k++) {
        if (
          c.isTerr(k) &&
          (c.tok(k - 1) === 'in' ||
            c.tok(k - 1) === 'across' ||
            c.tok(k + 1) === 'box' ||
            (c.item(k).ent === 'nationality' && c.tok(k + 1) === 'box'))
        )
          return isoCountry(c.terr(k));
        if (c.tok(k) === 'domestically' || (c.tok(k) === 'domestic' && c.tok(k + 1) === 'box')) return 'US';
      }
      return null;
    };
    if (territory === undefined) {
      let ce = j + 1;
      while (
        ce < n &&
        !/^(?:;|\.|while|but|whereas)$/.test(c.tok(ce)) &&
        !(c.tok(ce) === ',' && /^(?:while|and|lifting|bringing)$/.test(c.tok(ce + 1)))
      )
        ce++;
      // the title's own country adjective: "Japanese hit T earned ... in Japan"
      const t = terrNear(j + 1, Math.max(ce, Math.min(n, j + 8))) ?? terrNear(Math.max(0, vIdx - 12), vIdx + 1) ?? terrNear(0, n);
      if (t) territory = t;
    }
    if (territory === undefined) {
      // "where it grossed": the territory of "in China, where"
      for (let k = vIdx; k >= 0; k--)
        if (c.tok(k) === 'where' && c.isTerr(k - 2)) {
          territory = isoCountry(c.terr(k - 2));
          break;
        }
    }
    // "RMB 2 billion", "¥1.1 billion": the currency's own country, when the sentence names no other
    if (territory === undefined && CURRENCY_HOME[money.currency] && !/\bworldwide\b|\bglobal/.test(c.words(0, n)))
      territory = CURRENCY_HOME[money.currency];
    if (territory === undefined) territory = null;
    // period: opening weekend, first week, a date
    const period =
      /\b(?:opening|first|debut|second|third|fourth|fifth|sixth|consecutive) (?:weekend|week|frame|day|days)\b|\bfive-day (?:\w+ )*holiday\b|\bholiday\b|\bweekend\b/.exec(
        local,
      )?.[0] ?? null;
    const cumulative =
      /\bcumulative\b|\brunning total\b|\bto date\b|\bso far\b|\bsince\b|\btotal\b|\bhas (?:grossed|earned|taken)\b|\bhave (?:grossed|earned)\b/.test(
        c.words(vIdx - 3, Math.min(n, j + 8)),
      ) || !period;
    let periodStart: string | null = null;
    let periodEnd: string | null = null;
    const dm = c.dates.filter((d) => d.abs >= c.item(Math.max(0, vIdx - 12)).start);
    const sinceDate = c.dates.find(
      (d) =>
        /\bsince (?:its )?$/.test(
          c.sent.text
            .slice(0, d.abs - c.sent.start)
            .slice(-12)
            .toLowerCase(),
        ) || /^\S* ?release/.test(c.sent.text.slice(d.abs - c.sent.start + (d.end - d.start)).trim()),
    );
    if (sinceDate) periodStart = firstDay(sinceDate.value);
    else if (dm.length && !period) {
      const d = dm[0];
      periodStart = firstDay(d.value);
      if (d.precision === 'year') periodEnd = `${d.value}-12-31`;
    }
    const asOf = periodEnd ? null : c.st.date;
    add(
      c.st,
      'boxOffice',
      {
        title,
        territory,
        amount: money.amount,
        currency: money.currency,
        periodStart,
        periodEnd,
        asOf,
        cumulative: (cumulative && !/\bweekend\b|\bweek\b/.test(period ?? '')) || /\bcumulative|total\b/.test(c.words(vIdx - 3, j)),
        period,
      },
      0.8,
      c.span(),
    );
  }
  void text;
}

const RELEASE_VERBS = /^(?:debuted|debuts|opened|opens|opening|released|releases|releasing|bowed|bows|hit|hits|launched|premiered)$/;

function extractReleases(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  for (let j = 0; j < n; j++) {
    const t = c.tok(j);
    let verbAt = -1;
    if (t === 'opening' && !/^(?:on|in)$/.test(c.tok(j + 1))) continue;
    if (
      (RELEASE_VERBS.test(t) && !/^F\d+$/.test(c.tok(j + 1)) && !/^(?:the|at|in competition)$/.test(c.tok(j + 1))) ||
      (t === 'release' &&
        (c.tok(j - 1) !== 'a' ||
          /^(?:a (?:theatrical |limited |wide |cinema |day-and-date )?release in)$/.test(c.words(j - 2, j + 2)) ||
          /^a (?:theatrical|limited|wide|cinema|day-and-date)$/.test(c.words(j - 2, j))))
    )
      verbAt = j;
    if (verbAt < 0) continue;
    // a festival near makes it a premiere, not a release
    const win = c.words(Math.max(0, j - 2), Math.min(n, j + 8));
    if (/\bF\d+\b/.test(win) || /\bfestival\b|\bfest\b|\bsection\b|\bcompetition\b/.test(win)) continue;
    if (t === 'premiered' && !/\btheatrically|theaters|cinemas\b/.test(win)) continue;
    // territory: "in China", "in North America", "in Spain"
    let territory: string | null = null;
    let terrAt = -1;
    for (let k = Math.max(0, j - 6); k < Math.min(n, j + 9); k++) {
      if (c.isTerr(k) && c.item(k).ent === 'territory' && (c.tok(k - 1) === 'in' || c.tok(k - 1) === 'across')) {
        territory = isoCountry(c.terr(k));
        terrAt = k;
        if (k > j) break;
      }
      // a city stands for its country: "a theatrical release in New York on June 14"
      const city = c.item(k)?.kind === 'ent' ? CITY_COUNTRY[c.item(k).text.toLowerCase()] : undefined;
      if (city && c.tok(k - 1) === 'in' && k > j && !territory) {
        territory = city;
        terrAt = k;
        break;
      }
    }
    if (!territory && t === 'release') {
      for (let k = 0; k < n; k++)
        if (c.isTerr(k) && c.item(k).ent === 'territory' && c.tok(k - 1) === 'in') {
          territory = isoCountry(c.terr(k));
          terrAt = k;
        }
    }
    // the country of the sentence's box office ("topped the Japanese box office ... since its Oct. 16 release")
    if (!territory && (t === 'release' || t === 'opened' || t === 'opening')) {
      const bo = factsHere(c).find((f) => f.type === 'boxOffice' && f.fields.territory);
      if (bo && bo.type === 'boxOffice') territory = bo.fields.territory;
    }
    // the distributor's own territory: "Pyramide Distribution, which will release it on Nov. 23"
    if (!territory) {
      const dIdx =
        /^[CE]\d+$/.test(c.tok(j - 2)) && /^(?:will|to)$/.test(c.tok(j - 1))
          ? j - 2
          : /^[CE]\d+$/.test(c.tok(j - 4)) && c.tok(j - 3) === ',' && c.tok(j - 2) === 'which'
            ? j - 4
            : -1;
      if (dIdx >= 0) {
        const deal = c.st.deals.find((d) => nk(d.fields.buyer) === nk(c.name(dIdx)) && d.fields.territories);
        const code = deal ? isoCountry(deal.fields.territories) : null;
        if (code) territory = code;
      }
    }
    if (!territory) continue;
    // the date near the verb: "debuted last November", "opened on May 1", "since its Jan. 22 release", "on Nov. 18", "in November"
    const verbItem = c.item(j);
    const near = c.dates.filter(
      (d) =>
        (Math.abs(d.abs - verbItem.start) < 45 && d.precision !== 'year') ||
        (d.precision === 'year' && d.abs > verbItem.start && d.abs - verbItem.end < 20),
    );
    const date = near.sort((a, b) => Math.abs(a.abs - verbItem.start) - Math.abs(b.abs - verbItem.start))[0];
    if (!date && !(/^(?:opened|debuted|released|bowed|launched)$/.test(t) && /\bthrough\b|\bvia\b|\bby\b/.test(win))) continue;
    // the title: subject before the verb
    let title: string | null = null;
    for (let k = j - 1; k >= 0; k--) {
      const [tt] = c.titleAt(k);
      if (tt) {
        title = tt;
        break;
      }
    }
    if (!title)
      for (let k = j; k < n; k++)
        if (c.isTitle(k)) {
          title = c.item(k).text;
          break;
        }
    title ??= c.st.focus ?? c.st.lead;
    if (!title) continue;
    // distributor: "through Well Go USA", "via Filmax", "ORG will release the film"
    let distributor: string | null = null;
    for (let k = Math.max(0, j - 4); k < Math.min(n, j + 10); k++) {
      if (
        (c.tok(k) === 'through' || c.tok(k) === 'via' || (c.tok(k) === 'by' && c.tok(k - 1) === 'released')) &&
        /^[CE]\d+$/.test(c.tok(k + 1))
      )
        distributor = c.name(k + 1);
    }
    if (!distributor && /^[CE]\d+$/.test(c.tok(j - 2)) && /^(?:will|to|is|are)$/.test(c.tok(j - 1))) distributor = c.name(j - 2);
    if (!distributor && /^[CE]\d+$/.test(c.tok(j - 4)) && c.tok(j - 3) === ',' && c.tok(j - 2) === 'which') distributor = c.name(j - 4);
    if (!distributor && /^[CE]\d+$/.test(c.tok(j - 1)) && c.isCompanyName(j - 1)) distributor = c.name(j - 1);
    if (!distributor && c.tok(j) === 'release' && /^[CE]\d+$/.test(c.tok(j - 1))) distributor = c.name(j - 1);
    // "Oscilloscope plans a theatrical release", "Vertigo has picked up ... and will release the film"
    if (!distributor)
      for (let k = j - 1; k >= Math.max(0, j - 5); k--) {
        if (
          /^[CE]\d+$/.test(c.tok(k)) &&
          c.isCompanyName(k) &&
          /^(?:plans|is planning|will|has set|sets|is set to)/.test(c.words(k + 1, k + 3))
        ) {
          distributor = c.name(k);
          break;
        }
      }
    if (!distributor && c.tok(j - 1) === 'will' && c.tok(j - 2) === 'and') {
      const d = dealsHere(c)[0];
      if (d) distributor = d.fields.buyer;
    }
    void terrAt;
    add(c.st, 'release', { title, territory, date: date ? date.value : null, distributor }, date ? 0.75 : 0.6, c.span());
  }
  void text;
}

// ------------------------------------------------------------------ credits, companies, source, status

function addCredit(c: Ctx, title: string | null, role: CreditRole, name: string, conf: number, character: string | null = null): void {
  if (!title || !name) return;
  const full = resolveShort(c.st.reg, name);
  const person = full && full.kind === 'person' ? full.name : name;
  if (c.st.reg.kinds.get(nk(person)) === 'company') return;
  add(c.st, 'credit', { title, role, name: person, character }, conf, c.span());
  learn(c.st.reg, person, 'person');
  if (role === 'director') {
    c.st.directorOf.set(nk(title), person);
    if (!c.st.titleByDirector.has(nk(person))) c.st.titleByDirector.set(nk(person), title);
    c.st.focusPerson = person;
    if (!c.st.roleOf.has(nk(person))) c.st.roleOf.set(nk(person), 'director');
  } else if (!c.st.roleOf.has(nk(person))) c.st.roleOf.set(nk(person), role);
}

/** People named in a list from token k: "P, P and P", skipping role words and nationalities. */
function peopleList(c: Ctx, k: number, limit: number): { names: string[]; end: number } {
  const names: string[] = [];
  let j = k;
  while (j < limit) {
    const t = c.tok(j);
    if (
      /^[PE]\d+$/.test(t) &&
      (personLike(c, j) ||
        c.item(j).ent === 'person' ||
        resolveShort(c.st.reg, c.item(j).text)?.kind === 'person' ||
        (c.item(j).ent === 'name' && !c.isCompanyName(j) && c.item(j).text.split(' ').length === 1))
    ) {
      if (c.raw(j).endsWith("'s")) break;
      names.push(c.name(j));
      j++;
      continue;
    }
    const roleWord = (w: string) =>
      (PERSON_ROLE_WORDS.has(w) && w !== 'star' && w !== 'stars') ||
      [
        'newcomer',
        'star',
        'playwright',
        'co-star',
        'the',
        'fellow',
        'first-time',
        'veteran',
        'helmer',
        'auteur',
        'rising',
        'young',
        'acclaimed',
        'comedian',
        'singer',
        'rapper',
        'model',
      ].includes(w);
    if ([',', 'and', '&'].includes(t) || /^N\d+$/.test(t) || (/^R\d+$/.test(t) && c.item(j).ent === 'nationality') || roleWord(t)) {
      if ((t === ',' || t === 'and') && !(/^[PENR]\d+$/.test(c.tok(j + 1)) || roleWord(c.tok(j + 1)))) break;
      j++;
      continue;
    }
    break;
  }
  return { names, end: j };
}

function extractCredits(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  // the title a credit phrase is about: a title in its clause, else the subject pronoun's
  const subjectTitle = (at: number): string | null => {
    // "the film, directed by X, ..." / "Directed by X, the film ..." / "T, written by"
    const cs = c.clauseStart(at);
    for (let k = at - 1; k >= Math.max(0, at - 10); k--) {
      const [t] = c.titleAt(k);
      if (t) return t;
      if (c.tok(k) === '.' || c.tok(k) === ';') break;
    }
    void cs;
    for (let k = at; k < n; k++) {
      const [t] = c.titleAt(k);
      if (t) return t;
    }
    return c.st.focus ?? c.st.lead;
  };
  for (let j = 0; j < n; j++) {
    const t = c.tok(j);
    const nxt = c.tok(j + 1);
    // written and directed by / directed by / helmed by / written by / from a screenplay by / produced by / co-written by
    if (
      t === 'directed' ||
      t === 'helmed' ||
      t === 'written' ||
      t === 'co-written' ||
      t === 'penned' ||
      (/^(?:produced|co-produced|executive-produced|exec-produced)$/.test(t) && nxt === 'by') ||
      t === 'scripted' ||
      t === 'starring' ||
      t === 'stars' ||
      t === 'star' ||
      t === 'featuring' ||
      t === 'toplined' ||
      (t === 'screenplay' && nxt === 'by') ||
      (t === 'script' && nxt === 'by') ||
      (t === 'led' && nxt === 'by' && /\bcast\b/.test(c.words(j - 3, j)))
    ) {
      let roles: CreditRole[] = [];
      let k = j + 1;
      if (t === 'written' && c.seq(j + 1, ['and', 'directed', 'by'])) {
        roles = ['writer', 'director'];
        k = j + 4;
      } else if (t === 'directed' && c.seq(j + 1, ['and', 'written', 'by'])) {
        roles = ['director', 'writer'];
        k = j + 4;
      } else if (['directed', 'helmed'].includes(t) && nxt === 'by') {
        roles = ['director'];
        k = j + 2;
      } else if (['written', 'co-written', 'penned', 'scripted'].includes(t) && nxt === 'by') {
        roles = ['writer'];
        k = j + 2;
      } else if ((t === 'screenplay' || t === 'script') && nxt === 'by') {
        roles = ['writer'];
        k = j + 2;
      } else if (['produced', 'co-produced', 'executive-produced', 'exec-produced'].includes(t) && nxt === 'by') {
        roles = [t === 'produced' ? 'producer' : t === 'co-produced' ? 'producer' : 'executive-producer'];
        k = j + 2;
      } else if (t === 'starring' || t === 'featuring' || (t === 'toplined' && nxt === 'by') || (t === 'led' && nxt === 'by')) {
        roles = ['cast'];
        k = t === 'toplined' || t === 'led' ? j + 2 : j + 1;
      } else if (
        (t === 'stars' || t === 'star') &&
        !/^(?:in|as|on|at|of)$/.test(nxt) &&
        c.tok(j - 1) !== 'the' &&
        !/^N\d+$/.test(c.tok(j - 1))
      ) {
        roles = ['cast'];
        k = j + 1;
      } else continue;
      const limit = c.clauseEnd(k);
      if (roles[0] === 'producer' || roles[0] === 'executive-producer') {
        extractProducers(c, k, limit, subjectTitle(j), t === 'co-produced');
        continue;
      }
      const list = peopleList(c, k, limit);
      // "Tilda Swinton and Honor Swinton Byrne star."
      if (!list.names.length && roles[0] === 'cast' && (t === 'star' || t === 'stars') && /^(?:\.|,|in|alongside)?$/.test(nxt)) {
        const names: string[] = [];
        let b = j - 1;
        while (b >= 0 && (/^[PE]\d+$/.test(c.tok(b)) || c.tok(b) === 'and' || c.tok(b) === ',')) {
          if (/^[PE]\d+$/.test(c.tok(b)) && personLike(c, b)) names.unshift(c.name(b));
          b--;
        }
        if (b < 0) for (const name of names) addCredit(c, c.st.focus ?? c.st.lead, 'cast', name, 0.75);
        continue;
      }
      if (!list.names.length) continue;
      const title = roles[0] === 'cast' && c.isTitle(j - 1) ? c.item(j - 1).text : subjectTitle(j);
      for (const role of roles)
        for (const name of list.names) {
          // "stars X as Princess Diana"
          let character: string | null = null;
          if (role === 'cast' && list.names.length === 1 && c.tok(list.end) === 'as' && /^[PEX]\d+$/.test(c.tok(list.end + 1)))
            character = c.name(list.end + 1);
          addCredit(c, title, role, name, 0.85, character);
        }
      // "alongside X and Y"
      if (roles[0] === 'cast' && c.tok(list.end) === 'alongside')
        for (const name of peopleList(c, list.end + 1, limit).names) addCredit(c, title, 'cast', name, 0.8);
      continue;
    }
    // "P wrote the screenplay (with P)", "P co-wrote the script with P"
    if (
      ((t === 'wrote' || t === 'co-wrote' || t === 'penned' || t === 'adapted' || t === 'co-writes' || t === 'writes') &&
        /^[PE]\d+$/.test(c.tok(j - 1)) &&
        personLike(c, j - 1)) ||
      (t === 'adapted' && c.tok(j - 1) === 'who' && /^[PE]\d+$/.test(c.tok(j - 3)))
    ) {
      if (t === 'adapted' && !/\bfrom\b/.test(c.words(j, j + 6))) continue;
      const who = c.tok(j - 1) === 'who' ? j - 3 : j - 1;
      const title = subjectTitle(j);
      addCredit(c, title, 'writer', c.name(who), 0.8);
      const w = c.toks.indexOf('with', j);
      if (w > 0 && w < j + 6) for (const name of peopleList(c, w + 1, c.clauseEnd(w)).names) addCredit(c, title, 'writer', name, 0.8);
      continue;
    }
    // "Edko Films, which produced the film with Bona Film Group"
    if (
      /^(?:produced|co-produced)$/.test(t) &&
      c.tok(j - 1) === 'which' &&
      c.tok(j - 2) === ',' &&
      /^[CE]\d+$/.test(c.tok(j - 3)) &&
      !personLike(c, j - 3)
    ) {
      const [tt, tn] = c.titleAt(j + 1);
      const title = tt ?? c.st.focus ?? c.st.lead;
      addCompany(c, title, t === 'produced' ? 'production' : 'co-production', c.name(j - 3));
      const w2 = j + 1 + tn;
      if (c.tok(w2) === 'with' && /^[CE]\d+$/.test(c.tok(w2 + 1)) && !personLike(c, w2 + 1))
        addCompany(c, title, 'production', c.name(w2 + 1));
      continue;
    }
    // "P produced with P under their C banner", "C produced."
    if (t === 'produced' && nxt !== 'by') {
      if (
        /^[CE]\d+$/.test(c.tok(j - 1)) &&
        (c.isCompanyName(j - 1) || c.tok(j + 1) === '.' || c.isTitle(j + 1) || /^(?:alongside|with)$/.test(c.tok(j + 1)))
      ) {
        const title = c.isTitle(j + 1) ? c.item(j + 1).text : subjectTitle(j);
        addCompany(c, title, 'production', c.name(j - 1));
        // "Blumhouse produced alongside Holt's Static Pictures banner"
        if (/^(?:alongside|with)$/.test(c.tok(j + 1))) {
          for (let k = j + 2; k < Math.min(n, j + 6); k++) {
            if (/^[CE]\d+$/.test(c.tok(k)) && !c.raw(k).endsWith("'s") && (c.isCompanyName(k) || c.tok(k + 1) === 'banner')) {
              addCompany(c, title, 'production', c.name(k));
              break;
            }
          }
        }
        continue;
      }
      if (/^[PE]\d+$/.test(c.tok(j - 1)) && personLike(c, j - 1)) {
        const title = subjectTitle(j);
        addCredit(c, title, 'producer', c.name(j - 1), 0.75);
        const w = c.toks.indexOf('with', j);
        if (w === j + 1) for (const name of peopleList(c, w + 1, c.clauseEnd(w)).names) addCredit(c, title, 'producer', name, 0.75);
        const banner = c.toks.findIndex((x, idx) => idx > j && x === 'banner');
        if (banner > 0 && /^[CE]\d+$/.test(c.tok(banner - 1))) addCompany(c, title, 'production', c.name(banner - 1));
      }
      continue;
    }
    // "is a C Production", "a C production"
    if (/^[CE]\d+$/.test(t) && /\bProduction$/.test(c.item(j).text) && (c.tok(j - 1) === 'a' || c.tok(j - 1) === 'an')) {
      addCompany(c, subjectTitle(j), 'production', c.item(j).text.replace(/\s+Production$/, ''));
      continue;
    }
    if (/^[CE]\d+$/.test(t) && (nxt === 'production' || nxt === 'co-production') && (c.tok(j - 1) === 'a' || c.tok(j - 1) === 'an')) {
      addCompany(c, subjectTitle(j), nxt === 'production' ? 'production' : 'co-production', c.name(j));
      continue;
    }
    // director's title: "Zhang Yimou's T", "director P's T", "P's drama T", "Laura Poitras' documentary T"
    if (/^[PE]\d+$/.test(t) && c.raw(j).endsWith("'s")) {
      let k = j + 1;
      while (
        k < n &&
        k < j + 5 &&
        /^(?:[a-z-]+)$/.test(c.tok(k)) &&
        !['and', 'with', 'as', 'is', 'was', 'has', 'for', 'to'].includes(c.tok(k))
      )
        k++;
      if (c.tok(k) === ',' && c.isTitle(k + 1)) k++;
      const desc = c.words(j + 1, k);
      const it = c.item(j);
      const asPerson = personLike(c, j) || resolveShort(c.st.reg, it.text)?.kind === 'person';
      if (!asPerson) continue;
      if (/\b(?:own|banner|company|slate|lineup|novel|book|memoir|play|story|script|screenplay|song|music|score)\b/.test(desc)) continue;
      if (c.isTitle(k)) {
        const role: CreditRole =
          c.st.roleOf.get(nk(resolveShort(c.st.reg, it.text)?.name ?? c.name(j))) === 'cast' &&
          !/director|filmmaker/.test(c.words(j - 3, j))
            ? 'director'
            : 'director';
        addCredit(c, c.item(k).text, role, c.name(j), 0.8);
        continue;
      }
      // "T, Mexican director Elena Campos' drama about ...", "Campos' film is sold ...", "Director Wang Lei's film": the appositive title, the director's title, else the focus
      const g =
        /^(?:(?:[a-z-]+|N\d+|[EXR]\d+) ){0,3}?(film|feature|movie|drama|documentary|doc|debut|comedy|thriller|romance|western|animation|animated feature|horror|satire|fable|biopic|epic|musical|sequel|follow-up|picture)\b/.exec(
          c.words(j + 1, j + 6),
        );
      if (g && !/\b(?:previous|earlier|last|next|second|first|third|latest|new|upcoming|own)\b/.test(c.words(j + 1, j + 4))) {
        const who = resolveShort(c.st.reg, it.text)?.name ?? c.name(j);
        let title: string | null = null;
        for (let b = j - 1; b >= Math.max(0, j - 6); b--) {
          if (c.isTitle(b) && c.tok(b + 1) === ',') {
            title = c.item(b).text;
            break;
          }
          if (!/^(?:[a-z-]+|N\d+|,)$/.test(c.tok(b))) break;
        }
        title ??=
          c.st.titleByDirector.get(nk(who)) ??
          (/\b(?:director|filmmaker|helmer|auteur)\b/.test(c.words(j - 2, j)) ? (lastTitleBefore(c, j) ?? c.st.focus ?? c.st.lead) : null);
        if (title) addCredit(c, title, 'director', c.name(j), 0.7);
      }
      continue;
    }
    // "from (first-time) director P" (after a title), "the feature debut of director P"
    if (
      (t === 'director' ||
        t === 'filmmaker' ||
        t === 'helmer' ||
        t === 'auteur' ||
        t === 'writer-director' ||
        t === 'writer/director' ||
        t === 'actor-turned-director' ||
        t === 'animator' ||
        t === 'documentarian') &&
      /^[PE]\d+$/.test(nxt) &&
      !c.raw(j + 1).endsWith("'s") &&
      personLike(c, j + 1)
    ) {
      const back = c.words(Math.max(0, j - 4), j);
      if (
        /\bfrom(?: \S+)?(?: first-time| debut| veteran| acclaimed| young| \S+)?$|\bof$|\bby$/.test(back) ||
        /\bdebut of\b|\bfeature from\b|\bfrom\b/.test(back)
      ) {
        const title = subjectTitle(j);
        addCredit(c, title, 'director', c.name(j + 1), 0.8);
        if (/^writer[-/]director$/.test(t)) addCredit(c, title, 'writer', c.name(j + 1), 0.8);
      }
      continue;
    }
    // "his/her (latest|previous|new) films include T and T", "P's previous feature, T,", "Her debut, T,"
    if (
      (t === 'his' || t === 'her' || t === 'their') &&
      /^(?:latest|previous|new|earlier|recent|next|debut|first|second|third|last|upcoming|feature|films|film|credits|sophomore)$/.test(nxt)
    ) {
      let person = c.st.focusPerson;
      for (let b = j - 1; b >= 0; b--)
        if (/^[PE]\d+$/.test(c.tok(b)) && personLike(c, b)) {
          person = resolveShort(c.st.reg, c.item(b).text)?.name ?? c.name(b);
          break;
        }
      if (!person) continue;
      let k = j + 1;
      while (k < n && k < j + 10 && !c.isTitle(k) && c.tok(k) !== '.') k++;
      if (!c.isTitle(k)) continue;
      const role = c.st.roleOf.get(nk(person)) ?? 'director';
      addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', person, 0.7);
      while ((c.tok(k + 1) === 'and' || c.tok(k + 1) === ',') && c.isTitle(k + 2)) {
        k += 2;
        addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', person, 0.7);
      }
      continue;
    }
    if (
      /^[PE]\d+$/.test(t) &&
      c.raw(j).endsWith("'s") &&
      /^(?:latest|previous|new|earlier|recent|next|debut|first|second|third|last)$/.test(nxt)
    ) {
      // handled above by the possessive rule's exclusion: "Ferreyra's previous feature, T, won"
      let k = j + 1;
      while (k < n && k < j + 6 && !c.isTitle(k)) k++;
      if (c.isTitle(k) && personLike(c, j)) addCredit(c, c.item(k).text, 'director', c.name(j), 0.75);
      continue;
    }
    // "P ... is known for T and T"
    if (t === 'known' && nxt === 'for' && c.isTitle(j + 2)) {
      let person: string | null = null;
      for (let k = j - 1; k >= 0; k--)
        if (/^[PE]\d+$/.test(c.tok(k)) && personLike(c, k)) {
          person = c.name(k);
          break;
        }
      person ??= /^(?:he|she)$/.test(c.tok(j - 2)) ? c.st.focusPerson : null;
      if (!person) continue;
      const full = resolveShort(c.st.reg, person)?.name ?? person;
      const role = c.st.roleOf.get(nk(full)) ?? 'director';
      let k = j + 2;
      addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', full, 0.7);
      while ((c.tok(k + 1) === 'and' || c.tok(k + 1) === ',') && c.isTitle(k + 2)) {
        k += 2;
        addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', full, 0.7);
      }
      continue;
    }
    // "Tilda Swinton and Honor Swinton Byrne star." / "... co-star"
    if (
      (t === 'star' || t === 'co-star' || t === 'costar') &&
      /^(?:\.|,|in|alongside|opposite|as)?$/.test(nxt) &&
      /^[PE]\d+$/.test(c.tok(j - 1))
    ) {
      const names: string[] = [];
      let k = j - 1;
      while (k >= 0 && (/^[PE]\d+$/.test(c.tok(k)) || c.tok(k) === 'and' || c.tok(k) === ',')) {
        if (/^[PE]\d+$/.test(c.tok(k)) && personLike(c, k)) names.unshift(c.name(k));
        k--;
      }
      if (k < 0 && names.length) for (const name of names) addCredit(c, c.st.focus ?? c.st.lead, 'cast', name, 0.75);
      continue;
    }
    // "T with P" (cast), only right after a title
    if (c.isTitle(j) && nxt === 'with' && /^[PE]\d+$/.test(c.tok(j + 2)) && personLike(c, j + 2) && !c.raw(j + 2).endsWith("'s")) {
      addCredit(c, c.item(j).text, 'cast', c.name(j + 2), 0.6);
      continue;
    }
    // "It stars P" handled by "stars"; "P stars in T"
    // "the feature debut of director P" handled; "P, who ..." skip
  }
  void text;
}

function addCompany(c: Ctx, title: string | null, role: TitleCompanyRole, company: string): void {
  if (!title || !company) return;
  const name = resolveShort(c.st.reg, company)?.name ?? company;
  add(c.st, 'titleCompany', { title, role, company: name }, 0.75, c.span());
  learn(c.st.reg, name, 'company');
}

/** "produced by X, Y and Z" : companies become production companies, people producers. */
function extractProducers(c: Ctx, k: number, limit: number, title: string | null, co: boolean): void {
  let j = k;
  while (j < limit) {
    const t = c.tok(j);
    if (/^[CEP]\d+$/.test(t)) {
      const it = c.item(j);
      if (c.raw(j).endsWith("'s")) {
        // "Ferreyra's own banner, Pampa Films", "Slovenia's Vertigo": skip the possessor
        j++;
        continue;
      }
      if (
        it.ent === 'company' ||
        c.isCompanyName(j) ||
        (!personLike(c, j) && it.text.split(' ').length === 1 && !resolveShort(c.st.reg, it.text))
      )
        addCompany(c, title, co ? 'co-production' : 'production', c.name(j));
      else addCredit(c, title, 'producer', c.name(j), 0.8);
      j++;
      continue;
    }
    if ((/^[RN]\d+$/.test(t) && c.raw(j).endsWith("'s")) || (/^[XCE]\d+$/.test(t) && c.item(j).mod === 'based')) {
      j++;
      continue;
    }
    if (
      [',', 'and', '&', 'own', 'banner', 'the', 'his', 'her', 'their', 'its', 'company', 'through', 'via', 'under', 'for'].includes(t) ||
      /^[RN]\d+$/.test(t)
    ) {
      j++;
      continue;
    }
    break;
  }
}

function extractSourceAndStatus(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  const src =
    /\b(?:adapted (?:it |the film |the script |the screenplay )?from|based on|adaptation of|adapting|inspired by|drawn from)\b(?: [^.;]*?)?\b(graphic novel|novel|short story|memoir|play|book|bestseller|best-seller|comic book|comic|manga|article|true story|podcast|short film|stage play|musical|biography|autobiography|poem|novella|video game)s?\b/.exec(
      text,
    );
  if (src) {
    const title = firstTitle(c) ?? c.st.focus ?? c.st.lead;
    const material =
      src[1] === 'bestseller' || src[1] === 'best-seller'
        ? 'novel'
        : src[1] === 'comic book'
          ? 'comic'
          : src[1] === 'stage play'
            ? 'play'
            : src[1];
    const note = null;
    if (title && !/\binspired by (?:a |the )?true\b/.test(text)) add(c.st, 'sourceMaterial', { title, material, note }, 0.8, c.span());
  }
  let status: ProductionStatus | null = null;
  if (
    /\b(?:wrapped|wraps) (?:production|shooting|filming|principal photography)\b|\b(?:production|shooting|filming|principal photography) (?:has |have )?wrapped\b|\bhas wrapped\b|\bin post-production\b|\bin post\b|\bcompleted (?:shooting|filming|production)\b/.test(
      text,
    )
  )
    status = 'wrapped';
  else if (
    /\b(?:has |have )?(?:begun|began|started|starts|kicked off|commenced) (?:shooting|filming|production|principal photography)\b|\bis (?:currently )?(?:shooting|filming)\b|\bare (?:currently )?(?:shooting|filming)\b|\bin production\b|\bcameras (?:are )?roll(?:ed|ing)\b|\bprincipal photography (?:is underway|has begun|began|started)\b|\bis now shooting\b|\bunderway in\b/.test(
      text,
    ) &&
    !/\bwill (?:begin|start)\b|\bbegins? in\b|\bstarts? in\b/.test(text)
  )
    status = 'production';
  else if (
    /\b(?:in (?:pre-production|development|preproduction)|is developing|are developing|set to (?:shoot|film|begin)|shoots (?:in|this|next|later)|films (?:in|this|next)|begins shooting|starts shooting|will (?:shoot|film|begin shooting|start shooting|go before cameras)|(?:principal photography|shooting|production|filming) (?:is set to |will )?(?:begins?|starts?|kicks off) (?:in|next|on|this|later)|is prepping|preps)\b/.test(
      text,
    )
  )
    status = 'development';
  if (status) {
    let title: string | null = null;
    const m =
      /\b(?:wrapped|wraps|shooting|filming|production|photography|begun|began|started|developing|prepping) (?:on )?(?:\S+ ){0,6}?T(\d+)/.exec(
        c.sk.text.replace(/'s/g, ''),
      );
    if (m) title = c.sk.items[Number(m[1])].text;
    title ??= firstTitle(c) ?? c.st.focus ?? c.st.lead;
    if (title) {
      add(c.st, 'productionStatus', { title, status }, 0.7, c.span());
      // "He recently wrapped production on T": the focus person directs it
      if (/^(?:he|she)$/.test(c.tok(0)) && c.st.focusPerson && c.isTitle(c.toks.findIndex((x) => /^T\d+$/.test(x)))) {
        const role = c.st.roleOf.get(nk(c.st.focusPerson)) ?? 'director';
        if (role === 'director') addCredit(c, title, 'director', c.st.focusPerson, 0.65);
      }
    }
  }
  // "C release", "C's upcoming slate includes T, T", "C also premiered T"
  for (let j = 0; j < n; j++) {
    if (!/^[CE]\d+$/.test(c.tok(j)) || !c.isCompanyName(j)) continue;
    const company = c.name(j);
    if (c.tok(j + 1) === 'release' && c.tok(j - 1) !== 'a' && c.tok(j - 1) !== 'its') {
      // "joins Celine Sciamma's T as the second Neon release": the titles of the sentence
      for (let k = 0; k < j; k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', company);
    }
    if (
      c.raw(j).endsWith("'s") &&
      /^(?:upcoming |new |fall |current |\d{4} )?(?:slate|lineup|line-up|releases)\b/.test(c.words(j + 1, j + 3))
    ) {
      for (let k = j + 1; k < c.clauseEnd(j + 1); k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', company);
    }
    if (
      /^(?:also )?(?:premiered|debuted|bowed|launched)$/.test(c.words(j + 1, j + 3).replace(/ .*/, '')) ||
      c.seq(j + 1, ['also', 'premiered']) ||
      /^(?:recently )?debuted (?:three|two|four|five|several|\w+) titles\b/.test(c.words(j + 1, j + 5))
    ) {
      for (let k = j + 1; k < n; k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', company);
    }
  }
  // "... for a running total of €18.4 million, distributor Constantin Film reported": the title's distributor
  for (let j = 0; j < n; j++) {
    if (
      c.tok(j) !== 'distributor' ||
      !/^[CE]\d+$/.test(c.tok(j + 1)) ||
      !/^(?:said|says|reported|reports|announced|told|confirmed)$/.test(c.tok(j + 2))
    )
      continue;
    const title = firstTitle(c) ?? c.st.focus;
    if (title) addCompany(c, title, 'distributor', c.name(j + 1));
  }
  // "It recently debuted three titles at Cannes, including T": the company
  if (/^it (?:recently |also )?(?:debuted|premiered|launched) (?:\w+ )?titles\b/.test(text) && c.st.focusCompany) {
    for (let k = 0; k < n; k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', c.st.focusCompany);
  }
  // "Out of Cannes, the company acquired T": the company distributes it
  for (const d of dealsHere(c)) {
    if (
      !d.fields.territories &&
      /^(?:acquired|acquires|nabbed|picked up|bought)$/.test(c.toks.find((x) => /^(?:acquired|acquires|nabbed|bought)$/.test(x)) ?? '') &&
      /\bthe company\b|\bthe distributor\b/.test(text)
    )
      addCompany(c, d.fields.title, 'distributor', d.fields.buyer);
    if (/\bdistributed\b/.test(text)) addCompany(c, d.fields.title, 'distributor', d.fields.buyer);
  }
}

function firstTitle(c: Ctx): string | null {
  for (let j = 0; j < c.toks.length; j++) if (c.isTitle(j)) return c.item(j).text;
  return null;
}

// ------------------------------------------------------------------ the article

function isHeadline(s: Sentence): boolean {
  const t = s.text.trim();
  if (/[.!?"”’']$/.test(t) && !/['’]$/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length < 3) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length > 0.6;
}

function runPass(
  text: string,
  view: string,
  sentences: Sentence[],
  date: string,
  reg: Registry,
  titleSpans: Span[] | undefined,
  guessed: Span[],
): State {
  const st = newState(date, reg);
  const spans = [...(titleSpans ?? [])].sort((a, b) => a[0] - b[0]);
  let ti = 0;
  let gi = 0;
  for (const s of sentences) {
    const headline = isHeadline(s);
    // the title spans inside this sentence only (spans are sorted): the sketch never reads the whole list
    while (ti < spans.length && spans[ti][0] < s.start) ti++;
    let tj = ti;
    while (tj < spans.length && spans[tj][0] < s.end) tj++;
    while (gi < guessed.length && guessed[gi][0] < s.start) gi++;
    let gj = gi;
    while (gj < guessed.length && guessed[gj][0] < s.end) gj++;
    const sk = sketchSentence(view, s.start, s.end, {
      registry: reg,
      titleSpans: spans.slice(ti, tj),
      guessedTitleSpans: guessed.slice(gi, gj),
      headline,
    });
    const tense = tenseOf(s.text);
    const dates = findDates(view.slice(s.start, s.end), date, tense).map((d) => ({ ...d, abs: s.start + d.start }));
    const c = new Ctx(st, sk, s, tense, dates);
    // learn people from role words and companies from deal slots before the rules read them
    if (!headline) {
      extractMandates(c);
      extractRumours(c);
    }
    extractDeals(c);
    if (!headline) {
      extractRespectively(c);
      extractHandledBy(c);
      extractDistributionHandling(c);
      extractNegotiators(c);
      extractDealDetails(c);
      extractFestival(c);
      extractBoxOffice(c);
      extractReleases(c);
      extractCredits(c);
      extractSourceAndStatus(c);
    }
    // the focus: the title of this sentence's main fact, when it names one
    const main = (st.factsAt.get(s.start) ?? []).find((f) =>
      ['deal', 'selection', 'withdrawal', 'boxOffice', 'release', 'mandate', 'productionStatus'].includes(f.type),
    );
    if (main) {
      const explicit = sk.items.some((it) => it.kind === 'title' && nk(it.text) === nk(main.fields.title));
      if (explicit || !st.focus) st.focus = main.fields.title;
    } else if (!st.focus) {
      const first = sk.items.find((it) => it.kind === 'title');
      if (first && !headline) st.focus = first.text;
    }
    if (!st.lead && st.focus) st.lead = st.focus;
    // the company in focus: a company that starts the sentence
    const firstEnt = sk.items.find((it) => it.kind === 'ent' || it.kind === 'title');
    if (firstEnt?.kind === 'ent' && firstEnt.ent === 'company' && !headline) st.focusCompany = firstEnt.name ?? firstEnt.text;
    // the person in focus: a person named with a director role
    const dir = sk.items.find(
      (it, i) =>
        it.kind === 'ent' &&
        (it.ent === 'person' || it.ent === 'name') &&
        /director|filmmaker|helmer|auteur/.test(sk.items[i - 1]?.text ?? ''),
    );
    if (dir) st.focusPerson = resolveShort(reg, dir.text)?.name ?? dir.name ?? dir.text;
  }
  return st;
}

/** Extracts candidate facts from an article's text. */
export function extractFacts(text: string, opts: ExtractOptions = {}): Extraction {
  const header = readHeader(text);
  const date = opts.date ?? header.date ?? new Date().toISOString().slice(0, 10);
  const view = matchingView(text);
  const sentences = segment(text, header.bodyStart);
  const seed = newRegistry();
  for (const p of opts.known?.people ?? []) learn(seed, p, 'person', false);
  for (const c of opts.known?.companies ?? []) learn(seed, c, 'company', false);
  for (const n of [...(opts.known?.people ?? []), ...(opts.known?.companies ?? [])]) seed.seeded.add(nameKey(n));
  // titles the text does not quote, from their context (titles.ts): not where italics say otherwise
  const guessed = withoutOverlap(findTitleSpans(view, sentences), opts.titleSpans ?? []);
  // pass 1 learns names; pass 2 extracts with them
  const first = runPass(text, view, sentences, date, cloneRegistry(seed), opts.titleSpans, guessed);
  const second = runPass(text, view, sentences, date, cloneRegistry(first.reg), opts.titleSpans, guessed);
  const facts = finish(second);
  return { date, bodyStart: header.bodyStart, sentences, facts };
}

/** The found spans (sorted) that overlap none of the given ones. */
function withoutOverlap(found: Span[], given: Span[]): Span[] {
  const a = [...given].sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  let i = 0;
  for (const sp of found) {
    while (i < a.length && a[i][1] <= sp[0]) i++;
    if (i < a.length && a[i][0] < sp[1]) continue;
    out.push(sp);
  }
  return out;
}

/** Final touches: sellers from mandates, people who are companies dropped, stable order. */
function finish(st: State): AnyFact[] {
  const out: AnyFact[] = [];
  for (const key of st.order) {
    const f = st.facts.get(key)!;
    if (f.type === 'deal') {
      const d = f.fields;
      if (!d.seller) {
        const m = st.mandates.get(nk(d.title));
        if (m && nk(m) !== nk(d.buyer)) d.seller = m;
      }
      if (d.territories === null && !d.negotiators.length && f.confidence > 0.6) f.confidence = Math.min(f.confidence, 0.75);
    }
    if (f.type === 'credit' && st.reg.kinds.get(nk(f.fields.name)) === 'company') continue;
    // a selection the article says was withdrawn is the withdrawal
    if (f.type === 'selection' && st.facts.has(`withdrawal|${nk(f.fields.title)}|${nk(f.fields.festival)}|${f.fields.year ?? ''}`))
      continue;
    if (f.type === 'titleCompany' && st.reg.kinds.get(nk(f.fields.company)) === 'person') continue;
    out.push(f);
  }
  // the sentence order of the evidence
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

export type { AnyFact, CandidateFact };
