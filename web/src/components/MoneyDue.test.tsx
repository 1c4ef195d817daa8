// @vitest-environment jsdom
/**
 * What is due reads its dates as the rest of Home does ("Recently signed", "Rights expiring"):
 * through the app's date formatter, not as ISO strings beside them. Each cell is labelled for the
 * phone's stacked rows.
 */
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { formatDate } from '../lib/format';
import { MoneyDue } from './MoneyDue';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('Money due', () => {
  it('shows a due date as the app shows dates, and an event-bound instalment in words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          today: '2030-03-01',
          items: [
            {
              contract: { id: 'c1', ref: 'KESTREL-PHONE-DE' },
              what: 'statement',
              label: 'Statement 2029-Q4',
              dueOn: '2030-02-14',
              status: 'late',
              amount: null,
              currency: 'EUR',
            },
            {
              contract: { id: 'c1', ref: 'KESTREL-PHONE-DE' },
              what: 'instalment',
              label: 'On delivery',
              dueOn: null,
              status: 'waiting',
              amount: '40000.00',
              currency: 'EUR',
            },
          ],
        }),
      ),
    );
    render(<MoneyDue all />);
    const late = (await screen.findByText('Statement 2029-Q4')).closest('tr')!;
    const due = within(late).getByText(formatDate('2030-02-14'));
    expect(due.textContent).not.toBe('2030-02-14');
    expect(due.closest('td')!.getAttribute('data-label')).toBe('Due');
    const waiting = screen.getByText(/On delivery/).closest('tr')!;
    expect(within(waiting).getByText('on its event')).toBeTruthy();
    expect(screen.queryByText('2030-02-14')).toBeNull();
  });
});
