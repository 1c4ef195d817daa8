/**
 * PostgreSQL for the test suite: where the server is, whether it can be used,
 * and one throw-away database per `open()`.
 *
 * The server is `postgres://postgres@127.0.0.1:5432/postgres` unless
 * FILMRIGHTS_TEST_PG says otherwise. Test databases are named
 * `filmrights_test_<run>_<random>`; the run id lets the global teardown drop
 * whatever a crashed test left behind without touching other runs.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DATABASE_PREFIX = 'filmrights_test_';

export interface PostgresStatus {
  ok: boolean;
  /** Why it cannot be used (when !ok). */
  reason?: string;
  /** The admin URL with any password hidden, for messages. */
  where: string;
  /** Names this run's databases: filmrights_test_<runId>_... */
  runId: string;
}

export function adminUrl(): string {
  const url = process.env.FILMRIGHTS_TEST_PG;
  return url === undefined || url.trim() === '' ? DEFAULT_TEST_PG : url;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** True when the suite runs in CI, where a missing PostgreSQL is a failure, not a skip. */
export function inCi(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci === 'true' || ci === '1';
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Can we connect, and may this role create databases? */
export async function probePostgres(runId: string = newRunId()): Promise<PostgresStatus> {
  const where = redactUrl(adminUrl());
  try {
    const allowed = await withAdmin(async (client) => {
      const { rows } = await client.query<{ allowed: boolean }>(
        'select (rolcreatedb or rolsuper) as allowed from pg_roles where rolname = current_user',
      );
      return rows[0]?.allowed === true;
    });
    if (!allowed) return { ok: false, reason: `the role at ${where} may not CREATE DATABASE`, where, runId };
    return { ok: true, where, runId };
  } catch (error) {
    const why = error instanceof Error ? error.message || error.name : String(error);
    return { ok: false, reason: `cannot connect to ${where} (${why})`, where, runId };
  }
}

/** The message a skipped run prints once. */
export function skipLine(status: PostgresStatus): string {
  return `PostgreSQL suite skipped: ${status.reason ?? 'unknown reason'} (set FILMRIGHTS_TEST_PG to point at a server)`;
}

/** The message a CI run fails with. */
export function requiredMessage(status: PostgresStatus): string {
  return `PostgreSQL is required when CI=true, but ${status.reason ?? 'it is not usable'}. Start it or set FILMRIGHTS_TEST_PG.`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Create an empty database for one test store; returns its URL and how to drop it. */
export async function createTestDatabase(runId: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${TEST_DATABASE_PREFIX}${runId}_${randomBytes(5).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${quoteIdent(name)}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(async (client) => {
        await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      }),
  };
}

/** Drop every database this run created (the global teardown's safety net). */
export async function dropRunDatabases(runId: string): Promise<string[]> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${TEST_DATABASE_PREFIX}${runId}_`.replace(/_/g, '\\_') + '%',
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
    return rows.map((r) => r.datname);
  });
}
