/**
 * A sentence read as words with their places, and the three things a reading
 * of "who did what to which film" needs from them: where a company's name
 * stands (the gazetteer, the names the article has taught, a corporate word
 * at its end), where a film's title stands (a quoted span, or a run of
 * capitalized words the trade writes unquoted: `Mountain Queen: The Summits
 * of Lhakpa Sherpa`, `Do Not Expect Too Much from the End of the World`,
 * `AMERICAN MARY`), and which words may stand between a deal verb and its
 * object (`the worldwide rights for P's feature debut,`). Used by svo.ts and
 * titleParens.ts; every function reads a bounded window of the sentence.
 */
import { splitHomeCountry } from './homeCountry.js';
import { normalizeName } from '../../domain/fuzzy.js';
import { lookupTerritoryName } from '../../domain/territories.js';
import { companyEntry } from '../companies.js';
import { KNOWN_COMPANY_KEYS } from '../companyWords.js';
import { findEvent } from '../events.js';
import { MONTHS, NOT_NAMES } from '../lexicon.js';
import { personShaped } from '../nameShapes.js';
import { type Ctx, nk } from './context.js';

export interface Word {
  /** The word as written, its trailing full stop kept only on abbreviations (`U.S.`, `Bros.`). */
  w: string;
  /** Lower case, curly apostrophes straightened. */
  lw: string;
  /** Offsets in the sentence's text. */
  s: number;
  e: number;
}

const ABBREV = /^(?:(?:\p{L}\.)+|Bros\.|Inc\.|Co\.|Ltd\.|Jr\.|St\.|Intl\.|Ent\.|No\.|vs\.)$/u;

/**
 * ASCII single quotes around a title (`for rights to 'The Salt Road'.`), as the sketch reads them: an opening quote
 * after no letter, before a capital or a digit, closed by a quote before no letter (an apostrophe inside, `Frankie's`,
 * stays). [opening offsets, closing offsets].
 */
function singleQuotes(text: string): [Set<number>, Set<number>] {
  const open = new Set<number>();
  const close = new Set<number>();
  if (!text.includes("'")) return [open, close];
  const re = /(?<![\p{L}\p{N}])'(?=[\p{Lu}\p{N}])(?:[^'"\n]|'(?=\p{L})){1,120}?'(?![\p{L}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    open.add(m.index);
    close.add(m.index + m[0].length - 1);
  }
  return [open, close];
}

export function sentenceWords(text: string): Word[] {
  const out: Word[] = [];
  const [opens, closes] = singleQuotes(text);
  const re = /[“”"(),;:–—]|‘|’(?=\s|$)|[^\s“”"(),;:–—]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let w = m[0];
    let s = m.index;
    let tail = '';
    // an ASCII quote pair is read as the curly one: `'T'` as `‘`, T, `’`
    if (opens.has(s) && w.length > 1) {
      out.push({ w: '‘', lw: '‘', s, e: s + 1 });
      w = w.slice(1);
      s++;
    }
    if (w.length > 1 && !ABBREV.test(w)) {
      const t = /[.!?]+$/.exec(w);
      if (t && t.index > 0) {
        tail = t[0];
        w = w.slice(0, t.index);
      }
    }
    // "for ‘T’.", "‘T’ is": a closing quote glued to a word closes the single quote opened before it in the sentence
    // (an apostrophe inside a word, "Frankie’s", or a plural possessive with no quote open, stays part of the word)
    if (w.length > 1 && w.endsWith('’') && out.filter((x) => x.w === '‘').length > out.filter((x) => x.w === '’').length) {
      w = w.slice(0, -1);
      out.push({ w, lw: w.toLowerCase().replace(/’/g, "'"), s, e: s + w.length });
      out.push({ w: '’', lw: "'", s: s + w.length, e: s + w.length + 1 });
      if (tail) out.push({ w: tail, lw: tail, s: s + w.length + 1, e: s + w.length + 1 + tail.length });
      continue;
    }
    if (w.length > 1 && closes.has(s + w.length - 1)) {
      w = w.slice(0, -1);
      out.push({ w, lw: w.toLowerCase().replace(/’/g, "'"), s, e: s + w.length });
      out.push({ w: '’', lw: "'", s: s + w.length, e: s + w.length + 1 });
      if (tail) out.push({ w: tail, lw: tail, s: s + w.length + 1, e: s + w.length + 1 + tail.length });
      continue;
    }
    out.push({ w, lw: w.toLowerCase().replace(/’/g, "'"), s, e: s + w.length });
    if (tail) out.push({ w: tail, lw: tail, s: s + w.length, e: s + w.length + tail.length });
  }
  return out;
}

