/**
 * Joint buyers that tell their purchase as a team: `X and Y have teamed to acquire T`, `have teamed up to acquire
 * T for R`, `have joined forces to buy T`, `X has partnered with Y to pick up T`. Each buyer gets its deal (joint
 * buyers give one deal each); a partner named after `with` is one of them. The subject, the object and its
 * territories are read as the clause reader reads them (svo.ts); talks or plans before the verb (`are set to
 * team up`) give nothing, and a team formed to produce or release a film is no purchase. One pass over the
 * sentence's words, each look bounded.
 */
import { type Ctx } from './context.js';
import { sentenceSeller } from './dealTerms.js';
import { companyStartingAt, sentenceWords, phraseAt } from './clauseWords.js';
import { afterTerritories, notClosed, objectAt, sellerAfter, subjectOf, tell } from './svo.js';

/** Every shape needs one of these words. */
const CUE = /\b(?:teamed|joined forces|partnered)\b/;

const TEAM: string[][] = [['teamed', 'up'], ['teamed'], ['joined', 'forces'], ['partnered', 'up'], ['partnered']];
/** The purchase the team was formed for, in its bare form. */
const BUY: string[][] = [['acquire'], ['co-acquire'], ['buy'], ['pick', 'up'], ['snap', 'up'], ['nab'], ['pre-buy'], ['scoop', 'up']];

export function extractTeamedBuyers(c: Ctx): void {
  const text = c.sent.text;
  if (!CUE.test(text)) return;
  const ws = sentenceWords(text);
  for (let v = 1; v < ws.length; v++) {
    const team = phraseAt(ws, v, TEAM);
    if (!team) continue;
    let j = v + team;
    // "X has teamed with Y to acquire T": Y buys with X
    let partner: string | null = null;
    if (ws[j]?.lw === 'with') {
      const p = companyStartingAt(c, ws, j + 1, text);
      if (!p) continue;
      partner = p[1];
      j = p[0];
    }
    if (ws[j]?.lw !== 'to') continue;
    j++;
    if (ws[j]?.lw === 'jointly') j++;
    const buy = phraseAt(ws, j, BUY);
    if (!buy || notClosed(ws, v)) continue;
    const buyers = subjectOf(c, ws, v, text);
    if (!buyers.length) continue;
    if (partner && !buyers.includes(partner)) buyers.push(partner);
    const obj = objectAt(c, ws, j + buy, text);
    if (!obj) continue;
    const terr = obj.terr ?? afterTerritories(ws, obj.end, text);
    tell(c, obj.titles, buyers, terr, sellerAfter(c, ws, obj.end, text) ?? sentenceSeller(c), true);
    v = obj.end - 1;
  }
}
