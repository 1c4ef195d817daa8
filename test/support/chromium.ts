/**
 * Chromium for the browser suites: where it is and whether it can be run.
 *
 * The browser is CHROMIUM_PATH, else Debian's /usr/bin/chromium (never a
 * downloaded one). Without it, as with PostgreSQL (postgres.ts): with CI=true
 * every browser suite fails with the reason; otherwise each is skipped with
 * a printed reason, never silently.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { inCi } from './postgres.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumStatus {
  ok: boolean;
  path: string;
  /** Why it cannot be used (when !ok). */
  reason?: string;
}

export function chromiumStatus(env: NodeJS.ProcessEnv = process.env): ChromiumStatus {
  const path = env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
  try {
    if (!statSync(path).isFile()) return { ok: false, path, reason: `${path} is not a file` };
    accessSync(path, constants.X_OK);
    return { ok: true, path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      path,
      reason: code === 'ENOENT' ? `there is no Chromium at ${path}` : `${path} cannot be run (${code ?? String(e)})`,
    };
  }
}

/** What a browser suite does here: run, fail (CI without Chromium) or skip with a printed reason. */
export function browserSuiteMode(status: ChromiumStatus, ci: boolean = inCi()): 'run' | 'fail' | 'skip' {
  return status.ok ? 'run' : ci ? 'fail' : 'skip';
}

/** The message a CI run fails with. */
export function chromiumRequiredMessage(status: ChromiumStatus): string {
  return `Chromium is required when CI=true, but ${status.reason ?? 'it is not usable'}: apt-get install -y chromium, or set CHROMIUM_PATH.`;
}

/** The line a skipped suite prints. */
export function chromiumSkipLine(status: ChromiumStatus, suite: string): string {
  return `Browser suite "${suite}" skipped: ${status.reason ?? 'Chromium is not usable'} (apt-get install -y chromium, or set CHROMIUM_PATH; with CI=true this fails)`;
}
