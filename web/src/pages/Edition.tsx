/**
 * A festival edition's line-up by section, with awards, and for each title
 * its sales agent and which territories are sold, on hold or still free
 * today (not at the festival's dates): the acquisitions view a buyer walks a
 * festival with. Editors keep it: the edition's dates, sections, selections
 * (premiere, slot, withdrawn with the reason) and awards (ties), each deletion
 * with an Undo.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { formatDate, humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Ref } from '../../../src/contract/index.js';
import { useForm } from '../lib/useForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EntityPicker } from '../components/EntityPicker';
import { useUndo } from '../components/MarketEditors';
import { DeletedRecord, RecordHistory } from '../components/RecordHistory';
import { Empty, ErrorNote, Field, Loading, Section } from '../components/ui';
import { EditionForm, ordinal } from './Festivals';

interface Selection {
  id: string;
  title: Ref & { year?: number | null };
  premiereStatus: string | null;
  slot: string | null;
  withdrawn: boolean;
  withdrawalReason: string | null;
  salesAgent: Ref | null;
  soldLabel: string | null;
  freeLabel: string | null;
  heldLabel: string | null;
  awards: Array<{ id: string; name: string; tied: boolean }>;
}
interface Award {
  id: string;
  name: string;
  title: Ref;
  person: Ref | null;
  tied: boolean;
}
interface Lineup {
  edition: { id: string; number: number | null; year: number; start: string | null; end: string | null };
  festival: { id: string; name: string; shortName: string | null };
  /** The day the sold / on hold / free columns answer for (today), all media, exclusive. */
  availability?: { asOf: string; media: string; exclusive: boolean };
  sections: Array<{ id: string | null; name: string; selections: Selection[] }>;
  awards: Award[];
}

const PREMIERES = ['world', 'international', 'north-american', 'european', 'national', 'other'];
const SLOTS = ['opening-night', 'closing-night', 'gala'];

