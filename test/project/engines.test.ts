/**
 * The Node.js versions we say we support are the ones every installed
 * dependency supports: `npm ci` on the oldest Node.js of each supported line
 * prints no EBADENGINE warning (CI runs it with --engine-strict), and the
 * README and the CI job say the same as package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The oldest release of each line the range admits: 20.19.0, 22.13.0. */
const OLDEST = ['20.19.0', '22.13.0'];

describe('supported Node.js versions', () => {
  it('package.json admits the oldest release of each supported line and nothing older', () => {
    for (const v of OLDEST) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
    for (const v of ['20.18.3', '21.7.0', '22.12.0', '18.20.0']) expect(semver.satisfies(v, pkg.engines.node), v).toBe(false);
  });

  it('every installed dependency supports them (no EBADENGINE from npm ci)', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      // packages for other platforms (optional, not installed here) are not checked by npm ci either
      if (!path || !range || !existsSync(join(ROOT, path))) continue;
      for (const v of OLDEST) if (!semver.satisfies(v, range)) refused.push(`${path}@${entry.version} wants node ${range}, not ${v}`);
    }
    expect(refused).toEqual([]);
  });

  it('the README and the CI job name the same versions', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('Node.js 20.19 or later on the 20 line, or 22.13 or later');
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('(maj === 20 && min >= 19) || (maj === 22 && min >= 13) || maj > 22');
    expect(ci).toContain('npm ci --engine-strict');
  });
});
