// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { AppFooter } from './AppFooter';

afterEach(() => vi.unstubAllGlobals());

describe('the foot of every page', () => {
  it("names the server's version and database schema, as GET /api/health gives them", async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ status: 'ok', version: '0.2.0', schema: '0004_token_expiry' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    render(<AppFooter />);
    expect((await screen.findByTestId('app-version')).textContent).toBe('0.2.0');
    expect(screen.getByTestId('app-schema').textContent).toBe('0004_token_expiry');
    expect(fetch).toHaveBeenCalledWith('/api/health', expect.anything());
  });

  it('still says what it is when the server does not answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const { container } = render(<AppFooter />);
    await new Promise((r) => setTimeout(r, 0));
    expect(container.textContent).toContain('filmrights');
    expect(screen.queryByTestId('app-version')).toBeNull();
  });
});
