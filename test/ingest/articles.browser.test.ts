/**
 * The review page in a real Chromium against the real server and the demo
 * data: paste the seed article, see its evidence highlighted, accept the deal,
 * accept all, and find One Second's page showing Neon holding North American
 * rights with the article as the source. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, screenshot, shows, signIn, startWorld, type World } from '../browser/harness.js';

const SEED = readFileSync(fileURLToPath(new URL('../../corpus/articles/00-seed-one-second.txt', import.meta.url)), 'utf8');

describeBrowser('web app: reviewing an article', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    await signIn(w.page, w.url);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it('reads a pasted article and shows its facts beside the text, evidence highlighted', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await page.getByLabel('Article text').fill(SEED);
    await page.getByLabel('Outlet').fill('Variety');
    await page.getByRole('button', { name: 'Read the article' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 60_000 }).toMatch(/^\/articles\/[\w-]+$/);
    await shows(page.locator('.article-text mark'), 'Neon has nabbed North American rights');
    await shows(page.locator('.fact-item'), 'Neon acquired North America of One Second from Wild Bunch');
    await shows(
      page.locator('.fact-item'),
      'One Second withdrawn from Berlin International Film Festival 2019 (Competition): “technical reasons”',
    );
    expect(await page.locator('.fact-item').count()).toBe(53);
    // clicking a highlight picks its fact
    await page.locator('.article-text mark', { hasText: 'yanked from competition' }).click();
    await shows(page.locator('.fact-item.is-current'), 'withdrawn from Berlin');
    await screenshot(page, 'articles-01-review');
  });

  it('edits a deal fact with every field of a deal; Home links the facts waiting to Articles', async () => {
    const { page } = w;
    const card = page.locator('.fact-item', { hasText: 'Neon acquired North America of One Second from Wild Bunch' });
    await card.getByRole('button', { name: 'Edit' }).click();
    for (const label of ['Media', 'Term start', 'Term end', 'Exclusivity', 'Status', 'Price', 'Currency'])
      await card.getByLabel(label, { exact: true }).waitFor();
    await screenshot(page, 'articles-01b-deal-edit', { viewportOnly: true });
    await card.getByRole('button', { name: 'Cancel edit' }).click();
    const review = page.url();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const link = page.getByRole('link', { name: 'Review them in Articles' });
    await link.waitFor();
    await shows(page.locator('#review'), '53 facts read from trade-press articles wait');
    await screenshot(page, 'articles-01c-home-review');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await page.goto(review);
    await page.locator('.fact-item').first().waitFor();
  });

  it('accepts the deal, then all the rest; One Second shows Neon holding North America with the article as its source', async () => {
    const { page } = w;
    const deal = page.locator('.fact-item', { hasText: 'Neon acquired North America of One Second' });
    await deal.getByRole('button', { name: 'Accept', exact: true }).click();
    await shows(deal, /accepted/);
    await page.getByRole('button', { name: 'Accept all' }).click();
    // it says what it wrote and what it could not
    await shows(page.getByRole('status'), /Wrote \d+ facts; could not write 0\./);
    await page.getByText(/^Written \(\d+\)$/).click();
    await shows(page.getByRole('status'), /One Second: director Zhang Yimou/);
    await expect.poll(() => page.locator('.fact-item.is-pending').count(), { timeout: 30_000 }).toBe(0);
    await screenshot(page, 'articles-02-accepted');

    await page.goto(`${w.url}/titles/one-second`);
    await page.getByRole('heading', { level: 1, name: /One Second/ }).waitFor();
    const market = page.locator('section', { has: page.getByRole('heading', { name: /Market picture|Who holds/i }) });
    await shows(market, 'Neon');
    await shows(market, 'North America');
    const sources = page.locator('#sources');
    await shows(sources, /Neon takes North American rights to Zhang Yimou/);
    await shows(sources, /facts from it/);
    await screenshot(page, 'articles-03-title-page');

    // the market picture: per territory, with the article as the source, and what is unreported
    await page.goto(`${w.url}/market/one-second`);
    await page.getByRole('heading', { level: 1, name: /Market picture: One Second/ }).waitFor();
    const row = page.locator('tr', { hasText: 'Neon' });
    await shows(row, 'North America');
    await shows(row, /Neon has nabbed North American rights/);
    // Wild Bunch's mandate (rights in) covers the world outside China: only China is unreported
    await shows(page.locator('p', { hasText: 'Unreported' }), /Unreported: China/);
    await screenshot(page, 'articles-04-market');
  });
});
