/**
 * A market day in a real Chromium against the real server and the demo data: the TIFF 2021
 * edition gets its market (TIFF Industry, America/Toronto) from the edition page; a screening and
 * three meetings are scheduled through the forms, two of them clashing for admin; the day view
 * flags the conflict (on a 390 px phone too), the week view marks the day; the .ics downloads and
 * parses back with ical.js, each event at its Toronto time. Screenshots at 1280 and 390 px in
 * test-results/.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, visible, type World } from './harness.js';

/** Types into an entity picker (by its label, inside `scope`) and picks the option. */
async function pick(page: Page, scope: Locator, label: string, typed: string) {
  await scope.getByLabel(label, { exact: true }).fill(typed);
  await page
    .getByRole('option', { name: new RegExp(`^${typed}`) })
    .first()
    .click();
  await expect.poll(() => scope.locator('.chip', { hasText: typed }).count()).toBeGreaterThan(0);
}

async function addMeeting(page: Page, buyer: string, start: string, end: string, withAdmin: boolean) {
  await page.getByRole('button', { name: '+ Meeting' }).click();
  const form = page.getByRole('form', { name: 'Add a meeting' });
  await pick(page, form, 'Buyer', buyer);
  await form.getByLabel('Day').fill('2021-09-10');
  await form.getByLabel(/^Starts/).fill(start);
  await form.getByLabel('Ends').fill(end);
  await form.getByLabel('Place').fill('Hyatt Regency, suite 12');
  if (withAdmin) await form.getByRole('checkbox', { name: 'admin' }).check();
  await pick(page, form, 'Titles discussed', 'One Second');
  await form.getByRole('button', { name: 'Add the meeting' }).click();
  await shows(page.locator('.notice--good'), `The meeting with ${buyer} at ${start} was added.`);
}

