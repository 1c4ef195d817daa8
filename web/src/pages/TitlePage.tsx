/**
 * A title: what it is (credits, source, companies), where it has been
 * (festivals, releases, box office), who holds which rights (map, timeline,
 * contracts) and where each fact comes from.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, withQuery, type ApiError } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { takeFlash } from '../lib/flash';
import { addYearsIso, formatDate, formatMoney, humanize, todayIso } from '../lib/format';
import { useApi } from '../lib/hooks';
import { contractIndex, countryInfo, rightsInCoverage } from '../lib/mapInfo';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import type { Contract, Money, Ref, TitleMap } from '../../../src/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ContractTable } from '../components/contracts';
import { EntityPicker } from '../components/EntityPicker';
import { BoxOfficePanel, ReleasesPanel } from '../components/MarketEditors';
import { DeletedRecord, RecordHistory } from '../components/RecordHistory';
import { MediaPicker } from '../components/MediaPicker';
import { RightsTimeline, type TimelineBar } from '../components/RightsTimeline';
import { WorldMap, type CountryInfo } from '../components/WorldMap';
import { Badge, Empty, ErrorNote, Field, Loading, Section } from '../components/ui';

type Any = Record<string, unknown>;

interface TitleDetail {
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
  aliases?: Array<{ alias: string; kind?: string | null } | string>;
  credits: Array<{ role: string; person: Ref; character?: string | null }>;
  companies: Array<{ role: string; company: Ref }>;
  selections?: Any[];
  awards?: Any[];
  releases?: Any[];
  boxOffice?: Any[];
  contracts?: Contract[];
  marketPicture?: unknown;
  sources?: Any[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Any | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Any) : undefined);
const nameOf = (v: unknown): string | undefined => str(v) ?? str(obj(v)?.name);

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** "69th Berlinale (2019)" from an edition as the server may nest it. */
function editionName(x: Any): { label: string; id?: string } {
  const ed = obj(x.edition) ?? x;
  const fest = obj(ed.festival) ?? obj(x.festival);
  const festName = str(fest?.shortName) ?? nameOf(fest) ?? str(x.festivalName) ?? '';
  const num = typeof ed.number === 'number' ? `${ordinal(ed.number)} ` : '';
  const year = str(ed.year);
  return { label: `${num}${festName}${year ? ` ${year}` : ''}`.trim() || str(ed.name) || '—', id: str(ed.id) ?? str(x.editionId) };
}

const ROLE_ORDER = ['director', 'writer', 'cast', 'producer', 'executive-producer', 'cinematographer', 'editor', 'composer', 'other'];

