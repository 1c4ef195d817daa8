/**
 * A learned reading of deals the rules do not know the shape of: every (title, buyer) pair a sentence could state,
 * scored by a logistic model over the words around and between them (their order, their distance, the deal
 * verbs, `to`, `for`, `from`, `(`, the kinds of name). The rules read the constructions the trade writes most;
 * the long tail of other shapes is where they miss, and a model of the pair's surroundings carries to sentences
 * no rule was written on.
 *
 * The weights (pairWeights.ts) are fitted by `scripts/train-pair-model.ts` on an annotated folder of articles
 * (features and labels only: no text of those articles is kept). A pair is told only when it scores above the
 * threshold, when no rule of the sentence already told its title or its buyer, and when the sentence reads as a
 * report of a sale (not talks, a mandate or a question: those rules run first and their facts block it).
 */
import { companyEntry } from '../companies.js';
import { findEvent, isKnownSection } from '../events.js';
import { type Ctx, dealsHere, factsHere, nk } from './context.js';
import { addDeal } from './dealTerms.js';
import { FILM_KINDS, MONTHS } from '../lexicon.js';
import { RUMOUR_WORDS } from './words.js';
import { PAIR_MODEL } from './pairWeights.js';

/** The small words a title may hold between its capitalized words (`Decision to Leave`, `The Girl with the Needle`). */
const JOINERS = new Set(
  (
    'of the to a an in on with from for at de la le les du des el del my your our his her no or as ' +
    'about after before under over into is all me you we'
  ).split(' '),
);

/** The words between and around a pair that the model reads (every other word is `w`). */
export const CUES = new Set(
  (
    'acquired acquire acquires acquisition bought buys picked picks up nabbed nabs took taken takes snapped landed ' +
    'scooped boarded secured sold sells sale sales licensed pre-sold pre-bought rights distribution deal deals ' +
    'to for from by with and has have had will is was which its release released distribute handle handles handling ' +
    'represent international worldwide world in at of on the a also including include includes talks negotiations ' +
    'film title territories gone went directed produced starring premiered festival after before agent company ' +
    "banner outfit , ( ) ; : . 's"
  ).split(' '),
);

export interface PairCand {
  text: string;
  /** Token range [a, b). */
  a: number;
  b: number;
  kind: string;
}

const COMPANY_WORD =
  /\b(?:Films?|Pictures|Entertainment|Media|Distribution|Releasing|Studios?|Productions|Classics|Features|Group|Inc|Ltd)\b/;

const HOLIDAY =
  /\b(?:New Year|Christmas|Easter|Thanksgiving|Golden Week|Diwali|Eid|Hanukkah|Halloween|Memorial Day|Labor Day|Independence Day|Spring Festival)\b/;

const code = (c: Ctx, i: number): string => /^([CEPTRNFASM])\d+$/.exec(c.tok(i))?.[1] ?? '';

function entText(c: Ctx, a: number, b: number): string {
  const first = c.item(a);
  const last = c.item(b - 1);
  return c.sent.text.slice(first.start - c.sent.start, last.end - c.sent.start);
}

