/**
 * Scoring the extractor on any folder of articles in the *annotated corpus
 * format*: for each stem `NN-slug`,
 *
 *   NN-slug.txt            `url:`, `date:` (YYYY-MM-DD or "unknown"), `outlet:`
 *                          lines, a blank line, then the article text;
 *   NN-slug.expected.json  `{"deals": [{title, buyer, seller, territories: [],
 *                          status: closed | talks | mandate, ...}], ...}`.
 *
 * What is scored (the deal facts only; festivals, credits... are not):
 *
 * - **closed deals** (primary): the expected deals with status `closed` and a
 *   named buyer against the extractor's `deal` facts. A pair is (title, buyer);
 *   duplicates count once. An extracted deal that matches an expected `talks`
 *   or `mandate` pair instead is a false hit, counted also as a status confusion.
 * - **talks**: expected `talks` with a named buyer against `rumour` facts
 *   (kind talks or rumour; `party` is the buyer).
 * - **mandates**: expected `mandate` against `mandate` facts (`company`).
 * - **territory agreement** on matched closed deals: the share whose territory
 *   sets are the same, and the mean Jaccard overlap. Territories compare as
 *   country codes when both sides parse ("U.K." = "United Kingdom" = "UK",
 *   "Benelux" = "Belgium, Netherlands, Luxembourg"), else as normalized names.
 *
 * Name matching (titles and companies) is forgiving: accents, case and
 * punctuation are ignored, "&" reads "and", a leading "the" is dropped
 * (normalizeName), and for companies a trailing corporate or trade suffix is
 * dropped too ("IFC Films" = "IFC", "Music Box Films" = "Music Box",
 * "Sony Pictures Classics Inc." = "Sony Pictures Classics"); a buyer also
 * matches when one name is a whole-word prefix of the other ("Oscilloscope" =
 * "Oscilloscope Laboratories"). The strict figure (no suffix or prefix rule)
 * is printed alongside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeName } from '../domain/fuzzy.js';
import { parseTerritories, territoryCodes } from '../domain/territories.js';
import { extractFacts } from './extract.js';
import { segment } from './text.js';
import { readingsOf, unreadDealSentences } from './unread.js';
import type { AnyFact } from './types.js';

export interface GoldDeal {
  title: string;
  buyer: string | null;
  seller?: string | null;
  territories: string[];
  status: 'closed' | 'talks' | 'mandate';
}

export interface FolderArticle {
  id: string;
  url: string | null;
  outlet: string;
  date: string | null;
  text: string;
  deals: GoldDeal[];
}

/** Whether a folder holds articles in the annotated format (a `.expected.json` beside a `.txt`). */
export function isAnnotatedFolder(dir: string): boolean {
  return readdirSync(dir).some((f) => f.endsWith('.expected.json'));
}

/** Splits the header lines (`key: value`) from the body (everything after the first blank line). */
export function readArticleFile(raw: string): { url: string | null; outlet: string; date: string | null; body: string } {
  const text = raw.replace(/\r\n/g, '\n');
  const cut = text.indexOf('\n\n');
  const head = cut < 0 ? '' : text.slice(0, cut);
  const body = cut < 0 ? text : text.slice(cut + 2);
  const field = (k: string) => new RegExp(`^${k}:[ \\t]*(.*)$`, 'mi').exec(head)?.[1]?.trim() ?? null;
  const date = field('date');
  return { url: field('url'), outlet: field('outlet') ?? 'unknown', date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, body };
}

export function loadFolder(dir: string): FolderArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.startsWith('README'))
    .sort()
    .flatMap((f) => {
      const id = f.replace(/\.txt$/, '');
      let gold: { deals?: GoldDeal[] };
      try {
        gold = JSON.parse(readFileSync(join(dir, `${id}.expected.json`), 'utf8')) as { deals?: GoldDeal[] };
      } catch {
        return [];
      }
      const a = readArticleFile(readFileSync(join(dir, f), 'utf8'));
      return [{ id, url: a.url, outlet: a.outlet, date: a.date, text: a.body, deals: gold.deals ?? [] }];
    });
}

