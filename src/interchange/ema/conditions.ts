/**
 * Conditional windows in EMA files: a Start or End that is an event rather
 * than a date ("Broadcast" with an EndLag of 7 days in the spreadsheet
 * templates, `<StartCondition lag="P90D">TheatricalRelease</StartCondition>`
 * in Avails XML). They are read here into a plain description; storing them
 * needs the windows-that-depend-on-events model, which this layer does not
 * have yet, so a row carrying one is refused with an error naming the
 * condition (docs/ema.md).
 */
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

/** Reads a lag: a number of days, "7d", "2w", "6m", or an ISO 8601 duration ("P7D", "P2W", "P6M", "P1Y"). */
export function parseLag(lag: string | null): { days: number | null; months: number | null } {
  if (!lag) return { days: null, months: null };
  let m = /^(\d+)\s*(d|days?)?$/i.exec(lag);
  if (m) return { days: Number(m[1]), months: null };
  m = /^(\d+)\s*(w|weeks?)$/i.exec(lag);
  if (m) return { days: Number(m[1]) * 7, months: null };
  m = /^(\d+)\s*(m|months?)$/i.exec(lag);
  if (m) return { days: null, months: Number(m[1]) };
  m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i.exec(lag);
  if (m && (m[1] || m[2] || m[3] || m[4])) {
    const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
    const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
    return months ? { days: days || null, months } : { days, months: null };
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
