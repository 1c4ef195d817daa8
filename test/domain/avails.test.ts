import { describe, expect, it } from 'vitest';
import { AVAILABLE, checkQuestion, makeOutcome, OutcomeTable, titleCells, type AvailsQuestion } from '../../src/domain/avails.js';
import { emptySet } from '../../src/domain/bitset.js';
import { parseDay, PERPETUITY } from '../../src/domain/dates.js';
import { DomainError } from '../../src/domain/errors.js';
import { mediaLabel, parseMedia } from '../../src/domain/media.js';
import type { RightsBlock } from '../../src/domain/rights.js';
import { RightsIndex } from '../../src/domain/rightsIndex.js';
import { mergeTitles, rollUpTitle } from '../../src/domain/rollup.js';
import { parseTerritories, territoryLabel } from '../../src/domain/territories.js';

const d = (s: string) => parseDay(s);
const block = (
  kind: RightsBlock['kind'],
  contract: string,
  territories: string,
  media: string,
  start: string,
  end: string | null,
  exclusive = true,
): RightsBlock => ({
  contract,
  kind,
  territories: parseTerritories(territories),
  media: parseMedia(media),
  languages: null,
  start: d(start),
  end: end ? d(end) : PERPETUITY,
  exclusive,
});
const ask = (
  blocks: RightsBlock[],
  q: Omit<Partial<AvailsQuestion>, 'territories' | 'media' | 'start' | 'end'> & {
    territories: string;
    media: string;
    start: string;
    end?: string;
  },
) => {
  const question: AvailsQuestion = {
    languages: null,
    exclusive: true,
    match: 'cover-entire',
    ...q,
    territories: parseTerritories(q.territories),
    media: parseMedia(q.media),
    start: d(q.start),
    end: q.end ? d(q.end) : PERPETUITY,
  };
  return rollUpTitle('One Second', titleCells(blocks, question)).map((r) => ({
    territories: territoryLabel(r.territories),
    media: mediaLabel(r.media),
    status: r.outcome.status,
    reasons: r.outcome.reasons.map((x) => `${x.code}${x.contracts.length ? ' ' + x.contracts.join(',') : ''}`),
  }));
};

// The founding example: Wild Bunch's mandate, and Neon's North American all-rights deal.
const mandate = block('in', 'WB-MANDATE', 'Worldwide excluding China', 'All Media', '2020-01-01', '2040-12-31');
const neon = block('out', 'NEON-NA', 'North America', 'All Media', '2021-09-18', '2036-09-17');

