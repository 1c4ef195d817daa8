/** Small building blocks: fields with their errors, states (loading, empty, error), badges. */
import { isValidElement, useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { describeError } from '../lib/errors';
import { humanize } from '../lib/format';

export function Field({
  label,
  error,
  hint,
  children,
  id,
  className,
}: {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  /** Render prop: receives the control's id and describedby. */
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
  id?: string;
  className?: string;
}) {
  const auto = useId();
  const cid = id ?? auto;
  const hintId = hint ? `${cid}-hint` : undefined;
  const errId = error ? `${cid}-error` : undefined;
  const describedBy = [errId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={cid}>{label}</label>
      {children({ id: cid, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="field-error" id={errId} role="alert">
          {error}
        </p>
      )}
      {hint && !error && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

/**
 * An error as its reader needs it: a business refusal (a conflict, a stale
 * version, a missing role) is headed by what happened and says what to do;
 * "Something went wrong" is kept for a failing or unreachable server.
 */
export function ErrorNote({ error, retry }: { error: ApiError | Error | string | undefined | null; retry?: () => void }) {
  if (!error) return null;
  const d = describeError(error);
  const suggestions = typeof error === 'object' && 'body' in error ? error.body.suggestions : undefined;
  return (
    <div className={`error-note error-note--${d.kind}`} role="alert">
      <div className="error-note-text">
        <strong className="error-note-title">{d.details ? d.title.replace(/\.$/, ':') : d.title}</strong>{' '}
        {d.details ? (
          <ul className="error-note-details">
            {d.details.slice(0, 5).map((x, i) => (
              <li key={i}>{x}</li>
            ))}
            {d.details.length > 5 && <li>and {d.details.length - 5} more</li>}
          </ul>
        ) : (
          d.message
        )}
        {suggestions && suggestions.length > 0 && !/Did you mean/.test(d.message) && (
          <> Did you mean {suggestions.slice(0, 5).join(', ')}?</>
        )}
        {d.advice && <span className="error-note-advice"> {d.advice}</span>}
      </div>
      {retry && d.kind === 'failure' && (
        <button type="button" className="btn btn--small" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

const STATUS_TONE: Record<string, string> = {
  signed: 'good',
  announced: 'good',
  available: 'good',
  released: 'good',
  negotiating: 'warn',
  offer: 'warn',
  'on-hold': 'warn',
  depends: 'depends',
  partial: 'warn',
  draft: 'neutral',
  rejected: 'muted',
  expired: 'muted',
  terminated: 'muted',
  sold: 'bad',
  unavailable: 'bad',
  'no-rights': 'muted',
};

export function Badge({ value, label }: { value: string | null | undefined; label?: string }) {
  if (!value) return null;
  return <span className={`badge badge--${STATUS_TONE[value] ?? 'neutral'}`}>{label ?? humanize(value)}</span>;
}

export function DirectionBadge({ direction }: { direction: string }) {
  const label = direction === 'in' ? 'Rights in' : direction === 'out' ? 'Rights out' : 'Market intel';
  return <span className={`dir dir--${direction}`}>{label}</span>;
}

export function Section({ title, id, actions, children }: { title: ReactNode; id?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel" id={id} aria-labelledby={id ? `${id}-h` : undefined}>
      <header className="panel-head">
        <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return <p className="pager-count">{total === 1 ? '1 row' : `${total} rows`}</p>;
  return (
    <nav className="pager" aria-label="Pages">
      <span className="pager-count">
        {(page - 1) * pageSize + 1}–{Math.min(total, page * pageSize)} of {total}
      </span>
      <button type="button" className="btn btn--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      <button type="button" className="btn btn--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

/** A column header that sorts: aria-sort tells screen readers, the button works from the keyboard. */
export function SortHeader({ label, active, dir, onSort }: { label: string; active: boolean; dir: 'asc' | 'desc'; onSort: () => void }) {
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="th-sort" onClick={onSort}>
        {label}
        <span aria-hidden="true" className="th-sort-icon">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The buttons under a record form: save (its label while the request runs) and cancel. */
export function FormActions({
  busy,
  label,
  busyLabel = 'Saving…',
  onCancel,
  small,
}: {
  busy: boolean;
  label: string;
  busyLabel?: string;
  onCancel: () => void;
  small?: boolean;
}) {
  const size = small ? ' btn--small' : '';
  return (
    <div className="form-actions">
      <button type="submit" className={`btn btn--primary${size}`} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className={`btn btn--ghost${size}`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** What the last action did ("Restored.", "… was deleted"), above the page it changed. */
export function DoneNotice({ message, children }: { message: ReactNode; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div className="notice notice--good" role="status">
      {message}
      {children}
    </div>
  );
}

/** Heads an actions column: screen readers hear "Actions", the eye sees the buttons. */
export const ACTIONS_COLUMN = <span className="visually-hidden">Actions</span>;

/** A column head with a class of its own (`num` right-aligns a figure's column). */
export interface ColumnHead {
  label: ReactNode;
  className: string;
}

/** A table's header row, one column head a label; a `false` (or missing) label leaves its column out. */
export function ColumnHeads({ columns }: { columns: Array<ReactNode | ColumnHead> }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => {
          if (c === false || c == null) return null;
          const head = c && typeof c === 'object' && 'className' in c && !isValidElement(c) ? (c as ColumnHead) : undefined;
          return (
            <th key={i} scope="col" className={head?.className}>
              {head ? head.label : (c as ReactNode)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** A select of the trade's words (a status, a kind, a slot…), each shown humanized; `none` labels an empty first choice. */
export function WordSelect({
  words,
  none,
  value,
  onChange,
  ...p
}: {
  words: readonly string[];
  none?: string;
  value: string;
  onChange: (word: string) => void;
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
      {none !== undefined && <option value="">{none}</option>}
      {words.map((w) => (
        <option key={w} value={w}>
          {humanize(w)}
        </option>
      ))}
    </select>
  );
}

/** A row's Change and Delete buttons; `what` completes their labels for screen readers ("the release in France"). */
export function ChangeDelete({ what, onChange, onDelete }: { what: string; onChange: () => void; onDelete: () => void }) {
  return (
    <>
      <button type="button" className="btn btn--ghost btn--small" aria-label={`Change ${what}`} onClick={onChange}>
        Change
      </button>
      <button type="button" className="btn btn--ghost btn--small btn--delete" aria-label={`Delete ${what}`} onClick={onDelete}>
        Delete
      </button>
    </>
  );
}

/** A field whose control is a plain input (text unless `type` says otherwise: password, date, number…); `onChange` receives the typed text. */
export function TextField({
  label,
  error,
  hint,
  className,
  id,
  onChange,
  type = 'text',
  ...input
}: {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  id?: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'id' | 'className'>) {
  return (
    <Field label={label} error={error} hint={hint} className={className} id={id}>
      {(p) => <input {...p} {...input} type={type} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** What a save did, said where it was done ("… was added and can sign in now."). */
export function SavedNote({ message }: { message: ReactNode }) {
  if (!message) return null;
  return (
    <p className="save-ok" role="status">
      {message}
    </p>
  );
}
