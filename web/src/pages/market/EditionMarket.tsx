/** On an edition's page: its market (a link to the schedule), or for editors a form to add it. */
import { useState, type FormEvent } from 'react';
import type { MarketView } from '../../../../src/contract/index.js';
import { api, type ApiError, fieldMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link, navigate } from '../../lib/router';
import { ErrorNote, FormActions, Section, TextField } from '../../components/ui';

const ZONE_HINT = 'IANA time zone: Europe/Paris (Cannes, Venice), Europe/Berlin (EFM), America/Los_Angeles (AFM), America/Toronto (TIFF)';

export function EditionMarket({
  editionId,
  start,
  end,
  writable,
}: {
  editionId: string;
  start: string | null;
  end: string | null;
  writable: boolean;
}) {
  const data = useApi<{ market: MarketView | null }>(`/api/editions/${encodeURIComponent(editionId)}/market`);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [zone, setZone] = useState('Europe/Paris');
  const [from, setFrom] = useState(start ?? '');
  const [to, setTo] = useState(end ?? '');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (!data.data) return null;
  const market = data.data.market;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const m = await api.post<MarketView>('/api/markets', { editionId, name, timeZone: zone, start: from, end: to });
      navigate(`/markets/${encodeURIComponent(m.id)}`);
    } catch (x) {
      setError(x as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const fieldError = (f: string) => (error?.field === f ? fieldMessage(error.message) : undefined);
  return (
    <Section title="Market">
      {market ? (
        <p>
          <Link to={`/markets/${encodeURIComponent(market.id)}`}>{market.name}</Link>: {formatDate(market.start)} – {formatDate(market.end)}
          , our line-up of {market.lineup.length} title{market.lineup.length === 1 ? '' : 's'}, meetings and screenings.
        </p>
      ) : (
        <p className="muted">No market recorded for this edition.</p>
      )}
      {!market && writable && !open && (
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          + Add the market
        </button>
      )}
      {open && !market && (
        <form className="record-form" onSubmit={submit} aria-label="Add the market">
          {error && !error.field && <ErrorNote error={error} />}
          <div className="form-grid form-grid--auto">
            <TextField
              label="Market"
              value={name}
              onChange={setName}
              placeholder="Marché du Film, EFM, AFM"
              required
              maxLength={500}
              error={fieldError('name')}
            />
            <TextField
              label="Time zone"
              value={zone}
              onChange={setZone}
              hint={ZONE_HINT}
              required
              maxLength={64}
              error={fieldError('timeZone')}
            />
            <TextField label="From" type="date" value={from} onChange={setFrom} required error={fieldError('start')} />
            <TextField label="To" type="date" value={to} onChange={setTo} required error={fieldError('end') ?? fieldError('editionId')} />
          </div>
          <FormActions busy={busy} label="Add the market" onCancel={() => setOpen(false)} />
        </form>
      )}
    </Section>
  );
}
