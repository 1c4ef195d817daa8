import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSetKeys, setKey } from '../../src/domain/bitset.js';

const word = fc.oneof(
  fc.constantFrom(0, 1, 35, 36, 1295, 1296, 2 ** 31, 2 ** 32 - 1),
  fc.integer({ min: 0, max: 2000 }),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => Uint32Array.from(ws));

describe('compareSetKeys', () => {
  it('orders sets exactly as their setKey strings compare', () => {
    fc.assert(
      fc.property(words, words, fc.nat(3), (a, b, shared) => {
        // often share leading words, so that later words decide
        for (let i = 0; i < Math.min(shared, a.length, b.length - 1); i++) b[i] = a[i];
        const ka = setKey(a);
        const kb = setKey(b);
        expect(Math.sign(compareSetKeys(a, b))).toBe(ka < kb ? -1 : ka > kb ? 1 : 0);
      }),
      { numRuns: 5000 },
    );
  });
});
