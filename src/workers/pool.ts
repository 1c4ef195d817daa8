/**
 * Work that must not hold the server: reading an uploaded file, extracting
 * the facts of an article. Each runs in a worker thread with its own heap
 * limit (`memoryMb`, V8's old generation) and a time limit: a task over
 * either is stopped (the thread is terminated) and its caller gets a
 * WorkerLimitError, while the main thread goes on answering requests.
 *
 * A pool keeps at most `size` workers and queues the tasks beyond them (at
 * most `maxQueue`; more is a WorkerBusyError). A worker is kept for the next
 * task (starting one loads its modules, a second or two) and ended after
 * `idleMs` without work, after a task that failed, and after any limit.
 * Tasks get and return plain data (structured clone); a task's error comes
 * back rebuilt by `revive` (by default a plain Error with the same name,
 * message and fields).
 */
import { Worker } from 'node:worker_threads';

/** A time limit as people read it: "0.15 s", "90 s". */
export function seconds(ms: number): string {
  return `${ms < 10_000 ? Math.round(ms / 10) / 100 : Math.round(ms / 1000)} s`;
}

/** A task went over its worker's memory or time limit; the worker was stopped. */
export class WorkerLimitError extends Error {
  constructor(
    readonly limit: 'memory' | 'time',
    /** The limit: MB of heap, or milliseconds. */
    readonly amount: number,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerLimitError';
  }
}

/** Too many tasks are waiting already: try again shortly. */
export class WorkerBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerBusyError';
  }
}

/** An error as the worker sends it (src/workers/boot.mjs). */
export interface PlainError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  field?: string;
  value?: unknown;
  suggestions?: string[];
  problems?: unknown;
}

export interface PoolOptions {
  /** For messages: "import", "article extraction". */
  name: string;
  /** The module whose `tasks` export the workers run. */
  module: URL;
  size?: number;
  memoryMb: number;
  timeoutMs: number;
  maxQueue?: number;
  idleMs?: number;
  revive?: (e: PlainError) => Error;
}

interface Job {
  task: string;
  input: unknown;
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
  dead: boolean;
}

const BOOT = new URL('./boot.mjs', import.meta.url);
let nextId = 1;

function defaultRevive(p: PlainError): Error {
  const e = new Error(p.message);
  Object.assign(e, p, { stack: p.stack ?? e.stack });
  return e;
}

