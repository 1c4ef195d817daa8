/**
 * What an audit entry changed, written for people: "Status: signed →
 * announced", "Rights block added: Germany · SVOD · 1 Jan 2025 – 31 Dec 2027
 * · exclusive". The audit keeps whole snapshots of a contract (`before` and
 * `after`); this compares them field by field, pairs the rights blocks by
 * what they grant (their ids change on every save) and leaves out the
 * bookkeeping (ids, versions, timestamps). Pure functions: the History panel
 * renders what they return.
 */
import { formatDate, formatMoney, humanize } from './format';
import type { AuditEntry } from '../../../src/contract/index.js';

/** One field, before and after, as text ("none" when empty). */
export interface FieldChange {
  label: string;
  from: string;
  to: string;
  /** Extra words for long values, e.g. "adds Switzerland". */
  note?: string;
}

export type Change =
  | ({ kind: 'field' } & FieldChange)
  | { kind: 'list'; label: string; added: string[]; removed: string[] }
  | { kind: 'block'; what: 'Rights block' | 'Holdback'; change: 'added' | 'removed' | 'changed'; text: string; details: FieldChange[] };

/** A contract as a list of labelled values and its rights, for "created as" and "last state". */
export interface Snapshot {
  fields: Array<{ label: string; value: string }>;
  blocks: string[];
  holdbacks: string[];
}

export interface EntryView {
  entry: AuditEntry;
  /** "Changed", "Created", "Deleted", "Restored", "Saved over a conflict". */
  title: string;
  /** One line for the collapsed entry. */
  summary: string;
  changes: Change[];
  /** The whole record, for entries that create, delete or restore it. */
  snapshot?: { caption: string; value: Snapshot };
  who: string;
}

type Obj = Record<string, unknown>;
interface RefLike {
  id?: string;
  name?: string;
}
interface BlockLike {
  titleId?: string;
  territories?: string;
  territoryCodes?: string[];
  territoryLabel?: string;
  media?: string;
  mediaIds?: string[];
  mediaLabel?: string;
  languages?: string[] | null;
  start?: string | null;
  end?: string | null;
  exclusive?: boolean;
  description?: string;
}

const NONE = 'none';
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function refName(v: unknown): string {
  if (!v) return '';
  if (typeof v === 'string') return v;
  return isObj(v) ? str((v as RefLike).name ?? (v as RefLike).id) : '';
}

let regionNames: Intl.DisplayNames | null | undefined;
let languageNames: Intl.DisplayNames | null | undefined;
/** "DE" → "Germany" (the code itself when the browser does not know it). */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
function languageName(code: string): string {
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
    } catch {
      languageNames = null;
    }
  }
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function directionLabel(d: unknown): string {
  return d === 'in' ? 'Rights in' : d === 'out' ? 'Rights out' : d === 'third-party' ? 'Market intelligence' : humanize(str(d)) || NONE;
}

function moneyText(v: unknown): string {
  if (!isObj(v) || v.amount === undefined || !v.currency) return NONE;
  return formatMoney({ amount: str(v.amount), currency: str(v.currency) });
}

const day = (v: unknown) => (v ? formatDate(str(v)) : NONE);
const languagesText = (v: unknown) => {
  const l = arr<string>(v);
  return l.length ? l.map(languageName).join(', ') : 'all languages';
};

/** "Germany · SVOD · 1 Jan 2025 – 31 Dec 2027 · exclusive" (prefixed by its titles when the deal has several). */
function blockText(b: BlockLike & { titles?: string[] }, holdback = false): string {
  const parts = [b.territoryLabel || b.territories || '?', b.mediaLabel || b.media || '?'];
  if (holdback) parts.push(b.end ? `until ${formatDate(b.end)}` : 'no end date');
  else parts.push(`${formatDate(b.start ?? null, { open: 'from the start' })} – ${formatDate(b.end ?? null, { open: 'perpetuity' })}`);
  if (!holdback) {
    parts.push(b.exclusive ? 'exclusive' : 'non-exclusive');
    if (arr(b.languages).length) parts.push(languagesText(b.languages));
  }
  const text = parts.join(' · ');
  const withDesc = holdback && b.description ? `${text} (“${b.description}”)` : text;
  return b.titles?.length ? `${b.titles.join(', ')}: ${withDesc}` : withDesc;
}

