/**
 * The questions asked at a market, on a phone (390 x 844, an iPhone 12-15):
 * the title page, an avails answer with its reasons, and the deals list. The
 * page never scrolls sideways (tables scroll inside their own box or become
 * cards), the navigation folds behind a menu button, and the timeline's year
 * labels do not run into each other. The same pages at 1280 px keep the full
 * navigation. Screenshots in test-results/phone-*.png and desktop-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

const PHONE = { width: 390, height: 844 };

/** How far the page is wider than the phone (0 when nothing sticks out). */
async function overflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && r.width > 0) {
        // only the outermost offender of each branch, ignoring content of a scrolling box
        let p = el.parentElement;
        let clipped = false;
        while (p && p !== document.body) {
          const s = getComputedStyle(p);
          if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden' || s.overflowX === 'clip') clipped = true;
          p = p.parentElement;
        }
        if (!clipped) culprits.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
      }
      if (culprits.length > 8) break;
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const o = await overflow(page);
  expect(o.culprits, `elements sticking out of the ${PHONE.width}px page`).toEqual([]);
  expect(o.scrollWidth).toBeLessThanOrEqual(PHONE.width);
}

describeBrowser('web app on a phone (390 px)', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld(PHONE);
    await signIn(w.page, w.url);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('the navigation folds behind a menu button that opens and closes it', async () => {
    const { page } = w;
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await screenshot(page, 'phone-1-home', { viewportOnly: true });
    await visible(menu);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Deals' }).isVisible()).toBe(false);
    await expectNoSidewaysScroll(page);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await visible(nav.getByRole('link', { name: 'Deals' }));
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'phone-2-menu-open', { viewportOnly: true });
    await nav.getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor();
    // following a link closes the menu
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Deals' }).isVisible()).toBe(false);
  });

  it('the deals list fits the phone', async () => {
    const { page, url } = w;
    await page.goto(`${url}/deals`);
    await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor();
    await shows(page.locator('main'), 'WB-NEON-ONE-SECOND-NA');
    await screenshot(page, 'phone-3-deals');
    await expectNoSidewaysScroll(page);
  });

  it('the title page fits the phone, and the timeline years do not collide', async () => {
    const { page, url } = w;
    await page.goto(`${url}/titles/one-second`);
    await page.getByRole('heading', { level: 1, name: /One Second/ }).waitFor();
    await expect.poll(() => page.locator('.country-list li[data-code="US"]').getAttribute('data-status')).toBe('sold');
    await visible(page.locator('.tl-bar').first());
    await screenshot(page, 'phone-4-title');
    await expectNoSidewaysScroll(page);
    const ticks = await page
      .locator('.tl-axis .tl-tick')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < ticks.length; i++)
      expect(ticks[i].left, `year label ${i} starts before label ${i - 1} ends`).toBeGreaterThan(ticks[i - 1].right + 2);
  });

  it('an avails answer with its reasons fits the phone', async () => {
    const { page, url } = w;
    await page.goto(
      `${url}/avails?territories=${encodeURIComponent('North America')}&media=${encodeURIComponent('All Media')}&start=2027-01-01&end=2027-12-31`,
    );
    const answer = page.locator('#answer');
    await visible(answer);
    const sold = answer.locator('.avail-row--unavailable', { hasText: 'One Second' });
    await visible(sold);
    await shows(sold, /sold to .*Neon/);
    await screenshot(page, 'phone-5-avails');
    await expectNoSidewaysScroll(page);
  });

  it('at 1280 px the navigation is a bar again, and the same pages fit', async () => {
    const { page, url } = w;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}/titles/one-second`);
    await page.getByRole('heading', { level: 1, name: /One Second/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }));
    await expect.poll(() => page.locator('.country-list li[data-code="US"]').getAttribute('data-status')).toBe('sold');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'desktop-1-title');
    await page.goto(
      `${url}/avails?territories=${encodeURIComponent('North America')}&media=${encodeURIComponent('All Media')}&start=2027-01-01&end=2027-12-31`,
    );
    await visible(page.locator('#answer .avail-row--unavailable').first());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'desktop-2-avails');
    await page.goto(`${url}/deals`);
    await shows(page.locator('main'), 'WB-NEON-ONE-SECOND-NA');
    await screenshot(page, 'desktop-3-deals');
    await page.goto(`${url}/import`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'desktop-4-import');
  });
});
