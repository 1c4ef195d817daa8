// The first module of every task worker (src/workers/pool.ts): makes the
// TypeScript sources loadable (tsx), loads the task module the pool names and
// answers its tasks, one at a time. Plain JavaScript: it runs before tsx is
// registered in the new thread.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { tasks } = await import(workerData.module);

/** An error as plain data: what the pool needs to rebuild it on the main thread. */
function plainError(e) {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const out = { name: e.name, message: e.message, stack: e.stack };
  for (const k of ['code', 'field', 'value', 'suggestions', 'problems']) {
    if (k in e) {
      try {
        out[k] = structuredClone(e[k]);
      } catch {
        out[k] = String(e[k]);
      }
    }
  }
  return out;
}

parentPort.on('message', async ({ id, task, input }) => {
  try {
    const fn = tasks[task];
    if (typeof fn !== 'function') throw new Error(`no task "${task}" in ${workerData.module}`);
    parentPort.postMessage({ id, ok: true, value: await fn(input) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: plainError(e) });
  }
});
parentPort.postMessage({ ready: true });
