/** Importing an .ics into meetings: pick the file, see the preview (each event, its buyer, its errors), then import. */
import { useState } from 'react';
import type { IcsImportResult, Ref } from '../../../../src/contract/index.js';
import { api, type ApiError } from '../../lib/api';
import { EntityPicker } from '../../components/EntityPicker';
import { ColumnHeads, ErrorNote, Field } from '../../components/ui';

export function IcsImport({ marketId, onDone, onCancel }: { marketId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [ics, setIcs] = useState<string>();
  const [fallback, setFallback] = useState<Ref | null>(null);
  const [preview, setPreview] = useState<IcsImportResult>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const send = (text: string, commit: boolean, skipInvalid = false) =>
    api.post<IcsImportResult>(`/api/markets/${encodeURIComponent(marketId)}/schedule/import`, {
      ics: text,
      commit,
      skipInvalid,
      defaultBuyerId: fallback?.id ?? null,
    });
  async function look(text: string) {
    setBusy(true);
    setError(undefined);
    try {
      setPreview(await send(text, false));
    } catch (x) {
      setPreview(undefined);
      setError(x as ApiError);
    } finally {
      setBusy(false);
    }
  }
  async function commit() {
    if (!ics || !preview) return;
    setBusy(true);
    try {
      const r = await send(
        ics,
        true,
        preview.events.some((e) => e.status === 'error'),
      );
      onDone(`${r.created} meeting${r.created === 1 ? '' : 's'} imported.`);
    } catch (x) {
      setError(x as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const fresh = preview?.events.filter((e) => e.status === 'new').length ?? 0;
  return (
    <div className="panel market-form" aria-label="Import an .ics">
      <h2 className="h3">Import meetings from an .ics</h2>
      <div className="form-grid form-grid--auto">
        <Field label="Calendar file (.ics)">
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".ics,text/calendar"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                const text = await file.text();
                setIcs(text);
                await look(text);
              }}
            />
          )}
        </Field>
        <Field label="Buyer of events that name none" hint="Otherwise the buyer is the company an event names">
          {(p) => <EntityPicker {...p} kind="companies" value={fallback} onChange={setFallback} placeholder="Type a company" />}
        </Field>
      </div>
      {ics && fallback && preview && (
        <button type="button" className="btn btn--small" onClick={() => look(ics)}>
          Preview again with this buyer
        </button>
      )}
      <ErrorNote error={error} />
      {preview && (
        <div className="table-wrap">
          <table className="data">
            <ColumnHeads columns={['#', 'Event', 'When (local)', 'Buyer', 'Status']} />
            <tbody>
              {preview.events.map((e) => (
                <tr key={e.index}>
                  <td>{e.index}</td>
                  <td>{e.summary ?? <span className="muted">(no summary)</span>}</td>
                  <td className="nowrap">{e.localStart?.replace('T', ' ') ?? '—'}</td>
                  <td>{e.buyer?.name ?? '—'}</td>
                  <td>
                    {e.status === 'error' ? (
                      <ul className="plain">
                        {e.errors.map((x, i) => (
                          <li key={i} className="field-error">
                            {x.replace(/^event \d+( \([^)]*\))?: /, '')}
                          </li>
                        ))}
                      </ul>
                    ) : e.status === 'already-imported' ? (
                      <span className="badge badge--muted">already imported</span>
                    ) : (
                      <span className="badge badge--good">new</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" disabled={!fresh || busy} onClick={commit}>
          {busy
            ? 'Working…'
            : `Import ${fresh} meeting${fresh === 1 ? '' : 's'}${preview?.events.some((e) => e.status === 'error') ? ' (leave out those with errors)' : ''}`}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
