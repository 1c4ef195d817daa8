/** A person: credits and the deals they negotiated; editors correct, merge or delete the record. */
import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { humanize } from '../lib/format';
import { useApi, useRecordEdits } from '../lib/hooks';
import { Link } from '../lib/router';
import { useForm } from '../lib/useForm';
import { DealList } from '../components/contracts';
import { RecordHead } from '../components/RecordActions';
import { RecordHistory, RecordLoadError } from '../components/RecordHistory';
import { ColumnHeads, DoneNotice, Empty, ErrorNote, FormActions, Loading, Section, TextField } from '../components/ui';
import type { PersonView } from '../../../src/contract/index.js';

type PersonDetail = PersonView;
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function PersonForm({ d, onSaved, onCancel }: { d: PersonDetail; onSaved: () => void; onCancel: () => void }) {
  const [name, setName] = useState(d.name);
  const [sortName, setSortName] = useState(d.sortName ?? '');
  const f = useForm();
  async function save(e: FormEvent) {
    e.preventDefault();
    if (await f.submit(() => api.patch(`/api/people/${encodeURIComponent(d.id)}`, { name, sortName: sortName.trim() || null }))) onSaved();
  }
  return (
    <form className="panel record-form" onSubmit={(e) => void save(e)} noValidate aria-label="Person">
      <div className="form-grid form-grid--2">
        <TextField label="Name" error={f.err('name')} type="text" value={name} onChange={(v) => (setName(v), f.touch('name'))} />
        <TextField
          label="Sorted as"
          hint="e.g. Zhang Yimou keeps family name first"
          error={f.err('sortName')}
          type="text"
          value={sortName}
          onChange={(v) => (setSortName(v), f.touch('sortName'))}
        />
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={'Save person'} onCancel={onCancel} />
    </form>
  );
}

export default function Person({ params }: { params: Record<string, string> }) {
  const p = useApi<PersonDetail>(`/api/people/${encodeURIComponent(params.id)}`);
  const { user } = useAuth();
  const writable = canWrite(user);
  const { editing, setEditing, flash, setFlash, version, changed } = useRecordEdits(p.reload);
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
