/** Conflicts in a market schedule: same person twice, meeting during a screening, same buyer twice; touching is not overlapping. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleConflicts, type ScheduledItem } from '../../src/domain/marketConflicts.js';

const H = 3_600_000;
const meeting = (id: string, start: number, end: number, people: string[], buyer: string): ScheduledItem => ({
  kind: 'meeting',
  id,
  start: start * H,
  end: end * H,
  people,
  buyer,
});
const screening = (id: string, start: number, end: number, people: string[]): ScheduledItem => ({
  kind: 'screening',
  id,
  start: start * H,
  end: end * H,
  people,
  buyer: null,
});

describe('schedule conflicts', () => {
  it('flags the three kinds, each pair once', () => {
    const items = [
      meeting('m1', 10, 11, ['user:ann'], 'neon'),
      meeting('m2', 10.5, 11.5, ['user:ann', 'user:bob'], 'mubi'),
      meeting('m3', 10.75, 11.25, ['user:cat'], 'neon'),
      screening('s1', 11, 13, ['user:bob']),
    ];
    expect(scheduleConflicts(items)).toEqual([
      { kind: 'same-person', a: { kind: 'meeting', id: 'm1' }, b: { kind: 'meeting', id: 'm2' }, shared: ['user:ann'] },
      { kind: 'same-buyer', a: { kind: 'meeting', id: 'm1' }, b: { kind: 'meeting', id: 'm3' }, shared: ['neon'] },
      { kind: 'meeting-screening', a: { kind: 'meeting', id: 'm2' }, b: { kind: 'screening', id: 's1' }, shared: ['user:bob'] },
    ]);
  });

  it('back-to-back is not a conflict; different people and buyers at once are not either', () => {
    expect(
      scheduleConflicts([
        meeting('m1', 10, 11, ['user:ann'], 'neon'),
        meeting('m2', 11, 12, ['user:ann'], 'neon'),
        meeting('m3', 10, 12, ['user:bob'], 'mubi'),
        screening('s1', 12, 14, ['user:ann', 'user:bob']),
      ]),
    ).toEqual([]);
  });

  it('agrees with checking every pair (random schedules)', () => {
    const item = fc.record({
      kind: fc.constantFrom('meeting' as const, 'screening' as const),
      start: fc.integer({ min: 0, max: 40 }),
      len: fc.integer({ min: 1, max: 8 }),
      people: fc.subarray(['user:a', 'user:b', 'person:c']),
      buyer: fc.constantFrom('x', 'y', 'z'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 14 }), (raw) => {
        const items: ScheduledItem[] = raw.map((r, i) => ({
          kind: r.kind,
          id: `i${String(i).padStart(2, '0')}`,
          start: r.start,
          end: r.start + r.len,
          people: r.people,
          buyer: r.kind === 'meeting' ? r.buyer : null,
        }));
        const expected = new Set<string>();
        for (const x of items)
          for (const y of items) {
            if (x.id >= y.id || !(x.start < y.end && y.start < x.end)) continue;
            const shared = x.people.some((p) => y.people.includes(p));
            if (x.kind === 'meeting' && y.kind === 'meeting') {
              if (shared) expected.add(`same-person ${x.id} ${y.id}`);
              if (x.buyer === y.buyer) expected.add(`same-buyer ${x.id} ${y.id}`);
            } else if (x.kind !== y.kind && shared) expected.add(`meeting-screening ${x.id} ${y.id}`);
          }
        const got = scheduleConflicts(items).map((c) => `${c.kind} ${[c.a.id, c.b.id].sort().join(' ')}`);
        expect(got.length).toBe(new Set(got).size);
        expect(new Set(got)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
