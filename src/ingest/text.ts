/**
 * Article text: a matching view of the same length (curly quotes and
 * apostrophes straightened, non-breaking spaces made plain, so every offset
 * found in the view is an offset into the article), a leading header such as
 * "date 2021-07-20", and sentences with their character spans.
 */

/** Same length as the input: ’‘ → ', “” → ", NBSP and thin spaces → space. Offsets carry over unchanged. */
export function matchingView(text: string): string {
  return danglingQuotesOut(text)
    .replace(/[’‘‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
}

/**
 * `“X has acquired rights to P's documentary “T.”`: a page that quotes another outlet opens its paragraph with a
 * quote it never closes. In a text that writes its quotes curly (opening and closing told apart), an opening quote at
 * a paragraph's or sentence's start whose next curly quote opens again pairs with nothing: it is blanked (same length),
 * so that the film's own quotes pair up.
 */
function danglingQuotesOut(text: string): string {
  if (!text.includes('”') || !text.includes('“')) return text;
  let out: string[] | null = null;
  const re = /[“”]/g;
  let prev: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (prev && prev[0] === '“' && m[0] === '“' && /(?:^|\n|[.!?]\s)\s*$/.test(text.slice(Math.max(0, prev.index - 3), prev.index))) {
      out ??= text.split('');
      out[prev.index] = ' ';
    }
    prev = m;
  }
  return out ? out.join('') : text;
}

export interface Header {
  /** The article's date when the text starts with one ("date 2021-07-20"). */
  date: string | null;
  /** Where the article body starts (after the header). */
  bodyStart: number;
}

/** A leading "date YYYY-MM-DD" (or "Date: ...", "published YYYY-MM-DD") line, as pasted from the trade-press clippings files. */
export function readHeader(text: string): Header {
  const m = /^\s*(?:date|published|dated)\s*:?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*/i.exec(text);
  if (!m) return { date: null, bodyStart: /^\s*/.exec(text)![0].length };
  let end = m[0].length;
  while (end < text.length && /\s/.test(text[end])) end++;
  return { date: m[1], bodyStart: end };
}

export interface Sentence {
  /** Index in the article's sentence list. */
  index: number;
  /** Paragraph number (blank lines separate paragraphs). */
  paragraph: number;
  start: number;
  end: number;
  /** The sentence as written (a slice of the article). */
  text: string;
}

/** Words that end with a period without ending the sentence (compared lower case, without the period). */
const ABBREVIATIONS = new Set([
  'ent',
  'intl',
  'dist',
  'prods',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'bros',
  'vs',
  'etc',
  'no',
  'nos',
  'vol',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'sat',
  'sun',
  'gen',
  'gov',
  'sen',
  'rep',
  'mt',
  'ft',
  'fig',
  'ed',
  'eds',
  'p',
  'pp',
  'dir',
  'prod',
  'exec',
]);
/** Words that start sentences: after "U.S." they mean the abbreviation ended one. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'its',
  'he',
  'she',
  'they',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
  'in',
  'on',
  'at',
  'but',
  'and',
  'meanwhile',
  'however',
  'also',
  'other',
  'deals',
  'separately',
  'elsewhere',
  'earlier',
  'previously',
  'last',
  'both',
  'according',
  'there',
  'we',
  'i',
]);

function isClosing(c: string | undefined): boolean {
  return c !== undefined && /["'’”)\]»]/.test(c);
}

/**
 * The longest sentence read as one (characters). Trade-press sentences are
 * far shorter (the corpus's longest is about 250); a longer run of text
 * without a sentence end (a list pasted without punctuation, a page's
 * boilerplate) is read in pieces of at most this length, cut after a comma
 * or semicolon where it can be, so that the work per sentence stays bounded.
 */
export const MAX_SENTENCE = 1_200;

/** Where to end a piece of [s, e) longer than MAX_SENTENCE: after the last ", " or "; " in reach, else at the last space, else at the limit. */
function pieceEnd(text: string, s: number, e: number): number {
  const limit = s + MAX_SENTENCE;
  if (e <= limit) return e;
  let space = -1;
  for (let i = limit - 1; i > s + MAX_SENTENCE / 2; i--) {
    if (/\s/.test(text[i])) {
      if (text[i - 1] === ',' || text[i - 1] === ';') return i;
      if (space < 0) space = i;
    }
  }
  return space > 0 ? space : limit;
}

const WORD_AT = /[\p{L}\p{N}']+/uy;

/**
 * Splits the article (from `from`) into sentences. A sentence ends at . ! or ?
 * (after any closing quotes or brackets) followed by space and a capital, a
 * quote or a digit, or at a line break; abbreviations ("Nov. 12", "Inc.",
 * initials, "U.S." before a lower-case word) do not end one. A sentence
 * longer than MAX_SENTENCE is cut into pieces.
 */
export function segment(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = from;
  const push = (end: number) => {
    let s = start;
    const e = end;
    for (;;) {
      while (s < e && /\s/.test(text[s])) s++;
      let pe = pieceEnd(text, s, e);
      const next = pe;
      while (pe > s && /\s/.test(text[pe - 1])) pe--;
      if (pe > s) out.push({ index: out.length, paragraph, start: s, end: pe, text: text.slice(s, pe) });
      if (next >= e) return;
      s = next;
    }
  };
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      // a blank line (or more) starts a new paragraph
      let j = i + 1;
      let blank = false;
      while (j < text.length && /\s/.test(text[j])) {
        if (text[j] === '\n') blank = true;
        j++;
      }
      if (blank) paragraph++;
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (isClosing(text[j])) j++;
    if (j < text.length && !/[ \t]/.test(text[j])) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k])) k++;
    if (k >= text.length) continue;
    const next = text[k];
    if (next === '\n') continue; // the line break ends it
    if (!/[\p{Lu}\d"“‘'(¡¿]/u.test(next)) continue;
    if (c === '.') {
      // the word before the period
      let w = i - 1;
      while (w >= 0 && /[\p{L}\p{N}.'’-]/u.test(text[w])) w--;
      const word = text.slice(w + 1, i);
      const bare = word.replace(/\.$/, '').toLowerCase();
      WORD_AT.lastIndex = k;
      const nextWord = WORD_AT.exec(text)?.[0]?.toLowerCase() ?? '';
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "J. Smith"
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
        // "U.S", "U.K": an abbreviation; ends the sentence only before a word that starts one
        if (!SENTENCE_STARTERS.has(nextWord)) continue;
      } else if (ABBREVIATIONS.has(bare)) {
        if (/^\d/.test(next) || !SENTENCE_STARTERS.has(nextWord)) continue;
      }
      if (/\d$/.test(word) && /^\d/.test(next)) continue; // "12. 5"
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return out;
}
