import { useState } from 'react';
import { api, type ApiError } from '../../lib/api';
import { Link } from '../../lib/router';
import type { Ref } from '../../../../src/contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EntityPicker } from '../../components/EntityPicker';
import { Field } from '../../components/ui';
import type { TitleDetail } from './detail';

/** Merge a duplicate record of the same film into this one, or delete the title: each asks first. */
export function TitleActions({ d, onMerged, onDeleted }: { d: TitleDetail; onMerged: (message: string) => void; onDeleted: () => void }) {
  const [dialog, setDialog] = useState<'merge' | 'delete'>();
  const [dup, setDup] = useState<Ref | null>(null);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const name = d.englishTitle || d.originalTitle;
  const close = () => {
    setDialog(undefined);
    setDup(null);
    setState({ busy: false });
  };
  async function merge() {
    if (!dup) return setState({ busy: false, error: 'Pick the duplicate to merge into this title.' });
    setState({ busy: true });
    try {
      const r = await api.post<{ moved: Record<string, number> }>(`/api/titles/${encodeURIComponent(d.id)}/merge`, { mergeId: dup.id });
      const moved = Object.entries(r.moved).map(([k, n]) => `${n} ${n === 1 ? k.replace(/ies$/, 'y').replace(/s$/, '') : k}`);
      close();
      onMerged(
        `“${dup.name}” was merged into this title${moved.length ? `: ${moved.join(', ')} moved over` : ''}. The merge is in the history.`,
      );
    } catch (x) {
      setState({ busy: false, error: (x as ApiError).message });
    }
  }
  async function remove() {
    setState({ busy: true });
    try {
      await api.del(`/api/titles/${encodeURIComponent(d.id)}`);
      close();
      onDeleted();
    } catch (x) {
      setState({ busy: false, error: (x as ApiError).message.replace(/^id: /, '') });
    }
  }
  return (
    <>
      <Link to={`/titles/${encodeURIComponent(d.id)}/edit`} className="btn">
        Edit title
      </Link>
      <button type="button" className="btn btn--ghost" onClick={() => setDialog('merge')}>
        Merge a duplicate…
      </button>
      <button type="button" className="btn btn--ghost btn--delete" onClick={() => setDialog('delete')}>
        Delete title…
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
        <p>
          When the same film is on file twice, pick the other record. Its contracts, credits, festival history, releases, box office and
          sources move to this title, its names become aliases, and it is deleted.
        </p>
        <Field label="The duplicate">
          {(p) => (
            <EntityPicker
              {...p}
              kind="titles"
              value={dup}
              onChange={(v) => (setDup(v && v.id === d.id ? null : v), setState({ busy: false }))}
              placeholder="Type its title"
            />
          )}
        </Field>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete title"
        busy={state.busy}
        error={state.error}
        onConfirm={() => void remove()}
        onCancel={close}
      >
        <p>
          The title goes with its credits, aliases and companies. A title that a contract, a festival selection, an award, a release or a
          box-office figure names cannot be deleted: change those first, or merge it into the record it duplicates.
        </p>
        <p>Nothing is lost: the title can be restored from its history.</p>
      </ConfirmDialog>
    </>
  );
}
