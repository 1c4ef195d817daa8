/**
 * Festivals and markets with their editions; /festivals/:id opens one
 * festival. Editors add a festival, correct it, add an edition (then its
 * line-up on the edition's page) and delete what nothing refers to.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { formatDate, humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link, navigate } from '../lib/router';
import type { Page } from '../../../src/contract/index.js';
import { useForm } from '../lib/useForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DeletedRecord, RecordHistory } from '../components/RecordHistory';
import { DoneNotice, Empty, ErrorNote, Field, FormActions, Loading, Section, TextField } from '../components/ui';

interface Edition {
  id: string;
  number?: number | null;
  year: number;
  start?: string | null;
  end?: string | null;
}
interface Festival {
  id: string;
  name: string;
  shortName?: string | null;
  aliases?: string[];
  kind?: string;
  city?: string | null;
  country?: string | null;
  editions?: Edition[];
}

export function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

function Editions({ f }: { f: Festival }) {
  const eds = [...(f.editions ?? [])].sort((a, b) => b.year - a.year);
  if (!eds.length) return <p className="muted small">No edition recorded.</p>;
  return (
    <ul className="editions">
      {eds.map((e) => (
        <li key={e.id}>
          <Link to={`/editions/${encodeURIComponent(e.id)}`}>
            {e.number ? `${ordinal(e.number)} · ` : ''}
            {e.year}
          </Link>
          {e.start && <span className="muted small"> {formatDate(e.start)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A festival's fields, for a new one or a correction. */
