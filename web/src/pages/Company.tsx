/** A company's slate: its titles (and in what role), the territories it holds, its deals and its people; editors correct, merge or delete it. */
import { useState, type FormEvent } from 'react';
import { api, fieldError, requestWithStatus, withQuery } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { humanize } from '../lib/format';
import { useApi, useRecordEdits } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import type { BuyerList, CompanyView } from '../../../src/contract/index.js';
import { takeFlash } from '../lib/flash';
import { useForm } from '../lib/useForm';
import { DealList } from '../components/contracts';
import { RecordHead } from '../components/RecordActions';
import { RecordHistory, RecordLoadError } from '../components/RecordHistory';
import { ColumnHeads, DoneNotice, Empty, ErrorNote, Field, FormActions, Loading, Section, TextField, WordSelect } from '../components/ui';

type CompanyDetail = CompanyView;

const KINDS = ['distributor', 'sales-agent', 'production', 'streamer', 'broadcaster', 'exhibitor', 'other'];
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * A company's name, kind and country: a correction of `d`, or without it a new company (Companies,
 * "New company"). The server finds a company already on file under that name (accents, case and
 * punctuation aside) instead of making a second one; `onSaved` says which it was.
 */
export function CompanyForm({
  d,
  onSaved,
  onCancel,
}: {
  d?: CompanyDetail;
  onSaved: (saved: { id: string; name: string; created: boolean }) => void;
  onCancel: () => void;
}) {
  const countries = useCountries();
  const [name, setName] = useState(d?.name ?? '');
  const [kind, setKind] = useState<string>(d?.kind ?? '');
  const [country, setCountry] = useState(d?.country ?? '');
  const f = useForm();
  async function save(e: FormEvent) {
    e.preventDefault();
    let saved = { id: d?.id ?? '', name, created: false };
    const ok = await f.submit(async () => {
      if (d) {
        await api.patch(`/api/companies/${encodeURIComponent(d.id)}`, { name, kind, country: country || null });
        return;
      }
      if (!name.trim()) throw fieldError('name', 'Give the company’s name.');
      if (!kind) throw fieldError('kind', 'Choose what kind of company it is.');
      const r = await requestWithStatus<{ id: string; name: string }>('POST', '/api/companies', {
        name: name.trim(),
        kind,
        country: country || null,
      });
      saved = { id: r.data.id, name: r.data.name, created: r.status === 201 };
    });
    if (ok) onSaved(saved);
  }
  return (
    <form className="panel record-form" onSubmit={(e) => void save(e)} noValidate aria-label={d ? 'Company' : 'New company'}>
      <div className="form-grid">
        <TextField label="Name" error={f.err('name')} value={name} onChange={(v) => (setName(v), f.touch('name'))} />
        <Field label="Kind" error={f.err('kind')}>
          {(p) => (
            <WordSelect
              {...p}
              words={KINDS}
              none={d ? undefined : 'Choose…'}
              value={kind}
              onChange={(v) => (setKind(v), f.touch('kind'))}
            />
          )}
        </Field>
        <Field label="Country" error={f.err('country')}>
          {(p) => (
            <select {...p} value={country} onChange={(e) => (setCountry(e.target.value), f.touch('country'))}>
              <option value="">Not known</option>
              {countries.data?.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={d ? 'Save company' : 'Create company'} onCancel={onCancel} />
    </form>
  );
}

/** Market mode: the company's buyer page when it is a buyer; else, for editors, a way to make it one. */
function BuyerLink({ id, name, writable }: { id: string; name: string; writable: boolean }) {
  const buyers = useApi<BuyerList>(withQuery('/api/buyers', { q: name, pageSize: 50 }));
  if (!buyers.data) return null;
  if (buyers.data.items.some((b) => b.id === id))
    return (
      <>
        {' · '}
        <Link to={`/buyers/${encodeURIComponent(id)}`}>buyer page</Link>
      </>
    );
  return writable ? (
    <>
      {' · '}
      <Link to={withQuery('/buyers', { new: id, newName: name })}>make it a buyer</Link>
    </>
  ) : null;
}

export default function Company({ params }: { params: Record<string, string> }) {
  const c = useApi<CompanyDetail>(`/api/companies/${encodeURIComponent(params.id)}`);
  const countries = useCountries();
  const { user } = useAuth();
  const writable = canWrite(user);
  // a company just made from the list arrives with what was done ("Created.", or found on file)
  const { editing, setEditing, flash, setFlash, version, changed } = useRecordEdits(c.reload, takeFlash);
  if (c.error)
    return (
      <RecordLoadError
        error={c.error}
        retry={c.reload}
        crumb={<Link to="/companies">Companies</Link>}
        flash={flash}
        entity="companies"
        id={params.id}
        what="company"
        writable={writable}
        onRestored={() => changed('Restored.')}
        notFound={
          <Empty title="This company does not exist.">
            It may have been merged into another. <Link to="/companies">All companies</Link>
          </Empty>
        }
      />
    );
  if (!c.data) return <Loading what="Loading the company" />;
  const d = c.data;
  const titles = d.titles;
  const people = d.people;
  return (
    <div className="page page--wide">
      <RecordHead
        list={{ to: '/companies', label: 'Companies' }}
        sub={
          <p className="muted page-sub">
            {[humanize(d.kind), d.country ? (countries.byCode?.get(d.country) ?? d.country) : null].filter(Boolean).join(' · ')}
            <BuyerLink id={d.id} name={d.name} writable={writable} />
          </p>
        }
        writable={writable}
        editing={editing}
        onEdit={() => setEditing(true)}
        entity="companies"
        id={d.id}
        name={d.name}
        what="company"
        mergeHint="When the same company is on file twice (a spelling the name matching did not catch), pick the other record. Its contracts (as licensor, licensee or sales agent), negotiators, titles and releases move here, and it is deleted."
        onMerged={(m) => changed(m)}
        onDeleted={() => {
          setFlash(`${d.name} was deleted. Restore it below if that was a mistake.`);
          c.reload();
        }}
      />
      <DoneNotice message={flash} />
      {editing && (
        <CompanyForm d={d} onSaved={() => changed('Saved. The change is in the company’s history.')} onCancel={() => setEditing(false)} />
      )}
      <div className="grid-2">
        <Section title={`Slate (${titles.length})`}>
          {titles.length === 0 ? (
            <p className="muted">No title linked to this company.</p>
          ) : (
            <table className="data">
              <ColumnHeads columns={['Title', 'Role']} />
              <tbody>
                {titles.map((t, i) => {
                  const id = s(t.title.id);
                  const name = t.title.name;
                  const roles = s(t.role) ? [t.role] : [];
                  return (
                    <tr key={`${id ?? i}-${roles.join()}`}>
                      <td>{id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{name}</Link> : name}</td>
                      <td>{roles.map(humanize).join(', ') || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Section>
        <Section title={`People (${people.length})`}>
          {people.length === 0 ? (
            <p className="muted">No person recorded for this company.</p>
          ) : (
            <ul className="plain">
              {people.map((p, i) => {
                const pp = p.person;
                return (
                  <li key={s(pp.id) ?? i}>
                    <Link to={`/people/${encodeURIComponent(pp.id)}`}>{pp.name}</Link>
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
      </div>
      <Section title={`Deals (${d.contracts.length})`}>
        <DealList deals={d.contracts} empty="No deal with this company." />
      </Section>
      <RecordHistory entity="companies" id={d.id} version={version} />
    </div>
  );
}
