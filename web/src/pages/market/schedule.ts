/** What the day and week views share: items of a day in start order, their conflicts, and how times read. */
import type { ScheduleConflictView, MeetingView, ScheduleView, ScreeningView } from '../../../../src/contract/index.js';

export type Item = MeetingView | ScreeningView;

/** Every item of a local day, in start order. */
export function itemsOfDay(s: ScheduleView, day: string): Item[] {
  return [...s.meetings, ...s.screenings].filter((x) => x.localStart.slice(0, 10) === day).sort((a, b) => a.start.localeCompare(b.start));
}

/** The conflicts an item is in. */
export function conflictsOf(s: ScheduleView, id: string): ScheduleConflictView[] {
  return s.conflicts.filter((c) => c.a.id === id || c.b.id === id);
}

/** "10:00" from '2026-05-15T10:00'. */
export const hm = (local: string) => local.slice(11, 16);

/** "Fri 15 May" from '2026-05-15'. */
export function dayLabel(day: string, long = false): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
    timeZone: 'UTC',
  });
}

/** The market's days cut into weeks of seven (a market is short: usually one or two). */
export function weeks(days: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < days.length; i += 7) out.push(days.slice(i, i + 7));
  return out;
}

/** The other item of a conflict, named for the reader. */
export function otherName(s: ScheduleView, c: ScheduleConflictView, id: string): string {
  const other = c.a.id === id ? c.b : c.a;
  const m = s.meetings.find((x) => x.id === other.id);
  if (m) return `the ${hm(m.localStart)} meeting with ${m.buyer.name}`;
  const sc = s.screenings.find((x) => x.id === other.id);
  return sc ? `the ${hm(sc.localStart)} screening of ${sc.title.name}` : 'another item';
}
