/**
 * Import a file (EMA avails, a deal or catalog sheet, a JSON document): upload,
 * see what would be created (and every problem, with its row and column),
 * adjust the column mapping, then commit it all at once, with progress.
 * Exports (EMA avails for a retailer, lists as CSV or XLSX) have their own
 * tab, /export.
 */
import { useRef, useState } from 'react';
import { ApiError, api } from '../lib/api';
import { useLocation } from '../lib/router';
import type { ApiErrorBody } from '../../../src/contract/index.js';
import { ColumnHeads, ErrorNote, Field, Section, TextField } from '../components/ui';
import { ImportExportPage } from './Export';

interface Problem {
  severity: 'error' | 'warning';
  where: string;
  message: string;
  suggestions?: string[];
}
interface Block {
  title: string;
  territories: string;
  media: string;
  start: string | null;
  end: string | null;
  exclusive: boolean;
  rows: string[];
}
interface Result {
  format: string;
  committed: boolean;
  version?: string | null;
  kind?: 'deals' | 'catalog';
  headers?: string[];
  mapping?: Record<string, string | null>;
  created?: { titles: number; companies: number; contracts: number; blocks: number };
  titles?: Array<{ name: string; action: string }>;
  contracts?: Array<{ ref: string; direction: string; licensor: string | null; licensee: string | null; blocks: Block[] }>;
  unknownNames?: Array<{ column: string; value: string; rows: number[]; suggestions: string[] }>;
  summary?: Record<string, number> | null;
  problems: Problem[];
}
interface Job {
  state: 'running' | 'done' | 'refused' | 'failed';
  done: number;
  total: number;
  result?: Result;
  message?: string;
  problems?: Problem[];
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  year: 'Year',
  buyer: 'Buyer',
  territory: 'Territory',
  media: 'Media',
  languages: 'Languages',
  start: 'Start',
  end: 'End',
  exclusive: 'Exclusive',
  mg: 'MG',
  currency: 'Currency',
  status: 'Status',
  ref: 'Deal ref',
  signed: 'Signed on',
  originalTitle: 'Original title',
  director: 'Director',
  countries: 'Countries',
  runtime: 'Runtime',
};

const FORMAT_LABEL: Record<string, string> = {
  'ema-xlsx': 'EMA avails spreadsheet',
  'ema-xml': 'EMA avails XML',
  csv: 'CSV sheet',
  xlsx: 'Excel sheet',
  json: 'JSON document',
};

