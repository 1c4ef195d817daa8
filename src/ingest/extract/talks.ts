/**
 * Deals reported as not yet done, in the words the trade press uses for the
 * last steps of a negotiation: "X is in the final stages of closing a deal to
 * pick up T", "X is thought to be close to a final deal for T", "X is nearing
 * an agreement on T", "X, the specialty label, is in final negotiations to
 * acquire T" (an appositive between the company and its verb), "X close to
 * signing for T", and the counterpart named after the talks: "the producer is
 * in negotiations for a U.S. distribution pact with X" (X the buyer). Each
 * gives a `talks` rumour of the company for the film: the title the verb
 * governs, else the last one named before it, else the film in focus.
 * One pass over the sentence's tokens.
 */
import { learn } from '../sketch.js';
import { companyEntry } from '../companies.js';
import { type Ctx, type State, add, joinList, nk, validTerritories } from './context.js';
import { lastTitleBefore } from './dealTerms.js';
import { otherFilm } from './otherFilm.js';

/** Every shape needs one of these words: a sentence without any is skipped at once. */
const CUE =
  /\b(?:close|closing|nearing|nears|near|negotiations|negotiating|talks|discussions|stages|signing|finali[sz]ing|sealing|poised|expected|tipped|angling|set|due|hoping|looking|yet|vying|competing|battling|jostling|jockeying|play|bid|lead|imminent|way|underway|ongoing)\b/;

const HEDGE = String.raw`(?:reportedly |said to be |thought to be |believed to be |understood to be |reported to be |rumou?red to be )?`;
/** The verb phrases, from the copula on. */
const SHAPE = new RegExp(
  String.raw`^(?:(?:is|are|was|were) )?(?:also |now |still )?${HEDGE}(?:in the (?:final|last|late) stages? of (?:closing|negotiating|finalizing|finalising|sealing) (?:a |an )?(?:deal|agreement|pact)|close to (?:a |an )?(?:final |definitive |formal )?(?:deal|agreement|pact)|close to (?:closing|signing|finalizing|finalising|sealing)(?: (?:a |an )?(?:deal|agreement|pact))?|(?:nearing|nears|near) (?:a |an )?(?:final |definitive )?(?:deal|agreement|pact)|in (?:advanced |early |final |exclusive |late-stage )?(?:talks|negotiations|discussions) (?:to|for|on|over|about|with)|(?:closing|finalizing|finalising|negotiating|sealing|hammering out|working out) (?:a |an )?(?:final |definitive )?(?:deal|pact|agreement) (?:for|on|to)|(?:poised|expected|tipped|angling|vying) to (?:acquire|pick up|buy|take|land|nab|snap up|scoop up)|making a (?:play|bid|run) for|(?:expected|set|due|poised|hoping|looking|yet) to (?:close|finali[sz]e|seal|sign|ink|complete|strike) (?:a |an |the )?(?:final |definitive )?(?:deal|pact|agreement) (?:for|on|to)|(?:vying|competing|battling|jostling|jockeying) for|in the lead (?:for|to))\b`,
);

/** Roles, not rights: "X is in talks to star", "to direct". */
const NOT_RIGHTS = /^(?:to (?:star|direct|helm|join|write|produce|topline|co-star|play|lead|host|narrate|compose|score))\b/;

/** The talks phrase ending before `end` is about a role ("in talks to star"), not the film's rights. */
export function talksForRole(c: Ctx, end: number): boolean {
  return NOT_RIGHTS.test(c.words(end - 1, end + 2)) || NOT_RIGHTS.test(c.words(end, end + 2));
}

