/** A buyer's screener links: the video host's link behind our own /s/… link, with its last day, when it was sent and each open. */
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { addDaysIso, formatDate, formatTimestamp, todayIso } from '../../lib/format';
import { useForm } from '../../lib/useForm';
import { Link } from '../../lib/router';
import type { Ref, ScreenerView } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { ACTIONS_COLUMN, ColumnHeads, ErrorNote, Field, FormActions, Section, TextField } from '../../components/ui';

function ScreenerForm({ buyerId, onDone }: { buyerId: string; onDone: (saved: boolean) => void }) {
  const [title, setTitle] = useState<Ref | null>(null);
  const [url, setUrl] = useState('');
  const [expiresOn, setExpiresOn] = useState(addDaysIso(todayIso(), 30));
  const [sent, setSent] = useState(true);
  const f = useForm();
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = { titleId: title?.id ?? '', url: url.trim(), expiresOn, sent };
    if (await f.submit(() => api.post(`/api/buyers/${encodeURIComponent(buyerId)}/screeners`, body))) onDone(true);
  }
  return (
    <form className="panel record-form" onSubmit={(e) => void save(e)} noValidate aria-label="New screener link">
      <div className="panel-body">
        <div className="form-grid">
          <Field label="Title" error={f.err('titleId')}>
            {(p) => (
              <EntityPicker
                {...p}
                kind="titles"
                value={title}
                onChange={(v) => (setTitle(v), f.touch('titleId'))}
                placeholder="Type the title"
              />
            )}
          </Field>
          <TextField
            label="Link from the video host"
            type="text"
            inputMode="url"
            autoComplete="off"
            hint="Paste the https:// link; the buyer gets our own link, which logs each open."
            error={f.err('url')}
            value={url}
            onChange={(v) => (setUrl(v), f.touch('url'))}
          />
          <TextField
            label="Opens until"
            type="date"
            error={f.err('expiresOn')}
            value={expiresOn}
            onChange={(v) => (setExpiresOn(v), f.touch('expiresOn'))}
          />
          <label className="checkbox">
            <input type="checkbox" checked={sent} onChange={(e) => setSent(e.target.checked)} /> Sent now
          </label>
        </div>
        <ErrorNote error={f.formError} />
        <FormActions busy={f.busy} label="Add screener link" onCancel={() => onDone(false)} small />
      </div>
    </form>
  );
}

export function Screeners({
  buyerId,
  screeners,
  writable,
  onChanged,
}: {
  buyerId: string;
  screeners: ScreenerView[];
  writable: boolean;
  onChanged: (what: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<Error>();
  const [copied, setCopied] = useState<string>();
  async function markSent(s: ScreenerView) {
    setError(undefined);
    try {
      await api.post(`/api/buyers/${encodeURIComponent(buyerId)}/screeners/${encodeURIComponent(s.id)}/sent`, {});
      onChanged('Recorded as sent.');
    } catch (e) {
      setError(e as Error);
    }
  }
  async function copy(s: ScreenerView) {
    const full = `${location.origin}${s.link}`;
    try {
      await navigator.clipboard.writeText(full);
      setCopied(s.id);
    } catch {
      window.prompt('Copy the screener link', full);
    }
  }
  return (
    <Section
      title={`Screeners (${screeners.length})`}
      actions={
        writable && !adding ? (
          <button type="button" className="btn btn--small" onClick={() => setAdding(true)}>
            Add screener link
          </button>
        ) : undefined
      }
    >
      <ErrorNote error={error} />
      {adding && (
        <ScreenerForm
          buyerId={buyerId}
          onDone={(saved) => {
            setAdding(false);
            if (saved) onChanged('Screener link added. Copy our link and send it to the buyer.');
          }}
        />
      )}
      {screeners.length === 0 && !adding ? (
        <p className="muted">No screener sent to this buyer yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data data--stack">
            <ColumnHeads columns={['Title', 'Our link', 'Opens until', 'Sent', 'Opened', ACTIONS_COLUMN]} />
            <tbody>
              {screeners.map((s) => (
                <tr key={s.id}>
                  <td data-label="Title">
                    {s.title ? <Link to={`/titles/${encodeURIComponent(s.title.id)}`}>{s.title.name}</Link> : '(title deleted)'}
                  </td>
                  <td data-label="Our link">
                    <code className="screener-link" title={`Redirects to ${s.url}`}>
                      {s.link.slice(0, 12)}…
                    </code>
                  </td>
                  <td data-label="Opens until">
                    {formatDate(s.expiresOn)}
                    {s.expired && <span className="badge"> expired</span>}
                  </td>
                  <td data-label="Sent">{s.sentAt ? formatTimestamp(s.sentAt) : 'Not yet'}</td>
                  <td data-label="Opened" title={s.opens.map(formatTimestamp).join('\n')}>
                    {s.opens.length === 0
                      ? 'Not yet'
                      : `${s.opens.length} ${s.opens.length === 1 ? 'time' : 'times'}, last ${formatTimestamp(s.opens[0])}`}
                    {s.refused > 0 && ` (${s.refused} after expiry, refused)`}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      onClick={() => void copy(s)}
                      aria-label={`Copy the link for ${s.title?.name ?? 'the screener'}`}
                    >
                      {copied === s.id ? 'Copied' : 'Copy link'}
                    </button>
                    {writable && !s.sentAt && (
                      <button type="button" className="btn btn--ghost btn--small" onClick={() => void markSent(s)}>
                        Mark sent
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
