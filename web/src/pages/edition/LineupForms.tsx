/** The forms of an edition's line-up: a selection, an award, and a section's rename and delete. */
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import type { Ref } from '../../../../src/contract/index.js';
import { useForm } from '../../lib/useForm';
import { EntityPicker } from '../../components/EntityPicker';
import { ErrorNote, Field, FormActions, TextField, WordSelect } from '../../components/ui';
import type { Award, Selection } from './lineup';

const PREMIERES = ['world', 'international', 'north-american', 'european', 'national', 'other'];
const SLOTS = ['opening-night', 'closing-night', 'gala'];

export function SelectionForm({
  editionId,
  sections,
  sel,
  onDone,
  onCancel,
}: {
  editionId: string;
  sections: string[];
  sel?: Selection & { section: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState<Ref | null>(sel ? sel.title : null);
  const [d, setD] = useState({
    section: sel?.section ?? '',
    premiereStatus: sel?.premiereStatus ?? '',
    slot: sel?.slot ?? '',
    withdrawn: sel?.withdrawn ?? false,
    withdrawalReason: sel?.withdrawalReason ?? '',
  });
  const f = useForm();
  const set = (patch: Partial<typeof d>) => {
    setD({ ...d, ...patch });
    f.touch(...Object.keys(patch));
  };
  const listId = `sections-${sel?.id ?? 'new'}`;
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      section: d.section.trim() || null,
      premiereStatus: d.premiereStatus || null,
      slot: d.slot || null,
      withdrawn: d.withdrawn,
      withdrawalReason: d.withdrawn ? d.withdrawalReason.trim() || null : null,
    };
    const ok = await f.submit(() =>
      sel
        ? api.patch(`/api/selections/${encodeURIComponent(sel.id)}`, body)
        : api.post('/api/selections', { editionId, titleId: title?.id ?? '', ...body }),
    );
    if (ok) onDone();
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={sel ? `Change the selection of ${sel.title.name}` : 'Add a title to the line-up'}
    >
      <div className="form-grid">
        {!sel && (
          <Field label="Title" error={f.err('titleId')} className="span-2">
            {(p) => (
              <EntityPicker
                {...p}
                kind="titles"
                value={title}
                onChange={(t) => (setTitle(t), f.touch('titleId'))}
                placeholder="Type a title"
              />
            )}
          </Field>
        )}
        <Field label="Section" hint="Pick one or type a new one" error={f.err('section')}>
          {(p) => (
            <>
              <input
                {...p}
                type="text"
                list={listId}
                value={d.section}
                onChange={(e) => set({ section: e.target.value })}
                placeholder="e.g. Special Presentations"
              />
              <datalist id={listId}>
                {sections.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Premiere" error={f.err('premiereStatus')}>
          {(p) => (
            <WordSelect {...p} words={PREMIERES} none="Not stated" value={d.premiereStatus} onChange={(v) => set({ premiereStatus: v })} />
          )}
        </Field>
        <Field label="Slot" error={f.err('slot')}>
          {(p) => <WordSelect {...p} words={SLOTS} none="None" value={d.slot} onChange={(v) => set({ slot: v })} />}
        </Field>
        <div className="field field--check">
          <label>
            <input type="checkbox" checked={d.withdrawn} onChange={(e) => set({ withdrawn: e.target.checked })} /> Withdrawn
          </label>
        </div>
        {d.withdrawn && (
          <TextField
            label="Reason given for the withdrawal"
            error={f.err('withdrawalReason')}
            className="span-2"
            type="text"
            value={d.withdrawalReason}
            onChange={(v) => set({ withdrawalReason: v })}
            placeholder="e.g. technical reasons"
          />
        )}
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={sel ? 'Save selection' : 'Add to the line-up'} onCancel={onCancel} small />
    </form>
  );
}

export function AwardForm({
  editionId,
  award,
  onDone,
  onCancel,
}: {
  editionId: string;
  award?: Award;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(award?.name ?? '');
  const [title, setTitle] = useState<Ref | null>(award?.title ?? null);
  const [person, setPerson] = useState<Ref | null>(award?.person ?? null);
  const [tied, setTied] = useState(award?.tied ?? false);
  const f = useForm();
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = { name, titleId: title?.id ?? '', personId: person?.id ?? null, tied };
    if (
      await f.submit(() =>
        award ? api.patch(`/api/awards/${encodeURIComponent(award.id)}`, body) : api.post('/api/awards', { editionId, ...body }),
      )
    )
      onDone();
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={award ? `Change the award ${award.name}` : 'New award'}
    >
      <div className="form-grid">
        <TextField
          label="Award"
          error={f.err('name')}
          type="text"
          value={name}
          onChange={(v) => (setName(v), f.touch('name'))}
          placeholder="e.g. Jury Prize"
        />
        <Field label="Winning title" error={f.err('titleId')}>
          {(p) => (
            <EntityPicker
              {...p}
              kind="titles"
              value={title}
              onChange={(t) => (setTitle(t), f.touch('titleId'))}
              placeholder="Type a title"
            />
          )}
        </Field>
        <Field label="Person (optional)" error={f.err('personId')}>
          {(p) => (
            <EntityPicker
              {...p}
              kind="people"
              value={person}
              onChange={(x) => (setPerson(x), f.touch('personId'))}
              placeholder="e.g. for Best Director"
            />
          )}
        </Field>
        <div className="field field--check">
          <label>
            <input type="checkbox" checked={tied} onChange={(e) => setTied(e.target.checked)} /> Tied (shared with another winner)
          </label>
        </div>
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={award ? 'Save award' : 'Add award'} onCancel={onCancel} small />
    </form>
  );
}

/** Rename or delete a section (an empty one: the server says when it is not). */
export function SectionActions({ id, name, onChanged }: { id: string; name: string; onChanged: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [value, setValue] = useState(name);
  const f = useForm();
  if (renaming)
    return (
      <form
        className="input-with-button"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await f.submit(() => api.patch(`/api/sections/${encodeURIComponent(id)}`, { name: value }))) {
            setRenaming(false);
            onChanged();
          }
        }}
      >
        <TextField
          label={<span className="visually-hidden">New name of {name}</span>}
          error={f.err('name') ?? f.formError}
          type="text"
          value={value}
          onChange={(v) => setValue(v)}
        />
        <button type="submit" className="btn btn--small btn--primary" disabled={f.busy}>
          Rename
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setRenaming(false)}>
          Cancel
        </button>
      </form>
    );
  return (
    <>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setRenaming(true)}>
        Rename
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small btn--delete"
        aria-label={`Delete the section ${name}`}
        onClick={async () => {
          if (await f.submit(() => api.del(`/api/sections/${encodeURIComponent(id)}`))) onChanged();
        }}
      >
        Delete
      </button>
      {f.formError && <span className="field-error">{f.formError.replace(/^id: /, '')}</span>}
    </>
  );
}
