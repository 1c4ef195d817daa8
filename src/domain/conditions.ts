import { getCountry, findCountry } from './countries.js';
import { addMonths, BEGINNING, formatDay, PERPETUITY, type Day } from './dates.js';
import { invalid } from './errors.js';
import type { RightsBlock } from './rights.js';

/**
 * Windows that depend on events (docs/domain.md, "Windows that depend on
 * events"): a term's start or end, or a holdback's, is either a date or a
 * condition: an event plus an offset. When the event is dated the condition
 * resolves to a day; when it is not, the block is **undated** and the
 * availability rule answers "depends" for the cells it could reach.
 *
 * Pure: the events known to the caller come in as a map from event key to day.
 */

/**
 * - `release`: the first release of the title in a territory in a medium (a release recorded on the title);
 * - `broadcast`: the first television release of the title in a territory;
 * - `delivery`: the contract's delivery date;
 * - `festival-premiere`: the title's first festival screening, anywhere;
 * - `window-start` / `window-end`: the first or last day of another block of the same title.
 */
export type EventKind = 'release' | 'broadcast' | 'delivery' | 'festival-premiere' | 'window-start' | 'window-end';
export const EVENT_KINDS: readonly EventKind[] = ['release', 'broadcast', 'delivery', 'festival-premiere', 'window-start', 'window-end'];

/** Release kinds, as releases record them. */
export const RELEASE_MEDIA = ['theatrical', 'streaming', 'tv', 'home-video', 'festival'] as const;

export type OffsetUnit = 'days' | 'months';

export interface Condition {
  event: EventKind;
  /** ISO 3166-1 alpha-2 country: for `release` and `broadcast`. */
  territory: string | null;
  /** The release kind ("theatrical"): for `release`. */
  media: string | null;
  /** The other block's id: for `window-start` and `window-end`. */
  window: string | null;
  /** Signed: +6 months after, -30 days before. */
  offset: number;
  unit: OffsetUnit;
}

/** Dated events: event key (eventKey) → day. */
export type KnownEvents = ReadonlyMap<string, Day>;

export function checkCondition(c: Condition, field = 'condition'): Condition {
  if (!EVENT_KINDS.includes(c.event))
    throw invalid(`${field}.event`, c.event, `${field}.event: "${c.event}" is not one of ${EVENT_KINDS.join(', ')}`);
  if (!Number.isInteger(c.offset)) throw invalid(`${field}.offset`, c.offset, `${field}.offset: a whole number of days or months`);
  if (c.unit !== 'days' && c.unit !== 'months') throw invalid(`${field}.unit`, c.unit, `${field}.unit: "days" or "months"`);
  if (c.event === 'release' || c.event === 'broadcast') {
    if (!c.territory || !getCountry(c.territory))
      throw invalid(`${field}.territory`, c.territory, `${field}.territory: a ${c.event} names its country (ISO 3166-1 alpha-2)`);
  }
  if (c.event === 'release' && (!c.media || !(RELEASE_MEDIA as readonly string[]).includes(c.media)))
    throw invalid(`${field}.media`, c.media, `${field}.media: a release names its medium, one of ${RELEASE_MEDIA.join(', ')}`);
  if ((c.event === 'window-start' || c.event === 'window-end') && !c.window)
    throw invalid(
      `${field}.window`,
      c.window,
      `${field}.window: names the block whose ${c.event === 'window-start' ? 'start' : 'end'} it follows`,
    );
  return c;
}

/** The key of the event a condition waits for (the key of KnownEvents). */
export function eventKey(c: Pick<Condition, 'event' | 'territory' | 'media' | 'window'>): string {
  switch (c.event) {
    case 'release':
      return `release:${c.territory}:${c.media}`;
    case 'broadcast':
      return `release:${c.territory}:tv`;
    case 'delivery':
      return 'delivery';
    case 'festival-premiere':
      return 'festival-premiere';
    case 'window-start':
      return `window-start:${c.window}`;
    case 'window-end':
      return `window-end:${c.window}`;
  }
}

/** The day the condition falls on, or null while its event is not dated. */
export function resolveCondition(c: Condition, events: KnownEvents): Day | null {
  const d = events.get(eventKey(c));
  if (d === undefined) return null;
  return c.unit === 'months' ? addMonths(d, c.offset) : d + c.offset;
}