describe('availability, from the examples of docs/domain.md and the seed article', () => {
  it("Neon's North American deal leaves the rest of Wild Bunch's mandate available", () => {
    const rows = ask([mandate, neon], { territories: 'Worldwide', media: 'All Media', start: '2022-01-01', end: '2022-12-31' });
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { territories: 'Worldwide excl. North America and China', media: 'All Media', status: 'available', reasons: [] },
        { territories: 'China', media: 'All Media', status: 'unavailable', reasons: ['no-rights-in'] },
        { territories: 'North America', media: 'All Media', status: 'unavailable', reasons: ['rights-out-exist NEON-NA'] },
      ]),
    );
  });

  it('a holdback blocks SVOD until its date, and only SVOD', () => {
    const holdback = block('holdback', 'NEON-NA', 'Germany', 'SVOD', '2021-09-18', '2023-03-17');
    const rows = ask([mandate, neon, holdback], {
      territories: 'Germany',
      media: 'SVOD, Theatrical',
      start: '2023-01-01',
      end: '2023-12-31',
      match: 'overlap-part',
    });
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { territories: 'Germany', media: 'SVOD', status: 'unavailable', reasons: ['holdback NEON-NA'] },
        { territories: 'Germany', media: 'SVOD', status: 'available', reasons: [] },
        { territories: 'Germany', media: 'Theatrical', status: 'available', reasons: [] },
      ]),
    );
    const svodLater = ask([mandate, neon, holdback], { territories: 'Germany', media: 'SVOD', start: '2023-03-18', end: '2024-12-31' });
    expect(svodLater).toEqual([{ territories: 'Germany', media: 'SVOD', status: 'available', reasons: [] }]);
  });

  it('a non-exclusive sale blocks an exclusive request but not a non-exclusive one', () => {
    const nonExclusive = block('out', 'AIRLINE-1', 'Worldwide', 'Airline', '2022-01-01', '2024-12-31', false);
    const q = { territories: 'France', media: 'Airline', start: '2023-01-01', end: '2023-12-31' };
    expect(ask([mandate, nonExclusive], { ...q, exclusive: true })).toEqual([
      { territories: 'France', media: 'Airline', status: 'unavailable', reasons: ['rights-out-exist AIRLINE-1'] },
    ]);
    expect(ask([mandate, nonExclusive], { ...q, exclusive: false })).toEqual([
      { territories: 'France', media: 'Airline', status: 'available', reasons: [] },
    ]);
  });

  it('a deal in negotiation shows as on hold, not sold', () => {
    const hold = block('hold', 'DIAPHANA-FR', 'France', 'All Media', '2022-01-01', '2036-12-31');
    expect(ask([mandate, hold], { territories: 'France', media: 'All Media', start: '2023-01-01', end: '2023-12-31' })).toEqual([
      { territories: 'France', media: 'All Media', status: 'on-hold', reasons: ['on-hold DIAPHANA-FR'] },
    ]);
  });

  it('says when our rights have not started or have expired', () => {
    const later = block('in', 'LATER', 'Japan', 'All Media', '2030-01-01', '2035-12-31');
    expect(ask([later], { territories: 'Japan', media: 'SVOD', start: '2027-01-01', end: '2027-12-31' })[0].reasons).toEqual([
      'not-yet-started LATER',
    ]);
    expect(ask([later], { territories: 'Japan', media: 'SVOD', start: '2037-01-01', end: '2037-12-31' })[0].reasons).toEqual([
      'expired LATER',
    ]);
  });

  it('answers "is Germany free for SVOD from 2027?" with the part of the window that is free', () => {
    const sale = block('out', 'ALAMODE-DE', 'Germany', 'SVOD', '2021-01-01', '2027-06-30');
    expect(
      ask([mandate, sale], { territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2028-12-31', match: 'overlap-part' }),
    ).toEqual([
      { territories: 'Germany', media: 'SVOD', status: 'unavailable', reasons: ['rights-out-exist ALAMODE-DE'] },
      { territories: 'Germany', media: 'SVOD', status: 'available', reasons: [] },
    ]);
    expect(
      ask([mandate, sale], { territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2028-12-31' }).map((r) => r.reasons),
    ).toEqual([['rights-out-exist ALAMODE-DE'], ['window-not-met']]);
  });
});

describe('bad questions get a typed error that names the field', () => {
  const base: AvailsQuestion = {
    territories: parseTerritories('Germany'),
    media: parseMedia('SVOD'),
    languages: null,
    start: d('2027-01-01'),
    end: d('2027-12-31'),
    exclusive: true,
    match: 'cover-entire',
  };
  const fieldOf = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return (e as DomainError).field;
    }
    throw new Error('no error');
  };
  it('names each bad part', () => {
    expect(fieldOf(() => checkQuestion({ ...base, territories: emptySet(256) }))).toBe('territories');
    expect(fieldOf(() => checkQuestion({ ...base, media: emptySet(32) }))).toBe('media');
    expect(fieldOf(() => checkQuestion({ ...base, end: d('2026-01-01') }))).toBe('window.end');
    expect(fieldOf(() => checkQuestion({ ...base, match: 'sometime' as never }))).toBe('match');
    expect(fieldOf(() => checkQuestion({ ...base, minDays: 0 }))).toBe('minDays');
    expect(fieldOf(() => checkQuestion({ ...base, languages: [] }))).toBe('languages');
    expect(fieldOf(() => parseDay('2027-02-30', 'start'))).toBe('start');
    expect(fieldOf(() => parseTerritories('Germny'))).toBe('territories');
    expect(fieldOf(() => parseMedia('SVDO'))).toBe('media');
  });
});

describe('outcomes are interned: equal status and reasons, one object', () => {
  it('whatever the order of the reasons and of their contracts, and with contracts repeated', () => {
    const a = makeOutcome('unavailable', [
      { code: 'rights-out-exist', contracts: ['B', 'A', 'B'] },
      { code: 'holdback', contracts: ['H'] },
    ]);
    const b = makeOutcome('unavailable', [
      { code: 'holdback', contracts: ['H'] },
      { code: 'rights-out-exist', contracts: ['A', 'B'] },
    ]);
    expect(b).toBe(a);
    expect(a.reasons).toEqual([
      { code: 'rights-out-exist', contracts: ['A', 'B'] },
      { code: 'holdback', contracts: ['H'] },
    ]);
    expect(a.key).toBe('unavailable|rights-out-exist:A,B;holdback:H');
  });

  it('tells apart outcomes that differ in status, in a reason, or in where a contract belongs', () => {
    const sold = makeOutcome('unavailable', [{ code: 'rights-out-exist', contracts: ['holdback'] }]);
    const twoReasons = makeOutcome('unavailable', [
      { code: 'rights-out-exist', contracts: [] },
      { code: 'holdback', contracts: [] },
    ]);
    expect(twoReasons).not.toBe(sold);
    expect(makeOutcome('on-hold', [{ code: 'on-hold', contracts: ['X'] }])).not.toBe(
      makeOutcome('unavailable', [{ code: 'on-hold', contracts: ['X'] }]),
    );
    expect(makeOutcome('unavailable', [{ code: 'rights-out-exist', contracts: ['A', 'B'] }])).not.toBe(
      makeOutcome('unavailable', [
        { code: 'rights-out-exist', contracts: ['A'] },
        { code: 'holdback', contracts: ['B'] },
      ]),
    );
    expect(new Set([sold.id, twoReasons.id]).size).toBe(2);
  });
});

