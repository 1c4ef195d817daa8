/**
 * Reads an iCalendar file (a buyer's booking tool, someone's calendar) into candidate meetings,
 * with ical.js. The file is checked before it is parsed (size, line count, nesting, number of
 * events) so hostile input gets a clear refusal; each VEVENT then becomes one candidate with its
 * own errors (no start, an all-day event, an unknown time zone, an end before the start...).
 *
 * Times: UTC ('...Z') as they are; with a TZID, by the file's own VTIMEZONE when it has one, else
 * by the IANA zone of that name; floating times (no zone) are read in the market's zone. A local
 * time that happens twice is the first, one in a spring-forward gap takes the offset before the
 * gap (RFC 5545, 3.3.5).
 */
import ICAL from 'ical.js';
import { invalid } from '../../domain/errors.js';
import { instantBy, instantOf, isTimeZone } from '../../domain/marketTime.js';

export const ICS_LIMITS = { maxChars: 1_000_000, maxLines: 50_000, maxDepth: 4, maxEvents: 2_000 } as const;

export interface IcsCandidate {
  index: number;
  uid: string | null;
  summary: string | null;
  location: string | null;
  description: string | null;
  /** The names the event gives: organizer and attendees' CN, and the summary. */
  names: string[];
  start: number | null;
  end: number | null;
  errors: string[];
}

/** Refuses, naming the line, a file that is not a calendar this reader will parse. */
function precheck(text: string): void {
  if (text.length > ICS_LIMITS.maxChars)
    throw invalid('ics', null, `ics: the file has ${text.length} characters, more than the ${ICS_LIMITS.maxChars} accepted`);
  const lines = text.split(/\r?\n/);
  if (lines.length > ICS_LIMITS.maxLines)
    throw invalid('ics', null, `ics: the file has ${lines.length} lines, more than the ${ICS_LIMITS.maxLines} accepted`);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw invalid('ics', null, 'ics: the file is empty');
  if (lines[first].trim().toUpperCase() !== 'BEGIN:VCALENDAR')
    throw invalid('ics', null, `ics: line ${first + 1}: not an iCalendar file (it must begin with BEGIN:VCALENDAR)`);
  let depth = 0;
  let events = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].toUpperCase();
    if (l.startsWith('BEGIN:')) {
      depth++;
      if (l.startsWith('BEGIN:VEVENT')) events++;
      if (depth > ICS_LIMITS.maxDepth)
        throw invalid(
          'ics',
          null,
          `ics: line ${i + 1}: components nested ${depth} deep, more than the ${ICS_LIMITS.maxDepth} a calendar needs`,
        );
      if (events > ICS_LIMITS.maxEvents)
        throw invalid('ics', null, `ics: line ${i + 1}: more than ${ICS_LIMITS.maxEvents} events in one file`);
    } else if (l.startsWith('END:')) depth--;
    if (depth < 0) throw invalid('ics', null, `ics: line ${i + 1}: END without its BEGIN`);
  }
  if (depth !== 0) throw invalid('ics', null, 'ics: the file ends inside a component (a BEGIN without its END)');
}