const sorted = (v: unknown) => [...arr<string>(v)].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Territories compare by their codes when known, so "DE" and "Germany" are the same grant. */
const terrKey = (b: BlockLike) => (b.territoryCodes ? sorted(b.territoryCodes).join(',') : str(b.territories).trim().toLowerCase());
const mediaKey = (b: BlockLike) => (b.mediaIds ? sorted(b.mediaIds).join(',') : str(b.media).trim().toLowerCase());

interface Grant extends BlockLike {
  titles: string[];
  titleIds: string[];
}

/**
 * Blocks as the user wrote them: the store keeps one row per title, so rows
 * that differ only by title are one grant "for titles A, B".
 */
function grants(list: unknown, titleOf: (id: string) => string, holdback: boolean): Grant[] {
  const out = new Map<string, Grant>();
  for (const raw of arr<BlockLike>(list)) {
    if (!isObj(raw)) continue;
    const b = raw as BlockLike;
    const k = JSON.stringify([
      terrKey(b),
      mediaKey(b),
      sorted(b.languages ?? []),
      b.start ?? null,
      b.end ?? null,
      !!b.exclusive,
      holdback ? str(b.description) : '',
    ]);
    const g = out.get(k);
    const tid = str(b.titleId);
    if (g) {
      if (tid && !g.titleIds.includes(tid)) g.titleIds.push(tid);
    } else out.set(k, { ...b, titleIds: tid ? [tid] : [], titles: [] });
  }
  const all = [...out.values()];
  for (const g of all) {
    g.titleIds.sort();
    g.titles = g.titleIds.map(titleOf);
  }
  return all;
}

const grantKey = (g: Grant, holdback: boolean) =>
  JSON.stringify([
    terrKey(g),
    mediaKey(g),
    sorted(g.languages ?? []),
    g.start ?? null,
    g.end ?? null,
    !!g.exclusive,
    g.titleIds,
    holdback ? str(g.description) : '',
  ]);

/** How much two grants have in common: pairs a "changed" block rather than one removed and one added. */
function likeness(a: Grant, b: Grant): number {
  let s = 0;
  if (terrKey(a) === terrKey(b)) s += 3;
  if (mediaKey(a) === mediaKey(b)) s += 3;
  if ((a.start ?? null) === (b.start ?? null) && (a.end ?? null) === (b.end ?? null)) s += 2;
  if (same(a.titleIds, b.titleIds)) s += 1;
  return s;
}

function names(codes: string[]): string {
  if (codes.length > 8) return `${codes.length} countries`;
  return codes.map(countryName).join(', ');
}

/** What changed inside one block: territories (with the countries added and removed), media, dates, exclusivity. */
function grantDetails(a: Grant, b: Grant, holdback: boolean, showTitles: boolean): FieldChange[] {
  const out: FieldChange[] = [];
  if (showTitles && !same(a.titleIds, b.titleIds))
    out.push({ label: 'Titles', from: a.titles.join(', ') || 'every title', to: b.titles.join(', ') || 'every title' });
  if (terrKey(a) !== terrKey(b)) {
    let note: string | undefined;
    if (a.territoryCodes && b.territoryCodes) {
      const before = new Set(a.territoryCodes);
      const after = new Set(b.territoryCodes);
      const added = b.territoryCodes.filter((c) => !before.has(c));
      const removed = a.territoryCodes.filter((c) => !after.has(c));
      note =
        [added.length ? `adds ${names(added)}` : '', removed.length ? `removes ${names(removed)}` : ''].filter(Boolean).join('; ') ||
        undefined;
    }
    out.push({ label: 'Territories', from: a.territoryLabel || str(a.territories), to: b.territoryLabel || str(b.territories), note });
  }
  if (mediaKey(a) !== mediaKey(b)) out.push({ label: 'Media', from: a.mediaLabel || str(a.media), to: b.mediaLabel || str(b.media) });
  if (!holdback && (a.start ?? null) !== (b.start ?? null))
    out.push({
      label: 'Start',
      from: formatDate(a.start ?? null, { open: 'from the start' }),
      to: formatDate(b.start ?? null, { open: 'from the start' }),
    });
  if ((a.end ?? null) !== (b.end ?? null))
    out.push({
      label: holdback ? 'Until' : 'End',
      from: formatDate(a.end ?? null, { open: holdback ? 'no end date' : 'perpetuity' }),
      to: formatDate(b.end ?? null, { open: holdback ? 'no end date' : 'perpetuity' }),
    });
  if (!holdback && !!a.exclusive !== !!b.exclusive)
    out.push({ label: 'Exclusivity', from: a.exclusive ? 'exclusive' : 'non-exclusive', to: b.exclusive ? 'exclusive' : 'non-exclusive' });
  if (!holdback && !same(sorted(a.languages ?? []), sorted(b.languages ?? [])))
    out.push({ label: 'Languages', from: languagesText(a.languages), to: languagesText(b.languages) });
  if (holdback && str(a.description) !== str(b.description))
    out.push({ label: 'Description', from: str(a.description) || NONE, to: str(b.description) || NONE });
  return out;
}

