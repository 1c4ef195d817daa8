/**
 * Wall-clock times at a market and the instants they stand for. A market keeps its IANA time zone
 * ("Europe/Paris"); meetings and screenings are stored as UTC instants and shown in the market's
 * local time. The conversion follows RFC 5545 (3.3.5): a local time that happens twice (clocks go
 * back) is the first of the two; a local time that never happens (clocks go forward) is refused
 * for what a person typed (`gap: 'refuse'`), or read with the offset in force before the gap for a
 * calendar file (`gap: 'before'`). Pure: Intl's time-zone data, no clock.
 */
import { invalid } from './errors.js';

/** 'YYYY-MM-DDTHH:MM' (minutes; seconds are not kept). */
export const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Paris", "America/Los_Angeles", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in minutes (Paris in summer: 120). */
export function offsetAt(zone: string, instantMs: number): number {
  const parts = formatter(zone).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / MINUTE);
}

/** The local wall time of an instant in a zone, as 'YYYY-MM-DDTHH:MM'. */
export function localOf(zone: string, instantMs: number): string {
  const shifted = new Date(instantMs + offsetAt(zone, instantMs) * MINUTE);
  return shifted.toISOString().slice(0, 16);
}

/** 'YYYY-MM-DDTHH:MM' as the UTC milliseconds of the same wall time (no zone), or null when it is not a real date and time. */
export function wallMs(local: string): number | null {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

export type GapRule = 'refuse' | 'before';

/**
 * The instant of a local wall time in a zone (RFC 5545: the first of two, and for a time in a
 * spring-forward gap either a refusal naming `field` or the offset before the gap).
 */
export function instantOf(local: string, zone: string, field: string, gap: GapRule = 'refuse'): number {
  return instantBy(local, (instantMs) => offsetAt(zone, instantMs), field, gap, zone);
}

/**
 * instantOf for a zone given by its offset (minutes) at each instant: an IANA zone's, or a
 * calendar file's own VTIMEZONE. `zoneName` names it in a refusal.
 */
export function instantBy(local: string, offsetOf: (instantMs: number) => number, field: string, gap: GapRule, zoneName: string): number {
  const wall = wallMs(local);
  if (wall === null) throw invalid(field, local, `${field}: "${local}" is not a date and time as YYYY-MM-DDTHH:MM`);
  const hits = occurrences(wall, local, offsetOf);
  if (hits.length) return hits[0];
  if (gap === 'refuse')
    throw invalid(
      field,
      local,
      `${field}: ${local.replace('T', ' ')} does not exist in ${zoneName} (the clocks go forward then); choose a later time`,
    );
  const before = offsetOf(wall - 36 * 3_600_000);
  return wall - before * MINUTE;
}

/** Every instant a local wall time stands for in a zone, earliest first: none in a gap, two when the clocks go back over it. */
export function instantsOf(local: string, zone: string): number[] {
  const wall = wallMs(local);
  return wall === null ? [] : occurrences(wall, local, (instantMs) => offsetAt(zone, instantMs));
}

function occurrences(wall: number, local: string, offsetOf: (instantMs: number) => number): number[] {
  const localAt = (instant: number) => new Date(instant + offsetOf(instant) * MINUTE).toISOString().slice(0, 16);
  // The offsets in force a day either side bound every candidate.
  const candidates = [...new Set([offsetOf(wall - 36 * 3_600_000), offsetOf(wall), offsetOf(wall + 36 * 3_600_000)])];
  return candidates
    .map((off) => wall - off * MINUTE)
    .filter((instant) => localAt(instant) === local)
    .sort((a, b) => a - b);
}

/** An instant as an ISO UTC timestamp to the minute ('2026-05-15T08:00:00Z'), as stored. */
export function isoMinute(instantMs: number): string {
  return new Date(instantMs).toISOString().slice(0, 16) + ':00Z';
}

/** The instants where the zone's offset changes between two instants, with the offsets either side (for a VTIMEZONE). */
export function transitions(zone: string, fromMs: number, toMs: number): Array<{ at: number; before: number; after: number }> {
  const out: Array<{ at: number; before: number; after: number }> = [];
  const STEP = 6 * 3_600_000;
  let prev = offsetAt(zone, fromMs);
  for (let t = fromMs + STEP; t <= toMs + STEP; t += STEP) {
    const off = offsetAt(zone, t);
    if (off === prev) continue;
    // Narrow to the minute.
    let lo = t - STEP;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: off });
    prev = off;
  }
  return out;
}

/** '+0200' from 120. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}
