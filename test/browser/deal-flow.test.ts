/**
 * The web app in a real Chromium against the real server and the demo data:
 * sign in; One Second from the catalog and its availability map; a Germany
 * SVOD deal with a clear conflict panel; an overlapping exclusive deal that
 * the panel flags and the server refuses; the override with a reason, and the
 * audit showing it. Each step leaves a screenshot in test-results/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

/** Picks a company (or creates it) in an entity picker labelled `label`. */
async function pickCompany(page: Page, label: string, name: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(name);
  const option = page.getByRole('option', { name: new RegExp(`^(\\+ Create “)?${name}”?`) }).first();
  await option.click();
  await expect.poll(() => page.locator('.chip', { hasText: name }).count()).toBeGreaterThan(0);
}

/** Types a territory with the autocomplete and picks the suggestion. */
async function pickTerritory(page: Page, typed: string, name: string) {
  const input = page.getByRole('combobox', { name: 'Territories' }).first();
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  await page
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect.poll(() => input.inputValue()).toBe(name);
}

/** A point on screen inside a country's shape (its bounding box may be mostly sea: Alaska, Hawaii). */
async function pointInside(page: Page, code: string): Promise<{ x: number; y: number }> {
  return page
    .locator(`path[data-code="${code}"]`)
    .first()
    .evaluate((el) => {
      const path = el as SVGPathElement;
      path.closest('svg')!.scrollIntoView({ block: 'center' });
      const b = path.getBBox();
      const m = path.getScreenCTM()!;
      for (let i = 1; i < 40; i++)
        for (let j = 1; j < 40; j++) {
          const p = new DOMPoint(b.x + (b.width * i) / 40, b.y + (b.height * j) / 40);
          if (path.isPointInFill(p)) {
            const s = p.matrixTransform(m);
            if (document.elementFromPoint(s.x, s.y) === path) return { x: s.x, y: s.y };
          }
        }
      throw new Error('no point inside the shape');
    });
}

async function fillDeal(page: Page, o: { licensee: string; start: string; end: string }) {
  await pickCompany(page, 'Licensor', 'Wild Bunch');
  await pickCompany(page, 'Licensee', o.licensee);
  await page.getByLabel('Status').selectOption('signed');
  await pickTerritory(page, 'Germ', 'Germany');
  await page.getByLabel('Media', { exact: true }).fill('SVOD');
  await page.getByLabel('Start').fill(o.start);
  await page.getByLabel('End (inclusive)').fill(o.end);
}

