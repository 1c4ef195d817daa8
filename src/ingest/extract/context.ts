/**
 * What every rule shares: the article's state (focus, festival, facts found so
 * far), the sentence being read (Ctx: its tokens, items, dates and title spans),
 * the cleaning of names, territories and media, adding and merging facts, and
 * the two readings most rules need: whether a name is a person's, and which
 * festival (and year) a festival name means.
 */
import { parseMedia } from '../../domain/media.js';
import { lookupTerritoryName, parseTerritories } from '../../domain/territories.js';
import type { CreditRole } from '../../store/index.js';
import { eventYear, tenseOf, type DateMention, type Tense } from '../dates.js';
import { yearEdition, type EventEntry } from '../lexicon.js';
import { resolveShort, territoryOf, type Item, type Registry, type Sketch } from '../sketch.js';
import { nameKey } from '../names.js';
import type { Sentence } from '../text.js';
import type { AnyFact, CandidateFact, DealFields, FactType, FieldsByType, Span } from '../types.js';
import { CLAUSE_BREAK, PRONOUN_TITLE, TERR_WORDS } from './words.js';
import { otherFilm } from './otherFilm.js';

export interface ExtractOptions {
  /** The article's date (YYYY-MM-DD); else the text's header date; else today. */
  date?: string | null;
  /** Title spans known from the HTML (italics). */
  titleSpans?: Span[];
  /** Names already in the catalog, to tell people from companies, and its titles (with aliases and original titles) to find unquoted. */
  known?: { people?: string[]; companies?: string[]; titles?: string[] };
  /** Called with each sentence of the second reading after its rules ran (for training and measuring). */
  onSentence?: (c: Ctx) => void;
}

export interface Extraction {
  date: string;
  bodyStart: number;
  sentences: Sentence[];
  facts: AnyFact[];
}

export interface FestCtx {
  event: EventEntry;
  year: number | null;
  edition: number | null;
}

export interface State {
  date: string;
  reg: Registry;
  lead: string | null;
  focus: string | null;
  /** The paragraph where the focus was last set. */
  focusParagraph: number;
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
  /** Every title the article has named so far (normalized). */
  titlesSeen: Set<string>;
  /** The first and last titles of the last sentence that named two or more: what `the former`, `the latter` mean. */
  pair: [string, string] | null;
}

export function newState(date: string, reg: Registry): State {
  return {
    date,
    reg,
    lead: null,
    focus: null,
    focusParagraph: -1,
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
    titlesSeen: new Set(),
    pair: null,
  };
}

export const nk = (s: string | null | undefined) => nameKey(s ?? '');

/** The facts this sentence told first (their span starts with it). */
export function factsHere(c: Ctx): AnyFact[] {
  return c.st.factsAt.get(c.sent.start) ?? [];
}

export function dealsHere(c: Ctx): Array<CandidateFact<'deal'>> {
  return factsHere(c).filter((f): f is CandidateFact<'deal'> => f.type === 'deal');
}