function diffGrants(before: unknown, after: unknown, titleOf: (id: string) => string, holdback: boolean, showTitles: boolean): Change[] {
  const what = holdback ? 'Holdback' : 'Rights block';
  const text = (g: Grant) => blockText(showTitles ? g : { ...g, titles: [] }, holdback);
  const a = grants(before, titleOf, holdback);
  const b = grants(after, titleOf, holdback);
  // Unchanged grants drop out first.
  const left = [...a];
  const right: Grant[] = [];
  for (const g of b) {
    const i = left.findIndex((x) => grantKey(x, holdback) === grantKey(g, holdback));
    if (i >= 0) left.splice(i, 1);
    else right.push(g);
  }
  // Then the most alike pairs are changes of one block; a lone pair always is.
  const out: Change[] = [];
  const pairs: Array<[Grant, Grant]> = [];
  for (;;) {
    let best: { i: number; j: number; s: number } | undefined;
    left.forEach((x, i) =>
      right.forEach((y, j) => {
        const s = likeness(x, y);
        if (!best || s > best.s) best = { i, j, s };
      }),
    );
    if (!best || (best.s < 2 && !(left.length === 1 && right.length === 1))) break;
    pairs.push([left[best.i], right[best.j]]);
    left.splice(best.i, 1);
    right.splice(best.j, 1);
  }
  for (const [x, y] of pairs)
    out.push({ kind: 'block', what, change: 'changed', text: text(y), details: grantDetails(x, y, holdback, showTitles) });
  for (const g of left) out.push({ kind: 'block', what, change: 'removed', text: text(g), details: [] });
  for (const g of right) out.push({ kind: 'block', what, change: 'added', text: text(g), details: [] });
  return out;
}

function titleLookup(...snaps: Obj[]): (id: string) => string {
  const map = new Map<string, string>();
  for (const s of snaps) for (const t of arr<unknown>(s.titles)) if (isObj(t) && t.id) map.set(str(t.id), str(t.name) || str(t.id));
  return (id) => map.get(id) ?? id;
}

function negotiatorText(n: unknown): string {
  if (!isObj(n)) return '';
  const person = refName(n.person);
  const company = refName(n.company);
  return `${person}${company ? ` (${company})` : ''}, ${n.side === 'licensee' ? 'licensee' : 'licensor'} side`;
}

function listDiff(label: string, a: string[], b: string[]): Change | null {
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  return added.length || removed.length ? { kind: 'list', label, added, removed } : null;
}

const FIELDS: Array<{ key: string; label: string; text: (v: unknown) => string }> = [
  { key: 'ref', label: 'Reference', text: (v) => str(v) || NONE },
  { key: 'status', label: 'Status', text: (v) => (v ? humanize(str(v)).toLowerCase() : NONE) },
  { key: 'direction', label: 'Kind', text: directionLabel },
  { key: 'licensor', label: 'Licensor', text: (v) => refName(v) || NONE },
  { key: 'licensee', label: 'Licensee', text: (v) => refName(v) || NONE },
  { key: 'salesAgent', label: 'Sales agent', text: (v) => refName(v) || NONE },
  { key: 'mg', label: 'Minimum guarantee', text: moneyText },
  { key: 'signedOn', label: 'Signed on', text: day },
  { key: 'announcedOn', label: 'Announced on', text: day },
  { key: 'editionId', label: 'Festival edition', text: (v) => (v ? 'linked' : NONE) },
  { key: 'notes', label: 'Notes', text: (v) => str(v).trim() || NONE },
  { key: 'overrideReason', label: 'Override reason', text: (v) => str(v).trim() || NONE },
];

