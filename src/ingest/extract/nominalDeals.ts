/**
 * Deals told with a noun or a payment rather than a verb of buying, as the US
 * trades write them: `X paid $6.5 million for U.S. rights to T`, `X struck a
 * multimillion-dollar pact for U.S. rights to T`, `X inked a deal for T`, `X
 * has announced the acquisition of all U.S. rights to T`. The subject is read
 * as the clause reading reads it (a company, joint buyers, `the company`);
 * the object (`rights to`, a description, the title) likewise (svo.ts). A
 * clause of talks or plans before the verb gives nothing. One pass over the
 * sentence's words.
 */
import type { DealFields } from '../types.js';
import { type Ctx } from './context.js';
import { addDeal, sentenceSeller } from './dealTerms.js';
import { companyEntry } from '../companies.js';
import { type Word, companyStartingAt, sentenceWords } from './clauseWords.js';
import { afterTerritories, notClosed, objectAt, sellerAfter, subjectOf, tell } from './svo.js';

const CUE =
  /\b(?:paid|pays|paying|plunked|plunking|forked|forking|shelled|shelling|ponied|struck|strikes|inked|inks|sealed|clinched|acquisition|saw)\b/;

const PAY = /^(?:paid|pays|paying|plunked|plunking|forked|forking|shelled|shelling|ponied)$/;
const PAY_PARTICLE = /^(?:down|out|up)$/;
const PACT_VERB = /^(?:struck|strikes|inked|inks|sealed|clinched|signed|signs|closed|finalized|finalised)$/;
const PACT = /^(?:deal|pact|agreement|contract)$/;
const ANNOUNCE = /^(?:announced|announces|confirmed|confirms|completed|completes|finalized|finalised|unveiled)$/;

/** Words that hedge a sum (`a reported $3m`, `about $2 million`), kept as the price's note as the other deal rules keep it. */
const HEDGE = /^(?:reported|around|about|nearly|close|roughly|approximately|some|than|estimated)$/;

/** A sum of money at `k` (`$6.5 million`, `about $3m`, `2 million euros`, `a mid-seven-figure sum`, `seven figures`): its end, or -1. */
function moneyEnd(ws: Word[], k: number): number {
  while (/^(?:about|around|nearly|some|roughly|close|to|a|an|reported|estimated|just|under|over|more|than)$/.test(ws[k]?.lw ?? '')) k++;
  const w = ws[k];
  if (!w) return -1;
  if (/^(?:US|A|C|CA|HK|NZ)?[$€£]\d/.test(w.w)) return /^(?:million|billion|m|mil|k)$/.test(ws[k + 1]?.lw ?? '') ? k + 2 : k + 1;
  // "2 million euros", "1.5 million dollars"
  if (
    /^\d[\d,.]*$/.test(w.w) &&
    /^(?:million|billion)$/.test(ws[k + 1]?.lw ?? '') &&
    /^(?:euros?|dollars|pounds)$/.test(ws[k + 2]?.lw ?? '')
  )
    return k + 3;
  // "a mid-seven-figure sum", "low seven figures", "a multimillion-dollar sum"
  let j = k;
  while (
    j < k + 4 &&
    ws[j] &&
    /^(?:low|mid|high|low-|mid-|six|seven|eight|[\w-]*figures?|[\w-]*figure|multimillion-dollar|sum|amount)$/.test(ws[j].lw)
  )
    j++;
  return j > k && /figures?$|sum$|amount$/.test(ws[j - 1].lw) ? j : -1;
}

/** Verbs in their bare form after `saw X`: `Other pick-ups saw X grab T; Y take T2; and Z pick up T3`. */
const BARE: string[][] = [['grab'], ['take'], ['buy'], ['acquire'], ['pick', 'up'], ['snap', 'up'], ['nab'], ['land'], ['scoop', 'up']];

/** `saw X grab T (alt); Y take P's T2; and Z pick up T3`: each company its films. */
function sawList(c: Ctx, ws: Word[], v: number, text: string, seller: string | null): number {
  let k = v + 1;
  let last = v;
  for (let item = 0; item < 10; item++) {
    const co = companyStartingAt(c, ws, k, text);
    if (!co) break;
    const verb = BARE.find((p) => p.every((w, i) => ws[co[0] + i]?.lw === w));
    if (!verb) break;
    const obj = objectAt(c, ws, co[0] + verb.length, text);
    if (!obj) break;
    tell(c, obj.titles, [co[1]], obj.terr, seller, true);
    last = obj.end;
    let s = obj.end;
    if (ws[s]?.w === '(') {
      const close = ws.findIndex((w, x) => x > s && w.w === ')');
      if (close < 0 || close - s > 8) break;
      s = close + 1;
    }
    if (!/^[;,]$/.test(ws[s]?.w ?? '')) break;
    k = ws[s + 1]?.lw === 'and' ? s + 2 : s + 1;
  }
  return last;
}

