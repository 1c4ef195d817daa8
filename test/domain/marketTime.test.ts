/**
 * Local market time and UTC instants, across daylight-saving changes (RFC 5545 rules: a repeated
 * local time is the first one; a missing one is refused for typed input, shifted for files).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { instantBy, instantOf, instantsOf, isTimeZone, localOf, offsetAt, transitions } from '../../src/domain/marketTime.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('market time', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('Cannes in May is UTC+2, Berlin in February UTC+1, the AFM in November UTC-8', () => {
    expect(iso(instantOf('2026-05-15T10:00', 'Europe/Paris', 'start'))).toBe('2026-05-15T08:00:00.000Z');
    expect(iso(instantOf('2026-02-14T10:00', 'Europe/Berlin', 'start'))).toBe('2026-02-14T09:00:00.000Z');
    expect(iso(instantOf('2026-11-04T10:00', 'America/Los_Angeles', 'start'))).toBe('2026-11-04T18:00:00.000Z');
    expect(offsetAt('Europe/Paris', Date.parse('2026-05-15T08:00:00Z'))).toBe(120);
  });

  it('the same 10:00 either side of the AFM clock change is a different offset (Nov 1 2026, US)', () => {
    expect(iso(instantOf('2026-10-31T10:00', 'America/Los_Angeles', 'start'))).toBe('2026-10-31T17:00:00.000Z');
    expect(iso(instantOf('2026-11-02T10:00', 'America/Los_Angeles', 'start'))).toBe('2026-11-02T18:00:00.000Z');
  });

  it('a local time that happens twice (clocks go back) is the first one', () => {
    // Paris, 25 Oct 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
    expect(iso(instantOf('2026-10-25T02:30', 'Europe/Paris', 'start'))).toBe('2026-10-25T00:30:00.000Z');
    expect(localOf('Europe/Paris', Date.parse('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
  });

  it('a local time that never happens (clocks go forward) is refused for typed input and shifted for files', () => {
    // Paris, 29 Mar 2026: 02:00 CET becomes 03:00 CEST.
    let error: unknown;
    try {
      instantOf('2026-03-29T02:30', 'Europe/Paris', 'start');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/^start: 2026-03-29 02:30 does not exist in Europe\/Paris/);
    expect(iso(instantOf('2026-03-29T02:30', 'Europe/Paris', 'DTSTART', 'before'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('lists every instant a local time stands for: two when the clocks go back, none in the gap', () => {
    expect(instantsOf('2026-10-25T02:30', 'Europe/Paris').map(iso)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(instantsOf('2026-03-29T02:30', 'Europe/Paris')).toEqual([]);
    expect(instantsOf('2026-05-15T10:00', 'Europe/Paris').map(iso)).toEqual(['2026-05-15T08:00:00.000Z']);
  });

  it('follows the same rules for a zone given by its offsets (a calendar file’s own VTIMEZONE)', () => {
    // a made-up zone: +0100, then +0200 from 2026-04-05T01:00Z, then +0100 again from 2026-10-04T01:00Z
    const spring = Date.parse('2026-04-05T01:00:00Z');
    const autumn = Date.parse('2026-10-04T01:00:00Z');
    const offsets = (ms: number) => (ms >= spring && ms < autumn ? 120 : 60);
    expect(iso(instantBy('2026-10-04T02:30', offsets, 'DTSTART', 'before', 'Harbour Time'))).toBe('2026-10-04T00:30:00.000Z');
    expect(iso(instantBy('2026-04-05T02:30', offsets, 'DTSTART', 'before', 'Harbour Time'))).toBe('2026-04-05T01:30:00.000Z');
    expect(iso(instantBy('2026-07-01T10:00', offsets, 'DTSTART', 'before', 'Harbour Time'))).toBe('2026-07-01T08:00:00.000Z');
    expect(() => instantBy('2026-04-05T02:30', offsets, 'start', 'refuse', 'Harbour Time')).toThrow(
      /^start: 2026-04-05 02:30 does not exist in Harbour Time/,
    );
  });

  it('refuses what is not a date and time, naming the field', () => {
    expect(() => instantOf('2026-02-30T10:00', 'Europe/Paris', 'end')).toThrow(/^end: "2026-02-30T10:00" is not a date and time/);
    expect(() => instantOf('2026-05-15 10:00', 'Europe/Paris', 'end')).toThrow(/^end:/);
  });

  it('finds the two changes of a year in Paris, to the minute', () => {
    const t = transitions('Europe/Paris', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z'));
    expect(t.map((x) => [iso(x.at), x.before, x.after])).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
    ]);
    expect(transitions('Asia/Tokyo', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z'))).toEqual([]);
  });

  it('local time of an instant, back to the instant, is the same instant (except the second of a repeated hour)', () => {
    const zones = ['Europe/Paris', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }), (zone, minutes) => {
        const at = Date.parse('2025-01-01T00:00:00Z') + minutes * 60_000;
        const local = localOf(zone, at);
        const back = instantOf(local, zone, 'start');
        // Either the same instant, or the first of the two for a repeated local time (an hour earlier).
        expect([0, 3_600_000]).toContain(at - back);
        expect(localOf(zone, back)).toBe(local);
      }),
      { numRuns: 500 },
    );
  });
});
