/**
 * The history of a catalog record (a title, a company, a person, a festival
 * edition...) as deals have theirs: every change, newest first, each opening
 * to what it changed; and the page of a deleted record, with its last state
 * and a Restore that brings it back as its deletion kept it.
 */
import { useState, type ReactNode } from 'react';
import { api, type ApiError } from '../lib/api';
import { currentDeletion } from '../lib/auditDiff';
import { formatTimestamp } from '../lib/format';
import { useApi } from '../lib/hooks';
import { recordEntryView, type RecordEntryView } from '../lib/recordDiff';
import type { AuditEntry } from '../../../src/contract/index.js';
import { ChangeList, entriesOf } from './History';
import { ErrorNote, Loading, Section } from './ui';

const TONE: Record<string, string> = {
  delete: 'bad',
  restore: 'good',
  create: 'neutral',
  import: 'neutral',
  update: 'accent',
  merge: 'warn',
};

export function recordAuditPath(entity: string, id: string, key?: string | number): string {
  return `/api/audit?entity=${encodeURIComponent(entity)}&entityId=${encodeURIComponent(id)}${key === undefined ? '' : `&v=${encodeURIComponent(String(key))}`}`;
}

function Fields({ fields }: { fields: Array<{ label: string; value: string }> }) {
  return (
    <div className="snapshot">
      <dl className="deflist">
        {fields.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Item({ v }: { v: RecordEntryView }) {
  const [open, setOpen] = useState(false);
  const detailId = `record-audit-${v.entry.id}`;
  const hasDetail = v.changes.length > 0 || !!v.snapshot;
  return (
    <li className={`audit-entry${v.entry.reason ? ' has-reason' : ''}`}>
      <div className="audit-line">
        <time className="audit-when" dateTime={v.entry.at} title={v.entry.at}>
          {formatTimestamp(v.entry.at)}
        </time>
        <span className={`audit-action badge badge--${TONE[v.entry.action] ?? 'neutral'}`}>{v.title}</span>
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
            {open ? 'Hide' : v.changes.length ? 'Show changes' : 'Show the record'}
            <span aria-hidden="true" className="audit-caret">
              {open ? '▴' : '▾'}
            </span>
          </button>
        )}
      </div>
      {v.entry.reason && v.entry.action !== 'merge' && (
        <p className="audit-reason">
          Reason given: <q>{v.entry.reason}</q>
        </p>
      )}
      {open && (
        <div className="audit-detail" id={detailId}>
          {v.changes.length > 0 && <ChangeList changes={v.changes} />}
          {v.snapshot && (
            <>
              <h3 className="h3">{v.snapshot.caption}</h3>
              <Fields fields={v.snapshot.fields} />
            </>
          )}
        </div>
      )}
    </li>
  );
}

/** Every change to the record, newest first. `version` reloads it after a save. */
export function RecordHistory({
  entity,
  id,
  version,
  title = 'History',
}: {
  entity: string;
  id: string;
  version?: string | number;
  title?: string;
}) {
  const log = useApi<AuditEntry[] | { items: AuditEntry[] }>(recordAuditPath(entity, id, version));
  const entries = entriesOf(log.data)
    .slice()
    .sort((a, b) => Number(b.id) - Number(a.id))
    .map(recordEntryView);
  return (
    <Section title={title} id="history">
      {log.loading && !log.data && <Loading what="Loading history" />}
      <ErrorNote error={log.error} retry={log.reload} />
      {log.data && entries.length === 0 && <p className="muted">No recorded change.</p>}
      {entries.length > 0 && (
        <ol className="audit" aria-label="Changes, newest first">
          {entries.map((v) => (
            <Item key={v.entry.id} v={v} />
          ))}
        </ol>
      )}
    </Section>
  );
}

/**
 * What a deleted record's address shows: who deleted it and when, its last
 * state, Restore (for editors), and its history. `notFound` when nothing was
 * ever recorded there.
 */
export function DeletedRecord({
  entity,
  id,
  what,
  writable,
  onRestored,
  notFound,
}: {
  entity: string;
  id: string;
  what: string;
  writable: boolean;
  onRestored: (skipped: string[]) => void;
  notFound: ReactNode;
}) {
  const log = useApi<AuditEntry[] | { items: AuditEntry[] }>(recordAuditPath(entity, id));
  const [state, setState] = useState<{ busy: boolean; error?: ApiError }>({ busy: false });
  if (log.loading && !log.data) return <Loading what={`Loading the ${what}`} />;
  const deletion = currentDeletion(entriesOf(log.data));
  if (!deletion) return <>{notFound}</>;
  const view = recordEntryView(deletion);
  async function restore() {
    setState({ busy: true });
    try {
      const r = await api.post<{ skipped: string[] }>(`/api/history/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/restore`);
      setState({ busy: false });
      onRestored(r.skipped ?? []);
    } catch (x) {
      setState({ busy: false, error: x as ApiError });
    }
  }
  return (
    <>
      <div className="page-head">
        <h1>
          {view.snapshot?.fields.find((f) => ['English title', 'Original title', 'Name'].includes(f.label))?.value ?? id}{' '}
          <span className="badge badge--bad">Deleted</span>
        </h1>
      </div>
      <div className="notice notice--warn deleted-notice" role="note">
        <p>
          <strong>
            This {what} was deleted on {formatTimestamp(deletion.at)} by {view.who}.
          </strong>{' '}
          Restoring brings it back as shown below.
        </p>
        {writable && (
          <button type="button" className="btn btn--primary" disabled={state.busy} onClick={() => void restore()}>
            {state.busy ? 'Restoring…' : `Restore ${what}`}
          </button>
        )}
      </div>
      <ErrorNote error={state.error} />
      {view.snapshot && (
        <Section title="Last state before it was deleted" id="last-state">
          <Fields fields={view.snapshot.fields} />
        </Section>
      )}
      <RecordHistory entity={entity} id={id} version={String(deletion.id)} />
    </>
  );
}