describeBrowser('a market day in the browser', () => {
  let w: World;
  let page: Page;
  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    page = w.page;
    await signIn(page, w.url);
  }, 240_000);
  afterAll(async () => w?.close());

  it('adds the market, schedules three meetings and a screening, flags the conflict in the day and week views, downloads the .ics', async () => {
    const festivals = (await (await page.request.get(`${w.url}/api/festivals`)).json()) as Array<{
      name: string;
      editions: Array<{ id: string; year: number }>;
    }>;
    const tiff = festivals.find((f) => f.name === 'Toronto International Film Festival')!;
    await page.goto(`${w.url}/editions/${tiff.editions[0].id}`);
    await page.getByRole('button', { name: '+ Add the market' }).click();
    const add = page.getByRole('form', { name: 'Add the market' });
    await add.getByLabel('Market').fill('TIFF Industry');
    await add.getByLabel('Time zone').fill('America/Toronto');
    expect(await add.getByLabel('From').inputValue()).toBe('2021-09-09');
    await add.getByRole('button', { name: 'Add the market' }).click();
    await shows(page.locator('h1'), 'TIFF Industry 2021');
    await shows(page.locator('.page-sub'), 'times in America/Toronto');

    await page.getByRole('button', { name: '+ Screening' }).click();
    const sf = page.getByRole('form', { name: 'Add a screening' });
    await pick(page, sf, 'Title', 'One Second');
    await sf.getByLabel('Day').fill('2021-09-10');
    await sf.getByLabel(/^Starts/).fill('12:00');
    await sf.getByLabel('Minutes').fill('104');
    await sf.getByLabel('Venue').fill('Scotiabank 3');
    await pick(page, sf, 'Invited buyers', 'Neon');
    await sf.getByRole('button', { name: 'Add the screening' }).click();
    await shows(page.locator('.notice--good'), 'The screening of One Second at 12:00 was added.');

    await addMeeting(page, 'Neon', '10:00', '10:30', true);
    await addMeeting(page, 'Wild Bunch', '10:15', '10:45', true);
    await addMeeting(page, 'Huanxi Media Group', '15:00', '15:30', false);

    await page.getByRole('button', { name: 'Fri 10 Sept' }).click();
    const list = page.locator('.sched-list');
    await expect.poll(() => list.locator('.sched-item').count()).toBe(4);
    await shows(page.locator('.notice--warn'), '1 conflict in the schedule.');
    const flagged = page.locator('.sched-item--conflict');
    await expect.poll(() => flagged.count()).toBe(2);
    await shows(flagged.first(), 'admin is in two meetings at once (with the 10:15 meeting with Wild Bunch)');
    expect(await list.locator('.sched-time').allInnerTexts()).toEqual(['10:00–10:30', '10:15–10:45', '12:00–13:44', '15:00–15:30']);
    await screenshot(page, 'market-day-1280');

    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const week = page.locator('.sched-week').first();
    await visible(week);
    await shows(week.locator('.sched-col').nth(1), 'conflict');
    await screenshot(page, 'market-week-1280');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .ics' }).click()]);
    expect(download.suggestedFilename()).toBe('TIFF_Industry_2021.ics');
    const root = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    const events = root.getAllSubcomponents('vevent').map((ev) => {
      const t = (ev.getFirstPropertyValue('dtstart') as ICAL.Time).clone();
      t.zone = zone;
      return [ev.getFirstPropertyValue('summary'), new Date(t.toUnixTime() * 1000).toISOString()];
    });
    // Toronto in September is UTC-4.
    expect(events).toEqual([
      ['Meeting: Neon', '2021-09-10T14:00:00.000Z'],
      ['Meeting: Wild Bunch', '2021-09-10T14:15:00.000Z'],
      ['Screening: One Second', '2021-09-10T16:00:00.000Z'],
      ['Meeting: Huanxi Media Group', '2021-09-10T19:00:00.000Z'],
    ]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Fri 10 Sept' }).click();
    await shows(page.locator('.sched-item--conflict').first(), 'admin is in two meetings at once');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'market-day-390');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await screenshot(page, 'market-week-390');

    // the line-up, and after the market (2021 is over) the meetings that need following up
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Line-up', exact: true }).click();
    await page.getByPlaceholder('Add a title to the line-up').fill('One Second');
    await page
      .getByRole('option', { name: /^One Second/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Status of One Second').selectOption('completed');
    await page.getByRole('button', { name: 'Save the line-up' }).click();
    await shows(page.locator('.notice--good'), 'The line-up was saved.');
    await screenshot(page, 'market-lineup-1280');
    await page.getByRole('button', { name: 'Follow-ups', exact: true }).click();
    await shows(page.locator('main, body').first(), 'Needs follow-up (3)');
    await shows(page.locator('.followups').first(), 'Meeting with Neon, 2021-09-10 10:00');
    await page.getByRole('button', { name: 'Add a task' }).first().click();
    await page.getByLabel('To do').fill('Send Neon the screener link');
    await page.getByRole('button', { name: 'Add the task' }).click();
    await shows(page.locator('body'), 'Needs follow-up (2)');
    await shows(page.locator('body'), 'Tasks (1 open)');
    await screenshot(page, 'market-followups-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'market-followups-390');

    // a buyer's booking tool sends an .ics: previewed (one new, one all-day event refused), then imported
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Import .ics' }).click();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Booking tool//EN',
      'BEGIN:VEVENT',
      'UID:booking-77',
      'SUMMARY:Neon / One Second',
      'DTSTART;TZID=America/Toronto:20210911T093000',
      'DTEND;TZID=America/Toronto:20210911T100000',
      'LOCATION:Shangri-La lobby',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:booking-78',
      'SUMMARY:Wild Bunch dinner',
      'DTSTART;VALUE=DATE:20210912',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await page
      .getByLabel('Calendar file (.ics)')
      .setInputFiles({ name: 'booking.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    const preview = page.locator('.market-form table.data');
    await shows(preview, '2021-09-11 09:30');
    await shows(preview, 'an all-day event (2021-09-12) has no time; meetings need one');
    await screenshot(page, 'market-import-1280');
    await page.getByRole('button', { name: /^Import 1 meeting/ }).click();
    await shows(page.locator('.notice--good'), '1 meeting imported.');
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Sat 11 Sept' }).click();
    await shows(page.locator('.sched-list'), 'Shangri-La lobby');
    await shows(page.locator('.sched-list .sched-time').first(), '09:30–10:00');

    // the meeting form on a phone
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: '+ Meeting' }).click();
    await visible(page.getByRole('form', { name: 'Add a meeting' }));
    await screenshot(page, 'market-meeting-form-390');
    await page.getByRole('form', { name: 'Add a meeting' }).getByRole('button', { name: 'Cancel' }).click();
  }, 240_000);
});
