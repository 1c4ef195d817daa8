// @vitest-environment jsdom
/** A deal fact's edit form covers the deal's fields (issue 12): term, exclusivity, status, media, and the price for those who may see money. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { AuthProvider } from '../../lib/auth';
import { FactCard } from './FactCard';
import { factFieldKey, factFieldLabel, type Fact } from './facts';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const deal: Fact = {
  id: 'f1',
  position: 0,
  type: 'deal',
  fields: {
    title: 'Salt Road',
    buyer: 'Brightwell Pictures',
    seller: null,
    territories: 'Spain',
    media: null,
    price: { amount: '200000', currency: 'EUR' },
    negotiators: [],
  },
  confidence: 0.85,
  span: [0, 40],
  spans: [[0, 40]],
  quote: 'Brightwell Pictures has acquired Spanish rights to Salt Road.',
  status: 'pending',
  resolution: {},
  known: null,
  written: null,
};

afterEach(() => vi.unstubAllGlobals());

function stub(canSeeFinancials: boolean) {
  const posts: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).endsWith('/api/auth/me')) return json({ user: { id: 'u', username: 'eva', role: 'editor', canSeeFinancials } });
      posts.push({ url: String(url), body: init?.body ? JSON.parse(String(init.body)) : null });
      return json({ ok: true });
    }),
  );
  return posts;
}

describe('the deal fact’s edit form', () => {
  it('has every field of a deal and sends the term, exclusivity, status and price as the server reads them', async () => {
    const posts = stub(true);
    render(
      <AuthProvider>
        <FactCard fact={deal} articleId="a1" current={false} onFocus={() => {}} onDone={() => {}} />
      </AuthProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    for (const label of ['Title', 'Buyer', 'Seller', 'Territories', 'Media', 'Term start', 'Term end', 'Exclusivity', 'Status'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Price')).toBeTruthy());
    expect((screen.getByLabelText('Price') as HTMLInputElement).value).toBe('200000');
    // an empty end is a term not reported, not a perpetual licence
    const end = screen.getByLabelText('Term end');
    expect(document.getElementById(end.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Empty: term not reported/);
    fireEvent.change(screen.getByLabelText('Term start'), { target: { value: '2022-09-01' } });
    fireEvent.change(screen.getByLabelText('Term end'), { target: { value: '2029-08-31' } });
    fireEvent.change(screen.getByLabelText('Exclusivity'), { target: { value: 'false' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'signed' } });
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: '250000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept as edited' }));
    await waitFor(() => expect(posts.some((p) => p.url.endsWith('/accept'))).toBe(true));
    const body = posts.find((p) => p.url.endsWith('/accept'))!.body as { fields: Record<string, unknown> };
    expect(body.fields).toEqual({
      start: '2022-09-01',
      end: '2029-08-31',
      exclusive: false,
      status: 'signed',
      price: { amount: '250000', currency: 'EUR' },
    });
  });

  it('shows no price to a user who may not see financial terms, and sends none', async () => {
    const posts = stub(false);
    render(
      <AuthProvider>
        <FactCard fact={deal} articleId="a1" current={false} onFocus={() => {}} onDone={() => {}} />
      </AuthProvider>,
    );
    await waitFor(() => expect(posts).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Term start')).toBeTruthy();
    expect(screen.queryByLabelText('Price')).toBeNull();
    expect(screen.queryByLabelText('Currency')).toBeNull();
    fireEvent.change(screen.getByLabelText('Media'), { target: { value: 'SVOD' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept as edited' }));
    await waitFor(() => expect(posts.some((p) => p.url.endsWith('/accept'))).toBe(true));
    expect((posts.find((p) => p.url.endsWith('/accept'))!.body as { fields: Record<string, unknown> }).fields).toEqual({ media: 'SVOD' });
  });
});

describe('a deal the reader is less sure of', () => {
  it('says so beside its confidence while it waits for review, and not for a surer one', async () => {
    stub(false);
    const { rerender } = render(
      <AuthProvider>
        <FactCard fact={{ ...deal, confidence: 0.43 }} articleId="a1" current={false} onFocus={() => {}} onDone={() => {}} />
      </AuthProvider>,
    );
    expect(screen.getByText('less certain').getAttribute('title')).toMatch(/check it against its sentence/);
    rerender(
      <AuthProvider>
        <FactCard fact={deal} articleId="a1" current={false} onFocus={() => {}} onDone={() => {}} />
      </AuthProvider>,
    );
    expect(screen.queryByText('less certain')).toBeNull();
  });
});

describe('a refused fact names its field as the edit form labels it', () => {
  it('reads the server’s path as the form’s field: the term, the price, the parties, a choice among records', () => {
    expect(factFieldKey('fields.blocks[0].end')).toBe('end');
    expect(factFieldKey('fields.blocks[0].startCondition')).toBe('start');
    expect(factFieldKey('fields.territories')).toBe('territories');
    expect(factFieldKey('fields.price.amount')).toBe('priceAmount');
    expect(factFieldKey('fields.mg.amount')).toBe('priceAmount');
    expect(factFieldKey('fields.mg.currency')).toBe('priceCurrency');
    expect(factFieldKey('fields.licenseeId')).toBe('buyer');
    expect(factFieldKey('fields.buyerId')).toBe('buyer');
    expect(factFieldKey('fields.title.originalTitle')).toBe('title');
    expect(factFieldKey('override.reason')).toBeUndefined();
    expect(factFieldLabel('end')).toBe('Term end');
    expect(factFieldLabel('priceAmount')).toBe('Price');
    expect(factFieldLabel('buyer')).toBe('Buyer');
  });

  it('marks the field and names it by its label when the server refuses the edit', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        String(url).includes('/accept')
          ? new Response(
              JSON.stringify({
                error: 'invalid',
                field: 'fields.blocks[0].end',
                message: 'fields.blocks[0]: end 2026-01-01 is before start 2027-06-01',
              }),
              { status: 400, headers: { 'content-type': 'application/json' } },
            )
          : json({ user: { id: 'u', username: 'ed', role: 'editor', canSeeFinancials: true } }),
      ),
    );
    render(
      <AuthProvider>
        <FactCard fact={deal} current onFocus={() => undefined} onDone={() => undefined} articleId="a1" />
      </AuthProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('Term end'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept as edited' }));
    await waitFor(() => expect(screen.getByLabelText('Term end').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('End 2026-01-01 is before start 2027-06-01')).toBeTruthy();
    expect(screen.getByText(/Term end: end 2026-01-01 is before start 2027-06-01/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/fields\.|blocks\[/i);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Term end')));
    // changed, the mark goes
    fireEvent.change(screen.getByLabelText('Term end'), { target: { value: '2029-05-31' } });
    expect(screen.getByLabelText('Term end').getAttribute('aria-invalid')).toBeNull();
  });
});
