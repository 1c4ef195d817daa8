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
import { useApi } from '../lib/hooks';
import { Link, navigate } from '../lib/router';
import type { Ref } from '../../../src/contract/index.js';
import { EntityPicker } from '../components/EntityPicker';
import { Empty, ErrorNote, Field, Loading, TextField, WordSelect } from '../components/ui';
import { CountriesInput } from '../components/CountriesInput';
import {
  body,
  COMPANY_ROLES,
  CREDIT_ROLES,
  draftOf,
  empty,
  isPending,
  key,
  pending,
  SERIES_STATUSES,
  STATUSES,
  TITLE_KINDS,
  type CompanyRole,
  type CreditRow,
  type Draft,
  type TitleDetailLike,
} from './title/titleDraft';

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
            (k === 'status' && e === 'productionStatus') ||
            (k === 'parent' && e === 'parentId')
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
            <TextField
              label="Original title"
              error={err('originalTitle')}
              className="span-2"
              type="text"
              value={draft.originalTitle}
              onChange={(v) => update({ originalTitle: v })}
              placeholder="As released in its country, e.g. 一秒钟"
            />
            <TextField
              label="English title"
              hint="Empty when it is the original title."
              error={err('englishTitle')}
              type="text"
              value={draft.englishTitle}
              onChange={(v) => update({ englishTitle: v })}
            />
            <TextField
              label="Year"
              error={err('year')}
              type="number"
              inputMode="numeric"
              value={draft.year}
              onChange={(v) => update({ year: v })}
              placeholder="e.g. 2020"
            />
            <TextField
              label="Runtime (minutes)"
              error={err('runtimeMinutes')}
              type="number"
              inputMode="numeric"
              value={draft.runtime}
              onChange={(v) => update({ runtime: v })}
            />
            <Field label="Production status" error={err('productionStatus')}>
              {(p) => <WordSelect {...p} words={STATUSES} none="Not known" value={draft.status} onChange={(v) => update({ status: v })} />}
            </Field>
            <Field label="Kind" error={err('kind')}>
              {(p) => <WordSelect {...p} words={TITLE_KINDS} value={draft.kind} onChange={(v) => update({ kind: v })} />}
            </Field>
            {['season', 'episode', 'volume'].includes(draft.kind) && (
              <>
                <Field label={draft.kind === 'episode' ? 'Season (or miniseries)' : 'Series'} error={err('parentId')}>
                  {(p) => (
                    <EntityPicker
                      {...p}
                      kind="titles"
                      value={draft.parent}
                      onChange={(parent) => update({ parent })}
                      placeholder="Type its name"
                    />
                  )}
                </Field>
                <TextField
                  label={`${draft.kind.charAt(0).toUpperCase()}${draft.kind.slice(1)} number`}
                  error={err('number')}
                  type="number"
                  inputMode="numeric"
                  value={draft.number}
                  onChange={(v) => update({ number: v })}
                />
              </>
            )}
            {['series', 'season', 'miniseries', 'volume'].includes(draft.kind) && (
              <>
                {draft.kind === 'series' && (
                  <>
                    <Field label="Series status" error={err('seriesStatus')}>
                      {(p) => (
                        <WordSelect
                          {...p}
                          words={SERIES_STATUSES}
                          none="Not known"
                          value={draft.seriesStatus}
                          onChange={(v) => update({ seriesStatus: v })}
                        />
                      )}
                    </Field>
                    <TextField
                      label="Seasons"
                      error={err('seasonCount')}
                      type="number"
                      inputMode="numeric"
                      value={draft.seasonCount}
                      onChange={(v) => update({ seasonCount: v })}
                    />
                  </>
                )}
                <TextField
                  label="Episodes"
                  error={err('episodeCount')}
                  type="number"
                  inputMode="numeric"
                  value={draft.episodeCount}
                  onChange={(v) => update({ episodeCount: v })}
                />
                <div className="field field--check">
                  <label>
                    <input type="checkbox" checked={draft.countsFinal} onChange={(e) => update({ countsFinal: e.target.checked })} /> Counts
                    are final (not estimated)
                  </label>
                </div>
              </>
            )}
            <Field label="Countries of production" error={err('countries')} className="span-2">
              {(p) => <CountriesInput {...p} value={draft.countries} onChange={(countries) => update({ countries })} />}
            </Field>
            <TextField
              label="Original languages"
              hint="Codes, e.g. zh, en"
              error={err('languages')}
              type="text"
              value={draft.languages}
              onChange={(v) => update({ languages: v })}
            />
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
                  {(p) => <WordSelect {...p} words={CREDIT_ROLES} value={c.role} onChange={(v) => setCredit(i, { role: v })} />}
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
                  <TextField label="Character" type="text" value={c.character} onChange={(v) => setCredit(i, { character: v })} />
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
            <TextField
              label="Source material"
              hint="e.g. original, novel, short story"
              error={err('sourceMaterial')}
              type="text"
              value={draft.sourceMaterial}
              onChange={(v) => update({ sourceMaterial: v })}
            />
            <TextField
              label="Source material note"
              hint="e.g. the novel’s title and author"
              error={err('sourceMaterialNote')}
              className="span-2"
              type="text"
              value={draft.sourceMaterialNote}
              onChange={(v) => update({ sourceMaterialNote: v })}
            />
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
