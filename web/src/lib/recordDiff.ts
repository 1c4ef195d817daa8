/**
 * What an audit entry of a catalog record changed (a title with its credits
 * and companies, a company, a person, a festival, an edition, a selection, a
 * release, a box-office figure), in people's words: "Year 2020 → 2021",
 * "Credits + Cast: Fan Wei". The audit keeps snapshots (camelCase for
 * titles, companies and people; the stored row for the festival and market
 * records); this compares them field by field and leaves the bookkeeping out
 * (ids, timestamps, source links). Pure functions: RecordHistory renders them.
 */
import { countryName } from './auditDiff';
import type { Change, FieldChange } from './auditDiff';
import { formatDate, formatMoney, humanize } from './format';
import type { AuditEntry } from '../../../src/contract/index.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const NONE = 'none';

/** Keys never shown: bookkeeping, or shown another way. */
const HIDDEN = new Set([
  'id',
  'createdAt',
  'created_at',
  'updated_at',
  'updatedAt',
  'sourceLinks',
  'mergedFrom',
  'sections',
  'position',
  'title_id',
  'edition_id',
  'festival_id',
  'amount',
  'currency',
]);

const LABELS: Record<string, string> = {
  originalTitle: 'Original title',
  original_title: 'Original title',
  englishTitle: 'English title',
  english_title: 'English title',
  runtimeMinutes: 'Runtime',
  runtime_minutes: 'Runtime',
  sourceMaterial: 'Source material',
  source_material: 'Source material',
  sourceMaterialNote: 'Source material note',
  source_material_note: 'Source material note',
  productionStatus: 'Production status',
  production_status: 'Production status',
  sortName: 'Sorted as',
  shortName: 'Short name',
  short_name: 'Short name',
  start_date: 'Starts',
  end_date: 'Ends',
  premiere_status: 'Premiere',
  withdrawal_reason: 'Reason for withdrawal',
  section_id: 'Section',
  person_id: 'Person',
  tie_group: 'Tie group',
  release_date: 'Date',
  date_precision: 'Date precision',
  distributor_id: 'Distributor',
  period_start: 'Period from',
  period_end: 'Period to',
  as_of: 'As of',
  is_cumulative: 'To date',
  territory: 'Territory',
  country: 'Country',
  countries: 'Countries',
};

const label = (k: string) =>
  LABELS[k] ??
  humanize(
    k
      .replace(/_/g, '-')
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase(),
  );

const EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0 };
/** Minor units back to a decimal string, for a box-office row. */
function grossText(o: Obj): string | null {
  if (typeof o.amount !== 'number' && typeof o.amount !== 'string') return null;
  if (!o.currency) return null;
  const e = EXPONENT[str(o.currency)] ?? 2;
  const digits = String(Math.abs(Number(o.amount))).padStart(e + 1, '0');
  const amount = e === 0 ? digits : `${digits.slice(0, -e)}.${digits.slice(-e)}`;
  return formatMoney({ amount: `${Number(o.amount) < 0 ? '-' : ''}${amount}`, currency: str(o.currency) });
}

function valueText(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return NONE;
  if (typeof v === 'boolean' || ((key === 'withdrawn' || key === 'tied' || key === 'is_cumulative') && (v === 0 || v === 1)))
    return v === true || v === 1 ? 'yes' : 'no';
  if (key === 'countries' || key === 'country' || key === 'territory')
    return arr(v).length || Array.isArray(v)
      ? arr(v)
          .map((c) => countryName(str(c)))
          .join(', ') || NONE
      : countryName(str(v));
  if (key === 'runtimeMinutes' || key === 'runtime_minutes') return `${str(v)} min`;
  if (/date|period|as_of|start|end/.test(key) && /^\d{4}-\d{2}-\d{2}$/.test(str(v))) return formatDate(str(v));
  if (['productionStatus', 'production_status', 'kind', 'premiere_status', 'slot', 'date_precision'].includes(key))
    return humanize(str(v)).toLowerCase();
  if (Array.isArray(v)) return v.map((x) => (isObj(x) ? str(x.alias ?? x.name ?? x.id) : str(x))).join(', ') || NONE;
  if (isObj(v)) return str(v.name ?? v.id) || NONE;
  return str(v);
}

function creditText(c: unknown): string {
  if (!isObj(c)) return '';
  const person = isObj(c.person) ? str(c.person.name) : str(c.person_id);
  return `${humanize(str(c.role))}: ${person}${c.character ? ` as ${str(c.character)}` : ''}`;
}
function companyText(c: unknown): string {
  if (!isObj(c)) return '';
  return `${humanize(str(c.role))}: ${isObj(c.company) ? str(c.company.name) : str(c.company_id)}`;
}
function aliasText(a: unknown): string {
  if (typeof a === 'string') return a;
  if (!isObj(a)) return '';
  return `${str(a.alias)}${a.kind ? ` (${str(a.kind)})` : ''}`;
}

