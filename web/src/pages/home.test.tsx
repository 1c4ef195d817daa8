// @vitest-environment jsdom
/** Home's "Facts to review" leads to the review queue (issue 12: a new user found no way there). */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import Home from './Home';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('Home', () => {
  it('links the article facts waiting for review to the Articles queue, and counts imported ones apart', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ holds: [], expiring: [], recentlySigned: [], factsToReview: 57, articleFactsPending: 12 })),
    );
    render(<Home />);
    const link = await screen.findByRole('link', { name: 'Review them in Articles' });
    expect(link.getAttribute('href')).toBe('/articles');
    expect(screen.getByText('12')).toBeTruthy();
    // the demo's and imports' unreviewed sources are counted apart: they are not in the Articles queue
    expect(screen.getByText('57')).toBeTruthy();
    expect(screen.getByText(/without a person's review/)).toBeTruthy();
  });

  it('says so when every fact has been reviewed, with no link', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ holds: [], expiring: [], recentlySigned: [], factsToReview: 0, articleFactsPending: 0 })),
    );
    render(<Home />);
    expect(await screen.findByText('Every fact has been reviewed.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Review them in Articles' })).toBeNull();
  });
});