export const CORPORATE_END =
  /^(?:Films?|Pictures|Entertainment|Releasing|Distribution|Media|Studios?|Ventures|Laboratories|Labs|Classics|Features|Communications|Productions|Group|Cinema|Inc\.?|Ltd\.?|LLC|Company|Co\.)$/;

const capital = (w: string) => /^[\p{Lu}\d]/u.test(w);

/** Whether a name is a company's: the gazetteer, the article's own companies, the known list; not a sales agent unless `agents`. */
export function isCompanyName(c: Ctx, name: string, agents = false): boolean {
  const entry = companyEntry(name);
  if (entry) return agents || entry.kind !== 'sales-agent';
  const key = nk(name);
  if (c.st.reg.kinds.get(key) === 'company') return true;
  return KNOWN_COMPANY_KEYS.has(normalizeName(name));
}

/**
 * The company whose name ends at word `end - 1` (exclusive end): the longest
 * known name of at most five words, or capitalized words closed by a
 * corporate word (`Gunpowder & Sky Distribution`). [start, name] or null.
 */
export function companyEndingAt(c: Ctx, ws: Word[], end: number, text: string): [number, string] | null {
  for (let n = Math.min(5, end); n >= 1; n--) {
    const a = end - n;
    const parts = ws.slice(a, end);
    if (!capital(parts[0].w) || !parts.every((p) => capital(p.w) || p.w === '&' || /^(?:of|the|and|de|du|la)$/.test(p.w))) continue;
    // "Calif.-based X", "Disney-owned X": a description, not the name
    if (parts.some((p) => /-\p{Ll}/u.test(p.w))) continue;
    const name = text.slice(parts[0].s, parts[parts.length - 1].e);
    if (personOfCompany(c, name)) continue;
    // "SVT Sweden": a company named with the country it serves
    if (isCompanyName(c, name) || splitHomeCountry(name)) return [a, name];
    if (n >= 2 && CORPORATE_END.test(parts[parts.length - 1].w) && !/^(?:The|A|An)$/.test(parts[0].w)) return [a, name];
  }
  return null;
}

/** "Ana Ruiz of Kestrel Films": a person named with the company they work for, not a company's name. */
function personOfCompany(c: Ctx, name: string): boolean {
  const m = /^(.+?) of (\S.*)$/.exec(name);
  if (!m) return false;
  if (personShaped(m[1]) || c.st.reg.kinds.get(nk(m[1])) === 'person') return true;
  // "Gilmore of Kestrel Films" (a run cut inside the person's name): what follows "of" is a company of its own
  const after = m[2].split(' ');
  return !m[1].includes(' ') && (isCompanyName(c, m[2]) || (after.length >= 2 && CORPORATE_END.test(after[after.length - 1])));
}

/** The company whose name starts at word `start`: [end (exclusive), name] or null. */
export function companyStartingAt(c: Ctx, ws: Word[], start: number, text: string, agents = false): [number, string] | null {
  for (let n = Math.min(5, ws.length - start); n >= 1; n--) {
    const parts = ws.slice(start, start + n);
    if (!capital(parts[0].w) || !parts.every((p) => capital(p.w) || p.w === '&' || /^(?:of|the|and|de|du|la)$/.test(p.w))) continue;
    if (/^(?:and|of|the|&)$/.test(parts[parts.length - 1].w)) continue;
    const name = text.slice(parts[0].s, parts[parts.length - 1].e);
    if (isCompanyName(c, name, agents) || splitHomeCountry(name)) return [start + n, name];
    if (n >= 2 && CORPORATE_END.test(parts[parts.length - 1].w) && !/^(?:The|A|An)$/.test(parts[0].w)) return [start + n, name];
  }
  return null;
}

