/**
 * A market schedule as an iCalendar file (RFC 5545), written with ical.js. Times are written in the
 * market's zone (`DTSTART;TZID=Europe/Paris:20260515T100000`) with a VTIMEZONE made from the
 * runtime's time-zone data for the span of the schedule (every offset change inside it), so a
 * calendar that does not know the zone still places each event at the right instant; a market in
 * UTC is written with UTC times ('...Z') and no VTIMEZONE. A local time the clocks go back over
 * happens twice, and readers do not agree which it is, so an instant in that hour is written in UTC.
 */
import ICAL from 'ical.js';
import { instantsOf, localOf, offsetAt, transitions } from '../../domain/marketTime.js';

export interface IcsEvent {
  uid: string;
  /** UTC milliseconds. */
  start: number;
  end: number;
  summary: string;
  location: string | null;
  description: string | null;
  categories: string[];
}

export interface IcsCalendar {
  name: string;
  zone: string;
  /** When the file was made (DTSTAMP), UTC milliseconds. */
  stamp: number;
  events: readonly IcsEvent[];
}

const DAY = 86_400_000;
const FOLD_OCTETS = 75;
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT']);

function utcTime(ms: number): ICAL.Time {
  return ICAL.Time.fromDateTimeString(new Date(ms).toISOString().slice(0, 19) + 'Z');
}

/**
 * The instant as the zone's local time, or null when that local time stands for anything else or
 * more: a local time the clocks go back over is written in UTC, both times. RFC 5545 (3.3.5) reads
 * it as the first occurrence, but calendars differ (ical.js and pytz take the second).
 */
function localTime(zone: string, ms: number): ICAL.Time | null {
  const local = localOf(zone, ms);
  const instants = instantsOf(local, zone);
  if (instants.length !== 1 || instants[0] !== ms) return null;
  return ICAL.Time.fromDateTimeString(local + ':00');
}

function offsetValue(minutes: number): ICAL.UtcOffset {
  const a = Math.abs(minutes);
  return new ICAL.UtcOffset({ hours: Math.floor(a / 60), minutes: a % 60, factor: minutes < 0 ? -1 : 1 });
}

/** A VTIMEZONE for `zone` good from `from` to `to`: the offset in force at `from`, then every change up to `to`. */
export function vtimezone(zone: string, from: number, to: number): ICAL.Component {
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', zone);
  const observance = (at: number, before: number, after: number) => {
    // Daylight when the offset is above the zone's lowest in the year around it (north or south).
    const lowest = Math.min(...Array.from({ length: 13 }, (_, i) => offsetAt(zone, at + (i - 6) * 30 * DAY)));
    const c = new ICAL.Component(after > lowest ? 'daylight' : 'standard');
    // DTSTART is the onset in the local time of the offset before it.
    c.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString(new Date(at + before * 60_000).toISOString().slice(0, 19)));
    c.addPropertyWithValue('tzoffsetfrom', offsetValue(before));
    c.addPropertyWithValue('tzoffsetto', offsetValue(after));
    tz.addSubcomponent(c);
  };
  const first = offsetAt(zone, from);
  observance(from, first, first);
  for (const t of transitions(zone, from, to)) observance(t.at, t.before, t.after);
  return tz;
}

export function writeIcs(cal: IcsCalendar): string {
  const vcal = new ICAL.Component(['vcalendar', [], []]);
  vcal.updatePropertyWithValue('prodid', '-//filmrights//market days//EN');
  vcal.updatePropertyWithValue('version', '2.0');
  vcal.updatePropertyWithValue('calscale', 'GREGORIAN');
  vcal.updatePropertyWithValue('x-wr-calname', cal.name);
  vcal.updatePropertyWithValue('x-wr-timezone', cal.zone);
  const utc = UTC_ZONES.has(cal.zone);
  if (!utc && cal.events.length) {
    const from = Math.min(...cal.events.map((e) => e.start)) - 7 * DAY;
    const to = Math.max(...cal.events.map((e) => e.end)) + 7 * DAY;
    vcal.addSubcomponent(vtimezone(cal.zone, from, to));
  }
  const stamp = utcTime(cal.stamp);
  for (const e of cal.events) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', e.uid);
    ev.addPropertyWithValue('dtstamp', stamp);
    for (const [prop, ms] of [
      ['dtstart', e.start],
      ['dtend', e.end],
    ] as const) {
      const local = utc ? null : localTime(cal.zone, ms);
      const p = ev.addPropertyWithValue(prop, local ?? utcTime(ms));
      if (local) p.setParameter('tzid', cal.zone);
    }
    ev.addPropertyWithValue('summary', e.summary);
    if (e.location) ev.addPropertyWithValue('location', e.location);
    if (e.description) ev.addPropertyWithValue('description', e.description);
    if (e.categories.length) ev.addProperty(new ICAL.Property('categories', ev)).setValues(e.categories);
    vcal.addSubcomponent(ev);
  }
  // RFC 5545: lines end with CRLF and SHOULD NOT be longer than 75 octets. ical.js cuts a long line
  // into pieces of foldLength octets and puts a space before each continuation, so pieces of 74
  // make continuation lines of 75.
  const fold = ICAL.foldLength;
  ICAL.foldLength = FOLD_OCTETS - 1;
  try {
    return vcal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
  } finally {
    ICAL.foldLength = fold;
  }
}
