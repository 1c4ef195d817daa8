/** A buyer's contacts: listed (cards on a phone), added, changed and deleted; a contact may be linked to a person record. */
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { useForm } from '../../lib/useForm';
import { Link } from '../../lib/router';
import type { ContactView, Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { ACTIONS_COLUMN, ChangeDelete, ColumnHeads, ErrorNote, Field, FormActions, Section, TextField } from '../../components/ui';

function ContactForm({ buyerId, contact, onDone }: { buyerId: string; contact?: ContactView; onDone: (saved: boolean) => void }) {
  const [person, setPerson] = useState<Ref | null>(contact?.person ?? null);
  const [name, setName] = useState(contact?.name ?? '');
  const [role, setRole] = useState(contact?.role ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const f = useForm();
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      personId: person?.id ?? null,
      name: name.trim() || person?.name || '',
      role: role.trim() || null,
      email: email.trim() || null,
      phone: phone.trim() || null,
    };
    const base = `/api/buyers/${encodeURIComponent(buyerId)}/contacts`;
    if (await f.submit(() => (contact ? api.patch(`${base}/${encodeURIComponent(contact.id)}`, body) : api.post(base, body)))) onDone(true);
  }
  return (
    <form
      className="panel record-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={contact ? `Contact ${contact.name}` : 'New contact'}
    >
      <div className="panel-body">
        <div className="form-grid">
          <Field label="Person on file" hint="Optional: link a person already in filmrights." error={f.err('personId')}>
            {(p) => <EntityPicker {...p} kind="people" value={person} onChange={setPerson} placeholder="Type a name" />}
          </Field>
          <TextField
            type="text"
            label="Name"
            error={f.err('name')}
            value={name}
            onChange={(v) => (setName(v), f.touch('name'))}
            placeholder={person?.name}
          />
          <TextField
            type="text"
            label="Role"
            error={f.err('role')}
            value={role}
            onChange={setRole}
            placeholder="e.g. Head of acquisitions"
          />
          <TextField
            label="E-mail"
            type="text"
            inputMode="email"
            autoComplete="off"
            error={f.err('email')}
            value={email}
            onChange={(v) => (setEmail(v), f.touch('email'))}
          />
          <TextField
            label="Phone"
            type="text"
            inputMode="tel"
            autoComplete="off"
            error={f.err('phone')}
            value={phone}
            onChange={(v) => (setPhone(v), f.touch('phone'))}
          />
        </div>
        <ErrorNote error={f.formError} />
        <FormActions busy={f.busy} label={contact ? 'Save contact' : 'Add contact'} onCancel={() => onDone(false)} small />
      </div>
    </form>
  );
}

export function Contacts({
  buyerId,
  contacts,
  writable,
  onChanged,
}: {
  buyerId: string;
  contacts: ContactView[];
  writable: boolean;
  onChanged: (what: string) => void;
}) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<Error>();
  async function remove(c: ContactView) {
    setError(undefined);
    try {
      await api.del(`/api/buyers/${encodeURIComponent(buyerId)}/contacts/${encodeURIComponent(c.id)}`);
      onChanged(`${c.name} was removed from the contacts.`);
    } catch (e) {
      setError(e as Error);
    }
  }
  const done = (saved: boolean, what: string) => {
    setEditing(null);
    if (saved) onChanged(what);
  };
  return (
    <Section
      title={`Contacts (${contacts.length})`}
      actions={
        writable && editing === null ? (
          <button type="button" className="btn btn--small" onClick={() => setEditing('new')}>
            Add contact
          </button>
        ) : undefined
      }
    >
      <ErrorNote error={error} />
      {editing === 'new' && <ContactForm buyerId={buyerId} onDone={(s) => done(s, 'Contact added.')} />}
      {contacts.length === 0 && editing !== 'new' ? (
        <p className="muted">No contact yet. {writable ? 'Add the people you meet: their role, e-mail and phone.' : ''}</p>
      ) : (
        <div className="table-wrap">
          <table className="data data--stack">
            <ColumnHeads columns={['Name', 'Role', 'E-mail', 'Phone', writable && ACTIONS_COLUMN]} />
            <tbody>
              {contacts.map((c) =>
                editing === c.id ? (
                  <tr key={c.id}>
                    <td colSpan={5}>
                      <ContactForm buyerId={buyerId} contact={c} onDone={(s) => done(s, 'Contact saved.')} />
                    </td>
                  </tr>
                ) : (
                  <tr key={c.id}>
                    <td data-label="Name">{c.person ? <Link to={`/people/${encodeURIComponent(c.person.id)}`}>{c.name}</Link> : c.name}</td>
                    <td data-label="Role">{c.role ?? '—'}</td>
                    <td data-label="E-mail">{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</td>
                    <td data-label="Phone">{c.phone ? <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a> : '—'}</td>
                    {writable && (
                      <td className="row-actions">
                        <ChangeDelete what={`contact ${c.name}`} onChange={() => setEditing(c.id)} onDelete={() => void remove(c)} />
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
  );
}