const LISTS: Array<{ key: string; label: string; text: (v: unknown) => string; ordered?: boolean }> = [
  { key: 'aliases', label: 'Also known as', text: aliasText },
  { key: 'credits', label: 'Credits', text: creditText, ordered: true },
  { key: 'companies', label: 'Companies', text: companyText },
];

/** Field-level changes from one snapshot to the next. */
export function diffRecords(before: unknown, after: unknown): Change[] {
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  const out: Change[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    if (HIDDEN.has(k) || LISTS.some((l) => l.key === k)) continue;
    if (!(k in a) || !(k in b)) continue;
    const from = valueText(k, a[k]);
    const to = valueText(k, b[k]);
    if (from !== to) out.push({ kind: 'field', label: label(k), from, to });
  }
  const ga = grossText(a);
  const gb = grossText(b);
  if (ga && gb && ga !== gb) out.push({ kind: 'field', label: 'Gross', from: ga, to: gb });
  for (const l of LISTS) {
    if (!(l.key in a) || !(l.key in b)) continue;
    const la = arr(a[l.key]).map(l.text);
    const lb = arr(b[l.key]).map(l.text);
    const added = lb.filter((x) => !la.includes(x));
    const removed = la.filter((x) => !lb.includes(x));
    if (added.length || removed.length) out.push({ kind: 'list', label: l.label, added, removed });
    else if (l.ordered && la.join('\n') !== lb.join('\n'))
      out.push({ kind: 'field', label: `${l.label} order`, from: la.join('; '), to: lb.join('; '), note: 'billing order changed' });
  }
  return out;
}

/** A record as it stood: labelled values, lists written out. */
export function describeRecord(v: unknown): Array<{ label: string; value: string }> {
  const s = isObj(v) ? v : {};
  const out: Array<{ label: string; value: string }> = [];
  for (const [k, x] of Object.entries(s)) {
    if (HIDDEN.has(k) || LISTS.some((l) => l.key === k) || k.endsWith('_id')) continue;
    const text = valueText(k, x);
    if (text !== NONE) out.push({ label: label(k), value: text });
  }
  const gross = grossText(s);
  if (gross) out.push({ label: 'Gross', value: gross });
  for (const l of LISTS) {
    const items = arr(s[l.key]).map(l.text).filter(Boolean);
    if (items.length) out.push({ label: l.label, value: items.join('; ') });
  }
  return out;
}

export function recordName(v: unknown): string {
  const s = isObj(v) ? v : {};
  return str(s.englishTitle ?? s.english_title ?? s.originalTitle ?? s.original_title ?? s.name ?? s.alias ?? '');
}

export interface RecordEntryView {
  entry: AuditEntry;
  title: string;
  summary: string;
  changes: Change[];
  snapshot?: { caption: string; fields: Array<{ label: string; value: string }> };
  who: string;
}

const TITLES: Record<string, string> = {
  create: 'Created',
  import: 'Imported',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
  merge: 'Merged',
  withdraw: 'Withdrawn',
};

function summarize(changes: Change[]): string {
  if (!changes.length) return 'Saved again without a change';
  const parts = changes
    .slice(0, 3)
    .map((c) =>
      c.kind === 'field'
        ? c.label === 'Synopsis' || c.from.length + c.to.length > 80
          ? `${c.label.toLowerCase()} edited`
          : `${c.label.toLowerCase()} ${c.from} → ${c.to}`
        : c.kind === 'list'
          ? `${c.label.toLowerCase()} changed`
          : c.what,
    );
  if (changes.length > 3) parts.push(`${changes.length - 3} more`);
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function recordEntryView(e: AuditEntry): RecordEntryView {
  const who = !e.user ? 'system' : typeof e.user === 'string' ? e.user : e.user.username;
  const base = { entry: e, who, title: TITLES[e.action] ?? humanize(e.action), changes: [] as Change[] };
  if (e.action === 'create' || e.action === 'import')
    return {
      ...base,
      summary: `As ${recordName(e.after) || 'recorded'}`,
      snapshot: { caption: 'Recorded as', fields: describeRecord(e.after) },
    };
  if (e.action === 'delete')
    return {
      ...base,
      summary: `Last state: ${recordName(e.before) || 'kept in this entry'}`,
      snapshot: { caption: 'Last state before it was deleted', fields: describeRecord(e.before) },
    };
  if (e.action === 'restore')
    return {
      ...base,
      summary: 'Brought back as it was when deleted',
      snapshot: { caption: 'Restored as', fields: describeRecord(e.after) },
    };
  const changes = diffRecords(e.before, e.after);
  const merged = isObj(e.before) && isObj(e.before.mergedFrom) ? e.before.mergedFrom : undefined;
  const summary = merged
    ? `Merged “${recordName(merged)}” into this record${changes.length ? `: ${summarize(changes).toLowerCase()}` : ''}`
    : summarize(changes);
  return {
    ...base,
    summary,
    changes,
    snapshot: merged ? { caption: 'The record merged into this one', fields: describeRecord(merged) } : undefined,
  };
}

export type { Change, FieldChange };
