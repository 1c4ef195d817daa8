/**
 * Where a write's time goes (issue 18): the phases of a deal's save, timed only
 * while a benchmark (or an operator's diagnosis) has switched timing on. Off, a
 * phase costs one boolean test; on, one performance.now() pair and a push into a
 * bounded array per phase. The bench prints each phase's p50/p99 next to the
 * request latencies of the same run (bench/load.bench.ts).
 *
 * Phases of a deal save (saveContract):
 * - `wait`: from asking for the transaction to being in it (a pooled connection
 *   on PostgreSQL; the one connection's mutex and BEGIN IMMEDIATE on SQLite);
 * - `lock`: locking the deal's titles (row locks on PostgreSQL; nothing on SQLite);
 * - `check`: the conflict check against the store (reading the titles' rights, the engine);
 * - `sql`: the rest of the transaction's statements (existence checks, the rows);
 * - `feed`: appending to the rights change feed;
 * - `audit`: reading the contract back and writing its audit entry;
 * - `commit`: COMMIT (and, on SQLite, the WAL write);
 * - `index`: refreshing this server's index from the store after the commit;
 * - `answer`: reading the saved contract for the response;
 * - `save`: the whole saveContract;
 * - `serialise`: turning an answer (any route) into JSON text;
 * - `feed-poll`: one poll of the change feed (reading it and refreshing the titles it names).
 */

/** At most this many samples per phase are kept (a long run keeps its first ones). */
const MAX_SAMPLES = 200_000;

let samples: Map<string, number[]> | null = null;

/** Starts timing (clearing earlier samples). */
export function startWriteTiming(): void {
  samples = new Map();
}

/** Stops timing and returns the samples by phase, in milliseconds. */
export function stopWriteTiming(): Map<string, number[]> {
  const out = samples ?? new Map<string, number[]>();
  samples = null;
  return out;
}

export function writeTimingOn(): boolean {
  return samples !== null;
}

/** Records `ms` under `phase` (when timing is on). */
export function recordPhase(phase: string, ms: number): void {
  if (!samples) return;
  let list = samples.get(phase);
  if (!list) samples.set(phase, (list = []));
  if (list.length < MAX_SAMPLES) list.push(ms);
}

/** Runs `fn`, recording its time under `phase` when timing is on. */
export async function timed<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  if (!samples) return fn();
  const started = performance.now();
  try {
    return await fn();
  } finally {
    recordPhase(phase, performance.now() - started);
  }
}

/** Synchronous `timed`. */
export function timedSync<T>(phase: string, fn: () => T): T {
  if (!samples) return fn();
  const started = performance.now();
  try {
    return fn();
  } finally {
    recordPhase(phase, performance.now() - started);
  }
}

/**
 * A stopwatch for one operation: each lap's time is added to the phase it names,
 * and `done()` records the sums (one sample per phase per operation). Nothing when timing is off.
 */
export interface Stopwatch {
  lap(phase: string): void;
  /** Records the laps, and the whole time since the stopwatch started under `total` when named. */
  done(total?: string): void;
}

export function stopwatch(): Stopwatch {
  if (!samples) return { lap: () => undefined, done: () => undefined };
  const started = performance.now();
  let last = started;
  const sums = new Map<string, number>();
  return {
    lap(phase: string) {
      const now = performance.now();
      sums.set(phase, (sums.get(phase) ?? 0) + now - last);
      last = now;
    },
    done(total?: string) {
      for (const [phase, ms] of sums) recordPhase(phase, ms);
      if (total) recordPhase(total, performance.now() - started);
    },
  };
}
