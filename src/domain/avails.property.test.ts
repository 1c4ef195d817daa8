import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { has, setKey, toIndices } from './bitset.js';
import { titleCells, type AvailsQuestion } from './avails.js';
import { rollUpTitle, type RolledRow } from './rollup.js';
import type { RightsBlock } from './rights.js';
import { oracleAvails, oracleLanguages } from './testing/oracle.js';
import { SMALL, catalog, question } from './testing/arbitraries.js';

function reasonKey(status: string, reasons: Array<{ code: string; contracts: string[] }>): string {
  return status + '|' + reasons.map((r) => r.code + ':' + [...r.contracts].sort().join(',')).join(';');
}

/** Expands rolled-up rows into cells over the oracle's days; fails on a cell covered twice. */
function expand(rows: RolledRow[], q: AvailsQuestion, universe: string[]): Map<string, string> {
  const cells = new Map<string, string>();
  const last = Math.min(q.end, SMALL.horizon + 1);
  for (const r of rows) {
    for (const c of toIndices(r.territories))
      for (const m of toIndices(r.media))
        for (const l of r.languages ?? universe.filter((a) => !r.languagesExcept.includes(a)))
          for (let d = Math.max(r.start, q.start); d <= Math.min(r.end, last); d++) {
            const k = `${c}/${m}/${l}/${d}`;
            if (cells.has(k)) throw new Error(`cell ${k} is in two rows`);
            cells.set(k, reasonKey(r.outcome.status, r.outcome.reasons));
          }
  }
  return cells;
}

function answer(blocks: RightsBlock[], q: AvailsQuestion): RolledRow[] {
  return rollUpTitle('T', titleCells(blocks, q));
}

describe('availability agrees with the brute-force oracle, cell by cell', () => {
  it('on thousands of random catalogs and questions', () => {
    fc.assert(
      fc.property(catalog, question, (blocks, q) => {
        const rows = answer(blocks, q);
        const got = expand(rows, q, oracleLanguages(blocks, q));
        const want = oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media);
        expect(got.size).toBe(want.length);
        for (const c of want) {
          expect(got.get(`${c.country}/${c.media}/${c.language}/${c.day}`), `cell ${c.country}/${c.media}/${c.language}/${c.day}`).toBe(
            reasonKey(c.status, c.reasons),
          );
        }
        // rows never stick out of the question
        for (const r of rows) {
          for (const c of toIndices(r.territories)) expect(has(q.territories, c)).toBe(true);
          expect(r.start).toBeGreaterThanOrEqual(q.start);
          expect(r.end).toBeLessThanOrEqual(q.end);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('rolls up as far as a greedy merge allows: no two rows could be merged', () => {
    fc.assert(
      fc.property(catalog, question, (blocks, q) => {
        const rows = answer(blocks, q);
        for (let i = 0; i < rows.length; i++)
          for (let j = i + 1; j < rows.length; j++) {
            const a = rows[i];
            const b = rows[j];
            if (a.outcome !== b.outcome) continue;
            const sameT = setKey(a.territories) === setKey(b.territories);
            const sameM = setKey(a.media) === setKey(b.media);
            const sameL = JSON.stringify([a.languages, a.languagesExcept]) === JSON.stringify([b.languages, b.languagesExcept]);
            const samePeriod = a.start === b.start && a.end === b.end;
            const touching = a.end + 1 === b.start || b.end + 1 === a.start;
            const mergeable =
              (sameM && sameL && samePeriod) || (sameT && sameL && samePeriod) || (sameT && sameM && samePeriod) || (sameT && sameM && sameL && touching);
            expect(mergeable, `rows ${i} and ${j} say the same thing and could be one`).toBe(false);
          }
      }),
      { numRuns: 2000 },
    );
  });
});
