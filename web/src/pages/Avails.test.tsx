// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { formatDate } from '../lib/format';
import type { AvailRow } from '../../../src/contract/index.js';
import Avails from './Avails';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const row = (over: Partial<AvailRow>): AvailRow => ({
  titles: ['One Second'],
  titleIds: ['one-second'],
  territories: ['US', 'CA'],
  territoryLabel: 'North America',
  media: ['svod'],
  mediaLabel: 'SVOD',
  languages: null,
  languagesExcept: [],
  languageLabel: 'All languages',
  start: '2027-01-01',
  end: '2027-12-31',
  status: 'unavailable',
  reasons: [],
  ...over,
});

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

describe('Avails: why the answer is no', () => {
  it('names the deal with its parties and its end date, and links to the deal', async () => {
    const rows = [
      row({
        reasons: [
          {
            code: 'rights-out-exist',
            contracts: ['WB-NEON-NA'],
            message: 'sold to WB-NEON-NA (Neon)',
            deals: [{ ref: 'WB-NEON-NA', id: 'c-neon', licensor: 'Wild Bunch', licensee: 'Neon', end: '2031-03-31' }],
          },
        ],
      }),
      row({
        territories: ['FR'],
        territoryLabel: 'France',
        reasons: [
          {
            code: 'rights-out-exist',
            contracts: ['WB-DIAPHANA-FR'],
            message: 'sold to WB-DIAPHANA-FR (Diaphana)',
            deals: [
              { ref: 'WB-DIAPHANA-FR', id: 'c-diaphana', licensor: 'Wild Bunch', licensee: 'Diaphana', end: null, notReviewed: true },
            ],
          },
        ],
      }),
      row({
        territories: ['DE'],
        territoryLabel: 'Germany',
        status: 'on-hold',
        reasons: [
          {
            code: 'on-hold',
            contracts: ['WB-ALAMODE-DE'],
            message: 'on hold for WB-ALAMODE-DE (Alamode Film) (in negotiation)',
            deals: [{ ref: 'WB-ALAMODE-DE', id: 'c-alamode', licensor: 'Wild Bunch', licensee: 'Alamode Film', end: '2029-12-31' }],
          },
        ],
      }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/avails'
          ? json(200, { rows })
          : url.startsWith('/api/reference/countries')
            ? json(200, [])
            : json(404, { error: 'not-found', message: url }),
      ),
    );
    history.replaceState(null, '', '/avails?territories=North+America%2C+France%2C+Germany&media=SVOD&start=2027-01-01&end=2027-12-31');
    render(<Avails />);
    const why = (name: string) =>
      screen
        .getByRole('cell', { name: new RegExp(`^${name}$`) })
        .closest('tr')!
        .querySelector('.avail-why') as HTMLElement;
    await screen.findByRole('cell', { name: /^North America$/ });

    const na = why('North America');
    expect(na.textContent).toBe(`sold to WB-NEON-NA (Neon), until ${formatDate('2031-03-31')}`);
    expect(within(na).getByRole('link', { name: 'WB-NEON-NA' }).getAttribute('href')).toBe('/deals/c-neon');

    const fr = why('France');
    // read from a source nobody has reviewed yet: marked as the deals list marks it (the others are not)
    expect(fr.textContent).toBe('sold to WB-DIAPHANA-FR (Diaphana), in perpetuity from the press, not yet reviewed');
    expect(within(fr).getByText('from the press, not yet reviewed').className).toContain('review-mark');
    expect(within(fr).getByRole('link', { name: 'WB-DIAPHANA-FR' }).getAttribute('href')).toBe('/deals/c-diaphana');

    const de = why('Germany');
    expect(de.textContent).toBe(`on hold for WB-ALAMODE-DE (Alamode Film), until ${formatDate('2029-12-31')} (in negotiation)`);
    // Every cell says what it is, for the narrow (card) layout.
    expect(na.getAttribute('data-label')).toBe('Why');
  });

  it('keeps the server sentence when a reason names no deal', async () => {
    const rows = [
      row({
        territories: ['CN'],
        territoryLabel: 'China',
        reasons: [{ code: 'no-rights-in', contracts: [], message: 'we hold no rights here' }],
      }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/avails'
          ? json(200, { rows })
          : url.startsWith('/api/reference/countries')
            ? json(200, [])
            : json(404, { error: 'not-found', message: url }),
      ),
    );
    history.replaceState(null, '', '/avails?territories=China&media=SVOD&start=2027-01-01&end=2027-12-31');
    render(<Avails />);
    await screen.findByRole('cell', { name: /^China$/ });
    expect(screen.getByRole('cell', { name: 'we hold no rights here' })).toBeTruthy();
  });
});

describe('Avails: the whole catalog, a page at a time', () => {
  it('shows the first titles, and the next ones when asked for more', async () => {
    const asked: Array<{ cursor?: string }> = [];
    const first = row({ status: 'available', territories: ['DE'], territoryLabel: 'Germany' });
    const second = row({
      status: 'available',
      titles: ['Two Seconds'],
      titleIds: ['two-seconds'],
      territories: ['AT'],
      territoryLabel: 'Austria',
    });
    const notShown = (count: number) => ({
      count,
      reasons: [{ reason: 'not-available', message: 'nothing available as asked', count }],
      titles: [],
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/avails') {
          const body = JSON.parse(String(init?.body)) as { cursor?: string };
          asked.push(body);
          return body.cursor === 'after-one-second'
            ? json(200, { rows: [second], asked: 4, notShown: notShown(1), page: { limit: 1000, titles: 1, next: null } })
            : json(200, { rows: [first], asked: 4, notShown: notShown(1), page: { limit: 1000, titles: 1, next: 'after-one-second' } });
        }
        return url.startsWith('/api/reference/countries') ? json(200, []) : json(404, { error: 'not-found', message: url });
      }),
    );
    history.replaceState(null, '', '/avails?territories=Germany%2C+Austria&media=SVOD&start=2027-01-01&end=2027-12-31');
    render(<Avails />);
    await screen.findByRole('cell', { name: /^Germany$/ });
    expect(screen.queryByRole('cell', { name: /^Austria$/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more titles' }));
    await screen.findByRole('cell', { name: /^Austria$/ });
    expect(screen.getByRole('cell', { name: /^Germany$/ })).toBeTruthy();
    expect(asked.map((b) => b.cursor)).toEqual([undefined, 'after-one-second']);
    expect(screen.queryByRole('button', { name: 'Show more titles' })).toBeNull();
  });
});
