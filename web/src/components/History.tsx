/**
 * A contract's history and what each change did, the last state of a
 * deleted contract, and bringing it back. Restoring checks the rights again:
 * when they were sold meanwhile the server refuses (409) and the user may
 * restore anyway with a reason, which the history keeps.
 */
import { useState, type ReactNode } from 'react';
import { api, type ApiError } from '../lib/api';
import { currentDeletion, historyView, type Change, type EntryView, type FieldChange, type Snapshot } from '../lib/auditDiff';
import { formatDate, formatPeriod, formatTimestamp } from '../lib/format';
import { useApi } from '../lib/hooks';
import type { AuditEntry, Contract, ConflictReport } from '../../../src/contract/index.js';
import { ErrorNote, Field, Loading, Section } from './ui';

export function auditPath(contractId: string, key?: string | number): string {
  return `/api/audit?entity=contracts&entityId=${encodeURIComponent(contractId)}${key === undefined ? '' : `&v=${key}`}`;
}

export function entriesOf(data: AuditEntry[] | { items: AuditEntry[] } | undefined): AuditEntry[] {
  return Array.isArray(data) ? data : (data?.items ?? []);
}

function FieldLine({ c }: { c: FieldChange }) {
  return (
    <>
      <span className="diff-label">{c.label}</span>{' '}
      <del>
        <span className="visually-hidden">was </span>
        {c.from}
      </del>{' '}
      <span aria-hidden="true" className="diff-arrow">
        →
      </span>{' '}
      <ins>
        <span className="visually-hidden">now </span>
        {c.to}
      </ins>
      {c.note && <span className="diff-note"> ({c.note})</span>}
    </>
  );
}

