/**
 * The sentences the reader could not read: a sale's words, a name, and no deal, talks or mandate drawn
 * from them. Each can be turned into the fact a person reads there (added pending, then reviewed and
 * accepted like the others, with the full edit form).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../lib/api';
import { ErrorNote, Field } from '../../components/ui';
import type { Fact, Span } from './facts';

type Kind = 'deal' | 'rumour' | 'mandate';
const WHO: Record<Kind, { field: 'buyer' | 'party' | 'company'; label: string; hint: string }> = {
  deal: { field: 'buyer', label: 'Buyer', hint: 'who acquired the rights' },
  rumour: { field: 'party', label: 'In talks', hint: 'who is in talks' },
  mandate: { field: 'company', label: 'Sales company', hint: 'who sells the film' },
};

function AddFact({
  articleId,
  span,
  onAdded,
  onCancel,
}: {
  articleId: string;
  span: Span;
  onAdded: (f: Fact) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<Kind>('deal');
  const [title, setTitle] = useState('');
  const [who, setWho] = useState('');
  const [seller, setSeller] = useState('');
  const [territories, setTerritories] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const fields: Record<string, string | null> = { title, [WHO[kind].field]: who, territories: territories.trim() || null };
    if (kind === 'deal') fields.seller = seller.trim() || null;
    try {
      onAdded(await api.post<Fact>(`/api/articles/${articleId}/facts`, { type: kind, span, fields }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { error: 'client', message: String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="fact-edit" onSubmit={(e) => void submit(e)} aria-label="Add the fact this sentence states">
      <Field label="It states">
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="deal">A deal</option>
            <option value="rumour">Talks</option>
            <option value="mandate">A sales mandate</option>
          </select>
        )}
      </Field>
      <Field label="Title" hint="the film or series">
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} />}
      </Field>
      <Field label={WHO[kind].label} hint={WHO[kind].hint}>
        {(p) => <input {...p} value={who} onChange={(e) => setWho(e.target.value)} required maxLength={500} />}
      </Field>
      {kind === 'deal' && (
        <Field label="Seller" hint="when the article names one">
          {(p) => <input {...p} value={seller} onChange={(e) => setSeller(e.target.value)} maxLength={500} />}
        </Field>
      )}
      <Field label="Territories" hint="as written, e.g. U.K. and Ireland">
        {(p) => <input {...p} value={territories} onChange={(e) => setTerritories(e.target.value)} maxLength={2000} />}
      </Field>
      <div className="form-actions span-3">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
          {busy ? 'Adding…' : 'Add to review'}
        </button>
        <button type="button" className="btn btn--small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && (
        <div className="span-3">
          <ErrorNote error={error} />
        </div>
      )}
    </form>
  );
}

export function UnreadSentences({
  articleId,
  text,
  unread,
  open,
  onOpen,
  onAdded,
}: {
  articleId: string;
  text: string;
  unread: Span[];
  /** The sentence (its start) whose form is open. */
  open: number | null;
  onOpen: (start: number | null) => void;
  onAdded: (f: Fact) => void;
}) {
  if (!unread.length) return null;
  return (
    <section className="panel unread" aria-labelledby="unread-h">
      <header className="panel-head">
        <h2 id="unread-h">Not read ({unread.length})</h2>
      </header>
      <div className="panel-body">
        <p className="muted small">
          {unread.length === 1 ? 'This sentence speaks' : 'These sentences speak'} of a sale, but no deal was read from{' '}
          {unread.length === 1 ? 'it' : 'them'}. Read {unread.length === 1 ? 'it' : 'them'}: add what the reader missed.
        </p>
        <ul className="fact-list">
          {unread.map((span) => (
            <li key={span[0]} className={`unread-item${open === span[0] ? ' is-current' : ''}`} data-unread={span[0]}>
              <blockquote className="unread-quote">{text.slice(span[0], span[1])}</blockquote>
              {open === span[0] ? (
                <AddFact articleId={articleId} span={span} onAdded={onAdded} onCancel={() => onOpen(null)} />
              ) : (
                <div className="fact-actions">
                  <button type="button" className="btn btn--small" onClick={() => onOpen(span[0])}>
                    Add what it says…
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
