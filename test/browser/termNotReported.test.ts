/**
 * Issue 12, "Review that writes it right", in the browser: the demo's seed article is in the
 * Articles list; a press deal accepted without a term reads "term not reported" on the title
 * page and in the deal editor (not perpetuity), and entering an end date there clears it.
 * Screenshots at 1280 and 390 px in test-results/term-not-reported-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

describeBrowser('a press deal whose term is not reported', () => {
  let w: World;
  let contractId = '';

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    await signIn(w.page, w.url);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it('lists the demo article in Articles', async () => {
    const { page } = w;
    await page.goto(`${w.url}/articles`);
    await shows(page.locator('main'), /Neon takes North American rights/);
    await screenshot(page, 'term-not-reported-articles-1280');
  });

  it('says "term not reported" on the title page and in the deal editor; an end date clears it', async () => {
    const { page } = w;
    // our own sentence: a buyer takes France from us (Wild Bunch, the demo's company), no term given
    const posted = await call<{ article: { id: string; facts: Array<{ id: string; type: string }> } }>(page, 'POST', '/api/articles', {
      text: 'Brightwell Pictures has acquired French rights to “One Second” from Wild Bunch.',
      outlet: 'Screen',
      date: '2021-09-01',
    });
    const deal = posted.article.facts.find((f) => f.type === 'deal')!;
    const accepted = await call<{ written: { id: string } }>(
      page,
      'POST',
      `/api/articles/${posted.article.id}/facts/${deal.id}/accept`,
      {},
    );
    contractId = accepted.written.id;

    await page.goto(`${w.url}/titles/one-second`);
    await shows(page.locator('main'), /term not reported/);
    await screenshot(page, 'term-not-reported-title-1280');

    await page.goto(`${w.url}/deals/${contractId}`);
    const end = page.getByLabel('End (inclusive)').first();
    await end.waitFor();
    await shows(page.locator('main'), /Term not reported: the end is unknown/);
    await screenshot(page, 'term-not-reported-deal-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'term-not-reported-deal-390');
    await page.goto(`${w.url}/titles/one-second`);
    await shows(page.locator('main'), /term not reported/);
    await screenshot(page, 'term-not-reported-title-390');
    await page.goto(`${w.url}/articles`);
    await shows(page.locator('main'), /Neon takes North American rights/);
    await screenshot(page, 'term-not-reported-articles-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${w.url}/deals/${contractId}`);
    await page.getByLabel('End (inclusive)').first().fill('2026-08-31');
    await shows(page.locator('main'), /Clear it for perpetuity/);
    await page.getByRole('button', { name: /^Save/ }).first().click();
    await expect
      .poll(
        async () =>
          (await call<{ blocks: Array<{ end: string | null; termReported: boolean }> }>(page, 'GET', `/api/contracts/${contractId}`))
            .blocks[0],
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ end: '2026-08-31', termReported: true });
  });
});