export class Ctx {
  readonly toks: string[];
  /** The tokens joined by single spaces, and where each starts in it (one more: past the end). */
  private readonly joined: string;
  private readonly at: number[];
  constructor(
    readonly st: State,
    readonly sk: Sketch,
    readonly sent: Sentence,
    readonly tense: Tense,
    readonly dates: Array<DateMention & { abs: number }>,
  ) {
    this.toks = sk.tokens.map((t) => t.replace(/'s$/, ''));
    this.joined = this.toks.join(' ');
    this.at = [0];
    for (const t of this.toks) this.at.push(this.at[this.at.length - 1] + t.length + 1);
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
    // only the phrases whose first word is the one at i can match
    for (const p of byFirstWord(phrases).get(this.toks[i]) ?? []) if (p.length > best && this.seq(i, p)) best = p.length;
    return best;
  }
  /**
   * The text of tokens [a, b) as words (codes kept), for cue tests: a piece of the sentence's words joined
   * once (the rules ask for some eighty windows of each sentence; joining each anew was a twentieth of the
   * extraction's time).
   */
  words(a: number, b: number): string {
    const n = this.toks.length;
    const from = Math.min(Math.max(0, a), n);
    const to = Math.min(Math.max(0, b), n);
    if (to <= from) return '';
    return this.joined.slice(this.at[from], this.at[to] - 1);
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
    // "the latter", "the former": the last or the first of the titles a sentence named together
    const which = this.tok(i) === 'the' ? /^(former|latter)$/.exec(this.tok(i + 1)) : null;
    if (which) {
      // (titles named earlier in this sentence first: "A and B are selling well, with the latter ...")
      const named: string[] = [];
      for (let k = 0; k < i; k++) if (this.isTitle(k)) named.push(this.item(k).text);
      if (named.length >= 2) return [which[1] === 'former' ? named[0] : named[named.length - 1], 2];
      return [this.st.pair?.[which[1] === 'former' ? 0 : 1] ?? null, 2];
    }
    for (let n = 4; n >= 1; n--) {
      const phrase = i >= 0 ? this.words(i, i + n) : this.toks.slice(i, i + n).join(' ');
      if (PRONOUN_TITLE.test(phrase)) {
        // an antecedent earlier in the sentence ("X bought T, and Y acquired the film for ..."), else the article's focus
        let before: string | null = null;
        // "it" too ("Curzon bought T for the U.K., and Kinofilm took it for Germany"), not "its", as often the company's
        if (phrase !== 'its')
          for (let k = i - 1; k >= 0; k--)
            if (this.isTitle(k) && !otherFilm(this, k, i)) {
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
      // "France and French-speaking Benelux": part of a country or group, which the record cannot hold; the list goes
      // on past it, and the deal does not claim the whole group
      if (exprs.length && /-speaking$/i.test(this.raw(k)) && this.item(k + 1)?.ent === 'territory') {
        k += 2;
        continue;
      }
      const isT = (this.isTerr(k) && natOk) || (TERR_WORDS[t] && t !== 'international');
      if (isT) {
        const e = this.terr(k);
        if (e) exprs.push(e);
        k++;
        if (this.item(k - 1)?.ent === 'nationality' && /^(?:territories|territory)$/.test(this.tok(k))) k++;
        continue;
      }
      // "Teleview in the Middle East and Norway's Fjordkino": a possessive territory is the next buyer's country
      if (exprs.length && this.raw(k + 1).endsWith("'s") && this.isOrg(k + 2)) break;
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
    // "the world excluding France", "worldwide, except China and Japan": what the rights leave out stays with them
    // (a deal read without its exclusion would claim the excluded territories)
    if (exprs.length) {
      let x = k;
      if (this.tok(x) === ',') x++;
      if (/^(?:excluding|except|exc\.?|ex|outside|minus|bar|barring|save)$/.test(this.tok(x))) {
        x++;
        if (this.tok(x) === 'for' || this.tok(x) === 'in') x++;
        const out = this.terrList(x, allowNationality);
        if (out.exprs.length) {
          exprs[exprs.length - 1] = `${exprs[exprs.length - 1]} excluding ${out.exprs.join(', ')}`;
          k = out.end;
        }
      }
    }
    return { exprs, end: k };
  }
}

/** Names as the catalog should show them. */
function cleanName(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[,;:]+$/, '')
    .trim();
}

/** A list of phrases (the rules' verb lists) by their first word: built once per list. */
const phraseIndex = new WeakMap<readonly string[][], Map<string, string[][]>>();

function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  let index = phraseIndex.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const list = index.get(p[0]);
      if (list) list.push(p);
      else index.set(p[0], [p]);
    }
    phraseIndex.set(phrases, index);
  }
  return index;
}

export function joinList(parts: string[]): string | null {
  const uniq: string[] = [];
  for (const p of parts) if (!uniq.some((u) => u.toLowerCase() === p.toLowerCase())) uniq.push(p);
  if (!uniq.length) return null;
  if (uniq.length === 1) return uniq[0];
  return `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`;
}

/** Expressions already parsed (a pure function of the text): bounded, cleared when full. */
const validMemo = new Map<string, boolean>();

export function validTerritories(expr: string | null): string | null {
  if (!expr) return null;
  let ok = validMemo.get(expr);
  if (ok === undefined) {
    try {
      parseTerritories(expr);
      ok = true;
    } catch {
      ok = false;
    }
    if (validMemo.size >= 10_000) validMemo.clear();
    validMemo.set(expr, ok);
  }
  return ok ? expr : null;
}

/** The words a territory phrase leaves territories out with (`the world excluding France`, `worldwide except China`). */
const EXCLUDING = /\s*,?\s+(?:excluding|except(?: for)?|outside(?: of)?|minus|bar|barring|save|ex)\s+/i;

/**
 * A territory phrase read from the words as written (`North American and Latin American`, `worldwide`, `the U.K.,
 * Ireland and Latin America`), spelt as the rules that read the sketch spell it: each place through the same reader
 * (a nationality as its place, `the` dropped, `worldwide` as Worldwide), joined as joinList joins them, what the rights
 * leave out after `excluding`. Null when the phrase is no territory; as written when a part is no place of its own.
 */
export function spellTerritories(phrase: string | null): string | null {
  if (!phrase) return null;
  const [kept, ...out] = phrase.split(EXCLUDING);
  if (out.length > 1) return validTerritories(phrase);
  const places = (part: string): string[] | null => {
    const names: string[] = [];
    for (const piece of part.split(/\s*,\s*(?:and\s+)?/)) {
      // "Bosnia and Herzegovina": a place whose name holds "and" stays whole
      const whole = placeName(piece);
      if (whole) {
        names.push(whole);
        continue;
      }
      for (const p of piece.split(/\s+(?:and|&)\s+|\s*[/&]\s*/)) {
        const one = placeName(p);
        if (!one) return null;
        names.push(one);
      }
    }
    return names;
  };
  const inside = places(kept);
  const left = out.length ? places(out[0]) : [];
  if (!inside || !left) return validTerritories(phrase);
  const spelt = left.length ? `${joinList(inside)} excluding ${left.join(', ')}` : joinList(inside);
  return validTerritories(spelt) ?? validTerritories(phrase);
}

/** One place as the sketch spells it (`North American` → North America, `the U.K.` → U.K., `worldwide` → Worldwide), or null. */
function placeName(written: string): string | null {
  const w = written.trim().replace(/^the\s+/i, '');
  if (!w) return null;
  const word = TERR_WORDS[w.toLowerCase()];
  if (word) return word === 'international' ? null : word;
  return territoryOf(w)?.expr ?? null;
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
export function validMedia(words: string[]): string | null {
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

function factKey(fact: AnyFact): string {
  const t = nk(fact.fields.title);
  switch (fact.type) {
    case 'deal':
      return `deal|${t}|${nk(fact.fields.buyer)}`;
    case 'rumour':
      return `rumour|${t}|${nk(fact.fields.party)}`;
    case 'mandate':
      return `mandate|${t}|${nk(fact.fields.company)}`;
    case 'selection':
    case 'withdrawal':
      return `${fact.type}|${t}|${nk(fact.fields.festival)}|${fact.fields.year ?? ''}`;
    case 'award':
      return `award|${t}|${nk(fact.fields.festival)}|${fact.fields.year ?? ''}|${nk(fact.fields.award)}|${nk(fact.fields.person)}`;
    case 'boxOffice':
      return `boxOffice|${t}|${fact.fields.territory ?? 'WW'}|${fact.fields.amount}|${fact.fields.currency}`;
    case 'release':
      return `release|${t}|${fact.fields.territory}`;
    case 'credit':
      return `credit|${t}|${fact.fields.role}|${nk(fact.fields.name)}`;
    case 'titleCompany':
      return `titleCompany|${t}|${fact.fields.role}|${nk(fact.fields.company)}`;
    case 'sourceMaterial':
      return `sourceMaterial|${t}`;
    case 'productionStatus':
      return `productionStatus|${t}`;
  }
}

export function add<T extends FactType>(
  st: State,
  type: T,
  fields: FieldsByType[T],
  confidence: number,
  span: Span,
): CandidateFact<T> | null {
  const title: unknown = fields.title;
  if (typeof title !== 'string' || !title.trim()) return null;
  const fact: CandidateFact<T> = { type, fields, confidence, span, spans: [], key: '' };
  const key = factKey(fact as AnyFact);
  const existing = st.facts.get(key);
  if (existing) {
    mergeFields(existing, fact as AnyFact);
    existing.confidence = Math.max(existing.confidence, confidence);
    if (!hasSpanAt(st, existing, span[0]) && existing.span[0] !== span[0]) pushSpan(st, existing, span);
    return existing as CandidateFact<T>;
  }
  fact.key = key;
  st.facts.set(key, fact as AnyFact);
  st.order.push(key);
  st.spanStarts.set(key, new Set());
  const here = st.factsAt.get(span[0]);
  if (here) here.push(fact as AnyFact);
  else st.factsAt.set(span[0], [fact as AnyFact]);
  if (type === 'deal') st.deals.push(fact as CandidateFact<'deal'>);
  return fact;
}

/**
 * Takes back a fact this sentence told first and no other sentence repeated (one span only): a later reading of
 * the same sentence found what it misread (a title taken from the focus where the sentence names its own).
 */
export function dropFact(st: State, fact: AnyFact): boolean {
  if (fact.spans.length || st.facts.get(fact.key) !== fact) return false;
  st.facts.delete(fact.key);
  st.order = st.order.filter((k) => k !== fact.key);
  st.spanStarts.delete(fact.key);
  const here = st.factsAt.get(fact.span[0]);
  if (here)
    st.factsAt.set(
      fact.span[0],
      here.filter((f) => f !== fact),
    );
  if (fact.type === 'deal') st.deals = st.deals.filter((d) => d !== fact);
  return true;
}

/** Whether one of the fact's further spans starts at `start`. */
export function hasSpanAt(st: State, f: { key: string }, start: number): boolean {
  return st.spanStarts.get(f.key)!.has(start);
}

export function pushSpan(st: State, f: { key: string; spans: Span[] }, span: Span): void {
  f.spans.push(span);
  st.spanStarts.get(f.key)!.add(span[0]);
}

/** A deal's field the later statement fills when the first left it out. */
function fillIn<K extends keyof DealFields>(a: DealFields, b: DealFields, k: K): void {
  if (a[k] === null && b[k] !== null) a[k] = b[k];
}

/** The same fact stated again (same key, so same type): what it adds goes into the first statement's fields. */
function mergeFields(into: AnyFact, from: AnyFact): void {
  if (into.type === 'deal') {
    if (from.type !== 'deal') return;
    const a = into.fields;
    const b = from.fields;
    const parts = [a.territories, b.territories]
      .filter((x): x is string => !!x)
      .flatMap((x) => (/\bexcluding\b/.test(x) ? [x] : splitList(x)));
    // one place written two ways ("North America", "North American") is told once
    const seen = new Set<string>();
    const distinct = parts.filter((p) => {
      const ref = lookupTerritoryName(p)?.ref ?? p.toLowerCase();
      if (seen.has(ref)) return false;
      seen.add(ref);
      return true;
    });
    a.territories = validTerritories(joinList(distinct));
    for (const k of ['seller', 'media', 'price', 'priceNote', 'festival'] as const) fillIn(a, b, k);
    for (const n of b.negotiators) if (!a.negotiators.some((x) => nk(x.name) === nk(n.name))) a.negotiators.push(n);
    return;
  }
  if (into.type === 'productionStatus') {
    if (from.type === 'productionStatus') into.fields.status = from.fields.status;
    return;
  }
  const target: object = into.fields;
  for (const [k, v] of Object.entries(from.fields)) {
    const was: unknown = Reflect.get(target, k);
    if ((was === null || was === undefined || was === false) && v !== null && v !== undefined) Reflect.set(target, k, v);
    const now: unknown = Reflect.get(target, k);
    if (k === 'date' && typeof v === 'string' && typeof now === 'string' && v.length > now.length) Reflect.set(target, k, v);
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

/**
 * "..., while Copper Bay went to X", "Copper Bay has gone to X": a name right before the verb at v (past has / have /
 * also / then) is its subject, a film the sketch did not know. Its token, or -1.
 */
export function nameSubjectOf(c: Ctx, v: number): number {
  let s = v - 1;
  while (s > 0 && /^(?:has|have|also|then)$/.test(c.tok(s))) s--;
  return /^[CEP]\d+$/.test(c.tok(s)) ? s : -1;
}

export function personLike(c: Ctx, j: number): boolean {
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

/** The festival at token j with its year (edition number, explicit year, this/last year's, a date in the sentence, or the tense). */
export function festivalOf(c: Ctx, j: number): FestCtx {
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

export function localTense(c: Ctx, j: number): Tense {
  const around = c.words(Math.max(0, j - 12), Math.min(c.toks.length, j + 4));
  return tenseOf(around);
}
