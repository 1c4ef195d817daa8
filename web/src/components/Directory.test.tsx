// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { sortCountries } from '../lib/reference';
import { Directory } from './Directory';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('countries in pickers and lists', () => {
  it('sort by the country name, locale-aware, not by ISO code', () => {
    const byCode = [
      { code: 'AE', name: 'United Arab Emirates' },
      { code: 'AT', name: 'Austria' },
      { code: 'CI', name: "Côte d'Ivoire" },
      { code: 'CN', name: 'China' },
      { code: 'DE', name: 'Germany' },
      { code: 'GB', name: 'United Kingdom' },
    ];
    expect(sortCountries(byCode).map((c) => c.name)).toEqual([
      'Austria',
      'China',
      "Côte d'Ivoire",
      'Germany',
      'United Arab Emirates',
      'United Kingdom',
    ]);
  });

  it('the companies list names the country instead of its code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.startsWith('/api/reference/countries')
          ? json([{ code: 'FR', name: 'France' }])
          : json({ items: [{ id: 'wb', name: 'Wild Bunch', kind: 'sales-agent', country: 'FR' }], total: 1, page: 1, pageSize: 50 }),
      ),
    );
    render(<Directory kind="companies" title="Companies" />);
    const row = (await screen.findByRole('link', { name: 'Wild Bunch' })).closest('tr')!;
    await within(row).findByText('France');
  });
});
