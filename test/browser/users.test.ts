/**
 * User administration in a real Chromium against the real server: an admin
 * changes a user's role, disables and re-enables them (with a confirmation),
 * resets their password (shown once), and cannot demote themselves as the
 * last admin (the reason shown in the dialog); the user signs in with the
 * new password and changes it on their account page, a wrong current
 * password shown next to its field. Screenshots in test-results/users-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

describeBrowser('web app: managing users and passwords', () => {
  let w: World;
  let generated = '';

  beforeAll(async () => {
    w = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('an admin changes a role, disables and enables a user, and resets their password', async () => {
    const { page, url } = w;
    await signIn(page, url);
    const created = await page.evaluate(async () => {
      const r = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nora', password: 'nora-first-password', role: 'viewer' }),
      });
      return r.status;
    });
    expect(created).toBe(201);
    await page.goto(`${url}/admin`);
    const users = page.locator('#users');
    const row = users.getByRole('row', { name: /nora/ });
    await visible(row);

    await row.getByLabel('Role of nora').selectOption('editor');
    await shows(users.locator('.save-ok'), 'nora is now an editor');

    await row.getByRole('button', { name: 'Disable nora' }).click();
    const disable = page.getByRole('dialog', { name: 'Disable nora?' });
    await shows(disable, 'signed out at once');
    await disable.getByRole('button', { name: 'Disable', exact: true }).click();
    await shows(row, 'Disabled');
    await row.getByRole('button', { name: 'Enable nora' }).click();
    await page.getByRole('dialog', { name: 'Enable nora?' }).getByRole('button', { name: 'Enable', exact: true }).click();
    await shows(row, 'Active');

    await row.getByRole('button', { name: 'Reset the password of nora' }).click();
    const reset = page.getByRole('dialog', { name: 'Reset the password of nora?' });
    await reset.getByLabel('Type one').check();
    await reset.getByLabel('New password').fill('short');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await shows(reset.locator('.field-error'), 'At least 10 characters');
    await reset.getByLabel('Generate one').check();
    await reset.getByRole('button', { name: 'Reset password' }).click();
    const secret = users.getByRole('region', { name: 'The new password' });
    await shows(secret, 'shown only once');
    generated = await secret.getByLabel('New password', { exact: true }).inputValue();
    expect(generated.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'users-1-password-reset');
    await secret.getByRole('button', { name: 'Done' }).click();
  });

  it('the last admin cannot demote themselves: the dialog says why', async () => {
    const { page } = w;
    const me = page.locator('#users').getByRole('row', { name: /\(you\)/ });
    await me.getByLabel('Role of admin').selectOption('viewer');
    const dialog = page.getByRole('dialog', { name: 'Make yourself a viewer?' });
    await dialog.getByRole('button', { name: 'Change my role' }).click();
    await shows(dialog.locator('.field-error'), 'At least one enabled admin must remain');
    await screenshot(page, 'users-2-last-admin', { viewportOnly: true });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await me.getByLabel('Role of admin').inputValue()).toBe('admin');
  });

  it('the user signs in with the reset password and changes it on their account page', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').fill('nora');
    await page.getByLabel('Password').fill(generated);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.topbar').getByRole('link', { name: 'nora' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const form = page.getByRole('form', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('not the password');
    await form.getByLabel('New password', { exact: true }).fill('nora-chose-this-one');
    await form.getByLabel('New password again').fill('nora-chose-this-one');
    await form.getByRole('button', { name: 'Change password' }).click();
    await shows(form.locator('.field-error'), 'not your current password');
    await form.getByLabel('Current password').fill(generated);
    await form.getByRole('button', { name: 'Change password' }).click();
    await shows(form, 'Your password was changed');
    await screenshot(page, 'users-3-own-password');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').fill('nora');
    await page.getByLabel('Password').fill('nora-chose-this-one');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /nora/ }).waitFor();
  });
});