/** A name that is a company's (a trade company, a corporate word) or a person's possessive is no title. */
function companyLike(c: Ctx, text: string): boolean {
  // a holiday a release is set for (`during the Lunar New Year holiday`) is no film either
  if (HOLIDAY.test(text)) return true;
  return COMPANY_WORD.test(text) || !!companyEntry(text) || c.st.reg.kinds.get(nk(text)) === 'company' || /['’]s\s/.test(text);
}

/** The spans that may be a title: a quoted or known title, an unknown name, or names joined by small words. */
export function titleCandidates(c: Ctx): PairCand[] {
  return rawTitleCandidates(c).filter((t) => t.kind === 'T' || !companyLike(c, t.text));
}

function rawTitleCandidates(c: Ctx): PairCand[] {
  const out: PairCand[] = [];
  for (let i = 0; i < c.toks.length; i++) {
    const k = code(c, i);
    if (k === 'T') out.push({ text: c.item(i).text, a: i, b: i + 1, kind: 'T' });
    if (k !== 'E' && k !== 'P') continue;
    if (k === 'E') out.push({ text: c.name(i), a: i, b: i + 1, kind: c.isPer(i) ? 'Ep' : 'E' });
    let j = i + 1;
    while (j < c.toks.length) {
      let m = j;
      while (m < c.toks.length && m - j < 3 && JOINERS.has(c.tok(m))) m++;
      // a company inside ends it: `P from C` is a person and a company, not a title
      if (m === j || !/^[EP]$/.test(code(c, m))) break;
      out.push({ text: entText(c, i, m + 1), a: i, b: m + 1, kind: `M${k}` });
      j = m + 1;
    }
  }
  return out;
}

/** The names that may be a buyer: companies and unknown names that are not people. */
export function buyerCandidates(c: Ctx): PairCand[] {
  const out: PairCand[] = [];
  for (let i = 0; i < c.toks.length; i++) {
    const k = code(c, i);
    if (k !== 'C' && !(k === 'E' && c.isOrg(i))) continue;
    // a sales company sells: what it is paired with is its sale (the rules read those), not its purchase
    if (companyEntry(c.name(i))?.kind === 'sales-agent' || /\bSales\b/.test(c.name(i))) continue;
    out.push({ text: c.name(i), a: i, b: i + 1, kind: k });
  }
  return out;
}

const cue = (w: string): string => (CUES.has(w) ? w : /^[A-Z]\d+$/.test(w) ? w[0] : 'w');

function bucket(n: number): string {
  return n <= 1 ? '1' : n <= 2 ? '2' : n <= 3 ? '3' : n <= 5 ? '5' : n <= 8 ? '8' : n <= 12 ? '12' : 'far';
}

/** What the model reads of one pair: feature names (each weighs 1 when present). */
/** What earlier sentences told (not this one's rules: the model reads what they did not), by title and by buyer. */
interface Earlier {
  titles: Set<string>;
  buyers: Set<string>;
}

function earlierDeals(c: Ctx): Earlier {
  const before = c.st.deals.filter((d) => d.span[0] < c.sent.start);
  return { titles: new Set(before.map((d) => nk(d.fields.title))), buyers: new Set(before.map((d) => nk(d.fields.buyer))) };
}

export function pairFeatures(c: Ctx, t: PairCand, b: PairCand, titles: number, buyers: number, earlier: Earlier): string[] {
  const f: string[] = [];
  const after = b.a >= t.b;
  const order = after ? 'tb' : 'bt';
  const [l, r] = after ? [t.b, b.a] : [b.b, t.a];
  const between = [];
  for (let i = l; i < r; i++) between.push(cue(c.raw(i).toLowerCase() === "'s" ? "'s" : c.tok(i)));
  const dist = r - l;
  f.push(`order:${order}`, `dist:${order}:${bucket(dist)}`, `tkind:${t.kind}`, `bkind:${b.kind}`);
  const kind = companyEntry(b.text)?.kind ?? 'unknown';
  f.push(`bco:${kind}`, `bco:${kind}:${order}`);
  for (const w of new Set(between)) f.push(`btw:${order}:${w}`);
  if (dist <= 4) f.push(`btwseq:${order}:${between.join('_')}`);
  const tb = cue(c.tok(t.a - 1));
  const ta = cue(c.tok(t.b));
  const bb = cue(c.tok(b.a - 1));
  const ba = cue(c.tok(b.b));
  f.push(`tb:${tb}`, `ta:${ta}`, `bb:${bb}`, `ba:${ba}`, `bb2:${cue(c.tok(b.a - 2))}_${bb}`, `ba2:${ba}_${cue(c.tok(b.b + 1))}`);
  f.push(`tb2:${cue(c.tok(t.a - 2))}_${tb}`, `ta2:${ta}_${cue(c.tok(t.b + 1))}`);
  if (c.raw(t.a - 1).endsWith("'s")) f.push('t:possessed');
  if (c.raw(b.b - 1).endsWith("'s")) f.push('b:possessive');
  if (t.a === 0) f.push('t:first');
  if (b.a === 0) f.push('b:first');
  f.push(`ntitles:${Math.min(titles, 4)}`, `nbuyers:${Math.min(buyers, 4)}`);
  f.push(`twords:${Math.min(t.text.split(/\s+/).length, 5)}`);
  const tk = nk(t.text);
  if (c.st.titlesSeen.has(tk)) f.push('t:seen');
  if (earlier.titles.has(tk)) f.push('t:dealt');
  if (earlier.buyers.has(nk(b.text))) f.push('b:dealt');
  const known = c.st.reg.kinds.get(tk);
  if (known) f.push(`t:known-${known}`);
  if (companyEntry(t.text)) f.push('t:trade-company');
  if (COMPANY_WORD.test(t.text)) f.push('t:company-word');
  if (/^(?:[A-Z]\.?){2,5}$/.test(t.text)) f.push('t:acronym');
  f.push(`tense:${c.tense}`);
  return f;
}

/** The most tokens between a title and its buyer the model reads. */
const MAX_GAP = 30;
const gap = (x: PairCand, y: PairCand) => (x.b <= y.a ? y.a - x.b : y.b <= x.a ? x.a - y.b : 0);
const SALE_TOKEN =
  /^(?:acquired|acquires|acquire|bought|buys|picked|picks|nabbed|nabs|snapped|scooped|landed|lands|took|taken|takes|secured|sold|sells|licensed|pre-sold|pre-bought|rights|deal|deals)$/;

/** Whether the pair are each other's nearest of their kind, and where the sentence's sale words stand. */
function nearness(c: Ctx, t: PairCand, b: PairCand, titles: PairCand[], buyers: PairCand[], sales: number[]): string[] {
  const f: string[] = [];
  const d = gap(t, b);
  if (!buyers.some((o) => o !== b && gap(t, o) < d)) f.push('near:buyer-nearest');
  if (!titles.some((o) => o !== t && o.a !== t.a && (o.b <= t.a || o.a >= t.b) && gap(o, b) < d)) f.push('near:title-nearest');
  const [l, r] = b.a >= t.b ? [t.b, b.a] : [b.b, t.a];
  let between = false;
  let outside = false;
  for (const i of sales) {
    if (i >= l && i < r) between = true;
    else if (i < Math.min(t.a, b.a) || i >= Math.max(t.b, b.b)) outside = true;
  }
  f.push(`near:sale-${between ? 'between' : outside ? 'outside' : 'none'}`);
  if (c.tok(b.a - 1) === '(' && c.tok(b.b) === ')') f.push('near:buyer-in-parens');
  return f;
}

export function pairScore(features: string[]): number {
  let z = PAIR_MODEL.bias;
  for (const k of features) z += PAIR_MODEL.weights[k] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Every candidate pair of the sentence with its features (for training and for reading). */
export function sentencePairs(c: Ctx): Array<{ t: PairCand; b: PairCand; features: string[] }> {
  const titles = titleCandidates(c);
  const buyers = buyerCandidates(c);
  if (!titles.length || !buyers.length) return [];
  const out = [];
  const sales: number[] = [];
  for (let i = 0; i < c.toks.length; i++) if (SALE_TOKEN.test(c.tok(i))) sales.push(i);
  const earlier = earlierDeals(c);
  for (const t of titles)
    for (const b of buyers) {
      // a pair further apart than any deal the trade writes in one clause is none (and a long list stays linear)
      if ((b.a < t.b && b.b > t.a) || gap(t, b) > MAX_GAP) continue;
      out.push({
        t,
        b,
        features: [...pairFeatures(c, t, b, titles.length, buyers.length, earlier), ...nearness(c, t, b, titles, buyers, sales)],
      });
    }
  return out;
}

/**
 * The words of a sale or a purchase: a sentence without one reports none (`Neon also premiered T`, `X's label
 * produced T`), whatever its names' order.
 */
const SALE_WORDS =
  /\b(?:acquir(?:e|es|ed|ing)|acquisitions?|bought|buys?|purchased?|picked up|picks up|pick up|nabbed|nabs|snapped up|scooped up|landed|lands|took|taken|takes|secured|sold|sells|sales? to|licensed|pre-?(?:sold|bought|sales?)|rights|deals?|gone to|went to|goes to|signed|closed (?:on|for|a deal))\b/i;

/**
 * What makes a sentence no report of a closed sale, whatever its pairs: talks, hedges, denials and conditions
 * (the rules' own list), a question, a lost bid, a staff move (`P, who acquired T for X, has joined Y`).
 */
const NOT_A_SALE =
  /\b(?:if|unless|whether|neither|nor|plans?|planning|wants?|lost|outbid|passed|fell through|collapsed|scrapped|cancell?ed|first-look|first dibs|original|bidders?|close|hammering out|walked away|kicked the tires|word is|among the distributors|pole position|leading the pack|lining up|joined|joins|hired|hires|appointed|promoted|formerly|former|oversaw|poached|exits|exited|sequel|remake|memoir|novel|book|play|format|life)\b|\?/i;

/**
 * The territories the sentence gives the buyer where the trade writes them beside it: `X for R and R2`, `X in R`, `R (X)`,
 * `R's X`, `French distributor X`; none elsewhere (a territory the model cannot place is not guessed).
 */
function territoriesOf(c: Ctx, b: PairCand): string[] {
  if ((c.tok(b.b) === 'for' || c.tok(b.b) === 'in') && c.isTerr(b.b + 1)) return c.terrList(b.b + 1).exprs;
  if (c.tok(b.a - 1) === '(' && c.tok(b.b) === ')' && c.isTerr(b.a - 2)) return [c.terr(b.a - 2)].filter((x): x is string => !!x);
  let k = b.a - 1;
  if (/^(?:distributor|streamer|broadcaster|outfit|banner|label)$/.test(c.tok(k))) k--;
  if (c.isTerr(k)) return [c.terr(k)].filter((x): x is string => !!x);
  return [];
}

/** A kind of film written before its title (`the Jeremy Renner drama Wind River`): the name before it describes it. */
const KIND_OF_FILM = new Set(['film', ...FILM_KINDS]);
const MONTH_NAMES = new Set(MONTHS);

/**
 * A candidate no reader would take for the film, whatever its score: a dateline or an acronym in capitals
 * (`LOS ANGELES --`, a market's name), a span opened by a territory (`Spain on T`, `France before Berlin`: the
 * territory was sold), a festival, market or section, a date, or the names before a kind of film (the film follows).
 */
function notAFilm(c: Ctx, t: PairCand): boolean {
  if (t.kind === 'T') return false;
  if (/^[\p{Lu}\d .&'’-]+$/u.test(t.text) && /\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(t.text)) return true;
  if (c.isTerr(t.a) || findEvent(t.text) || isKnownSection(t.text)) return true;
  if (MONTH_NAMES.has(t.text.split(' ')[0].toLowerCase()) && /^\p{Lu}/u.test(t.text)) return true;
  return KIND_OF_FILM.has(c.tok(t.b));
}

/**
 * A company the sentence says sold (`X has sold T to Y`, `X also said it sealed deals with Y`): the seller, no buyer.
 * A deal it closed for a territory or to take a film (`X closed Spain on T`, `X sealed a deal to take T`) is its purchase.
 */
function sells(c: Ctx, b: PairCand): boolean {
  let k = b.b;
  while (k < b.b + 5 && /^(?:has|have|had|also|now|already|recently|said|says|it|,)$/.test(c.tok(k))) k++;
  if (/^(?:sold|sells|pre-sold|presold|pre-sells|licensed|licenses)$/.test(c.tok(k))) return true;
  // "X has landed pre-sales of T", "X secured further deals for T": sales X made
  if (
    /^(?:landed|secured|closed|inked|signed|scored|struck|sealed|clinched|unveiled|announced|racked|wrapped)$/.test(c.tok(k)) &&
    /^(?:up )?(?:(?:a|several|multiple|further|new|more|key|major|early|strong|multitude|raft|slew|host|number|run|string|series|flurry|batch|of) )*(?:pre-?sales|sales|deals)\b/.test(
      c.words(k + 1, k + 7),
    )
  )
    return true;
  return /^(?:sealed|signed|struck|inked|closed|concluded)$/.test(c.tok(k)) && /\bdeals? with\b/.test(c.words(k + 1, k + 6));
}

/**
 * A company whose possessive stands before the film (`to acquire X's documentary T`, `X's T`): the film's producer or
 * seller, never its buyer (the annotation rules read no deal in a distributor's possessive either).
 */
function owns(c: Ctx, t: PairCand, b: PairCand): boolean {
  return /['’]s?$/.test(c.raw(b.b - 1)) && t.a >= b.b && t.a - b.b <= 3;
}

/** Tells the pairs the model reads as a closed deal that no rule of the sentence told. */
export function extractLearnedPairs(c: Ctx): void {
  // (read on the sketch: a title or a name holding "Rights" is no sale word)
  const words = c.words(0, c.toks.length);
  // a sentence opened by a condition (`Unless X acquires T`, `Had X acquired T`): the sketch may read its capital as a name
  if (/^(?:if|unless|whether|had|should|were|neither)$/i.test(c.item(0)?.text.split(/\s+/)[0] ?? '')) return;
  if (!PAIR_MODEL.threshold || !SALE_WORDS.test(words) || RUMOUR_WORDS.test(words) || NOT_A_SALE.test(words)) return;
  const facts = factsHere(c);
  // talks, rumours, mandates and denials of this sentence were read by their rules: it reports no sale the model may add
  // (and a box-office figure or a release is what `took €1.2m for X`, `opens through X` tell)
  if (facts.some((f) => f.type === 'rumour' || f.type === 'mandate' || f.type === 'boxOffice' || f.type === 'release')) return;
  const told = dealsHere(c);
  const titlesTold = new Set(told.map((d) => nk(d.fields.title)));
  const buyersTold = new Set(told.map((d) => nk(d.fields.buyer)));
  const best = new Map<string, { t: PairCand; b: PairCand; p: number }>();
  for (const { t, b, features } of sentencePairs(c)) {
    if (notAFilm(c, t) || sells(c, b) || owns(c, t, b)) continue;
    const p = pairScore(features);
    if (p < PAIR_MODEL.threshold) continue;
    const key = `${t.a}`;
    const prev = best.get(key);
    if (!prev || p > prev.p) best.set(key, { t, b, p });
  }
  // one reading per span: of overlapping titles, the best scored
  const chosen = [...best.values()].sort((x, y) => y.p - x.p);
  const used: Array<[number, number]> = [];
  for (const { t, b, p } of chosen) {
    if (used.some(([a, e]) => t.a < e && t.b > a)) continue;
    used.push([t.a, t.b]);
    if (titlesTold.has(nk(t.text)) || buyersTold.has(nk(b.text))) continue;
    addDeal(c, t.text, b.text, territoriesOf(c, b), {}, Math.round(p * 50) / 100);
    // the buyer is the company a next sentence's "It bought ..." means
    c.st.focusCompany = b.text;
  }
}