/** The calendar's events as candidates; a file that cannot be read at all is refused (field `ics`). */
export function readIcs(text: string, marketZone: string): IcsCandidate[] {
  precheck(text);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (e) {
    throw invalid('ics', null, `ics: not a readable iCalendar file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (root.name !== 'vcalendar') throw invalid('ics', null, 'ics: the file holds no VCALENDAR');
  const zones = new Map<string, ICAL.Timezone>();
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const id = tz.getFirstPropertyValue('tzid');
    if (typeof id === 'string') zones.set(id, new ICAL.Timezone(tz));
  }
  return root.getAllSubcomponents('vevent').map((ev, i) => candidate(ev, i + 1, zones, marketZone));
}

function textOf(ev: ICAL.Component, prop: string): string | null {
  const v = ev.getFirstPropertyValue(prop);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function candidate(ev: ICAL.Component, index: number, zones: Map<string, ICAL.Timezone>, marketZone: string): IcsCandidate {
  const errors: string[] = [];
  const names: string[] = [];
  for (const p of [...ev.getAllProperties('organizer'), ...ev.getAllProperties('attendee')]) {
    const cn = p.getParameter('cn');
    if (typeof cn === 'string' && cn.trim()) names.push(cn.trim());
  }
  const summary = textOf(ev, 'summary');
  if (summary) names.push(summary);
  const start = instant(ev, 'dtstart', zones, marketZone, errors);
  let end = instant(ev, 'dtend', zones, marketZone, errors, true);
  if (end === null && start !== null) {
    const duration = ev.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) end = start + duration.toSeconds() * 1000;
    else errors.push('DTEND: the event has neither an end nor a duration');
  }
  if (start !== null && end !== null && end <= start) errors.push('DTEND: the event ends before it starts');
  if (start !== null && end !== null && end - start > 24 * 3_600_000) errors.push('DTEND: a meeting of more than 24 hours');
  if (ev.getFirstProperty('rrule')) errors.push('RRULE: repeating events are not imported; export the single occurrences');
  return {
    index,
    uid: textOf(ev, 'uid'),
    summary,
    location: textOf(ev, 'location'),
    description: textOf(ev, 'description'),
    names,
    start,
    end,
    errors,
  };
}

function instant(
  ev: ICAL.Component,
  prop: 'dtstart' | 'dtend',
  zones: Map<string, ICAL.Timezone>,
  marketZone: string,
  errors: string[],
  optional = false,
): number | null {
  const p = ev.getFirstProperty(prop);
  const name = prop.toUpperCase();
  if (!p) {
    if (!optional) errors.push(`${name}: the event has no start`);
    return null;
  }
  const v = p.getFirstValue();
  if (!(v instanceof ICAL.Time)) {
    errors.push(`${name}: not a date and time`);
    return null;
  }
  if (v.isDate) {
    errors.push(`${name}: an all-day event (${v.toString()}) has no time; meetings need one`);
    return null;
  }
  const wall = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
  if (Number.isNaN(wall)) {
    errors.push(`${name}: not a date and time`);
    return null;
  }
  const tzid = p.getParameter('tzid');
  if (v.zone === ICAL.Timezone.utcTimezone || (typeof tzid !== 'string' && v.toString().endsWith('Z'))) return wall;
  const local = new Date(wall).toISOString().slice(0, 16);
  const seconds = v.second * 1000;
  if (typeof tzid === 'string') {
    const own = zones.get(tzid);
    // ical.js places a repeated local time at its second occurrence and a time in the gap after it:
    // the zone's offsets come from its VTIMEZONE, the rule of RFC 5545 from instantBy
    if (own) return instantBy(local, offsets(own, v.year), name, 'before', tzid) + seconds;
    if (isTimeZone(tzid)) return instantOf(local, tzid, name, 'before') + seconds;
    errors.push(`${name}: unknown time zone "${tzid}" (the file has no VTIMEZONE for it)`);
    return null;
  }
  return instantOf(local, marketZone, name, 'before') + seconds;
}

/** A change of a VTIMEZONE as ical.js expands its observances: the instant in UTC fields, offsets in seconds. */
interface ZoneChange {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  utcOffset: number;
  prevUtcOffset: number;
}

/** Each zone's changes as instants, made again when ical.js expands it further (it adds to the same list). */
const expanded = new WeakMap<
  ICAL.Timezone,
  { from: unknown[]; n: number; changes: Array<{ at: number; after: number; before: number }> }
>();

/** The offset (minutes) a file's VTIMEZONE gives at each instant around `year`: the last change at or before it. */
function offsets(zone: ICAL.Timezone, year: number): (instantMs: number) => number {
  // utcOffset expands the observances (their RRULEs and RDATEs) into `changes`, in order, through a few years after `year`
  zone.utcOffset(ICAL.Time.fromData({ year: year + 1, month: 1, day: 1 }));
  let known = expanded.get(zone);
  if (known?.from !== zone.changes || known.n !== zone.changes.length) {
    const from = zone.changes as ZoneChange[];
    known = {
      from,
      n: from.length,
      changes: from.map((c) => ({
        at: Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second),
        after: c.utcOffset / 60,
        before: c.prevUtcOffset / 60,
      })),
    };
    expanded.set(zone, known);
  }
  const { changes } = known;
  return (instantMs) => {
    let offset = changes.length ? changes[0].before : 0;
    for (const c of changes) {
      if (c.at > instantMs) break;
      offset = c.after;
    }
    return offset;
  };
}
