// @vitest-environment jsdom
/** The market report page: counts for everyone; the MG column and totals only when the answer carries money. */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import type { MarketReportView } from '../../../../src/contract/index.js';
import { MarketReport } from './Report';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const report: MarketReportView = {
  market: { id: 'm1', name: 'Marché du Film', start: '2026-05-12', end: '2026-05-20' },
  meetings: { count: 3, byBuyer: [{ id: 'kestrel', name: 'Kestrel Films', count: 3 }] },
  offers: {
    count: 2,
    byStatus: [
      { status: 'new', count: 1 },
      { status: 'signed', count: 1 },
    ],
  },
  titles: [{ id: 'salt', name: 'The Salt Road', meetings: 3, offers: 2 }],
  deals: [
    {
      offer: { id: 'o1', ref: 'O-1' },
      buyer: { id: 'kestrel', name: 'Kestrel Films' },
      titles: [{ id: 'salt', name: 'The Salt Road' }],
      contract: { id: 'k1', ref: 'O-1' },
      mg: { amount: '400000.00', currency: 'EUR' },
    },
  ],
  mgTotals: [{ currency: 'EUR', signed: '400000.00', open: '150000.00' }],
};

afterEach(() => vi.unstubAllGlobals());

describe('the market report page', () => {
  it('shows the MG column and the totals when the answer carries money', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(report)),
    );
    render(<MarketReport marketId="m1" />);
    expect(await screen.findByText('Minimum guarantees by currency')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('MG');
    expect(document.body.textContent).toMatch(/400,000/);
    expect(screen.getByRole('link', { name: 'the deal' }).getAttribute('href')).toBe('/deals/k1');
  });

  it('shows counts only when it does not', async () => {
    const { mgTotals: _totals, ...plain } = report;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ ...plain, deals: plain.deals.map(({ mg: _mg, ...d }) => d) })),
    );
    render(<MarketReport marketId="m1" />);
    expect(await screen.findByText('Deals closed')).toBeTruthy();
    expect(screen.queryByText('Minimum guarantees by currency')).toBeNull();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('MG');
    expect(document.body.textContent).not.toMatch(/400,000|150,000|€/);
    expect(screen.getByText('Kestrel Films', { selector: 'td' })).toBeTruthy();
  });
});
