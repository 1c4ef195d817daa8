/**
 * Dates as articles write them, resolved against the article's date:
 * "last November" (2021-07-20 → 2020-11), "Nov. 18", "on May 1", "in 2019",
 * "last year", "this year's festival", "last month". Whether an undated
 * month or day lies before or after the article follows the tense of the
 * clause ("debuted", "grossed" look back; "will open", "is set to" look ahead).
 */
import { MONTHS, MONTH_ABBR, type EventEntry } from './lexicon.js';

export type Tense = 'past' | 'future' | 'neutral';

export type Precision = 'day' | 'month' | 'year';

export interface DateMention {
  /** Offsets in the string searched (add the sentence's start for article offsets). */
  start: number;
  end: number;
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. */
  value: string;
  precision: Precision;
  year: number;
  month: number | null;
  day: number | null;
}

const FUTURE =
  /\b(?:(?:is|are) (?:releasing|opening|launching|bowing|debuting|premiering|screening|rolling out|distributing)|will|'ll|shall|is set to|are set to|set to|is due to|are due to|is scheduled|are scheduled|scheduled to|is slated|slated to|plans?|planning|ahead of|upcoming|is to|are to|to open|to close|bows|opens|premieres|launches|hits|is expected|are expected|next)\b/i;
const PAST =
  /\b(?:was|were|had|has been|have been|debuted|premiered|played|screened|won|grossed|earned|opened|took|released|bowed|launched|last|previously|since|ago|recently|earlier|did|went|sold|acquired|closed)\b/i;

/** The tense of a clause, by its auxiliaries and verbs. */
export function tenseOf(text: string): Tense {
  const f = FUTURE.exec(text);
  const p = PAST.exec(text);
  if (f && !p) return 'future';
  if (p && !f) return 'past';
  if (f && p) return f.index < p.index ? 'future' : 'past';
  return 'neutral';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The year of an undated month: before, after or nearest the article's month, by tense or an explicit last/this/next. */
export function yearOfMonth(month: number, article: string, qualifier: 'last' | 'this' | 'next' | null, tense: Tense): number {
  const a = parseIsoDate(article);
  if (qualifier === 'last') return month < a.month ? a.year : a.year - 1;
  if (qualifier === 'next') return month > a.month ? a.year : a.year + 1;
  if (qualifier === 'this') return a.year;
  if (tense === 'past') return month <= a.month ? a.year : a.year - 1;
  if (tense === 'future') return month >= a.month ? a.year : a.year + 1;
  // no tense: the occurrence just past, unless it is coming within three months
  const diff = month - a.month;
  if (diff > 3) return a.year - 1;
  return a.year;
}

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The year of an undated day ("Nov. 18"): the one before/after the article by tense, else the nearest. */
export function yearOfDay(month: number, day: number, article: string, tense: Tense): number {
  const a = parseIsoDate(article);
  const at = dayNumber(a.year, a.month, a.day);
  const candidates = [a.year - 1, a.year, a.year + 1].map((y) => ({ y, d: dayNumber(y, month, day) - at }));
  if (tense === 'past') return candidates.filter((c) => c.d <= 0).sort((x, y) => y.d - x.d)[0].y;
  if (tense === 'future') return candidates.filter((c) => c.d >= 0).sort((x, y) => x.d - y.d)[0].y;
  return candidates.sort((x, y) => Math.abs(x.d) - Math.abs(y.d))[0].y;
}

const MONTH_NAME = `(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?`;
const MONTH_RE = new RegExp(
  `\\b(?:(last|this|next|early|late|mid-?|in|since|from|until|through|by)\\s+)?(${MONTH_NAME})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+(\\d{4})\\b)?`,
  'gi',
);

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  return i >= 0 ? i + 1 : (MONTH_ABBR[w] ?? 0);
}

/** Every date mention in `text` ("last November", "Nov. 18", "May 1", "in 2019", "last year", "last month"). */
export function findDates(text: string, article: string, tense: Tense = tenseOf(text)): DateMention[] {
  const out: DateMention[] = [];
  const a = parseIsoDate(article);
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([x, y]) => s < y && e > x);
  MONTH_RE.lastIndex = 0;
  for (let m = MONTH_RE.exec(text); m; m = MONTH_RE.exec(text)) {
    const month = monthNumber(m[2]);
    if (!month) continue;
    const word = m[2].toLowerCase();
    // "may" and "march" are also words: only as months with a day, a year or a qualifier, or capitalized
    if ((word === 'may' || word === 'march') && !m[3] && !m[4] && !/^[A-Z]/.test(m[2])) continue;
    if (word === 'may' && !m[3] && !m[4] && !m[1]) continue;
    const qualifier = (m[1] ?? '').toLowerCase();
    const q = qualifier === 'last' || qualifier === 'this' || qualifier === 'next' ? qualifier : null;
    const explicitYear = m[4] ? Number(m[4]) : null;
    const day = m[3] ? Number(m[3]) : null;
    const start = m.index + (m[1] ? m[0].indexOf(m[2]) : 0);
    const startWithQualifier = q ? m.index : start;
    let year: number;
    // the tense of the words just before the date ("and will screen ... in December") over the sentence's
    const localTense = tenseOf(
      text
        .slice(Math.max(0, m.index - 70), m.index)
        .split(/[,;]|\band\b|\bwhile\b|\bbut\b/)
        .pop() ?? '',
    );
    const t = localTense === 'neutral' ? tense : localTense;
    if (explicitYear) year = explicitYear;
    else if (day) year = q ? yearOfMonth(month, article, q, t) : yearOfDay(month, day, article, t);
    else year = yearOfMonth(month, article, q, qualifier === 'since' ? 'past' : t);
    const value = day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    out.push({ start: startWithQualifier, end: m.index + m[0].length, value, precision: day ? 'day' : 'month', year, month, day });
    taken.push([m.index, m.index + m[0].length]);
  }
  const rel = /\b(last|this|next|earlier this|later this|early next|late last)\s+(year|month)('s)?\b/gi;
  for (let m = rel.exec(text); m; m = rel.exec(text)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const q = m[1].toLowerCase();
    const offset = q.includes('last') ? -1 : q.includes('next') ? 1 : 0;
    if (m[2].toLowerCase() === 'year') {
      const year = a.year + offset;
      out.push({ start: m.index, end: m.index + m[0].length, value: String(year), precision: 'year', year, month: null, day: null });
    } else {
      let month = a.month + offset;
      let year = a.year;
      if (month < 1) [month, year] = [12, year - 1];
      if (month > 12) [month, year] = [1, year + 1];
      out.push({ start: m.index, end: m.index + m[0].length, value: `${year}-${pad(month)}`, precision: 'month', year, month, day: null });
    }
    taken.push([m.index, m.index + m[0].length]);
  }
  const yr = /\b(?:in|since|during|of|from|for|by|until|through)\s+((?:19|20)\d{2})\b(?!\s*(?:-|–)\d)/g;
  for (let m = yr.exec(text); m; m = yr.exec(text)) {
    const s = m.index + m[0].indexOf(m[1]);
    if (!free(s, s + 4)) continue;
    const year = Number(m[1]);
    out.push({ start: s, end: s + 4, value: m[1], precision: 'year', year, month: null, day: null });
    taken.push([s, s + 4]);
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The last day of a month or year date value, for a period's end. */
export function firstDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/**
 * The year of a festival edition mentioned without one: the edition number
 * when given, an explicit year, "this/last/next year's", else the occurrence
 * before (past tense), after (future) or nearest the article's date.
 */
export function eventYear(
  e: EventEntry,
  article: string,
  opts: { edition?: number | null; year?: number | null; relative?: -1 | 0 | 1 | null; tense?: Tense },
): number {
  const a = parseIsoDate(article);
  if (opts.year) return opts.year;
  if (opts.edition && e.anchor) return e.anchor[1] + (opts.edition - e.anchor[0]);
  if (opts.relative !== undefined && opts.relative !== null) return a.year + opts.relative;
  return yearOfMonth(e.month, article, null, opts.tense ?? 'neutral');
}
