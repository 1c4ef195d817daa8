/** The buyer's avails sheet: pick titles and a period, see what is free in its territories and media, download it as PDF or XLSX. */
import { useState } from 'react';
import { api, downloadNamed } from '../../lib/api';
import { addYearsIso, todayIso } from '../../lib/format';
import type { AvailsSheetView, Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { ColumnHeads, ErrorNote, Field, Section, TextField } from '../../components/ui';

const WORDS = { available: 'Available', 'on-hold': 'On hold', 'not-available': 'Not available' } as const;

export function AvailsSheet({ buyerId }: { buyerId: string }) {
  const [titles, setTitles] = useState<Ref[]>([]);
  const [start, setStart] = useState(todayIso());
  const [end, setEnd] = useState(addYearsIso(todayIso(), 5)); // five years less a day, as the server's default
  const [sheet, setSheet] = useState<AvailsSheetView>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const body = (format: 'json' | 'pdf' | 'xlsx') => ({ titleIds: titles.map((t) => t.id), start, end: end || null, format });
  const path = `/api/buyers/${encodeURIComponent(buyerId)}/avails-sheet`;
  async function run(what: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await what();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title="Avails sheet">
      <p className="muted">
        What is free in this buyer’s territories and media, for the whole period. Holds are shown as on hold, never with whom.
      </p>
      <div className="form-grid">
        <Field label="Titles" className="span-2">
          {(p) => <EntityPicker {...p} kind="titles" multiple value={titles} onChange={setTitles} placeholder="Type to pick titles" />}
        </Field>
        <TextField label="From" type="date" value={start} onChange={setStart} />
        <TextField label="Until" type="date" value={end} onChange={setEnd} hint="Leave empty for no end." />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy || !titles.length}
          onClick={() => void run(async () => setSheet(await api.post<AvailsSheetView>(path, body('json'))))}
        >
          Show the sheet
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !titles.length}
          onClick={() => void run(() => downloadNamed('POST', path, body('pdf'), 'avails.pdf'))}
        >
          Download PDF
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !titles.length}
          onClick={() => void run(() => downloadNamed('POST', path, body('xlsx'), 'avails.xlsx'))}
        >
          Download XLSX
        </button>
      </div>
      {!titles.length && <p className="muted">Pick one or more titles to make the sheet.</p>}
      <ErrorNote error={error} />
      {sheet && (
        <div aria-label="Avails sheet" role="region">
          <p>
            {sheet.territoryLabel} · {sheet.mediaLabel} · {sheet.period}
          </p>
          {sheet.titles.map((t) => (
            <div key={t.id} className="table-wrap">
              <h3>{t.name}</h3>
              <table className="data data--stack">
                <ColumnHeads columns={['Territory', 'Media', 'Status']} />
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={`${r.country}-${r.media}`} className={`sheet-${r.status}`}>
                      <td data-label="Territory">{r.countryName}</td>
                      <td data-label="Media">{r.media}</td>
                      <td data-label="Status">
                        <span className={`badge badge--${r.status === 'available' ? 'good' : r.status === 'on-hold' ? 'warn' : 'bad'}`}>
                          {WORDS[r.status]}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
