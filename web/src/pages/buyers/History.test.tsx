// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../test/setup';
import type { BuyerHistory } from '../../../../src/contract/index.js';
import { History } from './History';

const history: BuyerHistory = {
  withUs: [
    {
      contract: { id: 'k1', ref: 'NEON-NA', status: 'signed' },
      titles: [{ id: 'one-second', name: 'One Second' }],
      date: '2021-07-20',
      territoryLabel: 'North America',
      mediaLabel: 'All Media',
      mg: { amount: '1500000.00', currency: 'USD' },
      notReviewed: false,
    },
  ],
  fromOthers: [
    {
      contract: { id: 'k2', ref: 'EDKO-CINEART-HERO', status: 'announced' },
      titles: [{ id: 'hero', name: 'Hero' }],
      date: '2003-02-10',
      territoryLabel: 'Benelux',
      mediaLabel: 'All Media',
      seller: { id: 'edko', name: 'Edko' },
      sources: ['Trade Weekly: Hero goes to Benelux'],
      notReviewed: false,
    },
  ],
};

describe("a buyer's history", () => {
  it('shows the MG column only to users who may see money', () => {
    const { unmount } = render(<History history={history} canSeeMoney />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('MG');
    expect(document.body.textContent).toMatch(/1,500,000/);
    unmount();
    render(<History history={{ ...history, withUs: history.withUs.map(({ mg: _mg, ...d }) => d) }} canSeeMoney={false} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('MG');
    expect(document.body.textContent).not.toMatch(/1,500,000|1500000/);
    const theirs = screen.getAllByRole('table')[1];
    expect(within(theirs).getByText('Edko')).toBeTruthy();
    expect(within(theirs).getByText('Trade Weekly: Hero goes to Benelux')).toBeTruthy();
  });

  it('marks a deal read from a source nobody has reviewed yet, ours and the press’s, and only those', () => {
    const { unmount } = render(<History history={history} canSeeMoney />);
    expect(screen.queryAllByText('from the press, not yet reviewed')).toHaveLength(0);
    unmount();
    render(
      <History
        history={{
          withUs: history.withUs.map((d) => ({ ...d, notReviewed: true })),
          fromOthers: history.fromOthers.map((d) => ({ ...d, notReviewed: true })),
        }}
        canSeeMoney
      />,
    );
    const [ours, theirs] = screen.getAllByRole('table');
    expect(within(ours).getByText('from the press, not yet reviewed')).toBeTruthy();
    expect(within(theirs).getByText('from the press, not yet reviewed')).toBeTruthy();
    // the press's deal leads to its page, where it can be reviewed
    expect(within(theirs).getByRole('link', { name: 'Trade Weekly: Hero goes to Benelux' }).getAttribute('href')).toBe('/deals/k2');
  });

  it('says so when there is no history', () => {
    render(<History history={{ withUs: [], fromOthers: [] }} canSeeMoney />);
    expect(screen.getByText('No deal with this buyer yet.')).toBeTruthy();
    expect(screen.getByText(/No deal of this buyer’s with others on record/)).toBeTruthy();
  });
});
