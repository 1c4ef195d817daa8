/**
 * A page of the catalog-wide avails answer, in the service (askAvails in-process, no HTTP) against
 * the engine's RightsIndex.availsPage alone, on a store-backed app, in the same run: what the
 * service adds to a page (the titles asked, the page's titles left out and why, names, parties).
 *
 * Baseline measured in the same run: the work the service did for every page before it read only
 * the page's stretch of titles (every title of the catalog listed, filtered for series and
 * seasons, and walked for the titles left out: `everyTitleWork` below, as it was in askAvails).
 *
 * BENCH_PAGE_STORE_FILE: a SQLite store to ask (its index snapshot `<file>.rights-index` beside it
 * makes the start seconds, not minutes); else one of BENCH_PAGE_TITLES (default 2,000) synthetic
 * titles is made in a temporary directory.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilmRights, SYSTEM } from '../src/services/app.js';
import { askAvails, encodeCursor } from '../src/services/avails.js';
import type { AvailsInput } from '../src/contract/rights.js';
import { parseQuestion } from '../src/services/avails.js';
import { makeSqliteStore } from './syntheticStore.js';

const now = () => performance.now();
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 15);

/** What askAvails did for every page before this change: every title listed, filtered, and walked (the titles asked and left out). */
async function everyTitleWork(
  app: FilmRights,
  after: string | undefined,
  last: string | null,
  shown: Set<string>,
): Promise<{ asked: number; left: number }> {
  const asked = (await app.allTitleIds()).filter((id) => app.tree.children(id).length === 0);
  const onPage = (id: string) => (after === undefined || id > after) && (last == null || id <= last);
  let left = 0;
  for (const id of asked) if (!shown.has(id) && onPage(id) && app.titleName(id)) left++;
  return { asked: asked.length, left };
}

export async function availsPageBench(): Promise<void> {
  const kept = process.env.BENCH_PAGE_STORE_FILE;
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'filmrights-page-bench-'));
  try {
    const file = kept ?? join(dir!, 'bench.db');
    if (!existsSync(file)) await makeSqliteStore(file, Number(process.env.BENCH_PAGE_TITLES ?? 2_000));
    const snapshot = `${file}.rights-index`;
    const t0 = now();
    const app = await FilmRights.open({
      file,
      indexSnapshot: existsSync(snapshot) ? { file: snapshot, write: false, log: () => undefined } : undefined,
    });
    const openMs = now() - t0;
    try {
      const question: AvailsInput = { territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2028-12-31' };
      const q = parseQuestion(question);
      const asked = await app.askedTitles();
      const middle = asked[Math.floor(asked.length / 2)];
      const out: string[] = [];
      for (const [name, after] of [
        ['first page', undefined],
        ['middle page', middle],
      ] as const) {
        const input: AvailsInput = { ...question, limit: 1000, ...(after === undefined ? {} : { cursor: encodeCursor(after) }) };
        const service: number[] = [];
        const engine: number[] = [];
        const before: number[] = [];
        let same = true;
        let answer = await askAvails(app, SYSTEM, input); // warm-up, not timed
        for (let round = 0; round < ROUNDS; round++) {
          let t = now();
          answer = await askAvails(app, SYSTEM, input);
          service.push(now() - t);
          t = now();
          const page = app.index.availsPage(q, { ...(after === undefined ? {} : { after }), limit: 1000 }, { notShown: () => {} });
          engine.push(now() - t);
          const shown = new Set(answer.rows.flatMap((r) => r.titleIds));
          t = now();
          const old = await everyTitleWork(app, after, page.last, shown);
          before.push(now() - t);
          same &&= old.asked === answer.asked && old.left === answer.notShown.count;
        }
        out.push(
          `| ${name} (1,000 titles) | ${fmt(median(service))} ms | ${fmt(median(engine))} ms | ${fmt(median(service) + median(before))} ms (the every-title work alone: ${fmt(median(before))} ms) | ${answer.rows.length} rows, ${answer.notShown.count} left out${same ? ', as before' : ' (ASKED OR LEFT OUT DIFFER FROM BEFORE)'} |`,
        );
      }
      console.log(
        `\nA page of the catalog-wide answer, ${asked.length.toLocaleString('en')} titles asked, ${app.index.blockCount.toLocaleString('en')} blocks (SQLite; start ${fmt(openMs)} ms; medians of ${ROUNDS}):\n`,
      );
      console.log(
        '| page | askAvails now | availsPage (engine alone) | askAvails before (baseline: now + the every-title work) | answer |',
      );
      console.log('|---|---|---|---|---|');
      for (const line of out) console.log(line);
    } finally {
      await app.close();
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
