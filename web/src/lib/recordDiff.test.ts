import { describe, expect, it } from 'vitest';
import { diffRecords, describeRecord, recordEntryView } from './recordDiff';

const credit = (role: string, name: string, character: string | null = null) => ({
  id: name,
  role,
  person: { id: name, name },
  character,
  position: 0,
});

describe('record history diffs', () => {
  it('says which fields changed, in words, and leaves the bookkeeping out', () => {
    const changes = diffRecords(
      { id: 'a', year: 2020, updatedAt: 'x', countries: ['CN'], runtimeMinutes: 104 },
      { id: 'a', year: 2021, updatedAt: 'y', countries: ['CN', 'FR'], runtimeMinutes: 104 },
    );
    expect(changes).toEqual([
      { kind: 'field', label: 'Year', from: '2020', to: '2021' },
      { kind: 'field', label: 'Countries', from: 'China', to: 'China, France' },
    ]);
  });

  it('tells a credit added from a billing order changed', () => {
    const before = { credits: [credit('cast', 'A'), credit('cast', 'B')] };
    expect(diffRecords(before, { credits: [credit('cast', 'B'), credit('cast', 'A')] })).toEqual([
      expect.objectContaining({ kind: 'field', label: 'Credits order', note: 'billing order changed' }),
    ]);
    expect(diffRecords(before, { credits: [...before.credits, credit('cast', 'C', 'Luc')] })).toEqual([
      { kind: 'list', label: 'Credits', added: ['Cast: C as Luc'], removed: [] },
    ]);
  });

  it('shows a box-office row with its gross in the currency, and names a merge', () => {
    expect(describeRecord({ id: 'x', title_id: 't', territory: 'FR', amount: 35000000, currency: 'EUR', is_cumulative: 1 })).toEqual(
      expect.arrayContaining([
        { label: 'Territory', value: 'France' },
        { label: 'Gross', value: expect.stringContaining('350,000') },
      ]),
    );
    const v = recordEntryView({
      id: 3,
      at: '2025-01-01T00:00:00Z',
      user: 'eva',
      action: 'merge',
      entity: 'titles',
      entityId: 'a',
      before: { year: null, mergedFrom: { originalTitle: 'Dup' } },
      after: { year: 2020 },
      reason: null,
    });
    expect(v.title).toBe('Merged');
    expect(v.summary).toMatch(/^Merged “Dup” into this record: year none → 2020/);
  });
});
