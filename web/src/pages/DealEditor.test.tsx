// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { AuthProvider } from '../lib/auth';
import type { AvailRow, ConflictReport } from '../../../src/contract/index.js';
import DealEditor from './DealEditor';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const sold: AvailRow = {
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
  end: '2029-12-31',
  status: 'unavailable',
  reasons: [{ code: 'rights-out-exist', contracts: ['WB-ALAMODE-DE'], message: 'sold to WB-ALAMODE-DE (Alamode Film)' }],
};

/** The server as the editor sees it: Germany is sold, France is free. */
function server() {
  const report = (territories: string): ConflictReport =>
    territories === 'Germany'
      ? { clear: false, blocks: [{ block: 0, titleId: 'one-second', conflicts: [sold], holds: [] }] }
      : { clear: true, blocks: [{ block: 0, titleId: 'one-second', conflicts: [], holds: [] }] };
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    if (url === '/api/auth/me') return json(200, { user: { id: 'u1', username: 'eva', role: 'editor', canSeeFinancials: true } });
    if (url === '/api/titles/one-second') return json(200, { id: 'one-second', englishTitle: 'One Second', originalTitle: '一秒钟' });
    if (url === '/api/conflicts') return json(200, report(body.blocks[0].territories));
    if (url === '/api/contracts' && init.method === 'POST') {
      const r = report(body.blocks[0].territories);
      return r.clear
        ? json(201, { id: 'c1', ref: 'NEW-1', version: 1 })
        : json(409, { error: 'conflict', message: 'conflicts with existing rights', conflicts: r });
    }
    if (url.startsWith('/api/reference/territories/parse')) return json(200, { codes: [], label: '' });
    return json(200, []);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

async function openNewDeal() {
  vi.stubGlobal('fetch', server());
  history.replaceState(null, '', '/deals/new?title=one-second');
  render(
    <AuthProvider>
      <DealEditor params={{}} />
    </AuthProvider>,
  );
  await screen.findByText('One Second');
}

describe('the deal editor', () => {
  it('takes the red refusal away once the rights are changed to free ones', async () => {
    await openNewDeal();
    fireEvent.change(screen.getByRole('combobox', { name: 'Territories' }), { target: { value: 'Germany' } });
    fireEvent.change(screen.getByLabelText('Media', { selector: 'input' }), { target: { value: 'SVOD' } });
    await waitFor(() => expect(document.querySelector('.conflict-panel')?.getAttribute('data-state')).toBe('conflict'), { timeout: 4000 });
    fireEvent.click(screen.getAllByRole('button', { name: 'Create deal' })[0]);
    await screen.findByText(/Saving was refused/);

    fireEvent.change(screen.getByRole('combobox', { name: 'Territories' }), { target: { value: 'France' } });
    await waitFor(() => expect(document.querySelector('.conflict-panel')?.getAttribute('data-state')).toBe('clear'), { timeout: 4000 });
    expect(screen.getByText(/No conflicts/)).toBeTruthy();
    expect(screen.queryByText(/Saving was refused/)).toBeNull();
    expect(screen.queryByLabelText('Reason for the override')).toBeNull();
  });

  it('says what the default status does, and that an empty end date is perpetuity', async () => {
    await openNewDeal();
    const status = screen.getByLabelText('Status') as HTMLSelectElement;
    expect(status.value).toBe('negotiating');
    const hint = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(hint(status)).toMatch(/^Negotiating: puts these rights on hold/);
    fireEvent.change(status, { target: { value: 'draft' } });
    expect(hint(status)).toMatch(/^Draft: holds nothing/);

    const end = screen.getByLabelText('End (inclusive)') as HTMLInputElement;
    expect(end.value).toBe('');
    expect(hint(end)).toBe('No end date: perpetuity');
    fireEvent.change(end, { target: { value: '2031-03-31' } });
    expect(hint(end)).toBe('Clear it for perpetuity.');
  });

  it("says a press deal's term is not reported, not perpetual, until an end date is entered", async () => {
    const fetch = server();
    const contract = {
      id: 'c9',
      ref: 'BRIGHTWELL-QUIET-HARBOUR',
      direction: 'third-party',
      status: 'announced',
      licensor: null,
      licensee: { id: 'brightwell', name: 'Brightwell Pictures' },
      salesAgent: null,
      titles: [{ id: 'one-second', name: 'One Second' }],
      blocks: [
        {
          titleId: 'one-second',
          territories: 'France',
          territoryCodes: ['FR'],
          media: 'All Media',
          mediaIds: [],
          languages: null,
          start: '2024-03-01',
          end: null,
          termReported: false,
          exclusive: true,
        },
      ],
      holdbacks: [],
      negotiators: [],
      mg: null,
      signedOn: null,
      announcedOn: '2024-03-01',
      notes: null,
      version: 1,
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) =>
        url === '/api/contracts/c9'
          ? json(200, contract)
          : url.startsWith('/api/contracts/c9/')
            ? json(404, { error: 'not-found', message: 'none' })
            : fetch(url, init),
      ),
    );
    history.replaceState(null, '', '/deals/c9');
    render(
      <AuthProvider>
        <DealEditor params={{ id: 'c9' }} />
      </AuthProvider>,
    );
    const end = (await screen.findByLabelText('End (inclusive)')) as HTMLInputElement;
    const hint = () => document.getElementById(end.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(hint()).toMatch(/^Term not reported: the end is unknown/);
    fireEvent.change(end, { target: { value: '2026-12-31' } });
    expect(hint()).toBe('Clear it for perpetuity.');
  });
});