function FestivalForm({ f, onSaved, onCancel }: { f?: Festival; onSaved: (id: string) => void; onCancel: () => void }) {
  const countries = useCountries();
  const [d, setD] = useState({
    name: f?.name ?? '',
    shortName: f?.shortName ?? '',
    aliases: (f?.aliases ?? []).join('\n'),
    kind: f?.kind ?? 'festival',
    city: f?.city ?? '',
    country: f?.country ?? '',
  });
  const form = useForm();
  const set = (patch: Partial<typeof d>) => {
    setD({ ...d, ...patch });
    form.touch(...Object.keys(patch));
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: d.name,
      shortName: d.shortName.trim() || null,
      aliases: d.aliases
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
      kind: d.kind,
      city: d.city.trim() || null,
      country: d.country || null,
    };
    let id = f?.id ?? '';
    const ok = await form.submit(
      async () => {
        const r = f
          ? await api.patch<Festival>(`/api/festivals/${encodeURIComponent(f.id)}`, body)
          : await api.post<Festival>('/api/festivals', body);
        id = r.id;
      },
      (x) => (x.startsWith('aliases') ? 'aliases' : x),
    );
    if (ok) onSaved(id);
  }
  return (
    <form className="panel record-form" onSubmit={(e) => void save(e)} noValidate aria-label={f ? 'Festival' : 'New festival'}>
      <div className="form-grid">
        <TextField
          label="Name"
          error={form.err('name')}
          className="span-2"
          type="text"
          value={d.name}
          onChange={(v) => set({ name: v })}
          placeholder="e.g. Toronto International Film Festival"
        />
        <TextField
          label="Short name"
          error={form.err('shortName')}
          type="text"
          value={d.shortName}
          onChange={(v) => set({ shortName: v })}
          placeholder="e.g. TIFF"
        />
        <Field label="Kind" error={form.err('kind')}>
          {(p) => (
            <select {...p} value={d.kind} onChange={(e) => set({ kind: e.target.value })}>
              <option value="festival">Festival</option>
              <option value="market">Market</option>
              <option value="awards">Awards ceremony</option>
            </select>
          )}
        </Field>
        <TextField label="City" error={form.err('city')} type="text" value={d.city} onChange={(v) => set({ city: v })} />
        <Field label="Country" error={form.err('country')}>
          {(p) => (
            <select {...p} value={d.country} onChange={(e) => set({ country: e.target.value })}>
              <option value="">Not known</option>
              {countries.data?.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Other names" hint="One per line, e.g. Berlinale" error={form.err('aliases')} className="span-3">
          {(p) => <textarea {...p} rows={2} value={d.aliases} onChange={(e) => set({ aliases: e.target.value })} />}
        </Field>
      </div>
      <ErrorNote error={form.failure} />
      <FormActions busy={form.busy} label={f ? 'Save festival' : 'Add festival'} onCancel={onCancel} />
    </form>
  );
}

/** An edition's number, year and dates, for a new one or a correction. */
export function EditionForm({
  festivalId,
  e,
  onSaved,
  onCancel,
}: {
  festivalId: string;
  e?: Edition;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState({
    year: e ? String(e.year) : String(new Date().getFullYear()),
    number: e?.number ? String(e.number) : '',
    start: e?.start ?? '',
    end: e?.end ?? '',
  });
  const form = useForm();
  const set = (patch: Partial<typeof d>) => {
    setD({ ...d, ...patch });
    form.touch(...Object.keys(patch));
  };
  async function save(ev: FormEvent) {
    ev.preventDefault();
    const body = { year: Number(d.year), number: d.number.trim() ? Number(d.number) : null, start: d.start || null, end: d.end || null };
    let id = e?.id ?? '';
    const ok = await form.submit(async () => {
      const r = e
        ? await api.patch<Edition>(`/api/editions/${encodeURIComponent(e.id)}`, body)
        : await api.post<Edition>('/api/editions', { festivalId, ...body });
      id = r.id;
    });
    if (ok) onSaved(id);
  }
  return (
    <form className="inline-form record-form" onSubmit={(ev) => void save(ev)} noValidate aria-label={e ? 'Edition' : 'New edition'}>
      <div className="form-grid">
        <Field label="Year" error={form.err('year')}>
          {(p) => <input {...p} type="number" inputMode="numeric" value={d.year} onChange={(x) => set({ year: x.target.value })} />}
        </Field>
        <Field label="Edition number" hint="e.g. 46 for the 46th" error={form.err('number')}>
          {(p) => <input {...p} type="number" inputMode="numeric" value={d.number} onChange={(x) => set({ number: x.target.value })} />}
        </Field>
        <div />
        <Field label="First day" error={form.err('start')}>
          {(p) => <input {...p} type="date" value={d.start} onChange={(x) => set({ start: x.target.value })} />}
        </Field>
        <Field label="Last day" error={form.err('end')}>
          {(p) => <input {...p} type="date" value={d.end} onChange={(x) => set({ end: x.target.value })} />}
        </Field>
      </div>
      <ErrorNote error={form.formError} />
      <FormActions busy={form.busy} label={e ? 'Save edition' : 'Add edition'} onCancel={onCancel} small />
    </form>
  );
}

function OneFestival({ id }: { id: string }) {
  const single = useApi<Festival>(`/api/festivals/${encodeURIComponent(id)}`);
  const { user } = useAuth();
  const writable = canWrite(user);
  const [mode, setMode] = useState<'edit' | 'edition' | 'delete'>();
  const [flash, setFlash] = useState<string>();
  const [version, setVersion] = useState(0);
  const [del, setDel] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const changed = (m?: string) => {
    setFlash(m);
    setMode(undefined);
    setVersion((v) => v + 1);
    single.reload();
  };
  if (single.error)
    return single.error.status === 404 ? (
      <>
        <DoneNotice message={flash} />
        <DeletedRecord
          entity="festivals"
          id={id}
          what="festival"
          writable={writable}
          onRestored={() => changed('Restored.')}
          notFound={
            <Empty title="This festival does not exist.">
              <Link to="/festivals">All festivals</Link>
            </Empty>
          }
        />
      </>
    ) : (
      <ErrorNote error={single.error} retry={single.reload} />
    );
  if (!single.data) return <Loading what="Loading the festival" />;
  const f = single.data;
  async function remove() {
    setDel({ busy: true });
    try {
      await api.del(`/api/festivals/${encodeURIComponent(f.id)}`);
      setMode(undefined);
      setDel({ busy: false });
      setFlash(`${f.name} was deleted. Restore it below if that was a mistake.`);
      single.reload();
    } catch (x) {
      setDel({ busy: false, error: (x as Error).message.replace(/^id: /, '') });
    }
  }
  return (
    <>
      <div className="page-head">
        <h1>{f.name}</h1>
        <p className="muted page-sub">
          {[humanize(f.kind), f.city, f.shortName && f.shortName !== f.name ? `“${f.shortName}”` : null].filter(Boolean).join(' · ')}
        </p>
        {writable && (
          <div className="page-actions">
            <button type="button" className="btn btn--primary" onClick={() => setMode('edition')}>
              + Add edition
            </button>
            <button type="button" className="btn" onClick={() => setMode('edit')}>
              Edit festival
            </button>
            <button type="button" className="btn btn--ghost btn--delete" onClick={() => (setDel({ busy: false }), setMode('delete'))}>
              Delete festival…
            </button>
          </div>
        )}
      </div>
      <DoneNotice message={flash} />
      {mode === 'edit' && (
        <FestivalForm
          f={f}
          onSaved={() => changed('Saved. The change is in the festival’s history.')}
          onCancel={() => setMode(undefined)}
        />
      )}
      {mode === 'edition' && (
        <EditionForm
          festivalId={f.id}
          onSaved={(eid) => navigate(`/editions/${encodeURIComponent(eid)}`)}
          onCancel={() => setMode(undefined)}
        />
      )}
      <Section title="Editions">
        <Editions f={f} />
      </Section>
      <RecordHistory entity="festivals" id={f.id} version={version} />
      <ConfirmDialog
        open={mode === 'delete'}
        title={`Delete ${f.name}?`}
        confirmLabel="Delete festival"
        busy={del.busy}
        error={del.error}
        onConfirm={() => void remove()}
        onCancel={() => setMode(undefined)}
      >
        <p>
          Only a festival without editions can be deleted: delete its editions first (an edition with a line-up, awards or deals says so).
          It can be restored from its history.
        </p>
      </ConfirmDialog>
    </>
  );
}

export default function Festivals({ params }: { params: Record<string, string> }) {
  const one = params.id;
  const list = useApi<Festival[] | Page<Festival>>(one ? null : '/api/festivals');
  const { user } = useAuth();
  const [adding, setAdding] = useState(false);
  if (one)
    return (
      <div className="page">
        <nav className="crumbs" aria-label="Breadcrumb">
          <Link to="/festivals">Festivals</Link>
        </nav>
        <OneFestival id={one} />
      </div>
    );
  const festivals = Array.isArray(list.data) ? list.data : (list.data?.items ?? []);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Festivals and markets</h1>
        {canWrite(user) && (
          <div className="page-actions">
            <button type="button" className="btn btn--primary" onClick={() => setAdding(true)} disabled={adding}>
              New festival
            </button>
          </div>
        )}
      </div>
      {adding && <FestivalForm onSaved={(id) => navigate(`/festivals/${encodeURIComponent(id)}`)} onCancel={() => setAdding(false)} />}
      <ErrorNote error={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading what="Loading festivals" />}
      {list.data && festivals.length === 0 && (
        <Empty title="No festival recorded.">Add one with “New festival”; line-ups also come with imported articles.</Empty>
      )}
      <div className="cards">
        {festivals.map((f) => (
          <Section key={f.id} title={<Link to={`/festivals/${encodeURIComponent(f.id)}`}>{f.name}</Link>}>
            <p className="muted small">
              {[humanize(f.kind), f.city, f.shortName && f.shortName !== f.name ? `“${f.shortName}”` : null].filter(Boolean).join(' · ')}
            </p>
            <Editions f={f} />
          </Section>
        ))}
      </div>
    </div>
  );
}
