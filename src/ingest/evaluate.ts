/**
 * Scoring the extractor against the corpus (corpus/articles/NN-*.txt, each
 * with NN-*.json: outlet, date, split, expected facts). A fact matches when
 * its identifying fields agree:
 *
 * - deal: title, buyer and the territory *set* (parsed; none = empty);
 * - rumour: title and party; mandate: title and company;
 * - selection, withdrawal: title, festival (any of its names) and year;
 * - award: title, festival, year, and the prize name (one contains the other);
 * - boxOffice: title, territory, amount and currency; release: title, territory;
 * - credit: title, role, name; titleCompany: title, role, company;
 * - sourceMaterial: title, material; productionStatus: title, status.
 *
 * Names compare normalized (accents, case, punctuation, "the"). Other fields
 * in an expected fact (seller, media, price, negotiators, section, slot,
 * reason, date...) are scored separately as field accuracy on matched facts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeName } from '../domain/fuzzy.js';
import { parseTerritories, territoryCodes } from '../domain/territories.js';
import { extractFacts } from './extract.js';
import { findEvent } from './lexicon.js';
import { FACT_TYPES, type AnyFact, type FactType } from './types.js';

export interface CorpusArticle {
  id: string;
  outlet: string;
  date: string;
  split: string;
  text: string;
  expected: Array<Record<string, unknown> & { type: FactType }>;
}

export function loadCorpus(dir: string): CorpusArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/, '');
      const meta = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Omit<CorpusArticle, 'id' | 'text'>;
      return { id, ...meta, text: readFileSync(join(dir, f), 'utf8') };
    });
}

const n = (s: unknown) => normalizeName(typeof s === 'string' ? s : '');

function festivalKey(s: unknown): string {
  if (typeof s !== 'string') return '';
  return n(findEvent(s)?.name ?? s);
}

function territorySet(expr: unknown): string {
  if (typeof expr !== 'string' || !expr.trim()) return '';
  try {
    return territoryCodes(parseTerritories(expr)).join(',');
  } catch {
    return `?${expr}`;
  }
}

function awardMatch(a: unknown, b: unknown): boolean {
  const x = n(a)
    .replace(/\b(?:silver bear|golden bear|award|prize|for|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const y = n(b)
    .replace(/\b(?:silver bear|golden bear|award|prize|for|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!x || !y) return n(a) === n(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** Whether an extracted fact (fields) is the expected one. */
export function sameFact(type: FactType, got: Record<string, unknown>, want: Record<string, unknown>): boolean {
  if (n(got.title) !== n(want.title)) return false;
  switch (type) {
    case 'deal':
      return n(got.buyer) === n(want.buyer) && territorySet(got.territories) === territorySet(want.territories);
    case 'rumour':
      return n(got.party) === n(want.party);
    case 'mandate':
      return n(got.company) === n(want.company);
    case 'selection':
    case 'withdrawal':
      return festivalKey(got.festival) === festivalKey(want.festival) && (got.year ?? null) === (want.year ?? null);
    case 'award':
      return (
        festivalKey(got.festival) === festivalKey(want.festival) &&
        (got.year ?? null) === (want.year ?? null) &&
        awardMatch(got.award, want.award)
      );
    case 'boxOffice':
      return (
        (got.territory ?? null) === (want.territory ?? null) && got.currency === want.currency && String(got.amount) === String(want.amount)
      );
    case 'release':
      return got.territory === want.territory;
    case 'credit':
      return got.role === want.role && n(got.name) === n(want.name);
    case 'titleCompany':
      return got.role === want.role && n(got.company) === n(want.company);
    case 'sourceMaterial':
      return n(got.material) === n(want.material);
    case 'productionStatus':
      return got.status === want.status;
  }
}

const KEY_FIELDS = new Set([
  'type',
  'title',
  'buyer',
  'territories',
  'party',
  'company',
  'festival',
  'year',
  'award',
  'territory',
  'amount',
  'currency',
  'role',
  'name',
  'material',
  'status',
]);

