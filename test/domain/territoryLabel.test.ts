import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Bitset, emptySet, equals, fromIndices, isEmpty, minus, union } from '../../src/domain/bitset.js';
import { COUNTRIES } from '../../src/domain/countries.js';
import {
  TERRITORY_GROUPS,
  WORLDWIDE,
  parseTerritories,
  territoryCodes,
  territoryLabel,
  territorySetFromCodes,
} from '../../src/domain/territories.js';

const label = (expr: string) => territoryLabel(parseTerritories(expr));
const roundTrips = (s: Bitset) => {
  const l = territoryLabel(s);
  const back = parseTerritories(l);
  if (!equals(back, s)) {
    throw new Error(`"${l}" parses to ${territoryCodes(back).join(' ')}, not ${territoryCodes(s).join(' ')}`);
  }
};

describe('territoryLabel', () => {
  it('names sets as people write them', () => {
    expect(label('World')).toBe('Worldwide');
    expect(label('U.S. and Canada')).toBe('North America');
    expect(label('DE')).toBe('Germany');
    expect(label('Worldwide excl. China and North America')).toBe('Worldwide excl. North America and China');
    expect(label('BE, NL, LU, DE')).toBe('Benelux and Germany');
    expect(label('Latin America except Brazil')).toBe('Latin America excl. Brazil');
    expect(label('USA')).toBe('U.S.');
    expect(label('UK & Eire')).toBe('U.K. and Ireland');
    expect(label('Australia, New Zealand')).toBe('Australia and New Zealand');
    expect(label('Worldwide excl. U.S.')).toBe('Worldwide excl. U.S.');
    expect(label('China, Hong Kong, Macau, Taiwan')).toBe('Greater China');
    expect(label('Pan-Asia excl. Japan and China')).toBe('Pan-Asia excl. China and Japan');
  });
  it('names the bare ISO code of a group-named country by exclusion', () => {
    expect(territoryLabel(territorySetFromCodes(['US']))).toBe('U.S. excl. U.S. Territories');
    expect(territoryLabel(territorySetFromCodes(['GB']))).toBe('U.K. excl. Channel Islands and Isle of Man');
    expect(territoryLabel(territorySetFromCodes(['IT']))).toBe('Italy excl. San Marino and Vatican City');
    expect(territoryLabel(territorySetFromCodes(['FR']))).toBe('Metropolitan France');
  });
  it('labels the empty set', () => {
    expect(territoryLabel(emptySet(COUNTRIES.size))).toBe('no territories');
  });
  it('round-trips every group, every country and every group complement', () => {
    for (const g of TERRITORY_GROUPS) {
      roundTrips(g.set);
      if (!equals(g.set, WORLDWIDE)) roundTrips(minus(WORLDWIDE, g.set));
    }
    for (let i = 0; i < COUNTRIES.size; i++) {
      const s = fromIndices(COUNTRIES.size, [i]);
      roundTrips(s);
      roundTrips(minus(WORLDWIDE, s));
    }
  });
  it('round-trips random sets of countries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: COUNTRIES.size - 1 }), { minLength: 1, maxLength: COUNTRIES.size }), (idx) => {
        roundTrips(fromIndices(COUNTRIES.size, idx));
      }),
      { numRuns: 60 },
    );
  });
  it('round-trips random unions and differences of groups', () => {
    const groupIdx = fc.integer({ min: 0, max: TERRITORY_GROUPS.length - 1 });
    const step = fc.record({
      g: groupIdx,
      op: fc.constantFrom('union', 'minus', 'minus-country', 'plus-country'),
      c: fc.integer({ min: 0, max: COUNTRIES.size - 1 }),
    });
    fc.assert(
      fc.property(groupIdx, fc.array(step, { maxLength: 5 }), (first, steps) => {
        let s = TERRITORY_GROUPS[first].set;
        for (const { g, op, c } of steps) {
          const one = fromIndices(COUNTRIES.size, [c]);
          if (op === 'union') s = union(s, TERRITORY_GROUPS[g].set);
          else if (op === 'minus') s = minus(s, TERRITORY_GROUPS[g].set);
          else if (op === 'minus-country') s = minus(s, one);
          else s = union(s, one);
        }
        if (isEmpty(s)) return;
        roundTrips(s);
      }),
      { numRuns: 250 },
    );
  });
});
