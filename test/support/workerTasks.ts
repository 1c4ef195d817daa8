/** Tasks for test/workers/pool.test.ts: a worker that answers, fails, eats memory, or never ends. */
import { DomainError } from '../../src/domain/errors.js';

export const tasks = {
  echo: (x: unknown) => ({ echoed: x }),
  fail: (field: string) => {
    throw new DomainError('invalid', field, 42, `${field}: not good`);
  },
  /** Keeps allocating until the heap limit stops it. */
  hog: () => {
    const keep: string[][] = [];
    for (;;) keep.push(Array.from({ length: 10_000 }, (_, i) => `row ${keep.length} cell ${i}`));
  },
  spin: () => {
    for (;;);
  },
};
