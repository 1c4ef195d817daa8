/**
 * Buyers in a real Chromium against the real server and the demo data: a new buyer (a new company,
 * Cineart in Belgium, buying theatrical and free TV in Benelux, dates in French) with two contacts;
 * the list filtered by "Belgium" finds it and not Neon (a North American buyer); a screener link for
 * One Second is added and followed (the open is logged, the page says so); the avails sheet is
 * shown and downloaded as PDF, whose text lists only Benelux countries. Screenshots at 1280 and
 * 390 px wide in test-results/.
 */
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

describeBrowser('buyers in the browser', () => {
  let w: World;
  let page: Page;
  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    page = w.page;
    await signIn(page, w.url);
  }, 240_000);
  afterAll(async () => w?.close());

  it('adds a buyer with contacts, filters the list, sends a screener and downloads the avails sheet', async () => {
    const neon = await page.request.post(`${w.url}/api/buyers`, {
      data: { companyId: 'neon', kind: 'distributor', territories: 'North America', media: 'All Media' },
    });
    expect(neon.status()).toBe(201);

    // market mode is one entry in the navigation: Market, then its Buyers tab
    await page.goto(w.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Market' }).click();
    await shows(page.locator('h1'), 'Offers');
    await page.getByRole('navigation', { name: 'Market' }).getByRole('link', { name: 'Buyers' }).click();
    await shows(page.locator('h1'), 'Buyers');
    await page.getByRole('button', { name: 'New buyer' }).click();
    const form = page.getByRole('form', { name: 'New buyer' });
    await form.getByLabel('New company').check();
    await form.getByLabel('Company name').fill('Cineart');
    await form.getByLabel('Country').selectOption({ label: 'Belgium' });
    await form.getByLabel('Date language').selectOption('fr-FR');
    await form.getByLabel('Buys for territories').fill('Benelux');
    await form.getByLabel('Buys media').fill('Theatrical, Free TV');
    await form.getByLabel('Genres').fill('drama, family');
    const first = form.getByRole('group', { name: 'Contact 1' });
    await first.getByLabel('Name').fill('Marie Dubois');
    await first.getByLabel('Role').fill('Head of acquisitions');
    await first.getByLabel('E-mail').fill('marie@cineart');
    await form.getByRole('button', { name: 'Add another contact' }).click();
    const second = form.getByRole('group', { name: 'Contact 2' });
    await second.getByLabel('Name').fill('Luc Peeters');
    await second.getByLabel('Phone').fill('+32 2 555 01 02');
    await screenshot(page, 'buyer-new-1280');
    await form.getByRole('button', { name: 'Add buyer' }).click();
    // the server names the bad address; nothing was written, the form keeps what was typed
    await shows(first, /not an e-mail address/);
    await first.getByLabel('E-mail').fill('marie@cineart.example');
    await form.getByRole('button', { name: 'Add buyer' }).click();
    await shows(page.locator('h1'), 'Cineart');
    await shows(page.locator('body'), 'Marie Dubois');
    await shows(page.locator('body'), 'Luc Peeters');

    // the list: Belgium finds the Benelux buyer, not Neon
    await page.goto(`${w.url}/buyers`);
    await shows(page.locator('table.data'), 'Neon');
    await page.getByRole('combobox', { name: 'Buys in' }).fill('Belgium');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => page.locator('table.data tbody tr').count()).toBe(1);
    await shows(page.locator('table.data'), 'Cineart');
    expect(page.url()).toContain('territory=Belgium');
    await screenshot(page, 'buyers-list-1280');

    // a screener: our own link, followed once, shows as opened
    await page.getByRole('link', { name: 'Cineart' }).click();
    await shows(page.locator('h1'), 'Cineart');
    await page.getByRole('button', { name: 'Add screener link' }).click();
    const sform = page.getByRole('form', { name: 'New screener link' });
    await sform.getByLabel('Title').fill('One Second');
    await page
      .getByRole('option', { name: /^One Second/ })
      .first()
      .click();
    await sform.getByLabel('Link from the video host').fill('https://video.example/watch/one-second?k=abc');
    await sform.getByRole('button', { name: 'Add screener link' }).click();
    await shows(page.locator('body'), 'Screener link added');
    const buyer = (await (await page.request.get(`${w.url}/api/buyers/cineart`)).json()) as { screeners: Array<{ link: string }> };
    const followed = await page.request.get(`${w.url}${buyer.screeners[0].link}`, { maxRedirects: 0 });
    expect([followed.status(), followed.headers().location]).toEqual([302, 'https://video.example/watch/one-second?k=abc']);
    await page.reload();
    await shows(page.locator('body'), /1 time, last/);

    // the avails sheet for One Second: shown, then downloaded as PDF
    await page.getByLabel('Titles', { exact: true }).fill('One Second');
    await page
      .getByRole('option', { name: /^One Second/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Show the sheet' }).click();
    const sheet = page.getByRole('region', { name: 'Avails sheet' });
    await shows(sheet, 'Luxembourg');
    await screenshot(page, 'buyer-page-1280');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^avails-cineart-\d{4}-\d{2}-\d{2}\.pdf$/);
    const parser = new PDFParse({ data: readFileSync((await download.path())!) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Avails for Cineart');
    for (const c of ['Belgium', 'Luxembourg', 'Netherlands']) expect(text).toContain(c);
    for (const c of ['France', 'United States', 'Canada', 'Neon', 'WB-NEON']) expect(text).not.toContain(c);
    expect(text).toMatch(/déc\.|janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\./); // dates in French

    // a company's page leads to its buyer page, or offers to make it a buyer
    await page.goto(`${w.url}/companies/neon`);
    await page.getByRole('link', { name: 'buyer page' }).click();
    await shows(page.locator('h1'), 'Neon');
    await shows(page.locator('body'), 'WB-NEON-ONE-SECOND-NA'); // its history with us
    await page.goto(`${w.url}/companies/huanxi-media-group`);
    await page.getByRole('link', { name: 'make it a buyer' }).click();
    await shows(page.getByRole('form', { name: 'New buyer' }), 'Huanxi Media Group');

    await page.goto(`${w.url}/buyers/cineart`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await visible(page.locator('h1'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'buyer-page-390');
    await page.goto(`${w.url}/buyers?territory=Belgium`);
    await shows(page.locator('table.data'), 'Cineart');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'buyers-list-390');
  }, 240_000);
});
