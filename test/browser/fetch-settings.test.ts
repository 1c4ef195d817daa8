/**
 * The Admin page's "Fetching pages and feeds" panel in a real Chromium
 * against the real server: an admin names an internal host that may be
 * fetched, a URL typed instead of a host is refused with the line it is on,
 * and the saved list is what the page shows after a reload. Screenshot in
 * test-results/fetch-settings.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

describeBrowser('web app: the hosts pages and feeds may be fetched from', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it('an admin names an intranet mirror; a URL in place of a host is refused on its line', async () => {
    const { page, url } = w;
    await signIn(page, url);
    await page.goto(`${url}/admin`);
    const panel = page.locator('#fetch');
    await shows(panel, 'public internet only');
    const hosts = panel.getByLabel('Allowed internal hosts');
    await visible(hosts);
    expect(await hosts.inputValue()).toBe('');
    await hosts.fill('news.intranet\nhttp://mirror.intranet:8080/');
    await panel.getByRole('button', { name: 'Save hosts' }).click();
    await shows(panel.locator('.field-error'), /^Line 2: .*is not a host name or address/);
    await hosts.fill('News.Intranet\n\n10.0.0.5');
    await panel.getByRole('button', { name: 'Save hosts' }).click();
    await shows(panel.locator('.save-ok'), 'may now also be fetched from news.intranet, 10.0.0.5');
    expect(await hosts.inputValue()).toBe('news.intranet\n10.0.0.5');
    await screenshot(page, 'fetch-settings');
    await page.reload();
    await visible(page.locator('#fetch').getByLabel('Allowed internal hosts'));
    await shows(page.locator('#fetch'), 'Save hosts');
    expect(await page.locator('#fetch').getByLabel('Allowed internal hosts').inputValue()).toBe('news.intranet\n10.0.0.5');
  });
});
