/**
 * A colleague's first day, in a real Chromium against the real server and the
 * demo data: a new title from the catalog with its director, cast and a sales
 * agent (one person and one company typed that were not on file); a mistake
 * the form marks next to its field; the title corrected (year, billing order);
 * a duplicate record of the same film merged into it; the title added to
 * TIFF's line-up; a box-office figure; a company and a person added from
 * their own lists ("New company", "New person", as the catalog has "New
 * title"), and a name already on file found rather than made twice. Then the same pages at phone width
 * (390 px): nothing wider than the screen. Screenshots in
 * test-results/first-day-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

/** Types into an entity picker and picks the option (an existing record, or "+ Create …"). */
async function pick(page: Page, input: ReturnType<Page['getByLabel']>, typed: string, option: RegExp) {
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** How far the page is wider than the screen, and (to say why) the innermost elements that stick out. */
async function overflow(page: Page): Promise<number> {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (e: Element): boolean => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
      return false;
    };
    const out = [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > width + 1 &&
          !clipped(e) &&
          ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1),
      )
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} in #${e.closest('section')?.id ?? '?'} right=${Math.round(e.getBoundingClientRect().right)}`,
      );
    return { by: document.documentElement.scrollWidth - width, out };
  });
  if (r.by > 0) console.warn(`wider than the screen by ${r.by}px: ${r.out.join('; ')}`);
  return r.by;
}

