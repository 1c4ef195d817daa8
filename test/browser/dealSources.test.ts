/**
 * Issue 12, "facts not yet reviewed are marked as such wherever they show", on the deal page, as
 * a new user meets it: a deal imported from the trade press (its article's sentence tied to it,
 * nobody has reviewed it) reads "from the press, not yet reviewed" with the sentence; the user
 * pastes the article in Articles, follows "Review it in the article" from the deal page, accepts
 * the deal fact there, and the deal page then says it was accepted from the press, the marker
 * gone. At 1280 and 390 px; screenshots in test-results/deal-sources-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

/** Our own short articles (never a real one): a distributor takes one territory of a film from its sales agent. */
const CASES = [
  {
    width: 1280,
    height: 900,
    ref: 'HARROW-SALT-DE',
    buyer: 'Harrow Lane Films',
    title: 'The Salt Orchard',
    territory: 'Germany',
    sentence: 'Harrow Lane Films has picked up German rights to “The Salt Orchard” from Kestrel Sales.',
    rest: ' The drama follows three sisters who keep a failing orchard on a windy northern coast.',
  },
  {
    width: 390,
    height: 844,
    ref: 'QUARRY-LANTERN-ES',
    buyer: 'Quarry Hill Pictures',
    title: 'The Lantern Keeper',
    territory: 'Spain',
    sentence: 'Quarry Hill Pictures has acquired Spanish rights to “The Lantern Keeper” from Kestrel Sales.',
    rest: ' The film follows a lighthouse keeper who refuses to leave his post after the light is automated.',
  },
] as const;

type Case = (typeof CASES)[number];

