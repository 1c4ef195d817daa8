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
import { AuditEntryItem, entriesOf } from './History';
import { DoneNotice, ErrorNote, Loading, Section } from './ui';

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
  return (
    <AuditEntryItem
      v={v}
      tone={TONE[v.entry.action] ?? 'neutral'}
      detailId={`record-audit-${v.entry.id}`}
      openLabel={v.changes.length ? 'Show changes' : 'Show the record'}
      showReason={v.entry.action !== 'merge'}
      snapshot={v.snapshot && { caption: v.snapshot.caption, body: <Fields fields={v.snapshot.fields} /> }}
    />
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
type DeletedRecordProps = Parameters<typeof DeletedRecord>[0];

/**
 * A record page whose record did not load: a deleted record shows its last
 * state and a Restore (or `notFound` when it never was), any other error says
 * what went wrong.
 */
export function RecordLoadError({
  error,
  retry,
  crumb,
  flash,
  ...deleted
}: DeletedRecordProps & { error: ApiError; retry: () => void; crumb: ReactNode; flash?: string }) {
  return (
    <div className="page">
      {error.status === 404 ? (
        <>
          <nav className="crumbs" aria-label="Breadcrumb">
            {crumb}
          </nav>
          <DoneNotice message={flash} />
          <DeletedRecord {...deleted} />
        </>
      ) : (
        <ErrorNote error={error} retry={retry} />
      )}
    </div>
  );
}

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
