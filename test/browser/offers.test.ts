/**
 * Offers in a real Chromium against the real server and the demo data: an offer for One Second
 * in North America is checked live and shows why it conflicts (sold to Neon); one for Germany is
 * free; it is countered (Germany and Austria), accepted (the title's availability map shows the
 * hold) and signed (the map shows the sale). Screenshots at 1280 and 390 px in test-results/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

async function pick(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function territory(page: Page, value: string) {
  const input = page.getByRole('combobox', { name: 'Territories' }).first();
  await input.fill(value);
  await input.press('Escape');
}

describeBrowser('web app: offers checked live against avails', () => {
  let w: World;
  let offerUrl = '';
  let titleUrl = '';

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    await signIn(w.page, w.url);
    const made = await w.page.request.post(`${w.url}/api/companies`, { data: { name: 'Filmwelt Verleih', kind: 'distributor' } });
    expect(made.status()).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('records an offer that conflicts and shows why', async () => {
    const { page, url } = w;
    await page.goto(`${url}/offers`);
    await page.getByRole('link', { name: 'New offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'New offer' }).waitFor();
    await pick(page, 'Buyer', 'Filmwelt', /Filmwelt Verleih/);
    await pick(page, 'Titles', 'One Second', /^One Second/);
    await territory(page, 'North America');
    await shows(page.locator('.offer-verdict'), 'not free');
    await shows(page.locator('.offer-problems'), /Neon/);
    await shows(page.locator('.offer-problems'), /Sold/);
    await screenshot(page, 'offers-01-conflict-1280');
    await page.getByRole('button', { name: 'Record offer' }).click();
    await page.getByRole('heading', { level: 1, name: /Offer O-/ }).waitFor();
    await shows(page.locator('#check'), /Neon/);
  });

  it('records one that does not, counters it and compares the versions', async () => {
    const { page, url } = w;
    await page.goto(`${url}/offers/new`);
    await pick(page, 'Buyer', 'Filmwelt', /Filmwelt Verleih/);
    await pick(page, 'Titles', 'One Second', /^One Second/);
    await territory(page, 'Germany');
    await shows(page.locator('.offer-verdict'), 'All the rights asked are free');
    await page.getByLabel('Minimum guarantee').fill('120000');
    await expect.poll(() => page.getByLabel('Market').locator('option').count()).toBeGreaterThan(1);
    await page.getByLabel('Market').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Record offer' }).click();
    await page.getByRole('heading', { level: 1, name: /Offer O-/ }).waitFor();
    offerUrl = page.url();
    // the conflicting offer asks for other places: not competing
    await shows(page.locator('#competing'), 'No other open offer');

    await page.getByRole('button', { name: 'Counter / edit' }).click();
    await territory(page, 'Germany, Austria');
    await page.getByLabel('Minimum guarantee').fill('150000');
    await page.getByLabel('Note').fill('Austria added at a higher MG');
    await shows(page.locator('.offer-verdict'), 'All the rights asked are free');
    await page.getByRole('button', { name: 'Save counter-offer' }).click();
    await shows(page.locator('h2'), 'Terms (version 2)');
    await shows(page.locator('.offer-diff-table'), 'Germany, Austria');
    await shows(page.locator('.offer-diff-table'), /150,000/);
    await screenshot(page, 'offers-02-countered-1280');
  });

  it('accepts it (the map shows the hold) and signs it (the map shows the sale)', async () => {
    const { page, url } = w;
    await page.getByRole('button', { name: 'Accept (place a hold)' }).click();
    await shows(page.locator('.offer-contract'), 'hold until');
    await shows(page.locator('h1'), 'Accepted');
    await page.locator('.offer-summary').getByText('One Second').waitFor();
    await page.goto(`${url}/catalog?q=One%20Second`);
    await page.getByRole('link', { name: 'One Second', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /One Second/ }).waitFor();
    titleUrl = page.url();
    const item = (code: string) => page.locator(`.country-list li[data-code="${code}"]`);
    await expect.poll(() => item('DE').getAttribute('data-status')).toBe('on-hold');
    expect(await item('AT').getAttribute('data-status')).toBe('on-hold');
    expect(await item('FR').getAttribute('data-status')).toBe('available');
    await screenshot(page, 'offers-03-map-hold-1280');

    await page.goto(offerUrl);
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await shows(page.locator('h1'), 'On signature');
    await page.getByRole('button', { name: 'Mark signed' }).click();
    await shows(page.locator('h1'), 'Signed');
    await shows(page.locator('.offer-contract'), 'Signed');
    await shows(page.locator('#events'), 'signed');
    // its own sale is not in its way
    await shows(page.locator('.offer-verdict'), 'All the rights asked are free');
    await screenshot(page, 'offers-04-signed-1280');
    await page.goto(titleUrl);
    await expect.poll(() => item('DE').getAttribute('data-status')).toBe('sold');
    expect(await item('AT').getAttribute('data-status')).toBe('sold');
    await screenshot(page, 'offers-05-map-sold-1280');
  });

  it('lists the offers, filtered by status and market', async () => {
    const { page, url } = w;
    await page.goto(`${url}/offers`);
    await page.locator('.offers-table').waitFor();
    // the demo has two offers of its own (Harbour Lane Pictures and Tsubame Eiga, at the Marché du Film 2021)
    const ours = page.locator('.offers-table tbody tr', { hasText: 'Filmwelt Verleih' });
    await expect.poll(() => ours.count()).toBe(2);
    expect(await page.locator('.offers-table tbody tr').count()).toBe(4);
    await page.getByLabel('Status').selectOption('signed');
    await expect.poll(() => page.locator('.offers-table tbody tr').count()).toBe(1);
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('search', { name: 'Filter offers' }).getByLabel('Market').selectOption({ index: 1 });
    await expect.poll(() => ours.count()).toBe(1);
    await shows(page.locator('.offers-table'), 'Signed');
    await screenshot(page, 'offers-09-list-market-1280');
  });

  it('is usable at 390 px: the list, the offer page and its grid fit the width', async () => {
    const { page, url } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/offers`);
    await page.locator('.offers-table').waitFor();
    await screenshot(page, 'offers-06-list-390');
    await page.goto(offerUrl);
    await page.getByRole('heading', { level: 1, name: /Offer O-/ }).waitFor();
    await page.locator('.offer-grid').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'offers-07-offer-390');
    await page.goto(`${url}/offers/new`);
    await page.getByRole('heading', { level: 1, name: 'New offer' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'offers-08-new-390');
  });
});
