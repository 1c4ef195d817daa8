/**
 * The sentences the reader could not read, in a real Chromium: an article of our own with a deal the
 * rules miss; the review lists the sentence and marks it in the text; clicking the mark opens the form;
 * the reviewer adds the deal, which becomes a pending fact like the others and is accepted. At desktop
 * and phone width; screenshots go to test-results/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, screenshot, shows, signIn, startWorld, type World } from '../browser/harness.js';

const ARTICLE = [
  'Greyline Releasing has acquired U.S. rights to "The Copper Bay" from Northlight Sales.',
  "Lantern Pictures, fresh from a busy week and a long night, also closed on Dana Holt's Salt Road, a tale told over one long winter, which it will put in cinemas this autumn.",
  'The weather in Cannes was warm all week and nobody complained.',
].join('\n');

describeBrowser('web app: adding what the reader missed', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    await signIn(w.page, w.url);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it('lists the sentence that gave no deal, marks it in the text, and adds the deal a person reads there', async () => {
    const { page } = w;
    await page.goto(`${w.url}/articles`);
    await page.getByLabel('Article text').fill(ARTICLE);
    await page.getByLabel('Outlet').fill('Example Trade');
    await page.getByRole('button', { name: 'Read the article' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 60_000 }).toMatch(/^\/articles\/[\w-]+$/);
    await page.getByRole('heading', { name: 'Not read (1)' }).waitFor();
    await shows(page.locator('.unread-item'), 'Lantern Pictures, fresh from a busy week');
    expect(await page.locator('.fact-item', { hasText: 'Greyline Releasing acquired' }).count()).toBe(1);
    await screenshot(page, 'unread-01-listed');

    // the dashed mark in the text opens the sentence's form
    await page.locator('.article-text mark.is-unread').click();
    const form = page.getByRole('form', { name: 'Add the fact this sentence states' });
    await form.waitFor();
    // a buyer is needed: the browser says so before anything is sent
    // the company the sentence names and no fact does is offered as the buyer
    expect(await form.getByLabel('Buyer').inputValue()).toBe('Lantern Pictures');
    // and the title the sentence gives after the auteur's possessive
    expect(await form.getByLabel('Title').inputValue()).toBe('Salt Road');
    await form.getByLabel('Territories').fill('France');
    await screenshot(page, 'unread-02-form', { viewportOnly: true });
    await form.getByRole('button', { name: 'Add to review' }).click();

    const card = page.locator('.fact-item', { hasText: 'Lantern Pictures acquired France of Salt Road' });
    await card.waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /^Not read/ }).count()).toBe(0);
    await shows(card, '100%');
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await shows(card, /accepted/);
    await screenshot(page, 'unread-03-accepted');
  });

  it('at phone width the list and the form stack in one column', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${w.url}/articles`);
    await page.getByLabel('Article text').fill(ARTICLE.replace('The Copper Bay', 'The Copper Bay Two'));
    await page.getByRole('button', { name: 'Read the article' }).click();
    await page.getByRole('heading', { name: 'Not read (1)' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Add what it says…' }).click();
    const form = page.getByRole('form', { name: 'Add the fact this sentence states' });
    await form.getByLabel('It states').selectOption('rumour');
    await form.getByLabel('In talks').waitFor();
    const title = await form.getByLabel('Title').boundingBox();
    const who = await form.getByLabel('In talks').boundingBox();
    // one column: the second field is below the first, not beside it
    expect(who!.y).toBeGreaterThan(title!.y + title!.height - 1);
    expect(title!.width).toBeGreaterThan(250);
    await screenshot(page, 'unread-04-phone-form', { viewportOnly: true });
    await form.getByLabel('Title').fill('Salt Road Two');
    await form.getByLabel('In talks').fill('Kinofilm');
    await form.getByRole('button', { name: 'Add to review' }).click();
    await shows(page.locator('.fact-item'), 'Kinofilm');
    await screenshot(page, 'unread-05-phone-added');
  });

  it('a sentence with nothing to add is marked checked, leaves the count and the marks, and is put back by Undo', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${w.url}/articles`);
    const chatter = 'Sales were brisk at the Palais all week, said Northlight Sales, which hopes to announce more deals soon.';
    await page.getByLabel('Article text').fill([ARTICLE.replace('The Copper Bay', 'The Copper Bay Three'), chatter].join('\n'));
    await page.getByRole('button', { name: 'Read the article' }).click();
    await page.getByRole('heading', { name: 'Not read (2)' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.article-text mark.is-unread').count()).toBe(2);

    const item = page.locator('.unread-item', { hasText: 'Sales were brisk' });
    await item.getByRole('button', { name: 'Nothing to add' }).click();
    await page.getByRole('heading', { name: 'Not read (1)' }).waitFor();
    expect(await page.locator('.article-text mark.is-unread').count()).toBe(1);
    await shows(page.getByRole('status'), 'Checked: nothing to add.');
    await shows(page.locator('.unread-checked summary'), 'Checked, nothing to add (1)');
    await page.locator('.unread-checked summary').click();
    await shows(page.locator('.unread-item.is-checked'), /Checked by admin/);
    await screenshot(page, 'unread-06-checked');

    // the undo: back on the list, marked again
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'Not read (2)' }).waitFor();
    expect(await page.locator('.article-text mark.is-unread').count()).toBe(2);
    expect(await page.locator('.unread-checked').count()).toBe(0);

    // both checked: the panel says nothing is left to read; reading the page again keeps it so
    for (const hasText of ['Sales were brisk', 'Lantern Pictures']) {
      await page.locator('.unread-item', { hasText }).getByRole('button', { name: 'Nothing to add' }).click();
      await page.locator('.unread-item.is-checked', { hasText }).waitFor({ state: 'attached' });
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Not read (0)' }).waitFor();
    await shows(page.locator('.unread-all-checked'), 'All 2 sentences the reader could not read have been checked');
    // the articles list (newest first): nothing left to read in this one
    await page.goto(`${w.url}/articles`);
    await page.getByRole('columnheader', { name: 'Sentences to read' }).waitFor();
    expect(await page.locator('tbody tr').first().locator('td').nth(4).textContent()).toBe('0');
    await page.goBack();
    await page.getByRole('heading', { name: 'Not read (0)' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'unread-07-phone-all-checked', { viewportOnly: true });
    // the articles list on a phone: the headline, and its counts on one line under it
    await page.goto(`${w.url}/articles`);
    const line = page.locator('tbody tr').first().locator('.articles-phone-line');
    await shows(line, '0 to read');
    expect(await page.getByRole('columnheader', { name: 'Sentences to read' }).isVisible()).toBe(false);
    await screenshot(page, 'unread-08-phone-articles', { viewportOnly: true });
  });
});
