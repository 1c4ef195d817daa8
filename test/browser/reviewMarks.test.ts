/**
 * Issue 12, "facts not yet reviewed are marked as such wherever they show", where the lists did
 * not reach, as a new user meets it on the demo: the avails page's reasons name a deal read from
 * the press and nobody has reviewed it, with the same badge as the deals list; so does a buyer's
 * history. The demo's rights-in deal was read from the article but the article's reading holds
 * no fact for it, so it can only be reviewed on its deal page: the user marks it reviewed there,
 * the badge goes; Undo brings it back; marked again, the avails answer no longer marks it. At 1280 and 390 px; screenshots
 * in test-results/review-marks-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

const MARK = 'from the press, not yet reviewed';
/** One Second in Germany after our rights from Huanxi end: "our rights have expired: HUANXI-… ended Dec 31, 2040". */
const EXPIRED = '/avails?titles=one-second&territories=Germany&media=All+Media&start=2041-01-01&end=2041-12-31';
/** One Second in North America: sold to Neon. */
const SOLD = '/avails?titles=one-second&territories=North+America&media=All+Media&start=2026-01-01&end=2030-12-31';

describeBrowser('deals not yet reviewed are marked in avails and a buyer history, and reviewed on the deal page', () => {
  let w: World;
  let neon = '';
  let huanxi = '';

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    await signIn(w.page, w.url);
    const deals = await call<{ items: Array<{ id: string; ref: string; licensee: string | null }> }>(
      w.page,
      'GET',
      '/api/contracts?q=ONE-SECOND',
    );
    huanxi = deals.items.find((d) => d.ref === 'HUANXI-WB-ONE-SECOND-WW')!.id;
    const sold = await call<{ licensee: { id: string } }>(
      w.page,
      'GET',
      `/api/contracts/${deals.items.find((d) => d.ref === 'WB-NEON-ONE-SECOND-NA')!.id}`,
    );
    neon = sold.licensee.id;
    // Neon as a buyer, so that its history has a page
    await call(w.page, 'POST', '/api/buyers', { companyId: neon, kind: 'distributor', territories: 'North America', media: 'All Media' });
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  /** The avails page's row for the question, and its "Why". */
  async function why(page: Page, path: string, territory: string) {
    await page.goto(`${w.url}${path}`);
    const row = page.locator('tr.avail-row', { hasText: territory }).first();
    await row.waitFor();
    return row.locator('.avail-why');
  }

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    it(`at ${width} px: the avails answer and Neon's history mark the press's deals; the rights-in deal is marked reviewed on its page, and Undo brings the mark back`, async () => {
      const { page } = w;
      await page.setViewportSize({ width, height });

      // avails: sold to Neon, a deal read from the press that nobody has reviewed
      const sold = await why(page, SOLD, 'North America');
      await shows(sold, /sold to WB-NEON-ONE-SECOND-NA \(Neon\)/);
      await shows(sold.locator('.review-mark'), MARK);
      await sold.scrollIntoViewIfNeeded();
      await screenshot(page, `review-marks-avails-${width}`, { viewportOnly: true });

      // the buyer's history: bought from us, and from others as the press says, each marked
      await page.goto(`${w.url}/buyers/${neon}`);
      await shows(page.locator('tr', { hasText: 'WB-NEON-ONE-SECOND-NA' }), MARK);
      const press = page.locator('tr', { hasText: 'Parasite' }).first();
      await shows(press, MARK);
      await press.scrollIntoViewIfNeeded();
      await screenshot(page, `review-marks-buyer-${width}`, { viewportOnly: true });

      // our rights from Huanxi, read from the article, marked where avails name them
      const expired = await why(page, EXPIRED, 'Germany');
      await shows(expired, /our rights have expired: HUANXI-WB-ONE-SECOND-WW/);
      await shows(expired.locator('.review-mark'), MARK);

      // the deal page: the article holds no fact for this deal, so it is reviewed here
      await expired.getByRole('link', { name: 'HUANXI-WB-ONE-SECOND-WW' }).click();
      await page.waitForURL(new RegExp(`/deals/${huanxi}$`));
      const panel = page.locator('#deal-sources');
      await shows(panel, 'no deal fact waiting for this deal');
      const mark = panel.getByRole('button', { name: /^Mark reviewed/ });
      await mark.scrollIntoViewIfNeeded();
      await screenshot(page, `review-marks-deal-button-${width}`, { viewportOnly: true });
      await mark.click();
      await shows(panel.locator('.undo-note'), /Marked reviewed/);
      await shows(panel, 'from the press, reviewed');
      await shows(panel, 'reviewed by admin');
      expect(await page.getByText(MARK).count()).toBe(0);
      await screenshot(page, `review-marks-deal-reviewed-${width}`, { viewportOnly: true });

      // Undo: not yet reviewed again, at the top and in the panel, with the button back
      await panel.locator('.undo-note').getByRole('button', { name: 'Undo' }).click();
      await shows(panel, MARK);
      await shows(page.locator('.deal-origin'), MARK);
      expect(await panel.locator('.undo-note').count()).toBe(0);

      // marked reviewed again: the avails answer no longer marks it
      await panel.getByRole('button', { name: /^Mark reviewed/ }).click();
      await shows(panel, 'from the press, reviewed');
      const after = await why(page, EXPIRED, 'Germany');
      await shows(after, /our rights have expired: HUANXI-WB-ONE-SECOND-WW/);
      expect(await after.locator('.review-mark').count()).toBe(0);

      // back to not yet reviewed (as the Undo did) for the next width: marked again in avails
      const { sources } = await call<{ sources: Array<{ id: string }> }>(page, 'GET', `/api/contracts/${huanxi}`);
      await call(page, 'POST', `/api/contracts/${huanxi}/sources/${sources[0].id}/review`, { reviewed: false });
      const back = await why(page, EXPIRED, 'Germany');
      await shows(back.locator('.review-mark'), MARK);
    }, 120_000);
  }
});
