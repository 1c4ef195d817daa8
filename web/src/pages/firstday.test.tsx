// @vitest-environment jsdom
/** The deals list, the avails answer and a festival line-up as a new user reads them. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { formatDate } from '../lib/format';
import Avails from './Avails';
import Deals from './Deals';
import Edition from './Edition';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(() => vi.unstubAllGlobals());

const contract = (over: Record<string, unknown>) => ({
  id: 'c1',
  ref: 'WB-NEON-ONE-SECOND-NA',
  direction: 'out',
  status: 'signed',
  licensor: 'Wild Bunch',
  licensee: 'Neon',
  titles: ['One Second'],
  rights: [{ territoryLabel: 'North America', mediaLabel: 'All Media', start: '2021-09-18', end: '2036-09-17', exclusive: true }],
  signedOn: '2021-07-20',
  announcedOn: null,
  updatedAt: '2021-07-20T00:00:00Z',
  deletedAt: null,
  ...over,
});

describe('Deals list', () => {
  it('shows what each deal grants, its term and its MG with the currency; exports name the filters', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          items: [
            contract({ mg: { amount: '1200000.00', currency: 'USD' } }),
            contract({
              id: 'c2',
              ref: 'IN-ONE',
              direction: 'in',
              mg: null,
              rights: [
                { territoryLabel: 'Worldwide excl. China', mediaLabel: 'All Media', start: '2020-01-01', end: null, exclusive: true },
              ],
            }),
          ],
          total: 2,
          page: 1,
          pageSize: 50,
        }),
      ),
    );
    history.replaceState(null, '', '/deals?status=signed');
    render(<Deals />);
    const row = (await screen.findByText('WB-NEON-ONE-SECOND-NA')).closest('tr')!;
    const head = [...document.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head).toEqual(expect.arrayContaining(['Territories', 'Media', 'Term', 'MG']));
    expect(within(row).getByText('North America')).toBeTruthy();
    expect(within(row).getByText(`${formatDate('2021-09-18')} – ${formatDate('2036-09-17')}`)).toBeTruthy();
    expect(within(row).getByText(/1,200,000/).textContent).toMatch(/\$|USD/);
    const open = screen.getByText('IN-ONE').closest('tr')!;
    expect(within(open).getByText(/perpetuity/)).toBeTruthy();
    const xlsx = screen.getByRole('link', { name: 'Export XLSX' }) as HTMLAnchorElement;
    expect(xlsx.getAttribute('href')).toBe('/api/export/contracts?format=xlsx&status=signed');
  });

  it('has no MG column for a user who may not see financial terms', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ items: [contract({})], total: 1, page: 1, pageSize: 50 })),
    );
    render(<Deals />);
    await screen.findByText('WB-NEON-ONE-SECOND-NA');
    expect([...document.querySelectorAll('thead th')].map((th) => th.textContent)).not.toContain('MG');
  });
});

describe('Avails answer', () => {
  it('says how many titles are not shown and why, and exports CSV from the server under its name', async () => {
    const calls: string[] = [];
    const saved: string[] = [];
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        if (url.startsWith('/api/reference/territories/parse')) return json({ codes: ['DE'], label: 'Germany' });
        if (url.startsWith('/api/reference/')) return json([]);
        if (url.startsWith('/api/avails/export'))
          return new Response('Status,Titles\r\n', {
            status: 200,
            headers: { 'content-disposition': 'attachment; filename="avails-germany-svod-2027-01-01_2027-12-31.csv"' },
          });
        return json({
          rows: [
            {
              titles: ['One Second'],
              titleIds: ['one-second'],
              territories: ['DE'],
              territoryLabel: 'Germany',
              media: ['svod'],
              mediaLabel: 'SVOD',
              languages: null,
              languagesExcept: [],
              languageLabel: 'All languages',
              start: '2027-01-01',
              end: '2027-12-31',
              status: 'available',
              reasons: [],
            },
          ],
          asked: 4,
          notShown: {
            count: 3,
            reasons: [
              { reason: 'no-rights-held', message: 'no rights held in these territories and media', count: 2 },
              { reason: 'rights-expired', message: 'our rights expired before the window', count: 1 },
            ],
            titles: [
              { id: 'hero', title: 'Hero', reason: 'no-rights-held' },
              { id: 'titane', title: 'Titane', reason: 'no-rights-held' },
              { id: 'old', title: 'Old Film', reason: 'rights-expired' },
            ],
          },
        });
      }),
    );
    history.replaceState(null, '', '/avails?territories=Germany&media=SVOD&start=2027-01-01&end=2027-12-31');
    render(<Avails />);
    const summary = await screen.findByText(/3 of 4 titles not shown: 2 no rights held, 1 rights expired/);
    expect(summary.closest('details')!.open).toBe(false);
    expect(screen.getByText('Old Film').closest('li')!.textContent).toBe('Old Film: our rights expired before the window');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['avails-germany-svod-2027-01-01_2027-12-31.csv']));
    expect(calls).toContain('/api/avails/export?format=csv');
  });
});

describe('Festival line-up', () => {
  it('says the sold and free columns answer for today, not for the festival', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          edition: { id: 'tiff-2021-46', number: 46, year: 2021, start: '2021-09-09', end: '2021-09-18' },
          festival: { id: 'tiff', name: 'Toronto International Film Festival', shortName: 'TIFF', kind: 'festival' },
          availability: { asOf: '2026-12-05', media: 'All Media', exclusive: true },
          sections: [
            {
              id: 's',
              name: 'Special Presentations',
              selections: [
                {
                  id: 'x',
                  title: { id: 'one-second', name: 'One Second', year: 2020 },
                  premiereStatus: null,
                  slot: 'closing-night',
                  withdrawn: false,
                  withdrawalReason: null,
                  salesAgent: null,
                  soldLabel: 'North America and Germany',
                  freeLabel: 'Worldwide excl. North America, China and Germany',
                  heldLabel: null,
                  awards: [],
                },
              ],
            },
          ],
          awards: [],
        }),
      ),
    );
    render(<Edition params={{ id: 'tiff-2021-46' }} />);
    const note = await screen.findByText(/not at the/);
    expect(note.textContent).toContain(`today, ${formatDate('2026-12-05')}`);
    expect(screen.getByText('Still free today')).toBeTruthy();
    expect(screen.getByText('North America and Germany')).toBeTruthy();
  });
});
