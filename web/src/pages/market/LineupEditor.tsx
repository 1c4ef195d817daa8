/** Our line-up at the market: titles in order with their status and logline; editors change it whole. */
import { useState } from 'react';
import type { LineupStatusWord, MarketView, Ref } from '../../../../src/contract/index.js';
import { api, type ApiError } from '../../lib/api';
import { humanize } from '../../lib/format';
import { Link } from '../../lib/router';
import { EntityPicker } from '../../components/EntityPicker';
import { ColumnHeads, Empty, ErrorNote } from '../../components/ui';

const STATUSES: LineupStatusWord[] = ['completed', 'post-production', 'pre-sale', 'in-development'];
type Entry = { title: Ref; status: LineupStatusWord; logline: string };

export function LineupEditor({ market, writable, onSaved }: { market: MarketView; writable: boolean; onSaved: (m: string) => void }) {
  const [entries, setEntries] = useState<Entry[]>(
    market.lineup.map((l) => ({ title: l.title, status: l.status, logline: l.logline ?? '' })),
  );
  const [adding, setAdding] = useState<Ref | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const dirty =
    JSON.stringify(entries) !== JSON.stringify(market.lineup.map((l) => ({ title: l.title, status: l.status, logline: l.logline ?? '' })));
  const set = (i: number, e: Partial<Entry>) => setEntries(entries.map((x, j) => (j === i ? { ...x, ...e } : x)));
  const move = (i: number, by: number) => {
    const next = [...entries];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x);
    setEntries(next);
  };
  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await api.put(`/api/markets/${encodeURIComponent(market.id)}/lineup`, {
        entries: entries.map((e) => ({ titleId: e.title.id, status: e.status, logline: e.logline || null })),
      });
      onSaved('The line-up was saved.');
    } catch (x) {
      setError(x as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <ErrorNote error={error} />
      {entries.length === 0 && (
        <Empty title="No titles in the line-up yet.">{writable ? 'Add the titles we sell at this market below.' : null}</Empty>
      )}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <ColumnHeads columns={['#', 'Title', 'Status', 'Logline', writable && <span className="visually-hidden">Order</span>]} />
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.title.id}>
                  <td>{i + 1}</td>
                  <td>
                    <Link to={`/titles/${encodeURIComponent(e.title.id)}`}>{e.title.name}</Link>
                  </td>
                  <td>
                    {writable ? (
                      <select
                        aria-label={`Status of ${e.title.name}`}
                        value={e.status}
                        onChange={(x) => set(i, { status: x.target.value as LineupStatusWord })}
                      >
                        {STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {humanize(s)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      humanize(e.status)
                    )}
                  </td>
                  <td>
                    {writable ? (
                      <input
                        aria-label={`Logline of ${e.title.name}`}
                        value={e.logline}
                        maxLength={2000}
                        onChange={(x) => set(i, { logline: x.target.value })}
                        placeholder="The title's synopsis if empty"
                      />
                    ) : (
                      e.logline || <span className="muted">—</span>
                    )}
                  </td>
                  {writable && (
                    <td className="row-actions nowrap">
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={`Move ${e.title.name} up`}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        disabled={i === entries.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={`Move ${e.title.name} down`}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost btn--delete"
                        onClick={() => setEntries(entries.filter((_, j) => j !== i))}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {writable && (
        <div className="inline-form">
          <div className="lineup-add">
            <EntityPicker kind="titles" value={adding} onChange={setAdding} placeholder="Add a title to the line-up" />
          </div>
          <button
            type="button"
            className="btn"
            disabled={!adding || entries.some((e) => e.title.id === adding.id)}
            onClick={() => {
              if (adding) setEntries([...entries, { title: adding, status: 'completed', logline: '' }]);
              setAdding(null);
            }}
          >
            Add
          </button>
          <button type="button" className="btn btn--primary" disabled={!dirty || busy} onClick={save}>
            {busy ? 'Saving…' : 'Save the line-up'}
          </button>
        </div>
      )}
    </div>
  );
}
