/**
 * The accounts in a real Chromium against the real server and the demo data: a Neon licence for
 * One Second (Australia and New Zealand; the demo's North American one has its accounts already)
 * gets its MG and signature on the deal page, then its financial terms in the Accounts section
 * (fees, cap, instalments and events); the P&A and the instalments go in the ledger; the two
 * revenue reports come from one CSV, previewed first; the 2022-Q1 statement shows USD 210,000.00
 * due; it is issued; its PDF downloads and its text shows the amount due, and so does its XLSX.
 * Then the rest of the terms (a category cap, a reserve, annual reporting after some years) change
 * the amount due as worked out by hand. Screenshots at 1280 and 390 px wide in test-results/.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

const REPORT = [
  'Period,Title,Territory,Media,Gross receipts,Currency',
  '2021-Q4,One Second,United States,Theatrical,800000,USD',
  '2021-Q4,One Second,United States,SVOD,1200000,USD',
  '2022-Q1,One Second,United States,SVOD,1000000,USD',
].join('\n');

async function addToLedger(accounts: Locator, what: string, on: string, amount: string, extra: (a: Locator) => Promise<void>) {
  const form = accounts.getByRole('form', { name: 'Add to the ledger' });
  await form.getByLabel('Add').selectOption({ label: what });
  await form.getByLabel('Date').fill(on);
  await form.getByLabel('Amount').fill(amount);
  await extra(form);
  await form.getByRole('button', { name: 'Add to the ledger' }).click();
  // the ledger reads its dates as the app does everywhere (the world's locale is en-US): Nov 2, 2021
  await shows(
    accounts.locator('table.data'),
    new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(on)),
  );
}

const DEAL = 'WB-NEON-ONE-SECOND-ANZ';

describeBrowser('the accounts of a deal in the browser', () => {
  let w: World;
  let page: Page;
  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    page = w.page;
    await signIn(page, w.url);
  }, 240_000);
  afterAll(async () => w?.close());

  it('enters the Neon terms, records a revenue report, shows and issues the statement, downloads its PDF', async () => {
    // The demo's Neon licence for North America has its accounts already (the worked example): the
    // same terms are entered here from nothing on a second Neon licence, for Australia and New Zealand.
    const company = async (name: string) =>
      (
        (await (await page.request.get(`${w.url}/api/companies?q=${encodeURIComponent(name)}`)).json()) as {
          items: Array<{ id: string; name: string }>;
        }
      ).items.find((c) => c.name === name)!.id;
    const made = await page.request.post(`${w.url}/api/contracts`, {
      data: {
        ref: DEAL,
        status: 'signed',
        licensorId: await company('Wild Bunch'),
        licenseeId: await company('Neon'),
        titleIds: ['one-second'],
        blocks: [{ territories: 'Australia, New Zealand', media: 'All Media', start: '2021-09-18', end: '2036-09-17', exclusive: true }],
      },
    });
    expect(made.status()).toBe(201);
    const neon = (await made.json()) as { id: string };
    await page.goto(`${w.url}/deals/${neon.id}`);
    await page.getByLabel('Minimum guarantee').fill('1500000');
    const currency = page.locator('#deal-form').getByLabel('Currency');
    if ((await currency.evaluate((el) => el.tagName)) === 'SELECT') await currency.selectOption('USD');
    else await currency.fill('USD');
    await page.getByLabel('Signed on').fill('2021-07-20');
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await shows(page.locator('body'), /Saved as/);

    const accounts = page.locator('#accounts');
    await visible(accounts);
    const terms = accounts.getByRole('form', { name: 'Financial terms' });
    await terms.getByLabel('Currency').fill('USD');
    await terms.getByLabel('Expense cap').fill('500000');
    await terms.getByRole('button', { name: 'Add a fee line' }).click();
    await terms.getByRole('button', { name: 'Add a fee line' }).click();
    await terms.getByLabel('Fee 1 media').fill('Theatrical');
    await terms.getByLabel('Fee 1 rate').fill('30%');
    await terms.getByLabel('Fee 1 label').fill('Theatrical');
    await terms.getByLabel('Fee 2 rate').fill('25%');
    await terms.getByLabel('Fee 2 label').fill('All other media');
    await terms.getByRole('button', { name: 'Add an instalment' }).click();
    await terms.getByRole('button', { name: 'Add an instalment' }).click();
    await terms.getByLabel('Instalment 1 label').fill('On signature');
    await terms.getByLabel('Instalment 1 share').fill('20%');
    await terms.getByLabel('Instalment 2 label').fill('On delivery');
    await terms.getByLabel('Instalment 2 share').fill('80%');
    await terms.getByLabel('Instalment 2 event').selectOption('delivery');
    await terms.getByLabel('Signature on').fill('2021-07-20');
    await terms.getByLabel('Delivery on').fill('2021-09-01');
    await terms.getByRole('button', { name: 'Save the terms' }).click();
    await shows(accounts, 'The terms are saved.');

    await addToLedger(accounts, 'an expense', '2021-11-02', '600000', (f) => f.getByLabel('Category').fill('P&A'));
    await addToLedger(accounts, 'a receipt', '2021-07-22', '300000', async () => undefined);
    await addToLedger(accounts, 'a receipt', '2021-09-03', '1200000', async () => undefined);

    await accounts.getByLabel('Report file').setInputFiles({ name: 'neon.csv', mimeType: 'text/csv', buffer: Buffer.from(REPORT) });
    await accounts.getByLabel('Report name').fill('Neon reports');
    await accounts.getByRole('button', { name: 'Preview' }).click();
    await shows(accounts, /Preview: 3 rows, gross USD 3,000,000\.00/);
    await accounts.getByRole('button', { name: 'Record 3 rows' }).click();
    await shows(accounts, /Recorded 3 rows/);

    await accounts.getByLabel('Statement period').selectOption('2022-Q1');
    await shows(accounts, 'Amount due: USD 210,000.00');
    await shows(accounts.getByRole('table', { name: 'Statement 2022-Q1' }), /Minimum guarantee recouped/);
    await screenshot(page, 'money-1280');
    await accounts.getByRole('button', { name: 'Issue', exact: true }).click();
    await shows(accounts, /issued as no\. \d+/);

    const [download] = await Promise.all([page.waitForEvent('download'), accounts.getByRole('link', { name: 'PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^statement-\d+\.pdf$/);
    const parser = new PDFParse({ data: readFileSync((await download.path())!) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Amount due: USD 210,000.00');
    const [sheet] = await Promise.all([page.waitForEvent('download'), accounts.getByRole('link', { name: 'XLSX' }).click()]);
    expect(sheet.suggestedFilename()).toMatch(/^statement-\d+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await sheet.path())!);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((row) => row[1] === 'Amount due')![3]).toBe(210000);

    // saving the terms again as loaded changes nothing: the instalments' shares come back as percentages
    await page.reload();
    await page.locator('#accounts summary').click();
    await page.locator('#accounts').getByRole('button', { name: 'Save the terms' }).click();
    await shows(page.locator('#accounts'), 'The terms are saved.');
    expect(await page.locator('#accounts').getByLabel('Instalment 1 share').inputValue()).toBe('20%');
    await page.locator('#accounts').getByLabel('Statement period').selectOption('2022-Q1');
    await shows(page.locator('#accounts'), 'Amount due: USD 210,000.00');

    // the rest of the terms: a cap per category, a reserve against returns, reporting annual after
    // five years, days until a statement is due, days after the event an instalment falls due.
    // By hand: 2022-Q1's 210,000 of overage is the first money past the MG; 10% of it is held,
    // so 189,000 is due (the issued statement stays as it was issued).
    const form = page.locator('#accounts').getByRole('form', { name: 'Financial terms' });
    await form.getByRole('button', { name: 'Add a category cap' }).click();
    await form.getByLabel('Cap 1 category').fill('P&A');
    await form.getByLabel('Cap 1 amount').fill('450000');
    await form.getByLabel('Reserve held').fill('10%');
    await form.getByLabel('Reserve released after (periods)').fill('x');
    await form.getByRole('button', { name: 'Save the terms' }).click();
    await shows(form, /a whole number/);
    await form.getByLabel('Reserve released after (periods)').fill('2');
    await form.getByLabel('Annual after (years)').fill('5');
    await form.getByLabel('Statement due (days after the period)').fill('60');
    await form.getByLabel('Instalment 2 days after').fill('10');
    await form.getByRole('button', { name: 'Save the terms' }).click();
    await shows(page.locator('#accounts'), 'The terms are saved.');
    await page.locator('#accounts').getByLabel('Statement period').selectOption('2022-Q1');
    // P&A capped at 450,000 by its category: 50,000 more recoups the MG, and the overage is 260,000, 10% held.
    await shows(page.locator('#accounts'), 'Amount due: USD 234,000.00');
    await shows(page.locator('#accounts'), /Reserve against returns/);
    await form.getByRole('heading', { name: 'Distribution fees' }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'money-terms-1280', { viewportOnly: true });
    await page.reload();
    await page.locator('#accounts summary').click();
    const again = page.locator('#accounts').getByRole('form', { name: 'Financial terms' });
    expect(await again.getByLabel('Reserve held').inputValue()).toBe('10%');
    expect(await again.getByLabel('Cap 1 category').inputValue()).toBe('P&A');
    expect(await again.getByLabel('Instalment 2 days after').inputValue()).toBe('10');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${w.url}/deals/${neon.id}`);
    await visible(page.locator('#accounts'));
    await screenshot(page, 'money-390');
    const narrow = page.locator('#accounts').getByRole('form', { name: 'Financial terms' });
    if (!(await narrow.isVisible())) await page.locator('#accounts summary').click();
    await narrow.getByRole('heading', { name: 'Distribution fees' }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'money-terms-390', { viewportOnly: true });
    await narrow.getByRole('heading', { name: 'Reserve and overages' }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'money-terms-reserve-390', { viewportOnly: true });
    await page.goto(`${w.url}/`);
    await shows(page.locator('#money-due'), /WB-NEON-ONE-SECOND-/);
    await screenshot(page, 'money-due-390');
    // the Money due page lists everything, upcoming statements included
    await page.goto(`${w.url}/money`);
    await shows(page.locator('h1'), 'Money due');
    await shows(page.locator('#money-due'), DEAL);
    await shows(page.locator('#money-due'), 'WB-NEON-ONE-SECOND-NA'); // the demo's own licence
    await screenshot(page, 'money-page-390');
  }, 240_000);
});