function Credits({ credits }: { credits: TitleDetail['credits'] }) {
  if (!credits.length) return <p className="muted">No credits recorded.</p>;
  const byRole = new Map<string, TitleDetail['credits']>();
  for (const c of credits) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
  const roles = [...byRole.keys()].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return (
    <dl className="deflist">
      {roles.map((r) => (
        <div key={r}>
          <dt>
            {humanize(r)}
            {byRole.get(r)!.length > 1 && r !== 'cast' ? 's' : ''}
          </dt>
          <dd>
            {byRole.get(r)!.map((c, i) => (
              <span key={`${c.person.id}-${i}`}>
                {i > 0 && ', '}
                <Link to={`/people/${encodeURIComponent(c.person.id)}`}>{c.person.name}</Link>
                {c.character && <span className="muted"> ({c.character})</span>}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Festivals({ selections, awards }: { selections: Any[]; awards: Any[] }) {
  if (!selections.length && !awards.length) return <p className="muted">No festival selections recorded.</p>;
  return (
    <>
      {selections.length > 0 && (
        <div className="table-wrap table-wrap--plain table-wrap--cards">
          <table className="data data--cards">
            <thead>
              <tr>
                <th scope="col">Festival</th>
                <th scope="col">Section</th>
                <th scope="col">Premiere</th>
                <th scope="col">Slot</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {selections.map((s, i) => {
                const ed = editionName(s);
                const withdrawn = Boolean(s.withdrawn);
                return (
                  <tr key={str(s.id) ?? i} className={withdrawn ? 'is-withdrawn' : undefined}>
                    <td data-label="Festival">
                      {ed.id ? <Link to={`/editions/${encodeURIComponent(ed.id)}`}>{ed.label}</Link> : ed.label}
                    </td>
                    <td data-label="Section">{nameOf(s.section) ?? '—'}</td>
                    <td data-label="Premiere">{humanize(str(s.premiereStatus)) || '—'}</td>
                    <td data-label="Slot">{s.slot ? <span className="badge badge--accent">{humanize(str(s.slot))}</span> : '—'}</td>
                    <td data-label="Status">
                      {withdrawn ? (
                        <>
                          <span className="badge badge--bad">Withdrawn</span>
                          {str(s.withdrawalReason) && <span className="muted"> “{str(s.withdrawalReason)}”</span>}
                        </>
                      ) : (
                        'Selected'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {awards.length > 0 && (
        <ul className="awards">
          {awards.map((a, i) => {
            const ed = editionName(a);
            const tiedWith = (Array.isArray(a.tiedWith) ? a.tiedWith : a.tiedWith ? [a.tiedWith] : []) as unknown[];
            return (
              <li key={str(a.id) ?? i}>
                <span className="award-mark" aria-hidden="true">
                  ★
                </span>
                <strong>{str(a.name)}</strong>, {ed.label}
                {Boolean(a.tied) && (
                  <span className="badge badge--accent" title="Shared with another winner">
                    tied
                  </span>
                )}
                {tiedWith.length > 0 && (
                  <span className="muted">
                    {' '}
                    with{' '}
                    {tiedWith.map((t, k) => {
                      const o = obj(t);
                      const id = str(o?.id);
                      const n = nameOf(t) ?? str(o?.title) ?? '';
                      return (
                        <span key={k}>
                          {k > 0 && ', '}
                          {id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{n}</Link> : n}
                        </span>
                      );
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function moneyOf(x: Any): Money | undefined {
  const m = obj(x.amount) ?? obj(x.gross) ?? obj(x.money);
  if (m && str(m.amount) && str(m.currency)) return { amount: String(m.amount), currency: String(m.currency) };
  if (str(x.amount) && str(x.currency)) return { amount: String(x.amount), currency: String(x.currency) };
  return undefined;
}

function BoxOffice({ rows, names }: { rows: Any[]; names?: Map<string, string> }) {
  const items = rows
    .map((r) => ({ r, m: moneyOf(r) }))
    .filter((x): x is { r: Any; m: Money } => !!x.m)
    .map(({ r, m }) => ({
      territory: str(r.territory),
      name: str(r.territoryName),
      m,
      value: Number(m.amount),
      asOf: str(r.asOf),
      cumulative: r.cumulative ?? r.isCumulative,
    }));
  if (!items.length) return <p className="muted">No box office recorded.</p>;
  const max = new Map<string, number>();
  for (const i of items) max.set(i.m.currency, Math.max(max.get(i.m.currency) ?? 0, i.value));
  return (
    <figure className="barchart" aria-label="Box office by territory">
      <ul>
        {items.map((i, k) => (
          <li key={k} className="bar-row">
            <span className="bar-label">{i.name ?? (i.territory ? (names?.get(i.territory) ?? i.territory) : 'Worldwide')}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${Math.max(2, (i.value / (max.get(i.m.currency) || 1)) * 100)}%` }} />
            </span>
            <span className="bar-value num">{formatMoney(i.m)}</span>
            <span className="bar-note muted">
              {i.cumulative === false || i.cumulative === 0 ? 'period' : 'to date'}
              {i.asOf ? `, as of ${formatDate(i.asOf)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {max.size > 1 && <figcaption className="muted">Bars compare amounts within one currency only.</figcaption>}
    </figure>
  );
}

function Releases({ rows, names }: { rows: Any[]; names?: Map<string, string> }) {
  if (!rows.length) return <p className="muted">No releases recorded.</p>;
  return (
    <div className="table-wrap table-wrap--plain">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Territory</th>
            <th scope="col">Opened</th>
            <th scope="col">Kind</th>
            <th scope="col">Distributor</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const t = str(r.territory);
            const d = obj(r.distributor);
            const prec = (str(r.precision) ?? str(r.datePrecision)) as 'day' | 'month' | 'year' | undefined;
            return (
              <tr key={str(r.id) ?? i}>
                <td>{t ? (str(r.territoryName) ?? names?.get(t) ?? t) : '—'}</td>
                <td className="num">{formatDate(str(r.date) ?? str(r.releaseDate), { precision: prec })}</td>
                <td>{humanize(str(r.kind)) || '—'}</td>
                <td>
                  {d ? <Link to={`/companies/${encodeURIComponent(String(d.id))}`}>{String(d.name)}</Link> : (nameOf(r.distributor) ?? '—')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface SourceGroup {
  source: Any;
  facts: Any[];
}

/** The title's fact links ({factTable, quote, reviewed, accepted, source}) grouped by their source. */
function groupSources(links: Any[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const l of links) {
    const src = obj(l.source) ?? l;
    const k = str(src.id) ?? JSON.stringify(src);
    if (!groups.has(k)) groups.set(k, { source: src, facts: [] });
    if (obj(l.source)) groups.get(k)!.facts.push(l);
    else if (Array.isArray(l.facts)) groups.get(k)!.facts.push(...(l.facts as Any[]));
  }
  return [...groups.values()];
}

function Sources({ sources }: { sources: Any[] }) {
  const groups = groupSources(sources);
  if (!groups.length) return <p className="muted">No source recorded: these facts were entered by hand.</p>;
  return (
    <ul className="sources">
      {groups.map(({ source: s, facts }, i) => {
        const url = str(s.url);
        const reviewed = facts.filter((f) => f.reviewed).length;
        return (
          <li key={str(s.id) ?? i}>
            <div>
              <strong>{str(s.outlet) ?? (humanize(str(s.kind)) || 'Source')}</strong>
              {str(s.publishedOn) && <span className="muted">, {formatDate(str(s.publishedOn))}</span>}
            </div>
            {str(s.title) && (
              <div className="source-title">
                {url ? (
                  <a href={url} rel="noreferrer noopener" target="_blank">
                    {str(s.title)}
                  </a>
                ) : (
                  str(s.title)
                )}
              </div>
            )}
            {!str(s.title) && url && (
              <a href={url} rel="noreferrer noopener" target="_blank">
                {url}
              </a>
            )}
            {str(s.file) && <div className="muted small">File: {str(s.file)}</div>}
            {facts.length > 0 && (
              <details>
                <summary>
                  {facts.length} {facts.length === 1 ? 'fact' : 'facts'} from it ·{' '}
                  {reviewed === facts.length ? 'all reviewed' : `${facts.length - reviewed} to review`}
                </summary>
                <ul className="facts">
                  {facts.map((f, k) => (
                    <li key={str(f.id) ?? k}>
                      <span className="fact-kind">{humanize(str(f.factTable) ?? str(f.table))}</span>{' '}
                      {str(f.quote) ? <q>{str(f.quote)}</q> : null}{' '}
                      {f.reviewed ? <Badge value="signed" label="reviewed" /> : <Badge value="draft" label="to review" />}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Who holds what, as the record (ours and the trade press) says. */
function MarketPicture({ rows }: { rows: Any[] }) {
  if (!rows.length) return <p className="muted">No holder on record.</p>;
  return (
    <div className="table-wrap table-wrap--plain table-wrap--cards">
      <table className="data data--cards">
        <thead>
          <tr>
            <th scope="col">Holder</th>
            <th scope="col">Territories</th>
            <th scope="col">Media</th>
            <th scope="col">Term</th>
            <th scope="col">Contract</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const h = obj(r.holder);
            return (
              <tr key={i}>
                <td data-label="Holder">{h ? <Link to={`/companies/${encodeURIComponent(String(h.id))}`}>{String(h.name)}</Link> : '—'}</td>
                <td data-label="Territories">{str(r.territoryLabel)}</td>
                <td data-label="Media">{str(r.mediaLabel)}</td>
                <td data-label="Term" className="nowrap">
                  {formatDate(str(r.start))} – {formatDate(str(r.end), { open: 'perpetuity' })}
                  {r.exclusive === false && <span className="muted"> · non-excl.</span>}
                </td>
                <td data-label="Contract">
                  <span className="contract-ref">{str(r.ref)}</span> <Badge value={str(r.status)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The contracts with their blocks (the title page lists summaries; the timeline needs the blocks). */
function useContractDetails(contracts: Contract[] | undefined): Contract[] | undefined {
  const [full, setFull] = useState<Contract[]>();
  const key = contracts?.map((c) => `${c.id}:${c.version}`).join(',');
  useEffect(() => {
    if (!contracts) return;
    if (contracts.every((c) => c.blocks && c.holdbacks)) return setFull(contracts);
    let live = true;
    Promise.all(
      contracts
        .slice(0, 40)
        .map((c) =>
          c.blocks && c.holdbacks ? Promise.resolve(c) : api.get<Contract>(`/api/contracts/${encodeURIComponent(c.id)}`).catch(() => c),
        ),
    ).then((l) => live && setFull(l));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return full;
}

function timelineBars(titleId: string, contracts: Contract[]): TimelineBar[] {
  const bars: TimelineBar[] = [];
  for (const c of contracts) {
    if (['draft', 'rejected'].includes(c.status)) continue;
    const kind: TimelineBar['kind'] =
      c.direction === 'in'
        ? 'in'
        : c.direction === 'third-party'
          ? 'third-party'
          : c.status === 'offer' || c.status === 'negotiating'
            ? 'hold'
            : 'out';
    const other = c.direction === 'in' ? c.licensor?.name : c.licensee?.name;
    for (const b of c.blocks ?? []) {
      if (b.titleId && b.titleId !== titleId) continue;
      bars.push({
        key: `${c.id}-${b.id ?? bars.length}`,
        territory: b.territoryLabel ?? b.territories,
        media: b.mediaLabel ?? b.media,
        kind,
        start: b.start,
        end: b.end,
        label: `${c.ref}${other ? ` · ${other}` : ''}`,
        exclusive: b.exclusive,
      });
    }
    for (const h of c.holdbacks ?? []) {
      if (h.titleId && h.titleId !== titleId) continue;
      bars.push({
        key: `${c.id}-h-${h.id ?? bars.length}`,
        territory: h.territories,
        media: h.media,
        kind: 'holdback',
        start: h.start,
        end: h.end,
        label: h.description || c.ref,
      });
    }
  }
  return bars;
}

type WindowPreset = 'today' | '12m' | '5y' | 'custom';
const PRESETS: Array<{ v: WindowPreset; label: string }> = [
  { v: 'today', label: 'Today' },
  { v: '12m', label: 'Next 12 months' },
  { v: '5y', label: 'Next 5 years' },
  { v: 'custom', label: 'Custom' },
];

function presetWindow(p: WindowPreset, custom: { start: string; end: string }): { start: string; end: string } {
  const t = todayIso();
  if (p === 'today') return { start: t, end: t };
  if (p === '12m') return { start: t, end: addYearsIso(t, 1) };
  if (p === '5y') return { start: t, end: addYearsIso(t, 5) };
  return custom;
}

function AvailabilityMap({ titleId, titleLabel, contracts }: { titleId: string; titleLabel: string; contracts: Contract[] }) {
  const [media, setMedia] = useState('All Media');
  const [preset, setPreset] = useState<WindowPreset>('today');
  const [custom, setCustom] = useState({ start: todayIso(), end: addYearsIso(todayIso(), 1) });
  const [exclusive, setExclusive] = useState(true);
  const win = presetWindow(preset, custom);
  const [query, setQuery] = useState({ media, ...win, exclusive });
  useEffect(() => {
    const t = setTimeout(() => setQuery({ media, ...win, exclusive }), 400);
    return () => clearTimeout(t);
  }, [media, win.start, win.end, exclusive]); // eslint-disable-line react-hooks/exhaustive-deps
  const map = useApi<TitleMap>(
    withQuery(`/api/titles/${encodeURIComponent(titleId)}/map`, {
      media: query.media,
      start: query.start,
      end: query.end,
      exclusive: String(query.exclusive),
    }),
  );
  const countries = useCountries();
  const known = useMemo(() => contractIndex(contracts), [contracts]);
  const coverage = useMemo(() => rightsInCoverage(contracts, titleId), [contracts, titleId]);
  const info = useMemo(() => {
    const out: Record<string, CountryInfo> = {};
    for (const [code, mc] of Object.entries(map.data?.countries ?? {})) out[code] = countryInfo(mc, known, coverage.get(code));
    return out;
  }, [map.data, known, coverage]);
  const fieldError = (f: string) => (map.error?.field === f ? map.error.message : undefined);
  const when =
    query.start === query.end
      ? `on ${formatDate(query.start)}`
      : `${formatDate(query.start)} to ${query.end ? formatDate(query.end) : 'open end'}`;

  return (
    <>
      <form className="map-controls" onSubmit={(e) => e.preventDefault()} aria-label="What the map shows">
        <Field label="Media" error={fieldError('media')}>
          {(p) => <MediaPicker {...p} value={media} onChange={setMedia} />}
        </Field>
        <fieldset className="field segmented">
          <legend>Window</legend>
          <div className="segmented-buttons">
            {PRESETS.map((x) => (
              <button
                key={x.v}
                type="button"
                className={`seg${preset === x.v ? ' is-on' : ''}`}
                aria-pressed={preset === x.v}
                onClick={() => setPreset(x.v)}
              >
                {x.label}
              </button>
            ))}
          </div>
        </fieldset>
        {preset === 'custom' && (
          <>
            <Field label="From" error={fieldError('start')}>
              {(p) => <input {...p} type="date" value={custom.start} onChange={(e) => setCustom({ ...custom, start: e.target.value })} />}
            </Field>
            <Field label="To (inclusive)" hint="Empty: open-ended" error={fieldError('end')}>
              {(p) => <input {...p} type="date" value={custom.end} onChange={(e) => setCustom({ ...custom, end: e.target.value })} />}
            </Field>
          </>
        )}
        <div className="field field--check">
          <label>
            <input type="checkbox" checked={exclusive} onChange={(e) => setExclusive(e.target.checked)} /> Exclusive
          </label>
        </div>
      </form>
      <p className="map-caption">
        <strong>{query.media || 'All Media'}</strong>, {query.exclusive ? 'exclusive' : 'non-exclusive'}, {when}. A country is{' '}
        <em>available</em> when the whole window is free, <em>partly available</em> when only some of it (or some of the media) is.
      </p>
      {map.error && !map.error.field && <ErrorNote error={map.error} retry={map.reload} />}
      {map.data && Object.keys(info).length > 0 && Object.values(info).every((c) => c.status === 'no-rights') && (
        <div className="notice">
          We hold no rights in this title for this choice. Record the rights-in agreement (a mandate or an acquisition) to see what can be
          sold: <Link to={`/deals/new?title=${encodeURIComponent(titleId)}`}>new deal</Link>, kind “Rights in”.
        </div>
      )}
      <WorldMap
        info={info}
        names={countries.byCode}
        loading={map.loading}
        label={`${titleLabel}, ${query.media || 'all media'}, ${query.exclusive ? 'exclusive' : 'non-exclusive'}, ${when}`}
      />
    </>
  );
}

/** Merge a duplicate record of the same film into this one, or delete the title: each asks first. */
function TitleActions({ d, onMerged, onDeleted }: { d: TitleDetail; onMerged: (message: string) => void; onDeleted: () => void }) {
  const [dialog, setDialog] = useState<'merge' | 'delete'>();
  const [dup, setDup] = useState<Ref | null>(null);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const name = d.englishTitle || d.originalTitle;
  const close = () => {
    setDialog(undefined);
    setDup(null);
    setState({ busy: false });
  };
  async function merge() {
    if (!dup) return setState({ busy: false, error: 'Pick the duplicate to merge into this title.' });
    setState({ busy: true });
    try {
      const r = await api.post<{ moved: Record<string, number> }>(`/api/titles/${encodeURIComponent(d.id)}/merge`, { mergeId: dup.id });
      const moved = Object.entries(r.moved).map(([k, n]) => `${n} ${n === 1 ? k.replace(/ies$/, 'y').replace(/s$/, '') : k}`);
      close();
      onMerged(
        `“${dup.name}” was merged into this title${moved.length ? `: ${moved.join(', ')} moved over` : ''}. The merge is in the history.`,
      );
    } catch (x) {
      setState({ busy: false, error: (x as ApiError).message });
    }
  }
  async function remove() {
    setState({ busy: true });
    try {
      await api.del(`/api/titles/${encodeURIComponent(d.id)}`);
      close();
      onDeleted();
    } catch (x) {
      setState({ busy: false, error: (x as ApiError).message.replace(/^id: /, '') });
    }
  }
  return (
    <>
      <Link to={`/titles/${encodeURIComponent(d.id)}/edit`} className="btn">
        Edit title
      </Link>
      <button type="button" className="btn btn--ghost" onClick={() => setDialog('merge')}>
        Merge a duplicate…
      </button>
      <button type="button" className="btn btn--ghost btn--delete" onClick={() => setDialog('delete')}>
        Delete title…
      </button>
      <ConfirmDialog
        open={dialog === 'merge'}
        title={`Merge a duplicate into ${name}`}
        confirmLabel="Merge"
        tone="primary"
        busy={state.busy}
        error={state.error}
        onConfirm={() => void merge()}
        onCancel={close}
      >
        <p>
          When the same film is on file twice, pick the other record. Its contracts, credits, festival history, releases, box office and
          sources move to this title, its names become aliases, and it is deleted.
        </p>
        <Field label="The duplicate">
          {(p) => (
            <EntityPicker
              {...p}
              kind="titles"
              value={dup}
              onChange={(v) => (setDup(v && v.id === d.id ? null : v), setState({ busy: false }))}
              placeholder="Type its title"
            />
          )}
        </Field>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete title"
        busy={state.busy}
        error={state.error}
        onConfirm={() => void remove()}
        onCancel={close}
      >
        <p>
          The title goes with its credits, aliases and companies. A title that a contract, a festival selection, an award, a release or a
          box-office figure names cannot be deleted: change those first, or merge it into the record it duplicates.
        </p>
        <p>Nothing is lost: the title can be restored from its history.</p>
      </ConfirmDialog>
    </>
  );
}

export default function TitlePage({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const t = useApi<TitleDetail>(`/api/titles/${encodeURIComponent(id)}`);
  const countries = useCountries();
  const contracts = useContractDetails(t.data?.contracts);
  const { user } = useAuth();
  const writable = canWrite(user);
  const [flash, setFlashHere] = useState(takeFlash);
  const [version, setVersion] = useState(0);
  const changed = (message?: string) => {
    setFlashHere(message);
    setVersion((v) => v + 1);
    t.reload();
  };

  if (t.error)
    return (
      <div className="page">
        {t.error.status === 404 ? (
          <>
            <nav className="crumbs" aria-label="Breadcrumb">
              <Link to="/catalog">Catalog</Link>
            </nav>
            {flash && (
              <div className="notice notice--good" role="status">
                {flash}
              </div>
            )}
            <DeletedRecord
              entity="titles"
              id={id}
              what="title"
              writable={writable}
              onRestored={(skipped) => changed(`Restored.${skipped.length ? ` Not brought back: ${skipped.join('; ')}.` : ''}`)}
              notFound={
                <Empty title="This title does not exist.">
                  It may have been merged into another record. Find it in the <Link to="/catalog">catalog</Link>.
                </Empty>
              }
            />
          </>
        ) : (
          <ErrorNote error={t.error} retry={t.reload} />
        )}
      </div>
    );
  if (!t.data) return <Loading what="Loading the title" />;
  const d = t.data;
  const name = d.englishTitle || d.originalTitle;
  const directors = d.credits.filter((c) => c.role === 'director');
  const bars = contracts ? timelineBars(d.id, contracts) : [];
  const selections = d.selections ?? [];
  const awards = d.awards ?? [];
  const sourceNote = d.sourceMaterialNote ?? undefined;
  const aliases = (d.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.alias)).filter((a) => a !== name && a !== d.originalTitle);

  return (
    <div className="page page--wide title-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/catalog">Catalog</Link> <span aria-hidden="true">/</span> <span aria-current="page">{name}</span>
      </nav>
      <header className="title-head">
        <div>
          <h1>
            {name} {d.year && <span className="title-year">({d.year})</span>}
          </h1>
          <p className="title-meta">
            {d.originalTitle && d.originalTitle !== name && <span lang={d.languages?.[0]}>{d.originalTitle}</span>}
            {directors.length > 0 && (
              <span>
                Directed by{' '}
                {directors.map((c, i) => (
                  <span key={c.person.id}>
                    {i > 0 && ', '}
                    <Link to={`/people/${encodeURIComponent(c.person.id)}`}>{c.person.name}</Link>
                  </span>
                ))}
              </span>
            )}
            {d.countries.length > 0 && <span>{d.countries.map((c) => countries.byCode?.get(c) ?? c).join(', ')}</span>}
            {d.runtimeMinutes ? <span>{d.runtimeMinutes} min</span> : null}
            {d.productionStatus && <Badge value={d.productionStatus} />}
          </p>
          {aliases.length > 0 && <p className="muted small">Also known as {aliases.join(', ')}</p>}
        </div>
        <div className="page-actions">
          {writable && (
            <TitleActions
              d={d}
              onMerged={(m) => changed(m)}
              onDeleted={() => {
                setFlashHere(`${name} was deleted. Restore it below if that was a mistake.`);
                t.reload();
              }}
            />
          )}
          <Link to={`/avails?titles=${encodeURIComponent(d.id)}`} className="btn">
            Avails for this title
          </Link>
          <Link to={`/deals/new?title=${encodeURIComponent(d.id)}`} className="btn btn--primary">
            New deal for this title
          </Link>
        </div>
      </header>
      {flash && (
        <div className="notice notice--good" role="status">
          {flash}
          <button
            type="button"
            className="btn btn--ghost btn--small notice-close"
            aria-label="Dismiss"
            onClick={() => setFlashHere(undefined)}
          >
            ×
          </button>
        </div>
      )}
      <nav className="jump" aria-label="On this page">
        <a href="#availability">Availability</a>
        <a href="#timeline">Rights timeline</a>
        <a href="#contracts">Contracts</a>
        <a href="#festivals">Festivals</a>
        <a href="#releases">Releases &amp; box office</a>
        <a href="#credits">Credits</a>
        <a href="#sources">Sources</a>
        <a href="#history">History</a>
      </nav>

      <Section title="Availability" id="availability">
        <AvailabilityMap titleId={d.id} titleLabel={name} contracts={contracts ?? d.contracts ?? []} />
      </Section>

      <div className="title-grid">
        <div className="title-main">
          <Section title="Rights timeline" id="timeline">
            {!contracts ? (
              <Loading what="Loading contracts" />
            ) : bars.length ? (
              <RightsTimeline bars={bars} />
            ) : (
              <Empty title="No rights recorded for this title.">
                Record the rights-in agreement (the mandate or acquisition) first, then sales:{' '}
                <Link to={`/deals/new?title=${encodeURIComponent(d.id)}`}>new deal</Link>.
              </Empty>
            )}
          </Section>
          <Section title={`Contracts (${d.contracts?.length ?? 0})`} id="contracts">
            <ContractTable contracts={contracts ?? d.contracts ?? []} showTitles={false} empty="No contract names this title yet." />
          </Section>
          {Array.isArray(d.marketPicture) && (
            <Section
              title="Who holds what"
              id="market"
              actions={<Link to={`/market/${encodeURIComponent(d.id)}`}>Market picture by territory, with sources</Link>}
            >
              <MarketPicture rows={d.marketPicture as Any[]} />
            </Section>
          )}
          <Section title="Festival history" id="festivals">
            <Festivals selections={selections} awards={awards} />
          </Section>
          <Section title="Releases and box office" id="releases">
            <div className="grid-2 grid-2--tight">
              <div>
                <h3 className="h3">Releases</h3>
                {writable ? (
                  <ReleasesPanel titleId={d.id} rows={d.releases ?? []} writable onChanged={() => changed()} />
                ) : (
                  <Releases rows={d.releases ?? []} names={countries.byCode} />
                )}
              </div>
              <div>
                <h3 className="h3">Box office</h3>
                {writable ? (
                  <BoxOfficePanel
                    titleId={d.id}
                    rows={d.boxOffice ?? []}
                    writable
                    onChanged={() => changed()}
                    chart={(d.boxOffice ?? []).length ? <BoxOffice rows={d.boxOffice ?? []} names={countries.byCode} /> : null}
                  />
                ) : (
                  <BoxOffice rows={d.boxOffice ?? []} names={countries.byCode} />
                )}
              </div>
            </div>
          </Section>
        </div>
        <aside className="title-side">
          <Section title="Credits" id="credits">
            <Credits credits={d.credits} />
          </Section>
          <Section title="Production">
            <dl className="deflist">
              {d.companies.length === 0 && <p className="muted">No companies recorded.</p>}
              {['production', 'co-production', 'sales-agent', 'distributor'].map((role) => {
                const list = d.companies.filter((c) => c.role === role);
                if (!list.length) return null;
                return (
                  <div key={role}>
                    <dt>{humanize(role)}</dt>
                    <dd>
                      {list.map((c, i) => (
                        <span key={c.company.id}>
                          {i > 0 && ', '}
                          <Link to={`/companies/${encodeURIComponent(c.company.id)}`}>{c.company.name}</Link>
                        </span>
                      ))}
                    </dd>
                  </div>
                );
              })}
              {(d.sourceMaterial || sourceNote) && (
                <div>
                  <dt>Source material</dt>
                  <dd>
                    {humanize(d.sourceMaterial ?? '')}
                    {sourceNote && (
                      <span className="muted">
                        {d.sourceMaterial ? ': ' : ''}
                        {sourceNote}
                      </span>
                    )}
                  </dd>
                </div>
              )}
            </dl>
            {d.synopsis && <p className="synopsis">{d.synopsis}</p>}
          </Section>
          <Section title="Sources" id="sources">
            <Sources sources={d.sources ?? []} />
          </Section>
        </aside>
      </div>
      <RecordHistory entity="titles" id={d.id} version={version} />
    </div>
  );
}