export function extractNominalDeals(c: Ctx): void {
  const text = c.sent.text;
  if (!CUE.test(text)) return;
  const ws = sentenceWords(text);
  const seller0 = sentenceSeller(c);
  for (let v = 1; v < ws.length; v++) {
    const lw = ws[v].lw;
    if (lw === 'saw' && !notClosed(ws, v)) {
      v = sawList(c, ws, v, text, seller0);
      continue;
    }
    let objAt = -1;
    let price: Partial<Pick<DealFields, 'price' | 'priceNote'>> = {};
    if (PAY.test(lw)) {
      // "X paid $6.5 million for U.S. rights to T", "X plunked down $3m for T"
      const from = PAY_PARTICLE.test(ws[v + 1]?.lw ?? '') ? v + 2 : v + 1;
      const m = moneyEnd(ws, from);
      if (m > 0 && ws[m]?.lw === 'for') {
        objAt = m + 1;
        price = paid(c, ws, from, m);
      }
    } else if (PACT_VERB.test(lw)) {
      // "X struck a multimillion-dollar pact for U.S. rights to T"
      let j = v + 1;
      if (/^(?:a|an|the|its)$/.test(ws[j]?.lw ?? '')) j++;
      while (j < v + 6 && ws[j] && !PACT.test(ws[j].lw) && /^[\p{Ll}\d$-]/u.test(ws[j].w)) j++;
      if (PACT.test(ws[j]?.lw ?? '') && /^(?:for|on)$/.test(ws[j + 1]?.lw ?? '')) objAt = j + 2;
    } else if (
      ANNOUNCE.test(lw) &&
      /^(?:the|its)$/.test(ws[v + 1]?.lw ?? '') &&
      ws[v + 2]?.lw === 'acquisition' &&
      ws[v + 3]?.lw === 'of'
    ) {
      // "X has announced the acquisition of all U.S. distribution rights to T"
      objAt = v + 4;
    } else if (/^(?:wrapped|wraps|rounded|rounds|capped|caps|topped|tops|ended|ends|kicked|kicks|started|starts|opened|opens)$/.test(lw)) {
      // "X has wrapped its Cannes buying spree with the acquisition of T": the verb's subject bought it
      const w = ws
        .slice(v + 1, v + 9)
        .findIndex(
          (x, i) => x.lw === 'with' && ws[v + 2 + i]?.lw === 'the' && ws[v + 3 + i]?.lw === 'acquisition' && ws[v + 4 + i]?.lw === 'of',
        );
      if (w >= 0) objAt = v + 1 + w + 4;
    }
    if (objAt < 0 || notClosed(ws, v)) continue;
    const buyers = subjectOf(c, ws, v, text);
    if (!buyers.length) continue;
    const obj = objectAt(c, ws, objAt, text);
    if (!obj) continue;
    const terr = obj.terr ?? afterTerritories(ws, obj.end, text);
    tell(c, obj.titles, buyers, terr, sellerAfter(c, ws, obj.end, text) ?? seller0, true, price);
    v = obj.end - 1;
  }
}

/**
 * The price of `paid $N` (words [a, b)): the sum as the sentence's sketch parsed it (its currency, in units), the
 * hedge before it as the note (`a reported`, `about`), or the tier of `a mid-seven-figure sum`.
 */
function paid(c: Ctx, ws: Word[], a: number, b: number): Pick<DealFields, 'price' | 'priceNote'> {
  const from = c.sent.start + ws[a].s;
  const to = c.sent.start + ws[b - 1].e;
  const sum = c.sk.items.find((it) => it.kind === 'money' && it.start >= from && it.end <= to)?.money;
  const hedges = ws.slice(a, b).filter((w) => HEDGE.test(w.lw));
  const tier = /^(?:low-|mid-|high-)?(?:six|seven|eight|nine)-figure$/.exec(ws.slice(a, b).find((w) => /-figure$/.test(w.lw))?.lw ?? '');
  const note = hedges.length
    ? hedges
        .map((w) => w.lw)
        .join(' ')
        .replace(/^than$/, 'more than')
        .replace(/^close$/, 'close to')
    : (tier?.[0] ?? null);
  return { price: sum ?? null, priceNote: note };
}

/** `The second acquisition is a crime thriller entitled T`: the opening of a sentence that names one of the buyer's films. */
const NTH_ACQUISITION =
  /^(?:the|its|their) (?:first|second|third|fourth|fifth|other|latest|newest|new|final|last|next) (?:acquisition|pickup|pick-up|purchase|buy) (?:is|was) /;

/**
 * A buyer's purchases counted one by one, the buyer named in an earlier sentence (`X picked up two Argentine films.
 * The first, T, ... The second acquisition is a crime thriller entitled T2`): the film is the company in focus's.
 */
export function extractNthAcquisition(c: Ctx): void {
  const buyer = c.st.focusCompany;
  if (!buyer || companyEntry(buyer)?.kind === 'sales-agent') return;
  const n = Math.min(c.toks.length, 14);
  const m = NTH_ACQUISITION.exec(c.words(0, n));
  if (!m) return;
  for (let k = m[0].split(' ').length - 1; k < n; k++) {
    if (c.tok(k) === ',' || c.tok(k) === ';') return;
    if (c.isTitle(k)) {
      addDeal(c, c.item(k).text, buyer, [], { seller: null }, 0.7);
      return;
    }
  }
}
