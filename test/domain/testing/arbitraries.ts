/** fast-check generators of small random catalogs and questions, over small universes. */
import fc from 'fast-check';
import { fromIndices } from '../../../src/domain/bitset.js';
import { PERPETUITY } from '../../../src/domain/dates.js';
import type { AvailsQuestion, MatchType } from '../../../src/domain/avails.js';
import type { BlockKind, RightsBlock } from '../../../src/domain/rights.js';

export const SMALL = { countries: 6, media: 4, horizon: 40 } as const;

const subset = (size: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { minLength: 1, maxLength: size }).map((ix) => fromIndices(size, ix));

const languages = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom('fr', 'de', 'es'), { minLength: 1, maxLength: 2 }).map((l) => l.sort()) },
);

const term = fc
  .tuple(fc.integer({ min: 0, max: SMALL.horizon }), fc.integer({ min: 0, max: SMALL.horizon }), fc.boolean())
  .map(([a, b, open]) => ({ start: Math.min(a, b), end: open ? PERPETUITY : Math.max(a, b) }));

export const block: fc.Arbitrary<RightsBlock> = fc
  .record({
    contract: fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5'),
    kind: fc.constantFrom<BlockKind>('in', 'in', 'out', 'hold', 'holdback'),
    territories: subset(SMALL.countries),
    media: subset(SMALL.media),
    languages,
    term,
    exclusive: fc.boolean(),
  })
  .map(({ term: t, ...b }) => ({ ...b, start: t.start, end: t.end }));

export const catalog = fc.array(block, { minLength: 0, maxLength: 7 });

export const question: fc.Arbitrary<AvailsQuestion> = fc
  .record({
    territories: subset(SMALL.countries),
    media: subset(SMALL.media),
    languages,
    a: fc.integer({ min: 0, max: SMALL.horizon }),
    b: fc.integer({ min: 0, max: SMALL.horizon }),
    open: fc.boolean(),
    exclusive: fc.boolean(),
    match: fc.constantFrom<MatchType>('cover-entire', 'overlap-part', 'start-within', 'end-within'),
    minDays: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  })
  .map(({ a, b, open, ...q }) => ({ ...q, start: Math.min(a, b), end: open ? PERPETUITY : Math.max(a, b) }));