/**
 * The known events of one title from its releases: the first release per
 * (country, medium), and the first festival screening anywhere.
 */
export function releaseEvents(releases: readonly { territory: string; kind: string; day: Day }[]): Map<string, Day> {
  const out = new Map<string, Day>();
  const first = (k: string, d: Day) => {
    const had = out.get(k);
    if (had === undefined || d < had) out.set(k, d);
  };
  for (const r of releases) {
    first(`release:${r.territory}:${r.kind}`, r.day);
    if (r.kind === 'festival') first('festival-premiere', r.day);
  }
  return out;
}

/**
 * The known events of a title from its own and those of the titles above it, given nearest first
 * (an episode's, its season's, its series'): for each event, the nearest title that has it wins
 * (docs/series.md, "Events from the title above").
 */
export function eventsAlongChain(chain: readonly KnownEvents[]): Map<string, Day> {
  const out = new Map<string, Day>();
  for (const events of chain) for (const [k, d] of events) if (!out.has(k)) out.set(k, d);
  return out;
}

const MEDIUM_WORDS: Record<string, string> = {
  theatrical: 'theatrical',
  streaming: 'streaming',
  tv: 'television',
  'home-video': 'home video',
  festival: 'festival',
};

/** Adjectives of the countries people most often write this way; others are named ("the release in Japan"). */
const ADJECTIVES: Record<string, string> = {
  DE: 'German',
  US: 'U.S.',
  FR: 'French',
  GB: 'U.K.',
  IT: 'Italian',
  ES: 'Spanish',
  AT: 'Austrian',
  CH: 'Swiss',
  CA: 'Canadian',
  JP: 'Japanese',
};

/** The event in words: "the German theatrical release". */
export function describeEvent(c: Pick<Condition, 'event' | 'territory' | 'media' | 'window'>): string {
  const where = (t: string | null) => (t ? (ADJECTIVES[t] ?? null) : null);
  const country = (t: string | null) => (t ? (getCountry(t)?.name ?? t) : '');
  switch (c.event) {
    case 'release': {
      const medium = MEDIUM_WORDS[c.media ?? ''] ?? c.media ?? '';
      const adj = where(c.territory);
      return adj ? `the ${adj} ${medium} release` : `the ${medium} release in ${country(c.territory)}`;
    }
    case 'broadcast': {
      const adj = where(c.territory);
      return adj ? `the first ${adj} broadcast` : `the first broadcast in ${country(c.territory)}`;
    }
    case 'delivery':
      return 'delivery';
    case 'festival-premiere':
      return 'the festival premiere';
    case 'window-start':
      return `the start of window ${c.window}`;
    case 'window-end':
      return `the end of window ${c.window}`;
  }
}

/** The condition in words: "the German theatrical release + 6 months". */
export function describeCondition(c: Condition): string {
  if (c.offset === 0) return describeEvent(c);
  const n = Math.abs(c.offset);
  const unit = c.unit === 'months' ? (n === 1 ? 'month' : 'months') : n === 1 ? 'day' : 'days';
  return `${describeEvent(c)} ${c.offset > 0 ? '+' : '−'} ${n} ${unit}`;
}

/** "depends on the German theatrical release + 6 months, not yet dated" or the resolved date. */
export function describeResolution(c: Condition, events: KnownEvents): string {
  const d = resolveCondition(c, events);
  return d === null ? `depends on ${describeCondition(c)}, not yet dated` : `${formatDay(d)} (${describeCondition(c)})`;
}

const PHRASE =
  /^(?:(\d+)\s+(days?|months?)\s+(after|before)\s+)?(?:the\s+)?(?:first\s+)?(theatrical|streaming|tv|television|home[- ]video)\s+release\s+in\s+(.+?)\s*$/i;
const SIMPLE = /^(?:(\d+)\s+(days?|months?)\s+(after|before)\s+)?(?:the\s+)?(delivery|festival premiere|first broadcast in (.+?))\s*$/i;

/**
 * Reads the trade's phrases: "18 months after first theatrical release in DE",
 * "90 days after the streaming release in Germany", "delivery",
 * "30 days before festival premiere", "6 months after first broadcast in FR".
 */
