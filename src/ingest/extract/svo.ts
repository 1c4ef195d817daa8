/**
 * Who did what to which film: a reading of a clause as subject, deal verb and
 * object, for the deals the shaped rules miss because the film is not quoted,
 * or stands behind a description, or the deal is told in passing.
 *
 * - active: a company (or "the streamer", the company in focus), a deal verb,
 *   then the object past what stands between: the rights and their territories
 *   (`the North American and Latin American rights to`), a description
 *   (`the SXSW Midnight selection`, `another thriller,`, `P's feature debut,`,
 *   `Grand Prix winner`), then the title, quoted or a capitalized run; a second
 *   title after `and`/`alongside` (`two award winners, P's T and P2's T2`);
 *   territories after it (`for distribution in the U.K. and Germany`);
 * - a gerund after the company (`Neon was another buyer, taking home T`,
 *   `X picking up T for distribution in R`);
 * - passive with its subject title, past an apposition or a relative clause
 *   (`T, about a moon program, was sold to X`, `T, which I am told was bought by
 *   X`, `..., T, this was snapped up by X`), and `T and T2 both went to X`.
 *
 * A clause with talks, a rumour, a plan or a denial before its verb gives
 * nothing. Deals already found in the sentence are not told twice (addDeal
 * merges them). One pass over the sentence's words, each look bounded.
 */
import { lookupTerritoryName } from '../../domain/territories.js';
import { companyEntry } from '../companies.js';
import type { DealFields } from '../types.js';
import { type Ctx, dealsHere, dropFact, nk, spellTerritories } from './context.js';
import { COMMON_POSSESSOR } from '../titles.js';
import { addDeal, sentenceSeller } from './dealTerms.js';
import {
  type Word,
  companyEndingAt,
  companyStartingAt,
  isCompanyName,
  openingName,
  sentenceWords,
  titleAt,
  phraseAt,
} from './clauseWords.js';
import { afterTerritories, moreBuyers, parenPlace, placedName, sketchTitle } from './moreBuyers.js';
import { territoryOf } from '../nameShapes.js';

export { afterTerritories } from './moreBuyers.js';
import { COMPANY_PRONOUN } from './words.js';
import {
  ACTIVE,
  BETWEEN,
  BOX_OFFICE,
  CUE,
  DESC_WORD,
  GERUND,
  INFINITIVE,
  KIND,
  LATEST,
  LIST_NOUN,
  MEDIA,
  NOT_CLOSED,
  PASSIVE,
  PASSIVE_FROM,
  POSSESSIVE,
  WENT,
} from './svoWords.js';

/** Where the subject's `are the latest ... to` (or `teamed up to`, `partnered to`) begins before the infinitive at `v`, or -1. */
function latestToAt(ws: Word[], v: number): number {
  // "X has gone on to release T"
  if (ws[v - 1]?.lw === 'to' && ws[v - 2]?.lw === 'on' && ws[v - 3]?.lw === 'gone') return v - 3;
  // "X and Y teamed up to secure rights to T", "X and Y have partnered to acquire T"
  if (
    ws[v - 1]?.lw === 'to' &&
    (/^(?:partnered|joined forces|swooped|moved|rushed|raced|decided|opted|chose)$/.test(ws[v - 2]?.lw ?? '') ||
      (ws[v - 2]?.lw === 'up' && ws[v - 3]?.lw === 'teamed') ||
      (ws[v - 2]?.lw === 'in' && ws[v - 3]?.lw === 'stepped'))
  )
    return ws[v - 2].lw === 'up' || ws[v - 2].lw === 'in' ? v - 3 : v - 2;
  // "this encouraged the company to pre-buy T": the company the verb moved (its subject is what moved it)
  if (
    ws[v - 1]?.lw === 'to' &&
    ws.slice(Math.max(0, v - 6), v - 2).some((w) => /^(?:encouraged|prompted|led|persuaded|convinced|enabled|allowed)$/.test(w.lw))
  )
    return v - 1;
  for (let b = v - 4; b >= Math.max(0, v - 9); b--)
    if (
      LATEST.test(
        ws
          .slice(b, v)
          .map((w) => w.lw)
          .join(' '),
      )
    )
      return b;
  return -1;
}

/**
 * The clause's words before `v` hold talks or a plan: read back at most ten words, to a semicolon or a dash,
 * or to a comma more than three words back (the comma right before a gerund is crossed).
 */
export function notClosed(ws: Word[], v: number): boolean {
  const from = Math.max(0, v - 10);
  let k = v - 1;
  while (k >= from && !/^[;–—]$/.test(ws[k].w) && !(ws[k].w === ',' && k < v - 3)) k--;
  return NOT_CLOSED.test(
    ws
      .slice(k + 1, v)
      .map((w) => w.lw)
      .join(' '),
  );
}

