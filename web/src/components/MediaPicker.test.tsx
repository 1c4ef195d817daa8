// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import '../test/setup';
import type { MediaNode } from '../../../src/contract/index.js';
import { MediaPicker } from './MediaPicker';

const tree: MediaNode[] = [
  {
    id: 'all-media',
    name: 'All Media',
    aliases: ['all rights'],
    children: [
      { id: 'theatrical', name: 'Theatrical' },
      {
        id: 'television',
        name: 'Television',
        aliases: ['TV rights', 'TV'],
        children: [
          { id: 'pay-tv', name: 'Pay TV' },
          { id: 'free-tv', name: 'Free TV' },
        ],
      },
      { id: 'svod', name: 'SVOD' },
    ],
  },
];

function Harness({ initial = '', onChange }: { initial?: string; onChange?: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="m">Media</label>
      <MediaPicker
        id="m"
        tree={tree}
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange?.(v);
        }}
      />
    </>
  );
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('MediaPicker', () => {
  it('opens the tree from a labelled button and writes the fewest names for what is ticked', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const toggleButton = screen.getByRole('button', { name: 'Choose…' });
    expect(toggleButton.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggleButton);
    expect(toggleButton.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(box('Pay TV'));
    expect(onChange).toHaveBeenLastCalledWith('Pay TV');
    fireEvent.click(box('Free TV'));
    expect(onChange).toHaveBeenLastCalledWith('Television');
    fireEvent.click(box('SVOD'));
    expect(onChange).toHaveBeenLastCalledWith('Television, SVOD');
    fireEvent.click(box('Theatrical'));
    expect(onChange).toHaveBeenLastCalledWith('All Media');
    expect((screen.getByLabelText('Media') as HTMLInputElement).value).toBe('All Media');
  });

  it('shows a typed expression in the tree: ticked, unticked and mixed', () => {
    render(<Harness initial="TV rights" />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    expect(box('Television').checked).toBe(true);
    expect(box('Pay TV').checked).toBe(true);
    expect(box('SVOD').checked).toBe(false);
    expect(box('All Media').indeterminate).toBe(true);
    expect(box('All Media').getAttribute('aria-checked')).toBe('mixed');
  });

  it('unticks a whole branch, and leaves text it cannot read to the server', () => {
    const onChange = vi.fn();
    render(<Harness initial="All Media" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    fireEvent.click(box('Television'));
    expect(onChange).toHaveBeenLastCalledWith('Theatrical, SVOD');
    fireEvent.change(screen.getByLabelText('Media'), { target: { value: 'SVOD, Holograms' } });
    expect(screen.getByText(/Not in the media tree: Holograms/)).toBeTruthy();
    expect(box('SVOD').checked).toBe(true);
  });
});