function SelectionForm({
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
            <select {...p} value={d.premiereStatus} onChange={(e) => set({ premiereStatus: e.target.value })}>
              <option value="">Not stated</option>
              {PREMIERES.map((x) => (
                <option key={x} value={x}>
                  {humanize(x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Slot" error={f.err('slot')}>
          {(p) => (
            <select {...p} value={d.slot} onChange={(e) => set({ slot: e.target.value })}>
              <option value="">None</option>
              {SLOTS.map((x) => (
                <option key={x} value={x}>
                  {humanize(x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field field--check">
          <label>
            <input type="checkbox" checked={d.withdrawn} onChange={(e) => set({ withdrawn: e.target.checked })} /> Withdrawn
          </label>
        </div>
        {d.withdrawn && (
          <Field label="Reason given for the withdrawal" error={f.err('withdrawalReason')} className="span-2">
            {(p) => (
              <input
                {...p}
                type="text"
                value={d.withdrawalReason}
                onChange={(e) => set({ withdrawalReason: e.target.value })}
                placeholder="e.g. technical reasons"
              />
            )}
          </Field>
        )}
      </div>
      <ErrorNote error={f.formError} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={f.busy}>
          {f.busy ? 'Saving…' : sel ? 'Save selection' : 'Add to the line-up'}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AwardForm({ editionId, award, onDone, onCancel }: { editionId: string; award?: Award; onDone: () => void; onCancel: () => void }) {
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
        <Field label="Award" error={f.err('name')}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={name}
              onChange={(e) => (setName(e.target.value), f.touch('name'))}
              placeholder="e.g. Jury Prize"
            />
          )}
        </Field>
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
      <div className="form-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={f.busy}>
          {f.busy ? 'Saving…' : award ? 'Save award' : 'Add award'}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Rename or delete a section (an empty one: the server says when it is not). */
function SectionActions({ id, name, onChanged }: { id: string; name: string; onChanged: () => void }) {
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
        <Field label={<span className="visually-hidden">New name of {name}</span>} error={f.err('name') ?? f.formError}>
          {(p) => <input {...p} type="text" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
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

export default function Edition({ params }: { params: Record<string, string> }) {
  const data = useApi<Lineup>(`/api/editions/${encodeURIComponent(params.id)}`);
  const { user } = useAuth();
  const writable = canWrite(user);
  const [mode, setMode] = useState<string>();
  const [version, setVersion] = useState(0);
  const [del, setDel] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [flash, setFlash] = useState<string>();
  const changed = (m?: string) => {
    setMode(undefined);
    setFlash(m);
    setVersion((v) => v + 1);
    data.reload();
  };
  const undo = useUndo(() => changed());
  if (data.error)
    return (
      <div className="page">
        {data.error.status === 404 ? (
          <>
            <nav className="crumbs" aria-label="Breadcrumb">
              <Link to="/festivals">Festivals</Link>
            </nav>
            {flash && (
              <div className="notice notice--good" role="status">
                {flash}
              </div>
            )}
            <DeletedRecord
              entity="festival_editions"
              id={params.id}
              what="edition"
              writable={writable}
              onRestored={() => changed('Restored.')}
              notFound={
                <Empty title="This edition does not exist.">
                  <Link to="/festivals">All festivals</Link>
                </Empty>
              }
            />
          </>
        ) : (
          <ErrorNote error={data.error} retry={data.reload} />
        )}
      </div>
    );
  if (!data.data) return <Loading what="Loading the line-up" />;
  const { edition, festival, sections, awards, availability } = data.data;
  const num = typeof edition.number === 'number' ? `${ordinal(edition.number)} ` : '';
  const fname = festival.name;
  const sectionNames = sections.filter((s) => s.id).map((s) => s.name);
  async function removeEdition() {
    setDel({ busy: true });
    try {
      await api.del(`/api/editions/${encodeURIComponent(edition.id)}`);
      setDel({ busy: false });
      setMode(undefined);
      setFlash(`The ${edition.year} edition was deleted. Restore it below if that was a mistake.`);
      data.reload();
    } catch (x) {
      setDel({ busy: false, error: (x as Error).message.replace(/^id: /, '') });
    }
  }
  async function removeSelection(s: Selection) {
    await api.del(`/api/selections/${encodeURIComponent(s.id)}`);
    undo.deleted('selections', s.id, `The selection of ${s.title.name}`);
    data.reload();
  }
  async function removeAward(a: Award) {
    await api.del(`/api/awards/${encodeURIComponent(a.id)}`);
    undo.deleted('awards', a.id, `The ${a.name} of ${a.title.name}`);
    data.reload();
  }
  return (
    <div className="page page--wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/festivals">Festivals</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/festivals/${encodeURIComponent(festival.id)}`}>{fname}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{edition.year}</span>
      </nav>
      <div className="page-head">
        <h1>
          {num}
          {fname} {edition.year}
        </h1>
        {edition.start && (
          <p className="muted page-sub">
            {formatDate(edition.start)} – {formatDate(edition.end)}
          </p>
        )}
        {writable && (
          <div className="page-actions">
            <button type="button" className="btn btn--primary" onClick={() => (undo.clear(), setMode('select'))}>
              + Add a title to the line-up
            </button>
            <button type="button" className="btn" onClick={() => setMode('edition')}>
              Edit edition
            </button>
            <button type="button" className="btn btn--ghost btn--delete" onClick={() => (setDel({ busy: false }), setMode('delete'))}>
              Delete edition…
            </button>
          </div>
        )}
      </div>
      {flash && (
        <div className="notice notice--good" role="status">
          {flash}
        </div>
      )}
      {undo.node}
      {mode === 'edition' && (
        <EditionForm festivalId={festival.id} e={edition} onSaved={() => changed('Saved.')} onCancel={() => setMode(undefined)} />
      )}
      {mode === 'select' && (
        <SelectionForm editionId={edition.id} sections={sectionNames} onDone={() => changed()} onCancel={() => setMode(undefined)} />
      )}
      {sections.length === 0 && (
        <Empty title="No line-up recorded for this edition.">
          {writable
            ? 'Add the titles selected with “Add a title to the line-up”.'
            : 'Selections come with imported articles or from an editor.'}
        </Empty>
      )}
      {sections.length > 0 && availability && (
        <p className="muted small lineup-asof">
          For each title: its sales agent, and the territories sold, on hold and still free{' '}
          <strong>today, {formatDate(availability.asOf)}</strong> (exclusive, {availability.media.toLowerCase()}), not at the festival: the
          same as the title page&rsquo;s map for today.
        </p>
      )}
      {sections.map((sec) => (
        <Section
          key={sec.id ?? 'none'}
          title={sec.name || 'Unassigned'}
          actions={writable && sec.id ? <SectionActions id={sec.id} name={sec.name} onChanged={() => changed()} /> : undefined}
        >
          {sec.selections.length === 0 && <p className="muted small">No title in this section.</p>}
          {sec.selections.length > 0 && (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Premiere</th>
                    <th scope="col">Sales agent</th>
                    <th scope="col">Sold today</th>
                    <th scope="col">On hold today</th>
                    <th scope="col">Still free today</th>
                    {writable && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {sec.selections.map((x) =>
                    mode === `sel:${x.id}` ? (
                      <tr key={x.id} className="detail-row">
                        <td colSpan={7}>
                          <SelectionForm
                            editionId={edition.id}
                            sections={sectionNames}
                            sel={{ ...x, section: sec.id ? sec.name : '' }}
                            onDone={() => changed()}
                            onCancel={() => setMode(undefined)}
                          />
                        </td>
                      </tr>
                    ) : (
                      <tr key={x.id} className={x.withdrawn ? 'is-withdrawn' : undefined}>
                        <td>
                          <Link to={`/titles/${encodeURIComponent(x.title.id)}`}>{x.title.name}</Link>
                          {x.title.year && <span className="muted"> ({x.title.year})</span>}
                          {x.slot ? <span className="badge badge--accent">{humanize(x.slot)}</span> : null}
                          {x.awards.map((a) => (
                            <div key={a.id} className="small">
                              <span className="award-mark" aria-hidden="true">
                                ★
                              </span>
                              {a.name}
                              {a.tied ? <span className="badge badge--accent">tied</span> : null}
                            </div>
                          ))}
                          {x.withdrawn ? (
                            <div className="small">
                              <span className="badge badge--bad">Withdrawn</span>{' '}
                              {x.withdrawalReason && <span className="muted">“{x.withdrawalReason}”</span>}
                            </div>
                          ) : null}
                        </td>
                        <td>{humanize(x.premiereStatus) || '—'}</td>
                        <td>
                          {x.salesAgent ? (
                            <Link to={`/companies/${encodeURIComponent(x.salesAgent.id)}`}>{x.salesAgent.name}</Link>
                          ) : (
                            <span className="muted">unknown</span>
                          )}
                        </td>
                        <td className="cell-wrap">{x.soldLabel || <span className="muted">nothing recorded</span>}</td>
                        <td className="cell-wrap">{x.heldLabel || <span className="muted">—</span>}</td>
                        <td className="cell-wrap">{x.freeLabel || <span className="muted">—</span>}</td>
                        {writable && (
                          <td className="row-actions">
                            <button
                              type="button"
                              className="btn btn--ghost btn--small"
                              aria-label={`Change the selection of ${x.title.name}`}
                              onClick={() => (undo.clear(), setMode(`sel:${x.id}`))}
                            >
                              Change
                            </button>
                            <button
                              type="button"
                              className="btn btn--ghost btn--small btn--delete"
                              aria-label={`Delete the selection of ${x.title.name}`}
                              onClick={() => void removeSelection(x)}
                            >
                              Delete
                            </button>
                          </td>
                        )}
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      ))}
      {(awards.length > 0 || writable) && (
        <Section
          title="Awards"
          id="awards"
          actions={
            writable && mode !== 'award' ? (
              <button type="button" className="btn btn--small" onClick={() => (undo.clear(), setMode('award'))}>
                + Add award
              </button>
            ) : undefined
          }
        >
          {awards.length === 0 && mode !== 'award' && <p className="muted small">No award recorded.</p>}
          {mode === 'award' && <AwardForm editionId={edition.id} onDone={() => changed()} onCancel={() => setMode(undefined)} />}
          <ul className="awards">
            {awards.map((a) =>
              mode === `award:${a.id}` ? (
                <li key={a.id}>
                  <AwardForm editionId={edition.id} award={a} onDone={() => changed()} onCancel={() => setMode(undefined)} />
                </li>
              ) : (
                <li key={a.id}>
                  <span className="award-mark" aria-hidden="true">
                    ★
                  </span>
                  <strong>{a.name}</strong>: <Link to={`/titles/${encodeURIComponent(a.title.id)}`}>{a.title.name}</Link>
                  {a.person && <span className="muted"> ({a.person.name})</span>}
                  {a.tied ? <span className="badge badge--accent">tied</span> : null}
                  {writable && (
                    <span className="row-actions">
                      {' '}
                      <button
                        type="button"
                        className="btn btn--ghost btn--small"
                        aria-label={`Change the award ${a.name} of ${a.title.name}`}
                        onClick={() => setMode(`award:${a.id}`)}
                      >
                        Change
                      </button>
                      <button
                        type="button"
                        className="btn btn--ghost btn--small btn--delete"
                        aria-label={`Delete the award ${a.name} of ${a.title.name}`}
                        onClick={() => void removeAward(a)}
                      >
                        Delete
                      </button>
                    </span>
                  )}
                </li>
              ),
            )}
          </ul>
        </Section>
      )}
      <RecordHistory entity="festival_editions" id={edition.id} version={version} title="History of this edition" />
      <ConfirmDialog
        open={mode === 'delete'}
        title={`Delete the ${edition.year} edition of ${fname}?`}
        confirmLabel="Delete edition"
        busy={del.busy}
        error={del.error}
        onConfirm={() => void removeEdition()}
        onCancel={() => setMode(undefined)}
      >
        <p>
          Only an edition without selections, awards or deals made there can be deleted; its sections go with it. It can be restored from
          its history.
        </p>
      </ConfirmDialog>
    </div>
  );
}