/** The subject company of the verb at `v`: [names] (joint buyers `X and Y`), or the company in focus for `the streamer`. */
export function subjectOf(c: Ctx, ws: Word[], v: number, text: string): string[] {
  let k = v;
  while (k > 0 && BETWEEN.has(ws[k - 1].lw) && v - k < 7) k--;
  let found = companyEndingAt(c, ws, k, text);
  // "Netflix, in a near-$20-million deal, grabbed": a phrase between commas after the subject
  if (!found && ws[k]?.w === ',') {
    // ("X, started by Curzon alumni A and B, have acquired", "X, the Swiss-based company which has built ..., picked up":
    // a description of the subject, opened by a participle or an article, may run longer)
    for (let p = k - 1; p > 0 && k - p <= 22; p--) {
      if (ws[p].w === ';') break;
      if (ws[p].w !== ',') continue;
      const words = ws.slice(p + 1, k);
      const described =
        words.length && /^(?:started|founded|launched|formed|run|owned|led|headed|backed|created|set|the|a|an)$/.test(words[0].lw);
      if (
        words.length &&
        (k - p <= 10 || described) &&
        (described || /^(?:in|at|with|after|for|on|meanwhile|again|reportedly|however|too|also|once|in a)$/.test(words[0].lw))
      )
        found = companyEndingAt(c, ws, p, text);
      if (k - p > 10 && !found) continue;
      break;
    }
  }
  if (found) {
    // "X, a subsidiary of Y, acquired", "X, rather than Y, acquired": a company inside commas between another
    // company and the verb describes it; the subject is the company before the opening comma
    const held = ws.slice(k, v).some((w) => w.w === ',') ? heldCompany(c, ws, found[0], text) : null;
    if (held) return [held];
    // ("ThinkFilm and Discovery Communications have acquired": two companies the name reader joined)
    const halves = found[1].split(' and ');
    if (halves.length === 2 && halves.every((h) => isCompanyName(c, h))) return halves;
    const names = [found[1]];
    // joint buyers: "A24 and DirecTV have acquired", "X and its label Y have snapped up"
    const label =
      /^(?:label|shingle|banner|division|arm|subsidiary|partner|sister company|imprint)$/.test(ws[found[0] - 1]?.lw ?? '') &&
      /^(?:its|their)$/.test(ws[found[0] - 2]?.lw ?? '')
        ? 2
        : 0;
    if (ws[found[0] - 1 - label]?.lw === 'and') {
      const other = companyEndingAt(c, ws, found[0] - 1 - label, text) ?? openingName(c, ws, found[0] - 1 - label, text);
      if (other) names.unshift(other[1]);
    }
    return names;
  }
  // "It has also released such titles as A and B": a sentence that opens on `it` before a buyer's verb means the
  // company in focus (a film acquires nothing)
  if (k === 0 && ws[0]?.lw === 'it' && c.st.focusCompany && ws.slice(1, v).every((w) => BETWEEN.has(w.lw) && w.lw !== 'that'))
    return [c.st.focusCompany];
  // "X will release T, and it also acquired ...": `it` after `and` is the company the sentence opens on
  const it = ws.slice(k, v).findIndex((w) => w.lw === 'it');
  if (it >= 0 && ws[k - 1]?.lw === 'and' && ws.slice(k, k + it).every((w) => w.lw !== 'that')) {
    const opener = companyStartingAt(c, ws, 0, text);
    if (opener) return [opener[1]];
  }
  // "X won T, and added T2 to its slate": the verb after `and` shares the subject the sentence opens on
  if (k === v && (ws[k - 1]?.lw === 'and' || (ws[k - 1]?.lw === 'also' && ws[k - 2]?.lw === 'and'))) {
    const opener = companyStartingAt(c, ws, 0, text);
    if (
      opener &&
      /^(?:has|have|had|also|\w+ed|bought|won|took|got)$/.test(ws[opener[0]]?.lw ?? '') &&
      !ws.slice(opener[0], k).some((w) => /^(?:which|who|that|while|whereas|but)$/.test(w.lw))
    )
      return [opener[1]];
  }
  // "Ana Ruiz and Tom Berg's company will distribute T": the company in focus, named by its owners
  if (
    /^(?:company|outfit|banner|label|shingle)$/.test(ws[k - 1]?.lw ?? '') &&
    /^\p{Lu}\S*['’]s$/u.test(ws[k - 2]?.w ?? '') &&
    c.st.focusCompany &&
    !companyEndingAt(c, ws, k - 2, text)
  )
    return [c.st.focusCompany];
  // "the streamer", "the company": the company in focus
  for (let n = 2; n <= 4; n++) {
    const phrase = ws
      .slice(k - n, k)
      .map((w) => w.lw)
      .join(' ');
    if (k - n < 0 || phrase === 'it' || !COMPANY_PRONOUN.test(phrase)) continue;
    // "X has announced that the company has acquired": the company that opens the sentence, before the one in focus
    const opener = companyStartingAt(c, ws, 0, text);
    if (opener && opener[0] <= k - n && ws.slice(opener[0], k - n).every((w) => BETWEEN.has(w.lw))) return [opener[1]];
    if (c.st.focusCompany) return [c.st.focusCompany];
  }
  return [];
}

/**
 * The company before an apposition that holds the one at `a`: `X, a subsidiary of`, `X, owned by`, `X, which is backed
 * by`, `X, rather than`, `X, a joint venture of Y and`: lower-case words only between the comma and `a`.
 */
function heldCompany(c: Ctx, ws: Word[], a: number, text: string): string | null {
  let b = a - 1;
  // "a joint venture of StudioCanal and Film4": the first of the joined companies
  if (ws[b]?.lw === 'and') {
    const other = companyEndingAt(c, ws, b, text);
    if (other) b = other[0] - 1;
  }
  for (let j = b; j > 0 && b - j < 11; j--) {
    if (ws[j].w === ',') {
      // (at least one word between: "X, Y and Z acquired" is a list of buyers)
      const before = j < b ? companyEndingAt(c, ws, j, text) : null;
      return before ? before[1] : null;
    }
    // ("the parent company of UK distribution label Y": a country's name inside the description)
    if (!/^\p{Ll}/u.test(ws[j].w) && !territoryOf(ws[j].w)) return null;
  }
  return null;
}

/** The territories a rights phrase names (`North American and Latin American`), without its media words. */
function rightsTerritories(ws: Word[], a: number, b: number, text: string): string | null {
  const words = ws.slice(a, b).filter((w) => !MEDIA.test(w.lw));
  if (!words.length) return null;
  return spellTerritories(text.slice(words[0].s, words[words.length - 1].e));
}

/** After a verb: the titles (one, or two joined by `and`), where they end, and the rights' territories; else null. */
export function objectAt(c: Ctx, ws: Word[], k: number, text: string): { titles: string[]; end: number; terr: string | null } | null {
  let terr: string | null = null;
  // "the worldwide SVOD rights to", "U.S. and Canadian rights for"
  let before = -1;
  for (let r = k; r < Math.min(ws.length, k + 9); r++) {
    // "worldwide rights, outside of Italy, for T": the exception between commas, then the title
    if (ws[r].lw === 'rights' && ws[r + 1]?.w === ',' && /^(?:outside|excluding|except|minus|ex)$/.test(ws[r + 2]?.lw ?? '')) {
      const close = ws.findIndex((w, x) => x > r + 2 && x < r + 10 && w.w === ',');
      if (close > 0 && /^(?:to|for|on|of)$/.test(ws[close + 1]?.lw ?? '')) {
        const from = ws[r + 3]?.lw === 'of' ? r + 4 : r + 3;
        const place = spellTerritories(text.slice(ws[from].s, ws[close - 1].e));
        const whole = rightsTerritories(ws, k, r, text);
        terr = whole && place ? (spellTerritories(`${whole} excluding ${place}`) ?? whole) : whole;
        k = close + 2;
        break;
      }
    }
    // "UK rights out of the Toronto virtual market to T", "rights at the market to T": where the rights were bought
    if (ws[r].lw === 'rights' && /^(?:out|at|during)$/.test(ws[r + 1]?.lw ?? '')) {
      const to = ws.findIndex((w, x) => x > r + 1 && x < r + 9 && w.lw === 'to');
      if (to > 0 && ws.slice(r + 1, to).some((w) => /^(?:market|festival|fest|edition)$/.test(w.lw))) {
        terr = rightsTerritories(ws, k, r, text);
        k = to + 1;
        break;
      }
    }
    // "North American rights from S to P's T": the seller between the rights and the film
    if (ws[r].lw === 'rights' && ws[r + 1]?.lw === 'from') {
      const to = ws.findIndex((w, x) => x > r + 2 && x < r + 8 && w.lw === 'to');
      if (to > 0 && ws.slice(r + 2, to).every((w) => /^(?:\p{Lu}|&$|of$|the$|de$)/u.test(w.w))) {
        terr = rightsTerritories(ws, k, r, text);
        k = to + 1;
        break;
      }
    }
    if (ws[r].lw === 'rights' && /^(?:to|for|on|of)$/.test(ws[r + 1]?.lw ?? '')) {
      // "the film's rights for Germany & Austria", "T's rights for Spain": territories after `for`, the title (if any) before `rights`
      const places = ws[r + 1].lw === 'for' ? afterTerritories(ws, r + 1, text) : null;
      if (places) {
        terr = places;
        before = r;
        break;
      }
      terr = rightsTerritories(ws, k, r, text);
      k = r + 2;
      break;
    }
  }
  // "multiple titles led by A, B and C", "four titles: A, B, C and D": a list of films follows
  // (`three Cannes Competition titles:`, `a trio of titles from Wild Bunch:`, `six films from its festival —`)
  if (before < 0) {
    let j = k;
    while (j < k + 5 && ws[j] && /^[\p{L}\d-]+(?:['’]s?)?$/u.test(ws[j].w) && !LIST_NOUN.test(ws[j].lw)) j++;
    let n = j + 1;
    // "three of Gatlif’s titles, A, B and C": a count, then the films after a comma
    const counted =
      ws[n]?.w === ',' &&
      !/^(?:including|include)$/.test(ws[n + 1]?.lw ?? '') &&
      ws.slice(k, j).some((w) => /^(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|trio|pair)$/.test(w.lw));
    if (counted) n = j + 1;
    // `from Wild Bunch`, `from its 2009 festival`: where the films came from
    if (LIST_NOUN.test(ws[j]?.lw ?? '') && /^(?:from|of|at|in)$/.test(ws[n]?.lw ?? ''))
      for (let e = n + 1; e < n + 6 && ws[e]; e++)
        if (/^[:—–]$/.test(ws[e].w)) {
          n = e;
          break;
        }
    // "such titles as A, B and C", "titles such as", "such festival favorites as", "the likes of"
    const such =
      (ws[k]?.lw === 'such' && LIST_NOUN.test(ws[j]?.lw ?? '') && ws[j + 1]?.lw === 'as') ||
      (LIST_NOUN.test(ws[j]?.lw ?? '') && ws[j + 1]?.lw === 'such' && ws[j + 2]?.lw === 'as')
        ? ws[j + 1]?.lw === 'as'
          ? j + 2
          : j + 3
        : ws[k]?.lw === 'the' && ws[k + 1]?.lw === 'likes' && ws[k + 2]?.lw === 'of'
          ? k + 3
          : -1;
    if (such >= 0) k = such;
    // (`several fest pics, including A, B and C`)
    const comma = ws[j + 1]?.w === ',' && /^(?:including|include)$/.test(ws[j + 2]?.lw ?? '') ? 1 : 0;
    const intro =
      LIST_NOUN.test(ws[j]?.lw ?? '') &&
      (/^[:—–]$/.test(ws[n]?.w ?? '') ||
        counted ||
        (ws[j + 1]?.lw === 'led' && ws[j + 2]?.lw === 'by') ||
        /^(?:including|include)$/.test(ws[j + 1 + comma]?.lw ?? ''));
    if (intro && such < 0) {
      k = /^[:—–]$/.test(ws[n]?.w ?? '') || counted ? n + 1 : j + comma + (ws[j + 1]?.lw === 'led' ? 3 : 2);
    }
  }
  // "bought season one of T", "the first two seasons of T": the series after `of`
  if (before < 0) {
    let e = k;
    while (e < k + 3 && /^(?:the|both|all|its|first|second|third|fourth|new|latest|two|three|four)$/.test(ws[e]?.lw ?? '')) e++;
    if (/^seasons?$/.test(ws[e]?.lw ?? '')) {
      let o = e + 1;
      while (o < e + 8 && /^(?:one|two|three|four|five|six|\d+|and|&|,|-|to)$/.test(ws[o]?.lw ?? '')) o++;
      if (ws[o]?.lw === 'of') k = o + 1;
    }
  }
  let first = before >= 0 ? (before > k ? describedTitle(c, ws, k, text, before - k) : null) : describedTitle(c, ws, k, text, 9);
  // "bought the film's rights for Germany", "took its rights for Spain": the film in focus
  if (!first && before >= 0) {
    const owner = ws
      .slice(k, before)
      .map((w) => w.lw)
      .join(' ');
    const focus = c.st.focus ?? c.st.lead;
    if (focus && /^(?:the (?:film|movie|picture|pic|documentary|doc|feature|title)['’]s|its)(?: \S+){0,3}$/.test(owner))
      first = [afterPlaces(ws, before + 1), focus];
  }
  // "took seasons one and two", "bought the second season": seasons of the series in focus (never `season ... of T2`)
  if (!first && before < 0) {
    let e = k;
    while (e < k + 3 && /^(?:the|both|all|its|first|second|third|fourth|new|latest|two|three|four)$/.test(ws[e]?.lw ?? '')) e++;
    if (/^seasons?$/.test(ws[e]?.lw ?? '')) {
      e++;
      while (e < k + 12 && /^(?:one|two|three|four|five|six|\d+|and|&|,|-|to)$/.test(ws[e]?.lw ?? '')) e++;
      const focus = c.st.focus ?? c.st.lead;
      if (focus && ws[e]?.lw !== 'of' && ws[e - 1]?.lw !== 'and') first = [e, focus];
    }
  }
  if (!first) return null;
  const titles = [first[1]];
  let end = first[0];
  // a second title: "P's T and P2's T2", "T alongside T2" (a parenthesis between them skipped)
  let j = end;
  if (ws[j]?.w === '(') {
    const close = ws.findIndex((w, x) => x > j && w.w === ')');
    if (close > j && close - j < 14) j = close + 1;
  }
  if (ws[j]?.lw === 'and' || ws[j]?.lw === 'alongside') {
    const second = describedTitle(c, ws, j + 1, text, 5);
    if (second) {
      titles.push(second[1]);
      end = second[0];
    }
  }
  // further objects after semicolons: `T (alt) from P; T2, by P2; and P3's T3 (alt)`
  for (let more = 0; more < 6; more++) {
    let credited = false;
    let s = end;
    if (ws[s]?.w === '(') {
      const close = ws.findIndex((w, x) => x > s && w.w === ')');
      if (close < 0 || close - s > 8) break;
      s = close + 1;
    }
    // a clause about the item up to the semicolon of a list: `P's T, which won a prize; another player, P2's T2`
    const closed = /^[”"]$/.test(ws[s - 1]?.w ?? '') && ws[s - 2]?.w === ',';
    if ((ws[s]?.w === ',' || closed) && /^(?:which|who|that|winner|starring)$/.test(ws[closed ? s : s + 1]?.lw ?? '')) {
      const semi = ws.findIndex((w, x) => x > s && x < s + 24 && w.w === ';');
      if (semi < 0) break;
      s = semi;
    }
    // an apposition about the item: `A, the debut by P, and B` (a kind of film between the commas)
    if (ws[s]?.w === ',' && /^(?:the|a|an)$/.test(ws[s + 1]?.lw ?? '')) {
      const close = ws.findIndex((w, x) => x > s + 1 && x < s + 9 && w.w === ',');
      if (close > 0 && ws.slice(s + 2, close).some((w) => KIND.test(w.lw))) s = close;
    }
    // `T starring P;`: the cast after the title
    if (/^(?:starring|featuring)$/.test(ws[s]?.lw ?? ''))
      for (let e = s + 1; e < s + 6 && ws[e]; e++)
        if (!/^\p{Lu}/u.test(ws[e].w)) {
          s = e;
          break;
        }
    // a credit after the title, up to the semicolon: `from P`, `, by various directors`
    if (ws[s]?.w === ',' && /^(?:by|from)$/.test(ws[s + 1]?.lw ?? '')) s++;
    if (/^(?:by|from)$/.test(ws[s]?.lw ?? '')) {
      let e = s + 1;
      while (e < ws.length && e - s < 6 && ws[e].w !== ';' && /^(?:\p{Lu}|and$|various$|directors?$)/u.test(ws[e].w)) e++;
      // (the list's own `and` after the credit: `“A” by P and “B” by P2`)
      if (ws[e - 1]?.lw === 'and' && /^[“"‘]$/.test(ws[e]?.w ?? '')) {
        e--;
        credited = true;
      }
      s = e;
    }
    // after a semicolon, or a comma once a list has begun (`A, B, C and D`, `..., as well as E`)
    const andOn = ws[s]?.lw === 'and' && (titles.length > 1 || credited);
    const asWell = ws[s]?.lw === 'as' && ws[s + 1]?.lw === 'well' && ws[s + 2]?.lw === 'as';
    // (the comma inside the closing quote, as US trades write it: `“T,” P2's “T2”`)
    const inQuote = s === end && /^[”"]$/.test(ws[s - 1]?.w ?? '') && ws[s - 2]?.w === ',';
    // (two quoted titles with the comma between them lost: `“T” “T2” and “T3”`)
    const adjacent = s === end && /^[“]$/.test(ws[s]?.w ?? '') && !!titleAt(c, ws, s, text);
    if (ws[s]?.w !== ';' && ws[s]?.w !== ',' && !andOn && !asWell && !inQuote && !adjacent) break;
    let at = andOn || inQuote || adjacent ? s : asWell ? s + 2 : s + 1;
    if (ws[at]?.lw === 'and') at++;
    else if (ws[at]?.lw === 'as' && ws[at + 1]?.lw === 'well' && ws[at + 2]?.lw === 'as') at += 3;
    // (`A, along with B and C`)
    else if (ws[at]?.lw === 'along' && ws[at + 1]?.lw === 'with') at += 2;
    // (an item after a semicolon may carry a longer description: `; another competition player, P's T`)
    const next = describedTitle(c, ws, at, text, ws[s]?.w === ';' ? 10 : 6);
    if (!next) break;
    // ("; P helmed the 2001 documentary T": a clause of its own after the semicolon, its film another)
    if (ws.slice(at, next[0]).some((w) => /^(?:helmed|directed|produced|made|wrote|starred|stars|is|was|has|had|won|premiered)$/.test(w.w)))
      break;
    // (", and Madman Entertainment has acquired ...": a new clause's subject, not a further film)
    if (/^(?:has|have|had|is|are|was|were|will|also|acquired|bought|picked|took|snapped)$/.test(ws[next[0]]?.lw ?? '')) break;
    titles.push(next[1]);
    end = next[0];
  }
  return { titles, end, terr };
}

/** The title at or after `k` past a description of at most `max` words: [end, title]. */
function describedTitle(c: Ctx, ws: Word[], k: number, text: string, max: number): [number, string] | null {
  for (let j = k; j < Math.min(ws.length, k + max); j++) {
    const w = ws[j];
    const t = titleAt(c, ws, j, text);
    // a capitalized run followed by a kind of film describes it ("the SXSW Midnight selection T", "J. D. Salinger drama")
    // "P's T" read as one run: the title after the possessive
    // (a quoted title keeps the possessive it holds: `“Frankie’s Wedding”`)
    // (a run that opens with an article or a possessive pronoun is the title whole: "The Angels’ Share", "My Father’s Wedding")
    // (a common noun's possessive opens the title too: "Nature's Cleanup Crew")
    const own =
      t &&
      !/^[“"‘]$/.test(w.w) &&
      !/^(?:The|A|An|My|Your|His|Her|Our|Their)$/.test(w.w) &&
      !COMMON_POSSESSOR.has(w.lw.replace(/['’]s$/, ''))
        ? ws.slice(j, t[0] - 1).findIndex((x) => POSSESSIVE.test(x.w))
        : -1;
    if (t && own >= 0) {
      j += own;
      continue;
    }
    // ("P's Palme d'Or winner T": an award's name in the description)
    if (t && /^d['’]or$/i.test(ws[t[0]]?.w ?? '')) {
      j = t[0];
      continue;
    }
    // "Ana Ruiz and Tom Berg's romantic drama T": two makers, the second's possessive before the film
    if (t && ws[t[0]]?.lw === 'and' && /^\p{Lu}\p{Ll}+ \p{Lu}[\p{Ll}-]+$/u.test(t[1])) {
      let e = t[0] + 1;
      while (e < t[0] + 4 && /^\p{Lu}/u.test(ws[e]?.w ?? '') && !POSSESSIVE.test(ws[e].w)) e++;
      if (
        e > t[0] + 1 &&
        POSSESSIVE.test(ws[e]?.w ?? '') &&
        /^\p{Lu}/u.test(ws[e].w) &&
        (KIND.test(ws[e + 1]?.lw ?? '') || DESC_WORD.test(ws[e + 1]?.lw ?? ''))
      ) {
        j = e;
        continue;
      }
    }
    // "Ana Ruiz (Game Of Thrones) horror T": a cast name, a show of theirs in parentheses, then the kind of film
    if (t && ws[t[0]]?.w === '(') {
      const close = ws.findIndex((x, e) => e > t[0] && e < t[0] + 8 && x.w === ')');
      if (close > 0 && KIND.test(ws[close + 1]?.lw ?? '')) {
        j = close + 1;
        continue;
      }
    }
    // "the Ana Ruiz, Ben Holt starrer T": names of the cast before the title
    const cast = t && ws[t[0]]?.w === ',' && ws.slice(t[0], t[0] + 7).some((x) => /^(?:starrer|vehicle|helmer)$/.test(x.lw));
    if (t && !cast && !(KIND.test(ws[t[0]]?.lw ?? '') || ws[t[0]]?.lw === 'award' || POSSESSIVE.test(ws[t[0] - 1].w))) {
      // (a comma inside the closing quote, as US trades write it: `“T,” a portrait`)
      if (isBoundary(ws[t[0]]) || (/^[”"]$/.test(ws[t[0] - 1].w) && ws[t[0] - 2]?.w === ',')) return t;
      return null;
    }
    if (t) {
      j = t[0] - 1;
      continue;
    }
    // (an award in the description: "P's Palme d'Or winner T")
    if (POSSESSIVE.test(w.w) || KIND.test(w.lw) || DESC_WORD.test(w.lw) || /^\d{4}$/.test(w.w) || /^d['’]or$/.test(w.lw)) continue;
    // "S's topical documentary T": any adjective right before a kind of film
    if (/^\p{Ll}[\p{Ll}-]+$/u.test(w.w) && KIND.test(ws[j + 1]?.lw ?? '')) continue;
    // "another thriller, T": a comma after a kind
    if (w.w === ',' && j > k && KIND.test(ws[j - 1].lw)) continue;
    // the object is a place ("picked up the Middle East"): no title, and never the place's last word
    if (territoryRunAt(ws, j, text)) return null;
    // a capital word of a name before a possessive ("S. S. Arora's")
    if (/^\p{Lu}/u.test(w.w)) continue;
    return null;
  }
  return null;
}

/** Whether two or three capitalized words at `j` name a territory (`Middle East`, `Latin America`). */
function territoryRunAt(ws: Word[], j: number, text: string): boolean {
  for (let n = 3; n >= 2; n--) {
    const run = ws.slice(j, j + n);
    if (run.length === n && run.every((x) => /^\p{Lu}/u.test(x.w)) && lookupTerritoryName(text.slice(run[0].s, run[n - 1].e))) return true;
  }
  return false;
}

/** What may follow a title the reading accepts. */
function isBoundary(w: Word | undefined): boolean {
  return (
    !w ||
    /^[,.;:!?()–—”"“]$/.test(w.w) ||
    /^(?:from|for|in|at|and|which|with|alongside|as|out|starring|to|that|was|is|has|will|about|by|on|ahead|after|before|based|following|directed|written|where|who)$/.test(
      w.lw,
    )
  );
}

/** The word after the territories that follow `for` at k (as afterTerritories reads them), or k + 1. */
function afterPlaces(ws: Word[], k: number): number {
  let b = k + 1;
  while (b < ws.length && b - k < 12 && !/^[.;(,]$/.test(ws[b].w) && !/^(?:from|with|which|where|after|before|on|at|while)$/.test(ws[b].lw))
    b++;
  return b;
}

/** A company after `from` is the seller (`picked up T from X`). */
export function sellerAfter(c: Ctx, ws: Word[], k: number, text: string): string | null {
  if (ws[k]?.lw !== 'from') return null;
  const s = companyStartingAt(c, ws, k + 1, text);
  return s ? s[1] : null;
}

export function tell(
  c: Ctx,
  titles: string[],
  buyers: string[],
  terr: string | null,
  seller: string | null,
  explicit = false,
  price: Partial<Pick<DealFields, 'price' | 'priceNote'>> = {},
): void {
  for (const b of buyers) {
    if (companyEntry(b)?.kind === 'sales-agent') continue;
    if (explicit) supersede(c, titles[0], b);
    // the sentence's other rules gave this buyer a deal: the same title is completed (its territories), another
    // form of it is not told again (a second form would be a second deal); a further title of a list is
    const mine = dealsHere(c).filter((d) => nk(d.fields.buyer) === nk(b));
    const told = mine.map((d) => nk(d.fields.title));
    const placed = new Set(mine.filter((d) => d.fields.territories).map((d) => nk(d.fields.title)));
    titles.forEach((t, i) => {
      const key = nk(t);
      if (key === nk(b)) return;
      const overlaps = told.some((x) => x.includes(key) || key.includes(x));
      if (placed.has(key) || (told.length && !told.includes(key) && (i === 0 || overlaps))) return;
      addDeal(c, t, b, terr ? [terr] : [], { seller, ...price }, 0.7);
    });
  }
}

/**
 * What the sentence's other rules misread, that the reading of its object corrects: a deal for the film in focus
 * where the verb's object names another film (`X acquired the animated feature T2` after a paragraph on T), and a
 * buyer cut at `&` (`Sky Distribution` for `Gunpowder & Sky Distribution`), the company in focus given the film where
 * the sentence names its buyer. Only deals this sentence told first.
 */
function supersede(c: Ctx, title: string, buyer: string): void {
  const said = nk(c.sent.text);
  const key = nk(title);
  for (const d of dealsHere(c)) {
    const t = nk(d.fields.title);
    const db = nk(d.fields.buyer);
    const cut = / & /.test(buyer) && nk(buyer).endsWith(` ${db}`);
    // the same film given to the company in focus where the sentence names its buyer ("X announced that the company ...")
    const unnamed = !said.includes(db) && said.includes(nk(buyer));
    // "Ana Jacobs’ T" read as one title by another rule, where the object is T (not "Frankie’s Wedding": a title may
    // hold a singular possessive)
    const owned = db === nk(buyer) && t !== key && t.endsWith(` ${key}`) && /s['’]\s+\S/.test(d.fields.title);
    if (owned) {
      dropFact(c.st, d);
      continue;
    }
    if (t === key ? db !== nk(buyer) && (cut || unnamed) : db === nk(buyer) && !said.includes(t) && !t.includes(key) && !key.includes(t))
      dropFact(c.st, d);
  }
}

/** The title whose run ends right at `end` (exclusive), starting at most twelve words before: [start, title]. */
function titleEndingAt(c: Ctx, ws: Word[], end: number, text: string): [number, string] | null {
  for (let a = Math.max(0, end - 12); a < end; a++) {
    const t = titleAt(c, ws, a, text);
    if (t && t[0] === end) return [a, t[1]];
  }
  return null;
}

/** What may stand before a passive's subject title: the sentence's start, a comma, `when`, a possessive. */
function opensSubject(ws: Word[], a: number): boolean {
  if (a === 0) return true;
  const w = ws[a - 1];
  // a page's date line glued before the first sentence (` date 2018-03-08 T, ...`)
  if (/^\d{4}-\d{2}-\d{2}$/.test(w.w) && a <= 2) return true;
  if (/^(?:,|;|:|–|—|when|while)$/.test(w.lw)) return !castBefore(ws, a - 1);
  if (/['’]s$/.test(w.w)) return true;
  // a maker's possessive and the kind of film: "Kestrel's martial arts fantasy T"
  let d = a - 1;
  while (d > 0 && a - d <= 3 && /^\p{Ll}[\p{Ll}-]*$/u.test(ws[d].w) && !/^(?:and|or|the|to|by|of|for|in|with)$/.test(ws[d].lw)) d--;
  return d < a - 1 && KIND.test(ws[a - 1].lw) && /['’]s$/.test(ws[d].w);
}

/** A cast or credit list runs up to word `k` (`starring A and B,`): a name there is no title. */
function castBefore(ws: Word[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j < 8; j--) if (/^(?:starring|featuring|with|stars|by|and)$/.test(ws[j].lw)) return true;
  return false;
}

/** The subject title of a passive at `aux`: right before it, or before an apposition or a relative clause. */
function passiveSubject(c: Ctx, ws: Word[], aux: number, text: string): string | null {
  // "..., T, this was snapped up by X": the title named before it in the sentence
  if (/^(?:this|it)$/.test(ws[aux - 1]?.lw ?? '') && ws[aux - 2]?.w === ',') {
    const t = titleEndingAt(c, ws, aux - 2, text);
    return t && ws[t[0] - 1]?.w === ',' ? t[1] : null;
  }
  // "... local smash T, which was snapped up by X": the relative clause is the film's, wherever it stands
  if (ws[aux - 1]?.lw === 'which' && ws[aux - 2]?.w === ',') {
    const t = titleEndingAt(c, ws, aux - 2, text);
    if (t) return t[1];
  }
  const direct = titleEndingAt(c, ws, aux, text);
  if (direct) return opensSubject(ws, direct[0]) ? direct[1] : null;
  // "T, about ..., was sold", "T, which I am told was bought by": the title ends at the apposition's opening comma
  for (let k = aux - 1; k >= 0 && aux - k < 32; k--) {
    if (ws[k].w !== ',') continue;
    const t = titleEndingAt(c, ws, k, text);
    if (t && opensSubject(ws, t[0])) return t[1];
  }
  return null;
}

export function extractClauseDeals(c: Ctx): void {
  const text = c.sent.text;
  if (!CUE.test(text)) return;
  const ws = sentenceWords(text);
  const seller0 = sentenceSeller(c);
  for (let v = 0; v < ws.length; v++) {
    const passive = /^(?:was|were|been|is|are)$/.test(ws[v - 1]?.lw ?? '');
    // ("X took seasons one and two": `took` is a buy only of a series' seasons)
    const tookSeasons =
      ws[v].lw === 'took' &&
      /^(?:seasons?|the (?:first|second|third|new) season)\b/.test(
        ws
          .slice(v + 1, v + 4)
          .map((w) => w.lw)
          .join(' '),
      );
    // ("X added buzzy titles A and B to its slate": a buy told as what joined the buyer's slate)
    const addedTo =
      ws[v].lw === 'added' &&
      /^(?:[^.;]*?) to (?:its|their) (?:slate|line-up|lineup|catalogue|catalog|library)\b/.test(text.slice(ws[v].e));
    // ("The distributor also moved on US rights to T": the trade's idiom for a buy)
    const movedOn = ws[v].lw === 'moved' && ws[v + 1]?.lw === 'on' && ws.slice(v + 2, v + 7).some((w) => w.lw === 'rights') ? 2 : 0;
    const act = passive ? 0 : tookSeasons || addedTo ? 1 : movedOn || phraseAt(ws, v, ACTIVE);
    const ger = act || passive ? 0 : phraseAt(ws, v, GERUND);
    const inf = act || ger || passive || ws[v - 1]?.lw !== 'to' ? 0 : phraseAt(ws, v, INFINITIVE);
    const latest = inf ? latestToAt(ws, v) : -1;
    if (act || ger || latest >= 0) {
      if (notClosed(ws, latest >= 0 ? latest : v)) continue;
      // a release in a box-office report is the report's, no deal it tells ("X released T on 300 screens")
      if (/^(?:released|distributed)$/.test(ws[v].lw) && BOX_OFFICE.test(text)) continue;
      // "X has landed pre-sales of T", "X secured further deals for T": X sold them
      const what = ws
        .slice(v + (act || ger || inf), v + (act || ger || inf) + 3)
        .map((w) => w.lw)
        .join(' ');
      if (
        /^(?:(?:a|several|multiple|further|new|more|key|major|early|strong|the first|its first) )*(?:pre-?sales|sales|deals?)\b/.test(what)
      )
        continue;
      let buyers = act ? subjectOf(c, ws, v, text) : latest >= 0 ? subjectOf(c, ws, latest, text) : [];
      if (ger) {
        // "X picking up T", "X was another buyer, taking home T": the company before, in the same sentence
        const direct = companyEndingAt(c, ws, v, text);
        // "X splashed out this year, most recently prebuying T": adverbs between the comma and the gerund
        let g = v;
        while (g > 0 && /^(?:most|recently|also|later|then|first|finally|again)$/.test(ws[g - 1].lw) && v - g < 3) g--;
        if (direct) buyers = [direct[1]];
        else if (ws[g - 1]?.w === ',')
          for (let e = g - 1; e > 0 && g - e < 10 && !buyers.length; e--) {
            const f = companyEndingAt(c, ws, e, text);
            // the sentence's subject only ("Neon was another buyer, taking home T")
            if (f && f[0] === 0) buyers = [f[1]];
          }
      }
      if (!buyers.length) continue;
      const obj = objectAt(c, ws, v + (act || ger || inf), text);
      if (!obj) continue;
      // (the territory may follow the company the film came from: "A and B from HanWay for rights in Spain")
      const from = ws[obj.end]?.lw === 'from' ? companyStartingAt(c, ws, obj.end + 1, text, true) : null;
      const terr = obj.terr ?? afterTerritories(ws, obj.end, text) ?? (from ? afterTerritories(ws, from[0], text) : null);
      // (a relative clause tells the buyer's past deal, never a correction of what its main clause says: "X, which
      // acquired T2, has licensed Greece")
      let r = v - 1;
      while (r > 0 && /^(?:has|have|had|also|previously|recently|once)$/.test(ws[r].lw)) r--;
      const relative = /^(?:which|who|that)$/.test(ws[r]?.lw ?? '');
      // (a second verb after `and` tells its own films, never a second form of the first verb's: "X won T, and added T2")
      const coordinated = ws[v - 1]?.lw === 'and' || (ws[v - 1]?.lw === 'also' && ws[v - 2]?.lw === 'and');
      if (coordinated && buyers.length === 1 && dealsHere(c).some((d) => nk(d.fields.buyer) === nk(buyers[0]))) {
        const had = new Set(dealsHere(c).map((d) => `${nk(d.fields.title)}|${nk(d.fields.buyer)}`));
        for (const t of obj.titles)
          if (!had.has(`${nk(t)}|${nk(buyers[0])}`))
            addDeal(c, t, buyers[0], terr ? [terr] : [], { seller: sellerAfter(c, ws, obj.end, text) ?? seller0 }, 0.7);
      } else tell(c, obj.titles, buyers, terr, sellerAfter(c, ws, obj.end, text) ?? seller0, !relative);
      v = obj.end - 1;
      continue;
    }
    let pas = phraseAt(ws, v, PASSIVE);
    let seller = seller0;
    // ("T has been acquired for North American distribution by X": the territory between the verb and its buyer)
    let between: string | null = null;
    if (passive && !pas && /^(?:acquired|bought|licensed|pre-bought)$/.test(ws[v].lw) && ws[v + 1]?.lw === 'for') {
      const by = ws.findIndex((w, x) => x > v + 2 && x <= v + 8 && w.lw === 'by');
      between = by > 0 ? afterTerritories(ws.slice(0, by), v + 1, text) : null;
      if (between) pas = by + 1 - v;
    }
    // "were bought from S by X": the seller between the verb and its buyer
    const bare = passive && !pas ? phraseAt(ws, v, PASSIVE_FROM) : 0;
    if (bare && ws[v + bare]?.lw === 'from') {
      // (a name the article does not know is the seller there too: capitals up to `by`)
      let e = v + bare + 1;
      while (e < ws.length && e - v - bare <= 4 && /^\p{Lu}/u.test(ws[e].w)) e++;
      const s: [number, string] | null =
        companyStartingAt(c, ws, v + bare + 1, text, true) ?? (e > v + bare + 1 ? [e, text.slice(ws[v + bare + 1].s, ws[e - 1].e)] : null);
      if (s && ws[s[0]]?.lw === 'by') {
        pas = s[0] + 1 - v;
        seller = s[1];
      }
    }
    if (pas && passive) {
      // ("Singapore's X": the buyer after its country's possessive)
      let at = v + pas;
      const home = /['’]s$/.test(ws[at]?.w ?? '') ? lookupTerritoryName(ws[at].w.replace(/['’]s$/, '')) : null;
      if (home) at++;
      const buyer = companyStartingAt(c, ws, at, text);
      if (!buyer) continue;
      let aux = v - 1;
      if (/^(?:been)$/.test(ws[aux].lw) && /^(?:has|have|had)$/.test(ws[aux - 1]?.lw ?? '')) aux--;
      while (aux > 0 && /^(?:just|also|since|reportedly|quickly|already)$/.test(ws[aux - 1].lw)) aux--;
      let titles: string[] = [];
      const title = passiveSubject(c, ws, aux, text);
      // ("P's T, part of Slamdance, has been acquired": the film as the sketch read it, without its maker)
      if (title) titles = [sketchTitle(c, title)];
      // "P's drama A and record-breaker B were bought by X": both films
      const last = titleEndingAt(c, ws, aux, text);
      // (a few words that describe the second film: "and record-breaker B")
      let and = last ? last[0] - 1 : -1;
      while (and > 0 && last && last[0] - 1 - and < 3 && /^\p{Ll}[\p{Ll}-]*$/u.test(ws[and].w) && ws[and].lw !== 'and') and--;
      if (last && ws[and]?.lw === 'and') {
        const first = titleEndingAt(c, ws, and, text);
        if (first && opensSubject(ws, first[0])) titles = [first[1], last[1]];
      }
      const terr = afterTerritories(ws, buyer[0], text) ?? (home ? ws[at - 1].w.replace(/['’]s$/, '') : null) ?? between;
      if (titles.length) {
        tell(c, titles, [buyer[1]], terr ?? parenPlace(ws, buyer[0], text)?.[1] ?? null, seller);
        // (the film as the first buyer's deal names it: another rule may have read the maker's possessive off it)
        const told = dealsHere(c).find((d) => nk(d.fields.buyer) === nk(buyer[1]));
        const films = told && titles.length === 1 ? [told.fields.title] : titles.map((t) => sketchTitle(c, t));
        for (const [b, t] of moreBuyers(c, ws, buyer[0], text)) tell(c, films, [b], t, seller);
      }
      continue;
    }
    const went = phraseAt(ws, v, WENT);
    if (went) {
      const buyer = companyStartingAt(c, ws, v + went, text) ?? placedName(ws, v + went, text);
      if (!buyer) continue;
      const t2 = titleEndingAt(c, ws, v, text);
      if (!t2) continue;
      const titles = [sketchTitle(c, t2[1])];
      if (ws[t2[0] - 1]?.lw === 'and') {
        const t1 = titleEndingAt(c, ws, t2[0] - 1, text);
        if (t1) titles.unshift(t1[1]);
      }
      tell(c, titles, [buyer[1]], afterTerritories(ws, buyer[0], text) ?? parenPlace(ws, buyer[0], text)?.[1] ?? null, seller0);
      for (const [b, t] of moreBuyers(c, ws, buyer[0], text)) tell(c, titles, [b], t, seller0);
    }
  }
}
