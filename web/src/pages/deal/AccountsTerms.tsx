/**
 * The financial terms of a deal (docs/money.md): every term the API has. Fee or commission lines by
 * media and territory, the overall and per-category expense caps, the reserve against returns, the
 * reporter's share of overages, the cross-collateralisation pool, the reporting schedule (annual
 * after some years, days until a statement is due), and the MG's instalments with their events.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { TermsView } from '../../../../src/contract/index.js';
import { ErrorNote, SavedNote, TextField } from '../../components/ui';
import { api, type ApiError } from '../../lib/api';
import { RowsEditor, type RowColumn } from './RowsEditor';
import { draftOf, EVENTS, inputOf, type Cap, type Fee, type Inst, type TermsDraft } from './termsDraft';

const FEE_COLUMNS: ReadonlyArray<RowColumn<Fee>> = [
  { key: 'media', header: 'Media', label: 'media' },
  { key: 'territories', header: 'Territories', label: 'territories' },
  { key: 'rate', header: 'Rate', label: 'rate', size: 6 },
  { key: 'label', header: 'Label', label: 'label' },
];
const CAP_COLUMNS: ReadonlyArray<RowColumn<Cap>> = [
  { key: 'category', header: 'Category', label: 'category' },
  { key: 'cap', header: 'Cap', label: 'amount', inputMode: 'decimal', size: 12 },
];
const INSTALMENT_COLUMNS: ReadonlyArray<RowColumn<Inst>> = [
  { key: 'label', header: 'Label', label: 'label' },
  { key: 'rate', header: 'Share or amount', label: 'share', size: 10 },
  {
    key: 'dueEvent',
    header: 'Due on event',
    label: 'event',
    type: 'select',
    options: [{ value: '', label: '—' }, ...EVENTS.map((e) => ({ value: e, label: e }))],
  },
  { key: 'dueDays', header: 'Days after', label: 'days after', inputMode: 'numeric', size: 4, disabled: (r) => !r.dueEvent },
  { key: 'dueOn', header: 'or date', label: 'date', type: 'date', disabled: (r) => !!r.dueEvent },
];
/** The fields shown with their own error; any other error is shown under the form. */
const INLINE = [
  'currency',
  'statementDueDays',
  'annualAfterYears',
  'reportingFrom',
  'expenseCap',
  'reserve.rate',
  'reserve.releaseAfter',
  'reporterOverageShare',
  'pool',
];

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
  const licence = d.kind === 'licence';

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
          label="Annual after (years)"
          hint="Reporting becomes annual after this many years; empty: never"
          inputMode="numeric"
          value={d.annualAfterYears}
          error={fieldError('annualAfterYears')}
          onChange={(v) => set({ annualAfterYears: v })}
        />
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
      </div>

      <h3>{licence ? 'Distribution fees' : 'Commission'}</h3>
      <p className="muted small">
        Rates by media and territory: the first line whose media and territories contain a receipt sets its rate; leave them empty for
        everything else.
      </p>
      <RowsEditor
        name="Fee"
        columns={FEE_COLUMNS}
        rows={d.fees}
        onChange={(fees) => set({ fees })}
        blank={{ media: '', territories: '', rate: '', label: '' }}
        addLabel="Add a fee line"
      />

      <h3>Expenses</h3>
      <div className="grid-2 grid-2--tight">
        <TextField
          type="text"
          label="Expense cap"
          hint="Recoupable expenses beyond it are shown, never recouped"
          value={d.expenseCap}
          error={fieldError('expenseCap')}
          onChange={(v) => set({ expenseCap: v })}
        />
      </div>
      <p className="muted small">Caps per category (&ldquo;P&amp;A&rdquo;, &ldquo;markets&rdquo;), within the overall cap.</p>
      <RowsEditor
        name="Cap"
        columns={CAP_COLUMNS}
        rows={d.expenseCaps}
        onChange={(expenseCaps) => set({ expenseCaps })}
        blank={{ category: '', cap: '' }}
        addLabel="Add a category cap"
      />

      <h3>Reserve and overages</h3>
      <div className="grid-2 grid-2--tight">
        <TextField
          type="text"
          label="Reserve held"
          hint="A share of what would be paid out, held against returns (e.g. 10%); empty: none"
          value={d.reserveRate}
          error={fieldError('reserve.rate')}
          onChange={(v) => set({ reserveRate: v })}
        />
        <TextField
          type="text"
          label="Reserve released after (periods)"
          inputMode="numeric"
          value={d.reserveReleaseAfter}
          error={fieldError('reserve.releaseAfter')}
          onChange={(v) => set({ reserveReleaseAfter: v })}
        />
        <TextField
          type="text"
          label={licence ? "Licensee's share of overages" : "Sales agent's share of the balance"}
          hint="Empty: all of it to the licensor (or producer)"
          value={d.overageShare}
          error={fieldError('reporterOverageShare')}
          onChange={(v) => set({ overageShare: v })}
        />
        <TextField
          type="text"
          label="Cross-collateralisation pool"
          hint="Contracts with the same pool name run through one waterfall"
          value={d.pool}
          error={fieldError('pool')}
          onChange={(v) => set({ pool: v })}
        />
      </div>

      <h3>Minimum guarantee instalments</h3>
      <p className="muted small">
        {terms?.mg ? `MG ${terms.mg.currency} ${terms.mg.amount}. ` : 'The MG is set on the deal. '}A share (&ldquo;20%&rdquo;) or an
        amount, due on an event (some days after it) or on a date.
      </p>
      <RowsEditor
        name="Instalment"
        columns={INSTALMENT_COLUMNS}
        rows={d.instalments}
        onChange={(instalments) => set({ instalments })}
        blank={{ label: '', rate: '', dueEvent: 'signature', dueDays: '', dueOn: '' }}
        addLabel="Add an instalment"
      />
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
      {error && !INLINE.includes(error.field ?? '') && <ErrorNote error={error} />}
      <SavedNote message={saved} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save the terms'}
        </button>
      </div>
    </form>
  );
}
