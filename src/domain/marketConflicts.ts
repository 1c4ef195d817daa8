/**
 * Conflicts in a market schedule: two meetings at once for the same one of our people, a meeting
 * at the time of a screening one of its people attends, the same buyer booked twice at once.
 * Intervals are half-open [start, end): a meeting that ends at 10:00 does not clash with one that
 * starts at 10:00. Pure.
 */

export interface ScheduledItem {
  kind: 'meeting' | 'screening';
  id: string;
  /** UTC milliseconds. */
  start: number;
  end: number;
  /** Our people on it, as keys ("user:ID", "person:ID"). */
  people: readonly string[];
  /** The buyer of a meeting (company id); screenings have none. */
  buyer: string | null;
}

export type ConflictKind = 'same-person' | 'meeting-screening' | 'same-buyer';

export interface ScheduleConflict {
  kind: ConflictKind;
  /** The two items, meeting first for meeting-screening, else in start order. */
  a: { kind: 'meeting' | 'screening'; id: string };
  b: { kind: 'meeting' | 'screening'; id: string };
  /** The people (for same-person and meeting-screening) or the buyer (for same-buyer) they share. */
  shared: string[];
}

/** Every conflict of a schedule, each pair once, in order of the first item's start. */
export function scheduleConflicts(items: readonly ScheduledItem[]): ScheduleConflict[] {
  const sorted = [...items].sort((x, y) => x.start - y.start || x.end - y.end || x.id.localeCompare(y.id));
  const out: ScheduleConflict[] = [];
  const active: ScheduledItem[] = [];
  for (const item of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= item.start) active.splice(i, 1);
    for (const other of active) {
      if (!(other.start < item.end && item.start < other.end)) continue;
      const people = other.people.filter((p) => item.people.includes(p));
      if (other.kind === 'meeting' && item.kind === 'meeting') {
        if (people.length) out.push(pair('same-person', other, item, people));
        if (other.buyer && other.buyer === item.buyer) out.push(pair('same-buyer', other, item, [other.buyer]));
      } else if (other.kind !== item.kind && people.length) {
        const [m, s] = other.kind === 'meeting' ? [other, item] : [item, other];
        out.push(pair('meeting-screening', m, s, people));
      }
    }
    if (item.end > item.start) active.push(item);
  }
  return out;
}

function pair(kind: ConflictKind, a: ScheduledItem, b: ScheduledItem, shared: string[]): ScheduleConflict {
  return { kind, a: { kind: a.kind, id: a.id }, b: { kind: b.kind, id: b.id }, shared: [...shared].sort() };
}
