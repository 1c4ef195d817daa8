/** A person: credits and the deals they negotiated; editors correct, merge or delete the record. */
import { useState, type FormEvent } from 'react';
import { api, fieldError, requestWithStatus } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { humanize } from '../lib/format';
import { useApi, useRecordEdits } from '../lib/hooks';
import { Link } from '../lib/router';
import { takeFlash } from '../lib/flash';
import { useForm } from '../lib/useForm';
import { DealList } from '../components/contracts';
import { RecordHead } from '../components/RecordActions';
import { RecordHistory, RecordLoadError } from '../components/RecordHistory';
import { ColumnHeads, DoneNotice, Empty, ErrorNote, FormActions, Loading, Section, TextField } from '../components/ui';
import type { PersonView } from '../../../src/contract/index.js';

type PersonDetail = PersonView;
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * A person's name and sort name: a correction of `d`, or without it a new person (People, "New
 * person"). The server finds a person already on file under that name instead of making a second
 * one; `onSaved` says which it was.
 */
export function PersonForm({
  d,
  onSaved,
  onCancel,
}: {
  d?: PersonDetail;
  onSaved: (saved: { id: string; name: string; created: boolean }) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(d?.name ?? '');
  const [sortName, setSortName] = useState(d?.sortName ?? '');
  const f = useForm();
  async function save(e: FormEvent) {
    e.preventDefault();
    let saved = { id: d?.id ?? '', name, created: false };
    const ok = await f.submit(async () => {
      if (d) {
        await api.patch(`/api/people/${encodeURIComponent(d.id)}`, { name, sortName: sortName.trim() || null });
        return;
      }
      if (!name.trim()) throw fieldError('name', 'Give the person’s name.');
      const r = await requestWithStatus<{ id: string; name: string }>('POST', '/api/people', {
        name: name.trim(),
        sortName: sortName.trim() || null,
      });
      saved = { id: r.data.id, name: r.data.name, created: r.status === 201 };
    });
    if (ok) onSaved(saved);
  }
  return (
    <form className="panel record-form" onSubmit={(e) => void save(e)} noValidate aria-label={d ? 'Person' : 'New person'}>
      <div className="form-grid form-grid--2">
        <TextField label="Name" error={f.err('name')} value={name} onChange={(v) => (setName(v), f.touch('name'))} />
        <TextField
          label="Sorted as"
          hint="e.g. Zhang Yimou keeps family name first"
          error={f.err('sortName')}
          value={sortName}
          onChange={(v) => (setSortName(v), f.touch('sortName'))}
        />
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={d ? 'Save person' : 'Create person'} onCancel={onCancel} />
    </form>
  );
}

export default function Person({ params }: { params: Record<string, string> }) {
  const p = useApi<PersonDetail>(`/api/people/${encodeURIComponent(params.id)}`);
  const { user } = useAuth();
  const writable = canWrite(user);
  // a person just made from the list arrives with what was done ("Created.", or found on file)
  const { editing, setEditing, flash, setFlash, version, changed } = useRecordEdits(p.reload, takeFlash);
  if (p.error)
    return (
      <RecordLoadError
        error={p.error}
        retry={p.reload}
        crumb={<Link to="/people">People</Link>}
        flash={flash}
        entity="people"
        id={params.id}
        what="person"
        writable={writable}
        onRestored={() => changed('Restored.')}
        notFound={
          <Empty title="This person does not exist.">
            They may have been merged into another record. <Link to="/people">All people</Link>
          </Empty>
        }
      />
    );
  if (!p.data) return <Loading what="Loading" />;
  const d = p.data;
  const credits = d.credits;
  const deals = d.deals;
  return (
    <div className="page page--wide">
      <RecordHead
        list={{ to: '/people', label: 'People' }}
        writable={writable}
        editing={editing}
        onEdit={() => setEditing(true)}
        entity="people"
        id={d.id}
        name={d.name}
        what="person"
        mergeHint="When the same person is on file twice (“Yimou Zhang” and “Zhang Yimou”), pick the other record. Their credits, the deals they negotiated and their awards move here, and the other record is deleted."
        onMerged={(m) => changed(m)}
        onDeleted={() => {
          setFlash(`${d.name} was deleted. Restore the record below if that was a mistake.`);
          p.reload();
        }}
      />
      <DoneNotice message={flash} />
      {editing && <PersonForm d={d} onSaved={() => changed('Saved. The change is in the history.')} onCancel={() => setEditing(false)} />}
      <Section title={`Credits (${credits.length})`}>
        {credits.length === 0 ? (
          <p className="muted">No credit recorded.</p>
        ) : (
          <table className="data">
            <ColumnHeads columns={['Title', 'Year', 'Role']} />
            <tbody>
              {credits.map((c, i) => {
                const t = c.title;
                const id = s(t.id);
                const name = t.name;
                return (
                  <tr key={i}>
                    <td>{id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{name}</Link> : name}</td>
                    <td className="num">{s(t.year) ?? '—'}</td>
                    <td>
                      {humanize(c.role)}
                      {s(c.character) && <span className="muted"> ({s(c.character)})</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={`Deals negotiated (${deals.length})`}>
        <DealList deals={deals} withLabel="For" empty="No deal negotiated by this person on record." />
      </Section>
      <RecordHistory entity="people" id={d.id} version={version} />
    </div>
  );
}