export class TaskPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  /** Workers started and stopped so far (tests read these). */
  readonly stats = { started: 0, stopped: 0, memoryLimits: 0, timeLimits: 0 };

  constructor(readonly options: PoolOptions) {}

  get limits(): { memoryMb: number; timeoutMs: number } {
    return { memoryMb: this.options.memoryMb, timeoutMs: this.options.timeoutMs };
  }

  /** Changes the limits for the tasks to come (idle workers are ended: their heap limit is fixed when they start). */
  setLimits(limits: Partial<{ memoryMb: number; timeoutMs: number }>): void {
    Object.assign(this.options, limits);
    for (const s of this.slots) if (!s.job) this.stop(s);
  }

  /** Runs `task` of the pool's module on `input` in a worker. */
  run<T>(task: string, input: unknown, opts: { timeoutMs?: number } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        task,
        input,
        timeoutMs: opts.timeoutMs ?? this.options.timeoutMs,
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      const free = [...this.slots].find((s) => !s.job && !s.dead);
      if (free) return this.start(free, job);
      if (this.slots.size < (this.options.size ?? 1)) return this.start(this.spawn(), job);
      if (this.queue.length >= (this.options.maxQueue ?? 16)) {
        return reject(
          new WorkerBusyError(
            `the server is busy with other ${this.options.name} work (${this.queue.length} waiting): try again in a minute`,
          ),
        );
      }
      this.queue.push(job);
    });
  }

  /** Ends every worker; queued tasks are refused. */
  async close(): Promise<void> {
    for (const j of this.queue.splice(0)) j.reject(new WorkerBusyError(`the ${this.options.name} workers were stopped`));
    await Promise.all([...this.slots].map((s) => this.stop(s)));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      workerData: { module: this.options.module.href },
      // not the parent's flags (--cpu-prof, --expose-gc, a test runner's loader): boot.mjs loads what it needs
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.memoryMb,
        maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.floor(this.options.memoryMb / 8))),
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    this.stats.started++;
    let markReady: () => void = () => {};
    let failReady: (e: Error) => void = () => {};
    const slot: Slot = {
      worker,
      ready: new Promise<void>((res, rej) => ((markReady = res), (failReady = rej))),
      job: null,
      timer: null,
      idle: null,
      dead: false,
    };
    slot.ready.catch(() => {});
    this.slots.add(slot);
    worker.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; value?: unknown; error?: PlainError }) => {
      if (m.ready) return markReady();
      const job = slot.job;
      if (!job || m.id !== (job as Job & { id?: number }).id) return;
      this.finish(slot);
      if (m.ok) {
        job.resolve(m.value);
        this.release(slot);
      } else {
        job.reject((this.options.revive ?? defaultRevive)(m.error!));
        // a failed task may leave work running in the thread (a stream still reading): start afresh
        void this.stop(slot);
        this.next();
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const job = slot.job;
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (memory) this.stats.memoryLimits++;
      const err = memory
        ? new WorkerLimitError(
            'memory',
            this.options.memoryMb,
            `the ${this.options.name} needed more than ${this.options.memoryMb} MB of memory (the limit) and was stopped`,
          )
        : new Error(`the ${this.options.name} worker failed: ${e.message}`);
      failReady(err);
      if (job) {
        this.finish(slot);
        job.reject(err);
      }
    });
    worker.on('exit', () => {
      slot.dead = true;
      this.slots.delete(slot);
      this.stats.stopped++;
      failReady(new Error(`the ${this.options.name} worker stopped before it was ready`));
      const job = slot.job;
      if (job) {
        this.finish(slot);
        job.reject(new Error(`the ${this.options.name} worker stopped unexpectedly`));
      }
      this.next();
    });
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.job = job;
    slot.worker.ref();
    const id = nextId++;
    (job as Job & { id?: number }).id = id;
    slot.ready.then(
      () => {
        if (slot.job !== job) return;
        // the time limit counts from when the worker has the task, not from its start-up
        slot.timer = setTimeout(() => {
          if (slot.job !== job) return;
          this.stats.timeLimits++;
          this.finish(slot);
          job.reject(
            new WorkerLimitError(
              'time',
              job.timeoutMs,
              `the ${this.options.name} took longer than ${seconds(job.timeoutMs)} (the limit) and was stopped`,
            ),
          );
          void this.stop(slot);
          this.next();
        }, job.timeoutMs);
        slot.worker.postMessage({ id, task: job.task, input: job.input });
      },
      (e: Error) => {
        if (slot.job !== job) return;
        this.finish(slot);
        job.reject(e);
      },
    );
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** A worker done with its task: the next queued task, or idle (not keeping the process alive) until `idleMs`. */
  private release(slot: Slot): void {
    const job = this.queue.shift();
    if (job) return this.start(slot, job);
    slot.worker.unref();
    slot.idle = setTimeout(() => void this.stop(slot), this.options.idleMs ?? 60_000);
    slot.idle.unref();
  }

  private next(): void {
    while (this.queue.length && this.slots.size < (this.options.size ?? 1)) this.start(this.spawn(), this.queue.shift()!);
    const free = [...this.slots].find((s) => !s.job && !s.dead);
    if (free && this.queue.length) this.start(free, this.queue.shift()!);
  }

  private async stop(slot: Slot): Promise<void> {
    if (slot.idle) clearTimeout(slot.idle);
    slot.dead = true;
    this.slots.delete(slot);
    await slot.worker.terminate().catch(() => {});
  }
}
