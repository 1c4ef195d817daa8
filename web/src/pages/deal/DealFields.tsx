/** The deal itself: reference, status, kind, titles and the parties. */
import { pendingCompany, statusConsequence, type Draft } from '../../lib/dealDraft';
import { humanize } from '../../lib/format';
import { CONTRACT_STATUSES } from '../../../../src/domain/vocabulary.js';
import type { Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { Field, TextField } from '../../components/ui';
import type { DraftPart } from './draftPart';

/** A company typed in the deal that is not on file yet: created with the deal when it is saved, not before. */
const createCompany = (kind: string) => (name: string) => Promise.resolve(pendingCompany(kind, name));

export function DealFields({ draft, update, err, writable, isNew }: DraftPart & { isNew: boolean }) {
  return (
    <fieldset className="panel" disabled={!writable}>
      <legend className="panel-legend">Deal</legend>
      <div className="form-grid">
        <TextField
          label="Reference"
          hint={isNew ? 'Leave empty to have one made.' : undefined}
          error={err('ref')}
          type="text"
          value={draft.ref}
          onChange={(v) => update({ ref: v })}
          placeholder="e.g. WB-ONESEC-DE-SVOD"
        />
        <Field
          label="Status"
          error={err('status')}
          hint={<span className="status-consequence">{statusConsequence(draft.status, draft.direction)}</span>}
        >
          {(p) => (
            <select {...p} value={draft.status} onChange={(e) => update({ status: e.target.value as Draft['status'] })}>
              {CONTRACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                  {s === 'negotiating' ? ' (holds the rights)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind" error={err('direction')}>
          {(p) => (
            <select {...p} value={draft.direction} onChange={(e) => update({ direction: e.target.value as Draft['direction'] })}>
              <option value="out">Rights out (we license)</option>
              <option value="in">Rights in (we acquire)</option>
              <option value="third-party">Market intelligence (between others)</option>
              <option value="">Decide from the parties</option>
            </select>
          )}
        </Field>
        <Field label="Titles" error={err('titleIds')} className="span-3">
          {(p) => (
            <EntityPicker
              {...p}
              kind="titles"
              multiple
              value={draft.titles}
              onChange={(titles: Ref[]) => update({ titles })}
              placeholder="Type a title"
            />
          )}
        </Field>
        <Field label="Licensor" error={err('licensorId')}>
          {(p) => (
            <EntityPicker
              {...p}
              kind="companies"
              value={draft.licensor}
              onChange={(licensor) => update({ licensor })}
              placeholder="Who grants"
              onCreate={createCompany('other')}
            />
          )}
        </Field>
        <Field label="Licensee" error={err('licenseeId')}>
          {(p) => (
            <EntityPicker
              {...p}
              kind="companies"
              value={draft.licensee}
              onChange={(licensee) => update({ licensee })}
              placeholder="Who receives"
              onCreate={createCompany('distributor')}
            />
          )}
        </Field>
        <Field label="Sales agent" error={err('salesAgentId')}>
          {(p) => (
            <EntityPicker
              {...p}
              kind="companies"
              value={draft.salesAgent}
              onChange={(salesAgent) => update({ salesAgent })}
              placeholder="Optional"
              onCreate={createCompany('sales-agent')}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
