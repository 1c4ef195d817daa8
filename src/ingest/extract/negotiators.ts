/**
 * A deal's details told after it (the price, the seller named later) and
 * the people who negotiated it for each side.
 */
import { learn } from '../sketch.js';
import type { NegotiatorFields } from '../types.js';
import { type Ctx, add, dealsHere, hasSpanAt, nk, personLike, pushSpan } from './context.js';
import { MONEY_INTRO } from './words.js';
import { brokeredBy } from './dealTerms.js';

/** "The deal, worth a reported $2.5 million, was brokered by Cinetic on behalf of the filmmakers.": the price and the seller of the latest deal. */
export function extractDealDetails(c: Ctx): void {
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

export function extractNegotiators(c: Ctx): void {
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
    // "Vincent Maraval for Wild Bunch": the company right after the person is the person's side
    if (!company && /^(?:for|on behalf of)$/.test(c.tok(j + 1)) && /^[CE]\d+$/.test(c.tok(j + 2))) company = c.name(j + 2);
    if (!company) {
      for (let b = j - 1; b >= Math.max(0, j - 8); b--) {
        const bt = c.tok(b);
        // "A for Brightwell and B": the company after "for" is A's, not B's
        if (/^[CE]\d+$/.test(bt) && /^(?:for|of|at)$/.test(c.tok(b - 1)) && /^[PE]\d+$/.test(c.tok(b - 2))) break;
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
    representatives(c, cue, f.title, f.buyer);
  }
}

/**
 * The several companies a buyer negotiated with ("negotiated the deal with X and Y", "with P, head of sales at X, and
 * Y"): each represents the film, a mandate of its own (one company alone is the deal's seller, no more).
 */
function representatives(c: Ctx, cue: number, title: string, buyer: string): void {
  const n = c.toks.length;
  // "with" a few words after a verb of negotiating ("negotiated the deal with")
  let w = -1;
  for (let k = cue; k < n && w < 0; k++)
    if (/^(?:negotiated|negotiating|brokered|hammered|struck|closed)$/.test(c.tok(k)) && c.toks.slice(k + 1, k + 7).includes('with'))
      w = c.toks.indexOf('with', k + 1);
  if (w < 0) return;
  const reps: string[] = [];
  for (let j = w + 1; j < n && !/^(?:\.|;|for|on|to|after|in)$/.test(c.tok(j)); j++) {
    if (!c.isOrg(j) || personLike(c, j) || c.raw(j).endsWith("'s")) continue;
    const name = c.name(j);
    if (nk(name) !== nk(buyer) && !reps.some((x) => nk(x) === nk(name))) reps.push(name);
  }
  if (reps.length < 2) return;
  for (const company of reps) add(c.st, 'mandate', { title, company, territories: null }, 0.6, c.span());
}
