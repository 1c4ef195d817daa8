/**
 * A buyer's films told as a list after a noun of its buying: "X's other pick-ups include A from S and P's B",
 * "Its first acquisitions took in “A” and “B”", "X's UK releases include 2022's A, which ...; and 2023's B",
 * "Neon's acquisitions of “A” and “B”", "X's pickup of T". The buyer is the company whose possessive opens the noun,
 * or the company in focus for `its` / `their` / `other recent pick-ups`. A slate or a line-up is a buyer's only when
 * the gazetteer knows the company as one (a sales company's slate is what it sells). The list is read as a verb's
 * object is (svo.ts objectAt). One pass over the sentence's words.
 */
import { companyEntry } from '../companies.js';
import { type Ctx } from './context.js';
import { CORPORATE_END, type Word, isCompanyName, sentenceWords } from './clauseWords.js';
import { afterTerritories, objectAt, tell } from './svo.js';

/** The nouns of a buyer's films. */
const BUYS = /^(?:acquisitions|acquisition|pick-ups|pickups|pick-up|pickup|buys|purchases|purchase|releases|grosses|slate|line-up|lineup)$/;
/** Nouns that are a buyer's only for a company known to buy (a sales company has a slate too). */
const HOLDINGS = /^(?:slate|line-up|lineup)$/;
/** A distributor's name by its last word. */
const DISTRIBUTOR_NAME = /\b(?:Distribution|Distribución|Distribucion|Distribuzione|Releasing|Verleih|Filmverleih|Distributors)$/;
/** Words between the owner's possessive and the noun: "other recent", "first", "UK-Ireland", "2024". */
const MODIFIER =
  /^(?:other|recent|first|latest|new|newest|further|earlier|past|previous|upcoming|current|own|key|major|biggest|notable|top|five|ten|three|rest|of|the|cannes|berlin|venice|toronto|sundance|festival|market|theatrical|uk|u\.k\.|us|u\.s\.|uk-ireland|\d{4}|and)$/;
