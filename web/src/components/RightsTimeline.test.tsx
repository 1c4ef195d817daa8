// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../test/setup';
import { RightsTimeline, yearTicks } from './RightsTimeline';

describe('the timeline axis', () => {
  it('labels fewer years when they would collide: every 2nd year on a wide screen, every 10th on a phone', () => {
    expect(yearTicks(2020, 2042, 700)).toEqual([2020, 2022, 2024, 2026, 2028, 2030, 2032, 2034, 2036, 2038, 2040]);
    expect(yearTicks(2020, 2042, 330)).toEqual([2020, 2025, 2030, 2035, 2040]);
    expect(yearTicks(2020, 2042, 180)).toEqual([2020, 2030, 2040]);
  });

  it('keeps every label at least a label apart, whatever the width and span', () => {
    for (const width of [120, 180, 240, 330, 480, 700, 1100])
      for (const span of [1, 3, 7, 12, 21, 40, 90]) {
        const ticks = yearTicks(2000, 2000 + span, width);
        expect(ticks.length).toBeGreaterThan(0);
        for (let i = 1; i < ticks.length; i++) expect(((ticks[i] - ticks[i - 1]) / span) * width).toBeGreaterThanOrEqual(44);
      }
  });

  it('without a known width, keeps to a dozen labels', () => {
    const { container } = render(
      <RightsTimeline
        today="2026-06-01"
        bars={[{ key: 'a', territory: 'Worldwide', media: 'All Media', kind: 'in', start: '2000-01-01', end: null, label: 'MANDATE' }]}
      />,
    );
    const years = [...container.querySelectorAll('.tl-axis .tl-tick')].map((t) => Number(t.textContent));
    expect(years.length).toBeLessThanOrEqual(12);
    expect(years.length).toBeGreaterThan(2);
  });
});