/** Small words a title carries inside it (`Happy as Lazzaro`, `Women of the Hour`), never at its end. */
const TITLE_INNER = new Set(['of', 'the', 'a', 'an', 'as', 'is', 'it', 'my', 'me', 'not', 'or', 'vs.', '&', "'n'"]);
/** Prepositions inside a title only before "the" and a capital (`Notes from the Underground`). */
const TITLE_PREP = new Set(['in', 'on', 'to', 'from', 'at', 'for', 'with', 'into', 'over', 'under']);
// ("Both T and T2 went to X": the subject's determiner, not the first title's word)
const NOT_TITLE_START = new Set(['It', 'This', 'That', 'They', 'He', 'She', 'We', 'Its', 'Our', 'His', 'Her', 'Their', 'Both']);
/** A title may open on a preposition only before an article and a capital (`In the Shadow of the Moon`). */
const PREP_START = new Set(['In', 'On', 'At', 'For', 'From', 'To', 'With', 'After', 'Before', 'During']);

/** Whether one to three capitalized words at `j` name a territory (`UK`, `Latin America`). */
function placeStartsAt(ws: Word[], j: number, text: string): boolean {
  for (let n = 3; n >= 1; n--) {
    const run = ws.slice(j, j + n);
    if (run.length === n && run.every((x) => capital(x.w)) && lookupTerritoryName(text.slice(run[0].s, run[n - 1].e))) return true;
  }
  return false;
}

/** Whether a capitalized run is something other than a film: a company, person, territory, festival, month, a plain label. */
function notAFilm(c: Ctx, name: string): boolean {
  const key = nk(name);
  if (!key) return true;
  if (c.st.reg.kinds.has(key) && !c.st.titlesSeen.has(key)) return true;
  if (isCompanyName(c, name, true)) return true;
  if (lookupTerritoryName(name)) return true;
  if (findEvent(name)) return true;
  if (MONTHS.includes(key)) return true;
  // a count or a date the clause names unquoted ("10 have gone to X", "rights on February 16")
  if (/^\d+$/.test(name) || MONTHS.includes(key.split(' ')[0] ?? '')) return true;
  if (!name.includes(' ') && NOT_NAMES.has(key)) return true;
  return false;
}

/**
 * The title that starts at word `i`: a quoted span (`“The Witch”`), or a run
 * of capitalized words (a leading `The`, inner small words, `:` before a
 * capital) of at most twelve words that is no company, person, territory or
 * festival. [end (exclusive), title] or null.
 */
export function titleAt(c: Ctx, ws: Word[], i: number, text: string): [number, string] | null {
  const w = ws[i];
  if (!w) return null;
  if (w.w === '“' || w.w === '"' || w.w === '‘') {
    const close = w.w === '‘' ? '’' : w.w === '“' ? '”' : '"';
    for (let k = i + 1; k < Math.min(ws.length, i + 16); k++)
      // (an opening quote the page printed for a closing one, followed by a space: `“Our Little Sister“ and “T2”`)
      if (
        ws[k].w === close ||
        (close === '”' && ws[k].w === '"') ||
        (close === '”' && ws[k].w === '“' && /^\s/.test(text.slice(ws[k].e, ws[k].e + 1)) && k > i + 1)
      ) {
        if (k === i + 1) return null;
        const t = text
          .slice(ws[i + 1].s, ws[k - 1].e)
          .replace(/[\s,.;:]+$/, '')
          .trim();
        return t && capital(t) ? [k + 1, t] : null;
      }
    return null;
  }
  if (!capital(w.w) || NOT_TITLE_START.has(w.w)) return null;
  // a title the sketch knows here (the catalog's, or one the article quotes elsewhere) holding words a run stops at:
  // `Salt and Iron`, `Night Train to Lisbon`
  const known = sketchTitles(c).get(w.s);
  if (known) {
    let k = i;
    while (k < ws.length && ws[k].e <= known[0]) k++;
    const run = runTitleAt(c, ws, i, text);
    if (k > i && ws[k - 1].e === known[0] && (!run || run[0] < k)) return [k, known[1]];
    return run;
  }
  return runTitleAt(c, ws, i, text);
}

/** The sentence's title items that are no quotes, by where they start in the sentence: [end, title]. */
const titlesOfSketch = new WeakMap<Ctx, Map<number, [number, string]>>();

function sketchTitles(c: Ctx): Map<number, [number, string]> {
  let out = titlesOfSketch.get(c);
  if (!out) {
    out = new Map();
    for (const it of c.sk.items)
      if (it.kind === 'title' && /^[\p{Lu}\d]/u.test(c.sent.text[it.start - c.sent.start] ?? ''))
        out.set(it.start - c.sent.start, [it.end - c.sent.start, it.text]);
    titlesOfSketch.set(c, out);
  }
  return out;
}