/** Field-level changes from one contract snapshot to the next, in the order a deal reads. */
export function diffContracts(before: unknown, after: unknown): Change[] {
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  const titleOf = titleLookup(a, b);
  const out: Change[] = [];
  for (const f of FIELDS) {
    // A field missing on one side is not known there (the MG for a user without the financial-terms permission).
    if (!(f.key in a) || !(f.key in b)) continue;
    const from = f.text(a[f.key]);
    const to = f.text(b[f.key]);
    if (from !== to) out.push({ kind: 'field', label: f.label, from, to });
    if (f.key === 'direction') {
      const t = listDiff(
        'Titles',
        arr<RefLike>(a.titles).map((x) => refName(x)),
        arr<RefLike>(b.titles).map((x) => refName(x)),
      );
      if (t) out.push(t);
    }
  }
  const showTitles = Math.max(arr(a.titles).length, arr(b.titles).length) > 1;
  if ('blocks' in a && 'blocks' in b) out.push(...diffGrants(a.blocks, b.blocks, titleOf, false, showTitles));
  if ('holdbacks' in a && 'holdbacks' in b) out.push(...diffGrants(a.holdbacks, b.holdbacks, titleOf, true, showTitles));
  if ('negotiators' in a && 'negotiators' in b) {
    const n = listDiff('Negotiators', arr(a.negotiators).map(negotiatorText), arr(b.negotiators).map(negotiatorText));
    if (n) out.push(n);
  }
  return out;
}