describe('interned outcomes', () => {
  it('are forgotten when there are many, only between titles: rows of titles on either side still merge', () => {
    const mandate = block('in', 'WB-MANDATE', 'Worldwide', 'All Media', '2020-01-01', null);
    const sold = block('out', 'KOCH-DE', 'Germany', 'All Media', '2025-01-01', '2030-12-31');
    const question: AvailsQuestion = {
      territories: parseTerritories('Germany, France'),
      media: parseMedia('SVOD'),
      languages: null,
      start: d('2026-01-01'),
      end: d('2026-12-31'),
      exclusive: true,
      match: 'cover-entire',
    };
    const before = rollUpTitle('A', titleCells([mandate, sold], question));
    // more distinct outcomes than the interning keeps (one per imaginary contract)
    for (let i = 0; i <= 100_000; i++) makeOutcome('unavailable', [{ code: 'rights-out-exist', contracts: [`SALE-${i}`] }]);
    const after = rollUpTitle('B', titleCells([mandate, sold], question));
    expect(after.map((r) => r.outcome.key)).toEqual(before.map((r) => r.outcome.key));
    const merged = mergeTitles([...before, ...after]);
    expect(merged.map((r) => [territoryLabel(r.territories), r.outcome.status, r.titles])).toEqual([
      ['France', 'available', ['A', 'B']],
      ['Germany', 'unavailable', ['A', 'B']],
    ]);
    const again = makeOutcome('unavailable', [{ code: 'rights-out-exist', contracts: ['SALE-1'] }]);
    expect(makeOutcome('unavailable', [{ code: 'rights-out-exist', contracts: ['SALE-1'] }])).toBe(again);
  });
});

describe('an outcome table asked to forget', () => {
  const sold = [{ code: 'rights-out-exist' as const, contracts: ['SALE-7'] }];

  it('keeps only the lasting outcomes: the others are made again, equal but new', () => {
    const table = new OutcomeTable();
    const before = table.make('unavailable', sold);
    expect(table.make('unavailable', sold)).toBe(before);
    table.forgetAll();
    const after = table.make('unavailable', sold);
    expect(after).not.toBe(before);
    expect(after.key).toBe(before.key);
    expect(after.reasons).toEqual(before.reasons);
    expect(table.make('available', [])).toBe(AVAILABLE);
  });

  it('is what a rights index does after each answer: a title asked twice gets the same rows, with new outcomes', () => {
    const index = new RightsIndex();
    index.setTitle('A', [mandate, neon]);
    const q: AvailsQuestion = {
      territories: parseTerritories('North America, France'),
      media: parseMedia('Theatrical'),
      languages: null,
      start: d('2026-01-01'),
      end: d('2026-12-31'),
      exclusive: true,
      match: 'cover-entire',
    };
    const first = index.avails(['A'], q);
    const second = index.avails(['A'], q);
    const soldRow = (rows: typeof first) => rows.find((r) => r.outcome.status === 'unavailable')!;
    expect(second.map((r) => [territoryLabel(r.territories), r.outcome.key])).toEqual(
      first.map((r) => [territoryLabel(r.territories), r.outcome.key]),
    );
    expect(soldRow(second).outcome.reasons).toEqual([{ code: 'rights-out-exist', contracts: ['NEON-NA'] }]);
    // the first answer's outcomes were not kept (a young collection would have had to copy them)
    expect(soldRow(second).outcome).not.toBe(soldRow(first).outcome);
    expect(second.find((r) => r.outcome.status === 'available')!.outcome).toBe(AVAILABLE);
    // and a conflict check, which makes outcomes with the same table, forgets them likewise
    const proposed = {
      territories: parseTerritories('U.S.'),
      media: parseMedia('Theatrical'),
      languages: null,
      start: d('2026-01-01'),
      end: d('2026-12-31'),
      exclusive: true,
    };
    const c1 = index.conflicts('A', [proposed]).blocks[0].conflicts[0].outcome;
    const c2 = index.conflicts('A', [proposed]).blocks[0].conflicts[0].outcome;
    expect(c2.key).toBe(c1.key);
    expect(c2).not.toBe(c1);
  });
});

