// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { RevenueUpload } from './Accounts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('the revenue report upload', () => {
  it('offers to replace a report already recorded under the same name, previewed first', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const result = (preview: boolean) => ({
      rows: 2,
      gross: { USD: '6500.00' },
      problems: [],
      preview,
      replaced: 2,
      format: 'csv',
      headers: ['Period'],
      mapping: { period: 'Period' },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        sent.push(body);
        if (!body.replace)
          return json(409, {
            error: 'already-imported',
            field: 'report',
            report: 'harbour-q4.csv',
            rows: 2,
            importedAt: '2026-01-05T10:00:00.000Z',
            message:
              'report: "harbour-q4.csv" was already recorded for HARBOUR-UK on 2026-01-05 10:00 UTC (2 rows, USD 6,000.00); nothing was written. To replace it, send it again with replace: true',
          });
        return json(200, result(body.preview === true));
      }),
    );
    const recorded = vi.fn();
    render(<RevenueUpload contractId="HARBOUR-UK" onRecorded={recorded} />);
    const file = new File(['Period,Title\n2025-Q4,Low Tide\n'], 'harbour-q4.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Report file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByText(/was already recorded for HARBOUR-UK on 2026-01-05 10:00 UTC/);
    fireEvent.click(screen.getByRole('button', { name: 'Preview replacing “harbour-q4.csv”' }));
    await screen.findByText(/replaces the 2 rows recorded before\. Nothing is recorded yet/);
    expect(sent[1]).toMatchObject({ preview: true, replace: true });
    fireEvent.click(screen.getByRole('button', { name: 'Replace with 2 rows' }));
    await screen.findByText('Recorded 2 rows in place of the 2 recorded before: USD 6,500.00.');
    expect(sent[2]).toMatchObject({ preview: false, replace: true });
    expect(recorded).toHaveBeenCalledTimes(1);
  });

  it('does not offer to replace when the rows are those of a report under another name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(409, {
          error: 'already-imported',
          field: 'report',
          report: 'harbour-q4.csv',
          rows: 2,
          importedAt: '2026-01-05T10:00:00.000Z',
          message:
            'report: the rows of "harbour-q4 (1).csv" are those of "harbour-q4.csv", recorded for HARBOUR-UK on 2026-01-05 10:00 UTC',
        }),
      ),
    );
    render(<RevenueUpload contractId="HARBOUR-UK" onRecorded={() => undefined} />);
    const file = new File(['Period,Title\n2025-Q4,Low Tide\n'], 'harbour-q4 (1).csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Report file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByText(/are those of "harbour-q4.csv"/);
    expect(screen.queryByRole('button', { name: /Preview replacing/ })).toBeNull();
  });
});