function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function Problems({ problems }: { problems: Problem[] }) {
  if (!problems.length) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <Section
      title={
        errors
          ? `${errors} problem${errors === 1 ? ': nothing can be imported until it is fixed' : 's: nothing can be imported until they are fixed'}`
          : 'Warnings'
      }
    >
      <div className="table-wrap">
        <table className="data">
          <ColumnHeads columns={['Where', 'What']} />
          <tbody>
            {problems.slice(0, 500).map((p, i) => (
              <tr key={i}>
                <td className="cell-wrap">{p.where}</td>
                <td className="cell-wrap">
                  {p.severity === 'error' ? <strong>Error: </strong> : 'Warning: '}
                  {p.message}
                  {p.suggestions?.length && !/Did you mean/.test(p.message) ? ` Did you mean ${p.suggestions.join(', ')}?` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 500 && <p>… and {problems.length - 500} more.</p>}
    </Section>
  );
}

/** The problems of an import the server refused as a whole, which it answers beside the error. */
function refusedProblems(e: unknown): Problem[] | undefined {
  const problems = e instanceof ApiError ? (e.body as ApiErrorBody & { problems?: unknown }).problems : undefined;
  return Array.isArray(problems) ? problems : undefined;
}

export default function Import() {
  const exporting = useLocation().pathname === '/export';
  const [file, setFile] = useState<File | null>(null);
  const [retailer, setRetailer] = useState('');
  const [kind, setKind] = useState<'' | 'deals' | 'catalog'>('');
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const content = useRef<string | null>(null);

  const send = async (mode: 'preview' | 'commit') => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      content.current ??= await base64(file);
      const body = {
        filename: file.name,
        content: content.current,
        mode,
        retailer: retailer || undefined,
        kind: kind || undefined,
        mapping: mapping ?? undefined,
        background: mode === 'commit',
      };
      if (mode === 'preview') {
        const r = await api.post<Result>('/api/import', body);
        setResult(r);
        if (r.mapping) setMapping(r.mapping);
        setJob(null);
        return;
      }
      const started = await api.post<{ job: string; poll: string }>('/api/import', body);
      for (;;) {
        const j = await api.get<Job>(started.poll);
        setJob(j);
        if (j.state !== 'running') {
          if (j.result) setResult(j.result);
          if (j.problems) setResult((r) => (r ? { ...r, committed: false, problems: j.problems! } : r));
          break;
        }
        await new Promise((res) => setTimeout(res, 400));
      }
    } catch (e) {
      const err = e as ApiError;
      const problems = refusedProblems(err);
      if (problems) {
        setResult((r) => ({
          ...(r ?? { format: '', committed: false }),
          committed: false,
          problems,
        }));
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const errors = result?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const done = job?.state === 'done' || result?.committed;

  if (exporting) return <ImportExportPage tab="export" />;

  return (
    <ImportExportPage tab="import">
      <Section title="Import a file">
        <p className="page-intro">
          EMA avails (spreadsheet v1.7–1.9 or XML v2.2–2.7), a deal or catalog sheet (CSV in UTF-8, or XLSX), or a filmrights JSON document.
          Nothing is written until you commit, and then all of it or nothing.
        </p>
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('preview');
          }}
        >
          <div className="form-grid">
            <Field label="File">
              {(p) => (
                <input
                  {...p}
                  type="file"
                  accept=".xlsx,.xml,.csv,.json"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    content.current = null;
                    setResult(null);
                    setMapping(null);
                    setJob(null);
                  }}
                />
              )}
            </Field>
            <TextField
              label="Retailer"
              hint="EMA avails: when the file names no licensee"
              type="text"
              value={retailer}
              onChange={(v) => setRetailer(v)}
              placeholder="e.g. iTunes"
            />
            <Field label="Sheet holds" hint="Deal and catalog sheets">
              {(p) => (
                <select {...p} value={kind} onChange={(e) => setKind(e.target.value as '' | 'deals' | 'catalog')}>
                  <option value="">Guess from the columns</option>
                  <option value="deals">Deals</option>
                  <option value="catalog">Titles (catalog)</option>
                </select>
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={!file || busy}>
              Preview
            </button>
          </div>
        </form>
        <ErrorNote error={error} />
      </Section>

      {result && mapping && result.headers && (
        <Section
          title="Columns"
          actions={
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void send('preview')}>
              Preview again
            </button>
          }
        >
          <div className="form-grid form-grid--auto">
            {Object.entries(mapping).map(([field, header]) => (
              <Field key={field} label={FIELD_LABEL[field] ?? field}>
                {(p) => (
                  <select {...p} value={header ?? ''} onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || null })}>
                    <option value="">(not in the file)</option>
                    {result.headers!.filter(Boolean).map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
        </Section>
      )}

      {result && (
        <Section
          title={
            done ? 'Imported' : `Preview: ${FORMAT_LABEL[result.format] ?? result.format}${result.version ? ` v${result.version}` : ''}`
          }
          actions={
            !done && (
              <button type="button" className="btn btn--primary" disabled={busy || errors > 0} onClick={() => void send('commit')}>
                Import all of it
              </button>
            )
          }
        >
          {job?.state === 'running' && (
            <p role="status">
              Importing… {job.done} of {job.total || '?'} contracts
              <progress max={job.total || 1} value={job.done} />
            </p>
          )}
          {result.created && (
            <p>
              {done ? 'Created' : 'Would create'} {result.created.titles} titles, {result.created.companies} companies,{' '}
              {result.created.contracts} contracts with {result.created.blocks} rights blocks.
            </p>
          )}
          {result.summary && (
            <p>
              Imported{' '}
              {Object.entries(result.summary)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => `${n} ${k}`)
                .join(', ')}
              .
            </p>
          )}
          {result.unknownNames && result.unknownNames.length > 0 && (
            <ul>
              {result.unknownNames.map((u) => (
                <li key={`${u.column}:${u.value}`}>
                  {u.column} “{u.value}” ({u.rows.length === 1 ? 'row' : 'rows'} {u.rows.join(', ')}) is unknown
                  {u.suggestions.length ? `: did you mean ${u.suggestions.join(', ')}?` : ''}
                </li>
              ))}
            </ul>
          )}
          {result.contracts && result.contracts.length > 0 && (
            <div className="table-wrap">
              <table className="data">
                <ColumnHeads columns={['Contract', 'Licensee', 'Title', 'Territories', 'Media', 'Period', 'From']} />
                <tbody>
                  {result.contracts.slice(0, 200).flatMap((c) =>
                    c.blocks.map((b, i) => (
                      <tr key={`${c.ref}-${i}`}>
                        <td>{i === 0 ? `${c.ref} (${c.direction})` : ''}</td>
                        <td>{i === 0 ? c.licensee : ''}</td>
                        <td>{b.title}</td>
                        <td className="cell-wrap">{b.territories}</td>
                        <td>{b.media}</td>
                        <td>
                          {b.start ?? 'any time'} to {b.end ?? 'open'}
                          {b.exclusive ? '' : ' (non-exclusive)'}
                        </td>
                        <td className="cell-wrap">{b.rows.slice(0, 3).join('; ')}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
      {result && <Problems problems={result.problems} />}
    </ImportExportPage>
  );
}
