/**
 * The browser tests' world: the web app built into dist/web (rebuilt when a
 * source file is newer), the real server on a free port with a temp SQLite
 * file and the demo data, and Debian's Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'test-results');
export const ADMIN_PASSWORD = 'browser-test-password';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds the web app unless dist/web is newer than every file under web/.
 * It builds beside dist/web and swaps the folders, so a server reading
 * dist/web meanwhile never sees it half-written.
 */
export async function ensureWebBuilt(): Promise<void> {
  const out = join(ROOT, 'dist/web');
  const index = join(out, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'web'))) return;
  const { build } = await import('vite');
  const fresh = `${out}.build-${process.pid}`;
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: fresh, emptyOutDir: true } });
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(fresh, out);
  rmSync(old, { recursive: true, force: true });
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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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

export const chromiumMissing = !existsSync(CHROMIUM);

/** Waits until the element shows the text (playwright-core has no expect of its own). */
export async function shows(locator: import('playwright-core').Locator, text: string | RegExp, timeout = 10_000): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  } catch {
    const actual = (await locator.first().innerText({ timeout: 1000 }).catch(() => '(not found)')).slice(0, 600);
    throw new Error(`expected ${String(locator)} to show ${String(text)}; it shows:\n${actual}`);
  }
}

export async function visible(locator: import('playwright-core').Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}
