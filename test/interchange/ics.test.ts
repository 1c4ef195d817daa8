/**
 * The schedule as iCalendar: the file written parses back with ical.js and places every event at
 * its instant (TZID with our VTIMEZONE, or UTC), across a clock change; reading another tool's
 * file: zones, floating times, durations, per-event errors; hostile files get a clear refusal.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { ICS_LIMITS, readIcs } from '../../src/interchange/ics/read.js';
import { writeIcs, type IcsEvent } from '../../src/interchange/ics/write.js';

const at = (s: string) => Date.parse(s);
const EVENTS: IcsEvent[] = [
  // AFM 2026: the US clocks go back on 1 November; 10:00 local is 17:00Z before, 18:00Z after.
  {
    uid: 'm1@test',
    start: at('2026-10-31T17:00:00Z'),
    end: at('2026-10-31T17:30:00Z'),
    summary: 'Meeting: Neon',
    location: 'Loews 812',
    description: 'Titles: One Second',
    categories: ['Meeting'],
  },
  {
    uid: 's1@test',
    start: at('2026-11-02T18:00:00Z'),
    end: at('2026-11-02T19:40:00Z'),
    summary: 'Screening: One Second',
    location: 'AMC 7',
    description: null,
    categories: ['Screening'],
  },
];

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).field).toBe('ics');
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('writing .ics', () => {
  const text = writeIcs({ name: 'AFM 2026', zone: 'America/Los_Angeles', stamp: at('2026-10-01T00:00:00Z'), events: EVENTS });

  it('parses back with ical.js, each event at its instant, with TZID times and a VTIMEZONE', () => {
    const root = new ICAL.Component(ICAL.parse(text));
    const tz = root.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('America/Los_Angeles');
    const zone = new ICAL.Timezone(tz!);
    const events = root.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(['m1@test', 's1@test']);
    for (const [i, ev] of events.entries()) {
      const start = ev.getFirstProperty('dtstart')!;
      expect(start.getParameter('tzid')).toBe('America/Los_Angeles');
      const t = (start.getFirstValue() as ICAL.Time).clone();
      expect(t.toString()).toMatch(/T10:00:00$/); // 10:00 local both days
      t.zone = zone;
      expect(t.toUnixTime() * 1000).toBe(EVENTS[i].start);
      const end = (ev.getFirstPropertyValue('dtend') as ICAL.Time).clone();
      end.zone = zone;
      expect(end.toUnixTime() * 1000).toBe(EVENTS[i].end);
    }
    expect(text).toContain('DTSTART;TZID=America/Los_Angeles:20261031T100000');
    expect(text).toContain('DTSTART;TZID=America/Los_Angeles:20261102T100000');
    expect(text).toContain('DTSTAMP:20261001T000000Z');
    expect(text.split('\r\n').every((l) => l.length <= 75)).toBe(true);
  });

  it('a local time the clocks go back over is written in UTC, either occurrence; the rest in local time', () => {
    // Los Angeles, 1 Nov 2026: 01:00-01:59 happens at -0700 (08:00Z-08:59Z), then again at -0800 (09:00Z-09:59Z)
    const night: IcsEvent[] = [
      { ...EVENTS[0], uid: 'first@test', start: at('2026-11-01T08:30:00Z'), end: at('2026-11-01T09:15:00Z') },
      { ...EVENTS[0], uid: 'second@test', start: at('2026-11-01T09:30:00Z'), end: at('2026-11-01T10:30:00Z') },
      { ...EVENTS[0], uid: 'before@test', start: at('2026-11-01T07:30:00Z'), end: at('2026-11-01T08:00:00Z') },
    ];
    const ics = writeIcs({ name: 'AFM 2026', zone: 'America/Los_Angeles', stamp: 0, events: night });
    expect(ics).toContain('DTSTART:20261101T083000Z\r\n');
    expect(ics).toContain('DTEND:20261101T091500Z\r\n');
    expect(ics).toContain('DTSTART:20261101T093000Z\r\n');
    expect(ics).toContain('DTEND;TZID=America/Los_Angeles:20261101T023000\r\n');
    expect(ics).toContain('DTSTART;TZID=America/Los_Angeles:20261101T003000\r\n');
    expect(ics).toContain('DTEND:20261101T080000Z\r\n');
    const back = readIcs(ics, 'UTC').sort((a, b) => a.uid!.localeCompare(b.uid!));
    expect(back.map((e) => [e.uid, e.start, e.end, e.errors])).toEqual(
      [...night].sort((a, b) => a.uid.localeCompare(b.uid)).map((e) => [e.uid, e.start, e.end, []]),
    );
  });

  it('names the summer observance of the VTIMEZONE DAYLIGHT, and the winter one STANDARD', () => {
    const tz = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!;
    expect(
      tz
        .getAllSubcomponents()
        .map((c) => [c.name, String(c.getFirstPropertyValue('tzoffsetfrom')), String(c.getFirstPropertyValue('tzoffsetto'))]),
    ).toEqual([
      ['daylight', '-07:00', '-07:00'],
      ['standard', '-07:00', '-08:00'],
    ]);
  });

  it('folds long lines at 75 octets or fewer, continuation lines included, never inside a character', () => {
    const description = 'Titles: Ærø Hjem, 影子之城, Zoë’s Lighthouse — '.repeat(12);
    const ics = writeIcs({
      name: 'AFM 2026',
      zone: 'America/Los_Angeles',
      stamp: 0,
      events: [{ ...EVENTS[0], description, location: 'Suite '.repeat(30).trim() }],
    });
    const lines = ics.split('\r\n');
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(readIcs(ics, 'UTC')[0].description).toBe(description.trim());
  });

  it('a market in UTC is written in UTC times, without VTIMEZONE', () => {
    const utc = writeIcs({ name: 'x', zone: 'UTC', stamp: 0, events: EVENTS });
    expect(utc).toContain('DTSTART:20261031T170000Z');
    expect(utc).not.toContain('VTIMEZONE');
  });

  it('reads back into the same instants with our own reader', () => {
    const back = readIcs(text, 'Europe/Paris');
    expect(back.map((e) => [e.uid, e.start, e.end, e.errors])).toEqual(EVENTS.map((e) => [e.uid, e.start, e.end, []]));
    expect(back[0].location).toBe('Loews 812');
  });
});

const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

describe('reading .ics', () => {
  it('UTC, IANA TZID without VTIMEZONE, floating (market zone) and DURATION', () => {
    const got = readIcs(
      cal(
        ...event('UID:a', 'SUMMARY:Neon', 'DTSTART:20260515T080000Z', 'DTEND:20260515T083000Z'),
        ...event('UID:b', 'SUMMARY:Mubi', 'DTSTART;TZID=Europe/Paris:20260515T100000', 'DURATION:PT45M'),
        ...event(
          'UID:c',
          'SUMMARY:A24',
          'DTSTART:20260515T110000',
          'DTEND:20260515T113000',
          'ORGANIZER;CN=Jane at A24:mailto:jane@example.com',
        ),
      ),
      'Europe/Paris',
    );
    expect(got.map((e) => [e.uid, new Date(e.start!).toISOString(), new Date(e.end!).toISOString(), e.errors])).toEqual([
      ['a', '2026-05-15T08:00:00.000Z', '2026-05-15T08:30:00.000Z', []],
      ['b', '2026-05-15T08:00:00.000Z', '2026-05-15T08:45:00.000Z', []],
      ['c', '2026-05-15T09:00:00.000Z', '2026-05-15T09:30:00.000Z', []],
    ]);
    expect(got[2].names).toEqual(['Jane at A24', 'A24']);
  });

  it("a file's own VTIMEZONE: a time that happens twice is the first, one in the spring gap takes the offset before it (RFC 5545, 3.3.5)", () => {
    // a booking tool's zone with yearly rules (US Pacific since 2007), under a name that is no IANA zone
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Pacific Time (booking)',
      'BEGIN:STANDARD',
      'DTSTART:20071104T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZOFFSETFROM:-0700',
      'TZOFFSETTO:-0800',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20070311T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZOFFSETFROM:-0800',
      'TZOFFSETTO:-0700',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ];
    const local = (uid: string, start: string) =>
      event(`UID:${uid}`, `DTSTART;TZID=Pacific Time (booking):${start}`, `DTEND;TZID=Pacific Time (booking):${start.slice(0, 9)}120000`);
    const got = readIcs(
      cal(
        ...zone,
        ...local('twice', '20261101T013000'),
        ...local('gap', '20260308T023000'),
        ...local('before', '20261031T100000'),
        ...local('after', '20261102T100000'),
      ),
      'UTC',
    );
    expect(got.map((e) => [e.uid, new Date(e.start!).toISOString(), e.errors])).toEqual([
      ['twice', '2026-11-01T08:30:00.000Z', []],
      ['gap', '2026-03-08T10:30:00.000Z', []],
      ['before', '2026-10-31T17:00:00.000Z', []],
      ['after', '2026-11-02T18:00:00.000Z', []],
    ]);
    // the same with the IANA zone's name and no VTIMEZONE
    const iana = readIcs(
      cal(
        ...event('UID:twice', 'DTSTART;TZID=America/Los_Angeles:20261101T013000', 'DURATION:PT30M'),
        ...event('UID:gap', 'DTSTART;TZID=America/Los_Angeles:20260308T023000', 'DURATION:PT30M'),
      ),
      'UTC',
    );
    expect(iana.map((e) => new Date(e.start!).toISOString())).toEqual(['2026-11-01T08:30:00.000Z', '2026-03-08T10:30:00.000Z']);
  });

  it('each event carries its own errors', () => {
    const got = readIcs(
      cal(
        ...event('UID:allday', 'SUMMARY:Beach', 'DTSTART;VALUE=DATE:20260515'),
        ...event('UID:backwards', 'DTSTART:20260515T100000Z', 'DTEND:20260515T090000Z'),
        ...event('UID:nozone', 'DTSTART;TZID=Nowhere/Land:20260515T100000', 'DTEND;TZID=Nowhere/Land:20260515T110000'),
        ...event('UID:nostart', 'SUMMARY:?'),
        ...event('UID:noend', 'DTSTART:20260515T100000Z'),
        ...event('UID:weekly', 'DTSTART:20260515T100000Z', 'DTEND:20260515T110000Z', 'RRULE:FREQ=WEEKLY'),
      ),
      'Europe/Paris',
    );
    expect(got.map((e) => e.errors)).toEqual([
      ['DTSTART: an all-day event (2026-05-15) has no time; meetings need one'],
      ['DTEND: the event ends before it starts'],
      [
        'DTSTART: unknown time zone "Nowhere/Land" (the file has no VTIMEZONE for it)',
        'DTEND: unknown time zone "Nowhere/Land" (the file has no VTIMEZONE for it)',
      ],
      ['DTSTART: the event has no start'],
      ['DTEND: the event has neither an end nor a duration'],
      ['RRULE: repeating events are not imported; export the single occurrences'],
    ]);
  });

  it('refuses garbage, broken nesting, deep nesting, too many events and huge files with a clear message', () => {
    expect(refusal(() => readIcs('hello world', 'UTC'))).toBe('ics: line 1: not an iCalendar file (it must begin with BEGIN:VCALENDAR)');
    expect(refusal(() => readIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR', 'UTC'))).toMatch(/^ics: /);
    expect(refusal(() => readIcs('BEGIN:VCALENDAR\r\nnot a property line\r\nEND:VCALENDAR', 'UTC'))).toMatch(
      /^ics: not a readable iCalendar file: /,
    );
    const deep = [
      'BEGIN:VCALENDAR',
      ...Array.from({ length: 10_000 }, () => 'BEGIN:X'),
      ...Array.from({ length: 10_000 }, () => 'END:X'),
      'END:VCALENDAR',
    ].join('\n');
    expect(refusal(() => readIcs(deep, 'UTC'))).toBe('ics: line 5: components nested 5 deep, more than the 4 a calendar needs');
    const many = cal(
      ...Array.from({ length: ICS_LIMITS.maxEvents + 1 }, (_, i) => event(`UID:${i}`, 'DTSTART:20260515T100000Z', 'DURATION:PT1H')).flat(),
    );
    expect(refusal(() => readIcs(many, 'UTC'))).toMatch(/more than 2000 events in one file$/);
    const huge = cal(...event('UID:x', `DESCRIPTION:${'x'.repeat(ICS_LIMITS.maxChars)}`));
    expect(refusal(() => readIcs(huge, 'UTC'))).toMatch(/^ics: the file has \d+ characters, more than the 1000000 accepted$/);
    expect(refusal(() => readIcs('', 'UTC'))).toBe('ics: the file is empty');
  });
});
