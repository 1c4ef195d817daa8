/**
 * The article: read twice (the first pass learns which names are people and
 * which companies, the second extracts with that knowledge), then the facts
 * found, each once, in the order they were told.
 */
import { findDates, tenseOf, type DateMention, type Tense } from '../dates.js';
import {
  cloneRegistry,
  learn,
  newRegistry,
  newSketchMemo,
  resolveShort,
  sketchSentence,
  type Registry,
  type SketchMemo,
} from '../sketch.js';
import { nameKey } from '../names.js';
import { findTitleSpans, fullTitles } from '../titles.js';
import { matchingView, readHeader, segment, type Sentence } from '../text.js';
import type { AnyFact, CandidateFact, Span } from '../types.js';
import { Ctx, type ExtractOptions, type Extraction, type State, add, dropFact, newState, nk } from './context.js';
import { companyEntry } from '../companies.js';
import { extractBoxOffice, extractReleases } from './boxOffice.js';
import { extractCredits, extractSourceAndStatus } from './credits.js';
import { extractDealDetails, extractNegotiators } from './negotiators.js';
import { extractDeals } from './deals.js';
import { extractRumours } from './rumours.js';
import { extractHeadlineDeals } from './headlines.js';
import { extractMultiTitleDeals } from './multiTitle.js';
import { extractBuyerDeals, extractConcludedDeal, extractCountedSales, extractInkedWith, extractSellerDeal } from './sellerDeal.js';
import { extractLineUps } from './lineups.js';
import { extractPairLists } from './pairList.js';
import { extractBuyerLists } from './buyerLists.js';
import { extractRundownRecords } from './rundownRecords.js';
import { extractListedBuyers } from './listedBuyers.js';
import { extractTerritoryTakers } from './territoryTakers.js';
import { extractGapping } from './gapping.js';
import { extractBuyerFor } from './buyerFor.js';
import { extractClauseDeals } from './svo.js';
import { extractSubjectBuyerList } from './subjectList.js';
import { extractCountedFilms } from './countedFilms.js';
import { extractFurtherObjects } from './furtherObjects.js';
import { extractGerundBuyers } from './gerundBuyers.js';
import { extractReleaseThrough } from './releaseThrough.js';
import { extractFrontedPlace } from './frontedPlace.js';
import { extractTitleParens } from './titleParens.js';
import { extractInPassing } from './inPassing.js';
import { trimGluedEnds } from './glued.js';
import { extractDistributionHandling, extractHandledBy, extractMandates, extractRespectively } from './mandates.js';
import { extractFestival } from './festivals.js';
import { extractSalesMandates } from './salesMandates.js';
import { extractSlates } from './slates.js';
import { extractNoDealYet, extractTalks, retractedAt } from './talks.js';
import { otherFilm, pronounAt } from './otherFilm.js';
import { extractFieldRecords } from './fieldRecords.js';
import { extractNominalDeals, extractNthAcquisition } from './nominalDeals.js';
import { extractTeamedBuyers } from './teamedBuyers.js';
import { extractRelativeBuyer } from './relativeBuyer.js';
import { extractAppositionSales } from './appositionSale.js';
import { fullFormOf, noteTitle } from './shortTitles.js';
import { extractLearnedPairs } from './pairModel.js';

/** A headline's words for talks, a rumour or a denial: such a headline reports no closed deal. */
const HEADLINE_TALKS =
  /\b(?:in (?:final |advanced |exclusive |early )?(?:talks|negotiations)|negotiat(?:es|ing)|nears?|nearing|close to|closes in on|closing in on|circl(?:es|ing)|eyes|eyeing|eyed|poised to|in the running|front-?runner|vying|bidding|rumou?r(?:s|ed)?|reportedly|denies|denied)\b/i;

