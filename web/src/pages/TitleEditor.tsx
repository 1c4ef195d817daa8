/**
 * Create or correct a title: its names, year, countries, languages, runtime,
 * status, story and source, its credits in billing order (add, remove, move
 * up and down) and its companies (production, co-production, sales agent,
 * distributor). A person or company typed that is not on file is created
 * when the title is saved, not before: leaving the page leaves nothing
 * behind. The server's error shows next to the field it names.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { setFlash } from '../lib/flash';
import { humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link, navigate } from '../lib/router';
import type { Ref } from '../../../src/contract/index.js';
import { EntityPicker } from '../components/EntityPicker';
import { Empty, ErrorNote, Field, Loading } from '../components/ui';

const CREDIT_ROLES = [
  'director',
  'writer',
  'cast',
  'producer',
  'executive-producer',
  'cinematographer',
  'editor',
  'composer',
  'other',
] as const;
const COMPANY_ROLES = [
  { role: 'production', label: 'Production companies' },
  { role: 'co-production', label: 'Co-producers' },
  { role: 'sales-agent', label: 'Sales agent' },
  { role: 'distributor', label: 'Distributors' },
] as const;
type CompanyRole = (typeof COMPANY_ROLES)[number]['role'];
const STATUSES = ['development', 'production', 'wrapped', 'released'];

export interface TitleDetailLike {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  languages?: string[];
  runtimeMinutes?: number | null;
  synopsis?: string | null;
  sourceMaterial?: string | null;
  sourceMaterialNote?: string | null;
  productionStatus?: string | null;
  aliases?: Array<{ alias: string; language?: string | null; kind?: string | null }>;
  credits: Array<{ role: string; person: Ref; character?: string | null }>;
  companies: Array<{ role: string; company: Ref }>;
}

let seq = 0;
const key = () => `c${++seq}`;

interface CreditRow {
  key: string;
  role: string;
  person: Ref | null;
  character: string;
}

interface Draft {
  originalTitle: string;
  englishTitle: string;
  year: string;
  runtime: string;
  status: string;
  countries: string[];
  languages: string;
  aliases: string;
  synopsis: string;
  sourceMaterial: string;
  sourceMaterialNote: string;
  credits: CreditRow[];
  companies: Record<CompanyRole, Ref[]>;
}

const empty = (): Draft => ({
  originalTitle: '',
  englishTitle: '',
  year: '',
  runtime: '',
  status: '',
  countries: [],
  languages: '',
  aliases: '',
  synopsis: '',
  sourceMaterial: '',
  sourceMaterialNote: '',
  credits: [{ key: key(), role: 'director', person: null, character: '' }],
  companies: { production: [], 'co-production': [], 'sales-agent': [], distributor: [] },
});

function draftOf(t: TitleDetailLike): Draft {
  const companies = empty().companies;
  for (const c of t.companies) if (c.role in companies) companies[c.role as CompanyRole].push(c.company);
  return {
    originalTitle: t.originalTitle,
    englishTitle: t.englishTitle ?? '',
    year: t.year ? String(t.year) : '',
    runtime: t.runtimeMinutes ? String(t.runtimeMinutes) : '',
    status: t.productionStatus ?? '',
    countries: t.countries,
    languages: (t.languages ?? []).join(', '),
    // aliases with a language or kind keep them: only the names are edited here
    aliases: (t.aliases ?? []).map((a) => a.alias).join('\n'),
    synopsis: t.synopsis ?? '',
    sourceMaterial: t.sourceMaterial ?? '',
    sourceMaterialNote: t.sourceMaterialNote ?? '',
    credits: t.credits.map((c) => ({ key: key(), role: c.role, person: c.person, character: c.character ?? '' })),
    companies,
  };
}

/** A person or company typed that is not on file yet: created with the title, on save. */
const pending = (name: string): Promise<Ref> => Promise.resolve({ id: `new:${name}`, name });
const isPending = (r: Ref) => r.id.startsWith('new:');

