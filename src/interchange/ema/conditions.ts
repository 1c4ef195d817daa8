/**
 * Conditional windows in EMA files: a Start or End that is an event rather
 * than a date ("Broadcast" with an EndLag of 7 days in the spreadsheet
 * templates, `<StartCondition lag="P90D">TheatricalRelease</StartCondition>`
 * in Avails XML). They are read here into a plain description, mapped onto
 * the domain's conditions (src/domain/conditions.ts: an event in the row's
 * country plus an offset) and written back the same way (docs/ema.md,
 * "Conditional windows"). An event word the domain cannot date is refused by
 * the importer, naming where it is and the word.
 */
import type { Condition, EventKind } from '../../domain/conditions.js';
import { invalid } from '../../domain/errors.js';

/** A cell or element value (model.ts's Cell, repeated here so the two modules do not import each other). */
type Cell = string | number | boolean | Date | null;

/** A start or end given as an event plus an offset. */
export interface EmaCondition {
  edge: 'start' | 'end';
  /** The event as the file names it ("Broadcast", "TheatricalRelease", "Immediate" with a lag...). */
  event: string;
  /** The lag as written ("7", "P7D", "7d"), or null. */
  lag: string | null;
  /** The lag in days when it is a whole number of days (a number, "7d", "P7D", "P2W"), else null. */
  lagDays: number | null;
  /** A duration in months when the lag is written so ("P6M", "6m"). */
  lagMonths: number | null;
}

/** Start/End words that are not conditions: an open end, a pre-order's end, an immediate start without a lag. */
const PLAIN = new Set(['open', 'eststart', 'immediate']);

function lagText(v: Cell): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return null;
  const s = String(v).trim();
  return s || null;
}

/**
 * Reads a lag: a number of days, "7d", "2w", "6m", or an ISO 8601 duration ("P7D", "P2W", "P6M",
 * "P1Y"); a leading minus is a lag before the event ("-P30D").
 */
export function parseLag(lag: string | null): { days: number | null; months: number | null } {
  if (!lag) return { days: null, months: null };
  const neg = /^-/.test(lag.trim());
  const body = lag.trim().replace(/^[-+]/, '');
  const sign = (n: number | null) => (n === null || n === 0 ? n : neg ? -n : n);
  const out = (days: number | null, months: number | null) => ({ days: sign(days), months: sign(months) });
  let m = /^(\d+)\s*(d|days?)?$/i.exec(body);
  if (m) return out(Number(m[1]), null);
  m = /^(\d+)\s*(w|weeks?)$/i.exec(body);
  if (m) return out(Number(m[1]) * 7, null);
  m = /^(\d+)\s*(m|months?)$/i.exec(body);
  if (m) return out(null, Number(m[1]));
  m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i.exec(body);
  if (m && (m[1] || m[2] || m[3] || m[4])) {
    const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
    const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
    return months ? out(days || null, months) : out(days, null);
  }
  return { days: null, months: null };
}

/**
 * The condition a Start or End value states, or null when it is a date (or
 * Open, ESTStart, Immediate without a lag). `value` is the Start/End cell or
 * element text; `lag` the StartLag/EndLag cell or the element's lag attribute.
 */
export function readCondition(edge: 'start' | 'end', value: Cell, lag: Cell): EmaCondition | null {
  if (typeof value !== 'string') return null;
  const event = value.trim();
  if (!/^[A-Za-z][A-Za-z _-]*$/.test(event)) return null;
  const l = lagText(lag);
  if (PLAIN.has(event.toLowerCase()) && !(l && event.toLowerCase() === 'immediate')) return null;
  const { days, months } = parseLag(l);
  return { edge, event, lag: l, lagDays: days, lagMonths: months };
}

/** "End: 'Broadcast' with EndLag 7d" — the condition in the file's own words, for problems. */
export function describeCondition(c: EmaCondition): string {
  const field = c.edge === 'start' ? 'Start' : 'End';
  const lag = c.lag === null ? '' : ` with ${field}Lag ${c.lagDays !== null && !c.lagMonths ? `${c.lagDays}d` : c.lag}`;
  return `${field}: '${c.event}'${lag}`;
}