function isHeadline(s: Sentence): boolean {
  const t = s.text.trim();
  // a sentence ends with its stop, inside a closing quote or not; a headline may end with a title's closing quote
  if (/[.!?]$/.test(t) || /[.!?,]["”’']$/.test(t)) return false;
  // a sentence cut by a film link ("Ana Ruiz's Critics' Week entry T [+see also:") is the body's, however capitalized
  if (/\[\+see also/.test(t)) return false;
  // a credit block's sales line ("International sales: The Match Factory") is a label and its company, not a headline
  if (/^(?:(?:international|world|worldwide|global) )?sales:/i.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length < 3) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length > 0.6;
}

/** The words before a title that leave it the sentence's subject: none, an opening phrase closed by a comma, or a kind of film. */
function isSubjectPosition(before: string[]): boolean {
  if (!before.length || before[before.length - 1] === ',') return true;
  // "Elsewhere, Ana Ruiz's T has sold": an opening adverb and an auteur's possessive
  if (/^[PE]\d+'s$/.test(before[before.length - 1])) {
    const rest = before.slice(0, -1);
    if (!rest.length || (rest.length === 2 && /^[a-z]+$/.test(rest[0]) && rest[1] === ',')) return true;
  }
  return before.every((t) =>
    /^(?:the|this|a|new|latest|documentary|drama|film|comedy|thriller|feature|pic|title|movie|competition|festival)$/.test(t),
  );
}

/** A title between commas right before the sentence's verb, after a description that opens the sentence ("A drama, starring P, T, has"). */
function subjectAfterDescription(tokens: string[], at: number): boolean {
  if (tokens[at - 1] !== ',' || !/^an?$/.test(tokens[0] ?? '')) return false;
  let k = at + 1;
  if (tokens[k] === ',') k++;
  return /^(?:has|have|had|is|was|will|also|already|opened|premiered|sold|won|drew|went)$/.test(tokens[k] ?? '');
}

/** A title after its maker's possessive and a kind of film in lower case ("P's feel-good tale T"). */
function introducedWithMaker(tokens: string[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    if (/^P\d+'s$/.test(tokens[k])) return k < at - 1;
    if (!/^[a-z][a-z-]*$/.test(tokens[k])) return false;
  }
  return false;
}

/** What the first pass read of each sentence that the second reads the same: its tokens, whether it is a headline, its tense and dates. */
interface Readings {
  sketches: SketchMemo;
  sentences: Map<number, { headline: boolean; tense: Tense; dates: DateMention[] }>;
}

/** The last title of a sentence when it stands right before the film link that ends the sentence. */
function lastTitleItem(sk: ReturnType<typeof sketchSentence>): string | null {
  const t = sk.tokens;
  const k = t.lastIndexOf('[');
  return k > 0 && /^T\d+$/.test(t[k - 1]) ? sk.items[sk.tokenItem[k - 1]].text : null;
}

function runPass(
  text: string,
  view: string,
  sentences: Sentence[],
  date: string,
  reg: Registry,
  titleSpans: Span[] | undefined,
  guessed: Span[],
  full: ReadonlyMap<string, string>,
  memo: Readings,
  onSentence?: (c: Ctx) => void,
): State {
  const st = newState(date, reg);
  const spans = [...(titleSpans ?? [])].sort((a, b) => a[0] - b[0]);
  let ti = 0;
  let gi = 0;
  for (const s of sentences) {
    let read = memo.sentences.get(s.start);
    if (!read) {
      const tense = tenseOf(s.text);
      read = { headline: isHeadline(s), tense, dates: findDates(view.slice(s.start, s.end), date, tense) };
      memo.sentences.set(s.start, read);
    }
    const headline = read.headline;
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
      fullTitles: full,
      headline,
      memo: memo.sketches,
    });
    const tense = read.tense;
    const dates = read.dates.map((d) => ({ ...d, abs: s.start + d.start }));
    const c = new Ctx(st, sk, s, tense, dates);
    // learn people from role words and companies from deal slots before the rules read them
    if (!headline) {
      extractMandates(c);
      extractSalesMandates(c);
      extractSlates(c);
      extractRumours(c);
      extractTalks(c);
      extractNoDealYet(c);
    }
    // a headline that reports talks or a rumour ("Neon In Final Negotiations To Acquire 'T'") tells no closed deal:
    // its talks are read as the body's would be (the Title Case hides the cue words from the deal rules)
    const talksHeadline = headline && HEADLINE_TALKS.test(s.text);
    if (talksHeadline) extractTalks(c);
    else {
      extractDeals(c);
      extractHeadlineDeals(c);
    }
    if (!headline) {
      extractMultiTitleDeals(c);
      extractSellerDeal(c);
      extractInkedWith(c);
      extractConcludedDeal(c);
      extractCountedSales(c);
      extractBuyerDeals(c);
      extractPairLists(c);
      extractGapping(c);
      extractTerritoryTakers(c);
      extractListedBuyers(c);
      extractBuyerFor(c);
      extractSubjectBuyerList(c);
      extractClauseDeals(c);
      extractBuyerLists(c);
      extractGerundBuyers(c);
      extractReleaseThrough(c);
      extractTeamedBuyers(c);
      extractRelativeBuyer(c);
      extractNominalDeals(c);
      extractNthAcquisition(c);
      extractAppositionSales(c);
      extractTitleParens(c);
      extractInPassing(c);
      extractLineUps(c);
      extractFrontedPlace(c);
      extractCountedFilms(c);
      extractFurtherObjects(c);
    }
    extractFieldRecords(c);
    // (a rundown's record is often a line without a full stop, which the reading takes for a headline)
    extractRundownRecords(c);
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
      extractLearnedPairs(c);
    }
    onSentence?.(c);
    const focusWas = st.focus;
    // the focus: the title of this sentence's main fact, when it names one
    const main = (st.factsAt.get(s.start) ?? []).find((f) =>
      ['deal', 'selection', 'withdrawal', 'boxOffice', 'release', 'mandate', 'productionStatus'].includes(f.type),
    );
    if (main) {
      const explicit = sk.items.some((it) => it.kind === 'title' && nk(it.text) === nk(main.fields.title));
      if (explicit || !st.focus) st.focus = main.fields.title;
    } else if (headline) {
      // a headline without a deal of its own names the film the article is about ("Wild Bunch Sells 'T'", "'T' Heads
      // To Berlin"): the body's "the film", "Germany went to X" are about it, until the body names another
      const named = new Set(sk.items.filter((it) => it.kind === 'title').map((it) => nk(it.text)));
      const first = sk.items.find((it) => it.kind === 'title');
      if (!st.focus && named.size === 1 && first) st.focus = first.text;
    } else {
      // no fact of its own: a title that is the sentence's subject ("Dying also picked up a prize.") becomes the focus
      const first = sk.items.find((it) => it.kind === 'title');
      const at = first ? sk.tokenItem.indexOf(sk.items.indexOf(first)) : -1;
      // or the one title a sentence without a fact names, when it is a new title ("the firm also handles one of the year's films, T, ...")
      const named = new Set(sk.items.filter((it) => it.kind === 'title').map((it) => nk(it.text)));
      const told = (st.factsAt.get(s.start) ?? []).some((f) => f.type === 'award');
      // (not a film named as another's: "was last in Cannes with his 2019 feature T", "following T")
      // (never one the sentence names in passing, after a preposition: "results on X's P's T beg the question")
      const inPassing = at > 0 && sk.tokens.slice(Math.max(0, at - 3), at).some((t) => /^(?:on|of|with|about|than|like|to)$/.test(t));
      // (nor one named in a sentence about the film in focus: "The film has been pre-sold to 192 regions, close to the
      // record held by X's T2")
      const aboutFocus = !!st.focus && /^(?:the|this)$/.test(c.tok(0)) && pronounAt(c, 0) > 0 && at > 0;
      const fresh =
        !told &&
        named.size === 1 &&
        first &&
        !st.titlesSeen.has(nk(first.text)) &&
        !otherFilm(c, at, at + 1) &&
        !(inPassing && st.focus) &&
        !aboutFocus;
      // or the subject of an inverted sentence ("Among the titles drawing buyers is T")
      const inverted = /^\s*Among\b/.test(s.text) && named.size === 1;
      // or the subject named after its description ("A family drama, starring P, T, has drawn ..."): the verb follows it
      const appositive = first && at > 0 && subjectAfterDescription(sk.tokens, at);
      // or the one title, introduced with its maker ("... include Ana Ruiz's feel-good tale T starring P"), named before or not
      const introduced = !told && named.size === 1 && at > 0 && introducedWithMaker(sk.tokens, at) && !otherFilm(c, at, at + 1);
      // or the title a film link follows ("... debut feature T [+see also: ...] . Well received, the film was sold"):
      // the text after the link goes on about it, even when the headline named it first
      const linked = /\[\+see also:?\s*$/.test(s.text) ? lastTitleItem(sk) : null;
      if (linked) st.focus = linked;
      else if (
        first &&
        (!st.focus || fresh || inverted || appositive || introduced || (at >= 0 && at <= 8 && isSubjectPosition(sk.tokens.slice(0, at))))
      )
        st.focus = first.text;
    }
    // the focus is this paragraph's when set here, or when a fact of this sentence names it again ("X handles North
    // American sales for T. Y handles international rights.": the second sentence is about T, not the article's lead)
    if (st.focus !== focusWas || (main && st.focus && nk(main.fields.title) === nk(st.focus))) st.focusParagraph = s.paragraph;
    if (!st.lead && st.focus) st.lead = st.focus;
    // a headline naming one film and no fact ("Memento Boards Ana Ruiz's 'T'" read by no headline rule) still names
    // the film the article is about: a body sentence with no title ("The company handles world sales") means it
    if (!st.lead && headline) {
      const named = new Set(sk.items.filter((it) => it.kind === 'title').map((it) => it.text));
      if (named.size === 1) st.lead = [...named][0];
    }
    for (const it of sk.items)
      if (it.kind === 'title') {
        st.titlesSeen.add(nk(it.text));
        noteTitle(st, it.text);
      }
    const listed = [...new Set(sk.items.filter((it) => it.kind === 'title').map((it) => it.text))];
    if (listed.length >= 2) st.pair = [listed[0], listed[listed.length - 1]];
    // the company in focus: a company that starts the sentence
    // (a place the company is based in comes first: "Tokyo-based X")
    const firstEnt = sk.items.find((it) => (it.kind === 'ent' || it.kind === 'title') && !/^-based\b/.test(view.slice(it.end, it.end + 7)));
    if (firstEnt?.kind === 'ent' && firstEnt.ent === 'company' && !headline) st.focusCompany = firstEnt.name ?? firstEnt.text;
    else if (!st.focusCompany && !headline) {
      // (before any sentence opens on a company, the one company a sentence names: "it's good to see that X is ...")
      const named = new Set(sk.items.filter((it) => it.kind === 'ent' && it.ent === 'company').map((it) => it.name ?? it.text));
      if (named.size === 1) st.focusCompany = [...named][0];
    }
    // the person in focus: a person named with a director role
    const dir = sk.items.find(
      (it, i) =>
        it.kind === 'ent' &&
        (it.ent === 'person' || it.ent === 'name') &&
        /director|filmmaker|helmer|auteur/.test(sk.items[i - 1]?.text ?? ''),
    );
    if (dir) st.focusPerson = resolveShort(reg, dir.text)?.name ?? dir.name ?? dir.text;
  }
  dropCutDeals(st, sentences[sentences.length - 1]);
  return st;
}

/**
 * A text that stops mid-sentence (a page cut short, an excerpt): its last sentence may have been about to name the
 * film (`X acquired North American rights to` ...), so a deal there whose title the sentence does not write (the film
 * in focus) is not told; a sale of a title it names stays (`T sold to the UK (X), Spain (Y), Italy (Z`), and so does
 * an item of a sales list, complete before the cut (`..., the UK (X), Spain (Y), Italy (Z`).
 */
function dropCutDeals(st: State, last: Sentence | undefined): void {
  if (!last || /[.!?…"”’')\]]\s*$/.test(last.text)) return;
  const said = nk(last.text);
  const paired = (buyer: string) => {
    const at = last.text.indexOf(buyer);
    return at >= 0 && (last.text[at - 1] === '(' || /^\s*\(/.test(last.text.slice(at + buyer.length)));
  };
  for (const f of [...(st.factsAt.get(last.start) ?? [])])
    if (f.type === 'deal' && !said.includes(nk(f.fields.title)) && !paired(f.fields.buyer)) dropFact(st, f);
}

/**
 * The registry of the catalog's people and companies, before the article teaches it anything. A feed's articles
 * are read against the same catalog one after the other, and learning thousands of names took a third of each
 * article's time: the last catalog's registry is kept (never written to: each pass reads a copy) and used again
 * while the lists are the same, name for name.
 */
let lastCatalog: { people: readonly string[]; companies: readonly string[]; reg: Registry } | null = null;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function catalogRegistry(people: readonly string[], companies: readonly string[]): Registry {
  if (lastCatalog && sameList(lastCatalog.people, people) && sameList(lastCatalog.companies, companies)) return lastCatalog.reg;
  const seed = newRegistry();
  for (const p of people) learn(seed, p, 'person', false);
  for (const c of companies) learn(seed, c, 'company', false);
  for (const n of [...people, ...companies]) seed.seeded.add(nameKey(n));
  lastCatalog = { people: [...people], companies: [...companies], reg: seed };
  return seed;
}

/** Extracts candidate facts from an article's text. */
export function extractFacts(text: string, opts: ExtractOptions = {}): Extraction {
  const header = readHeader(text);
  const date = opts.date ?? header.date ?? new Date().toISOString().slice(0, 10);
  const view = matchingView(text);
  const sentences = segment(text, header.bodyStart);
  const seed = catalogRegistry(opts.known?.people ?? [], opts.known?.companies ?? []);
  // titles the text does not quote, from their context (titles.ts): not where italics say otherwise
  const guessed = trimGluedEnds(view, withoutOverlap(findTitleSpans(view, sentences, opts.known?.titles ?? []), opts.titleSpans ?? []));
  // pass 1 learns names; pass 2 extracts with them
  const full = fullTitles(view, guessed);
  // the second pass reads each sentence from the first's tokens (sketch.ts), tense and dates
  const memo: Readings = { sketches: newSketchMemo(), sentences: new Map() };
  const first = runPass(text, view, sentences, date, cloneRegistry(seed), opts.titleSpans, guessed, full, memo);
  const second = runPass(text, view, sentences, date, cloneRegistry(first.reg), opts.titleSpans, guessed, full, memo, opts.onSentence);
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

/**
 * The same deal told twice in short and long forms (a headline's "Magnolia Buys 'Lucky'" and the body's
 * "Magnolia Pictures has acquired 'Lucky'", "'Dawson City'" and "'Dawson City: Frozen Time'"): the
 * short one is dropped, its territories kept when the long one has none. Grouped by buyer's first word: linear.
 */
function shortForms(st: State): Set<string> {
  const deals = st.order.map((k) => [k, st.facts.get(k)!] as const).filter(([, f]) => f.type === 'deal');
  const byFirst = new Map<string, Array<readonly [string, CandidateFact<'deal'>]>>();
  for (const [k, f] of deals) {
    const d = f as CandidateFact<'deal'>;
    const first = nk(d.fields.buyer).split(' ')[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push([k, d]);
    byFirst.set(first, list);
  }
  const drop = new Set<string>();
  for (const list of byFirst.values()) {
    if (list.length < 2 || list.length > 40) continue;
    for (const [ka, a] of list)
      for (const [kb, b] of list) {
        if (ka === kb || drop.has(kb)) continue;
        const [ta, tb, ba, bb] = [nk(a.fields.title), nk(b.fields.title), nk(a.fields.buyer), nk(b.fields.buyer)];
        const sameTitle = ta === tb || (tb.startsWith(ta + ' ') && /:/.test(b.fields.title));
        const sameBuyer = ba === bb || bb.startsWith(ba + ' ');
        // a is b's short form in its title, its buyer or both
        if (!sameTitle || !sameBuyer || (ta === tb && ba === bb)) continue;
        if (a.fields.territories && b.fields.territories && nk(a.fields.territories) !== nk(b.fields.territories)) continue;
        b.fields.territories ??= a.fields.territories;
        drop.add(ka);
      }
  }
  return drop;
}

/** Final touches: sellers from mandates, people who are companies dropped, stable order. */
function finish(st: State): AnyFact[] {
  const out: AnyFact[] = [];
  const dropped = shortForms(st);
  // a sales company that "acquired" a film for the world acquired its sales: a mandate, not a licence
  for (const key of [...st.order]) {
    const f = st.facts.get(key)!;
    if (f.type !== 'deal' || dropped.has(key)) continue;
    const d = f.fields;
    if (companyEntry(d.buyer)?.kind !== 'sales-agent' || d.price) continue;
    if (d.territories && !/^(?:world(?:wide)?|international|all territories|the world)$/i.test(d.territories.trim())) continue;
    add(st, 'mandate', { title: d.title, company: d.buyer, territories: null }, f.confidence, f.span);
    dropped.add(key);
  }
  // a deal told with a short form of a title the article names in full ("Bethlehem"): the full title's
  const told = new Set(
    st.order
      .filter((k) => !dropped.has(k) && st.facts.get(k)!.type === 'deal')
      .map((k) => {
        const d = (st.facts.get(k) as CandidateFact<'deal'>).fields;
        return `${nk(d.title)}|${nk(d.buyer)}`;
      }),
  );
  for (const key of st.order) {
    const f = st.facts.get(key)!;
    if (f.type !== 'deal' || dropped.has(key)) continue;
    const full = fullFormOf(st, f.fields.title);
    if (!full) continue;
    if (told.has(`${nk(full)}|${nk(f.fields.buyer)}`)) dropped.add(key);
    else f.fields.title = full;
  }
  // a deal the article later says is not done ("No deal has yet been reached for the film"): a report, not a deal
  for (const key of [...st.order]) {
    const f = st.facts.get(key)!;
    if (f.type !== 'deal' || dropped.has(key)) continue;
    const at = retractedAt(st, f.fields.title);
    if (at === undefined || f.span[0] >= at) continue;
    const d = f.fields;
    add(st, 'rumour', { title: d.title, party: d.buyer, kind: 'rumour', territories: d.territories }, 0.3, f.span);
    dropped.add(key);
  }
  // talks the article then reports closed ("X was in talks for T." ... "X has acquired T."): the closed deal is the
  // news, and the talks are no second, open negotiation of the same pair (a denial stays: it contradicts the deal)
  const closed = new Set<string>();
  for (const key of st.order) {
    const f = st.facts.get(key)!;
    if (f.type === 'deal' && !dropped.has(key)) closed.add(`${nk(f.fields.title)}|${nk(f.fields.buyer)}`);
  }
  for (const key of st.order) {
    const f = st.facts.get(key)!;
    if (f.type === 'rumour' && f.fields.kind !== 'denial' && closed.has(`${nk(f.fields.title)}|${nk(f.fields.party)}`)) dropped.add(key);
  }
  for (const key of st.order) {
    if (dropped.has(key)) continue;
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