export function ChangeList({ changes }: { changes: Change[] }) {
  return (
    <ul className="diff">
      {changes.map((c, i) => {
        if (c.kind === 'field')
          return (
            <li key={i} className={c.label === 'Notes' || c.label === 'Override reason' ? 'diff-long' : undefined}>
              <FieldLine c={c} />
            </li>
          );
        if (c.kind === 'list')
          return (
            <li key={i}>
              <span className="diff-label">{c.label}</span>{' '}
              {c.added.map((x) => (
                <ins key={`+${x}`} className="diff-item">
                  <span aria-hidden="true">+ </span>
                  <span className="visually-hidden">added </span>
                  {x}
                </ins>
              ))}
              {c.removed.map((x) => (
                <del key={`-${x}`} className="diff-item">
                  <span aria-hidden="true">− </span>
                  <span className="visually-hidden">removed </span>
                  {x}
                </del>
              ))}
            </li>
          );
        return (
          <li key={i} className={`diff-block diff-block--${c.change}`}>
            <span className="diff-label">
              {c.what} {c.change}
            </span>{' '}
            {c.change === 'removed' ? <del>{c.text}</del> : c.change === 'added' ? <ins>{c.text}</ins> : <span>{c.text}</span>}
            {c.details.length > 0 && (
              <ul className="diff diff--nested">
                {c.details.map((d, k) => (
                  <li key={k}>
                    <FieldLine c={d} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function SnapshotView({ value }: { value: Snapshot }) {
  return (
    <div className="snapshot">
      <dl className="deflist">
        {value.fields.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
        <div>
          <dt>Rights</dt>
          <dd>
            {value.blocks.length === 0 ? (
              <span className="muted">No rights block</span>
            ) : (
              <ul className="plain">
                {value.blocks.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {value.holdbacks.length > 0 && (
          <div>
            <dt>Holdbacks</dt>
            <dd>
              <ul className="plain">
                {value.holdbacks.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

const ACTION_TONE: Record<string, string> = {
  delete: 'bad',
  override: 'warn',
  restore: 'good',
  create: 'neutral',
  import: 'neutral',
  update: 'accent',
};

/**
 * One audit entry, a contract's or a catalog record's: when, what, by whom, a
 * one-line summary, the reason given, and a toggle that opens to what it
 * changed or to the whole record.
 */
export function AuditEntryItem({
  v,
  tone,
  detailId,
  openLabel,
  showReason,
  snapshot,
}: {
  v: { entry: AuditEntry; title: string; summary: string; changes: Change[]; who: string };
  tone: string;
  detailId: string;
  /** The toggle's label while closed. */
  openLabel: string;
  showReason: boolean;
  snapshot?: { caption: string; body: ReactNode };
}) {
  const [open, setOpen] = useState(false);
  const hasDetail = v.changes.length > 0 || !!snapshot;
  return (
    <li className={`audit-entry${v.entry.reason ? ' has-reason' : ''}`}>
      <div className="audit-line">
        <time className="audit-when" dateTime={v.entry.at} title={v.entry.at}>
          {formatTimestamp(v.entry.at)}
        </time>
        <span className={`audit-action badge badge--${tone}`}>{v.title}</span>
        <span className="audit-who">by {v.who}</span>
        <span className="audit-summary">{v.summary}</span>
        {hasDetail && (
          <button
            type="button"
            className="btn btn--ghost btn--small audit-toggle"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide' : openLabel}
            <span aria-hidden="true" className="audit-caret">
              {open ? '▴' : '▾'}
            </span>
          </button>
        )}
      </div>
      {v.entry.reason && showReason && (
        <p className="audit-reason">
          Reason given: <q>{v.entry.reason}</q>
        </p>
      )}
      {open && (
        <div className="audit-detail" id={detailId}>
          {v.changes.length > 0 && <ChangeList changes={v.changes} />}
          {snapshot && (
            <>
              <h3 className="h3">{snapshot.caption}</h3>
              {snapshot.body}
            </>
          )}
        </div>
      )}
    </li>
  );
}

function HistoryItem({ v }: { v: EntryView }) {
  return (
    <AuditEntryItem
      v={v}
      tone={ACTION_TONE[v.entry.action] ?? 'neutral'}
      detailId={`audit-${v.entry.id}`}
      openLabel={v.snapshot ? 'Show the record' : 'Show changes'}
      showReason
      snapshot={v.snapshot && { caption: v.snapshot.caption, body: <SnapshotView value={v.snapshot.value} /> }}
    />
  );
}

/** The History panel: every change to the contract, newest first, each opening to what it changed. */
export function History({ contractId, version }: { contractId: string; version: number | string }) {
  const log = useApi<AuditEntry[] | { items: AuditEntry[] }>(auditPath(contractId, version));
  const entries = historyView(entriesOf(log.data));
  return (
    <Section title="History" id="audit">
      {log.loading && !log.data && <Loading what="Loading history" />}
      <ErrorNote error={log.error} retry={log.reload} />
      {log.data && entries.length === 0 && <p className="muted">No recorded change.</p>}
      {entries.length > 0 && (
        <ol className="audit" aria-label="Changes, newest first">
          {entries.map((v) => (
            <HistoryItem key={v.entry.id} v={v} />
          ))}
        </ol>
      )}
    </Section>
  );
}

export interface RestoreState {
  busy: boolean;
  /** The server's refusal: the rights were sold or held meanwhile. */
  refusal?: { message: string; report: ConflictReport };
  error?: ApiError;
}

/** Restores a deleted contract; a refusal for conflicts waits for an override reason. */
export function useRestore(id: string, onRestored: (c: Contract, overridden: boolean) => void) {
  const [state, setState] = useState<RestoreState>({ busy: false });
  const [reason, setReason] = useState('');
  async function restore(override?: string) {
    setState((s) => ({ ...s, busy: true, error: undefined }));
    try {
      const c = await api.post<Contract>(
        `/api/contracts/${encodeURIComponent(id)}/restore`,
        override ? { override: { reason: override } } : {},
      );
      setState({ busy: false });
      setReason('');
      onRestored(c, !!override);
    } catch (x) {
      const a = x as ApiError;
      if (a.status === 409 && a.body.conflicts) setState({ busy: false, refusal: { message: a.message, report: a.body.conflicts } });
      else setState((s) => ({ ...s, busy: false, error: a }));
    }
  }
  return { state, reason, setReason, restore, cancel: () => setState({ busy: false }) };
}

/** The server's reason, without its advice for the deal form ("Save with an override reason…"): the panel gives its own. */
function restoreMessage(m: string): string {
  const s = m.replace(/\s*Save with an override reason[^.]*\.\s*$/, '').replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => formatDate(d));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Why the restore was refused, the rights in the way, and the override with a reason. */
export function RestoreRefusal({ r, label }: { r: ReturnType<typeof useRestore>; label: string }) {
  const { refusal, error, busy } = r.state;
  if (!refusal) return error ? <ErrorNote error={error} /> : null;
  const rows = refusal.report.blocks.flatMap((b) => b.conflicts.map((row, k) => ({ row, key: `${b.block}-${b.titleId}-${k}` })));
  return (
    <div className="refused" role="alert" aria-label={`${label} was not restored`}>
      <h2>Not restored: its rights were sold or held since it was deleted</h2>
      <p>{restoreMessage(refusal.message)}</p>
      {rows.length > 1 && (
        <ul>
          {rows.map(({ row, key }) => (
            <li key={key}>
              <strong>{row.territoryLabel}</strong> · {row.mediaLabel} · {formatPeriod(row.start, row.end)}:{' '}
              {row.reasons.map((x) => x.message).join('; ')}
            </li>
          ))}
        </ul>
      )}
      <p>Leave it deleted, or restore it anyway with a reason. The override and its reason are recorded in the deal’s history.</p>
      <Field label="Reason for the override">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={r.reason}
            onChange={(e) => r.setReason(e.target.value)}
            placeholder="e.g. The later sale was cancelled; the licensee confirmed by email"
          />
        )}
      </Field>
      {error && <ErrorNote error={error} />}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--danger"
          disabled={!r.reason.trim() || busy}
          onClick={() => void r.restore(r.reason.trim())}
        >
          {busy ? 'Restoring…' : 'Restore anyway'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={r.cancel}>
          Leave it deleted
        </button>
      </div>
    </div>
  );
}

/** The page of a deleted contract: who deleted it and when, its last state, restore, and its history. */
export function DeletedDeal({
  id,
  writable,
  onRestored,
  notFound,
}: {
  id: string;
  writable: boolean;
  onRestored: (c: Contract, overridden: boolean) => void;
  notFound: ReactNode;
}) {
  const log = useApi<AuditEntry[] | { items: AuditEntry[] }>(auditPath(id));
  const r = useRestore(id, onRestored);
  if (log.loading && !log.data) return <Loading what="Loading the deal" />;
  const deletion = currentDeletion(entriesOf(log.data));
  if (!deletion) return <>{notFound}</>;
  const view = historyView([deletion])[0];
  const ref = (deletion.before as { ref?: string } | null)?.ref ?? id;
  return (
    <>
      <div className="page-head">
        <h1>
          {ref} <span className="badge badge--bad">Deleted</span>
        </h1>
      </div>
      <div className="notice notice--warn deleted-notice" role="note">
        <p>
          <strong>
            Deleted on {formatTimestamp(deletion.at)} by {view.who}.
          </strong>{' '}
          Its rights do not count in avails or conflict checks while it is deleted. Restoring brings it back as shown below and checks its
          rights again.
        </p>
        {writable && !r.state.refusal && (
          <button type="button" className="btn btn--primary" disabled={r.state.busy} onClick={() => void r.restore()}>
            {r.state.busy ? 'Restoring…' : 'Restore deal'}
          </button>
        )}
      </div>
      <RestoreRefusal r={r} label={ref} />
      <Section title="Last state before it was deleted" id="last-state">
        <SnapshotView value={view.snapshot!.value} />
      </Section>
      <History contractId={id} version={String(deletion.id)} />
    </>
  );
}
