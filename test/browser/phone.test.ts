/**
 * The questions asked at a market, on a phone (390 x 844, an iPhone 12-15):
 * the title page, an avails answer with its reasons, and the deals list. The
 * page never scrolls sideways (tables scroll inside their own box or become
 * cards), the navigation folds behind a menu button, and the timeline's year
 * labels do not run into each other. The same pages at 1280 px keep the full
 * navigation. Every main page of the demo is walked at 390 px: none scrolls
 * sideways (an absolutely placed, visually hidden column head once escaped its
 * table's scroll box and widened the page); the facts a list is read for (a
 * date due, a signature, a deal's term, MG and status) are on screen, not past
 * the right edge of a table; forms stack; a check box or radio button is a
 * finger's target. Screenshots in test-results/phone-*.png and desktop-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

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

/** The page's width, and the elements whose right edge is past the phone's (to say which when it is too wide). */
async function pageWidth(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate((w) => {
    const widest = [...document.querySelectorAll<HTMLElement>('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right + window.scrollX }))
      .filter((x) => x.right > w + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 4)
      .map(
        ({ el, right }) =>
          `${el.tagName.toLowerCase()}.${String(el.className)} "${(el.textContent ?? '').slice(0, 30)}" right=${Math.round(right)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  }, PHONE.width);
}

/**
 * Where each row's cell under a column head is (the heads are kept for screen
 * readers when the rows become cards), for every table in `scope`.
 */
async function cellsUnder(page: Page, scope: string, head: string): Promise<Array<{ left: number; right: number; label: string | null }>> {
  return page.locator(scope).evaluateAll(
    (scopes, head) =>
      scopes.flatMap((s) =>
        [...s.querySelectorAll('table')].flatMap((t) => {
          const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim().toLowerCase());
          const i = heads.indexOf(head.toLowerCase());
          if (i < 0) return [];
          return [...t.querySelectorAll('tbody tr')].map((tr) => {
            const td = tr.children[i] as HTMLElement;
            const r = td.getBoundingClientRect();
            return { left: r.left, right: r.right, label: td.getAttribute('data-label') };
          });
        }),
      ),
    head,
  );
}

/** Every cell under the head is drawn inside the phone's width (not scrolled out of sight) and says what it is. */
async function expectOnScreen(page: Page, scope: string, head: string) {
  const cells = await cellsUnder(page, scope, head);
  expect(cells.length, `rows with a "${head}" cell in ${scope}`).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c.right, `a "${head}" cell in ${scope} ends past the right edge`).toBeLessThanOrEqual(PHONE.width);
    expect(c.left).toBeGreaterThanOrEqual(0);
    expect(c.label, `a "${head}" cell in ${scope} is labelled as a card shows it`).toBe(head);
  }
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

  it('no main page of the demo scrolls sideways', async () => {
    const { page, url } = w;
    // a deleted deal, for the Deleted tab (its Restore column has a hidden head)
    const doomed = await call<{ id: string }>(page, 'POST', '/api/contracts', {
      ref: 'GULLWING-PHONE-TEST',
      status: 'draft',
      licensorId: 'wild-bunch',
      licenseeId: 'neon',
      titleIds: ['hero'],
      blocks: [{ territories: 'Iceland', media: 'SVOD', start: '2031-01-01', end: '2031-12-31', exclusive: false }],
    });
    await call(page, 'DELETE', `/api/contracts/${doomed.id}`);
    const market = (await call<Array<{ id: string }>>(page, 'GET', '/api/markets'))[0].id;
    const article = (await call<{ items: Array<{ id: string }> }>(page, 'GET', '/api/articles')).items[0].id;
    const offer = (await call<{ items: Array<{ id: string }> }>(page, 'GET', '/api/offers')).items[0].id;
    const deal = (await call<{ items: Array<{ id: string }> }>(page, 'GET', '/api/contracts?q=WB-NEON-ONE-SECOND-NA')).items[0].id;
    const pages = [
      '/',
      '/catalog',
      '/titles/one-second',
      '/titles/one-second/edit',
      '/titles/new',
      '/avails',
      '/deals',
      '/deals?view=deleted',
      `/deals/${deal}`,
      '/deals/new',
      '/festivals',
      '/festivals/cannes',
      '/editions/cannes-2021-74',
      '/editions/tiff-2021-46',
      `/markets/${market}`,
      '/companies',
      '/companies/wild-bunch',
      '/people',
      '/people/zhang-yimou',
      '/import',
      '/export',
      '/articles',
      `/articles/${article}`,
      '/offers',
      `/offers/${offer}`,
      '/buyers',
      '/buyers/tsubame-eiga',
      '/money',
      '/admin',
    ];
    const tooWide: string[] = [];
    const check = async (where: string) => {
      const o = await pageWidth(page);
      if (o.scrollWidth > PHONE.width) tooWide.push(`${where}: ${o.scrollWidth}px (${o.widest.join('; ')})`);
    };
    for (const path of pages) {
      await page.goto(`${url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await check(path);
      if (path.startsWith('/markets/')) {
        // the market's views are buttons on one page
        for (const view of ['Week', 'Line-up', 'Follow-ups', 'Report']) {
          await page.getByRole('navigation', { name: 'Market views' }).getByRole('button', { name: view, exact: true }).click();
          await page.waitForLoadState('networkidle');
          await check(`${path} ${view}`);
        }
      }
    }
    expect(tooWide, 'pages wider than the phone').toEqual([]);
  }, 180_000);

  it("Home's money due and recent signatures, and the deals list, show their key facts on the phone", async () => {
    const { page, url } = w;
    await page.goto(`${url}/`);
    await page.getByRole('heading', { name: 'Money due' }).waitFor();
    await visible(page.locator('#money-due tbody tr'));
    await screenshot(page, 'phone-6-home');
    await expectOnScreen(page, '#money-due', 'Due');
    await expectOnScreen(page, '#money-due', 'Status');
    await expectOnScreen(page, '#signed', 'Signed');
    await page.goto(`${url}/deals`);
    await shows(page.locator('main'), 'WB-NEON-ONE-SECOND-NA');
    for (const head of ['Term', 'MG', 'Signed', 'Status']) await expectOnScreen(page, 'main', head);
    await expectNoSidewaysScroll(page);
  });

  it('the API-token form stacks on the phone: its Name box is not squeezed', async () => {
    const { page, url } = w;
    await page.goto(`${url}/admin`);
    const form = page.getByRole('form', { name: 'Create an API token' });
    await visible(form);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-7-token-form', { viewportOnly: true });
    const name = (await form.getByLabel('Name').boundingBox())!;
    const access = (await form.getByLabel('Access').boundingBox())!;
    const button = (await form.getByRole('button', { name: 'Create token' }).boundingBox())!;
    expect(name.width).toBeGreaterThan(PHONE.width * 0.6);
    // one above the other
    expect(access.y).toBeGreaterThan(name.y + name.height);
    expect(button.y).toBeGreaterThan(access.y + access.height);
  });

  it('a check box or a radio button is a finger-sized row, the whole of it a target', async () => {
    const { page, url } = w;
    const rows = async (scope: string) =>
      page
        .locator(scope)
        .locator('label:has(input[type=checkbox]), label:has(input[type=radio])')
        .evaluateAll((ls) =>
          ls
            .map((l) => ({ text: l.textContent?.trim(), height: l.getBoundingClientRect().height }))
            // those on show (a closed media tree's are not)
            .filter((l) => l.height > 0),
        );
    await page.goto(`${url}/avails`);
    await page.getByRole('heading', { level: 1, name: 'Avails' }).waitFor();
    const avails = await rows('form[aria-label="Avails question"]');
    await page.goto(`${url}/export`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const exports = await rows('main');
    await screenshot(page, 'phone-8-export');
    expect(avails.length).toBeGreaterThanOrEqual(4);
    expect(exports.length).toBeGreaterThanOrEqual(2);
    for (const r of [...avails, ...exports]) expect(r.height, `the row of “${r.text}”`).toBeGreaterThanOrEqual(40);
    // a tap on the row's text, away from the box, ticks it
    const row = page.locator('main label:has(input[type=checkbox])').first();
    const box = row.locator('input');
    const before = await box.isChecked();
    const r = (await row.boundingBox())!;
    await page.mouse.click(r.x + r.width - 8, r.y + r.height / 2);
    expect(await box.isChecked()).toBe(!before);
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
