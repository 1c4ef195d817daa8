/**
 * An open-loop schedule, as "N requests per second" means: request i is due
 * at start + i / rate and is sent then, whether or not earlier ones have been
 * answered; its latency runs from the moment it was due, so a stalled server
 * (or a late client) shows in the figures instead of slowing the schedule
 * down (no coordinated omission).
 */
export interface OpenLoopResult {
  /** Milliseconds from due time to the end of the response body, sorted. */
  latencies: number[];
  seconds: number;
  sent: number;
  failed: number;
}

export async function openLoop(rate: number, seconds: number, send: (i: number) => Promise<boolean>): Promise<OpenLoopResult> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      send(i).then(
        (ok) => {
          latencies.push(performance.now() - due);
          if (!ok) failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { latencies, seconds: (performance.now() - start) / 1000, sent: total, failed };
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
