/**
 * A clone of the project works on its own: no source, test, script or doc
 * reads (or tells the reader to read) files outside the repository, such as
 * the workspace the project was started in or someone's home folder. The
 * patterns are assembled from pieces so that this file does not match itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['src', 'test', 'scripts', 'bin', 'bench', 'web', '.ci', 'docs'];
const ROOT_FILES = ['package.json', 'tsconfig.json', 'vitest.config.ts', 'README.md'];
const TEXT = new Set(['', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.html', '.css', '.md', '.sh', '.yml', '.yaml']);
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures']);

const sep = '[\\\\/]';
const FORBIDDEN: Array<{ what: string; re: RegExp }> = [
  { what: 'the shared workspace beside the project', re: new RegExp(`\\.\\.${sep}shared\\b`) },
  { what: 'the shared workspace beside the project', re: /['"]\.\.['"]\s*,\s*['"]shared['"]/ },
  { what: 'an absolute workspace path', re: new RegExp(`${sep}${'wo' + 'rk'}${sep}`) },
  { what: 'a home folder', re: new RegExp(`${sep}(?:${'ho' + 'me'}|${'Us' + 'ers'}|${'ro' + 'ot'})${sep}[\\w.-]+`) },
  { what: 'a fixed temporary folder (use os.tmpdir())', re: new RegExp(`["'\`]${sep}${'t' + 'mp'}${sep}`) },
];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) out.push(...files(p));
    } else if (TEXT.has(extname(e.name)) && statSync(p).size < 2_000_000) out.push(p);
  }
  return out;
}

describe('the repository is self-contained', () => {
  const all = [...SCANNED.flatMap((d) => files(join(ROOT, d))), ...ROOT_FILES.map((f) => join(ROOT, f))];

  it('scans the sources, tests, scripts and docs', () => {
    const names = all.map((f) => relative(ROOT, f));
    for (const f of [
      'src/interchange/ema/xsd.ts',
      'test/ingest/extract.test.ts',
      'bin/filmrights.js',
      'web/src/main.tsx',
      'README.md',
      '.ci/run',
    ])
      expect(names).toContain(f);
  });

  it('names no path outside the repository', () => {
    const hits: string[] = [];
    for (const file of all) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const f of FORBIDDEN)
            if (f.re.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${f.what}: ${line.trim().slice(0, 160)}`);
        });
    }
    expect(hits).toEqual([]);
  });

  it('recognises each forbidden form (the check can fail)', () => {
    const samples = [
      '..' + '/shared/movielabs',
      '..' + '\\shared\\x',
      `join(ROOT, '..', '${'sha' + 'red'}', 'movielabs')`,
      `/${'wo' + 'rk'}/shared/seed-article.txt`,
      `/${'ho' + 'me'}/alice/films`,
      `'/${'t' + 'mp'}/out.db'`,
    ];
    for (const s of samples)
      expect(
        FORBIDDEN.some((f) => f.re.test(s)),
        s,
      ).toBe(true);
    for (const s of ['/usr/bin/chromium', 'const shared = 1', 'test/fixtures/movielabs', 'os.tmpdir()'])
      expect(
        FORBIDDEN.some((f) => f.re.test(s)),
        s,
      ).toBe(false);
  });
});
