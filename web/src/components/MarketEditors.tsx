/**
 * A title's releases and box office, per territory, with add, change and
 * delete for editors. A deletion says so with an Undo (the record's history
 * keeps it), rather than asking first.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../lib/api';
import { formatDate, formatMoney, humanize } from '../lib/format';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import type { Ref, TitleView } from '../../../src/contract/index.js';
import { useForm } from '../lib/useForm';
import { EntityPicker } from './EntityPicker';
import { ACTIONS_COLUMN, ChangeDelete, ColumnHeads, ErrorNote, Field, FormActions, TextField, WordSelect } from './ui';

/** A release and a box-office figure as the title page lists them. */
type ReleaseRow = TitleView['releases'][number];
type GrossRow = TitleView['boxOffice'][number];
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const KINDS = ['theatrical', 'streaming', 'tv', 'festival', 'home-entertainment'];
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'KRW', 'CAD', 'AUD', 'CHF', 'SEK', 'DKK', 'NOK', 'INR', 'BRL', 'MXN', 'HKD'];

/** "Deleted. Undo" after a deletion, with the restore from the record's history. */
export function useUndo(onChanged: () => void) {
  const [undo, setUndo] = useState<{ entity: string; id: string; what: string; error?: string }>();
  const node: ReactNode = undo ? (
    <div className="notice notice--good undo-note" role="status">
      <span>{undo.what} was deleted.</span>
      <button
        type="button"
        className="btn btn--small"
        onClick={async () => {
          try {
            await api.post(`/api/history/${undo.entity}/${encodeURIComponent(undo.id)}/restore`);
            setUndo(undefined);
            onChanged();
          } catch (e) {
            setUndo({ ...undo, error: (e as Error).message });
          }
        }}
      >
        Undo
      </button>
      {undo.error && <span className="field-error">{undo.error}</span>}
    </div>
  ) : null;
  return { node, deleted: (entity: string, id: string, what: string) => setUndo({ entity, id, what }), clear: () => setUndo(undefined) };
}