describeBrowser('web app: a colleague’s first day with the catalog', () => {
  let w: World;
  let titleUrl = '';

  beforeAll(async () => {
    w = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('creates a title from the catalog with credits in billing order and a sales agent', async () => {
    const { page, url } = w;
    await signIn(page, url);
    await page.goto(`${url}/catalog`);
    await page.getByRole('link', { name: 'New title' }).click();
    await page.getByRole('heading', { level: 1, name: 'New title' }).waitFor();
    await page.getByLabel('Original title').fill('Les Heures claires');
    await page.getByLabel('English title').fill('The Clear Hours');
    await page.getByLabel('Year').fill('2024');
    await page.getByLabel('Countries of production').fill('France');
    await page.getByLabel('Original languages').fill('fr');
    // director: a person not on file yet, created with the title
    const credits = page.getByRole('listitem', { name: /^Credit \d/ });
    await pick(page, credits.nth(0).getByLabel('Person'), 'Anaïs Morel', /Create “Anaïs Morel”/);
    await page.getByRole('button', { name: '+ Add credit' }).click();
    await pick(page, credits.nth(1).getByLabel('Person'), 'Paul Ferrand', /Create “Paul Ferrand”/);
    await credits.nth(1).getByLabel('Character').fill('Luc');
    await page.getByRole('button', { name: '+ Add credit' }).click();
    await pick(page, credits.nth(2).getByLabel('Person'), 'Mira Duval', /Create “Mira Duval”/);
    await pick(page, page.getByLabel('Sales agent', { exact: true }), 'wild bunch', /^Wild Bunch/);
    await pick(page, page.getByLabel('Production companies'), 'Nuit Blanche Films', /Create “Nuit Blanche Films”/);
    await shows(page.locator('.form-actions'), 'New people and companies are added to the record when the title is saved');
    // a mistake: the server's message shows next to the field it names
    await page.getByLabel('Year').fill('1500');
    await page.getByRole('button', { name: 'Create title' }).click();
    const yearField = page.locator('.field', { has: page.getByLabel('Year') });
    await shows(yearField.locator('.field-error'), /not a whole number from 1870/);
    expect(await page.getByLabel('Year').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'first-day-1-new-title-error');
    expect((await page.request.get(`${url}/api/people?q=Anais%20Morel`)).ok()).toBe(true);
    expect(
      (await (await page.request.get(`${url}/api/people?q=Anais%20Morel`)).json()).items.filter(
        (p: { name: string }) => p.name === 'Anaïs Morel',
      ),
    ).toHaveLength(0);
    await page.getByLabel('Year').fill('2024');
    await page.getByRole('button', { name: 'Create title' }).click();
    await page.getByRole('heading', { level: 1, name: /The Clear Hours/ }).waitFor();
    titleUrl = page.url();
    await shows(page.locator('.notice--good'), 'The Clear Hours was created');
    const creditsPanel = page.locator('#credits');
    await shows(creditsPanel, 'Anaïs Morel');
    await shows(creditsPanel, /Paul Ferrand\s*\(Luc\),\s*Mira Duval/);
    await shows(page.locator('.title-side'), 'Wild Bunch');
    await shows(page.locator('.title-side'), 'Nuit Blanche Films');
    await shows(page.locator('#history .audit-entry').first(), 'Created');
  });

  it('corrects it: the year and the billing order, with the change in its history', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Edit title' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit The Clear Hours' }).waitFor();
    await page.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Move credit 3 up' }).click();
    await expect.poll(() => page.getByRole('listitem', { name: 'Credit 2' }).locator('.chip').innerText()).toContain('Mira Duval');
    await screenshot(page, 'first-day-2-edit-title');
    await page.getByRole('button', { name: 'Save title' }).click();
    await page.getByRole('heading', { level: 1, name: /The Clear Hours/ }).waitFor();
    await shows(page.locator('.title-year'), '(2025)');
    await shows(page.locator('#credits'), /Mira Duval,\s*Paul Ferrand/);
    const changed = page.locator('#history .audit-entry').first();
    await shows(changed, 'Changed');
    await shows(changed, /year 2024 → 2025/i);
    await changed.getByRole('button', { name: 'Show changes' }).click();
    await shows(changed.locator('.diff'), 'billing order changed');
  });

  it('merges a duplicate record of the same film into it', async () => {
    const { page, url } = w;
    // the same film, entered again by someone else with its box office
    const dup = await page.request.post(`${url}/api/titles`, {
      data: { originalTitle: 'Heures claires (Les)', year: 2024, credits: [{ name: 'Anaïs Morel', role: 'director' }], companies: [] },
    });
    expect(dup.status()).toBe(201);
    await page.getByRole('button', { name: 'Merge a duplicate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge a duplicate into The Clear Hours' });
    await visible(dialog);
    await pick(page, dialog.getByLabel('The duplicate'), 'Heures claires (Les)', /^Heures claires \(Les\)/);
    await screenshot(page, 'first-day-3-merge', { viewportOnly: true });
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await shows(page.locator('.notice--good'), '“Heures claires (Les)” was merged into this title');
    await shows(page.locator('.title-head'), 'Also known as');
    await shows(page.locator('.title-head'), 'Heures claires (Les)');
    await shows(page.locator('#history .audit-entry').first(), 'Merged');
    // one director, not two
    expect(await page.locator('#credits dd').first().innerText()).toBe('Anaïs Morel');
    const gone = await page.request.get(`${url}/api/titles/${(await dup.json()).id}`);
    expect(gone.status()).toBe(404);
  });

  it('adds it to TIFF’s line-up with its premiere', async () => {
    const { page, url } = w;
    await page.goto(`${url}/festivals`);
    await page.getByRole('link', { name: 'Toronto International Film Festival' }).click();
    await page.getByRole('link', { name: /2021/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Toronto International Film Festival 2021/ }).waitFor();
    await page.getByRole('button', { name: '+ Add a title to the line-up' }).click();
    const form = page.getByRole('form', { name: 'Add a title to the line-up' });
    await pick(page, form.getByLabel('Title'), 'clear hours', /^The Clear Hours/);
    await form.getByLabel('Section').fill('Discovery');
    await form.getByLabel('Premiere').selectOption('world');
    await form.getByRole('button', { name: 'Add to the line-up' }).click();
    const discovery = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Discovery' }) });
    await shows(discovery, 'The Clear Hours');
    await shows(discovery, 'World');
    await shows(discovery, 'Wild Bunch'); // its sales agent, from the title
    await discovery.scrollIntoViewIfNeeded();
    await screenshot(page, 'first-day-4-lineup');
  });

  it('records a box-office figure on the title page', async () => {
    const { page } = w;
    await page.goto(titleUrl);
    await page.getByRole('heading', { level: 1, name: /The Clear Hours/ }).waitFor();
    await shows(page.locator('#festivals'), 'Discovery');
    await page.getByRole('button', { name: '+ Add box-office figure' }).click();
    const form = page.getByRole('form', { name: 'New box-office figure' });
    await form.getByLabel('Territory').selectOption('FR');
    await form.getByLabel('Gross').fill('350000');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByLabel('As of').fill('2025-03-02');
    await form.getByRole('button', { name: 'Add figure' }).click();
    await shows(page.locator('.barchart'), 'France');
    await shows(page.locator('.barchart'), '€350,000');
    await page.locator('#releases').scrollIntoViewIfNeeded();
    await page.locator('#releases').screenshot({ path: 'test-results/first-day-5-box-office.png' });
    await screenshot(page, 'first-day-6-title-desktop');
  });

  it('adds a company and a person from their own lists; a name already on file is found, not made twice', async () => {
    const { page, url } = w;
    await page.goto(`${url}/companies`);
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await page.getByRole('button', { name: 'New company' }).click();
    const form = page.getByRole('form', { name: 'New company' });
    await visible(form);
    // nothing typed: the form says what is missing, next to it, and writes nothing
    await form.getByRole('button', { name: 'Create company' }).click();
    await shows(form, 'Give the company’s name.');
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Name').fill('Larkspur Pictures');
    await form.getByRole('button', { name: 'Create company' }).click();
    await shows(form, 'Choose what kind of company it is.');
    await form.getByLabel('Kind').selectOption('distributor');
    await form.getByLabel('Country').selectOption('PT');
    await screenshot(page, 'first-day-9-new-company');
    await form.getByRole('button', { name: 'Create company' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/companies\/larkspur-pictures/);
    await page.getByRole('heading', { level: 1, name: 'Larkspur Pictures' }).waitFor();
    await shows(page.getByRole('status'), 'Larkspur Pictures was created.');
    await shows(page.locator('.page-sub'), 'Distributor · Portugal');
    const companyPath = new URL(page.url()).pathname;

    // the same name again (another case) leads to the company on file
    await page.goto(`${url}/companies`);
    await page.getByRole('button', { name: 'New company' }).click();
    await page.getByRole('form', { name: 'New company' }).getByLabel('Name').fill('larkspur pictures');
    await page.getByRole('form', { name: 'New company' }).getByLabel('Kind').selectOption('production');
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(companyPath);
    await shows(page.getByRole('status'), 'already on file');
    const found = (await (await page.request.get(`${url}/api/companies?q=Larkspur`)).json()) as { items: Array<{ name: string }> };
    expect(found.items.filter((c) => c.name.toLowerCase() === 'larkspur pictures')).toHaveLength(1);

    await page.goto(`${url}/people`);
    await page.getByRole('button', { name: 'New person' }).click();
    const person = page.getByRole('form', { name: 'New person' });
    await person.getByLabel('Name').fill('Ines Valtierra');
    await person.getByLabel('Sorted as').fill('Valtierra, Ines');
    await person.getByRole('button', { name: 'Create person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ines Valtierra' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/people\/ines-valtierra/);
    await shows(page.getByRole('status'), 'Ines Valtierra was added.');
    await screenshot(page, 'first-day-10-new-person');
  });

  it('reads and edits at phone width (390 px) without anything wider than the screen', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(titleUrl);
    await page.getByRole('heading', { level: 1, name: /The Clear Hours/ }).waitFor();
    await visible(page.getByRole('button', { name: '+ Add box-office figure' }));
    await screenshot(page, 'first-day-7-phone-title', { viewportOnly: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Edit title' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit The Clear Hours' }).waitFor();
    await visible(page.getByRole('button', { name: 'Move credit 2 down' }));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('listitem', { name: 'Credit 2' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'first-day-8-phone-edit', { viewportOnly: true });
  });
});
