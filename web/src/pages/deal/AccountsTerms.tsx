/** The financial terms of a deal (docs/money.md): fees, caps, instalments with their events, and reporting. */
import { useEffect, useState, type FormEvent } from 'react';
import type { TermsInput, TermsView } from '../../../../src/contract/index.js';
import { ErrorNote, SavedNote, TextField } from '../../components/ui';
import { api, type ApiError } from '../../lib/api';

type DealEvent = NonNullable<TermsView['instalments'][number]['dueEvent']>;

interface Fee {
  media: string;
  territories: string;
  rate: string;
  label: string;
}
interface Inst {
  label: string;
  rate: string;
  dueEvent: DealEvent | '';
  dueOn: string;
  /** Days after the event (kept as loaded; not edited here). */
  dueDays: number | null;
}
interface TermsDraft {
  kind: 'licence' | 'mandate';
  currency: string;
  frequency: 'quarterly' | 'semi-annual' | 'annual';
  statementDueDays: string;
  reportingFrom: string;
  expenseCap: string;
  fees: Fee[];
  instalments: Inst[];
  events: Record<DealEvent, string>;
}

const EVENTS: DealEvent[] = ['signature', 'delivery', 'first-release'];

/** A decimal rate as a percentage, without floating point: "0.2" → "20%", "0.125" → "12.5%". */
export function percent(rate: string): string {
  const [w, f = ''] = rate.split('.');
  const digits = `${f}00`;
  const whole = `${w}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = digits.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

function draftOf(t: TermsView | undefined): TermsDraft {
  return {
    kind: t?.kind ?? 'licence',
    currency: t?.currency ?? t?.mg?.currency ?? 'USD',
    frequency: t?.frequency ?? 'quarterly',
    statementDueDays: String(t?.statementDueDays ?? 45),
    reportingFrom: t?.reportingFrom ?? '',
    expenseCap: t?.expenseCap ?? '',
    fees: (t?.fees ?? []).map((f) => ({ media: f.media ?? '', territories: f.territories ?? '', rate: f.rate, label: f.label })),
    instalments: (t?.instalments ?? []).map((i) => ({
      label: i.label,
      rate: i.rate !== null ? percent(i.rate) : (i.amount ?? ''),
      dueEvent: i.dueEvent ?? '',
      dueOn: i.dueOn ?? '',
      dueDays: i.dueDays,
    })),
    events: { signature: t?.events.signature ?? '', delivery: t?.events.delivery ?? '', 'first-release': t?.events['first-release'] ?? '' },
  };
}

/** The terms to save: what the form edits, and, kept as they were, the parts it does not show (category caps, reserve, overage share, pool...). */
function inputOf(d: TermsDraft, before: TermsView | undefined): TermsInput {
  const or = (s: string) => (s.trim() ? s.trim() : null);
  return {
    kind: d.kind,
    currency: d.currency.trim().toUpperCase(),
    frequency: d.frequency,
    statementDueDays: d.statementDueDays.trim() ? Number(d.statementDueDays) : null,
    reportingFrom: or(d.reportingFrom),
    expenseCap: or(d.expenseCap),
    fees: d.fees.map((f) => ({ media: or(f.media), territories: or(f.territories), rate: f.rate.trim(), label: or(f.label) })),
    instalments: d.instalments.map((i) => {
      const share = i.rate.trim();
      return {
        label: i.label,
        ...(share.endsWith('%') ? { rate: share } : { amount: share }),
        ...(i.dueEvent ? { dueEvent: i.dueEvent, dueDays: i.dueDays } : { dueOn: or(i.dueOn) }),
      };
    }),
    events: { signature: or(d.events.signature), delivery: or(d.events.delivery), 'first-release': or(d.events['first-release']) },
    ...(before
      ? {
          version: before.version,
          expenseCaps: before.expenseCaps,
          reserve: before.reserve,
          reporterOverageShare: before.reporterOverageShare,
          annualAfterYears: before.annualAfterYears,
          pool: before.pool,
        }
      : {}),
  };
}

export function TermsForm({
  contractId,
  terms,
  onSaved,
}: {
  contractId: string;
  terms: TermsView | undefined;
  onSaved: (t: TermsView) => void;
}) {
  const [d, setD] = useState(() => draftOf(terms));
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  useEffect(() => setD(draftOf(terms)), [terms]);
  const set = (patch: Partial<TermsDraft>) => setD((x) => ({ ...x, ...patch }));
  const fieldError = (f: string) => (error?.field === f ? error.message : null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved('');
    try {
      const t = await api.put<TermsView>(`/api/contracts/${contractId}/terms`, inputOf(d, terms));
      setSaved('The terms are saved.');
      onSaved(t);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-label="Financial terms" noValidate>
      <div className="grid-2 grid-2--tight">
        <label className="field">
          Kind
          <select value={d.kind} onChange={(e) => set({ kind: e.target.value as TermsDraft['kind'] })}>
            <option value="licence">Licence (the licensee reports to the licensor)</option>
            <option value="mandate">Mandate (the sales agent reports to the producer)</option>
          </select>
        </label>
        <TextField
          type="text"
          label="Currency"
          value={d.currency}
          maxLength={3}
          error={fieldError('currency')}
          onChange={(v) => set({ currency: v })}
        />
        <label className="field">
          Reporting
          <select value={d.frequency} onChange={(e) => set({ frequency: e.target.value as TermsDraft['frequency'] })}>
            <option value="quarterly">Quarterly</option>
            <option value="semi-annual">Semi-annual</option>
            <option value="annual">Annual</option>
          </select>
        </label>
        <TextField
          type="text"
          label="Statement due (days after the period)"
          inputMode="numeric"
          value={d.statementDueDays}
          error={fieldError('statementDueDays')}
          onChange={(v) => set({ statementDueDays: v })}
        />
        <TextField
          label="Reporting from"
          type="date"
          hint="Default: the signature date"
          value={d.reportingFrom}
          error={fieldError('reportingFrom')}
          onChange={(v) => set({ reportingFrom: v })}
        />
        <TextField
          type="text"
          label="Expense cap"
          hint="Recoupable expenses beyond it are shown, never recouped"
          value={d.expenseCap}
          error={fieldError('expenseCap')}
          onChange={(v) => set({ expenseCap: v })}
        />
      </div>

      <h3>{d.kind === 'mandate' ? 'Commission' : 'Distribution fees'}</h3>
      <p className="muted small">
        The first line whose media and territories contain a receipt sets its rate; leave them empty for everything else.
      </p>
      <table className="data">
        <thead>
          <tr>
            <th>Media</th>
            <th>Territories</th>
            <th>Rate</th>
            <th>Label</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {d.fees.map((f, i) => {
            const upd = (patch: Partial<Fee>) => set({ fees: d.fees.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
            return (
              <tr key={i}>
                <td>
                  <input type="text" aria-label={`Fee ${i + 1} media`} value={f.media} onChange={(e) => upd({ media: e.target.value })} />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Fee ${i + 1} territories`}
                    value={f.territories}
                    onChange={(e) => upd({ territories: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Fee ${i + 1} rate`}
                    value={f.rate}
                    size={6}
                    onChange={(e) => upd({ rate: e.target.value })}
                  />
                </td>
                <td>
                  <input type="text" aria-label={`Fee ${i + 1} label`} value={f.label} onChange={(e) => upd({ label: e.target.value })} />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    onClick={() => set({ fees: d.fees.filter((_, k) => k !== i) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => set({ fees: [...d.fees, { media: '', territories: '', rate: '', label: '' }] })}
      >
        Add a fee line
      </button>

      <h3>Minimum guarantee instalments</h3>
      <p className="muted small">
        {terms?.mg ? `MG ${terms.mg.currency} ${terms.mg.amount}. ` : 'The MG is set on the deal. '}A share (&ldquo;20%&rdquo;) or an
        amount, due on an event or a date.
      </p>
      <table className="data">
        <thead>
          <tr>
            <th>Label</th>
            <th>Share or amount</th>
            <th>Due on event</th>
            <th>or date</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {d.instalments.map((x, i) => {
            const upd = (patch: Partial<Inst>) => set({ instalments: d.instalments.map((y, k) => (k === i ? { ...y, ...patch } : y)) });
            return (
              <tr key={i}>
                <td>
                  <input
                    type="text"
                    aria-label={`Instalment ${i + 1} label`}
                    value={x.label}
                    onChange={(e) => upd({ label: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Instalment ${i + 1} share`}
                    value={x.rate}
                    size={10}
                    onChange={(e) => upd({ rate: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Instalment ${i + 1} event`}
                    value={x.dueEvent}
                    onChange={(e) => upd({ dueEvent: e.target.value as Inst['dueEvent'] })}
                  >
                    <option value="">—</option>
                    {EVENTS.map((ev) => (
                      <option key={ev} value={ev}>
                        {ev}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Instalment ${i + 1} date`}
                    type="date"
                    value={x.dueOn}
                    disabled={!!x.dueEvent}
                    onChange={(e) => upd({ dueOn: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    onClick={() => set({ instalments: d.instalments.filter((_, k) => k !== i) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => set({ instalments: [...d.instalments, { label: '', rate: '', dueEvent: 'signature', dueOn: '', dueDays: null }] })}
      >
        Add an instalment
      </button>
      <div className="grid-2 grid-2--tight">
        {EVENTS.map((ev) => (
          <TextField
            key={ev}
            label={`${ev.charAt(0).toUpperCase()}${ev.slice(1).replace('-', ' ')} on`}
            type="date"
            value={d.events[ev]}
            error={fieldError(`events.${ev}`)}
            onChange={(v) => set({ events: { ...d.events, [ev]: v } })}
          />
        ))}
      </div>
      {error && !['currency', 'statementDueDays', 'reportingFrom', 'expenseCap'].includes(error.field ?? '') && <ErrorNote error={error} />}
      <SavedNote message={saved} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save the terms'}
        </button>
      </div>
    </form>
  );
}
