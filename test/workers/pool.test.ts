/**
 * The worker pool (src/workers/pool.ts): a task over its memory or time limit
 * is stopped and its caller told so, cleanly, while the main thread keeps
 * going; errors cross back with their fields.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TaskPool, WorkerLimitError } from '../../src/workers/pool.js';

const module = new URL('../support/workerTasks.ts', import.meta.url);

describe('worker pool', () => {
  const pool = new TaskPool({ name: 'test task', module, memoryMb: 64, timeoutMs: 30_000 });
  afterAll(() => pool.close());

  it('runs a task and returns plain data', async () => {
    expect(await pool.run('echo', { a: [1, 2] })).toEqual({ echoed: { a: [1, 2] } });
  });

  it("gives back a task's error with its fields", async () => {
    const e = (await pool.run('fail', 'territory').catch((x: unknown) => x)) as Error & { code: string; field: string };
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'DomainError', code: 'invalid', field: 'territory', message: 'territory: not good' });
  });

  it('stops a task over its heap limit with a clear error, and the main thread and the pool go on', async () => {
    const before = pool.stats.memoryLimits;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const e = await pool.run('hog', null).catch((x: unknown) => x);
    clearInterval(ticker);
    expect(e).toBeInstanceOf(WorkerLimitError);
    expect((e as WorkerLimitError).limit).toBe('memory');
    expect((e as Error).message).toMatch(/more than 64 MB of memory \(the limit\)/);
    expect(pool.stats.memoryLimits).toBe(before + 1);
    // the main thread ran its timer while the worker filled its heap
    expect(ticks).toBeGreaterThan(3);
    expect(await pool.run('echo', 1)).toEqual({ echoed: 1 });
  });

  it('stops a task over its time limit', async () => {
    const e = await pool.run('spin', null, { timeoutMs: 300 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerLimitError);
    expect(e).toMatchObject({ limit: 'time', amount: 300 });
    expect(await pool.run('echo', 2)).toEqual({ echoed: 2 });
  });

  it('queues tasks beyond its size and runs them all', async () => {
    const all = await Promise.all([1, 2, 3, 4].map((n) => pool.run('echo', n)));
    expect(all).toEqual([1, 2, 3, 4].map((n) => ({ echoed: n })));
  });
});
