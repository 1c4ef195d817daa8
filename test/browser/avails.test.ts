/**
 * The Avails page in a real Chromium against the real server with the demo
 * data: a buyer's catalog-wide question ("is Germany free for SVOD in 2027?")
 * answered yes for One Second (and no for the titles we hold no rights in),
 * and North America answered no, with Neon's deal as the reason; asked for
 * what is available only, the titles left out are counted and listed with why.
 * Screenshots in test-results/avails-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

describeBrowser('web app: the avails question for the whole catalog', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld();
    await signIn(w.page, w.url);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('Germany, SVOD, all of 2027, exclusive: One Second is available', async () => {
    const { page, url } = w;
    await page.goto(`${url}/avails?territories=Germany&media=SVOD&start=2027-01-01&end=2027-12-31`);
    const answer = page.locator('#answer');
    await visible(answer);
    const row = answer.locator('tr.avail-row--available');
    await expect.poll(() => row.count()).toBe(1);
    await shows(row, 'One Second');
    await shows(row, 'Germany');
    await shows(row, 'SVOD');
    // the demo's other titles are market intelligence here: we hold no rights in them
    const elsewhere = answer.locator('tr.avail-row--unavailable');
    await shows(elsewhere, 'we hold no rights here');
    expect(await answer.locator('tr.avail-row--unavailable', { hasText: 'One Second' }).count()).toBe(0);
    await screenshot(page, 'avails-1-germany-svod');
  });

  it('available only: the titles left out are counted and listed with why', async () => {
    const { page, url } = w;
    await page.goto(`${url}/avails?territories=Germany&media=SVOD&start=2027-01-01&end=2027-12-31&include=available`);
    const answer = page.locator('#answer');
    await visible(answer);
    await shows(answer.locator('tr.avail-row--available'), 'One Second');
    const left = answer.locator('details.not-shown');
    await shows(left.locator('summary'), /15 of 16 titles not shown: 15 no rights held/);
    await left.locator('summary').click();
    await shows(left.locator('li', { hasText: 'Hero' }), 'no rights held in these territories and media');
    await screenshot(page, 'avails-3-not-shown');
  });

  it('North America, all media, 2027, every title listed: One Second is sold to Neon', async () => {
    const { page, url } = w;
    await page.goto(
      `${url}/avails?territories=${encodeURIComponent('North America')}&media=${encodeURIComponent('All Media')}&start=2027-01-01&end=2027-12-31`,
    );
    const answer = page.locator('#answer');
    await visible(answer);
    const sold = answer.locator('tr.avail-row--unavailable', { hasText: 'One Second' });
    await visible(sold);
    await shows(sold, 'North America');
    await shows(sold, /sold to .*Neon/);
    expect(await answer.locator('tr.avail-row--available', { hasText: 'One Second' }).count()).toBe(0);
    await screenshot(page, 'avails-2-north-america-sold');
  });
});
