/**
 * The one writer of imports. Every importer (the JSON document, EMA avails,
 * deal and catalog sheets, and accepted article facts) hands over a plan
 * (src/interchange/plan.ts, with the records and facts parts of records.ts
 * when the import has more than rights); `commitPlan` writes it through
 * the same services as manual entry, one writer module per part (rights.ts:
 * checkTitle / insertTitle, findOrCreateCompanyIn, checkContract /
 * writeContractIn with its conflict check; writeRecords.ts;
 * acceptedFacts.ts), inside ONE transaction: any problem rolls everything
 * back. A preview is the same run, rolled back at the end, so it sees
 * exactly what a commit would (conflicts included).
 *
 * A plan is given as data, or as a function that reads it inside the
 * write transaction (the JSON document plans against the catalog as that
 * transaction sees it).
 */
import { sql, type Kysely } from 'kysely';
import type { RunOptions, RunResult } from '../../interchange/plan.js';
import { ImportRefused, type Problems } from '../../interchange/problems.js';
import type { Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { writeAcceptedFacts } from './acceptedFacts.js';
import type { WritePlan } from './records.js';
import { precheck, writeRights } from './rights.js';
import { writeRecords } from './writeRecords.js';

/** A plan, or how to read it inside the write transaction. */
export type PlanSource = WritePlan | ((trx: Kysely<Database>) => Promise<WritePlan>);

class Rollback extends Error {}

/** Contract refs not yet taken ("EMA-ITUNES-FIRST-DANCE", then "-2"...). */
export async function freeRefs(app: FilmRights, wanted: string[]): Promise<string[]> {
  const taken = new Set((await app.store.db.selectFrom('contracts').select('ref').execute()).map((r) => r.ref));
  return wanted.map((w) => {
    let ref = w;
    for (let n = 2; taken.has(ref); n++) ref = `${w}-${n}`;
    taken.add(ref);
    return ref;
  });
}

/** Checks and writes a plan in one transaction: committed only when `commit` and nothing went wrong; else rolled back. */
export async function commitPlan(
  app: FilmRights,
  actor: Actor,
  source: PlanSource,
  problems: Problems,
  opts: RunOptions,
): Promise<RunResult> {
  requireWriter(actor);
  const result: RunResult = {
    committed: false,
    created: { titles: 0, companies: 0, contracts: 0, blocks: 0 },
    titles: [],
    companies: [],
    contracts: [],
    problems: problems.list,
  };
  // Check what can be checked without the database first: a refused file never opens a write transaction.
  const checked = typeof source === 'function' ? null : precheck(source, problems);
  const touched = new Set<string>();
  let hasRecords = false;
  if (!problems.errors.length) {
    try {
      await app.store.transaction(async (trx) => {
        const plan = typeof source === 'function' ? await source(trx) : source;
        const checkedTitles = checked ?? precheck(plan, problems);
        if (problems.errors.length) throw new Rollback();
        if (plan.titles.length || plan.companies.length || plan.contracts.length)
          await writeRights(trx, app, actor, plan, checkedTitles, problems, opts, result, touched);
        if (plan.records) {
          hasRecords = true;
          result.summary = await writeRecords(trx, app, actor, plan.records);
        }
        if (plan.facts) result.facts = await writeAcceptedFacts(trx, app, actor, plan.facts, touched);
        if (problems.errors.length || !opts.commit) throw new Rollback();
      });
      result.committed = true;
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
      await truncateWal(app);
    }
  }
  if (result.committed) {
    if (hasRecords) await app.rebuildIndex();
    else await app.refreshTitles([...touched]);
  }
  result.problems = problems.list;
  if (opts.commit && problems.errors.length) throw new ImportRefused(problems.list);
  return result;
}

/**
 * After a rolled-back preview, SQLite's write-ahead log keeps the size of
 * everything the preview wrote (hundreds of MB for a large file) until the
 * next checkpoint: empty it now.
 */
async function truncateWal(app: FilmRights): Promise<void> {
  if (app.store.dialect !== 'sqlite') return;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(app.store.db).catch(() => {});
}

/** The former name of `commitPlan`. */
export const runPlan = commitPlan;
