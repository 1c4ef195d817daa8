// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../test/setup';
import { TitleList } from './TitleList';

const names = Array.from({ length: 5759 }, (_, i) => `Title ${i + 1}`);
const ids = names.map((_, i) => `t${i + 1}`);

describe('the titles of an avails row', () => {
  it('lists the first ten of a catalog-wide answer, links each to its page, and unfolds the rest on demand', () => {
    const { container } = render(<TitleList names={names} ids={ids} />);
    expect(screen.getAllByRole('link')).toHaveLength(10);
    expect(screen.getByRole('link', { name: 'Title 1' }).getAttribute('href')).toBe('/titles/t1');
    expect(screen.queryByRole('link', { name: 'Title 11' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'and 5,749 more' }));
    // counted by selector: asking jsdom for the accessible role of 5,759 links takes tens of seconds
    expect(container.querySelectorAll('a[href^="/titles/"]')).toHaveLength(5759);
    fireEvent.click(screen.getByRole('button', { name: 'show fewer' }));
    expect(screen.getAllByRole('link')).toHaveLength(10);
  });

  it('lists a short row whole, without a button for one or two more', () => {
    render(<TitleList names={names.slice(0, 12)} ids={ids.slice(0, 12)} />);
    expect(screen.getAllByRole('link')).toHaveLength(12);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
