/**
 * The market day of issue 13, end to end in a real Chromium against the real server and the demo
 * data. A market that is on today (Europe/Paris): a buyer added with its contacts, three meetings
 * and a screening scheduled (two meetings clash), an offer recorded from a meeting that conflicts
 * (One Second is sold to Neon in North America) and one that does not, countered, accepted (the
 * title's map shows the hold) and signed (the map shows the sale); the buyer's avails sheet of the
 * market's line-up (the PDF lists only the buyer's territories, Switzerland free, never another
 * buyer) and the .ics (parsed back); the follow-ups, the market report and Home in market week.
 * Screenshots at 1280 and 390 px in test-results/market-flow-*.png.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, screenshot, shows, signIn, startWorld, type World } from './harness.js';

const ZONE = 'Europe/Paris';
/** The day in Paris `days` from now, YYYY-MM-DD (the market is placed around the real today, so Home is in market week). */
function parisDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));
}

async function pick(page: Page, scope: Locator, label: string, typed: string) {
  await scope.getByLabel(label, { exact: true }).fill(typed);
  await page
    .getByRole('option', { name: new RegExp(`^${typed}`) })
    .first()
    .click();
  await expect.poll(() => scope.locator('.chip', { hasText: typed }).count()).toBeGreaterThan(0);
}