function fieldEqual(field: string, got: unknown, want: unknown): boolean {
  if (field === 'negotiators') {
    const g = (got as Array<{ name: string; company: string | null; side: string | null }>) ?? [];
    const w = (want as Array<{ name: string; company: string | null; side: string | null }>) ?? [];
    return (
      g.length === w.length && w.every((x) => g.some((y) => n(y.name) === n(x.name) && n(y.company) === n(x.company) && y.side === x.side))
    );
  }
  if (field === 'festival' && typeof want === 'object' && want !== null) {
    const g = got as { name: string; year: number | null } | null;
    const w = want as { name: string; year: number | null };
    return !!g && festivalKey(g.name) === festivalKey(w.name) && g.year === w.year;
  }
  if (field === 'price') {
    const g = got as { amount: string; currency: string } | null;
    const w = want as { amount: string; currency: string };
    return !!g && g.amount === w.amount && g.currency === w.currency;
  }
  if (field === 'territories') return territorySet(got) === territorySet(want);
  if (typeof want === 'string') return n(got) === n(want);
  return JSON.stringify(got ?? null) === JSON.stringify(want ?? null);
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface ArticleResult {
  id: string;
  split: string;
  missed: Array<Record<string, unknown>>;
  spurious: Array<Record<string, unknown>>;
  fieldErrors: Array<{ fact: Record<string, unknown>; field: string; got: unknown; want: unknown }>;
}

export interface EvalReport {
  byType: Record<FactType, TypeScore>;
  fields: { checked: number; correct: number };
  articles: ArticleResult[];
}

function score(tp: number, fp: number, fn: number): TypeScore {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** A fact's fields by name, to compare with the corpus's expected facts (a copy: the fact is not changed). */
function fieldsOf(f: AnyFact): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f.fields));
}

/** Matches extracted facts to expected ones, one to one, by type. */
export function compare(
  id: string,
  split: string,
  facts: AnyFact[],
  expected: CorpusArticle['expected'],
): ArticleResult & { counts: Record<FactType, { tp: number; fp: number; fn: number }>; checked: number; correct: number } {
  const counts = Object.fromEntries(FACT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    FactType,
    { tp: number; fp: number; fn: number }
  >;
  const used = new Set<number>();
  const result: ArticleResult = { id, split, missed: [], spurious: [], fieldErrors: [] };
  let checked = 0;
  let correct = 0;
  for (const want of expected) {
    const i = facts.findIndex((f, k) => !used.has(k) && f.type === want.type && sameFact(want.type, fieldsOf(f), want));
    if (i < 0) {
      counts[want.type].fn++;
      result.missed.push(want);
      continue;
    }
    used.add(i);
    counts[want.type].tp++;
    const got = fieldsOf(facts[i]);
    for (const [field, value] of Object.entries(want)) {
      if (KEY_FIELDS.has(field) && !(want.type === 'mandate' && field === 'territories') && !(want.type === 'award' && field === 'person'))
        continue;
      checked++;
      if (fieldEqual(field, got[field], value)) correct++;
      else result.fieldErrors.push({ fact: { type: want.type, title: want.title }, field, got: got[field], want: value });
    }
  }
  facts.forEach((f, k) => {
    if (used.has(k)) return;
    counts[f.type].fp++;
    result.spurious.push({ type: f.type, ...fieldsOf(f) });
  });
  return { ...result, counts, checked, correct };
}

export function evaluate(articles: CorpusArticle[]): EvalReport {
  const totals = Object.fromEntries(FACT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    FactType,
    { tp: number; fp: number; fn: number }
  >;
  const out: ArticleResult[] = [];
  let checked = 0;
  let correct = 0;
  for (const a of articles) {
    const { facts } = extractFacts(a.text, { date: a.date });
    const r = compare(a.id, a.split, facts, a.expected);
    for (const t of FACT_TYPES) {
      totals[t].tp += r.counts[t].tp;
      totals[t].fp += r.counts[t].fp;
      totals[t].fn += r.counts[t].fn;
    }
    checked += r.checked;
    correct += r.correct;
    out.push({ id: r.id, split: r.split, missed: r.missed, spurious: r.spurious, fieldErrors: r.fieldErrors });
  }
  const byType = Object.fromEntries(FACT_TYPES.map((t) => [t, score(totals[t].tp, totals[t].fp, totals[t].fn)])) as Record<
    FactType,
    TypeScore
  >;
  return { byType, fields: { checked, correct }, articles: out };
}

/** The report as a table, one line per fact type. */
export function formatReport(r: EvalReport, title: string): string {
  const lines = [
    title,
    `${'type'.padEnd(18)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'tp'.padStart(6)}${'fp'.padStart(5)}${'fn'.padStart(5)}`,
  ];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of FACT_TYPES) {
    const s = r.byType[t];
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    lines.push(
      `${t.padEnd(18)}${s.precision.toFixed(3).padStart(10)}${s.recall.toFixed(3).padStart(9)}${String(s.tp).padStart(6)}${String(s.fp).padStart(5)}${String(s.fn).padStart(5)}`,
    );
  }
  const all = score(tp, fp, fn);
  lines.push(
    `${'all'.padEnd(18)}${all.precision.toFixed(3).padStart(10)}${all.recall.toFixed(3).padStart(9)}${String(tp).padStart(6)}${String(fp).padStart(5)}${String(fn).padStart(5)}`,
  );
  lines.push(
    `field accuracy on matched facts: ${r.fields.correct}/${r.fields.checked}${r.fields.checked ? ` (${((100 * r.fields.correct) / r.fields.checked).toFixed(1)}%)` : ''}`,
  );
  return lines.join('\n');
}
