// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../test/setup';
import type { AvailRow, ConflictReport } from '../../../src/contract/index.js';
import { ConflictPanel } from './ConflictPanel';

const row = (over: Partial<AvailRow>): AvailRow => ({
  titles: ['One Second'],
  titleIds: ['one-second'],
  territories: ['DE'],
  territoryLabel: 'Germany',
  media: ['svod'],
  mediaLabel: 'SVOD',
  languages: null,
  languagesExcept: [],
  languageLabel: 'All languages',
  start: '2028-06-01',
  end: '2029-12-31',
  status: 'unavailable',
  reasons: [{ code: 'rights-out-exist', contracts: ['WB-ALAMODE-DE'], message: 'sold to WB-ALAMODE-DE (Alamode Film)' }],
  ...over,
});

const props = {
  blockLabel: (i: number) => `Block ${i + 1}: Germany · SVOD`,
  titleName: (id: string) => (id === 'one-second' ? 'One Second' : id),
};

describe('ConflictPanel', () => {
  it('says what it needs before it can check', () => {
    render(<ConflictPanel state={{ kind: 'idle', why: 'Pick the title(s) of the deal to check its rights.' }} {...props} />);
    expect(screen.getByRole('region', { name: /Conflict check/ }).getAttribute('data-state')).toBe('idle');
    expect(screen.getByText(/Pick the title/)).toBeTruthy();
  });

  it('is clear when nothing collides, naming what was checked', () => {
    const report: ConflictReport = { clear: true, blocks: [{ block: 0, titleId: 'one-second', conflicts: [], holds: [] }] };
    render(<ConflictPanel state={{ kind: 'done', report }} {...props} />);
    const panel = screen.getByRole('region', { name: /Conflict check/ });
    expect(panel.getAttribute('data-state')).toBe('clear');
    expect(within(panel).getByText(/No conflicts/)).toBeTruthy();
    expect(within(panel).getByText(/Block 1: Germany · SVOD/)).toBeTruthy();
  });

  it('names where, when and why a deal collides, linking the contract that blocks it', () => {
    const report: ConflictReport = { clear: false, blocks: [{ block: 0, titleId: 'one-second', conflicts: [row({})], holds: [] }] };
    render(<ConflictPanel state={{ kind: 'done', report }} {...props} />);
    const panel = screen.getByRole('region', { name: /Conflict check/ });
    expect(panel.getAttribute('data-state')).toBe('conflict');
    expect(within(panel).getByText(/1 conflict: saving will be refused/)).toBeTruthy();
    expect(within(panel).getByText('Germany')).toBeTruthy();
    const link = within(panel).getByRole('link', { name: 'WB-ALAMODE-DE' });
    expect(link.getAttribute('href')).toBe('/deals?q=WB-ALAMODE-DE');
    expect(link.closest('li')?.textContent).toBe('sold to WB-ALAMODE-DE (Alamode Film)');
    expect(within(panel).getByText(/2028/)).toBeTruthy();
  });

  it('shows holds apart, as warnings, and a failed check as such', () => {
    const hold = row({
      status: 'on-hold',
      reasons: [{ code: 'on-hold', contracts: ['WB-KOCH-DE'], message: 'on hold for WB-KOCH-DE (Koch Films) (in negotiation)' }],
    });
    const report: ConflictReport = { clear: true, blocks: [{ block: 0, titleId: 'one-second', conflicts: [], holds: [hold] }] };
    const { unmount } = render(<ConflictPanel state={{ kind: 'done', report }} {...props} />);
    expect(screen.getByRole('heading', { name: /On hold/ })).toBeTruthy();
    expect(screen.getByText(/some of these rights are on hold/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'WB-KOCH-DE' })).toBeTruthy();
    unmount();
    render(<ConflictPanel state={{ kind: 'error', error: new Error('The server cannot be reached.') }} {...props} />);
    expect(screen.getByText(/The check could not run: The server cannot be reached/)).toBeTruthy();
  });
});