const POSSESSIVE = /['’]s$/;

/** The company whose possessive ends at word `i` ("Kestrel's", "Kestrel Films ’"): its name, or null. */
function ownerAt(c: Ctx, ws: Word[], i: number, text: string): string | null {
  let end = i;
  let cut = 0;
  if (ws[i]?.w === '’' || ws[i]?.w === "'") end = i - 1;
  else if (POSSESSIVE.test(ws[i]?.w ?? '')) cut = 2;
  else if (/s['’]$/.test(ws[i]?.w ?? '')) cut = 1;
  else return null;
  for (let n = Math.min(4, end + 1); n >= 1; n--) {
    const parts = ws.slice(end - n + 1, end + 1);
    if (!/^\p{Lu}/u.test(parts[0].w) || !parts.every((p) => /^\p{Lu}/u.test(p.w) || /^(?:&|de|del|la|le|du|of|the)$/.test(p.w))) continue;
    const name = text.slice(parts[0].s, parts[parts.length - 1].e - cut).trim();
    const last = name.split(' ').pop() ?? '';
    if (name && (isCompanyName(c, name) || (n >= 2 && (CORPORATE_END.test(last) || DISTRIBUTOR_NAME.test(name))))) return name;
  }
  return null;
}

/**
 * "Titles in pre-production acquired in Cannes include A (S); B (S2)": the films the company in focus bought, told
 * without naming it (what follows each film in parentheses is its seller).
 */
function acquiredInclude(c: Ctx, ws: Word[], text: string): void {
  // (the buyer of the article's last deal: the company whose buying the report goes on with)
  const last = c.st.deals[c.st.deals.length - 1];
  const owner = last && last.span[0] < c.sent.start ? last.fields.buyer : null;
  if (!owner || companyEntry(owner)?.kind === 'sales-agent') return;
  for (let i = 1; i < ws.length; i++) {
    if (!/^(?:include|includes|included)$/.test(ws[i].lw)) continue;
    const head = ws.slice(0, i);
    const noun = head.findIndex((w) => /^(?:titles|films|features|movies)$/.test(w.lw));
    const verb = head.findIndex((w) => /^(?:acquired|bought|purchased)$/.test(w.lw));
    if (noun < 0 || verb < noun || head.slice(0, noun).some((w) => /^\p{Lu}/u.test(w.w) && w !== ws[0])) return;
    // (no company of its own: "titles Neon acquired include" is read by the deal rules)
    if (head.some((w, x) => x > 0 && /^\p{Lu}/u.test(w.w) && !/^(?:Cannes|Berlin|Venice|Toronto|Sundance|Berlinale|AFM|EFM)$/.test(w.w)))
      return;
    const obj = objectAt(c, ws, i + 1, text);
    if (obj) tell(c, obj.titles, [owner], obj.terr ?? afterTerritories(ws, obj.end, text), null);
    return;
  }
}

export function extractBuyerLists(c: Ctx): void {
  const text = c.sent.text;
  if (/\b(?:acquired|bought|purchased)\b[^.]*\binclude[sd]?\b/.test(text) && !/\b(?:talks|negotiat\w*)\b/i.test(text))
    acquiredInclude(c, sentenceWords(text), text);
  if (!/\b(?:acquisitions?|pick-?ups?|buys|purchases?|releases|grosses|slate|line-?up)\b/i.test(text)) return;
  if (/\b(?:talks|negotiat\w*|hopes?|plans?|wants?|eyeing|seeking|looking)\b/i.test(text)) return;
  const ws = sentenceWords(text);
  for (let i = 1; i < ws.length; i++) {
    if (!BUYS.test(ws[i].lw)) continue;
    // what opens the list: "include(s|d)", "took in", "feature(s)", "are", "such as", ":" (and "of" after a noun of buying)
    let k = i + 1;
    const w1 = ws[k]?.lw ?? '';
    if (/^(?:include|includes|included|including|feature|features|featured|are|were|:)$/.test(w1)) k++;
    else if (/^(?:took|take|takes)$/.test(w1) && ws[k + 1]?.lw === 'in') k += 2;
    else if (w1 === 'such' && ws[k + 1]?.lw === 'as') k += 2;
    else if (w1 === 'of' && !HOLDINGS.test(ws[i].lw) && ws[i].lw !== 'releases') k++;
    else continue;
    if (ws[k]?.lw === 'such' && ws[k + 1]?.lw === 'as') k += 2;
    // the owner: a company's possessive before the noun and its modifiers, or `its` / `their`
    let o = i - 1;
    while (o >= 0 && i - o <= 4 && MODIFIER.test(ws[o].lw)) o--;
    let owner = o >= 0 ? ownerAt(c, ws, o, text) : null;
    // (`its` is the sentence's subject when it names one: "X has completed its purchase of")
    // ("Some of its earlier releases were", "Among its acquisitions are": a part of the list, the company in focus)
    const partOf = o === 2 && /^(?:some|many|several|among|one|two|three) of$/.test(`${ws[0].lw} ${ws[1].lw}`);
    const among = o === 1 && /^(?:among|including)$/.test(ws[0].lw);
    if (!owner && o >= 0 && /^(?:its|their)$/.test(ws[o].lw)) owner = o > 0 && !partOf && !among ? null : c.st.focusCompany;
    // "Other recent pick-ups include": the company in focus, when the sentence opens on the noun
    if (!owner && o < 0 && /^(?:other|recent|further|latest|new|upcoming|forthcoming)$/.test(ws[0].lw)) owner = c.st.focusCompany;
    // "the company says it was pleased with the results of acquisitions such as A and B": the company the sentence names
    if (
      !owner &&
      /^(?:acquisitions|pick-ups|pickups|purchases)$/.test(ws[i].lw) &&
      /^(?:for|of|with|from)$/.test(ws[o]?.lw ?? '') &&
      /\b(?:the company|the distributor|the buyer|it)\b/i.test(text.slice(0, ws[i].s))
    )
      owner = c.st.focusCompany;
    if (!owner) continue;
    // ("picked up from Focus' Cannes slate: A and B": the slate they came from is the seller's)
    const before = text.slice(Math.max(0, ws[i].s - 60), ws[i].s);
    if (/\b(?:from|out of|off)\s+(?:\S+\s+){0,4}$/i.test(before) && before.includes(owner)) continue;
    const kind = companyEntry(owner)?.kind;
    if (kind === 'sales-agent') continue;
    // (a company the gazetteer knows as a buyer, or one named as a distributor: "Sala de Arte Distribucion")
    const buys = kind === 'distributor' || kind === 'streamer' || kind === 'studio' || kind === 'broadcaster';
    if (HOLDINGS.test(ws[i].lw) && !buys && !DISTRIBUTOR_NAME.test(owner)) continue;
    const obj = objectAt(c, ws, k, text);
    if (!obj) continue;
    // "X's acquisition of Y" is as often a company's: one film after a singular noun only when it is quoted
    if (
      /^(?:acquisition|purchase|pickup|pick-up)$/.test(ws[i].lw) &&
      !/[“"‘]/.test(text.slice(ws[k].s, ws[Math.min(obj.end, ws.length) - 1].e))
    )
      continue;
    tell(c, obj.titles, [owner], obj.terr ?? afterTerritories(ws, obj.end, text), null);
    i = obj.end - 1;
  }
}
