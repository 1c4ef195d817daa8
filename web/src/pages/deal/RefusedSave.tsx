/** A save the server refused over a rights conflict: what collides, and an override with its reason. */
import type { Ref as ReactRef } from 'react';
import type { ConflictReport } from '../../../../src/contract/index.js';
import { Field } from '../../components/ui';

export function RefusedSave({
  refused,
  reason,
  onReason,
  reasonError,
  reasonRef,
  saving,
  onOverride,
  onCancel,
}: {
  refused: ConflictReport;
  reason: string;
  onReason: (reason: string) => void;
  reasonError: string | undefined;
  reasonRef: ReactRef<HTMLTextAreaElement>;
  saving: boolean;
  onOverride: (reason: string) => void;
  onCancel: () => void;
}) {
  return (
    <div className="refused" role="alert" aria-labelledby="refused-h">
      <h2 id="refused-h">Saving was refused: this deal conflicts with existing rights</h2>
      <ul>
        {refused.blocks
          .filter((b) => b.conflicts.length)
          .flatMap((b) =>
            b.conflicts.map((r, k) => (
              <li key={`${b.block}-${b.titleId}-${k}`}>
                <strong>{r.territoryLabel}</strong> · {r.mediaLabel}: {r.reasons.map((x) => x.message).join('; ')}
              </li>
            )),
          )}
      </ul>
      <p>Change the rights, or save anyway with a reason. The override and its reason are recorded in the deal’s history.</p>
      <Field label="Reason for the override" error={reason.trim() ? undefined : reasonError}>
        {(p) => (
          <textarea
            {...p}
            ref={reasonRef}
            rows={2}
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            placeholder="e.g. Licensor confirmed the earlier deal lapses on 31 Dec"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn--danger" disabled={!reason.trim() || saving} onClick={() => onOverride(reason.trim())}>
          Override and save
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
