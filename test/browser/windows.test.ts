/**
 * A window that depends on an event, in the browser (issue 15): a series with two seasons, a
 * mandate on the series, and a pay-TV sale of Season 1 in Germany "from 6 months after the
 * German theatrical release". The avails and Season 1's title page (its world map, Germany's
 * card, and its episodes' statuses) say "depends on ..." until the release is recorded, then
 * give the exact dates; the deal editor shows the condition. Screenshots at 1280 and
 * 390 px in test-results/windows-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

describeBrowser('a window from 6 months after the German theatrical release', () => {
  let w: World;
  const ids: Record<string, string> = {};
  let saleId = '';

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    await signIn(w.page, w.url);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('records the series, its seasons, the mandate and the conditional sale; the deal editor shows the condition', async () => {
    const { page } = w;
    const title = async (key: string, body: object) => (ids[key] = (await call<{ id: string }>(page, 'POST', '/api/titles', body)).id);
    await title('series', { originalTitle: 'Tidewater', kind: 'series', seriesStatus: 'continuing' });
    for (const n of [1, 2]) {
      await title(`s${n}`, { originalTitle: `Tidewater Season ${n}`, kind: 'season', parentId: ids.series, number: n });
      for (let e = 1; e <= 2; e++)
        await title(`s${n}e${e}`, { originalTitle: `Tidewater S${n}E${e}`, kind: 'episode', parentId: ids[`s${n}`], number: e });
    }
    const company = async (name: string, kind: string) => (await call<{ id: string }>(page, 'POST', '/api/companies', { name, kind })).id;
    const studio = await company('Saltmarsh Pictures', 'production');
    const tv = await company('Kanal Nord', 'broadcaster');
    const we = (await call<{ items: Array<{ id: string }> }>(page, 'GET', '/api/companies?q=Wild%20Bunch', undefined)).items[0].id;
    await call(page, 'POST', '/api/contracts', {
      ref: 'SALTMARSH-TIDEWATER-WW',
      status: 'signed',
      licensorId: studio,
      licenseeId: we,
      titleIds: [ids.series],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2045-12-31' }],
    });
    saleId = (
      await call<{ contract: { id: string } } & { id?: string }>(page, 'POST', '/api/contracts', {
        ref: 'KANALNORD-TIDEWATER-S1',
        status: 'signed',
        licensorId: we,
        licenseeId: tv,
        titleIds: [ids.s1],
        blocks: [
          {
            territories: 'Germany',
            media: 'Pay TV',
            startCondition: { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' },
            end: '2040-12-31',
          },
        ],
      })
    ).id!;
    await page.goto(`${w.url}/deals/${saleId}`);
    const start = page.getByRole('group', { name: 'Block 1 begins' }).first();
    await start.waitFor();
    expect(await start.getByLabel('Block 1 begins: on a date or after an event').inputValue()).toBe('event');
    expect(await start.getByLabel('Block 1 begins: offset').inputValue()).toBe('6');
    expect(await start.getByLabel('Block 1 begins: country').inputValue()).toBe('DE');
    await screenshot(page, 'windows-1-deal-editor-1280');
  });

  /** Season 1's title page, its world map opened on Germany for pay TV in 2027: the country's card. */
  async function seasonMapOnGermany(page: Page) {
    await page.goto(`${w.url}/titles/${ids.s1}`);
    await page.getByRole('heading', { name: 'Episodes' }).waitFor();
    const map = page.locator('.group-map');
    await map.getByText('World map of the whole season').click();
    await map.getByLabel('Media', { exact: true }).fill('Pay TV');
    await map.getByRole('button', { name: 'Custom' }).click();
    await map.getByLabel('From', { exact: true }).fill('2027-01-01');
    await map.getByLabel('To (inclusive)', { exact: true }).fill('2027-12-31');
    await shows(map.locator('.map-caption'), /Pay TV.*Jan 1, 2027 to Dec 31, 2027/);
    await map.getByPlaceholder(/Find a country/).fill('Germany');
    const germany = map.locator('li[data-code="DE"] button');
    await germany.click();
    return map.locator('.worldmap-detail');
  }

  it('says "depends on the German theatrical release + 6 months" until the release is recorded, then the exact dates', async () => {
    const { page } = w;
    const avails = `${w.url}/avails?titles=${ids.s1}&territories=Germany&media=Pay%20TV&start=2027-01-01&end=2027-12-31&match=overlap-part`;
    await page.goto(avails);
    await shows(page.locator('main'), /depends on the German theatrical release \+ 6 months, not yet dated/);
    await screenshot(page, 'windows-2-avails-depends-1280');

    // the title page of Season 1: its world map says Germany depends, in words, with a legend entry of its own
    let card = await seasonMapOnGermany(page);
    await shows(card, /Depends \(not yet dated\)/);
    await shows(card, /depends on the German theatrical release \+ 6 months, not yet dated/);
    await shows(page.locator('.group-map .legend'), /Depends \(not yet dated\)/);
    expect(await page.locator('.group-map li[data-code="DE"]').getAttribute('data-status')).toBe('depends');
    // the episodes' statuses say so too
    await page.getByLabel('Territories').first().fill('Germany');
    await page.locator('.map-controls').first().getByLabel('Media', { exact: true }).fill('Pay TV');
    await page.locator('.map-controls').first().getByLabel('From').fill('2027-01-01');
    await page.locator('.map-controls').first().getByLabel('To (inclusive)').fill('2027-12-31');
    await shows(page.locator('.series-table'), /Depends \(not yet dated\)/);
    // who holds what says when the sale starts, in words, not a dash
    await shows(page.locator('.data--cards'), /the German theatrical release \+ 6 months\s*–\s*Dec 31, 2040/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'windows-3-season-map-depends-1280');

    await call(page, 'POST', '/api/releases', { titleId: ids.s1, territory: 'DE', date: '2027-03-31', kind: 'theatrical' });
    await page.goto(avails);
    await shows(page.locator('main'), /Oct 1, 2027|2027-10-01/);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/depends on/);
    await screenshot(page, 'windows-4-avails-dated-1280');

    // the title page again: the exact dates, free until Sep 30, 2027 and sold from Oct 1, 2027
    card = await seasonMapOnGermany(page);
    await shows(card, /Partly available/);
    await shows(card, /Jan 1, 2027 – Sep 30, 2027\s*available/);
    await shows(card, /Oct 1, 2027 – Dec 31, 2027\s*sold/);
    expect(await card.innerText()).not.toMatch(/depends on/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'windows-5-season-map-dated-1280');
  }, 120_000);

  it('reads on a phone (390 px) without sideways scrolling', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${w.url}/deals/${saleId}`);
    await page.getByRole('group', { name: 'Block 1 begins' }).first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'windows-6-deal-editor-390');
    // the season's map at 390 px: Germany's card with its dates, and no sideways scrolling
    const card = await seasonMapOnGermany(page);
    await shows(card, /Oct 1, 2027 – Dec 31, 2027\s*sold/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'windows-7-season-map-390');
  }, 90_000);
});
