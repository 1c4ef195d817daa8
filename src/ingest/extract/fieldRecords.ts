/**
 * Festival acquisition guides that list each film as a record of labelled
 * fields rather than in sentences: the title (`Title: “T”`, `The Film: T`, or the quoted title
 * alone on its line), then `Festival:` / `Section:`, then `Buyer: X` (`X/Y`,
 * `X and Y` for joint buyers). Each buyer is a closed deal for the record's
 * title. The labels may stand on their own lines or run on in one paragraph
 * (`Title: “T” Festival: Venice Buyer: X Ana Ruiz's drama ...`): there the
 * buyer is the longest company name known or closed by a corporate word.
 */
import { type Ctx, nk, type State } from './context.js';
import { addDeal } from './dealTerms.js';
import { companyEntry } from '../companies.js';
import { companyStartingAt, sentenceWords, titleAt } from './clauseWords.js';

/** The record's title and the sentence index it was read in, per article. */
const lastTitle = new WeakMap<State, { title: string; index: number }>();

const LABEL = /^(?:title|film|movie|festivals?|section|sections|buyers?|distributors?|rights|announced|premiere)$/;

/** A line that is a quoted title alone (`“Sanctuary”`). */
const LONE_TITLE = /^\s*[“"]([^“”"]{1,80})[”"]\s*$/;

export function extractFieldRecords(c: Ctx): void {
  const text = c.sent.text;
  const lone = LONE_TITLE.exec(text);
  if (lone) {
    lastTitle.set(c.st, { title: lone[1].replace(/[,.]$/, '').trim(), index: c.sent.index });
    return;
  }
  if (!/\b(?:Title|Film|Movie|Buyers?|Distributors?):/.test(text)) return;
  const ws = sentenceWords(text);
  for (let i = 0; i + 1 < ws.length; i++) {
    if (ws[i + 1].w !== ':' || !/^\p{Lu}/u.test(ws[i].w)) continue;
    // (`Title: T`, `The Film: T`)
    if (/^(?:title|film|movie)$/.test(ws[i].lw)) {
      const t = titleAt(c, ws, i + 2, text);
      if (t) lastTitle.set(c.st, { title: t[1], index: c.sent.index });
      continue;
    }
    if (!/^(?:buyers?|distributors?)$/.test(ws[i].lw)) continue;
    const rec = lastTitle.get(c.st);
    // the record's title: in this sentence, or at most four lines before (`“T”` / `Festivals: TIFF` / `Buyer: X`)
    if (!rec || c.sent.index - rec.index > 4) continue;
    for (const buyer of buyersAt(c, ws, i + 2, text)) if (nk(buyer) !== nk(rec.title)) addDeal(c, rec.title, buyer, [], {}, 0.7);
  }
}

/** The buyers after `Buyer:`: names split at `/`, `and`, `,`, each a company name or, on a line of its own, the words as written. */
function buyersAt(c: Ctx, ws: ReturnType<typeof sentenceWords>, k: number, text: string): string[] {
  const out: string[] = [];
  // the words up to the next label or the sentence's end
  let end = k;
  while (end < ws.length && !(ws[end + 1]?.w === ':' && LABEL.test(ws[end].lw))) end++;
  // the buyers alone on their line: names and separators only, no lower-case word of a sentence running on
  const alone = end - k <= 8 && ws.slice(k, end).every((w) => /^[\p{Lu}\d/,&]/u.test(w.w) || /^(?:and|of|the|de|[.,;])$/.test(w.lw));
  let j = k;
  while (j < end) {
    const known = alone ? companyStartingAt(c, ws, j, text) : gazetteerAt(ws, j, text);
    let stop = known ? known[0] : j;
    if (!known) {
      if (!alone) break;
      while (stop < end && !/^(?:\/|,|and|&)$/.test(ws[stop].lw) && !ws[stop].w.includes('/')) stop++;
    }
    // "Neon/Super": one word holding both names
    const raw = text.slice(ws[j].s, ws[Math.max(j, stop - 1)].e);
    // "Distributor: Sideshow and Janus Films": two buyers, unless the gazetteer knows the whole name
    const parts = raw.split('/').flatMap((p) => (/ (?:and|&) \p{Lu}/u.test(p) && !companyEntry(p.trim()) ? p.split(/ (?:and|&) /) : [p]));
    for (const part of parts) {
      const name = part.replace(/[.,;]+$/, '').trim();
      if (/^\p{Lu}/u.test(name) && !/^(?:TBD|TBA|None|N\/A)$/i.test(name)) out.push(name);
    }
    j = stop > j ? stop : j + 1;
    if (j < end && /^(?:\/|,|and|&)$/.test(ws[j].lw)) j++;
    else if (j < end && !alone) break;
  }
  return out;
}

/** In a run-on record, the longest name of at most five words the gazetteer knows at `k`: [end, name]. */
function gazetteerAt(ws: ReturnType<typeof sentenceWords>, k: number, text: string): [number, string] | null {
  for (let n = Math.min(5, ws.length - k); n >= 1; n--) {
    const name = text.slice(ws[k].s, ws[k + n - 1].e);
    if (companyEntry(name) && !/^(?:the|a|an|and|of)$/.test(ws[k + n - 1].lw)) return [k + n, name];
  }
  return null;
}
