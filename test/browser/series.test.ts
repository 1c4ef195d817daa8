/**
 * A series in the browser (issue 15): a series made in the title editor, two seasons of
 * episodes, a mandate on the whole series (one episode withheld) and a pay-TV sale of
 * Season 1 in Germany; the series page lists its seasons and episodes with their status for
 * Germany, Pay TV. Screenshots at 1280 and 390 px in test-results/series-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

/** A JSON request made by the page, with its session (as the app makes them). */

describeBrowser('a series, its seasons and episodes', () => {
  let w: World;
  let seriesId = '';

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    await signIn(w.page, w.url);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('makes a series in the title editor, with its kind and status', async () => {
    const { page } = w;
    await page.goto(`${w.url}/titles/new`);
    await page.getByLabel('Original title').fill('Borderland');
    await page.getByLabel('Kind').selectOption('series');
    await page.getByLabel('Series status').selectOption('continuing');
    await page.getByLabel('Seasons').fill('2');
    await page.getByRole('button', { name: 'Create title' }).click();
    await page.getByRole('heading', { level: 1, name: /Borderland/ }).waitFor();
    await shows(page.locator('.title-meta'), 'Series, continuing, 2 seasons (estimated)');
    seriesId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(seriesId).toBe('borderland');
  });

  it('lists the seasons and episodes with their status for Germany, Pay TV (1280 px)', async () => {
    const { page } = w;
    const ids: Record<string, string> = {};
    for (const n of [1, 2]) {
      ids[`s${n}`] = (
        await call<{ id: string }>(page, 'POST', '/api/titles', {
          originalTitle: `Borderland Season ${n}`,
          kind: 'season',
          parentId: seriesId,
          number: n,
        })
      ).id;
      for (let e = 1; e <= 3; e++)
        ids[`s${n}e${e}`] = (
          await call<{ id: string }>(page, 'POST', '/api/titles', {
            originalTitle: `Borderland S${n}E${e}`,
            kind: 'episode',
            parentId: ids[`s${n}`],
            number: e,
          })
        ).id;
    }
    const company = async (name: string, kind: string) => (await call<{ id: string }>(page, 'POST', '/api/companies', { name, kind })).id;
    const studio = await company('Fjord Pictures', 'production');
    const himmel = await company('Himmel TV', 'broadcaster');
    const we = (await call<{ items: Array<{ id: string; name: string }> }>(page, 'GET', '/api/companies?q=Wild%20Bunch', undefined))
      .items[0].id;
    await call(page, 'POST', '/api/contracts', {
      ref: 'FJORD-BORDERLAND-WW',
      status: 'signed',
      licensorId: studio,
      licenseeId: we,
      titleIds: [seriesId],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2045-12-31', excludes: [ids.s2e3] }],
    });
    await call(page, 'POST', '/api/contracts', {
      ref: 'HIMMEL-BORDERLAND-S1',
      status: 'signed',
      licensorId: we,
      licenseeId: himmel,
      titleIds: [ids.s1],
      blocks: [{ territories: 'Germany', media: 'Pay TV', start: '2020-01-01', end: '2040-12-31' }],
    });

    await page.goto(`${w.url}/titles/${seriesId}`);
    await page.getByRole('heading', { name: 'Seasons and episodes' }).waitFor();
    await page.getByLabel('Territories').fill('Germany');
    await page.getByLabel('Media').fill('Pay TV');
    const table = page.locator('.series-table');
    await shows(page.locator('.map-caption'), /Partly available.*\(2 of 6 free\)/);
    const rowText = async (name: string) => (await table.getByRole('row', { name }).innerText()).replace(/\s+/g, ' ').trim();
    expect(await rowText('Season 1 Borderland Season 1')).toContain('Unavailable');
    expect(await rowText('Season 2 Borderland Season 2')).toContain('Partly available');
    expect(await rowText('Episode 1 Borderland S2E1')).toContain('Available');
    expect(await rowText('Episode 3 Borderland S2E3')).toContain('Unavailable');
    await screenshot(page, 'series-1-page-1280');

    // an episode's page names its season and series in the breadcrumb
    await table.getByRole('link', { name: 'Episode 2' }).first().click();
    await shows(page.locator('nav.crumbs'), /Borderland \/ Borderland Season 1 \/ Borderland S1E2/);
    await shows(page.locator('.title-meta'), 'Episode 2');
  });

  it('the avails page, asked about the series, says which episodes are free', async () => {
    const { page } = w;
    await page.goto(`${w.url}/avails?titles=${seriesId}&territories=Germany&media=Pay%20TV&start=2027-01-01&end=2027-12-31`);
    const groups = page.locator('.series-groups');
    await shows(groups, /Borderland \(series\) as a whole: partly available\. Free: Borderland S2E1, Borderland S2E2 \(2 of 6\)/);
    await screenshot(page, 'series-3-avails-1280');
  });

  it('reads on a phone (390 px) without sideways scrolling', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${w.url}/titles/${seriesId}`);
    await page.getByRole('heading', { name: 'Seasons and episodes' }).waitFor();
    await page.getByLabel('Territories').fill('Germany');
    await page.getByLabel('Media').fill('Pay TV');
    await shows(page.locator('.map-caption'), /Partly available/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'series-2-page-390');
  });
});
