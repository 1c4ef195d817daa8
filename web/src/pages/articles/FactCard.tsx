/** One candidate fact: what it says, the names it matched, and accept, edit or reject. */
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, fieldMessage, labelledMessage } from '../../lib/api';
import { Link } from '../../lib/router';
import { humanize } from '../../lib/format';
import { Badge, ErrorNote, Field } from '../../components/ui';
import { useAuth } from '../../lib/auth';
import {
  CHOICE_FIELD,
  DATE_FIELDS,
  EDITABLE,
  FIELD_CHOICES,
  FIELD_HINT,
  MONEY_FIELDS,
  editedFields,
  factFieldKey,
  factFieldLabel,
  fieldValue,
  summary,
  type Fact,
  type Fields,
} from './facts';

function NameChips({ fact }: { fact: Fact }) {
  const entries = Object.entries(fact.resolution);
  if (!entries.length) return null;
  return (
    <>
      {entries.map(([field, m]) => (
        <span
          key={field}
          className={`name-chip name-chip--${m.status}`}
          title={
            m.status === 'ambiguous'
              ? `Could be: ${m.candidates.map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''}`).join(', ')}`
              : undefined
          }
        >
          {m.name}:{' '}
          {m.status === 'known'
            ? 'in catalog'
            : m.status === 'similar'
              ? `≈ ${m.matched}`
              : m.status === 'ambiguous'
                ? `${m.candidates.length} matches`
                : 'new'}
        </span>
      ))}
    </>
  );
}

export function FactCard({
  fact,
  current,
  onFocus,
  onDone,
  articleId,
}: {
  fact: Fact;
  current: boolean;
  onFocus: () => void;
  onDone: () => void;
  articleId: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Fields>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** A refused field of the edit form (its key, as EDITABLE names it) and what is wrong with it. */
  const [fieldError, setFieldError] = useState<{ key: string; message: string } | null>(null);
  const itemRef = useRef<HTMLLIElement>(null);
  // the refused field takes the focus once it is drawn marked
  useEffect(() => {
    if (fieldError) itemRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldError]);
  const [overrideReason, setOverrideReason] = useState('');
  const ambiguous = Object.entries(fact.resolution).filter(([, m]) => m.status === 'ambiguous');
  const { user } = useAuth();

  const accept = async (fields?: Fields, override?: string) => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api.post(`/api/articles/${articleId}/facts/${fact.id}/accept`, {
        fields: fields && Object.keys(fields).length ? fields : undefined,
        override: override ? { reason: override } : undefined,
      });
      setEditing(false);
      onDone();
    } catch (e) {
      const a = e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) });
      // a refused field is named by its label ("Term end"), not the server's path ("fields.blocks[0]"),
      // and marked on the edit form (the title editor's way: the message by the field, the field focused)
      const key = a.field ? factFieldKey(a.field) : undefined;
      if (key) {
        setError(new ApiError(a.status, { ...a.body, message: labelledMessage(factFieldLabel(key), a.message) }));
        setFieldError({ key, message: fieldMessage(a.message) });
      } else setError(a);
    } finally {
      setBusy(false);
    }
  };
  const reject = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/articles/${articleId}/facts/${fact.id}/reject`);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const edited = (): Fields => editedFields(draft, fact.fields);
  /** Sets the draft's `into` for the form's field `k`; the error marked on `k` goes once it changes. */
  const change = (k: string, into: string, value: string) => {
    setDraft((d) => ({ ...d, [into]: value }));
    if (fieldError?.key === k) setFieldError(null);
  };
  const conflict = error?.status === 409;

  return (
    <li ref={itemRef} className={`fact-item is-${fact.status}${current ? ' is-current' : ''}`} onClick={onFocus} data-fact={fact.id}>
      <div className="fact-head">
        <span className="fact-summary">{summary(fact.type, fact.fields)}</span>
        <span className="muted small confidence" title="How sure the extractor is">
          {Math.round(fact.confidence * 100)}%
        </span>
        {fact.type === 'deal' && fact.confidence < 0.5 && fact.status === 'pending' && (
          <span
            className="name-chip name-chip--unsure"
            title="The reader is less sure of this deal than of most: check it against its sentence"
          >
            less certain
          </span>
        )}
        {fact.status !== 'pending' && <Badge value={fact.status === 'accepted' ? 'signed' : 'rejected'} label={fact.status} />}
      </div>
      <div className="fact-meta">
        <NameChips fact={fact} />
        {fact.known && fact.status === 'pending' && (
          <span className="name-chip name-chip--known">
            on record
            {fact.known.fromThisArticle
              ? ' from this article'
              : `, ${fact.known.sources} source${fact.known.sources === 1 ? '' : 's'}: this one will be added`}
          </span>
        )}
        {fact.written && (
          <span className="muted">
            {fact.written.existed ? 'already on record: source added' : `written to ${humanize(fact.written.table)}`}
          </span>
        )}
        {fact.type === 'deal' && fact.status === 'accepted' && fact.resolution.title?.id && (
          <Link to={`/market/${encodeURIComponent(fact.resolution.title.id)}`} onClick={(e) => e.stopPropagation()}>
            market picture
          </Link>
        )}
      </div>
      {fact.status === 'pending' && (
        <div className="fact-actions">
          <button
            type="button"
            className="btn btn--primary btn--small"
            disabled={busy || ambiguous.length > 0}
            onClick={(e) => {
              e.stopPropagation();
              void accept();
            }}
            title={ambiguous.length ? 'A name matches several records: edit to choose' : undefined}
          >
            Accept
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              setEditing((x) => !x);
              setDraft({});
            }}
          >
            {editing ? 'Cancel edit' : 'Edit'}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              void reject();
            }}
          >
            Reject
          </button>
        </div>
      )}
      {editing && (
        <form
          className="fact-edit"
          onClick={(e) => e.stopPropagation()}
          onSubmit={(e) => {
            e.preventDefault();
            void accept(edited());
          }}
        >
          {(EDITABLE[fact.type] ?? [])
            .filter((k) => !MONEY_FIELDS.has(k) || user?.canSeeFinancials)
            .map((k) => {
              const m = fact.resolution[k];
              const choice = CHOICE_FIELD[k];
              const value = k in draft ? String(draft[k] ?? '') : fieldValue(fact.fields, k);
              const choices = FIELD_CHOICES[k];
              return (
                <Field
                  key={k}
                  label={factFieldLabel(k)}
                  hint={fact.type === 'deal' ? FIELD_HINT[k] : undefined}
                  error={fieldError?.key === k ? fieldError.message : undefined}
                >
                  {(p) =>
                    m && m.status === 'ambiguous' && choice ? (
                      <select {...p} value={String(draft[choice] ?? '')} onChange={(e) => change(k, choice, e.target.value)} required>
                        <option value="">{m.name}: choose…</option>
                        {m.candidates.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                            {c.detail ? ` (${c.detail})` : ''}
                          </option>
                        ))}
                        <option value="new">A new record</option>
                      </select>
                    ) : choices ? (
                      <select {...p} value={value} onChange={(e) => change(k, k, e.target.value)}>
                        {choices.map(([v, label]) => (
                          <option key={v} value={v}>
                            {label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        {...p}
                        type={DATE_FIELDS.has(k) ? 'date' : 'text'}
                        value={value}
                        onChange={(e) => change(k, k, e.target.value)}
                      />
                    )
                  }
                </Field>
              );
            })}
          <div className="form-actions span-3">
            <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
              Accept as edited
            </button>
          </div>
        </form>
      )}
      {error && (
        <div onClick={(e) => e.stopPropagation()}>
          <ErrorNote error={error} />
          {conflict && (
            <div className="input-with-button" style={{ marginTop: 6 }}>
              <input
                aria-label="Why save it anyway"
                placeholder="Why save it anyway?"
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
              />
              <button
                type="button"
                className="btn btn--danger btn--small"
                disabled={!overrideReason.trim() || busy}
                onClick={() => void accept(edited(), overrideReason.trim())}
              >
                Save anyway
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
