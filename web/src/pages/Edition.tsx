/**
 * A festival edition's line-up by section, with awards, and for each title
 * its sales agent and which territories are sold, on hold or still free
 * today (not at the festival's dates): the acquisitions view a buyer walks a
 * festival with. Editors keep it: the edition's dates, sections, selections
 * (premiere, slot, withdrawn with the reason) and awards (ties), each deletion
 * with an Undo.
 */
import { useState } from 'react';
import { api } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { formatDate, humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useUndo } from '../components/MarketEditors';
import { RecordHistory, RecordLoadError } from '../components/RecordHistory';
import { ACTIONS_COLUMN, ChangeDelete, ColumnHeads, DoneNotice, Empty, Loading, Section } from '../components/ui';
import { EditionForm, ordinal } from './Festivals';
import { AwardForm, SectionActions, SelectionForm } from './edition/LineupForms';
import type { Award, Lineup, Selection } from './edition/lineup';
import { EditionMarket } from './market/EditionMarket';

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
      <RecordLoadError
        error={data.error}
        retry={data.reload}
        crumb={<Link to="/festivals">Festivals</Link>}
        flash={flash}
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
      <DoneNotice message={flash} />
      {undo.node}
      {mode === 'edition' && (
        <EditionForm festivalId={festival.id} e={edition} onSaved={() => changed('Saved.')} onCancel={() => setMode(undefined)} />
      )}
      {mode === 'select' && (
        <SelectionForm editionId={edition.id} sections={sectionNames} onDone={() => changed()} onCancel={() => setMode(undefined)} />
      )}
      <EditionMarket editionId={edition.id} start={edition.start} end={edition.end} writable={writable} />
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
                <ColumnHeads
                  columns={[
                    'Title',
                    'Premiere',
                    'Sales agent',
                    'Sold today',
                    'On hold today',
                    'Still free today',
                    writable && ACTIONS_COLUMN,
                  ]}
                />
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
                            <ChangeDelete
                              what={`the selection of ${x.title.name}`}
                              onChange={() => (undo.clear(), setMode(`sel:${x.id}`))}
                              onDelete={() => void removeSelection(x)}
                            />
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
                      <ChangeDelete
                        what={`the award ${a.name} of ${a.title.name}`}
                        onChange={() => setMode(`award:${a.id}`)}
                        onDelete={() => void removeAward(a)}
                      />
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