export function parseCondition(text: string, field = 'condition'): Condition {
  const unitOf = (u: string | undefined): OffsetUnit => (u && /^month/i.test(u) ? 'months' : 'days');
  const signed = (n: string | undefined, dir: string | undefined) => (n ? Number(n) * (/before/i.test(dir ?? '') ? -1 : 1) : 0);
  const country = (name: string) => {
    const code = findCountry(name.trim());
    if (!code) throw invalid(field, text, `${field}: "${name}" is not a country`);
    return code;
  };
  const m = PHRASE.exec(text.trim());
  if (m) {
    const word = m[4].toLowerCase();
    const media = word === 'television' ? 'tv' : word.startsWith('home') ? 'home-video' : word;
    return checkCondition(
      { event: 'release', territory: country(m[5]), media, window: null, offset: signed(m[1], m[3]), unit: unitOf(m[2]) },
      field,
    );
  }
  const s = SIMPLE.exec(text.trim());
  if (s) {
    const what = s[4].toLowerCase();
    const event: EventKind = what === 'delivery' ? 'delivery' : what === 'festival premiere' ? 'festival-premiere' : 'broadcast';
    return checkCondition(
      {
        event,
        territory: event === 'broadcast' ? country(s[5]) : null,
        media: null,
        window: null,
        offset: signed(s[1], s[3]),
        unit: unitOf(s[2]),
      },
      field,
    );
  }
  throw invalid(field, text, `${field}: "${text}" is not a condition such as "18 months after first theatrical release in DE"`);
}

/** One end of a term: a date (null: open) or a condition. */
export interface TermEnd {
  date: Day | null;
  condition: Condition | null;
}

/**
 * Resolves a block's term given the events known. A start or end whose
 * condition is not dated widens the term to what it could be (an undated
 * start: from the beginning; an undated end: for ever) and marks the block
 * `undated`; the availability rule (availsRule.ts) treats such a block as
 * possibly active on every day of that widened term.
 */
export function resolveTerm(
  start: TermEnd,
  end: TermEnd,
  events: KnownEvents,
  open: { start: Day; end: Day },
): { start: Day; end: Day; undated: boolean } {
  let undated = false;
  const one = (t: TermEnd, fallback: Day): Day => {
    if (!t.condition) return t.date ?? fallback;
    const d = resolveCondition(t.condition, events);
    if (d === null) {
      undated = true;
      return fallback;
    }
    return d;
  };
  const s = one(start, open.start);
  const e = one(end, open.end);
  return { start: s, end: e, undated };
}

/** A block as a contract writes it: each end of its term a date or a condition. `id` lets other blocks follow it. */
export interface ConditionalBlock extends Omit<RightsBlock, 'start' | 'end' | 'undated'> {
  id?: string;
  start: TermEnd;
  end: TermEnd;
}

/**
 * The engine's blocks from blocks written with conditions, given the events
 * known: dated conditions become days, undated ones widen the term and mark
 * the block undated. A block that follows another window's start or end waits
 * for that window to be dated. A dated term that ends before it starts covers
 * no day and makes no block.
 */
export function resolveBlocks(blocks: readonly ConditionalBlock[], events: KnownEvents): RightsBlock[] {
  const known = new Map(events);
  const open = { start: BEGINNING, end: PERPETUITY };
  // windows that follow windows: resolve until nothing new is dated (at most one round per block)
  for (let round = 0; round <= blocks.length; round++) {
    let added = false;
    for (const b of blocks) {
      if (!b.id) continue;
      const t = resolveTerm(b.start, b.end, known, open);
      if (t.undated) continue;
      for (const [k, d] of [
        [`window-start:${b.id}`, t.start],
        [`window-end:${b.id}`, t.end],
      ] as const) {
        if (!known.has(k)) {
          known.set(k, d);
          added = true;
        }
      }
    }
    if (!added) break;
  }
  const out: RightsBlock[] = [];
  for (const b of blocks) {
    const { id: _id, start, end, ...rest } = b;
    const t = resolveTerm(start, end, known, open);
    if (!t.undated && t.end < t.start) continue;
    out.push(t.undated ? { ...rest, start: t.start, end: t.end, undated: true } : { ...rest, start: t.start, end: t.end });
  }
  return out;
}