/** The corporate and trade words a buyer's name may carry or drop ("IFC Films" / "IFC"). */
const COMPANY_TAIL = new Set([
  'films',
  'film',
  'pictures',
  'picture',
  'entertainment',
  'distribution',
  'distributors',
  'releasing',
  'studios',
  'studio',
  'media',
  'group',
  'productions',
  'inc',
  'ltd',
  'llc',
  'sa',
  'sas',
  'srl',
  'gmbh',
  'ab',
  'as',
  'bv',
  'co',
  'corp',
  'company',
  'international',
  'intl',
  'ent',
  'classics',
  'features',
  'cinema',
  'home',
]);

export const strictKey = (s: string | null | undefined): string => normalizeName(s ?? '');

/** A company name without its trailing corporate/trade words (never to nothing). */
export function companyKey(s: string | null | undefined): string {
  const words = strictKey(s).split(' ').filter(Boolean);
  while (words.length > 1 && COMPANY_TAIL.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

export function sameCompany(a: string, b: string, strict: boolean): boolean {
  if (strict) return strictKey(a) === strictKey(b);
  const x = companyKey(a);
  const y = companyKey(b);
  if (x === y) return true;
  const sx = strictKey(a);
  const sy = strictKey(b);
  return (sx.length > 0 && sy.startsWith(`${sx} `)) || (sy.length > 0 && sx.startsWith(`${sy} `));
}

interface Pair {
  title: string;
  buyer: string;
  territories: string[];
}

function uniquePairs(pairs: Pair[]): Pair[] {
  const seen = new Map<string, Pair>();
  for (const p of pairs) {
    const k = `${strictKey(p.title)}|${strictKey(p.buyer)}`;
    const had = seen.get(k);
    if (had) had.territories = [...had.territories, ...p.territories];
    else seen.set(k, { ...p, territories: [...p.territories] });
  }
  return [...seen.values()];
}

/** Territory set: country codes where a name parses, the normalized name where not. */
export function territoryKeys(names: string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    if (!name.trim()) continue;
    try {
      const codes = territoryCodes(parseTerritories(name));
      if (codes.length) {
        for (const c of codes) out.add(c);
        continue;
      }
    } catch {
      // not a territory expression the parser knows: compared by name
    }
    out.add(`?${strictKey(name)}`);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FolderArticleResult {
  id: string;
  outlet: string;
  closed: Counts;
  strictClosed: Counts;
  talks: Counts;
  mandates: Counts;
  confusions: number;
  territory: { matched: number; exact: number; jaccard: number };
  missed: Pair[];
  spurious: Pair[];
  /** Talks and mandates missed and found wrongly, each with its status, for the verbose list. */
  otherMissed: Array<Pair & { status: 'talks' | 'mandate' }>;
  otherSpurious: Array<Pair & { status: 'talks' | 'mandate' }>;
  territoryErrors: Array<{ title: string; buyer: string; got: string[]; want: string[] }>;
  /** The missed closed deals by where the reading stopped (counts only: safe to print for a held-out part). */
  missedStages: MissedStages;
  /** The sentences the review lists as not read (unread.ts), and how many missed closed deals they name. */
  unread: {
    sentences: number;
    partly: number;
    sentenceCount: number;
    missedNamed: number;
    buyerOffered: number;
    /** The buyer is the name the form fills in (the first offered). */
    buyerFirst: number;
    /** The title is offered: one of the article's facts' titles or the sentence's own. */
    titleOffered: number;
  };
}

/**
 * Where the reading of a missed closed deal stopped: its title was never read as a title (no fact of any
 * type names it); its title was read but its buyer never named in any fact; both were read but never paired,
 * in one sentence that names them both, or only apart (the title in one sentence, the buyer in another).
 */
export interface MissedStages {
  titleNeverRead: number;
  buyerNeverRead: number;
  unpairedInOneSentence: number;
  unpairedApart: number;
}

const NO_STAGES: MissedStages = { titleNeverRead: 0, buyerNeverRead: 0, unpairedInOneSentence: 0, unpairedApart: 0 };

/**
 * What the review's list of sentences not read (unread.ts) holds: how many sentences it lists, of how many,
 * and how many missed closed deals one of them names (by title or by buyer): the misses a reviewer reading
 * that list would meet.
 */
export function unreadCover(text: string, facts: AnyFact[], missed: Pair[]): FolderArticleResult['unread'] {
  const listed = unreadDealSentences(text, readingsOf(facts));
  const sentences = listed.map((u) => ({ text: ` ${strictKey(text.slice(u.span[0], u.span[1]))} `, names: u.names, titles: u.titles }));
  // the review offers as the title the article's facts' titles and the sentence's own
  const factTitles = facts.map((f) => ('title' in f.fields ? strictKey(f.fields.title) : ''));
  let missedNamed = 0;
  let buyerOffered = 0;
  let buyerFirst = 0;
  let titleOffered = 0;
  for (const m of missed) {
    const holding = sentences.filter((s) => s.text.includes(` ${strictKey(m.title)} `) || s.text.includes(` ${companyKey(m.buyer)} `));
    if (!holding.length) continue;
    missedNamed++;
    if (holding.some((s) => s.names.some((n) => sameCompany(n, m.buyer, false)))) buyerOffered++;
    if (holding.some((s) => s.names.length > 0 && sameCompany(s.names[0], m.buyer, false))) buyerFirst++;
    const t = strictKey(m.title);
    if (factTitles.includes(t) || holding.some((s) => s.titles.some((x) => strictKey(x) === t))) titleOffered++;
  }
  return {
    sentences: listed.length,
    partly: listed.filter((u) => u.partly).length,
    sentenceCount: segment(text).length,
    missedNamed,
    buyerOffered,
    buyerFirst,
    titleOffered,
  };
}

export function missedStages(text: string, facts: AnyFact[], missed: Pair[]): MissedStages {
  const out = { ...NO_STAGES };
  if (!missed.length) return out;
  const titles = new Set(facts.map((f) => ('title' in f.fields ? strictKey(f.fields.title) : '')));
  const names = readingsOf(facts).flatMap((r) => r.names);
  const sentences = segment(text).map((s) => ` ${strictKey(text.slice(s.start, s.end))} `);
  for (const m of missed) {
    const t = strictKey(m.title);
    if (!titles.has(t)) out.titleNeverRead++;
    else if (!names.some((n) => sameCompany(n, m.buyer, false))) out.buyerNeverRead++;
    else if (sentences.some((s) => s.includes(` ${t} `) && s.includes(` ${companyKey(m.buyer)} `))) out.unpairedInOneSentence++;
    else out.unpairedApart++;
  }
  return out;
}

function matchSets(got: Pair[], want: Pair[], strict: boolean): { pairs: Array<[Pair, Pair]>; missed: Pair[]; spurious: Pair[] } {
  const used = new Set<number>();
  const pairs: Array<[Pair, Pair]> = [];
  const missed: Pair[] = [];
  for (const w of want) {
    const i = got.findIndex((g, k) => !used.has(k) && strictKey(g.title) === strictKey(w.title) && sameCompany(g.buyer, w.buyer, strict));
    if (i < 0) missed.push(w);
    else {
      used.add(i);
      pairs.push([got[i], w]);
    }
  }
  return { pairs, missed, spurious: got.filter((_, k) => !used.has(k)) };
}

/** The extractor's deals, talks and mandates as (title, buyer) pairs. */
export function predictedPairs(facts: AnyFact[]): { closed: Pair[]; talks: Pair[]; mandates: Pair[] } {
  const closed: Pair[] = [];
  const talks: Pair[] = [];
  const mandates: Pair[] = [];
  for (const f of facts) {
    if (f.type === 'deal')
      closed.push({ title: f.fields.title, buyer: f.fields.buyer, territories: f.fields.territories ? [f.fields.territories] : [] });
    else if (f.type === 'rumour' && f.fields.kind !== 'denial')
      talks.push({ title: f.fields.title, buyer: f.fields.party, territories: f.fields.territories ? [f.fields.territories] : [] });
    else if (f.type === 'mandate')
      mandates.push({ title: f.fields.title, buyer: f.fields.company, territories: f.fields.territories ? [f.fields.territories] : [] });
  }
  return { closed: uniquePairs(closed), talks: uniquePairs(talks), mandates: uniquePairs(mandates) };
}

export function scoreArticle(a: FolderArticle, facts: AnyFact[]): FolderArticleResult {
  const gold = (status: GoldDeal['status']) =>
    uniquePairs(
      a.deals
        .filter((d) => d.status === status && d.buyer)
        .map((d) => ({ title: d.title, buyer: d.buyer!, territories: d.territories ?? [] })),
    );
  const got = predictedPairs(facts);
  const closed = matchSets(got.closed, gold('closed'), false);
  const strict = matchSets(got.closed, gold('closed'), true);
  const talks = matchSets(got.talks, gold('talks'), false);
  const mandates = matchSets(got.mandates, gold('mandate'), false);
  const other = [...gold('talks'), ...gold('mandate')];
  const confusions = matchSets(closed.spurious, other, false).pairs.length;
  const territory = { matched: 0, exact: 0, jaccard: 0 };
  const territoryErrors: FolderArticleResult['territoryErrors'] = [];
  for (const [g, w] of closed.pairs) {
    const gs = territoryKeys(g.territories);
    const ws = territoryKeys(w.territories);
    const j = jaccard(gs, ws);
    territory.matched++;
    territory.jaccard += j;
    if (j === 1) territory.exact++;
    else territoryErrors.push({ title: w.title, buyer: w.buyer, got: g.territories, want: w.territories });
  }
  const counts = (m: { pairs: unknown[]; missed: unknown[]; spurious: unknown[] }): Counts => ({
    tp: m.pairs.length,
    fp: m.spurious.length,
    fn: m.missed.length,
  });
  return {
    id: a.id,
    outlet: a.outlet,
    closed: counts(closed),
    strictClosed: counts(strict),
    talks: counts(talks),
    mandates: counts(mandates),
    confusions,
    territory,
    missed: closed.missed,
    spurious: closed.spurious,
    otherMissed: [
      ...talks.missed.map((x) => ({ ...x, status: 'talks' as const })),
      ...mandates.missed.map((x) => ({ ...x, status: 'mandate' as const })),
    ],
    otherSpurious: [
      ...talks.spurious.map((x) => ({ ...x, status: 'talks' as const })),
      ...mandates.spurious.map((x) => ({ ...x, status: 'mandate' as const })),
    ],
    territoryErrors,
    missedStages: missedStages(a.text, facts, closed.missed),
    unread: unreadCover(a.text, facts, closed.missed),
  };
}

export function evaluateFolder(articles: FolderArticle[]): FolderArticleResult[] {
  return articles.map((a) => scoreArticle(a, extractFacts(a.text, { date: a.date }).facts));
}

const add = (x: Counts, y: Counts): Counts => ({ tp: x.tp + y.tp, fp: x.fp + y.fp, fn: x.fn + y.fn });
const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };
const p = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
const r = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
const line = (name: string, c: Counts) =>
  `${name.padEnd(34)}${p(c).toFixed(3).padStart(10)}${r(c).toFixed(3).padStart(9)}${String(c.tp).padStart(6)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}`;

/** The sums, field by field, of a record of counts each result carries (its territory agreement, its missed stages...). */
function totals<T extends object>(results: FolderArticleResult[], pick: (x: FolderArticleResult) => T, zero: T): T {
  const out: Record<string, number> = { ...(zero as Record<string, number>) };
  for (const x of results) for (const [k, v] of Object.entries(pick(x))) out[k] = (out[k] ?? 0) + (v as number);
  return out as T;
}

/** The figures of a part: per fact type, per outlet, territory agreement; the misses with `list`. */
export function formatFolderReport(results: FolderArticleResult[], title: string, list: boolean): string {
  const sum = (k: 'closed' | 'strictClosed' | 'talks' | 'mandates') => results.reduce((acc, x) => add(acc, x[k]), ZERO);
  const t = totals(results, (x) => x.territory, { matched: 0, exact: 0, jaccard: 0 });
  const confusions = results.reduce((n, x) => n + x.confusions, 0);
  const out = [
    title,
    `${'deals (title, buyer)'.padEnd(34)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'tp'.padStart(6)}${'fp'.padStart(5)}${'fn'.padStart(5)}`,
  ];
  out.push(line('closed', sum('closed')));
  out.push(line('closed, strict names', sum('strictClosed')));
  out.push(line('talks', sum('talks')));
  out.push(line('mandates', sum('mandates')));
  out.push(`status confusions (closed found, talks/mandate expected): ${confusions}`);
  out.push(
    `territory agreement on ${t.matched} matched closed deals: exact ${t.matched ? (t.exact / t.matched).toFixed(3) : '-'}, mean Jaccard ${t.matched ? (t.jaccard / t.matched).toFixed(3) : '-'}`,
  );
  const st = totals(results, (x) => x.missedStages, NO_STAGES);
  out.push(
    `missed closed deals by where the reading stopped: title never read ${st.titleNeverRead}, buyer never read ${st.buyerNeverRead}, both read but not paired ${st.unpairedInOneSentence} in one sentence and ${st.unpairedApart} apart`,
  );
  const un = totals(results, (x) => x.unread, {
    sentences: 0,
    partly: 0,
    sentenceCount: 0,
    missedNamed: 0,
    buyerOffered: 0,
    buyerFirst: 0,
    titleOffered: 0,
  });
  const missedTotal = sum('closed').fn;
  out.push(
    `sentences listed for review as not read: ${un.sentences} of ${un.sentenceCount}, ${un.partly} of them read in part (${results.length ? (un.sentences / results.length).toFixed(1) : '0'} per article); they name ${un.missedNamed} of the ${missedTotal} missed closed deals, and offer the buyer of ${un.buyerOffered} of those (filled in for ${un.buyerFirst}) and the title of ${un.titleOffered}`,
  );
  const outlets = new Map<string, Counts>();
  for (const x of results) outlets.set(x.outlet, add(outlets.get(x.outlet) ?? ZERO, x.closed));
  out.push('closed deals per outlet');
  for (const [o, c] of [...outlets].sort((a, b) => a[0].localeCompare(b[0]))) out.push(line(`  ${o}`, c));
  if (list) {
    for (const x of results) {
      if (!x.missed.length && !x.spurious.length && !x.territoryErrors.length && !x.otherMissed.length && !x.otherSpurious.length) continue;
      out.push(`\n-- ${x.id}`);
      for (const m of x.missed)
        out.push(`   missed     ${JSON.stringify(m.title)} / ${JSON.stringify(m.buyer)} ${JSON.stringify(m.territories)}`);
      for (const s of x.spurious)
        out.push(`   spurious   ${JSON.stringify(s.title)} / ${JSON.stringify(s.buyer)} ${JSON.stringify(s.territories)}`);
      for (const e of x.territoryErrors)
        out.push(
          `   territory  ${JSON.stringify(e.title)} / ${JSON.stringify(e.buyer)}: got ${JSON.stringify(e.got)}, want ${JSON.stringify(e.want)}`,
        );
      for (const m of x.otherMissed)
        out.push(`   missed ${m.status.padEnd(8)}${JSON.stringify(m.title)} / ${JSON.stringify(m.buyer)} ${JSON.stringify(m.territories)}`);
      for (const s of x.otherSpurious)
        out.push(
          `   spurious ${s.status.padEnd(8)}${JSON.stringify(s.title)} / ${JSON.stringify(s.buyer)} ${JSON.stringify(s.territories)}`,
        );
    }
  }
  return out.join('\n');
}
