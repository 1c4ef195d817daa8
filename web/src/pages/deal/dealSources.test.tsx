// @vitest-environment jsdom
/** The deal page's sources (issue 12): a press deal nobody reviewed is marked and leads to its fact in the article; a reviewed one says it was accepted. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
