/**
 * The buyer's avails sheet: pick titles (or a market's line-up) and a period, see what is free in
 * its territories and media, download it as PDF or XLSX. From a market's page the line-up comes in
 * as `lineup`; on the buyer's page a market can be chosen to fill the titles with its line-up.
 */
import { useState } from 'react';
import { api, downloadNamed } from '../../lib/api';
import { useApi } from '../../lib/hooks';
import { addYearsIso, todayIso } from '../../lib/format';
import type { AvailsSheetView, MarketView, Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { ColumnHeads, ErrorNote, Field, Section, TextField } from '../../components/ui';

const WORDS = { available: 'Available', 'on-hold': 'On hold', 'not-available': 'Not available' } as const;

interface MarketItem {
  id: string;
  name: string;
  start: string;
}

/** "Titles from a market's line-up": every market, latest first; choosing one fills the titles. */
function LineupPicker({ onTitles }: { onTitles: (titles: Ref[]) => void }) {
  const markets = useApi<MarketItem[]>('/api/markets');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<Error>();
  if (!markets.data?.length) return null;
  return (
    <Field label="A market's line-up" hint="Fills the titles with the line-up of the market chosen." error={error?.message}>
      {(p) => (
        <select
          {...p}
          value={chosen}
          onChange={(e) => {
            const id = e.target.value;
            setChosen(id);
            setError(undefined);
            if (id)
              api
                .get<MarketView>(`/api/markets/${encodeURIComponent(id)}`)
                .then((m) => onTitles(m.lineup.map((l) => ({ id: l.title.id, name: l.title.name }))))
                .catch((err: Error) => setError(err));
          }}
        >
          <option value="">—</option>
          {markets.data!.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.start.slice(0, 4)})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function AvailsSheet({ buyerId, lineup, title = 'Avails sheet' }: { buyerId: string; lineup?: Ref[]; title?: string }) {
  const [titles, setTitles] = useState<Ref[]>(lineup ?? []);
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
    <Section title={title}>
      {!lineup && (
        <p className="muted">
          What is free in this buyer’s territories and media, for the whole period. Holds are shown as on hold, never with whom.
        </p>
      )}
      <div className="form-grid">
        {!lineup && <LineupPicker onTitles={setTitles} />}
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
