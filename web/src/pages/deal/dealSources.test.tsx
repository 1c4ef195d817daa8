// @vitest-environment jsdom
/** The deal page's sources (issue 12): a press deal nobody reviewed is marked and leads to its fact in the article; a reviewed one says it was accepted. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import type { Contract, DealSource } from '../../../../src/contract/index.js';
import { DealOrigin, DealSources, reviewHref } from './DealSources';

const SENTENCE = 'Harrow Lane Films has picked up German rights to “The Salt Orchard” from Kestrel Sales.';

function source(over: Partial<DealSource> = {}): DealSource {
  return {
    id: 'link-1',
    factTable: 'contracts',
    factId: 'deal-1',
    source: { id: 'src-1', kind: 'article', outlet: 'Trade Weekly', publishedOn: '2025-05-14', url: null, file: null, title: null },
    quote: SENTENCE,
    spanStart: 0,
    spanEnd: SENTENCE.length,
    reviewed: false,
    accepted: false,
    readAt: '2025-05-15T09:30:00.000Z',
    reviewedBy: null,
    article: { id: 'art 1', title: null, factId: 'fact/7', factStatus: 'pending' },
    ...over,
  };
}

const contract = (sources: DealSource[]) => ({ id: 'deal-1', ref: 'HARROW-SALT-DE', sources }) as unknown as Contract;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the deal page's sources", () => {
  it('links a source to its deal fact in the article, else to the article, else nowhere', () => {
    expect(reviewHref(source())).toBe('/articles/art%201?fact=fact%2F7');
    expect(reviewHref(source({ article: { id: 'a2', title: null, factId: null, factStatus: null } }))).toBe('/articles/a2');
    expect(reviewHref(source({ article: null }))).toBeNull();
  });

  it('marks a source nobody reviewed, with its sentence and a way to review it', () => {
    render(
      <>
        <DealOrigin contract={contract([source()])} />
        <DealSources contract={contract([source()])} />
      </>,
    );
    expect(screen.getAllByText('from the press, not yet reviewed')).toHaveLength(2);
    expect(screen.getByText(SENTENCE)).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Review it in the article' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/articles/art%201?fact=fact%2F7', '/articles/art%201?fact=fact%2F7']);
  });

  it('says a reviewed deal was accepted from the press, and by whom, without the mark', () => {
    const done = source({
      reviewed: true,
      accepted: true,
      reviewedBy: 'eva',
      article: { id: 'a1', title: null, factId: 'f1', factStatus: 'accepted' },
    });
    const { container } = render(
      <>
        <DealOrigin contract={contract([done])} />
        <DealSources contract={contract([done])} />
      </>,
    );
    expect(container.textContent).toContain('Accepted from the press: Trade Weekly');
    expect(container.textContent).toContain('reviewed by eva');
    expect(container.textContent).not.toContain('not yet reviewed');
    expect(screen.getByText('from the press, reviewed')).toBeTruthy();
  });

  it('offers "Mark reviewed" to an editor for a source with no deal fact waiting in an article, with an Undo', async () => {
    // read as an article whose reading found no fact for this deal (as the demo's rights-in deal)
    const imported = source({ article: { id: 'a2', title: null, factId: null, factStatus: null } });
    const calls: Array<{ url: string; body: unknown }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { reviewed: boolean };
        calls.push({ url, body });
        const answer = { ...imported, reviewed: body.reviewed, reviewedBy: body.reviewed ? 'eva' : null };
        return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const changed: DealSource[] = [];
    const { rerender } = render(
      <>
        <DealOrigin contract={contract([imported])} />
        <DealSources contract={contract([imported])} writable onChanged={(s) => changed.push(s)} />
      </>,
    );
    // neither the notice at the top nor the source sends the reader to an article that has no fact for this deal
    expect(screen.queryByRole('link', { name: 'Review it in the article' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See its source' }).getAttribute('href')).toBe('#deal-sources');
    expect(screen.getByText(/no deal fact waiting for this deal/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Mark reviewed/ }));
    await waitFor(() => expect(changed).toHaveLength(1));
    expect(calls[0]).toEqual({ url: '/api/contracts/deal-1/sources/link-1/review', body: { reviewed: true } });
    rerender(
      <>
        <DealOrigin contract={contract([changed[0]])} />
        <DealSources contract={contract([changed[0]])} writable onChanged={(s) => changed.push(s)} />
      </>,
    );
    expect(screen.getByText('from the press, reviewed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Mark reviewed/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(changed).toHaveLength(2));
    expect(calls[1].body).toEqual({ reviewed: false });
    expect(changed[1].reviewed).toBe(false);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('leads from the top to the article where one of several sources has its deal fact waiting', () => {
    const noFact = source({ id: 'link-0', article: { id: 'a0', title: null, factId: null, factStatus: null } });
    const { container } = render(<DealOrigin contract={contract([noFact, source()])} />);
    expect(screen.getByRole('link', { name: 'Review it in the article' }).getAttribute('href')).toBe('/articles/art%201?fact=fact%2F7');
    expect(container.textContent).toContain('from the press, not yet reviewed');
  });

  it('offers no "Mark reviewed" to a viewer, nor where the deal fact waits in the article', () => {
    const { unmount } = render(<DealSources contract={contract([source({ article: null })])} />);
    expect(screen.getByText(/paste the article in Articles/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Mark reviewed/ })).toBeNull();
    unmount();
    render(<DealSources contract={contract([source()])} writable />);
    expect(screen.queryByRole('button', { name: /^Mark reviewed/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Review it in the article' })).toBeTruthy();
  });

  it('says a deal without sources was entered by hand, with no notice at the top', () => {
    const { container } = render(
      <>
        <DealOrigin contract={contract([])} />
        <DealSources contract={contract([])} />
      </>,
    );
    expect(container.textContent).toContain('No source recorded: this deal was entered by hand.');
    expect(container.querySelector('.deal-origin')).toBeNull();
  });
});
