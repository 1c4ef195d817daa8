/**
 * Trust, in a real Chromium against the real server and the demo data: a
 * demo deal is changed, deleted (with a confirmation), found under Deleted
 * with its last state, restored, and its History shows each step with a
 * readable diff. Deleted again, its rights are sold meanwhile: the restore
 * from the deal's own page is refused, then overridden with a reason. On the
 * admin page a user is added and an API token is created (its secret shown
 * once and copied), works, is revoked and stops working. A viewer sees no
 * Admin nor Delete. Screenshots in test-results/history-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

const REF = 'WB-NEON-ONE-SECOND-NA';

describeBrowser('web app: history, deleted deals, restore and admin', () => {
  let w: World;
  let dealId = '';

  beforeAll(async () => {
    w = await startWorld();
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: w.url });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('opens a demo deal and changes its status, which the history shows as a diff', async () => {
    const { page, url } = w;
    await signIn(page, url);
    await page.goto(`${url}/deals?q=${REF}`);
    await page.getByRole('link', { name: REF, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(REF) }).waitFor();
    dealId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByLabel('Status').selectOption('announced');
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await shows(page.locator('.save-ok:visible'), 'Saved as');
    const changed = page.locator('#audit .audit-entry').first();
    await shows(changed, 'Changed');
    await shows(changed, 'Status signed → announced');
    await changed.getByRole('button', { name: /Show changes/ }).click();
    await shows(changed.locator('.diff'), /Status\s*was signed\s*→\s*now announced/);
  });

  it('deletes it after a confirmation that says it can be restored', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Delete deal…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${REF}?` });
    await visible(dialog);
    await shows(dialog, 'restored from its History');
    await screenshot(page, 'history-1-delete-confirm', { viewportOnly: true });
    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Delete deal…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete deal' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?view=deleted');
    await shows(page.locator('.notice'), `${REF} was deleted`);
  });

  it('lists it under Deleted with its last state, and restores it', async () => {
    const { page } = w;
    await page.getByRole('heading', { level: 1, name: 'Deleted deals' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(REF) });
    await visible(row);
    await shows(row, 'Announced');
    await shows(row, 'Wild Bunch → Neon');
    await shows(row, /exclusive/);
    await shows(row, 'by admin');
    await screenshot(page, 'history-2-deleted-list');
    // Gone from the current deals.
    await page.getByRole('link', { name: 'Current' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor();
    await page.getByLabel('Search').fill(REF);
    await page.getByText('No deal matches.').waitFor();
    await page.getByRole('link', { name: 'Deleted' }).click();
    await page.getByRole('button', { name: `Restore ${REF}` }).click();
    await shows(page.locator('.notice--good'), `${REF} was restored`);
    await page.getByText('No deal has been deleted.').waitFor();
    await page.locator('.notice--good').getByRole('link', { name: 'Open the deal' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(REF) }).waitFor();
  });

  it('shows the delete and the restore in the history, with the record each kept', async () => {
    const { page } = w;
    const entries = page.locator('#audit .audit-entry');
    await expect.poll(() => entries.count()).toBe(4);
    await shows(entries.nth(0), 'Restored');
    await shows(entries.nth(0), 'by admin');
    await shows(entries.nth(1), 'Deleted');
    await shows(entries.nth(2), 'Changed');
    await shows(entries.nth(3), 'Created');
    await shows(entries.nth(3), 'by system');
    // The restore's own rewrite is not listed as a change of nothing.
    expect(await page.locator('#audit').innerText()).not.toMatch(/without changing the terms/);
    await entries.nth(1).getByRole('button', { name: 'Show the record' }).click();
    const last = entries.nth(1).locator('.audit-detail');
    await shows(last, 'Last state before it was deleted');
    await shows(last, 'Wild Bunch');
    await shows(last, 'Neon');
    await shows(last, /· exclusive/);
    await entries.nth(2).getByRole('button', { name: 'Show changes' }).click();
    const text = await page.locator('#audit').innerText();
    expect(text).not.toMatch(/[{}"]/); // people's words, not JSON
    await page.locator('#audit').scrollIntoViewIfNeeded();
    await page.locator('#audit').screenshot({ path: 'test-results/history-3-history.png' });
  });

  it('refuses to restore over rights sold meanwhile, and restores with an override reason', async () => {
    const { page, url } = w;
    const contract = await (await page.request.get(`${url}/api/contracts/${encodeURIComponent(dealId)}`)).json();
    await page.getByRole('button', { name: 'Delete deal…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete deal' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?view=deleted');
    // Meanwhile the same rights are sold again.
    const b = contract.blocks[0];
    const sold = await page.request.post(`${url}/api/contracts`, {
      data: {
        ref: 'WB-ONE-SECOND-NA-RESOLD',
        status: 'signed',
        direction: 'out',
        licensorId: contract.licensor.id,
        licenseeId: contract.licensee.id,
        titleIds: contract.titles.map((t: { id: string }) => t.id),
        blocks: [{ territories: b.territories, media: b.media, start: b.start, end: b.end, exclusive: true }],
      },
    });
    expect(sold.status()).toBe(201);
    // Restored from the deal's own page (where its history is kept).
    await page.goto(`${url}/deals/${encodeURIComponent(dealId)}`);
    await shows(page.locator('h1'), 'Deleted');
    await shows(page.locator('.deleted-notice'), 'Deleted on');
    await shows(page.locator('#last-state'), 'Neon');
    await page.getByRole('button', { name: 'Restore deal' }).click();
    const refused = page.locator('.refused');
    await shows(refused, 'Not restored');
    await shows(refused, 'WB-ONE-SECOND-NA-RESOLD');
    expect(await refused.innerText()).not.toMatch(/Save with an override/);
    expect(await refused.getByRole('button', { name: 'Restore anyway' }).isDisabled()).toBe(true);
    await screenshot(page, 'history-4-restore-refused');
    const reason = 'The resale to Neon was entered by mistake; legal confirmed the original deal stands';
    await refused.getByLabel('Reason for the override').fill(reason);
    await refused.getByRole('button', { name: 'Restore anyway' }).click();
    await shows(page.locator('.notice--warn'), 'Saved over a rights conflict');
    await shows(page.locator('.save-ok:visible'), 'Restored');
    const first = page.locator('#audit .audit-entry').first();
    await shows(first, 'Restored');
    await shows(first, reason);
    await first.getByRole('button', { name: 'Show the record' }).click();
    await shows(first.locator('.audit-detail'), 'Restored as');
    // The reason is said once, as the entry's reason.
    expect(await first.locator('.diff').count()).toBe(0);
    // Restored over the resale, the deal shows where it collides.
    await expect.poll(() => page.locator('.conflict-panel').getAttribute('data-state'), { timeout: 10_000 }).toBe('conflict');
    await shows(page.locator('.conflict-panel'), 'WB-ONE-SECOND-NA-RESOLD');
    await screenshot(page, 'history-5-restored-override');
  });

  it('adds a user, and creates, copies, uses and revokes an API token on the admin page', async () => {
    const { page, url } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    const users = page.locator('#users');
    await shows(users, 'admin');
    await users.getByRole('button', { name: '+ Add user' }).click();
    await users.getByLabel('User name').fill('lena');
    await users.getByLabel('Password').fill('short');
    await users.getByRole('button', { name: 'Add user' }).click();
    await shows(users.locator('.field-error'), 'At least 10 characters');
    await users.getByLabel('Password').fill('lena-reads-avails-2026');
    await users.getByLabel('Role', { exact: true }).selectOption('viewer');
    await users.getByRole('button', { name: 'Add user' }).click();
    await shows(users, 'lena was added');
    await shows(page.getByRole('row', { name: /lena/ }), 'Viewer');
    await shows(page.getByRole('row', { name: /lena/ }), 'Hidden');

    const tokens = page.locator('#tokens');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    await shows(tokens.locator('.field-error'), 'Name the token');
    await tokens.getByLabel('Name').fill('Finance avails sheet');
    await tokens.getByLabel('Access').selectOption('read');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const secret = tokens.getByRole('region', { name: 'The new token' });
    await shows(secret, 'shown only once');
    const token = await secret.getByLabel('API token', { exact: true }).inputValue();
    expect(token).toMatch(/^frt_/);
    await secret.getByRole('button', { name: 'Copy' }).click();
    await shows(secret, 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await screenshot(page, 'history-6-admin-token-created');

    // The token works, read-only.
    const me = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const write = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'read' }),
    });
    expect(write.status).toBe(403);

    await secret.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => tokens.getByLabel('API token', { exact: true }).count()).toBe(0); // never shown again
    const row = tokens.getByRole('row', { name: /Finance avails sheet/ });
    await shows(row, 'Read only');
    await shows(row, 'Active');
    await row.getByRole('button', { name: 'Revoke Finance avails sheet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Finance avails sheet”?' });
    await shows(dialog, 'cannot be undone');
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await shows(tokens, 'was revoked');
    await shows(row, 'Revoked');
    const after = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    await screenshot(page, 'history-7-admin-token-revoked');
  });

  it('shows a viewer neither the admin page in the nav nor the Delete action', async () => {
    const { page, url } = w;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').fill('lena');
    await page.getByLabel('Password').fill('lena-reads-avails-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /lena/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${url}/deals/${encodeURIComponent(dealId)}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(REF) }).waitFor();
    await visible(page.locator('#audit .audit-entry'));
    expect(await page.getByRole('button', { name: /Delete deal/ }).count()).toBe(0);
    // A viewer manages their own tokens (read only) from their name in the top bar, without the users list.
    await page.locator('.topbar').getByRole('link', { name: 'lena' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await page.locator('#users').count()).toBe(0);
    expect(await page.locator('#tokens option[value="write"]').isDisabled()).toBe(true);
  });

  it('reads at tablet width: the deleted list and the history fit', async () => {
    const { page, url } = w;
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${url}/deals?view=deleted`);
    await page.getByRole('heading', { level: 1, name: 'Deleted deals' }).waitFor();
    await page.goto(`${url}/deals/${encodeURIComponent(dealId)}`);
    const entries = page.locator('#audit .audit-entry');
    await visible(entries);
    await entries.filter({ hasText: 'Changed' }).getByRole('button', { name: 'Show changes' }).click();
    await page.locator('#audit').scrollIntoViewIfNeeded();
    await page.locator('#audit').screenshot({ path: 'test-results/history-8-tablet-history.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