function body(d: Draft, original?: TitleDetailLike) {
  const oldAliases = new Map((original?.aliases ?? []).map((a) => [a.alias, a]));
  const companies = COMPANY_ROLES.flatMap(({ role }) =>
    d.companies[role].map((c) => (isPending(c) ? { name: c.name, role } : { companyId: c.id, role })),
  );
  return {
    originalTitle: d.originalTitle,
    englishTitle: d.englishTitle.trim() || null,
    year: d.year.trim() ? Number(d.year) : null,
    runtimeMinutes: d.runtime.trim() ? Number(d.runtime) : null,
    productionStatus: d.status || null,
    countries: d.countries,
    languages: d.languages.split(/[\s,;]+/).filter(Boolean),
    aliases: d.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => {
        const o = oldAliases.get(a);
        return o ? { alias: a, language: o.language ?? null, kind: o.kind ?? null } : a;
      }),
    synopsis: d.synopsis.trim() || null,
    sourceMaterial: d.sourceMaterial.trim() || null,
    sourceMaterialNote: d.sourceMaterialNote.trim() || null,
    credits: d.credits
      .filter((c) => c.person)
      .map((c) => ({
        ...(isPending(c.person!) ? { name: c.person!.name } : { personId: c.person!.id }),
        role: c.role,
        character: c.role === 'cast' ? c.character.trim() || null : null,
      })),
    companies,
  };
}

