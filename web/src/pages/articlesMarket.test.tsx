// @vitest-environment jsdom
/** The market picture marks a holding's source that nobody has reviewed yet (issue 12), as the title page does. */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import ArticlesMarket from './ArticlesMarket';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const source = (id: string, outlet: string, reviewed: boolean) => ({
  id,
  quote: `${outlet} reported the deal.`,
  reviewed,
  source: { id: `s-${id}`, outlet, publishedOn: '2021-07-20', url: null, title: null },
});
const holding = (ref: string, holder: string, sources: unknown[]) => ({
  contract: { id: ref, ref, direction: 'third-party', status: 'announced', announcedOn: '2021-07-20', signedOn: null },
  holder: { id: holder.toLowerCase(), name: holder },
  licensor: null,
  territoryLabel: 'France',
  mediaLabel: 'All Media',
  ours: false,
  sources,
});

afterEach(() => vi.unstubAllGlobals());

describe('the market picture', () => {
  it('marks the sources not yet reviewed "from the press, not yet reviewed", and only those', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          title: { id: 'one-second', name: 'One Second', year: 2020 },
          holdings: [holding('A', 'Brightwell', [source('1', 'Screen', false)]), holding('B', 'Neon', [source('2', 'Variety', true)])],
          unreported: { codes: [], label: null },
          salesAgents: [],
          talks: [],
        }),
      ),
    );
    render(<ArticlesMarket params={{ id: 'one-second' }} />);
    await screen.findByText('Screen');
    expect(screen.getAllByText('from the press, not yet reviewed')).toHaveLength(1);
    expect(screen.getByText('Screen').parentElement!.textContent).toContain('not yet reviewed');
    expect(screen.getByText('Variety').parentElement!.textContent).not.toContain('not yet reviewed');
  });
});
