/**
 * The export tab of the import/export page (/export): EMA avails for a
 * retailer, and the lists (catalog, contracts, acquisitions, audit log) as
 * spreadsheets. The tabs' frame is here too.
 */
import { useState, type ReactNode } from 'react';
import { download } from '../lib/api';
import { Link } from '../lib/router';
import { ErrorNote, Field, Section, TextField } from '../components/ui';

const LISTS = [
  { list: 'catalog', label: 'Catalog', what: 'every title with its director, countries, languages and status' },
  { list: 'contracts', label: 'Contracts', what: 'every deal with its parties, titles, status and dates' },
  { list: 'acquisitions', label: 'Festival acquisitions', what: 'deals announced at a festival or market' },
  { list: 'audit', label: 'Audit log', what: 'who changed what, when, and why' },
] as const;

/** Import and export are two tabs of one page (/import and /export). */
export function ImportExportPage({ tab, children }: { tab: 'import' | 'export'; children?: ReactNode }) {
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>{tab === 'import' ? 'Import' : 'Export'}</h1>
        <nav className="view-tabs" aria-label="Import or export">
          <Link to="/import" className={`seg${tab === 'import' ? ' is-on' : ''}`} aria-current={tab === 'import' ? 'page' : undefined}>
            Import
          </Link>
          <Link to="/export" className={`seg${tab === 'export' ? ' is-on' : ''}`} aria-current={tab === 'export' ? 'page' : undefined}>
            Export
          </Link>
        </nav>
      </div>
      {tab === 'import' ? (
        children
      ) : (
        <>
          <p className="page-intro muted">Download what is on file: EMA avails for a retailer, or a list as a spreadsheet.</p>
          <EmaExport />
          <Section title="Lists">
            <ul className="export-lists">
              {LISTS.map((l) => (
                <li key={l.list}>
                  <div>
                    <strong>{l.label}</strong> <span className="muted">· {l.what}</span>
                  </div>
                  <div className="export-links">
                    <a className="btn btn--small" href={`/api/export/${l.list}?format=xlsx`} download>
                      XLSX
                    </a>
                    <a className="btn btn--small" href={`/api/export/${l.list}?format=csv`} download>
                      CSV
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </div>
  );
}

const LICENSE_TYPES = ['EST', 'VOD', 'SVOD', 'POEST'] as const;

/** EMA avails for a retailer: what we can still license (or what it has), as the EMA spreadsheet or XML. */
function EmaExport() {
  const [format, setFormat] = useState<'ema-xlsx' | 'ema-xml'>('ema-xlsx');
  const [version, setVersion] = useState('1.9');
  const [retailer, setRetailer] = useState('');
  const [territories, setTerritories] = useState('Worldwide');
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const [source, setSource] = useState<'avails' | 'windows'>('avails');
  const [types, setTypes] = useState<string[]>([...LICENSE_TYPES]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const versions = format === 'ema-xlsx' ? ['1.9', '1.8'] : ['2.7', '2.6', '2.5.2', '2.5', '2.4', '2.3', '2.2.2', '2.2.1'];
  return (
    <Section title="EMA avails for a retailer">
      <p className="page-intro">
        What we can still license (or the retailer’s own windows), as the EMA avails spreadsheet or XML a retailer loads.
      </p>
      <form
        className="import-form"
        aria-label="Export EMA avails"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          const body = { retailer: retailer || null, territories, from, source, licenseTypes: types };
          download(
            'POST',
            `/api/avails/export?format=${format}&version=${version}`,
            body,
            `avails-${retailer || 'all'}-v${version}.${format === 'ema-xml' ? 'xml' : 'xlsx'}`,
          )
            .catch((err: Error) => setError(err))
            .finally(() => setBusy(false));
        }}
      >
        <div className="form-grid">
          <Field label="Format">
            {(p) => (
              <select
                {...p}
                value={format}
                onChange={(e) => {
                  const f = e.target.value as 'ema-xlsx' | 'ema-xml';
                  setFormat(f);
                  setVersion(f === 'ema-xlsx' ? '1.9' : '2.5');
                }}
              >
                <option value="ema-xlsx">EMA spreadsheet</option>
                <option value="ema-xml">Avails XML</option>
              </select>
            )}
          </Field>
          <Field label="Version">
            {(p) => (
              <select {...p} value={version} onChange={(e) => setVersion(e.target.value)}>
                {versions.map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="For retailer"
            hint={source === 'windows' ? 'Needed for the retailer’s windows' : 'Optional'}
            type="text"
            value={retailer}
            onChange={(v) => setRetailer(v)}
            placeholder="e.g. iTunes"
          />
          <TextField
            label="Territories"
            type="text"
            value={territories}
            onChange={(v) => setTerritories(v)}
            placeholder="e.g. Worldwide excl. China"
          />
          <TextField label="From" type="date" value={from} onChange={(v) => setFrom(v)} />
          <Field label="What">
            {(p) => (
              <select {...p} value={source} onChange={(e) => setSource(e.target.value as 'avails' | 'windows')}>
                <option value="avails">What we can license</option>
                <option value="windows">The retailer&apos;s windows</option>
              </select>
            )}
          </Field>
          <fieldset className="field checks">
            <legend>License types</legend>
            <div className="checks-row">
              {LICENSE_TYPES.map((t) => (
                <label key={t}>
                  <input
                    type="checkbox"
                    checked={types.includes(t)}
                    onChange={(e) => setTypes(e.target.checked ? [...types, t] : types.filter((x) => x !== t))}
                  />{' '}
                  {t}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy || !types.length || (source === 'windows' && !retailer)}>
            {busy ? 'Preparing…' : 'Download'}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
    </Section>
  );
}
