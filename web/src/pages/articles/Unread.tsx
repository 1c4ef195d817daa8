/**
 * The sentences the reader could not read: a sale's words, a name, and no deal, talks or mandate drawn
 * from them. Each can be turned into the fact a person reads there (added pending, then reviewed and
 * accepted like the others, with the full edit form).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../lib/api';
import { ErrorNote, Field } from '../../components/ui';
import { formatTimestamp } from '../../lib/format';
import type { Fact, Span, UnreadSentence } from './facts';

type Kind = 'deal' | 'rumour' | 'mandate';
const WHO: Record<Kind, { field: 'buyer' | 'party' | 'company'; label: string; hint: string }> = {
  deal: { field: 'buyer', label: 'Buyer', hint: 'who acquired the rights' },
  rumour: { field: 'party', label: 'In talks', hint: 'who is in talks' },
  mandate: { field: 'company', label: 'Sales company', hint: 'who sells the film' },
};

function AddFact({
  articleId,
  span,
  titles,
  names,
  prefill,
  onAdded,
  onCancel,
}: {
  articleId: string;
  span: Span;
  /** The title to fill in: the sentence's own first, when it gives one. */
  prefill?: string;
  /** The titles the sentence may name, then those the article's facts name: offered as the title (the sentence's first filled in). */
  titles: string[];
  /** The companies the sentence names that no fact names, offered as the buyer (the first one filled in). */
  names: string[];
  onAdded: (f: Fact) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<Kind>('deal');
  const [title, setTitle] = useState(prefill ?? (titles.length === 1 ? titles[0] : ''));
  const [who, setWho] = useState(names[0] ?? '');
  const list = `unread-${span[0]}`;
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
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} list={`${list}-titles`} />}
      </Field>
      <Field label={WHO[kind].label} hint={WHO[kind].hint}>
        {(p) => <input {...p} value={who} onChange={(e) => setWho(e.target.value)} required maxLength={500} list={`${list}-names`} />}
      </Field>
      {kind === 'deal' && (
        <Field label="Seller" hint="when the article names one">
          {(p) => <input {...p} value={seller} onChange={(e) => setSeller(e.target.value)} maxLength={500} />}
        </Field>
      )}
      <Field label="Territories" hint="as written, e.g. U.K. and Ireland">
        {(p) => <input {...p} value={territories} onChange={(e) => setTerritories(e.target.value)} maxLength={2000} />}
      </Field>
      <datalist id={`${list}-titles`}>
        {titles.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <datalist id={`${list}-names`}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
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

/** A listed sentence marked checked (nothing to add), or put back on the list: the article is read again after. */
function useCheck(articleId: string, onChecked: () => void) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<number | null>(null);
  const set = async (start: number, checked: boolean) => {
    setBusy(start);
    setError(null);
    try {
      await api.put(`/api/articles/${articleId}/sentences`, { start, checked });
      setLast(checked ? start : null);
      onChecked();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { error: 'client', message: String(err) }));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, last, set };
}

export function UnreadSentences({
  articleId,
  text,
  unread,
  titles,
  open,
  onOpen,
  onAdded,
  onChecked,
}: {
  articleId: string;
  text: string;
  unread: UnreadSentence[];
  titles: string[];
  /** The sentence (its start) whose form is open. */
  open: number | null;
  onOpen: (start: number | null) => void;
  onAdded: (f: Fact) => void;
  /** A sentence was checked or put back: read the article again. */
  onChecked: () => void;
}) {
  const check = useCheck(articleId, onChecked);
  if (!unread.length) return null;
  const left = unread.filter((u) => !u.checked);
  const done = unread.filter((u) => u.checked);
  const quote = (span: Span) => text.slice(span[0], span[1]);
  return (
    <section className="panel unread" aria-labelledby="unread-h">
      <header className="panel-head">
        <h2 id="unread-h">Not read ({left.length})</h2>
      </header>
      <div className="panel-body">
        {left.length > 0 ? (
          <p className="muted small">
            {left.length === 1 ? 'This sentence speaks' : 'These sentences speak'} of a sale the reader did not read, or read only in part.
            Read {left.length === 1 ? 'it' : 'them'}: add what the reader missed, or mark {left.length === 1 ? 'it' : 'each'} checked when
            there is nothing to add.
          </p>
        ) : (
          <p className="muted small unread-all-checked">
            {done.length === 1 ? 'The one sentence' : `All ${done.length} sentences`} the reader could not read{' '}
            {done.length === 1 ? 'has' : 'have'} been checked: nothing left to read.
          </p>
        )}
        {check.last !== null && done.some((u) => u.span[0] === check.last) && (
          <p role="status" className="small unread-undo">
            Checked: nothing to add.{' '}
            <button type="button" className="btn btn--link btn--small" onClick={() => void check.set(check.last!, false)}>
              Undo
            </button>
          </p>
        )}
        <ErrorNote error={check.error} />
        <ul className="fact-list">
          {left.map(({ span, partly, names, titles: own }) => (
            <li key={span[0]} className={`unread-item${open === span[0] ? ' is-current' : ''}`} data-unread={span[0]}>
              <blockquote className="unread-quote">{quote(span)}</blockquote>
              {partly && <p className="muted small unread-partly">Read in part: no fact names {names.join(', ')}.</p>}
              {open === span[0] ? (
                <AddFact
                  articleId={articleId}
                  span={span}
                  titles={[...new Set([...own, ...titles])]}
                  prefill={own[0]}
                  names={names}
                  onAdded={onAdded}
                  onCancel={() => onOpen(null)}
                />
              ) : (
                <div className="fact-actions">
                  <button type="button" className="btn btn--small" onClick={() => onOpen(span[0])}>
                    Add what it says…
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={check.busy !== null}
                    onClick={() => void check.set(span[0], true)}
                    title="You read it and there is no deal, talks or mandate to add"
                  >
                    {check.busy === span[0] ? 'Marking…' : 'Nothing to add'}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {done.length > 0 && (
          <details className="unread-checked">
            <summary>Checked, nothing to add ({done.length})</summary>
            <ul className="fact-list">
              {done.map(({ span, checked }) => (
                <li key={span[0]} className="unread-item is-checked" data-checked={span[0]}>
                  <blockquote className="unread-quote">{quote(span)}</blockquote>
                  <div className="fact-actions">
                    <span className="muted small">
                      Checked{checked?.by ? ` by ${checked.by}` : ''}, {formatTimestamp(checked?.at)}
                    </span>
                    <button
                      type="button"
                      className="btn btn--small"
                      disabled={check.busy !== null}
                      onClick={() => void check.set(span[0], false)}
                    >
                      {check.busy === span[0] ? 'Putting back…' : 'Put back'}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