function CountrySelect({
  value,
  onChange,
  worldwide,
  ...p
}: {
  value: string;
  onChange: (v: string) => void;
  worldwide?: boolean;
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const countries = useCountries();
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
      {worldwide ? <option value="">Worldwide</option> : <option value="">Choose a country</option>}
      {countries.data?.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

// ------------------------------------------------------------------ releases

interface ReleaseDraft {
  territory: string;
  date: string;
  kind: string;
  distributor: Ref | null;
}

function releaseDraft(r?: ReleaseRow): ReleaseDraft {
  if (!r) return { territory: '', date: '', kind: 'theatrical', distributor: null };
  const p = str(r.precision);
  const d = str(r.date);
  return {
    territory: str(r.territory),
    date: p === 'year' ? d.slice(0, 4) : p === 'month' ? d.slice(0, 7) : d,
    kind: str(r.kind) || 'theatrical',
    distributor: r.distributor ?? null,
  };
}

function ReleaseForm({ titleId, row, onDone, onCancel }: { titleId: string; row?: ReleaseRow; onDone: () => void; onCancel: () => void }) {
  const [d, setD] = useState(() => releaseDraft(row));
  const f = useForm();
  const set = (patch: Partial<ReleaseDraft>) => {
    setD({ ...d, ...patch });
    f.touch(...Object.keys(patch).map((k) => (k === 'distributor' ? 'distributorId' : k)));
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = { territory: d.territory, date: d.date.trim() || null, kind: d.kind, distributorId: d.distributor?.id ?? null };
    const ok = await f.submit(
      () => (row ? api.patch(`/api/releases/${encodeURIComponent(str(row.id))}`, body) : api.post('/api/releases', { titleId, ...body })),
      (x) => (x === 'precision' ? 'date' : x),
    );
    if (ok) onDone();
  }
  return (
    <form className="inline-form" onSubmit={(e) => void save(e)} noValidate aria-label={row ? 'Change the release' : 'New release'}>
      <div className="form-grid">
        <Field label="Territory" error={f.err('territory')}>
          {(p) => <CountrySelect {...p} value={d.territory} onChange={(territory) => set({ territory })} />}
        </Field>
        <TextField
          label="Opened"
          hint="A day, a month (2020-11) or a year"
          error={f.err('date')}
          type="text"
          value={d.date}
          onChange={(v) => set({ date: v })}
          placeholder="YYYY-MM-DD"
        />
        <Field label="Kind" error={f.err('kind')}>
          {(p) => <WordSelect {...p} words={[...new Set([...KINDS, d.kind])]} value={d.kind} onChange={(v) => set({ kind: v })} />}
        </Field>
        <Field label="Distributor" error={f.err('distributorId')} className="span-2">
          {(p) => (
            <EntityPicker
              {...p}
              kind="companies"
              value={d.distributor}
              onChange={(distributor) => set({ distributor })}
              placeholder="Optional"
            />
          )}
        </Field>
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={row ? 'Save release' : 'Add release'} onCancel={onCancel} small />
    </form>
  );
}

export function ReleasesPanel({
  titleId,
  rows,
  writable,
  onChanged,
}: {
  titleId: string;
  rows: ReleaseRow[];
  writable: boolean;
  onChanged: () => void;
}) {
  const countries = useCountries();
  const [editing, setEditing] = useState<string | 'new'>();
  const undo = useUndo(onChanged);
  const done = () => {
    setEditing(undefined);
    onChanged();
  };
  async function remove(r: ReleaseRow) {
    await api.del(`/api/releases/${encodeURIComponent(str(r.id))}`);
    undo.deleted('releases', str(r.id), `The release in ${str(r.territoryName) || str(r.territory)}`);
    onChanged();
  }
  return (
    <>
      {undo.node}
      {rows.length === 0 && editing !== 'new' && <p className="muted">No releases recorded.</p>}
      {rows.length > 0 && (
        <table className="data data--stack">
          <ColumnHeads columns={['Territory', 'Opened', 'Kind', 'Distributor', writable && ACTIONS_COLUMN]} />
          <tbody>
            {rows.map((r) => {
              const id = str(r.id);
              const dist = r.distributor;
              const place = str(r.territoryName) || countries.byCode?.get(str(r.territory)) || str(r.territory);
              if (editing === id)
                return (
                  <tr key={id} className="detail-row">
                    <td colSpan={5}>
                      <ReleaseForm titleId={titleId} row={r} onDone={done} onCancel={() => setEditing(undefined)} />
                    </td>
                  </tr>
                );
              return (
                <tr key={id}>
                  <td data-label="Territory">{place}</td>
                  <td data-label="Opened" className="num">
                    {formatDate(str(r.date), { precision: (str(r.precision) || 'day') as 'day' })}
                  </td>
                  <td data-label="Kind">{humanize(str(r.kind)) || '—'}</td>
                  <td data-label="Distributor">{dist ? <Link to={`/companies/${encodeURIComponent(dist.id)}`}>{dist.name}</Link> : '—'}</td>
                  {writable && (
                    <td className="row-actions">
                      <ChangeDelete what={`the release in ${place}`} onChange={() => setEditing(id)} onDelete={() => void remove(r)} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {writable && editing === 'new' && <ReleaseForm titleId={titleId} onDone={done} onCancel={() => setEditing(undefined)} />}
      {writable && editing !== 'new' && (
        <button type="button" className="btn btn--small" onClick={() => (undo.clear(), setEditing('new'))}>
          + Add release
        </button>
      )}
    </>
  );
}

// ------------------------------------------------------------------ box office

interface GrossDraft {
  territory: string;
  amount: string;
  currency: string;
  asOf: string;
  periodStart: string;
  periodEnd: string;
  cumulative: boolean;
}

function grossDraft(r?: GrossRow): GrossDraft {
  const m = r?.gross;
  return {
    territory: str(r?.territory),
    amount: m?.amount ?? '',
    currency: m?.currency ?? 'USD',
    asOf: str(r?.asOf),
    periodStart: str(r?.periodStart),
    periodEnd: str(r?.periodEnd),
    cumulative: r ? r.cumulative !== false : true,
  };
}

function GrossForm({ titleId, row, onDone, onCancel }: { titleId: string; row?: GrossRow; onDone: () => void; onCancel: () => void }) {
  const [d, setD] = useState(() => grossDraft(row));
  const f = useForm();
  const set = (patch: Partial<GrossDraft>) => {
    setD({ ...d, ...patch });
    f.touch(...Object.keys(patch));
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      territory: d.territory || null,
      amount: d.amount.trim().replace(/[\s,]/g, ''),
      currency: d.currency.trim().toUpperCase(),
      asOf: d.asOf || null,
      periodStart: d.periodStart || null,
      periodEnd: d.periodEnd || null,
      cumulative: d.cumulative,
    };
    const ok = await f.submit(() =>
      row ? api.patch(`/api/box-office/${encodeURIComponent(str(row.id))}`, body) : api.post('/api/box-office', { titleId, ...body }),
    );
    if (ok) onDone();
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={row ? 'Change the box-office figure' : 'New box-office figure'}
    >
      <div className="form-grid">
        <Field label="Territory" error={f.err('territory')}>
          {(p) => <CountrySelect {...p} worldwide value={d.territory} onChange={(territory) => set({ territory })} />}
        </Field>
        <TextField
          label="Gross"
          error={f.err('amount')}
          type="text"
          inputMode="decimal"
          value={d.amount}
          onChange={(v) => set({ amount: v })}
          placeholder="e.g. 12500000"
        />
        <Field label="Currency" error={f.err('currency')}>
          {(p) => (
            <>
              <input
                {...p}
                type="text"
                list="gross-currencies"
                maxLength={3}
                value={d.currency}
                onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
              />
              <datalist id="gross-currencies">
                {CURRENCIES.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <TextField label="As of" error={f.err('asOf')} type="date" value={d.asOf} onChange={(v) => set({ asOf: v })} />
        <TextField
          label="Period from"
          error={f.err('periodStart')}
          type="date"
          value={d.periodStart}
          onChange={(v) => set({ periodStart: v })}
        />
        <TextField label="Period to" error={f.err('periodEnd')} type="date" value={d.periodEnd} onChange={(v) => set({ periodEnd: v })} />
        <div className="field field--check">
          <label>
            <input type="checkbox" checked={d.cumulative} onChange={(e) => set({ cumulative: e.target.checked })} /> To date (cumulative)
          </label>
        </div>
      </div>
      <ErrorNote error={f.formError} />
      <FormActions busy={f.busy} label={row ? 'Save figure' : 'Add figure'} onCancel={onCancel} small />
    </form>
  );
}

export function BoxOfficePanel({
  titleId,
  rows,
  writable,
  onChanged,
  chart,
}: {
  titleId: string;
  rows: GrossRow[];
  writable: boolean;
  onChanged: () => void;
  chart: ReactNode;
}) {
  const countries = useCountries();
  const [editing, setEditing] = useState<string | 'new'>();
  const undo = useUndo(onChanged);
  const done = () => {
    setEditing(undefined);
    onChanged();
  };
  const place = (r: GrossRow) =>
    r.territory ? str(r.territoryName) || countries.byCode?.get(str(r.territory)) || str(r.territory) : 'Worldwide';
  async function remove(r: GrossRow) {
    await api.del(`/api/box-office/${encodeURIComponent(str(r.id))}`);
    undo.deleted('box_office', str(r.id), `The ${place(r)} figure`);
    onChanged();
  }
  return (
    <>
      {undo.node}
      {chart}
      {writable && rows.length > 0 && (
        <ul className="plain edit-list" aria-label="Box-office figures">
          {rows.map((r) => {
            const id = str(r.id);
            const m = r.gross;
            return (
              <li key={id}>
                {editing === id ? (
                  <GrossForm titleId={titleId} row={r} onDone={done} onCancel={() => setEditing(undefined)} />
                ) : (
                  <div className="edit-line">
                    <span>
                      {place(r)}: <strong className="num">{formatMoney(m)}</strong>
                      {r.asOf ? <span className="muted"> as of {formatDate(str(r.asOf))}</span> : null}
                    </span>
                    <span className="row-actions">
                      <ChangeDelete what={`the ${place(r)} figure`} onChange={() => setEditing(id)} onDelete={() => void remove(r)} />
                    </span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {writable && editing === 'new' && <GrossForm titleId={titleId} onDone={done} onCancel={() => setEditing(undefined)} />}
      {writable && editing !== 'new' && (
        <button type="button" className="btn btn--small" onClick={() => (undo.clear(), setEditing('new'))}>
          + Add box-office figure
        </button>
      )}
    </>
  );
}