describeBrowser('web app: catalog, map, deals and conflicts', () => {
  let w: World;
  let firstRef = '';

  beforeAll(async () => {
    w = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('signs in and shows the home page', async () => {
    const { page, url } = w;
    await page.goto(`${url}/catalog`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('do not match').waitFor();
    await signIn(page, url);
    await page.getByRole('heading', { name: 'Recently signed' }).waitFor();
    await screenshot(page, '01-home');
  });

  it('opens One Second from the catalog; the map shows the U.S. and Canada sold to Neon, the rest available from Wild Bunch, China without rights', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByLabel('Search').fill('one secnd');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('one secnd');
    await page.getByRole('link', { name: 'One Second', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /One Second/ }).waitFor();

    const item = (code: string) => page.locator(`.country-list li[data-code="${code}"]`);
    await expect.poll(() => item('US').getAttribute('data-status')).toBe('sold');
    expect(await item('CA').getAttribute('data-status')).toBe('sold');
    expect(await item('CN').getAttribute('data-status')).toBe('no-rights');
    for (const code of ['DE', 'FR', 'GB', 'JP', 'BR']) expect(await item(code).getAttribute('data-status')).toBe('available');
    // The shapes are coloured too, with the same status.
    expect(await page.locator('path[data-code="US"]').first().getAttribute('data-status')).toBe('sold');
    expect(await page.locator('path[data-code="FR"]').first().getAttribute('data-status')).toBe('available');

    // Focus (keyboard) says why and which contract.
    await item('US').getByRole('button').focus();
    await shows(page.locator('.worldmap-detail'), 'United States');
    await shows(page.locator('.worldmap-detail'), /sold to WB-NEON-ONE-SECOND-NA \(Neon\)/);
    await item('CA').getByRole('button').focus();
    await shows(page.locator('.worldmap-detail'), 'Neon');
    await item('DE').getByRole('button').focus();
    await shows(page.locator('.worldmap-detail'), 'Available');
    await shows(page.locator('.worldmap-detail'), 'Wild Bunch');
    await item('CN').getByRole('button').focus();
    await shows(page.locator('.worldmap-detail'), 'no rights');

    // Hovering the map says the same.
    const inside = await pointInside(page, 'US');
    await page.mouse.move(inside.x, inside.y);
    await page.getByRole('tooltip').waitFor();
    await shows(page.getByRole('tooltip'), 'Neon');
    await screenshot(page, '02-title-one-second-map-hover', { viewportOnly: true });
    await page.mouse.move(0, 0);
    await screenshot(page, '02-title-one-second');
  });

  it('creates a Germany SVOD deal; the conflict panel is empty', async () => {
    const { page, url } = w;
    await page.goto(`${url}/deals/new?title=one-second`);
    await visible(page.locator('.chip', { hasText: 'One Second' }));
    await fillDeal(page, { licensee: 'Alamode Film', start: '2027-01-01', end: '2029-12-31' });
    const panel = page.locator('.conflict-panel');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 10_000 }).toBe('clear');
    await shows(panel, 'No conflicts');
    // The map picker shows the expression's reading.
    await page.getByRole('button', { name: 'Map…' }).click();
    await visible(page.locator('.pick-country.is-picked[data-code="DE"]'));
    expect(await page.locator('.pick-country.is-picked').count()).toBe(1);
    await screenshot(page, '03-deal-germany-svod-clear');
    await page.getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/deals\/[^/]+$/);
    await visible(page.getByRole('status').filter({ hasText: 'Saved' }));
    firstRef = (await page.getByRole('heading', { level: 1 }).innerText()).split(/\s/)[0];
    expect(firstRef).toMatch(/\S{3,}/);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await shows(page.locator('.audit'), 'Create');
    await screenshot(page, '04-deal-germany-svod-saved');
  });

  it('a second, overlapping exclusive deal for Germany: the panel names the first deal and saving is refused', async () => {
    const { page, url } = w;
    await page.goto(`${url}/deals/new?title=one-second`);
    await visible(page.locator('.chip', { hasText: 'One Second' }));
    await fillDeal(page, { licensee: 'Koch Films', start: '2028-06-01', end: '2030-05-31' });
    const panel = page.locator('.conflict-panel');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('conflict');
    await shows(panel, firstRef);
    await shows(panel, 'Alamode Film');
    await shows(panel, 'Germany');
    await page.getByRole('button', { name: 'Create deal' }).click();
    const refused = page.locator('.refused');
    await refused.waitFor();
    await shows(refused, 'Saving was refused');
    await shows(refused, firstRef);
    expect(new URL(page.url()).pathname).toBe('/deals/new');
    await screenshot(page, '05-deal-overlap-refused');
  });

  it('overriding with a reason saves, and the audit shows the override and its reason', async () => {
    const { page } = w;
    const reason = 'Alamode confirmed in writing that their SVOD window ends early';
    expect(await page.getByRole('button', { name: 'Override and save' }).isDisabled()).toBe(true);
    await page.getByLabel('Reason for the override').fill(reason);
    await page.getByRole('button', { name: 'Override and save' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/deals\/[^/]+$/);
    await shows(page.locator('.notice--warn'), reason);
    const audit = page.locator('.audit');
    await shows(audit, reason);
    await shows(audit, 'Override');
    // Reopened, the deal still shows where it collides (its own rights excluded from the check).
    await expect.poll(() => page.locator('.conflict-panel').getAttribute('data-state'), { timeout: 20_000 }).toBe('conflict');
    await shows(page.locator('.conflict-panel'), firstRef);
    await screenshot(page, '06-deal-override-audit');
  });

  it('an editor without the financial-terms permission sees the MG as hidden, and saving the deal keeps it', async () => {
    const { page, url, browser } = w;
    // As admin: a market-intelligence deal with an MG, and an editor who may not see money.
    await page.goto(`${url}/deals`);
    const api = (method: string, path: string, body?: unknown) =>
      page.evaluate(
        async ({ method, path, body }) => {
          const r = await fetch(path, {
            method,
            headers: { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: r.status, json: await r.json() };
        },
        { method, path, body },
      );
    expect((await api('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
    expect(
      (await api('POST', '/api/users', { username: 'nina', password: 'nina-browser-password', role: 'editor', canSeeFinancials: false }))
        .status,
    ).toBe(201);
    const created = await api('POST', '/api/contracts', {
      ref: 'PRESS-MG-KEPT',
      direction: 'third-party',
      status: 'announced',
      titleIds: ['one-second'],
      mg: { amount: '7654321.00', currency: 'EUR' },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    try {
      const nina = await context.newPage();
      nina.setDefaultTimeout(10_000);
      await nina.goto(`${url}/`);
      await nina.getByLabel('User name').fill('nina');
      await nina.getByLabel('Password').fill('nina-browser-password');
      await nina.getByRole('button', { name: 'Sign in' }).click();
      await nina.getByRole('heading', { level: 1, name: /nina/ }).waitFor();
      await nina.goto(`${url}/deals/${id}`);
      await shows(nina.locator('.deal-form'), 'MG: hidden (you do not have the financial-terms permission)');
      expect(await nina.getByLabel('Minimum guarantee').count()).toBe(0);
      expect(await nina.content()).not.toContain('7654321');
      await nina.getByLabel('Notes').fill('Delivery confirmed.');
      await nina.getByRole('button', { name: 'Save changes' }).first().click();
      await visible(nina.getByRole('status').filter({ hasText: 'Saved' }));
      await screenshot(nina, '08-deal-mg-hidden');
    } finally {
      await context.close();
    }
    const after = await api('GET', `/api/contracts/${id}`);
    expect(after.json).toMatchObject({ notes: 'Delivery confirmed.', mg: { amount: '7654321.00', currency: 'EUR' } });
  });

  it('works at tablet width', async () => {
    const { page, url } = w;
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${url}/titles/one-second`);
    await expect.poll(() => page.locator('.country-list li[data-code="US"]').getAttribute('data-status')).toBe('sold');
    await screenshot(page, '07-tablet-title');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
