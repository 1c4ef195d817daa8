/**
 * A refused save names the field as the form labels it and marks it, in a real Chromium against
 * the real server and the demo data: the deal editor (no title, Territories cleared, an MG typed
 * "1,5 Mio"), a new festival with no name, the ledger's "Add to the ledger" with nothing filled
 * in, and an article's deal fact edited to end before it starts. No message shows the server's
 * path ("titleIds", "On", "Fields.blocks[0]"), the validator's words ("Must NOT") or a regular
 * expression. Screenshots at 1280 px in test-results/field-errors-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

/** What no message a person reads may hold: the validator's words, a pattern, a server path. */
const RAW = /must NOT|must match|must have required|fewer than|\^\(|\\d|titleIds|mg\.amount|blocks\[|fields\./i;
/** The ledger's date by the server's name for it, not its label. */
const ON = /(^|\. )On: /;

/** The text of every error a person sees on the page: field errors and the notes above or below the buttons. */
async function errorTexts(page: Page): Promise<string[]> {
  return page.locator('.field-error, .error-note, [role="alert"]').allInnerTexts();
}

/** A 1280 px picture of what a reader sees around `target` (scrolled to the middle of the window). */
async function pictureAround(target: Locator, name: string): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(target.page(), name, { viewportOnly: true });
}

async function expectNoRawText(page: Page): Promise<void> {
  for (const text of await errorTexts(page)) {
    expect(text, text).not.toMatch(RAW);
    expect(text, text).not.toMatch(ON);
  }
}

/** The control labelled `label` inside `scope` is marked invalid and its field shows `says`. */
async function expectMarked(scope: Locator, label: string, says: string | RegExp): Promise<void> {
  const control = scope.getByLabel(label, { exact: true });
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true');
  // (an inner locator is read from the candidate element, so it starts from the page, not from scope)
  const field = scope.locator('.field--error', { has: scope.page().getByLabel(label, { exact: true }) });
  await shows(field.locator('.field-error'), says);
}

describeBrowser('errors name the field as the form labels it, and mark it', () => {
  let w: World;
  let page: Page;
  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    page = w.page;
    await signIn(page, w.url);
  }, 240_000);
  afterAll(async () => w?.close());

  it('a new deal saved with no title: "Check Titles: at least one title", the Titles field marked', async () => {
    await page.goto(`${w.url}/deals/new`);
    await page.getByRole('button', { name: 'Create deal' }).click();
    const form = page.locator('#deal-form');
    await shows(form.locator('.error-note'), 'Not saved. Check Titles: at least one title');
    await expectMarked(form, 'Titles', 'At least one title');
    await expectNoRawText(page);
    await page.keyboard.press('Escape');
    await screenshot(page, 'field-errors-deal-no-title-1280', { viewportOnly: true });
    await pictureAround(form.locator('.error-note'), 'field-errors-deal-no-title-note-1280');
  });

  it('a deal with Territories cleared, then an MG typed "1,5 Mio": each named and marked', async () => {
    const company = async (name: string) =>
      (await call<{ items: Array<{ id: string; name: string }> }>(page, 'GET', `/api/companies?q=${encodeURIComponent(name)}`)).items.find(
        (c) => c.name === name,
      )!.id;
    const made = await call<{ id: string }>(page, 'POST', '/api/contracts', {
      ref: 'WB-NEON-ONE-SECOND-PT',
      status: 'negotiating',
      licensorId: await company('Wild Bunch'),
      licenseeId: await company('Neon'),
      titleIds: ['one-second'],
      blocks: [{ territories: 'Portugal', media: 'SVOD', start: '2031-01-01', end: '2031-12-31', exclusive: false }],
    });
    await page.goto(`${w.url}/deals/${made.id}`);
    const form = page.locator('#deal-form');
    await form.getByLabel('Territories', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await shows(form.locator('.error-note'), /Not saved\. Check Territories of rights block 1: required/);
    await expectMarked(form, 'Territories', /^Required/);
    await expectNoRawText(page);
    await pictureAround(form.getByLabel('Territories', { exact: true }), 'field-errors-deal-territories-1280');
    await pictureAround(form.locator('.error-note'), 'field-errors-deal-territories-note-1280');

    await form.getByLabel('Territories', { exact: true }).fill('Portugal');
    await page.getByRole('heading', { level: 1 }).click();
    await form.getByLabel('Minimum guarantee').fill('1,5 Mio');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await shows(
      form.locator('.error-note'),
      'Not saved. Check Minimum guarantee: "1,5 Mio" is not in the expected form: decimal, zero or more',
    );
    await expectMarked(form, 'Minimum guarantee', '"1,5 Mio" is not in the expected form: decimal, zero or more, e.g. "1500000.00"');
    await expectNoRawText(page);
    await pictureAround(form.locator('.error-note'), 'field-errors-deal-mg-1280');
  });

  it('a new festival with no name: the Name field marked "Required"', async () => {
    await page.goto(`${w.url}/festivals`);
    await page.getByRole('button', { name: 'New festival' }).click();
    const form = page.getByRole('form', { name: 'New festival' });
    await form.getByRole('button', { name: 'Add festival' }).click();
    await expectMarked(form, 'Name', /^Required$/);
    await expectNoRawText(page);
    await pictureAround(form, 'field-errors-festival-1280');
  });

  it('"Add to the ledger" with nothing filled in marks Date, then Amount, under their labels', async () => {
    const list = await call<{ items: Array<{ id: string; ref: string }> }>(page, 'GET', '/api/contracts?q=WB-NEON-ONE-SECOND-NA');
    await page.goto(`${w.url}/deals/${list.items.find((d) => d.ref === 'WB-NEON-ONE-SECOND-NA')!.id}`);
    const ledger = page.getByRole('form', { name: 'Add to the ledger' });
    await ledger.getByRole('button', { name: 'Add to the ledger' }).click();
    await expectMarked(ledger, 'Date', 'Required, YYYY-MM-DD, from 1870 to 2199');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    await expectNoRawText(page);
    await pictureAround(ledger, 'field-errors-ledger-empty-1280');

    await ledger.getByLabel('Date').fill('2022-02-01');
    expect(await ledger.getByLabel('Date').getAttribute('aria-invalid')).toBeNull();
    await ledger.getByRole('button', { name: 'Add to the ledger' }).click();
    await expectMarked(ledger, 'Amount', /^Required, a decimal amount/);
    await ledger.getByLabel('Amount').fill('-300');
    await ledger.getByRole('button', { name: 'Add to the ledger' }).click();
    await expectMarked(ledger, 'Amount', 'Must be more than zero');
    await expectNoRawText(page);
    await pictureAround(ledger, 'field-errors-ledger-amount-1280');
  });

  it('an article’s deal fact edited to end before it starts: "Term end" named and marked', async () => {
    const sentence = 'Brightmoor Pictures has acquired Benelux rights to “The Tin Lighthouse” from Kestrel Sales.';
    const added = await call<{ article: { id: string } }>(page, 'POST', '/api/articles', {
      text: `${sentence} The film follows a ferry pilot who keeps a lighthouse lit after the island empties.`,
      outlet: 'Trade Weekly',
    });
    await page.goto(`${w.url}/articles/${added.article.id}`);
    const fact = page.locator('.fact-item', { hasText: 'Brightmoor Pictures acquired' });
    await fact.getByRole('button', { name: 'Edit' }).click();
    await fact.getByLabel('Term start').fill('2027-06-01');
    await fact.getByLabel('Term end').fill('2026-01-01');
    await fact.getByRole('button', { name: 'Accept as edited' }).click();
    await shows(fact.locator('.error-note'), 'Term end: end 2026-01-01 is before start 2027-06-01');
    await expectMarked(fact, 'Term end', 'End 2026-01-01 is before start 2027-06-01');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('2026-01-01');
    await expectNoRawText(page);
    await pictureAround(fact.locator('.fact-edit'), 'field-errors-article-fact-1280');

    // corrected, the mark goes and the fact is accepted
    await fact.getByLabel('Term end').fill('2029-05-31');
    expect(await fact.getByLabel('Term end').getAttribute('aria-invalid')).toBeNull();
    await fact.getByRole('button', { name: 'Accept as edited' }).click();
    await shows(page.locator('.fact-item.is-accepted', { hasText: 'Brightmoor' }), /written to|already on record/);
  });
});
