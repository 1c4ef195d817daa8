import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest, editDistance, fuzzyMatch, fuzzyScore, normalizeName } from '../../src/domain/fuzzy.js';

describe('normalizeName', () => {
  it('folds case, accents, punctuation, "the" and &', () => {
    expect(normalizeName('Céline  Sciamma')).toBe('celine sciamma');
    expect(normalizeName('the U.K.')).toBe('uk');
    expect(normalizeName('UK & Eire')).toBe('uk and eire');
    expect(normalizeName("Côte d'Ivoire")).toBe('cote divoire');
    expect(normalizeName('German-speaking  territories')).toBe('german speaking territories');
    expect(normalizeName('Straße, Øresund, Łódź')).toBe('strasse oresund lodz');
    expect(normalizeName('Theatre')).toBe('theatre');
    expect(normalizeName('  ')).toBe('');
  });
});

describe('editDistance (optimal string alignment)', () => {
  it('counts edits and adjacent transpositions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('germany', 'germny')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau (2)
    expect(editDistance('scandanavia', 'scandinavia')).toBe(1);
  });
  it('stops early past max', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('abcdef', 'abcxef', 2)).toBe(1);
  });
  it('answers "more than max" the same way whichever row the distance grows in', () => {
    expect(editDistance(' T', 'T! ', 1)).toBe(2);
    expect(editDistance('T! ', ' T', 1)).toBe(2);
  });

  it('is a symmetric distance with the usual bounds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
        expect(editDistance(a, b, 1)).toBe(Math.min(d, 2));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('closest', () => {
  const names = ['Germany', 'Georgia', 'Ghana', 'Scandinavia', 'North America', 'South America', 'Latin America'];
  it('suggests the near names, best first', () => {
    expect(closest('Germny', names)[0]).toBe('Germany');
    expect(closest('Scandanavia', names)).toEqual(['Scandinavia']);
    expect(closest('north amercia', names)[0]).toBe('North America');
    expect(closest('Lat', names)).toEqual(['Latin America']);
    expect(closest('zzzzzz', names)).toEqual([]);
  });
  it('respects the limit and lists a name once', () => {
    expect(closest('america', [...names, 'north america'], 2)).toHaveLength(2);
    expect(closest('Germany', ['Germany', 'germany', 'GERMANY'])).toEqual(['Germany']);
  });
});

describe('fuzzyScore / fuzzyMatch', () => {
  it('forgives typos, accents and case', () => {
    expect(fuzzyMatch('Titanne', 'Titane')).toBe(true);
    expect(fuzzyMatch('Celine Sciamma', 'Céline Sciamma')).toBe(true);
    expect(fuzzyScore('celine sciamma', 'Céline Sciamma')).toBe(1);
    expect(fuzzyMatch('petite mam', 'Petite Maman')).toBe(true);
    expect(fuzzyMatch('wildbunch', 'Wild Bunch')).toBe(true);
    expect(fuzzyMatch('zhang yimou', 'One Second, by Zhang Yimou')).toBe(true);
  });
  it('does not match unrelated text', () => {
    expect(fuzzyMatch('Parasite', 'Memoria')).toBe(false);
    expect(fuzzyMatch('Titane', 'One Second')).toBe(false);
    expect(fuzzyScore('', 'anything')).toBe(0);
  });
  it('ranks exact above typo above unrelated', () => {
    const exact = fuzzyScore('Titane', 'Titane');
    const typo = fuzzyScore('Titanne', 'Titane');
    expect(exact).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(fuzzyScore('Titanne', 'Memoria'));
  });
  it('is fast enough for search over a catalog', () => {
    const titles = Array.from({ length: 5000 }, (_, i) => `Film number ${i} of the Cannes selection`);
    const t0 = performance.now();
    let n = 0;
    for (const t of titles) if (fuzzyMatch('canes selecton', t)) n++;
    expect(n).toBe(5000);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