/** A run of capitalized words at `i` read as a title (titleAt's second reading). */
function runTitleAt(c: Ctx, ws: Word[], i: number, text: string): [number, string] | null {
  const w = ws[i];
  if (
    PREP_START.has(w.w) &&
    !(
      /^(?:the|a|an)$/.test(ws[i + 1]?.lw ?? '') &&
      ws[i + 2] &&
      capital(ws[i + 2].w) &&
      ws[i + 3] &&
      /^(?:of|the|and)$|^\p{Lu}/u.test(ws[i + 3].w)
    )
  )
    return null;
  let end = i;
  let k = i;
  while (k < ws.length && k - i < 12) {
    const x = ws[k];
    if (capital(x.w) && !/^[(),;–—]$/.test(x.w)) {
      end = k + 1;
      k++;
      continue;
    }
    // inner small words, at most two in a row, before a capital ("Shadow of the Moon")
    if (
      TITLE_INNER.has(x.lw) &&
      k > i &&
      // ("T to Benelux (X)": the territory it was sold to ends the title)
      !(/^(?:to|for|in)$/.test(x.lw) && placeStartsAt(ws, k + 1, text)) &&
      ws[k + 1] &&
      (capital(ws[k + 1].w) || (TITLE_INNER.has(ws[k + 1].lw) && ws[k + 2] && capital(ws[k + 2].w)))
    ) {
      k++;
      continue;
    }
    // ("Salt Road for the UK": the territory it was sold for ends the title)
    if (
      TITLE_PREP.has(x.lw) &&
      k > i &&
      ws[k + 1]?.lw === 'the' &&
      ws[k + 2] &&
      capital(ws[k + 2].w) &&
      !(x.lw === 'for' && placeStartsAt(ws, k + 2, text)) &&
      // ("T from The Match Factory", "T to The Klockworx": the seller or the buyer after the title, not its words)
      !(/^(?:from|to|with)$/.test(x.lw) && companyStartingAt(c, ws, k + 1, text, true))
    ) {
      k += 2;
      continue;
    }
    // "Made in England: ...": a preposition before a capital may be the title's own or the clause's; not read
    if (
      x.lw === 'in' &&
      k === end &&
      ws[k + 1] &&
      capital(ws[k + 1].w) &&
      !findEvent(ws[k + 1].w) &&
      !/^(?:Berlin|Park)$/.test(ws[k + 1].w)
    )
      return null;
    if (x.w === ':' && k > i && ws[k + 1] && capital(ws[k + 1].w)) {
      k++;
      continue;
    }
    break;
  }
  if (end === i) return null;
  // a leading article alone is no title ("The", "A")
  if (end === i + 1 && /^(?:The|A|An)$/.test(w.w)) return null;
  const t = text.slice(ws[i].s, ws[end - 1].e);
  if (notAFilm(c, t) || notAFilm(c, t.replace(/^(?:(?:In|On|At|For|From|To|With|After|Before|During) )?(?:The|A|An|the|a|an) /, '')))
    return null;
  return [end, t];
}

/**
 * A name the article does not know that opens the sentence and ends at `end` (`Sundance Now and Acorn TV have
 * acquired`): a joint buyer beside a known company, unless the sketch reads it as anything but a name or a company.
 */
export function openingName(c: Ctx, ws: Word[], end: number, text: string): [number, string] | null {
  if (end < 1 || end > 4 || !ws.slice(0, end).every((w) => /^\p{Lu}/u.test(w.w))) return null;
  const name = text.slice(ws[0].s, ws[end - 1].e);
  const parts = c.sk.items.filter((it) => it.kind === 'ent' && name.includes(it.text));
  return parts.length && parts.every((it) => it.ent === 'name' || it.ent === 'company') && !c.st.reg.kinds.has(nk(name)) ? [0, name] : null;
}

/** The length of the first phrase of `list` that the words at `i` spell (`['picked', 'up']`), or 0. */
export function phraseAt(ws: Word[], i: number, list: string[][]): number {
  for (const p of list) if (p.every((w, k) => ws[i + k]?.lw === w)) return p.length;
  return 0;
}