export function extractTalks(c: Ctx): void {
  const n = c.toks.length;
  if (!CUE.test(c.words(0, n))) return;
  dealImminent(c);
  for (let v = 0; v < n; v++) {
    if (
      !/^(?:is|are|was|were|close|nearing|nears|near|in|also|now|still|reportedly|said|thought|believed|understood|reported|closing|finalizing|finalising|negotiating|sealing|poised|expected|tipped|angling|vying|competing|battling|jostling|jockeying|making|set|due|hoping|looking|yet)$/.test(
        c.tok(v),
      )
    )
      continue;
    // the verb phrase starts here: the token before it is not itself part of the phrase
    if (/^(?:is|are|was|were|also|now|still|reportedly|said|thought|believed|understood|reported|be|to)$/.test(c.tok(v - 1))) continue;
    const m = SHAPE.exec(c.words(v, v + 16));
    if (!m) continue;
    const end = v + m[0].split(' ').length;
    if (talksForRole(c, end)) continue;
    let parties = subject(c, v);
    // "T is in talks with X", "its producers are in negotiations with X": X is the buyer; a company's talks "with" someone name no buyer
    if (/ with$/.test(m[0])) {
      let x = end;
      if (c.tok(x) === 'the') x++;
      if (!c.isOrg(x) || c.isPer(x)) continue;
      // "X is in talks with Y over T": when one side is a sales company and the other not, the other is the buyer
      const seller = (name: string) => companyEntry(name)?.kind === 'sales-agent';
      const subjectBuys = parties.length && seller(c.name(x)) && !parties.some(seller);
      if (!subjectBuys) {
        if (!parties.length || (parties.every(seller) && !seller(c.name(x)))) parties = [c.name(x)];
        else continue;
      }
    }
    let title: string | null = null;
    // "... in negotiations for a U.S. distribution pact with X": X is the buyer, the subject its seller
    const k = pactWith(c, end);
    if (k >= 0) parties.splice(0, parties.length, c.name(k));
    if (!parties.length) continue;
    const limit = c.clauseEnd(end);
    for (let j = end; j < Math.min(limit, end + 14) && !title; j++) {
      if (c.isTitle(j) && !otherFilm(c, j, j + 1)) title = c.item(j).text;
      else if (/^(?:the film|the movie|the documentary|the picture|it)$/.test(c.words(j, j + 2)) || c.tok(j) === 'it')
        title = c.st.focus ?? c.st.lead;
    }
    title ??= lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    if (!title) continue;
    const terrs: string[] = [];
    for (let j = end; j < limit; j++) if (c.isTerr(j) && /^(?:rights|distribution)$/.test(c.tok(j + 1))) terrs.push(...c.terrList(j).exprs);
    for (const party of parties) {
      if (nk(party) === nk(title)) continue;
      // a deal already told for the same film and company is not in talks
      if (c.st.deals.some((d) => nk(d.fields.title) === nk(title) && nk(d.fields.buyer) === nk(party))) continue;
      const f = add(c.st, 'rumour', { title, party, kind: 'talks', territories: validTerritories(joinList(terrs)) }, 0.3, c.span());
      // the same report read by the broader rumour shapes ("is thought to be close"): the last steps of talks
      if (f && f.fields.kind === 'rumour') f.fields.kind = 'talks';
      learn(c.st.reg, party, 'company');
    }
  }
}

/**
 * "(in negotiations for) a U.S. distribution pact with X": where X stands, the counterpart of the talks (the buyer,
 * the subject being the seller), else -1.
 */
export function pactWith(c: Ctx, end: number): number {
  const pact =
    /^(?:a |an )?(?:[RN]\d+ )?(?:(?:theatrical|distribution|home video|home entertainment|tv|streaming|rights) ){0,2}(?:deal|pact|agreement) with (?:the )?$/.exec(
      c.words(end, end + 8).replace(/(?<= )[CE]\d+.*$/, ''),
    );
  if (!pact) return -1;
  const k = end + pact[0].trim().split(' ').length;
  return c.isOrg(k) && !c.isPer(k) ? k : -1;
}

