/** The buyer profile form: new (an existing company or a new one, with its first contacts) or a change to a buyer's profile. */
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { useForm } from '../../lib/useForm';
import { useCountries } from '../../lib/reference';
import type { BuyerView, ContactInput, Ref } from '../../../../src/contract/index.js';
import { BUYER_KINDS } from '../../../../src/domain/buyers.js';
import { EntityPicker } from '../../components/EntityPicker';
import { MediaPicker } from '../../components/MediaPicker';
import { TerritoryInput } from '../../components/TerritoryInput';
import { ErrorNote, Field, FormActions, TextField, WordSelect } from '../../components/ui';

/** Date languages offered first; any BCP 47 tag the server knows is accepted. */
const LOCALES = [
  ['en-GB', 'English (UK): 5 Dec 2026'],
  ['en-US', 'English (US): Dec 5, 2026'],
  ['fr-FR', 'French: 5 déc. 2026'],
  ['de-DE', 'German: 5. Dez. 2026'],
  ['es-ES', 'Spanish: 5 dic 2026'],
  ['it-IT', 'Italian: 5 dic 2026'],
  ['nl-NL', 'Dutch: 5 dec 2026'],
  ['pt-BR', 'Portuguese (Brazil): 5 de dez. de 2026'],
  ['ja-JP', 'Japanese: 2026/12/05'],
  ['zh-CN', 'Chinese: 2026年12月5日'],
] as const;

const emptyContact = (): ContactInput => ({ name: '', role: '', email: '', phone: '' });