/**
 * The event words we read, each as the domain's event (a release names its
 * medium); the country is the transaction's own. The Avails schemas leave the
 * words free (StartCondition and EndCondition are strings); these are the ones
 * the templates' users write. The first word of each event is the one we write.
 */
const EVENT_WORDS: Array<{ words: string[]; event: EventKind; media: string | null }> = [
  {
    words: ['Broadcast', 'FirstBroadcast', 'OriginalBroadcast', 'Airing', 'FirstAiring', 'TVRelease', 'TelevisionRelease'],
    event: 'broadcast',
    media: null,
  },
  { words: ['TheatricalRelease', 'Theatrical', 'CinemaRelease', 'FirstTheatricalRelease'], event: 'release', media: 'theatrical' },
  { words: ['StreamingRelease', 'SVODRelease', 'VODRelease', 'DigitalRelease'], event: 'release', media: 'streaming' },
  {
    words: ['HomeVideoRelease', 'ESTRelease', 'DVDRelease', 'PhysicalRelease', 'HomeEntertainmentRelease'],
    event: 'release',
    media: 'home-video',
  },
  { words: ['FestivalRelease'], event: 'release', media: 'festival' },
  { words: ['FestivalPremiere', 'Premiere'], event: 'festival-premiere', media: null },
  { words: ['Delivery', 'DeliveryDate'], event: 'delivery', media: null },
];
const wordKey = (w: string) => w.toLowerCase().replace(/[^a-z]/g, '');
const BY_WORD = new Map(EVENT_WORDS.flatMap((e) => e.words.map((w) => [wordKey(w), e] as const)));

/** The event words a file may use, for errors. */
export const EMA_EVENT_WORDS: readonly string[] = EVENT_WORDS.map((e) => e.words[0]);

/**
 * The domain condition an EMA condition states for one country, or the reason it cannot:
 * an event word we do not know, a lag we cannot read, a lag of months and days together.
 */
export function toDomainCondition(c: EmaCondition, territory: string): { condition: Condition } | { error: string; at: 'event' | 'lag' } {
  const e = BY_WORD.get(wordKey(c.event));
  if (!e)
    return {
      at: 'event',
      error: `${c.edge === 'start' ? 'Start' : 'End'} "${c.event}" is neither a date nor an event filmrights can date (one of ${EMA_EVENT_WORDS.join(', ')})`,
    };
  const field = c.edge === 'start' ? 'StartLag' : 'EndLag';
  if (c.lag !== null && c.lagDays === null && c.lagMonths === null)
    return { at: 'lag', error: `${field} "${c.lag}" is not a duration (7, 7d, 2w, 6m, P90D, P6M)` };
  if (c.lagDays && c.lagMonths)
    return { at: 'lag', error: `${field} "${c.lag}" mixes months and days: give one or the other (P6M, P190D)` };
  const months = c.lagMonths ?? 0;
  return {
    condition: {
      event: e.event,
      territory: e.event === 'release' || e.event === 'broadcast' ? territory : null,
      media: e.media,
      window: null,
      offset: months ? months : (c.lagDays ?? 0),
      unit: months ? 'months' : 'days',
    },
  };
}

/** A condition as an EMA file writes it: the event word and the lag (null: none), as an ISO 8601 duration. */
export function fromDomainCondition(c: Pick<Condition, 'event' | 'media' | 'offset' | 'unit'>): { word: string; lag: string | null } {
  const e =
    c.event === 'release' && c.media === 'tv'
      ? EVENT_WORDS[0]
      : EVENT_WORDS.find((x) => x.event === c.event && (c.event !== 'release' || x.media === c.media));
  if (!e)
    throw invalid(
      'condition',
      c.event,
      `an EMA file cannot say "${c.event}${c.media ? ` (${c.media})` : ''}": only ${EMA_EVENT_WORDS.join(', ')}`,
    );
  if (c.offset === 0) return { word: e.words[0], lag: null };
  const n = Math.abs(c.offset);
  return { word: e.words[0], lag: `${c.offset < 0 ? '-' : ''}P${n}${c.unit === 'months' ? 'M' : 'D'}` };
}