/** Countries as chips, added by typing a name (or code) from the list. */
function CountriesInput({
  value,
  onChange,
  ...p
}: {
  value: string[];
  onChange: (v: string[]) => void;
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const countries = useCountries();
  const [text, setText] = useState('');
  const listId = `${p.id}-countries`;
  function add(raw: string) {
    const t = raw.trim().toLowerCase();
    const hit = countries.data?.find((c) => c.name.toLowerCase() === t || c.code.toLowerCase() === t);
    if (!hit) return false;
    if (!value.includes(hit.code)) onChange([...value, hit.code]);
    setText('');
    return true;
  }
  return (
    <div className="combo">
      <div className="chips-input">
        {value.map((c) => (
          <span key={c} className="chip">
            {countries.byCode?.get(c) ?? c}
            <button
              type="button"
              className="chip-x"
              aria-label={`Remove ${countries.byCode?.get(c) ?? c}`}
              onClick={() => onChange(value.filter((x) => x !== c))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          {...p}
          type="text"
          list={listId}
          value={text}
          placeholder={value.length ? '' : 'Type a country'}
          onChange={(e) => {
            if (!add(e.target.value)) setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
            } else if (e.key === 'Backspace' && !text && value.length) onChange(value.slice(0, -1));
          }}
        />
        <datalist id={listId}>
          {countries.data?.map((c) => (
            <option key={c.code} value={c.name} />
          ))}
        </datalist>
      </div>
    </div>
  );
}

export default function TitleEditor({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const isNew = !id;
  const { user } = useAuth();
  const loaded = useApi<TitleDetailLike>(isNew ? null : `/api/titles/${encodeURIComponent(id)}`);
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded.data) setDraft(draftOf(loaded.data));
  }, [loaded.data]);

  if (!canWrite(user))
    return (
      <div className="page">
        <Empty title="Changing the catalog needs the editor role.">
          You can read every title in the <Link to="/catalog">catalog</Link>.
        </Empty>
      </div>
    );
  if (!isNew && loaded.error)
    return (
      <div className="page">
        <ErrorNote error={loaded.error} retry={loaded.reload} />
      </div>
    );
  if (!isNew && !loaded.data) return <Loading what="Loading the title" />;

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((x) => {
      const next = { ...x };
      for (const k of Object.keys(patch))
        for (const e of Object.keys(next))
          if (
            e === k ||
            e.startsWith(`${k}[`) ||
            (k === 'runtime' && e === 'runtimeMinutes') ||
            (k === 'status' && e === 'productionStatus')
          )
            delete next[e];
      return next;
    });
  };
  const setCredit = (i: number, patch: Partial<CreditRow>) => {
    update({ credits: draft.credits.map((c, k) => (k === i ? { ...c, ...patch } : c)) });
  };
  const move = (i: number, by: -1 | 1) => {
    const list = [...draft.credits];
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    update({ credits: list });
    requestAnimationFrame(() => document.getElementById(`credit-${list[j].key}-${by < 0 ? 'up' : 'down'}`)?.focus());
  };
  const err = (f: string) => errors[f];
  /** A credit's error, whichever of its fields the server named. */
  const creditErr = (i: number) => Object.entries(errors).find(([k]) => k === `credits[${i}]` || k.startsWith(`credits[${i}].`))?.[1];
  const sentCredits = draft.credits.map((c, i) => ({ c, i })).filter(({ c }) => c.person);
  /** Server indexes count only the credits sent (rows without a person are left out). */
  const rowOfSent = (n: number) => sentCredits[n]?.i ?? n;
  const companyRoleOf = (n: number): CompanyRole | undefined => {
    let k = n;
    for (const { role } of COMPANY_ROLES) {
      if (k < draft.companies[role].length) return role;
      k -= draft.companies[role].length;
    }
    return undefined;
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setFormError(undefined);
    setSaving(true);
    try {
      const payload = body(draft, loaded.data);
      const t = isNew
        ? await api.post<TitleDetailLike>('/api/titles', payload)
        : await api.patch<TitleDetailLike>(`/api/titles/${encodeURIComponent(id)}`, payload);
      setFlash(isNew ? `${t.englishTitle || t.originalTitle} was created.` : 'Saved. The change is in the title’s history.');
      navigate(`/titles/${encodeURIComponent(t.id)}`);
    } catch (x) {
      const a = x as ApiError;
      if (a.field) {
        let f = a.field;
        const credit = /^credits\[(\d+)\](.*)$/.exec(f);
        if (credit) f = `credits[${rowOfSent(Number(credit[1]))}]${credit[2]}`;
        const company = /^companies\[(\d+)\]/.exec(f);
        if (company) f = `companies.${companyRoleOf(Number(company[1])) ?? 'production'}`;
        if (/^countries\[/.test(f)) f = 'countries';
        if (/^aliases\[/.test(f)) f = 'aliases';
        if (/^languages\[/.test(f)) f = 'languages';
        setErrors({ [f]: fieldMessage(a.message, { dropSuggestions: false }) });
        setFormError(`Not saved. Check the field marked: ${fieldMessage(a.message)}`);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  }

  const name = loaded.data ? loaded.data.englishTitle || loaded.data.originalTitle : 'New title';
  return (
    <div className="page page--wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/catalog">Catalog</Link> <span aria-hidden="true">/</span>{' '}
        {loaded.data ? (
          <>
            <Link to={`/titles/${encodeURIComponent(id)}`}>{name}</Link> <span aria-hidden="true">/</span>{' '}
            <span aria-current="page">Edit</span>
          </>
        ) : (
          <span aria-current="page">New title</span>
        )}
      </nav>
      <div className="page-head">
        <h1>{isNew ? 'New title' : `Edit ${name}`}</h1>
      </div>
      <form className="title-form" onSubmit={(e) => void save(e)} noValidate aria-label="Title">
        <fieldset className="panel">
          <legend className="panel-legend">Title</legend>
          <div className="form-grid">
            <Field label="Original title" error={err('originalTitle')} className="span-2">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={draft.originalTitle}
                  onChange={(e) => update({ originalTitle: e.target.value })}
                  placeholder="As released in its country, e.g. 一秒钟"
                />
              )}
            </Field>
            <Field label="English title" hint="Empty when it is the original title." error={err('englishTitle')}>
              {(p) => <input {...p} type="text" value={draft.englishTitle} onChange={(e) => update({ englishTitle: e.target.value })} />}
            </Field>
            <Field label="Year" error={err('year')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  value={draft.year}
                  onChange={(e) => update({ year: e.target.value })}
                  placeholder="e.g. 2020"
                />
              )}
            </Field>
            <Field label="Runtime (minutes)" error={err('runtimeMinutes')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  value={draft.runtime}
                  onChange={(e) => update({ runtime: e.target.value })}
                />
              )}
            </Field>
            <Field label="Production status" error={err('productionStatus')}>
              {(p) => (
                <select {...p} value={draft.status} onChange={(e) => update({ status: e.target.value })}>
                  <option value="">Not known</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {humanize(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Countries of production" error={err('countries')} className="span-2">
              {(p) => <CountriesInput {...p} value={draft.countries} onChange={(countries) => update({ countries })} />}
            </Field>
            <Field label="Original languages" hint="Codes, e.g. zh, en" error={err('languages')}>
              {(p) => <input {...p} type="text" value={draft.languages} onChange={(e) => update({ languages: e.target.value })} />}
            </Field>
            <Field
              label="Also known as"
              hint="One name per line: working title, festival title, other languages."
              error={err('aliases')}
              className="span-3"
            >
              {(p) => <textarea {...p} rows={2} value={draft.aliases} onChange={(e) => update({ aliases: e.target.value })} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="panel">
          <legend className="panel-legend">Credits</legend>
          <p className="muted small">In billing order: within each role, the first listed is billed first.</p>
          {err('credits') && <p className="field-error">{err('credits')}</p>}
          <ol className="credit-list">
            {draft.credits.map((c, i) => (
              <li key={c.key} className="credit-row" aria-label={`Credit ${i + 1}`}>
                <Field label="Role">
                  {(p) => (
                    <select {...p} value={c.role} onChange={(e) => setCredit(i, { role: e.target.value })}>
                      {CREDIT_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {humanize(r)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Person" error={creditErr(i)}>
                  {(p) => (
                    <EntityPicker
                      {...p}
                      kind="people"
                      value={c.person}
                      onChange={(person) => setCredit(i, { person })}
                      placeholder="Type a name"
                      onCreate={pending}
                    />
                  )}
                </Field>
                {c.role === 'cast' ? (
                  <Field label="Character">
                    {(p) => <input {...p} type="text" value={c.character} onChange={(e) => setCredit(i, { character: e.target.value })} />}
                  </Field>
                ) : (
                  <div className="credit-spacer" />
                )}
                <div className="credit-actions">
                  <button
                    type="button"
                    id={`credit-${c.key}-up`}
                    className="btn btn--ghost btn--small"
                    aria-label={`Move credit ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`credit-${c.key}-down`}
                    className="btn btn--ghost btn--small"
                    aria-label={`Move credit ${i + 1} down`}
                    disabled={i === draft.credits.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    aria-label={`Remove credit ${i + 1}`}
                    onClick={() => update({ credits: draft.credits.filter((_, k) => k !== i) })}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn btn--small"
            onClick={() =>
              update({
                credits: [
                  ...draft.credits,
                  {
                    key: key(),
                    role: draft.credits.at(-1)?.role === 'director' ? 'cast' : (draft.credits.at(-1)?.role ?? 'director'),
                    person: null,
                    character: '',
                  },
                ],
              })
            }
          >
            + Add credit
          </button>
        </fieldset>

        <fieldset className="panel">
          <legend className="panel-legend">Companies</legend>
          <div className="form-grid form-grid--2">
            {COMPANY_ROLES.map(({ role, label }) => (
              <Field key={role} label={label} error={err(`companies.${role}`)}>
                {(p) => (
                  <EntityPicker
                    {...p}
                    kind="companies"
                    multiple
                    value={draft.companies[role]}
                    onChange={(v: Ref[]) => update({ companies: { ...draft.companies, [role]: v } } as Partial<Draft>)}
                    placeholder="Type a company"
                    onCreate={pending}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <fieldset className="panel">
          <legend className="panel-legend">Story and source</legend>
          <div className="form-grid">
            <Field label="Synopsis" error={err('synopsis')} className="span-3">
              {(p) => <textarea {...p} rows={4} value={draft.synopsis} onChange={(e) => update({ synopsis: e.target.value })} />}
            </Field>
            <Field label="Source material" hint="e.g. original, novel, short story" error={err('sourceMaterial')}>
              {(p) => (
                <input {...p} type="text" value={draft.sourceMaterial} onChange={(e) => update({ sourceMaterial: e.target.value })} />
              )}
            </Field>
            <Field
              label="Source material note"
              hint="e.g. the novel’s title and author"
              error={err('sourceMaterialNote')}
              className="span-2"
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={draft.sourceMaterialNote}
                  onChange={(e) => update({ sourceMaterialNote: e.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>

        {formError && (
          <div className="error-note" role="alert">
            {formError}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={saving}>
            {saving ? 'Saving…' : isNew ? 'Create title' : 'Save title'}
          </button>
          <Link to={isNew ? '/catalog' : `/titles/${encodeURIComponent(id)}`} className="btn btn--ghost">
            Cancel
          </Link>
          {(draft.credits.some((c) => c.person && isPending(c.person)) ||
            Object.values(draft.companies).some((l) => l.some(isPending))) && (
            <span className="muted small">New people and companies are added to the record when the title is saved.</span>
          )}
        </div>
      </form>
    </div>
  );
}
