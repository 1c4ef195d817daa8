/**
 * A release is one version everywhere: package.json (and its lock), the command line's
 * --version, the changelog's newest entry; and the licence the package declares is in LICENSE.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES, SCHEMA_VERSION } from '../../src/store/index.js';
import { VERSION } from '../../src/version.js';
import { PROCESS_TEST_TIMEOUT, ROOT, runCli } from '../support/processes.js';

const semver = createRequire(import.meta.url)('semver') as { valid(v: string): string | null };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  version: string;
  packages: Record<string, { version?: string }>;
};

describe('the release', () => {
  it('has one semantic version in package.json, its lock and the code', () => {
    expect(semver.valid(pkg.version)).toBe(pkg.version);
    expect(lock.version).toBe(pkg.version);
    expect(lock.packages[''].version).toBe(pkg.version);
    expect(VERSION).toBe(pkg.version);
  });

  it('names its database schema after its latest migration', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATION_NAMES[MIGRATION_NAMES.length - 1]);
    expect(SCHEMA_VERSION).toMatch(/^\d{4}_/);
  });

  it('has a changelog entry for this version, newest first, with its schema', () => {
    const log = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const versions = [...log.matchAll(/^## (\d+\.\d+\.\d+)\b/gm)].map((m) => m[1]);
    expect(versions[0]).toBe(pkg.version);
    const entry = log.slice(log.indexOf(`## ${pkg.version}`), log.indexOf(`## ${versions[1]}`));
    expect(entry).toContain(`\`${SCHEMA_VERSION}\``);
  });

  it('the README names this release', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`release **${pkg.version}**`);
  });

  it('ships the licence package.json declares, and the notices', () => {
    expect(pkg.license).toBe('MIT');
    const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^MIT License/);
    expect(licence).toContain('the filmrights contributors');
    const notice = readFileSync(join(ROOT, 'NOTICE.md'), 'utf8');
    // every vendored licence file it points to is there
    for (const m of notice.matchAll(/`((?:vendor|test\/fixtures)\/[^`]*LICENSE[^`]*)`/g))
      expect(existsSync(join(ROOT, m[1])), m[1]).toBe(true);
  });

  it(
    'filmrights --version prints the version and the schema',
    async () => {
      const run = await runCli(['--version']);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(`${pkg.version} (database schema ${SCHEMA_VERSION})`);
    },
    PROCESS_TEST_TIMEOUT,
  );
});
