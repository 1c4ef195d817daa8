/** The rights a deal grants, block by block, and its holdbacks. */
import { key, newBlock, termNotReported, type BlockDraft } from '../../lib/dealDraft';
import { MediaPicker } from '../../components/MediaPicker';
import { TerritoryInput } from '../../components/TerritoryInput';
import { Field, TextField } from '../../components/ui';
import type { DraftPart } from './draftPart';
import { TermEndField } from './TermEndField';

export function RightsFields({
  draft,
  update,
  updateBlock,
  err,
  writable,
}: DraftPart & { updateBlock: (i: number, patch: Partial<BlockDraft>) => void }) {
  return (
    <fieldset className="panel" disabled={!writable}>
      <legend className="panel-legend">Rights</legend>
      {err('blocks') && <p className="field-error">{err('blocks')}</p>}
      {draft.blocks.length === 0 && <p className="muted">No rights block: this deal grants nothing yet. Add one below.</p>}
      {draft.blocks.map((b, i) => {
        const f = (x: string) => err(`blocks[${i}].${x}`);
        return (
          <div key={b.key} className="block-card" role="group" aria-label={`Rights block ${i + 1}`}>
            <div className="block-head">
              <h3>Block {i + 1}</h3>
              {draft.blocks.length > 1 && (
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() => update({ blocks: draft.blocks.filter((_, k) => k !== i) })}
                >
                  Remove block {i + 1}
                </button>
              )}
            </div>
            {f('') && <p className="field-error">{f('')}</p>}
            <div className="form-grid">
              <Field label="Territories" error={f('territories')} className="span-3">
                {(p) => <TerritoryInput {...p} value={b.territories} onChange={(v) => updateBlock(i, { territories: v })} mapPicker />}
              </Field>
              <Field label="Media" error={f('media')} className="span-3">
                {(p) => <MediaPicker {...p} value={b.media} onChange={(v) => updateBlock(i, { media: v })} />}
              </Field>
              <TermEndField
                label="Start"
                name={`Block ${i + 1} begins`}
                date={b.start}
                condition={b.startCondition}
                onDate={(v) => updateBlock(i, { start: v })}
                onCondition={(c) => updateBlock(i, { startCondition: c })}
                error={f('start')}
                conditionError={(k) => f(k ? `startCondition.${k}` : 'startCondition')}
              />
              <TermEndField
                label="End (inclusive)"
                name={`Block ${i + 1} finishes`}
                hint={
                  b.end ? (
                    'Clear it for perpetuity.'
                  ) : termNotReported(b) ? (
                    <strong className="term-not-reported">Term not reported: the end is unknown. Enter it when it is known.</strong>
                  ) : (
                    <strong className="perpetuity-note">No end date: perpetuity</strong>
                  )
                }
                date={b.end}
                condition={b.endCondition}
                onDate={(v) => updateBlock(i, { end: v })}
                onCondition={(c) => updateBlock(i, { endCondition: c })}
                error={f('end')}
                conditionError={(k) => f(k ? `endCondition.${k}` : 'endCondition')}
              />
              <TextField
                label="Languages"
                hint="BCP 47, e.g. de. Empty: all."
                error={f('languages')}
                type="text"
                value={b.languages}
                onChange={(v) => updateBlock(i, { languages: v })}
              />
              {draft.titles.length > 1 && (
                <Field label="Applies to" error={f('titleId')}>
                  {(p) => (
                    <select {...p} value={b.titleId} onChange={(e) => updateBlock(i, { titleId: e.target.value })}>
                      <option value="">Every title of the deal</option>
                      {draft.titles.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
              <div className="field field--check">
                <label>
                  <input type="checkbox" checked={b.exclusive} onChange={(e) => updateBlock(i, { exclusive: e.target.checked })} />{' '}
                  Exclusive
                </label>
              </div>
              <div className="field field--check">
                <label>
                  <input
                    type="checkbox"
                    checked={b.includesFuture}
                    onChange={(e) => updateBlock(i, { includesFuture: e.target.checked, covers: null })}
                  />{' '}
                  On a series or season: includes seasons and episodes added later
                </label>
              </div>
              <TextField
                label="Excluding (series, seasons)"
                hint="Ids of titles under it left out, e.g. an episode withheld."
                error={f('excludes') ?? err(`blocks[${i}].excludes[0]`)}
                type="text"
                value={b.excludes}
                onChange={(v) => updateBlock(i, { excludes: v })}
              />
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          update({
            blocks: [
              ...draft.blocks,
              { ...newBlock(), start: draft.blocks.at(-1)?.start ?? newBlock().start, end: draft.blocks.at(-1)?.end ?? '' },
            ],
          })
        }
      >
        + Add rights block
      </button>

      <h3 className="h3 spaced">Holdbacks</h3>
      {draft.holdbacks.length === 0 && (
        <p className="muted small">
          No holdback. A holdback forbids some media in some territories until a date, e.g. “no SVOD in the U.S. until 18 months after
          theatrical release”.
        </p>
      )}
      {draft.holdbacks.map((h, i) => {
        const f = (x: string) => err(`holdbacks[${i}].${x}`);
        const up = (patch: Partial<typeof h>) => update({ holdbacks: draft.holdbacks.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
        return (
          <div key={h.key} className="block-card block-card--holdback" role="group" aria-label={`Holdback ${i + 1}`}>
            <div className="block-head">
              <h3>Holdback {i + 1}</h3>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => update({ holdbacks: draft.holdbacks.filter((_, k) => k !== i) })}
              >
                Remove holdback {i + 1}
              </button>
            </div>
            <div className="form-grid">
              <TextField
                label="Description"
                error={f('description')}
                className="span-3"
                type="text"
                value={h.description}
                onChange={(v) => up({ description: v })}
                placeholder="e.g. No SVOD until 18 months after theatrical release"
              />
              <Field label="Territories" error={f('territories')} className="span-3">
                {(p) => <TerritoryInput {...p} value={h.territories} onChange={(v) => up({ territories: v })} />}
              </Field>
              <Field label="Media" error={f('media')} className="span-3">
                {(p) => <MediaPicker {...p} value={h.media} onChange={(v) => up({ media: v })} />}
              </Field>
              <TextField label="From" error={f('start')} type="date" value={h.start} onChange={(v) => up({ start: v })} />
              <TermEndField
                label="Until (inclusive)"
                name={`Holdback end ${i + 1}`}
                hint={h.end ? undefined : <strong className="perpetuity-note">No end date: perpetuity</strong>}
                date={h.end}
                condition={h.endCondition}
                onDate={(v) => up({ end: v })}
                onCondition={(c) => up({ endCondition: c })}
                error={f('end')}
                conditionError={(k) => f(k ? `endCondition.${k}` : 'endCondition')}
              />
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          update({
            holdbacks: [...draft.holdbacks, { key: key(), titleId: '', territories: '', media: '', start: '', end: '', description: '' }],
          })
        }
      >
        + Add holdback
      </button>
    </fieldset>
  );
}
