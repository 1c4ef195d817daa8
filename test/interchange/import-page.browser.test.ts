/**
 * The Import page in a real Chromium against the real server and the demo
 * data: upload a deal sheet with a typo, see the problem with its row and
 * column, fix the file, preview what would be created, import it all, and
 * find the deal. Screenshots in test-results/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';
import { describeBrowser, screenshot, shows, signIn, startWorld, type World } from '../browser/harness.js';

describeBrowser('the Import page', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    await signIn(world.page, world.url);
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it('previews a deal sheet with its problems, then imports it all', async () => {
    const { page, url } = world;
    await page.goto(`${url}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    const sheet = (territory: string) =>
      Buffer.from(`Film,Licensee,Territories,Rights,From,To,Excl.\nOne Second,Cinéart,${territory},Pay TV,2023-01-01,2025-12-31,yes\n`);
    await page.getByLabel('File').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: sheet('Benelxu') });
    await page.getByRole('button', { name: 'Preview' }).click();
    await shows(page.locator('.panel'), /1 problem: nothing can be imported/);
    await shows(page.locator('table.data'), /row 2, column C \(Territories\)/);
    await shows(page.locator('table.data'), /Benelux/);
    expect(await page.getByRole('button', { name: 'Import all of it' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-1-problem');

    await page.getByLabel('File').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: sheet('Benelux') });
    await page.getByRole('button', { name: 'Preview' }).click();
    await shows(page.locator('.panel'), /Would create 0 titles, 1 companies, 1 contracts with 1 rights blocks/);
    await screenshot(page, 'import-2-preview');
    await page.getByRole('button', { name: 'Import all of it' }).click();
    await shows(page.locator('.panel'), /^Imported/);
    await shows(page.locator('.panel'), /Created 0 titles, 1 companies, 1 contracts/);
    await screenshot(page, 'import-3-done');

    await page.goto(`${url}/deals?q=Cin%C3%A9art`);
    await shows(page.locator('main, .page').first(), /Cinéart/);
  }, 120_000);

  it('downloads EMA avails XML that validates against the schema', async () => {
    const { page, url } = world;
    await page.goto(`${url}/export`);
    await page.getByRole('heading', { level: 1, name: 'Export' }).waitFor();
    await page.getByLabel('Format').selectOption('ema-xml');
    await page.getByLabel('Version').selectOption('2.4');
    await page.getByLabel('For retailer').fill('iTunes');
    await page.getByLabel('From').fill('2022-01-01');
    await screenshot(page, 'import-4-ema-export');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(dl.suggestedFilename()).toBe('avails-iTunes-v2.4.xml');
    const xml = readFileSync((await dl.path())!, 'utf8');
    expect(xml).toContain('<avails:LicenseType>SVOD</avails:LicenseType>');
    expect((await validateAvailsXml(xml)).valid).toBe(true);
  }, 60_000);
});