describe('a window partly on hold: the free periods are on hold too, never unavailable', () => {
  const rightsIn = block('in', 'WB-MANDATE', 'Germany, France', 'All Media', '2020-01-01', '2040-12-31');
  const holdDE = block('hold', 'KOCH-DE', 'Germany', 'SVOD', '2027-04-01', '2027-06-30');
  const year = { territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2027-12-31' };

  it('cover-entire: free before and after a hold inside the window is one on-hold answer for the whole window', () => {
    expect(ask([rightsIn, holdDE], year)).toEqual([
      { territories: 'Germany', media: 'SVOD', status: 'on-hold', reasons: ['on-hold KOCH-DE'] },
    ]);
  });

  it('cover-entire: the free periods name every hold inside the window, and only those', () => {
    const second = block('hold', 'MUBI-DE', 'Germany', 'SVOD', '2027-09-01', '2027-09-30');
    const nextYear = block('hold', 'LATER-DE', 'Germany', 'SVOD', '2028-03-01', '2028-03-31');
    const rows = ask([rightsIn, holdDE, second, nextYear], year);
    expect(rows.filter((r) => r.status !== 'on-hold')).toEqual([]);
    expect(rows.map((r) => r.reasons)).toEqual(
      expect.arrayContaining([['on-hold KOCH-DE,MUBI-DE'], ['on-hold KOCH-DE'], ['on-hold MUBI-DE']]),
    );
  });

  it('cover-entire: where something else blocks part of the window, the free periods still do not meet it', () => {
    const sale = block('out', 'ALAMODE-DE', 'Germany', 'SVOD', '2027-10-01', '2028-12-31');
    expect(ask([rightsIn, holdDE, sale], year).map((r) => [r.status, r.reasons])).toEqual([
      ['unavailable', ['window-not-met']],
      ['on-hold', ['on-hold KOCH-DE']],
      ['unavailable', ['window-not-met']],
      ['unavailable', ['rights-out-exist ALAMODE-DE']],
    ]);
  });

  it('a country without a hold keeps its own answer', () => {
    expect(ask([rightsIn, holdDE], { ...year, territories: 'Germany, France' })).toEqual(
      expect.arrayContaining([
        { territories: 'France', media: 'SVOD', status: 'available', reasons: [] },
        { territories: 'Germany', media: 'SVOD', status: 'on-hold', reasons: ['on-hold KOCH-DE'] },
      ]),
    );
  });

  it('a minimum window met only with the held days: on hold (the whole stretch counts, holds outside the window too)', () => {
    // sold to the end of 2026, free 2027-01-01..03-31 (90 days), held to 06-30, free again after:
    // a 150-day minimum fails on the free days alone
    const before = block('out', 'ALAMODE-DE', 'Germany', 'SVOD', '2020-01-01', '2026-12-31');
    const q = { ...year, end: '2027-02-28', match: 'overlap-part' as const, minDays: 150 };
    expect(ask([rightsIn, before, holdDE], q)).toEqual([
      { territories: 'Germany', media: 'SVOD', status: 'on-hold', reasons: ['on-hold KOCH-DE'] },
    ]);
    // sold again from 05-01: the stretch of free and held days (120 days) is too short as well
    const after = block('out', 'MUBI-DE', 'Germany', 'SVOD', '2027-05-01', '2028-12-31');
    expect(ask([rightsIn, before, holdDE, after], q)).toEqual([
      { territories: 'Germany', media: 'SVOD', status: 'unavailable', reasons: ['window-not-met'] },
    ]);
  });

  it('start-within and end-within: the stretch must start or end inside the window as a free period would', () => {
    const from = { ...year, start: '2027-06-01', end: '2027-08-31' };
    const sale = block('out', 'ALAMODE-DE', 'Germany', 'SVOD', '2020-01-01', '2027-06-30');
    const hold = block('hold', 'KOCH-DE', 'Germany', 'SVOD', '2027-08-01', '2027-12-31');
    // free from 07-01 to 07-31 (31 days), held from 08-01: starts inside the window
    expect(ask([rightsIn, sale, hold], { ...from, match: 'start-within', minDays: 60 }).map((r) => [r.status, r.reasons])).toEqual([
      ['unavailable', ['rights-out-exist ALAMODE-DE']],
      ['on-hold', ['on-hold KOCH-DE']],
    ]);
    // the free days alone are too short; with the held days the stretch runs to the mandate's end, outside the window
    expect(ask([rightsIn, sale, hold], { ...from, match: 'end-within', minDays: 60 }).map((r) => [r.status, r.reasons])).toEqual([
      ['unavailable', ['rights-out-exist ALAMODE-DE']],
      ['unavailable', ['window-not-met']],
      ['on-hold', ['on-hold KOCH-DE']],
    ]);
  });
});
