/** After the market: what needs following up (no next step, no task), and the follow-up tasks. */
import { useState, type FormEvent } from 'react';
import type { FollowUpView, Ref } from '../../../../src/contract/index.js';
import { api, type ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link } from '../../lib/router';
import { ErrorNote, FormActions, Loading, Section, TextField } from '../../components/ui';

function TaskForm({
  marketId,
  meeting,
  offer,
  buyer,
  onDone,
  onCancel,
}: {
  marketId: string;
  meeting?: string;
  offer?: string;
  buyer?: Ref;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { user } = useAuth();
  const team = useApi<Ref[]>('/api/markets/team');
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState(() => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [owner, setOwner] = useState(user?.id ?? '');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post(`/api/markets/${encodeURIComponent(marketId)}/tasks`, {
        text,
        dueOn,
        ownerId: owner,
        meetingId: meeting ?? null,
        buyerId: buyer?.id ?? null,
        offerId: offer ?? null,
      });
      onDone();
    } catch (x) {
      setError(x as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="record-form" onSubmit={submit} aria-label="Add a task">
      <ErrorNote error={error} />
      <div className="form-grid form-grid--auto">
        <TextField
          label="To do"
          value={text}
          onChange={setText}
          required
          maxLength={2000}
          placeholder={buyer ? `Send ${buyer.name} the avails` : 'What is to be done'}
        />
        <TextField label="Due" type="date" value={dueOn} onChange={setDueOn} required />
        <label className="field">
          Owner
          <select value={owner} onChange={(e) => setOwner(e.target.value)}>
            {(team.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormActions busy={busy} label="Add the task" onCancel={onCancel} small />
    </form>
  );
}

export function FollowUps({ marketId, writable }: { marketId: string; writable: boolean }) {
  const data = useApi<FollowUpView>(`/api/markets/${encodeURIComponent(marketId)}/follow-ups`);
  const [adding, setAdding] = useState<string>();
  const [error, setError] = useState<ApiError>();
  if (data.error) return <ErrorNote error={data.error} retry={data.reload} />;
  if (!data.data) return <Loading what="Loading the follow-ups" />;
  const { items, tasks } = data.data;
  async function toggle(id: string, done: boolean) {
    try {
      await api.patch(`/api/markets/${encodeURIComponent(marketId)}/tasks/${encodeURIComponent(id)}`, { done });
      data.reload();
    } catch (x) {
      setError(x as ApiError);
    }
  }
  return (
    <>
      <ErrorNote error={error} />
      <Section title={`Needs follow-up (${items.length})`}>
        {items.length === 0 ? (
          <p className="muted">Every meeting so far has a next step or a task, and every open offer a task.</p>
        ) : (
          <ul className="followups">
            {items.map((i) => (
              <li key={`${i.source}:${i.id}`}>
                <strong>{i.source === 'offer' ? <Link to={`/offers/${encodeURIComponent(i.id)}`}>{i.what}</Link> : i.what}</strong>{' '}
                <span className="muted small">{i.reason}</span>
                {writable && adding !== i.id && (
                  <button type="button" className="btn btn--small" onClick={() => setAdding(i.id)}>
                    Add a task
                  </button>
                )}
                {adding === i.id && (
                  <TaskForm
                    marketId={marketId}
                    meeting={i.source === 'meeting' ? i.id : undefined}
                    offer={i.source === 'offer' ? i.id : undefined}
                    buyer={i.buyer}
                    onDone={() => (setAdding(undefined), data.reload())}
                    onCancel={() => setAdding(undefined)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section
        title={`Tasks (${tasks.filter((t) => !t.done).length} open)`}
        actions={
          writable && adding !== 'new' ? (
            <button type="button" className="btn btn--small" onClick={() => setAdding('new')}>
              + Task
            </button>
          ) : undefined
        }
      >
        {adding === 'new' && (
          <TaskForm marketId={marketId} onDone={() => (setAdding(undefined), data.reload())} onCancel={() => setAdding(undefined)} />
        )}
        {tasks.length === 0 && <p className="muted">No tasks yet.</p>}
        <ul className="followups">
          {tasks.map((t) => (
            <li key={t.id} className={t.done ? 'is-done' : undefined}>
              <label className="inline-check">
                <input type="checkbox" checked={t.done} disabled={!writable} onChange={(e) => toggle(t.id, e.target.checked)} /> {t.text}
              </label>{' '}
              <span className="muted small">
                {t.owner.name}, due {formatDate(t.dueOn)}
                {t.buyer && (
                  <>
                    {' '}
                    · <Link to={`/companies/${encodeURIComponent(t.buyer.id)}`}>{t.buyer.name}</Link>
                  </>
                )}
                {t.offer && (
                  <>
                    {' '}
                    · offer <Link to={`/offers/${encodeURIComponent(t.offer.id)}`}>{t.offer.ref}</Link>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