export function BuyerForm({
  buyer,
  company: initialCompany = null,
  onSaved,
  onCancel,
}: {
  buyer?: BuyerView;
  /** A company on file to make a buyer (from its company page). */
  company?: Ref | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const countries = useCountries();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [company, setCompany] = useState<Ref | null>(initialCompany);
  const [companyName, setCompanyName] = useState('');
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState<string>(buyer?.kind ?? 'distributor');
  const [territories, setTerritories] = useState(buyer?.territories ?? '');
  const [media, setMedia] = useState(buyer?.media ?? '');
  const [genres, setGenres] = useState((buyer?.genres ?? []).join(', '));
  const [locale, setLocale] = useState(buyer?.locale ?? 'en-GB');
  const [notes, setNotes] = useState(buyer?.notes ?? '');
  const [contacts, setContacts] = useState<ContactInput[]>(buyer ? [] : [emptyContact()]);
  const f = useForm();

  const profile = () => ({
    kind,
    territories,
    media,
    genres: genres
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
    locale,
    notes: notes.trim() || null,
  });
  async function save(e: FormEvent) {
    e.preventDefault();
    let id = buyer?.id ?? '';
    const ok = await f.submit(async () => {
      if (buyer) {
        await api.patch(`/api/buyers/${encodeURIComponent(buyer.id)}`, { ...profile(), version: buyer.version });
        return;
      }
      const filled = contacts
        .filter((c) => c.name?.trim() || c.email?.trim() || c.phone?.trim())
        .map((c) => ({
          name: c.name?.trim() ?? '',
          role: c.role?.trim() || null,
          email: c.email?.trim() || null,
          phone: c.phone?.trim() || null,
        }));
      const made = await api.post<BuyerView>('/api/buyers', {
        ...(mode === 'existing' ? { companyId: company?.id ?? '' } : { company: { name: companyName, country: country || null } }),
        ...profile(),
        contacts: filled,
      });
      id = made.id;
    });
    if (ok) onSaved(id);
  }
  const setContact = (i: number, patch: Partial<ContactInput>) => setContacts((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <form className="panel record-form" onSubmit={(e) => void save(e)} noValidate aria-label={buyer ? 'Buyer profile' : 'New buyer'}>
      <div className="panel-body">
        {!buyer && (
          <fieldset className="field segmented">
            <legend>Company</legend>
            <label style={{ marginRight: 16 }}>
              <input type="radio" name="company-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} /> On file
            </label>
            <label>
              <input type="radio" name="company-mode" checked={mode === 'new'} onChange={() => setMode('new')} /> New company
            </label>
          </fieldset>
        )}
        <div className="form-grid">
          {!buyer && mode === 'existing' && (
            <Field label="Company" error={f.err('companyId')} className="span-2">
              {(p) => (
                <EntityPicker
                  {...p}
                  kind="companies"
                  value={company}
                  onChange={(v) => (setCompany(v), f.touch('companyId'))}
                  placeholder="Type the company’s name"
                />
              )}
            </Field>
          )}
          {!buyer && mode === 'new' && (
            <>
              <TextField
                type="text"
                label="Company name"
                error={f.err('company.name')}
                value={companyName}
                onChange={(v) => (setCompanyName(v), f.touch('company.name'))}
              />
              <Field label="Country" error={f.err('company.country')}>
                {(p) => (
                  <select {...p} value={country} onChange={(e) => setCountry(e.target.value)}>
                    <option value="">Not known</option>
                    {countries.data?.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
          <Field label="Kind of buyer" error={f.err('kind')}>
            {(p) => <WordSelect {...p} words={BUYER_KINDS} value={kind} onChange={(v) => (setKind(v), f.touch('kind'))} />}
          </Field>
          <Field label="Date language" error={f.err('locale')} hint="How dates are written on its avails sheets.">
            {(p) => (
              <select {...p} value={locale} onChange={(e) => (setLocale(e.target.value), f.touch('locale'))}>
                {!LOCALES.some(([l]) => l === locale) && <option value={locale}>{locale}</option>}
                {LOCALES.map(([l, label]) => (
                  <option key={l} value={l}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Buys for territories" error={f.err('territories')} className="span-2">
            {(p) => (
              <TerritoryInput
                {...p}
                value={territories}
                onChange={(v) => (setTerritories(v), f.touch('territories'))}
                placeholder="e.g. Benelux, France"
              />
            )}
          </Field>
          <Field label="Buys media" error={f.err('media')} className="span-2">
            {(p) => (
              <MediaPicker {...p} value={media} onChange={(v) => (setMedia(v), f.touch('media'))} placeholder="e.g. Theatrical, Free TV" />
            )}
          </Field>
          <TextField
            type="text"
            label="Genres"
            hint="Separated by commas, e.g. drama, documentary"
            error={f.err('genres')}
            value={genres}
            onChange={setGenres}
          />
          <Field label="Notes" error={f.err('notes')}>
            {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
          </Field>
        </div>
        {!buyer && (
          <fieldset className="panel">
            <legend className="panel-legend">Contacts</legend>
            {contacts.map((c, i) => (
              <div
                className="form-grid form-grid--2 contact-row"
                style={{ paddingBottom: 10, marginBottom: 10, borderBottom: '1px solid var(--line-2)' }}
                key={i}
                role="group"
                aria-label={`Contact ${i + 1}`}
              >
                <TextField
                  type="text"
                  label="Name"
                  error={f.err(`contacts[${i}].name`)}
                  value={c.name ?? ''}
                  onChange={(v) => setContact(i, { name: v })}
                />
                <TextField
                  type="text"
                  label="Role"
                  value={c.role ?? ''}
                  onChange={(v) => setContact(i, { role: v })}
                  placeholder="e.g. Head of acquisitions"
                />
                <TextField
                  label="E-mail"
                  type="text"
                  inputMode="email"
                  autoComplete="off"
                  error={f.err(`contacts[${i}].email`)}
                  value={c.email ?? ''}
                  onChange={(v) => setContact(i, { email: v })}
                />
                <TextField
                  label="Phone"
                  type="text"
                  inputMode="tel"
                  autoComplete="off"
                  error={f.err(`contacts[${i}].phone`)}
                  value={c.phone ?? ''}
                  onChange={(v) => setContact(i, { phone: v })}
                />
              </div>
            ))}
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setContacts((cs) => [...cs, emptyContact()])}>
              Add another contact
            </button>
          </fieldset>
        )}
        <ErrorNote error={f.formError} />
        <FormActions busy={f.busy} label={buyer ? 'Save profile' : 'Add buyer'} onCancel={onCancel} />
      </div>
    </form>
  );
}
