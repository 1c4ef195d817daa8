/**
 * A buyer's haul told as a count, then the films: `X has picked up five new films in Berlin, among them P's thriller
 * T directed by ...; the Emma Stone-starrer T2 from S; and T3, a drama from Chile`, `X had pre-bought three films that
 * played in Cannes: the competition title T, the Danish drama T2 by P, and the comedy T3`. Each film of the list is
 * the buyer's deal; a film named inside parentheses, or as another film (`the director of T`, `following T`), is
 * not. The buyer is the verb's subject; talks or plans before the verb give nothing; a buyer another rule already read
 * deals for in the sentence is left to that reading. Read after the other rules. One pass over the tokens.
 */
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal, subjectBefore } from './dealTerms.js';
import { otherFilm } from './otherFilm.js';
import { RUMOUR_WORDS } from './words.js';

const VERB: string[][] = [
  ['acquired'],
  ['picked', 'up'],
  ['bought'],
  ['pre-bought'],
  ['prebought'],
  ['snapped', 'up'],
  ['nabbed'],
  ['secured'],
  ['landed'],
  ['took'],
  ['taken'],
];
const COUNT = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})$/;
const GROUP = /^(?:a (?:trio|pair|handful|quartet|raft|slew|clutch|batch|number) of)$/;
const FILMS = /^(?:films|titles|pictures|features|movies|documentaries|docs|pics|projects|series|shows)$/;
/** Words a count's noun may carry before it: `five new films`, `three more French titles`. */
const ADJ = /^(?:new|more|further|other|additional|foreign|international|independent|festival|competition|[NF]\d+)$/;

function verbAt(c: Ctx, v: number): number {
  for (const p of VERB) if (p.every((w, k) => c.tok(v + k) === w)) return p.length;
  return 0;
}

export function extractCountedFilms(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    const len = verbAt(c, v);
    if (!len) continue;
    let k = v + len;
    if (COUNT.test(c.tok(k))) k++;
    else if (GROUP.test(c.words(k, k + 3))) k += 3;
    else continue;
    while (k < v + len + 6 && ADJ.test(c.tok(k))) k++;
    if (!FILMS.test(c.tok(k))) continue;
    // the list's opening: `:`, `, among them`, `including`, within a few words of the noun
    let open = -1;
    for (let j = k + 1; j < Math.min(n, k + 12); j++) {
      if (c.tok(j) === '.' || c.tok(j) === ';') break;
      if (c.tok(j) === ':') open = j + 1;
      else if (c.tok(j) === 'among' && c.tok(j + 1) === 'them') open = j + 2;
      else if (c.tok(j) === 'including' || c.tok(j) === 'include') open = j + 1;
      if (open > 0) break;
    }
    if (open < 0) return;
    const prefix = c.words(c.clauseStart(v), v);
    if (RUMOUR_WORDS.test(prefix) && /\b(?:talks|negotiat\w*|could|may|might|expected|plans?|not|denied)\b/.test(prefix)) return;
    const subj = subjectBefore(c, v);
    const buyer = subj?.names[subj.names.length - 1];
    if (!buyer) return;
    // (the films another rule read for this buyer: its reading of the list stands)
    if (dealsHere(c).some((d) => nk(d.fields.buyer) === nk(buyer))) return;
    let depth = 0;
    for (let j = open; j < n; j++) {
      const t = c.tok(j);
      if (t === '(' || t === '[') depth++;
      else if (t === ')' || t === ']') depth = Math.max(0, depth - 1);
      if (depth || !c.isTitle(j) || otherFilm(c, j, n)) continue;
      addDeal(c, c.item(j).text, buyer, [], { seller: null }, 0.7);
    }
    return;
  }
}
