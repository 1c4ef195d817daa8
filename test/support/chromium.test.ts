/**
 * A missing Chromium never passes unnoticed: with CI=true the browser suites
 * fail with the reason (as a missing PostgreSQL fails the store suites),
 * otherwise they are skipped with a printed reason. The real vitest is run
 * on a browser suite with CHROMIUM_PATH pointing at nothing.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuiteMode, chromiumRequiredMessage, chromiumStatus, DEFAULT_CHROMIUM } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'filmrights-chromium-'));
const NOWHERE = join(dir, 'no-chromium-here');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs vitest on one file as a child process, waiting for its exit (no time limit of its own). */
function vitest(file: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const k of Object.keys(childEnv)) if (k.startsWith('VITEST')) delete childEnv[k];
  if (!('CI' in env)) delete childEnv.CI;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', file], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('finding Chromium', () => {
  it('is CHROMIUM_PATH, else /usr/bin/chromium; a missing or non-executable file is named', () => {
    expect(chromiumStatus({ CHROMIUM_PATH: '  ' }).path).toBe(DEFAULT_CHROMIUM);
    expect(chromiumStatus({ CHROMIUM_PATH: NOWHERE })).toEqual({ ok: false, path: NOWHERE, reason: `there is no Chromium at ${NOWHERE}` });
    const file = join(dir, 'chromium');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    expect(chromiumStatus({ CHROMIUM_PATH: file })).toMatchObject({ ok: false, reason: `${file} cannot be run (EACCES)` });
    chmodSync(file, 0o755);
    expect(chromiumStatus({ CHROMIUM_PATH: file })).toEqual({ ok: true, path: file });
    expect(chromiumStatus({ CHROMIUM_PATH: dir })).toMatchObject({ ok: false, reason: `${dir} is not a file` });
  });

  it('fails a browser suite in CI, skips it elsewhere, runs it when Chromium is there', () => {
    const missing = chromiumStatus({ CHROMIUM_PATH: NOWHERE });
    expect(browserSuiteMode(missing, true)).toBe('fail');
    expect(browserSuiteMode(missing, false)).toBe('skip');
    expect(browserSuiteMode({ ok: true, path: DEFAULT_CHROMIUM }, true)).toBe('run');
    expect(chromiumRequiredMessage(missing)).toBe(
      `Chromium is required when CI=true, but there is no Chromium at ${NOWHERE}: apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
  });

  it('every browser test file defines its suites with describeBrowser', () => {
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.test.ts') ? [join(d, e.name)] : [],
      );
    const browser = files(join(ROOT, 'test')).filter((f) => /from '(?:\.\/|\.\.\/browser\/)harness\.js'/.test(readFileSync(f, 'utf8')));
    expect(browser.length).toBeGreaterThanOrEqual(6);
    const wrong = browser.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return !text.includes('describeBrowser(') || /\bdescribe(?:\.skipIf\([^)]*\))?\(/.test(text);
    });
    expect(wrong.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('a browser suite without Chromium, run by vitest', () => {
  it('fails with the reason when CI=true', async () => {
    const r = await vitest('test/browser/avails.test.ts', { CI: 'true', CHROMIUM_PATH: NOWHERE });
    expect(r.code, r.output).toBe(1);
    expect(r.output).toContain(`Chromium is required when CI=true, but there is no Chromium at ${NOWHERE}`);
  }, 180_000);

  it('is skipped with a printed reason otherwise', async () => {
    const r = await vitest('test/browser/avails.test.ts', { CHROMIUM_PATH: NOWHERE });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain(
      `Browser suite "web app: the avails question for the whole catalog" skipped: there is no Chromium at ${NOWHERE}`,
    );
  }, 180_000);
});
