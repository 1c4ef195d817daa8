import { describe, expect, it } from 'vitest';
import {
  describeCondition,
  describeResolution,
  eventKey,
  parseCondition,
  releaseEvents,
  resolveBlocks,
  resolveCondition,
  type Condition,
} from '../../src/domain/conditions.js';
import { fullSet } from '../../src/domain/bitset.js';
import { parseDay, PERPETUITY } from '../../src/domain/dates.js';
import { outcomeOn } from '../../src/domain/avails.js';
import { domainError } from './testing/expectError.js';

const deTheatrical6m: Condition = { event: 'release', territory: 'DE', media: 'theatrical', window: null, offset: 6, unit: 'months' };

describe('conditions: the trade phrases', () => {
  it('reads "18 months after first theatrical release in DE"', () => {
    expect(parseCondition('18 months after first theatrical release in DE')).toEqual({
      event: 'release',
      territory: 'DE',
      media: 'theatrical',
      window: null,
      offset: 18,
      unit: 'months',
    });
  });
  it('reads country names, days before, delivery and broadcast', () => {
    expect(parseCondition('90 days after the streaming release in Germany')).toMatchObject({
      territory: 'DE',
      media: 'streaming',
      offset: 90,
      unit: 'days',
    });
    expect(parseCondition('30 days before festival premiere')).toMatchObject({ event: 'festival-premiere', offset: -30 });
    expect(parseCondition('delivery')).toMatchObject({ event: 'delivery', offset: 0 });
    expect(parseCondition('7 days after first broadcast in France')).toMatchObject({ event: 'broadcast', territory: 'FR', offset: 7 });
  });
  it('refuses what it cannot read, naming the field', () => {
    expect(domainError(() => parseCondition('when the moon is full', 'terms[0].start')).message).toMatch(/^terms\[0\]\.start:/);
    expect(domainError(() => parseCondition('6 months after theatrical release in Atlantis')).message).toMatch(
      /"Atlantis" is not a country/,
    );
  });
});

describe('conditions: resolution', () => {
  it('adds months as calendar months, and days as days', () => {
    const events = new Map([[eventKey(deTheatrical6m), parseDay('2027-03-31')]]);
    expect(resolveCondition(deTheatrical6m, events)).toBe(parseDay('2027-10-01'));
    expect(resolveCondition({ ...deTheatrical6m, offset: -10, unit: 'days' }, events)).toBe(parseDay('2027-03-21'));
    expect(resolveCondition(deTheatrical6m, new Map())).toBeNull();
  });
  it('takes the first release per country and medium, and the first festival screening anywhere', () => {
    const ev = releaseEvents([
      { territory: 'DE', kind: 'theatrical', day: 200 },
      { territory: 'DE', kind: 'theatrical', day: 100 },
      { territory: 'FR', kind: 'festival', day: 50 },
      { territory: 'IT', kind: 'festival', day: 40 },
    ]);
    expect(ev.get('release:DE:theatrical')).toBe(100);
    expect(ev.get('festival-premiere')).toBe(40);
  });
  it('says what it waits for in words', () => {
    expect(describeCondition(deTheatrical6m)).toBe('the German theatrical release + 6 months');
    expect(describeResolution({ ...deTheatrical6m, territory: 'US', offset: 0 }, new Map())).toBe(
      'depends on the U.S. theatrical release, not yet dated',
    );
  });
  it('follows another window: a window from the end of the first one', () => {
    const base = { kind: 'in' as const, territories: fullSet(3), media: fullSet(2), languages: null, exclusive: true, contract: 'C' };
    const [first, second] = resolveBlocks(
      [
        {
          ...base,
          id: 'w1',
          start: { date: 10, condition: null },
          end: { date: null, condition: { ...deTheatrical6m, offset: 5, unit: 'days' } },
        },
        {
          ...base,
          id: 'w2',
          start: { date: null, condition: { event: 'window-end', territory: null, media: null, window: 'w1', offset: 1, unit: 'days' } },
          end: { date: null, condition: null },
        },
      ],
      new Map([['release:DE:theatrical', 20]]),
    );
    expect(first).toMatchObject({ start: 10, end: 25 });
    expect(second).toMatchObject({ start: 26, end: PERPETUITY });
    expect(second.undated).toBeUndefined();
  });
});

describe('undated blocks in the rule', () => {
  const place = { territories: fullSet(1), media: fullSet(1), languages: null };
  it('a grant whose start depends is not available yet: status and reason depends', () => {
    const o = outcomeOn([{ ...place, contract: 'IN', kind: 'in', start: -1e9, end: PERPETUITY, exclusive: true, undated: true }], 5, true);
    expect(o.status).toBe('depends');
    expect(o.reasons).toEqual([{ code: 'depends', contracts: ['IN'] }]);
  });
  it('a holdback whose end depends blocks, with reason depends, and a sure sale is reported as such', () => {
    const rightsIn = { ...place, contract: 'IN', kind: 'in' as const, start: 0, end: PERPETUITY, exclusive: true };
    const hb = { ...place, contract: 'HB', kind: 'holdback' as const, start: 0, end: PERPETUITY, exclusive: false, undated: true };
    expect(outcomeOn([rightsIn, hb], 5, false).reasons).toEqual([{ code: 'depends', contracts: ['HB'] }]);
    expect(outcomeOn([rightsIn, hb], 5, false).status).toBe('depends');
    const sale = { ...place, contract: 'OUT', kind: 'out' as const, start: 0, end: 9, exclusive: true };
    expect(outcomeOn([rightsIn, hb, sale], 5, false).reasons).toEqual([{ code: 'rights-out-exist', contracts: ['OUT'] }]);
    expect(outcomeOn([rightsIn, hb, sale], 5, false).status).toBe('unavailable');
  });
});
