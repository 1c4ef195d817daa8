/**
 * Vitest global setup: probe PostgreSQL once per run, tell every test file the
 * result (inject('filmrightsPostgres')), print the skip line once, and drop
 * any test database this run left behind.
 */
import type { TestProject } from 'vitest/node';
import { dropRunDatabases, inCi, newRunId, probePostgres, requiredMessage, skipLine, type PostgresStatus } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    filmrightsPostgres: PostgresStatus;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const status = await probePostgres(newRunId());
  project.provide('filmrightsPostgres', status);
  if (!status.ok) console.warn(inCi() ? requiredMessage(status) : skipLine(status));

  return async () => {
    if (status.ok) await dropRunDatabases(status.runId).catch(() => []);
  };
}
