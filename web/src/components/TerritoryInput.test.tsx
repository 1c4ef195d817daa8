// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import '../test/setup';
import type { TerritorySuggestion } from '../../../src/contract/index.js';
import { TerritoryInput, type ParsedTerritories } from './TerritoryInput';

const NAMES: TerritorySuggestion[] = [
  { name: 'Germany', kind: 'country', codes: ['DE'] },
  { name: 'German-speaking Europe', kind: 'group', codes: ['AT', 'CH', 'DE', 'LI', 'LU'] },
  { name: 'China', kind: 'country', codes: ['CN'] },
  { name: 'Worldwide', kind: 'group', codes: ['AD', 'CN', 'DE'] },
];

function fakeServer() {
  const suggest = vi.fn(async (q: string) => NAMES.filter((n) => n.name.toLowerCase().startsWith(q.toLowerCase())));
  const parse = vi.fn(async (expr: string): Promise<ParsedTerritories> => {
    if (/germny/i.test(expr))
      throw new ApiError(400, {
        error: 'unknown-name',
        message: 'expr: unknown territory "Germny". Did you mean: Germany?',
        field: 'expr',
        value: 'Germny',
        suggestions: ['Germany'],
      });
    if (expr === 'Worldwide excl. China') return { codes: ['AD', 'DE'], label: 'Worldwide excl. China' };
    return { codes: ['DE'], label: expr };
  });
  return { suggest, parse };
}

function Harness(props: { initial?: string; onChange?: (v: string) => void; server: ReturnType<typeof fakeServer> }) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <>
      <label htmlFor="t">Territories</label>
      <TerritoryInput
        id="t"
        value={value}
        onChange={(v) => {
          setValue(v);
          props.onChange?.(v);
        }}
        suggest={props.server.suggest}
        parse={props.server.parse}
        delay={0}
      />
    </>
  );
}

function type(input: HTMLInputElement, value: string) {
  fireEvent.change(input, { target: { value, selectionStart: value.length } });
}

describe('TerritoryInput', () => {
  it('suggests names for the part under the caret and puts the chosen one in its place', async () => {
    const server = fakeServer();
    const onChange = vi.fn();
    render(<Harness server={server} onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Territories' }) as HTMLInputElement;
    type(input, 'Worldwide excl. Chi');
    const option = await screen.findByRole('option', { name: /China/ });
    expect(server.suggest).toHaveBeenCalledWith('Chi', expect.anything());
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(option.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('Worldwide excl. China');
    expect(input.value).toBe('Worldwide excl. China');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    // The server's reading of the whole expression shows underneath.
    expect(await screen.findByText(/2 countries/)).toBeTruthy();
  });

  it('moves through suggestions with the arrow keys and closes on Escape', async () => {
    const server = fakeServer();
    render(<Harness server={server} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    type(input, 'Ger');
    await screen.findByRole('option', { name: /German-speaking Europe/ });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getByRole('option', { name: /German-speaking Europe/ }).getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /German-speaking Europe/ }).id);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Ger');
  });

  it('says why an expression cannot be read and offers the server’s suggestion', async () => {
    const server = fakeServer();
    render(<Harness server={server} initial="Germny" />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    const fix = await screen.findByRole('button', { name: 'Germany' });
    expect(screen.getByText(/Unknown territory "Germny"/)).toBeTruthy();
    expect(screen.queryByText(/Did you mean: Germany\?/)).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    act(() => fix.click());
    expect(input.value).toBe('Germany');
    await waitFor(() => expect(screen.getByText(/1 country/)).toBeTruthy());
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('TerritoryInput, typing on while suggestions load', () => {
  it('completes the fragment as it is when the suggestion is chosen, not as it was when asked', async () => {
    const server = fakeServer();
    // Only the first question is answered: later ones are still on their way when the user picks.
    let calls = 0;
    server.suggest.mockImplementation(async (q: string) =>
      calls++ === 0 ? NAMES.filter((n) => n.name.startsWith(q)) : new Promise<TerritorySuggestion[]>(() => {}),
    );
    render(<Harness server={server} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    type(input, 'Ge');
    const option = await screen.findByRole('option', { name: /^Germany/ });
    type(input, 'Germ');
    await waitFor(() => expect(calls).toBe(2));
    fireEvent.mouseDown(option);
    expect(input.value).toBe('Germany');
  });
});