/** A contract as it stood: what a reader needs to recognise the deal and restore it knowingly. */
export function describeContract(c: unknown): Snapshot {
  const s = isObj(c) ? c : {};
  const titleOf = titleLookup(s);
  const showTitles = arr(s.titles).length > 1;
  const fields: Snapshot['fields'] = [];
  const push = (label: string, value: string) => value && value !== NONE && fields.push({ label, value });
  push('Status', s.status ? humanize(str(s.status)) : '');
  push('Kind', s.direction ? directionLabel(s.direction) : '');
  push(
    'Titles',
    arr<RefLike>(s.titles)
      .map((t) => refName(t))
      .join(', '),
  );
  push('Licensor', refName(s.licensor));
  push('Licensee', refName(s.licensee));
  push('Sales agent', refName(s.salesAgent));
  if ('mg' in s) push('Minimum guarantee', moneyText(s.mg));
  push('Signed on', s.signedOn ? day(s.signedOn) : '');
  push('Announced on', s.announcedOn ? day(s.announcedOn) : '');
  push('Negotiators', arr(s.negotiators).map(negotiatorText).join('; '));
  push('Override reason', str(s.overrideReason));
  push('Notes', str(s.notes).trim());
  const blocks = grants(s.blocks, titleOf, false).map((g) => blockText(showTitles ? g : { ...g, titles: [] }));
  const holdbacks = grants(s.holdbacks, titleOf, true).map((g) => blockText(showTitles ? g : { ...g, titles: [] }, true));
  return { fields, blocks, holdbacks };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Status signed → announced; 1 rights block changed". */
export function summarize(changes: Change[]): string {
  if (!changes.length) return 'Saved again without changing the terms';
  const parts: string[] = [];
  const fields = changes.filter((c): c is Extract<Change, { kind: 'field' }> => c.kind === 'field');
  for (const f of fields.slice(0, 2))
    parts.push(
      f.label === 'Notes' || f.label === 'Override reason'
        ? `${f.label.toLowerCase()} edited`
        : `${f.label.toLowerCase()} ${f.from} → ${f.to}`,
    );
  if (fields.length > 2) parts.push(`${fields.length - 2} more ${fields.length - 2 === 1 ? 'field' : 'fields'}`);
  for (const l of changes.filter((c): c is Extract<Change, { kind: 'list' }> => c.kind === 'list'))
    parts.push(`${l.label.toLowerCase()} changed`);
  for (const what of ['Rights block', 'Holdback'] as const)
    for (const change of ['added', 'removed', 'changed'] as const) {
      const n = changes.filter((c) => c.kind === 'block' && c.what === what && c.change === change).length;
      if (n) parts.push(`${plural(n, what.toLowerCase())} ${change}`);
    }
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function who(u: AuditEntry['user']): string {
  if (!u) return 'system';
  return typeof u === 'string' ? u : u.username;
}

function snapshotSummary(c: unknown): string {
  const s = describeContract(c);
  const get = (l: string) => s.fields.find((f) => f.label === l)?.value;
  const parties = [get('Licensor') ?? 'not named', get('Licensee') ?? 'not named'].join(' → ');
  return [get('Status'), parties, s.blocks.length ? plural(s.blocks.length, 'rights block') : 'no rights block']
    .filter(Boolean)
    .join(' · ');
}

function view(e: AuditEntry): EntryView {
  const base = { entry: e, who: who(e.user), changes: [] as Change[] };
  switch (e.action) {
    case 'create':
    case 'import':
      return {
        ...base,
        title: e.action === 'import' ? 'Imported' : 'Created',
        summary: snapshotSummary(e.after),
        snapshot: { caption: 'Recorded as', value: describeContract(e.after) },
      };
    case 'delete':
      return {
        ...base,
        title: 'Deleted',
        summary: `Its rights stopped counting. Last state: ${snapshotSummary(e.before)}`,
        snapshot: { caption: 'Last state before it was deleted', value: describeContract(e.before) },
      };
    case 'restore':
      return {
        ...base,
        title: 'Restored',
        summary: `Brought back as it was when deleted: ${snapshotSummary(e.before)}`,
        snapshot: { caption: 'Restored as', value: describeContract(e.before) },
      };
    default: {
      if (e.before && e.after) {
        const changes = withoutReason(diffContracts(e.before, e.after), e.reason);
        return { ...base, title: e.action === 'update' ? 'Changed' : humanize(e.action), summary: summarize(changes), changes };
      }
      const only = e.after ?? e.before;
      const summary = only ? `${e.action === 'override' && e.after ? 'Created over a rights conflict: ' : ''}${snapshotSummary(only)}` : '';
      return {
        ...base,
        title: humanize(e.action),
        summary,
        snapshot: only ? { caption: e.after ? 'Recorded as' : 'State before', value: describeContract(only) } : undefined,
      };
    }
  }
}

/** The override reason is shown as the entry's reason: not again as a changed field. */
function withoutReason(changes: Change[], reason: string | null): Change[] {
  if (!reason) return changes;
  return changes.filter((c) => !(c.kind === 'field' && c.label === 'Override reason' && c.to === reason.trim()));
}

const time = (e: AuditEntry) => Date.parse(String(e.at)) || 0;

/**
 * A record's history, newest first, each entry with its changes. A restore
 * writes the contract again (an "update" a moment before the "restore"): that
 * rewrite is folded into the restore rather than shown as a change of nothing.
 */
export function historyView(entries: AuditEntry[]): EntryView[] {
  const list = [...entries].sort((x, y) => time(y) - time(x) || Number(y.id) - Number(x.id) || String(y.id).localeCompare(String(x.id)));
  const out: EntryView[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const v = view(e);
    const next = list[i + 1];
    if (
      e.action === 'restore' &&
      next &&
      (next.action === 'update' || next.action === 'override') &&
      who(next.user) === v.who &&
      time(e) - time(next) <= 2000
    ) {
      // The rewrite changes nothing but, when overridden, the override reason (already shown as the entry's reason).
      v.changes = withoutReason(diffContracts(next.before, next.after), next.reason ?? e.reason);
      i++;
    }
    out.push(v);
  }
  return out;
}

/** The deletion a deleted record is in, if its latest event is one: who deleted it, when, and its last state. */
export function currentDeletion(entries: AuditEntry[]): AuditEntry | undefined {
  const latest = [...entries]
    .filter((e) => ['create', 'import', 'update', 'override', 'delete', 'restore'].includes(e.action))
    .sort((x, y) => time(y) - time(x) || Number(y.id) - Number(x.id))[0];
  return latest?.action === 'delete' ? latest : undefined;
}
