/**
 * The browser tests' world: the web app built into dist/web (rebuilt when its
 * sources changed), the real server on a free port with a temp SQLite
 * file and the demo data, and Debian's Chromium driven by playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { ensureWebBuild } from '../../src/cli/webBuild.js';
import { browserSuiteMode, chromiumRequiredMessage, chromiumSkipLine, chromiumStatus } from '../support/chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_STATUS = chromiumStatus();
/** CHROMIUM_PATH, else Debian's /usr/bin/chromium (test/support/chromium.ts). */
export const CHROMIUM = CHROMIUM_STATUS.path;
export const RESULTS = join(ROOT, 'test-results');
export const ADMIN_PASSWORD = 'browser-test-password';

/**
 * Builds the web app when dist/web is missing or older than its sources (the
 * same check and build as `filmrights serve`, src/cli/webBuild.ts): built
 * beside dist/web and swapped in, so a server reading dist/web meanwhile
 * never sees it half-written, and built once when several files ask at once.
 */
export async function ensureWebBuilt(): Promise<void> {
  await ensureWebBuild({ log: (line) => console.error(line) });
}

export interface World {
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function startWorld(viewport = { width: 1440, height: 900 }): Promise<World> {
  await ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-browser-'));
  // The server module is the lead's (src/api/server.ts): startServer({port, host, file, demo, adminPassword}).
  const { startServer } = await import('../../src/api/server.js');
  const server = await startServer({ port: 0, host: '127.0.0.1', file: join(dir, 'test.db'), demo: true, adminPassword: ADMIN_PASSWORD });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  mkdirSync(RESULTS, { recursive: true });
  return {
    url: server.url,
    browser,
    context,
    page,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`);
    },
  };
}

/** The whole page from the top (sticky bars drawn where a reader sees them), or only the viewport as it is. */
export async function screenshot(page: Page, name: string, opts: { viewportOnly?: boolean } = {}): Promise<void> {
  if (!opts.viewportOnly) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
  }
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: !opts.viewportOnly });
}

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /Good (morning|afternoon|evening), admin/ }).waitFor();
}

export const chromiumMissing = !CHROMIUM_STATUS.ok;

/**
 * A browser suite: run when Chromium is there; without it, with CI=true a
 * failing test that gives the reason, otherwise skipped with a printed reason.
 * Every browser test file defines its suite with this (test/support/chromium.test.ts checks).
 */
export function describeBrowser(title: string, body: () => void): void {
  const mode = browserSuiteMode(CHROMIUM_STATUS);
  if (mode === 'run') {
    describe(title, body);
  } else if (mode === 'fail') {
    describe(title, () => {
      it('has Chromium', () => {
        throw new Error(chromiumRequiredMessage(CHROMIUM_STATUS));
      });
    });
  } else {
    console.warn(chromiumSkipLine(CHROMIUM_STATUS, title));
    describe.skip(title, body);
  }
}

/** Waits until the element shows the text (playwright-core has no expect of its own). */
export async function shows(locator: Locator, text: string | RegExp, timeout = 10_000): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  } catch {
    const actual = (
      await locator
        .first()
        .innerText({ timeout: 1000 })
        .catch(() => '(not found)')
    ).slice(0, 600);
    throw new Error(`expected ${String(locator)} to show ${String(text)}; it shows:\n${actual}`);
  }
}

export async function visible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** A JSON request from inside the signed-in page (its cookie), for setting up a scene; throws on an error status. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const r = await page.evaluate(
    async ({ method, path, body }) => {
      // no content type without a body (the server refuses an empty JSON body: a DELETE)
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, path, body },
  );
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  // a 204 (a DELETE) answers nothing
  return (r.text ? JSON.parse(r.text) : undefined) as T;
}
