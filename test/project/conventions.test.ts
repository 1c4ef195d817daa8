/**
 * The habits CONTRIBUTING.md asks for, checked so they cannot quietly lapse:
 * rooms stay small, no double cast hides a type error, server tests live
 * under test/, every silenced lint rule says why, and CI runs the linters.
 * (The layering itself is dependency-cruiser's job: `npm run lint`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 800;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const product = [...sources('src'), ...sources('web/src')];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe('project conventions', () => {
  it(`no source file in src/ or web/src/ is over ${MAX_LINES} lines`, () => {
    const long = product.map((f) => ({ f, n: text(f).split('\n').length })).filter((x) => x.n > MAX_LINES);
    expect(long.map((x) => `${x.f}: ${x.n} lines`)).toEqual([]);
  });

  it('no "as unknown as" outside tests and migrations', () => {
    const found = product
      .filter((f) => !isTest(f) && !f.startsWith(join('src', 'store', 'migrations')))
      .filter((f) => /\bas unknown as\b/.test(text(f)));
    expect(found).toEqual([]);
  });

  it('server tests live under test/ (web unit tests sit beside their component)', () => {
    expect(sources('src').filter(isTest)).toEqual([]);
  });

  it('every silenced lint rule names the rule and says why', () => {
    const bare: string[] = [];
    for (const f of [...product, ...sources('test')]) {
      text(f)
        .split('\n')
        .forEach((line, i) => {
          const m = /eslint-disable(?:-next-line|-line)?\b(.*)$/.exec(line);
          if (m && !/^\s+[@\w/-]+(?:\s*,\s*[@\w/-]+)*\s+--\s+\S/.test(m[1])) bare.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(bare).toEqual([]);
  });

  it('CI runs the linters (ESLint, Prettier, dependency rules, both type checks) before the tests', () => {
    const ci = text('.ci/run');
    expect(ci).toMatch(/npm run lint[\s\S]*npm test/);
    const lint = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts.lint;
    for (const part of ['eslint .', 'prettier --check', 'depcruise', 'tsc --noEmit', 'tsc -p web']) expect(lint).toContain(part);
  });
});
