/** The day and week views' helpers: a day's items in start order, the conflicts of an item and the other party named, weeks of seven days. */
import { describe, expect, it } from 'vitest';
import type { MeetingView, ScheduleView, ScreeningView } from '../../../../src/contract/index.js';
import { conflictsOf, dayLabel, itemsOfDay, otherName, weeks } from './schedule';

const time = (localStart: string, localEnd: string, start: string) => ({ localStart, localEnd, start, end: start, offset: '+0200' });
const meeting = (id: string, buyer: string, localStart: string, start: string): MeetingView => ({
  id,
  kind: 'meeting',
  buyer: { id: buyer, name: buyer },
  place: null,
  people: [],
  titles: [],
  notes: null,
  nextStep: null,
  icsUid: null,
  ...time(localStart, localStart, start),
});
const screening = (id: string, localStart: string, start: string): ScreeningView => ({
  id,
  kind: 'screening',
  title: { id: 't', name: 'The Salt Road' },
  venue: 'Palais H',
  durationMinutes: 90,
  invited: [],
  people: [],
  notes: null,
  ...time(localStart, localStart, start),
});

const S: ScheduleView = {
  market: { id: 'm', name: 'Marché', timeZone: 'Europe/Paris', start: '2026-05-12', end: '2026-05-20' },
  days: ['2026-05-12'],
  meetings: [
    meeting('b', 'Kestrel', '2026-05-15T10:15', '2026-05-15T08:15:00Z'),
    meeting('a', 'Northlight', '2026-05-15T10:00', '2026-05-15T08:00:00Z'),
  ],
  screenings: [screening('s', '2026-05-15T09:00', '2026-05-15T07:00:00Z'), screening('x', '2026-05-16T09:00', '2026-05-16T07:00:00Z')],
  conflicts: [
    {
      kind: 'same-person',
      a: { kind: 'meeting', id: 'a' },
      b: { kind: 'meeting', id: 'b' },
      shared: ['ann'],
      message: 'ann is in two meetings at once',
    },
  ],
  people: [],
};

describe('schedule helpers', () => {
  it('lists a day in start order, meetings and screenings together', () => {
    expect(itemsOfDay(S, '2026-05-15').map((x) => x.id)).toEqual(['s', 'a', 'b']);
    expect(itemsOfDay(S, '2026-05-16').map((x) => x.id)).toEqual(['x']);
  });

  it('finds an item’s conflicts and names the other item', () => {
    expect(conflictsOf(S, 'a')).toHaveLength(1);
    expect(conflictsOf(S, 's')).toEqual([]);
    expect(otherName(S, S.conflicts[0], 'a')).toBe('the 10:15 meeting with Kestrel');
    expect(otherName(S, S.conflicts[0], 'b')).toBe('the 10:00 meeting with Northlight');
  });

  it('cuts days into weeks of seven and names days', () => {
    const days = Array.from({ length: 9 }, (_, i) => `2026-05-${String(12 + i).padStart(2, '0')}`);
    expect(weeks(days).map((w) => w.length)).toEqual([7, 2]);
    expect(dayLabel('2026-05-15')).toBe('Fri 15 May');
    expect(dayLabel('2026-05-15', true)).toBe('Friday 15 May');
  });
});
