/**
 * The accounts of a deal (docs/money.md), for users with the financial-terms permission: the terms,
 * the ledger (receipts, expenses, payments), revenue reports from a spreadsheet with a preview, and
 * the statements per period (Prior | Current | Cumulative, the amount due, Issue, PDF and XLSX).
 */
import { parseDay } from '../../../../src/domain/dates.js';
import { reportingPeriods } from '../../../../src/domain/money/periods.js';
import { useState, type FormEvent } from 'react';
import type { LedgerView, RevenueSheetResult, StatementView, TermsAnswer, TermsView } from '../../../../src/contract/index.js';
import { ErrorNote, Loading, Section, TextField } from '../../components/ui';
import { api, type ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { useForm } from '../../lib/useForm';
import { TermsForm } from './AccountsTerms';

const grouped = (amount: string) => {
  const [whole, cents] = amount.replace(/^-/, '').split('.');
  return `${amount.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents ? `.${cents}` : ''}`;
};

function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/**
 * The reporting periods from `from` through the last one that has ended before `today`, newest first,
 * by the domain's own schedule (annual after `annualAfterYears` years when set).
 */
export function endedPeriods(
  from: string,
  frequency: TermsView['frequency'],
  today: string,
  annualAfterYears: number | null = null,
): string[] {
  const before = parseDay(today);
  return reportingPeriods(parseDay(from), before - 1, { frequency, annualAfterYears })
    .filter((p) => p.end < before)
    .map((p) => p.key)
    .reverse();
}

/** The ledger form's fields, by the server's names: on (Date), amount, currency (In currency), category. */
const LEDGER_FIELDS = ['on', 'amount', 'currency', 'category'];

function Ledger({ contractId, currency }: { contractId: string; currency: string }) {
  const ledger = useApi<LedgerView>(`/api/contracts/${contractId}/ledger`);
  const [what, setWhat] = useState<'receipts' | 'expenses' | 'payments'>('receipts');
  const [entry, setEntry] = useState({ on: '', amount: '', currency, category: '', kind: 'instalment' });
  // a refused field is marked and its error shown under its label (Date, Amount…); the rest below the form
  const form = useForm();
  const set = (patch: Partial<typeof entry>) => {
    setEntry((x) => ({ ...x, ...patch }));
    form.touch(...Object.keys(patch));
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const base = { on: entry.on, amount: entry.amount, currency: entry.currency };
    const body = what === 'receipts' ? { ...base, kind: entry.kind } : what === 'expenses' ? { ...base, category: entry.category } : base;
    const ok = await form.submit(
      () => api.post(`/api/contracts/${contractId}/${what}`, body),
      (f) => (LEDGER_FIELDS.includes(f) ? f : undefined),
    );
    if (ok) {
      setEntry((x) => ({ ...x, amount: '' }));
      ledger.reload();
    }
  };
  const rows = ledger.data
    ? [
        ...ledger.data.receipts.map((r) => ({ ...r, what: `Receipt (${r.kind})` })),
        ...ledger.data.expenses.map((r) => ({ ...r, what: `Expense: ${r.category}${r.recoupable ? '' : ' (not recoupable)'}` })),
        ...ledger.data.payments.map((r) => ({ ...r, what: 'Payment' })),
      ].sort((a, b) => a.on.localeCompare(b.on))
    : [];
  return (
    <>
      <h3>Ledger</h3>
      {ledger.error && <ErrorNote error={ledger.error} retry={ledger.reload} />}
      {rows.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>Date</th>
              <th>Entry</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDate(r.on)}</td>
                <td>{r.what}</td>
                <td className="num">
                  {r.currency} {grouped(r.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ledger.data && <p className="muted small">{ledger.data.revenue.length} revenue report lines recorded.</p>}
      <form onSubmit={(e) => void add(e)} aria-label="Add to the ledger" className="grid-2 grid-2--tight" noValidate>
        <label className="field">
          Add
          <select value={what} onChange={(e) => setWhat(e.target.value as typeof what)}>
            <option value="receipts">a receipt</option>
            <option value="expenses">an expense</option>
            <option value="payments">a payment</option>
          </select>
        </label>
        <TextField label="Date" type="date" error={form.err('on')} value={entry.on} onChange={(v) => set({ on: v })} />
        <TextField type="text" label="Amount" error={form.err('amount')} value={entry.amount} onChange={(v) => set({ amount: v })} />
        <TextField
          type="text"
          label="In currency"
          error={form.err('currency')}
          value={entry.currency}
          maxLength={3}
          onChange={(v) => set({ currency: v })}
        />
        {what === 'expenses' && (
          <TextField
            type="text"
            label="Category"
            error={form.err('category')}
            value={entry.category}
            onChange={(v) => set({ category: v })}
          />
        )}
        {what === 'receipts' && (
          <label className="field">
            Pays
            <select value={entry.kind} onChange={(e) => set({ kind: e.target.value })}>
              <option value="instalment">an MG instalment</option>
              <option value="overage">overages</option>
              <option value="other">other</option>
            </select>
          </label>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn--small" disabled={form.busy}>
            Add to the ledger
          </button>
        </div>
      </form>
      {form.failure && <ErrorNote error={form.failure} />}
    </>
  );
}

export function RevenueUpload({ contractId, onRecorded }: { contractId: string; onRecorded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState('');
  const [preview, setPreview] = useState<RevenueSheetResult | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState('');
  /** Replace the report of the same name already recorded (offered when the server says it is). */
  const [replace, setReplace] = useState(false);
  const send = async (asPreview: boolean, replacing = replace) => {
    if (!file) return;
    setError(undefined);
    setDone('');
    setReplace(replacing);
    try {
      const body = {
        filename: file.name,
        content: await base64(file),
        report: report || undefined,
        preview: asPreview,
        ...(replacing ? { replace: true } : {}),
      };
      const out = await api.post<RevenueSheetResult>(`/api/contracts/${contractId}/revenue-reports/file`, body);
      if (asPreview) setPreview(out);
      else {
        setPreview(undefined);
        setReplace(false);
        setDone(
          `Recorded ${out.rows} rows${out.replaced ? ` in place of the ${out.replaced} recorded before` : ''}: ${Object.entries(out.gross)
            .map(([c, a]) => `${c} ${grouped(a)}`)
            .join(', ')}.`,
        );
        onRecorded();
      }
    } catch (err) {
      setPreview(undefined);
      setError(err as ApiError);
    }
  };
  const problems = (error?.body as { problems?: Array<{ row: number; field: string; message: string }> } | undefined)?.problems ?? [];
  // the same report name is already recorded: it can be replaced (a report with the same rows under another name cannot)
  const recorded = error?.body.error === 'already-imported' ? (error.body as { report?: string }).report : undefined;
  const replaceable = recorded !== undefined && recorded === (report.trim() || file?.name);
  return (
    <>
      <h3>Revenue report</h3>
      <p className="muted small">A CSV or XLSX file with period, title, territory, media, gross receipts and currency columns.</p>
      <div className="grid-2 grid-2--tight">
        <label className="field">
          Report file
          <input
            type="file"
            accept=".csv,.xlsx"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setPreview(undefined), setReplace(false))}
          />
        </label>
        <TextField
          type="text"
          label="Report name"
          value={report}
          placeholder="Neon Q4 2021"
          onChange={(v) => (setReport(v), setPreview(undefined), setReplace(false))}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn--small" disabled={!file} onClick={() => void send(true)}>
          Preview
        </button>
        {preview && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => void send(false)}>
            {replace ? `Replace with ${preview.rows} rows` : `Record ${preview.rows} rows`}
          </button>
        )}
        {replaceable && (
          <button type="button" className="btn btn--small" onClick={() => void send(true, true)}>
            Preview replacing “{recorded}”
          </button>
        )}
      </div>
      {preview && (
        <p role="status">
          Preview: {preview.rows} rows, gross{' '}
          {Object.entries(preview.gross)
            .map(([c, a]) => `${c} ${grouped(a)}`)
            .join(', ')}
          ; columns:{' '}
          {Object.entries(preview.mapping)
            .filter(([, h]) => h)
            .map(([f, h]) => `${f} ← ${h}`)
            .join(', ')}
          {preview.replaced ? `; replaces the ${preview.replaced} rows recorded before` : ''}. Nothing is recorded yet.
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {error && <ErrorNote error={error} />}
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>
              Row {p.row}, {p.field}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Statement({ contractId, period }: { contractId: string; period: string }) {
  const base = `/api/contracts/${contractId}/statements/${period}`;
  const s = useApi<StatementView>(base);
  const [error, setError] = useState<ApiError | undefined>();
  const [issued, setIssued] = useState<StatementView | undefined>();
  if (s.loading) return <Loading what="Computing the statement" />;
  if (s.error) return <ErrorNote error={s.error} retry={s.reload} />;
  const v = issued ?? s.data!;
  const issue = async (correction: boolean) => {
    setError(undefined);
    try {
      setIssued(await api.post<StatementView>(`${base}/issue`, correction ? { correction: true } : {}));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const row = (label: string, f: { prior: string; current: string; cumulative: string }, indent = false) => (
    <tr key={label}>
      <td className={indent ? 'indent' : undefined}>{label}</td>
      <td className="num">{grouped(f.prior)}</td>
      <td className="num">{grouped(f.current)}</td>
      <td className="num">{grouped(f.cumulative)}</td>
    </tr>
  );
  const file = v.issued ? `/api/statements/${v.issued.number}` : base;
  return (
    <div className="statement">
      <p>
        {v.parties.reporter} to {v.parties.recipient}, {formatDate(v.period.start)} to {formatDate(v.period.end)}, due {formatDate(v.dueOn)}
        , in {v.currency}
        {v.issued && ` · issued as no. ${v.issued.number}${v.issued.corrects ? `, correcting no. ${v.issued.corrects}` : ''}`}
      </p>
      <ol className="small muted">
        {v.steps.map((x) => (
          <li key={x}>{x.replace(/^\d+\.\s*/, '')}</li>
        ))}
      </ol>
      <div className="table-wrap">
        <table className="data" aria-label={`Statement ${v.period.key}`}>
          <thead>
            <tr>
              <th />
              <th className="num">Prior</th>
              <th className="num">Current</th>
              <th className="num">Cumulative</th>
            </tr>
          </thead>
          <tbody>
            {row('Receipts', v.receipts)}
            {v.lines.flatMap((l) => [row(l.label, l), ...(l.parts ?? []).map((p) => row(p.label, p, true))])}
            {row('Earned', v.earned)}
          </tbody>
        </table>
      </div>
      <p className="big-number">
        Amount due: <strong>{`${v.currency} ${grouped(v.due)}`}</strong>
      </p>
      <div className="form-actions">
        {!v.issued && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => void issue(false)}>
            Issue
          </button>
        )}
        {v.issued && (
          <button type="button" className="btn btn--small" onClick={() => void issue(true)}>
            Issue a correction
          </button>
        )}
        <a className="btn btn--small" href={`${file}?format=pdf`} download>
          PDF
        </a>
        <a className="btn btn--small" href={`${file}?format=xlsx`} download>
          XLSX
        </a>
      </div>
      {error && <ErrorNote error={error} />}
    </div>
  );
}

export default function Accounts({ contractId }: { contractId: string }) {
  // null: the deal has no financial terms yet (the form below is open to enter them)
  const terms = useApi<TermsAnswer>(`/api/contracts/${contractId}/terms`);
  const [saved, setSaved] = useState<TermsView | undefined>();
  const [period, setPeriod] = useState('');
  const [tick, setTick] = useState(0);
  if (terms.loading && !saved) return <Loading what="Loading the accounts" />;
  if (terms.error && !saved) return <ErrorNote error={terms.error} retry={terms.reload} />;
  const t = saved ?? terms.data ?? undefined;
  const periods = t ? endedPeriods(t.reportingFrom, t.frequency, new Date().toISOString().slice(0, 10), t.annualAfterYears) : [];
  const shown = period || periods[0] || '';
  return (
    <Section title="Accounts" id="accounts">
      <details open={!t}>
        <summary>Financial terms{t ? `: ${t.kind}, ${t.currency}, ${t.frequency}` : ' (none yet)'}</summary>
        <TermsForm contractId={contractId} terms={t} onSaved={setSaved} />
      </details>
      {t && (
        <>
          <Ledger key={tick} contractId={contractId} currency={t.currency} />
          <RevenueUpload contractId={contractId} onRecorded={() => setTick((n) => n + 1)} />
          <h3>Statements</h3>
          <label className="field">
            Statement period
            <select value={shown} onChange={(e) => setPeriod(e.target.value)}>
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          {/* computed again when the ledger or the terms change */}
          {shown && <Statement key={`${shown}-${tick}-${t.version}`} contractId={contractId} period={shown} />}
        </>
      )}
    </Section>
  );
}