/** What a reader sees of the deal page without scrolling, and its sources panel scrolled into view (a tall page's full picture is too small to read at 390 px). */
async function pictures(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `${name}-top`, { viewportOnly: true });
  await page.locator('#deal-sources').scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-panel`, { viewportOnly: true });
}

/** The deal and its article's sentence as an interchange document, the sentence not yet reviewed (as an import or the demo brings it). */
function pressDocument(c: Case) {
  return {
    format: 'filmrights/1',
    companies: [
      { name: c.buyer, kind: 'distributor' },
      { name: 'Kestrel Sales', kind: 'sales-agent' },
    ],
    titles: [{ title: c.title, year: 2025 }],
    contracts: [
      {
        ref: c.ref,
        direction: 'third-party',
        status: 'announced',
        licensor: 'Kestrel Sales',
        licensee: c.buyer,
        titles: [c.title],
        blocks: [{ territories: c.territory, media: 'All Media', exclusive: true }],
      },
    ],
    sources: [
      {
        kind: 'article',
        outlet: 'Trade Weekly',
        publishedOn: '2025-05-14',
        title: `${c.buyer} takes ${c.title}`,
        text: c.sentence + c.rest,
        facts: [{ fact: 'contract', ref: c.ref, quote: c.sentence }],
      },
    ],
  };
}

describeBrowser('the deal page shows where a deal came from, reviewed or not', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    await signIn(w.page, w.url);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  for (const c of CASES) {
    it(`at ${c.width} px: "from the press, not yet reviewed" with the sentence, gone once the fact is accepted in the article`, async () => {
      const { page } = w;
      await page.setViewportSize({ width: c.width, height: c.height });
      const content = Buffer.from(JSON.stringify(pressDocument(c))).toString('base64');
      await call(page, 'POST', '/api/import', { filename: `${c.ref}.json`, content, mode: 'commit' });
      const list = await call<{ items: Array<{ id: string; ref: string }> }>(page, 'GET', `/api/contracts?q=${c.ref}`);
      const id = list.items.find((d) => d.ref === c.ref)!.id;

      // the deal page before anyone has read the article in
      await page.goto(`${w.url}/deals/${id}`);
      const main = page.locator('main');
      await shows(main, 'from the press, not yet reviewed');
      await shows(page.locator('#deal-sources'), c.sentence);
      await shows(page.locator('#deal-sources'), /paste the article in Articles/);
      await screenshot(page, `deal-sources-imported-${c.width}`);

      // the user pastes the article in Articles (the same text: the stored source is reused)
      await page.goto(`${w.url}/articles`);
      await page.getByLabel('Article text').fill(c.sentence + c.rest);
      await page.getByLabel('Outlet').fill('Trade Weekly');
      await page.getByRole('button', { name: 'Read the article' }).click();
      await page.waitForURL(/\/articles\/[^/?]+$/);

      // back on the deal page, the marker leads to the deal fact in the article
      await page.goto(`${w.url}/deals/${id}`);
      await shows(main, 'from the press, not yet reviewed');
      await shows(page.locator('#deal-sources'), c.sentence);
      await shows(page.locator('#deal-sources'), /Read .*2\d{3}/);
      await screenshot(page, `deal-sources-waiting-${c.width}`);
      await pictures(page, `deal-sources-waiting-${c.width}`);
      await page.locator('.deal-origin').getByRole('link', { name: 'Review it in the article' }).click();
      await page.waitForURL(/\/articles\/[^/?]+\?fact=/);
      const current = page.locator('.fact-item.is-current');
      await shows(current, c.buyer);
      await screenshot(page, `deal-sources-review-${c.width}`, { viewportOnly: true });
      await current.getByRole('button', { name: 'Accept', exact: true }).click();
      await shows(page.locator('.fact-item.is-accepted'), /already on record/);

      // reviewed: the marker is gone, the deal says it was accepted from the press
      await page.goto(`${w.url}/deals/${id}`);
      await shows(main, /Accepted from the press: Trade Weekly/);
      await shows(page.locator('#deal-sources'), 'from the press, reviewed');
      await shows(page.locator('#deal-sources'), c.sentence);
      expect(await page.getByText('not yet reviewed').count()).toBe(0);
      await screenshot(page, `deal-sources-reviewed-${c.width}`);
      await pictures(page, `deal-sources-reviewed-${c.width}`);
    }, 120_000);
  }

  it("lists mark the demo's press deals not yet reviewed the same way: deals, a company's page, home, a title's deals", async () => {
    const { page } = w;
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${w.url}/deals`);
      const neonRow = page.locator('tr', { hasText: 'WB-NEON-ONE-SECOND-NA' });
      await shows(neonRow, 'from the press, not yet reviewed');
      await screenshot(page, `deal-sources-list-${width}`, { viewportOnly: true });
      await page.goto(`${w.url}/companies`);
      await page.getByRole('link', { name: 'Neon', exact: true }).first().click();
      await shows(page.locator('tr', { hasText: 'NEON-PARASITE-US-CA' }), 'from the press, not yet reviewed');
      await screenshot(page, `deal-sources-company-${width}`, { viewportOnly: true });
      await page.goto(`${w.url}/`);
      await shows(page.locator('#signed'), 'from the press, not yet reviewed');
      await page.goto(`${w.url}/titles/one-second`);
      // the page fetches each whole contract after the summaries: the mark must stay once they are in
      await page.locator('#contracts').waitFor();
      await page.waitForLoadState('networkidle');
      const titleDeal = page.locator('tr', { hasText: 'WB-NEON-ONE-SECOND-NA' }).first();
      await shows(titleDeal, 'from the press, not yet reviewed');
      await titleDeal.scrollIntoViewIfNeeded();
      await screenshot(page, `deal-sources-title-${width}`, { viewportOnly: true });
    }
  });

  it('a deal entered by hand says it has no source, and shows no marker', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1280, height: 900 });
    const list = await call<{ items: Array<{ id: string; ref: string }> }>(page, 'GET', '/api/contracts?q=NEON-A-CHIARA');
    const neon = await call<{ licensee: { id: string }; titles: Array<{ id: string }> }>(page, 'GET', `/api/contracts/${list.items[0].id}`);
    const made = await call<{ id: string }>(page, 'POST', '/api/contracts', {
      ref: 'NEON-A-CHIARA-IT-HAND',
      status: 'draft',
      direction: 'third-party',
      licenseeId: neon.licensee.id,
      titleIds: [neon.titles[0].id],
      blocks: [{ territories: 'Italy', media: 'All Media' }],
    });
    await page.goto(`${w.url}/deals/${made.id}`);
    await shows(page.locator('#deal-sources'), 'No source recorded: this deal was entered by hand.');
    expect(await page.getByText('not yet reviewed').count()).toBe(0);
  });
});
