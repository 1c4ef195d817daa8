// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import Import from './Import';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('Import page', () => {
  it('previews an upload, shows what would be created, then commits with progress', async () => {
    const calls: Array<{ url: string; body: Record<string, unknown> | null }> = [];
    const preview = {
      format: 'csv',
      committed: false,
      kind: 'deals',
      headers: ['Film', 'Licensee', 'Territories', 'Rights'],
      mapping: { title: 'Film', buyer: 'Licensee', territory: 'Territories', media: 'Rights' },
      created: { titles: 0, companies: 1, contracts: 1, blocks: 1 },
      contracts: [
        {
          ref: 'SHEET-NEON-ONE-SECOND',
          direction: 'out',
          licensor: 'us',
          licensee: 'Neon',
          blocks: [
            {
              title: 'One Second',
              territories: 'North America',
              media: 'All Media',
              start: '2021-09-18',
              end: null,
              exclusive: true,
              rows: ['row 2'],
            },
          ],
        },
      ],
      unknownNames: [],
      problems: [{ severity: 'warning', where: 'row 2', message: 'a warning' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const body = init.body ? JSON.parse(String(init.body)) : null;
        calls.push({ url, body });
        if (url === '/api/import' && body.mode === 'preview') return json(200, preview);
        if (url === '/api/import') return json(202, { job: 'j1', poll: '/api/import/jobs/j1' });
        return json(200, { state: 'done', done: 1, total: 1, result: { ...preview, committed: true } });
      }),
    );
    render(<Import />);
    const file = new File(['Film,Licensee,Territories,Rights\nOne Second,Neon,North America,all rights\n'], 'deals.csv', {
      type: 'text/csv',
    });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByText(/Would create 0 titles, 1 companies, 1 contracts/);
    expect(screen.getByText('North America')).toBeTruthy();
    expect(atob(String(calls[0].body!.content))).toContain('One Second,Neon');
    fireEvent.click(screen.getByRole('button', { name: 'Import all of it' }));
    await screen.findByText(/^Created 0 titles/);
    expect(calls[1].body).toMatchObject({ mode: 'commit', background: true, mapping: preview.mapping });
  });

  it('lists every problem of a refused file with its place', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, {
          format: 'ema-xml',
          committed: false,
          created: { titles: 0, companies: 0, contracts: 0, blocks: 0 },
          contracts: [],
          problems: [{ severity: 'error', where: '/AvailList/Avail[1]/Transaction[1]/Territory[1]', message: 'unknown country code "JJ"' }],
        }),
      ),
    );
    render(<Import />);
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File(['<x/>'], 'a.xml')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByText(/1 problem: nothing can be imported/);
    expect(screen.getByText('/AvailList/Avail[1]/Transaction[1]/Territory[1]')).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Import all of it' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('keeps exports on their own Export tab, with styled controls', () => {
    render(<Import />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Import');
    expect(screen.queryByRole('form', { name: 'Export EMA avails' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Export' }).getAttribute('href')).toBe('/export');
    // every text box is a styled text input (the stylesheet styles inputs by type)
    for (const input of document.querySelectorAll('input:not([type=file]):not([type=checkbox])'))
      expect(input.getAttribute('type')).toMatch(/^(text|date|search)$/);
    cleanup();

    history.replaceState(null, '', '/export');
    try {
      render(<Import />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Export');
      const form = screen.getByRole('form', { name: 'Export EMA avails' });
      expect(screen.getByRole('heading', { name: 'EMA avails for a retailer' })).toBeTruthy();
      for (const input of form.querySelectorAll('input:not([type=checkbox])')) expect(input.getAttribute('type')).toMatch(/^(text|date)$/);
      expect(screen.getByRole('heading', { name: 'Lists' })).toBeTruthy();
      expect(screen.getAllByRole('link', { name: 'XLSX' })[0].getAttribute('href')).toBe('/api/export/catalog?format=xlsx');
      expect(screen.queryByLabelText('File')).toBeNull();
    } finally {
      history.replaceState(null, '', '/');
    }
  });
});
