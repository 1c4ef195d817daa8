/**
 * The demo in a real Chromium, as a new user first sees it (`npm start`): the Neon licence's
 * Accounts show the worked example (USD 210,000.00 due for 2022-Q1) without anything entered; the
 * Marché du Film 2021 shows its meetings and screening in the day and week views and its line-up;
 * the offers list and a buyer page have the demo's buyers and offers. The Accounts read as the rest
 * of the app (dates through its formatter, every field label alike), and a fresh deal with no terms
 * yet opens without a console error. Screenshots at 1280 px in test-results/ (demo-*.png).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

describeBrowser('the demo in the browser', () => {
  let w: World;
  let page: Page;
  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    page = w.page;
    await signIn(page, w.url);
  }, 240_000);
  afterAll(async () => w?.close());

  it("shows the Neon licence's accounts: terms, ledger, revenue and the 2022-Q1 statement", async () => {
    const found = (await (await page.request.get(`${w.url}/api/contracts?q=WB-NEON`)).json()) as {
      items: Array<{ id: string; ref: string }>;
    };
    const neon = found.items.find((c) => c.ref === 'WB-NEON-ONE-SECOND-NA')!;
    await page.goto(`${w.url}/deals/${neon.id}`);
    const accounts = page.locator('#accounts');
    await visible(accounts);
    await shows(accounts, '3 revenue report lines recorded');
    await shows(accounts, 'Expense: P&A');
    await accounts.getByLabel('Statement period').selectOption('2022-Q1');
    await shows(accounts, 'Amount due: USD 210,000.00');
    await accounts.evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'demo-accounts-1280', { viewportOnly: true });
    await screenshot(page, 'demo-deal-1280');
    await accounts.getByRole('table', { name: 'Statement 2022-Q1' }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'demo-statement-1280', { viewportOnly: true });
    // dates read as the rest of the app reads them (Jul 22, 2021), not as ISO strings
    await shows(accounts, 'Jul 22, 2021');
    expect(await accounts.innerText()).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('draws every Accounts field label alike', async () => {
    const found = (await (await page.request.get(`${w.url}/api/contracts?q=WB-NEON`)).json()) as {
      items: Array<{ id: string; ref: string }>;
    };
    await page.goto(`${w.url}/deals/${found.items.find((c) => c.ref === 'WB-NEON-ONE-SECOND-NA')!.id}`);
    const accounts = page.locator('#accounts');
    await shows(accounts, 'revenue report lines recorded');
    await accounts.locator('summary').first().click();
    await visible(accounts.getByRole('form', { name: 'Financial terms' }));
    // the look of each label's own words (a label wrapping its control is measured without the control's text)
    const looks = await accounts.locator('label').evaluateAll((labels) =>
      labels.map((l) => {
        const own = [...l.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim();
        const s = getComputedStyle(l);
        const control = (l as HTMLLabelElement).control;
        const c = control ? getComputedStyle(control) : null;
        return { own, look: { label: `${s.fontSize} ${s.fontWeight} ${s.color}`, control: c && `${c.fontSize} ${c.fontWeight}` } };
      }),
    );
    const look = (own: string) => looks.find((l) => l.own === own)?.look;
    expect(look('Date')).toBeTruthy();
    for (const label of ['Kind', 'Reporting', 'Add', 'Pays', 'Statement period'])
      expect(look(label), `the label “${label}”`).toEqual(look('Date'));
  });

  it("draws the Articles boxes (a URL, an outlet) in the app's style, as every other text box", async () => {
    await page.goto(`${w.url}/articles`);
    const look = (label: string) =>
      page.getByLabel(label, { exact: true }).evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
          padding: s.padding,
          radius: s.borderRadius,
          tall: parseFloat(s.height) >= 32,
        };
      });
    const date = await look('Published on');
    expect(date).toEqual({ border: '1px solid rgb(196, 202, 211)', padding: '6px 8px', radius: '5px', tall: true });
    expect(await look('Or its address (URL)')).toEqual(date);
    expect(await look('Outlet')).toEqual(date);
    expect(await page.getByLabel('Outlet', { exact: true }).getAttribute('type')).toBe('text');
  });

  it("opens a fresh deal's page (no financial terms yet) without a console error", async () => {
    const fresh = (await (
      await page.request.post(`${w.url}/api/contracts`, {
        data: {
          ref: 'ONESEC-LAPWING-IS',
          status: 'negotiating',
          licensorId: 'wild-bunch',
          licenseeId: 'neon',
          titleIds: ['one-second'],
          blocks: [{ territories: 'Iceland', media: 'SVOD', start: '2032-01-01', end: '2033-12-31', exclusive: false }],
        },
      })
    ).json()) as { id?: string; message?: string };
    expect(fresh.id, fresh.message).toBeTruthy();
    const problems: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    };
    const onResponse = (r: { status(): number; url(): string }) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    };
    page.on('console', onConsole);
    page.on('response', onResponse);
    try {
      await page.goto(`${w.url}/deals/${fresh.id}`);
      const accounts = page.locator('#accounts');
      await shows(accounts, 'Financial terms (none yet)');
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'demo-fresh-deal-1280');
    } finally {
      page.off('console', onConsole);
      page.off('response', onResponse);
    }
    expect(problems).toEqual([]);
  });

  it('shows the Marché du Film 2021: the day, the week and the line-up', async () => {
    const markets = (await (await page.request.get(`${w.url}/api/markets`)).json()) as Array<{ id: string; name: string }>;
    expect(markets.map((m) => m.name)).toEqual(['Marché du Film']);
    await page.goto(`${w.url}/markets/${markets[0].id}`);
    await shows(page.locator('h1'), 'Marché du Film 2021');
    await shows(page.locator('.page-sub'), 'times in Europe/Paris');
    await expect.poll(() => page.locator('.sched-list .sched-item').count()).toBe(1);
    await shows(page.locator('.sched-list'), 'Neon');
    await screenshot(page, 'demo-market-1280');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const week = page.locator('.sched-week').first();
    await visible(week);
    await shows(week, 'Harbour Lane Pictures');
    await shows(week, 'Tsubame Eiga');
    await shows(week, 'One Second');
    await screenshot(page, 'demo-market-week-1280');
    await page.getByRole('button', { name: 'Line-up', exact: true }).click();
    await shows(page.locator('main'), 'One Second');
    await screenshot(page, 'demo-market-lineup-1280');
  });

  it('lists the two offers and the two buyers with their contacts', async () => {
    await page.goto(`${w.url}/offers`);
    await page.locator('.offers-table').waitFor();
    await expect.poll(() => page.locator('.offers-table tbody tr').count()).toBe(2);
    await shows(page.locator('.offers-table'), 'Harbour Lane Pictures');
    await shows(page.locator('.offers-table'), 'Tsubame Eiga');
    await screenshot(page, 'demo-offers-1280');
    await page
      .locator('.offers-table')
      .getByRole('link', { name: /O-DEMO0001/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Offer O-DEMO0001/ }).waitFor();
    await screenshot(page, 'demo-offer-1280');
    await page.goto(`${w.url}/buyers`);
    await shows(page.locator('table.data'), 'Harbour Lane Pictures');
    await page.locator('table.data').getByRole('link', { name: 'Harbour Lane Pictures' }).click();
    await shows(page.locator('h1'), 'Harbour Lane Pictures');
    await shows(page.locator('body'), 'Olivia Marsh');
    await screenshot(page, 'demo-buyer-1280');
  });
});