/** The companies the verb at `v` is told of: "X", "X and Y", "X, the specialty label, ...", past hedges. */
function subject(c: Ctx, v: number): string[] {
  let k = v - 1;
  // "X, the gold standard of specialty labels, is ...": an appositive closed by a comma
  if (c.tok(k) === ',') {
    for (let b = k - 1; b >= Math.max(0, k - 14); b--) {
      if (c.tok(b) === '.' || c.tok(b) === ';') break;
      if (c.tok(b) === ',' && c.isOrg(b - 1) && /^(?:the|a|an)$/.test(c.tok(b + 1))) {
        k = b - 1;
        break;
      }
    }
  }
  // "X has been in talks", "X had been negotiating": the auxiliaries before the phrase
  while (k > 0 && /^(?:has|have|had|been|also|reportedly)$/.test(c.tok(k))) k--;
  const out: string[] = [];
  // (an unknown name is taken for a company: a person in talks is in talks for a role, which is left out above)
  while (k >= 0 && c.isOrg(k) && !/['’]s?$/.test(c.raw(k))) {
    out.unshift(c.name(k));
    if (c.tok(k - 1) !== 'and') break;
    k -= 2;
  }
  return out;
}

/** "A deal with X is imminent", "a deal with X for T is said to be close": the deal is the subject, X its buyer. */
const IMMINENT = new RegExp(
  String.raw`^(?:is|are) (?:now |also )?${HEDGE}(?:imminent|close|near|nearly done|in the works|expected (?:shortly|soon|within days))\b`,
);

/** "Talks are under way with X": the talks named as their own subject. */
const UNDER_WAY = /^(?:are|were) (?:now |still )?(?:under ?way|ongoing|continuing|advanced|at an advanced stage) with (?:the )?$/;

function dealImminent(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v + 2 < n; v++) {
    // "Talks are under way with X for T": as "talks with X for T are under way"
    // (a sentence's first word, "Talks", may have been read as a name)
    if (/^talks$/i.test(c.item(v)?.text ?? '') && !/^(?:in|of|the)$/.test(c.tok(v - 1))) {
      const u = UNDER_WAY.exec(c.words(v + 1, v + 9).replace(/(?<= )[CE]\d+.*$/, ''));
      const x = u ? v + 1 + u[0].trim().split(' ').length : -1;
      if (x < 0 || !c.isOrg(x) || c.isPer(x)) continue;
      let title: string | null = null;
      if (/^(?:for|on|over)$/.test(c.tok(x + 1)))
        for (let t = x + 2; t < Math.min(n, x + 8) && !title; t++) if (c.isTitle(t)) title = c.item(t).text;
      title ??= lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
      if (title) tellTalks(c, title, c.name(x));
      continue;
    }
    if (!/^(?:deal|agreement|pact|talks)$/.test(c.tok(v)) || !/^(?:a|an|the)$/.test(c.tok(v - 1)) || c.tok(v + 1) !== 'with') continue;
    const x = c.tok(v + 2) === 'the' ? v + 3 : v + 2;
    if (!c.isOrg(x) || c.isPer(x)) continue;
    // the verb: right after the buyer, or after the film the deal is for ("a deal with X for T is ...")
    let title: string | null = null;
    let j = x + 1;
    if (/^(?:for|on|over)$/.test(c.tok(j))) {
      const t = c.toks.slice(j + 1, j + 6).findIndex((_, i) => c.isTitle(j + 1 + i));
      if (t < 0) continue;
      title = c.item(j + 1 + t).text;
      j += t + 2;
    }
    if (!IMMINENT.test(c.words(j, j + 10))) continue;
    title ??= lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    if (!title) continue;
    tellTalks(c, title, c.name(x));
  }
}

/** A `talks` rumour of the party for the film, unless the article already told the deal closed. */
function tellTalks(c: Ctx, title: string, party: string): void {
  if (nk(party) === nk(title)) return;
  if (c.st.deals.some((d) => nk(d.fields.title) === nk(title) && nk(d.fields.buyer) === nk(party))) return;
  const f = add(c.st, 'rumour', { title, party, kind: 'talks', territories: null }, 0.3, c.span());
  if (f && f.fields.kind === 'rumour') f.fields.kind = 'talks';
  learn(c.st.reg, party, 'company');
}

/**
 * "No deal has yet been reached for the film": a later sentence saying the film is still unsold. A deal the article
 * told before it for that film was a report, not a closed deal (`finish` turns it into a rumour). Per article, the
 * films so retracted and where the retraction stands.
 */
const retractions = new WeakMap<State, Map<string, number>>();

const NO_DEAL =
  /\b(?:no (?:(?:distribution|sales|rights|acquisition|final) )?deal (?:has|had|have) (?:yet |so far )?been (?:reached|signed|closed|done|struck|agreed|finali[sz]ed|concluded)|nothing has (?:yet )?been (?:signed|closed|finali[sz]ed)|(?:has|had) not (?:yet )?been (?:sold|acquired|picked up))\b/;

export function extractNoDealYet(c: Ctx): void {
  const n = c.toks.length;
  const w = c.words(0, n);
  const m = NO_DEAL.exec(w);
  if (!m) return;
  // a territory named ("no deal has been reached for U.S. rights") leaves the other sales standing
  if (c.toks.some((_, i) => c.isTerr(i))) return;
  let title: string | null = null;
  for (let j = 0; j < n && !title; j++) if (c.isTitle(j) && !otherFilm(c, j, j + 1)) title = c.item(j).text;
  title ??= /\b(?:the film|the movie|the documentary|the doc|the picture|it)\b/.test(w) ? (c.st.focus ?? c.st.lead) : null;
  if (!title) return;
  let map = retractions.get(c.st);
  if (!map) retractions.set(c.st, (map = new Map()));
  if (!map.has(nk(title))) map.set(nk(title), c.span()[0]);
}

/** Where the article says the film is still unsold, if it does: deals told before it are reports. */
export function retractedAt(st: State, title: string): number | undefined {
  return retractions.get(st)?.get(nk(title));
}
