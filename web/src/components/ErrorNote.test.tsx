// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../test/setup';
import { ApiError } from '../lib/api';
import type { AvailRow } from '../../../src/contract/index.js';
import { ErrorNote } from './ui';

const sold = {
  territoryLabel: 'Germany',
  mediaLabel: 'SVOD',
  reasons: [{ code: 'rights-out-exist', contracts: ['WB-ALAMODE-DE'], message: 'sold to WB-ALAMODE-DE (Alamode Film)' }],
} as AvailRow;

describe('an error, as the person who met it reads it', () => {
  it('a refused deal (409 conflict) says the rights are taken, where, and what to do; not "Something went wrong"', () => {
    const conflict = new ApiError(409, {
      error: 'conflict',
      message: 'The deal conflicts: Germany, SVOD, …',
      conflicts: { clear: false, blocks: [{ block: 0, titleId: 'one-second', conflicts: [sold], holds: [] }] },
    });
    render(<ErrorNote error={conflict} retry={() => undefined} />);
    const note = screen.getByRole('alert');
    expect(note.textContent).not.toMatch(/Something went wrong/);
    expect(note.querySelector('.error-note-title')?.textContent).toBe('These rights are already sold or on hold:');
    expect(note.textContent).toContain('Germany · SVOD: sold to WB-ALAMODE-DE (Alamode Film)');
    expect(note.textContent).toContain('Change the territories, media or dates, or record an override with a reason.');
    // trying the same again would be refused again
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('other refusals with a known code get their own heading and advice', () => {
    const cases: Array<[ApiError, RegExp, RegExp]> = [
      [
        new ApiError(409, {
          error: 'stale-version',
          message: 'contracts "c1" was changed by someone else (version 3, you had 2); reload and try again',
        }),
        /^Someone else changed this/,
        /Reload to see their change/,
      ],
      [
        new ApiError(403, { error: 'forbidden', message: 'vic is a viewer: only editors and admins can change data' }),
        /^You cannot do this with your role/,
        /editor role/,
      ],
      [
        new ApiError(400, {
          error: 'unknown-name',
          message: 'territories: unknown territory "Germny". Did you mean: Germany?',
          field: 'territories',
          suggestions: ['Germany'],
        }),
        /^A name is not known/,
        /Check the spelling/,
      ],
    ];
    for (const [error, title, advice] of cases) {
      const { unmount } = render(<ErrorNote error={error} />);
      const note = screen.getByRole('alert');
      expect(note.textContent).not.toMatch(/Something went wrong/);
      expect(note.querySelector('.error-note-title')?.textContent).toMatch(title);
      expect(note.textContent).toMatch(advice);
      expect(note.textContent).toContain(error.message.slice(1));
      unmount();
    }
  });

  it('keeps "Something went wrong" for a failing server and an unreachable one, with a retry', () => {
    for (const error of [
      new ApiError(500, { error: 'internal', message: 'something went wrong on the server; it is logged' }),
      new ApiError(0, { error: 'network', message: 'The server cannot be reached. Check your connection and try again.' }),
    ]) {
      const { unmount } = render(<ErrorNote error={error} retry={() => undefined} />);
      expect(screen.getByRole('alert').querySelector('.error-note-title')?.textContent).toBe('Something went wrong.');
      expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
      unmount();
    }
  });
});
