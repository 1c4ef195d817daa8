/**
 * Merge a duplicate into this record, or delete it: the actions a company's
 * and a person's page share. Each asks first; a delete the server refuses
 * (something still refers to the record) shows its reason in the dialog.
 */
import { useState, type ReactNode } from 'react';
import { api, type ApiError } from '../lib/api';
import { Link } from '../lib/router';
import type { Ref } from '../../../src/contract/index.js';
import { ConfirmDialog } from './ConfirmDialog';
import { EntityPicker } from './EntityPicker';
import { Field } from './ui';

export function movedText(moved: Record<string, number>): string {
  return Object.entries(moved)
    .map(
      ([k, n]) =>
        `${n} ${
          n === 1
            ? k
                .replace(/people$/, 'person')
                .replace(/ies$/, 'y')
                .replace(/s$/, '')
            : k
        }`,
    )
    .join(', ');
}

export function RecordActions({
  entity,
  id,
  name,
  what,
  mergeHint,
  onMerged,
  onDeleted,
}: {
  entity: 'companies' | 'people';
  id: string;
  name: string;
  what: string;
  mergeHint: string;
  onMerged: (message: string) => void;
  onDeleted: () => void;
}) {
  const [dialog, setDialog] = useState<'merge' | 'delete'>();
  const [dup, setDup] = useState<Ref | null>(null);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const close = () => {
    setDialog(undefined);
    setDup(null);
    setState({ busy: false });
  };
  async function merge() {
    if (!dup) return setState({ busy: false, error: `Pick the duplicate to merge into this ${what}.` });
    setState({ busy: true });
    try {
      const r = await api.post<{ moved: Record<string, number> }>(`/api/${entity}/${encodeURIComponent(id)}/merge`, { mergeId: dup.id });
      const moved = movedText(r.moved);
      close();
      onMerged(`“${dup.name}” was merged into ${name}${moved ? `: ${moved} moved over` : ''}. The merge is in the history.`);
    } catch (x) {
      setState({ busy: false, error: (x as ApiError).message.replace(/^mergeId: /, '') });
    }
  }
  async function remove() {
    setState({ busy: true });
    try {
      await api.del(`/api/${entity}/${encodeURIComponent(id)}`);
      close();
      onDeleted();
    } catch (x) {
      setState({ busy: false, error: (x as ApiError).message.replace(/^id: /, '') });
    }
  }
  return (
    <>
      <button type="button" className="btn btn--ghost" onClick={() => setDialog('merge')}>
        Merge a duplicate…
      </button>
      <button type="button" className="btn btn--ghost btn--delete" onClick={() => setDialog('delete')}>
        Delete {what}…
      </button>
      <ConfirmDialog
        open={dialog === 'merge'}
        title={`Merge a duplicate into ${name}`}
        confirmLabel="Merge"
        tone="primary"
        busy={state.busy}
        error={state.error}
        onConfirm={() => void merge()}
        onCancel={close}
      >
        <p>{mergeHint}</p>
        <Field label="The duplicate">
          {(p) => (
            <EntityPicker
              {...p}
              kind={entity}
              value={dup}
              onChange={(v) => (setDup(v && v.id === id ? null : v), setState({ busy: false }))}
              placeholder="Type its name"
            />
          )}
        </Field>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel={`Delete ${what}`}
        busy={state.busy}
        error={state.error}
        onConfirm={() => void remove()}
        onCancel={close}
      >
        <p>Only a {what} nothing refers to can be deleted. It can be restored from its history.</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The head of a company's or a person's page: the way back to the list, the
 * record's name and what is known of it, and for an editor Edit, Merge and Delete.
 */
export function RecordHead({
  list,
  sub,
  writable,
  editing,
  onEdit,
  ...actions
}: Parameters<typeof RecordActions>[0] & {
  list: { to: string; label: string };
  sub?: ReactNode;
  writable: boolean;
  editing: boolean;
  onEdit: () => void;
}) {
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to={list.to}>{list.label}</Link> <span aria-hidden="true">/</span> <span aria-current="page">{actions.name}</span>
      </nav>
      <div className="page-head">
        <h1>{actions.name}</h1>
        {sub}
        {writable && (
          <div className="page-actions">
            <button type="button" className="btn" onClick={onEdit} disabled={editing}>
              Edit {actions.what}
            </button>
            <RecordActions {...actions} />
          </div>
        )}
      </div>
    </>
  );
}