async function territory(page: Page, value: string) {
  const input = page.getByRole('combobox', { name: 'Territories' }).first();
  await input.fill(value);
  await input.press('Escape');
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describeBrowser('issue 13: a market day end to end', () => {
  let w: World;
  let page: Page;
  let marketUrl = '';
  let offerUrl = '';
  let titleUrl = '';
  const today = parisDay();
  /** The meeting card whose buyer is Filmwelt (the Neon card names it too, in its conflict). */
  const filmweltMeeting = () =>
    page.locator('.sched-item--meeting').filter({ has: page.locator('.sched-what', { hasText: 'Filmwelt Verleih' }) });

  beforeAll(async () => {
    w = await startWorld({ width: 1280, height: 900 });
    page = w.page;
    await signIn(page, w.url);
    const festivals = (await (await page.request.get(`${w.url}/api/festivals`)).json()) as Array<{
      id: string;
      name: string;
      editions: Array<{ id: string; year: number }>;
    }>;
    // the demo's Marché du Film is on Cannes 2021: this market day is a new edition of Cannes, this year's
    const cannes = festivals.find((f) => f.name === 'Cannes Film Festival')!;
    const created = await page.request.post(`${w.url}/api/editions`, {
      data: { festivalId: cannes.id, year: Number(today.slice(0, 4)), start: parisDay(-1), end: parisDay(4) },
    });
    expect(created.status()).toBe(201);
    const edition = ((await created.json()) as { id: string }).id;
    const market = await page.request.post(`${w.url}/api/markets`, {
      data: { editionId: edition, name: 'Marché du Film', timeZone: ZONE, start: parisDay(-1), end: parisDay(4) },
    });
    expect(market.status()).toBe(201);
    const m = (await market.json()) as { id: string };
    marketUrl = `${w.url}/markets/${m.id}`;
  }, 240_000);
  afterAll(async () => w?.close());

  it('adds a buyer with its contacts', async () => {
    await page.goto(`${w.url}/buyers`);
    await page.getByRole('button', { name: 'New buyer' }).click();
    const form = page.getByRole('form', { name: 'New buyer' });
    await form.getByLabel('New company').check();
    await form.getByLabel('Company name').fill('Filmwelt Verleih');
    await form.getByLabel('Country').selectOption({ label: 'Germany' });
    await form.getByLabel('Date language').selectOption('de-DE');
    await form.getByLabel('Buys for territories').fill('Germany, Austria, Switzerland');
    await form.getByLabel('Buys media').fill('Theatrical, Free TV');
    const first = form.getByRole('group', { name: 'Contact 1' });
    await first.getByLabel('Name').fill('Anna Becker');
    await first.getByLabel('Role').fill('Head of acquisitions');
    await first.getByLabel('E-mail').fill('anna@filmwelt.example');
    await form.getByRole('button', { name: 'Add another contact' }).click();
    const second = form.getByRole('group', { name: 'Contact 2' });
    await second.getByLabel('Name').fill('Jonas Weber');
    await second.getByLabel('Phone').fill('+49 30 555 01 02');
    await form.getByRole('button', { name: 'Add buyer' }).click();
    await shows(page.locator('h1'), 'Filmwelt Verleih');
    await shows(page.locator('body'), 'Anna Becker');
    await shows(page.locator('body'), '+49 30 555 01 02');
  });

  it('puts One Second in the line-up, schedules three meetings and a screening, and flags the clash', async () => {
    await page.goto(marketUrl);
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

    await page.getByRole('button', { name: '+ Screening' }).click();
    const sf = page.getByRole('form', { name: 'Add a screening' });
    await pick(page, sf, 'Title', 'One Second');
    await sf.getByLabel('Day').fill(today);
    await sf.getByLabel(/^Starts/).fill('12:00');
    await sf.getByLabel('Minutes').fill('104');
    await sf.getByLabel('Venue').fill('Palais, salle Bazin');
    await pick(page, sf, 'Invited buyers', 'Filmwelt Verleih');
    await sf.getByRole('button', { name: 'Add the screening' }).click();
    await shows(page.locator('.notice--good'), 'The screening of One Second at 12:00 was added.');

    for (const [buyer, start, end] of [
      ['Filmwelt Verleih', '10:00', '10:30'],
      ['Neon', '10:15', '10:45'],
      ['Wild Bunch', '15:00', '15:30'],
    ]) {
      await page.getByRole('button', { name: '+ Meeting' }).click();
      const form = page.getByRole('form', { name: 'Add a meeting' });
      await pick(page, form, 'Buyer', buyer);
      await form.getByLabel('Day').fill(today);
      await form.getByLabel(/^Starts/).fill(start);
      await form.getByLabel('Ends').fill(end);
      await form.getByLabel('Place').fill('Riviera, stand 12');
      if (buyer !== 'Wild Bunch') await form.getByRole('checkbox', { name: 'admin' }).check();
      await pick(page, form, 'Titles discussed', 'One Second');
      await form.getByRole('button', { name: 'Add the meeting' }).click();
      await shows(page.locator('.notice--good'), `The meeting with ${buyer} at ${start} was added.`);
    }
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    const list = page.locator('.sched-list');
    await expect.poll(() => list.locator('.sched-item').count()).toBe(4);
    await shows(page.locator('.notice--warn'), '1 conflict in the schedule.');
    await shows(page.locator('.sched-item--conflict').first(), 'admin is in two meetings at once');
    await screenshot(page, 'market-flow-01-market-day-1280');
  });

  it('records from the meeting an offer that conflicts (sold to Neon) and one that does not; counters, accepts and signs it', async () => {
    await filmweltMeeting().getByRole('link', { name: '+ Offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'New offer' }).waitFor();
    // prefilled: the meeting's buyer and the market
    await shows(page.locator('.chip').first(), 'Filmwelt Verleih');
    await expect.poll(() => page.getByLabel('Market').inputValue()).not.toBe('');
    await pick(page, page.locator('.offer-layout'), 'Titles', 'One Second');
    await territory(page, 'North America');
    await shows(page.locator('.offer-verdict'), 'not free');
    await shows(page.locator('.offer-problems'), /Neon/);
    await shows(page.locator('.offer-problems'), /Sold/);
    await screenshot(page, 'market-flow-02-offer-conflict-1280');
    await page.getByRole('button', { name: 'Record offer' }).click();
    await page.getByRole('heading', { level: 1, name: /Offer O-/ }).waitFor();

    await page.goto(marketUrl);
    await filmweltMeeting().getByRole('link', { name: '+ Offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'New offer' }).waitFor();
    await pick(page, page.locator('.offer-layout'), 'Titles', 'One Second');
    await territory(page, 'Germany');
    await shows(page.locator('.offer-verdict'), 'All the rights asked are free');
    await page.getByLabel('Minimum guarantee').fill('120000');
    await page.getByRole('button', { name: 'Record offer' }).click();
    await page.getByRole('heading', { level: 1, name: /Offer O-/ }).waitFor();
    offerUrl = page.url();

    await page.getByRole('button', { name: 'Counter / edit' }).click();
    await territory(page, 'Germany, Austria');
    await page.getByLabel('Minimum guarantee').fill('150000');
    await page.getByLabel('Note').fill('Austria added at a higher MG');
    await shows(page.locator('.offer-verdict'), 'All the rights asked are free');
    await page.getByRole('button', { name: 'Save counter-offer' }).click();
    await shows(page.locator('h2'), 'Terms (version 2)');

    await page.getByRole('button', { name: 'Accept (place a hold)' }).click();
    await shows(page.locator('h1'), 'Accepted');
    await page.goto(`${w.url}/catalog?q=One%20Second`);
    await page.getByRole('link', { name: 'One Second', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /One Second/ }).waitFor();
    titleUrl = page.url();
    const item = (code: string) => page.locator(`.country-list li[data-code="${code}"]`);
    await expect.poll(() => item('DE').getAttribute('data-status')).toBe('on-hold');
    expect(await item('AT').getAttribute('data-status')).toBe('on-hold');
    expect(await item('CH').getAttribute('data-status')).toBe('available');

    await page.goto(offerUrl);
    await page.getByRole('button', { name: 'Mark signed' }).click();
    await shows(page.locator('h1'), 'Signed');
    await page.goto(titleUrl);
    await expect.poll(() => item('DE').getAttribute('data-status')).toBe('sold');
    expect(await item('AT').getAttribute('data-status')).toBe('sold');
    expect(await item('CH').getAttribute('data-status')).toBe('available');
  });

  it("lists the buyer's offers on the meeting, and downloads the buyer's avails sheet of the line-up and the .ics", async () => {
    await page.goto(marketUrl);
    const meeting = filmweltMeeting();
    await expect.poll(() => meeting.locator('.sched-offers li').count()).toBe(2);
    await shows(meeting.locator('.sched-offers'), 'Signed');
    await screenshot(page, 'market-flow-03-meeting-offers-1280');

    await page.getByRole('button', { name: 'Buyer sheet', exact: true }).click();
    const buyer = page.getByLabel('Buyer', { exact: true });
    const option = buyer.locator('option', { hasText: 'Filmwelt Verleih' });
    await option.waitFor({ state: 'attached' });
    await buyer.selectOption((await option.getAttribute('value'))!);
    await shows(page.locator('.chip').first(), 'One Second'); // the line-up, already there
    await page.getByRole('button', { name: 'Show the sheet' }).click();
    const sheet = page.getByRole('region', { name: 'Avails sheet' });
    await shows(sheet, 'Switzerland');
    await screenshot(page, 'market-flow-04-buyer-sheet-1280');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const parser = new PDFParse({ data: readFileSync((await download.path())!) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Filmwelt Verleih');
    expect(text).toContain('One Second');
    // only the buyer's territories: Switzerland free, Germany and Austria now sold (not available), nothing else, no other buyer
    expect(text).toMatch(/Switzerland\s+Theatrical and Free TV\s+Available/);
    expect(text).toMatch(/Germany\s+Theatrical and Free TV\s+Not available/);
    expect(text).toMatch(/Austria\s+Theatrical and Free TV\s+Not available/);
    for (const c of ['France', 'United States', 'Canada', 'Neon', 'Wild Bunch', 'WB-NEON']) expect(text).not.toContain(c);
    expect(text).toMatch(/Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\./); // the buyer's dates, in German

    await page.getByRole('button', { name: 'Day', exact: true }).click();
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .ics' }).click()]);
    const root = new ICAL.Component(ICAL.parse(readFileSync((await ics.path())!, 'utf8')));
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    const events = root.getAllSubcomponents('vevent').map((ev) => {
      const t = (ev.getFirstPropertyValue('dtstart') as ICAL.Time).clone();
      t.zone = zone;
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(t.toUnixTime() * 1000),
      );
      return [ev.getFirstPropertyValue('summary'), local];
    });
    expect(events).toEqual([
      ['Meeting: Filmwelt Verleih', '10:00'],
      ['Meeting: Neon', '10:15'],
      ['Screening: One Second', '12:00'],
      ['Meeting: Wild Bunch', '15:00'],
    ]);
  });

  it('lists the open offer in the follow-ups, and a task links it', async () => {
    await page.getByRole('button', { name: 'Follow-ups', exact: true }).click();
    const followups = page.locator('.followups').first();
    await shows(followups, /Offer O-\S+ from Filmwelt Verleih \(new\)/);
    await followups.locator('li', { hasText: 'Offer O-' }).getByRole('button', { name: 'Add a task' }).click();
    await page.getByLabel('To do').fill('Tell Filmwelt North America is sold');
    await page.getByRole('button', { name: 'Add the task' }).click();
    await shows(page.locator('body'), 'Tasks (1 open)');
    await shows(page.locator('.followups').last(), /offer O-/);
  });

  it('shows the market report with the MG totals (admin may see money)', async () => {
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const figures = page.getByRole('list', { name: 'Figures' });
    await shows(figures, /3\s*meetings/);
    await shows(figures, /2\s*offers/);
    await shows(figures, /1\s*deals closed/);
    await shows(page.locator('body'), 'Minimum guarantees by currency');
    await shows(page.locator('body'), /150,000/);
    await screenshot(page, 'market-flow-05-report-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'market-flow-06-report-390');
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.locator('.sched-list').waitFor();
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'market-flow-07-market-day-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows Home in market week: today's meetings and screening, the offer waiting for an answer", async () => {
    await page.goto(`${w.url}/`);
    const week = page.getByRole('region', { name: 'Market week' });
    await shows(week, 'Marché du Film');
    await expect.poll(() => week.locator('.week-items').first().locator('li').count()).toBe(4);
    await shows(week.locator('.week-items').first(), 'Meeting with Filmwelt Verleih (One Second)');
    await shows(week.locator('.week-items').first(), 'Screening of One Second');
    await shows(week.locator('.week-items').last(), /Filmwelt Verleih: One Second/);
    await screenshot(page, 'market-flow-08-home-1280');
    await week.getByRole('button', { name: 'Mine' }).click();
    await expect.poll(() => week.locator('.week-items').first().locator('li').count()).toBe(2);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'market-flow-09-home-390');
  });
});
