/**
 * The buyer's question: which of these titles can I license in these
 * territories, for these media, for this window? Answered as rolled-up rows
 * ("Worldwide excl. North America and China; All Media; …") and on the map,
 * exportable as CSV and XLSX (both from the server: the same columns, the
 * file named after the question). The question lives in the URL, so an
 * answer can be shared. Titles asked about that no row names are listed
 * apart, each with why.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, downloadNamed } from '../lib/api';
import { addYearsIso, formatDate, todayIso } from '../lib/format';
import { useMountEffect } from '../lib/hooks';
import { infoFromRows } from '../lib/mapInfo';
import { useCountries } from '../lib/reference';
import { useQueryState } from '../lib/router';
import type { AvailRow, AvailsAnswer, Ref } from '../../../src/contract/index.js';
import { Link } from '../lib/router';
import { EntityPicker } from '../components/EntityPicker';
import { MediaPicker } from '../components/MediaPicker';
import { TerritoryInput } from '../components/TerritoryInput';
import { Reasons } from '../components/Reasons';
import { TitleList } from '../components/TitleList';
import { WorldMap } from '../components/WorldMap';
import { Badge, ColumnHeads, Empty, ErrorNote, Field, Loading, Section, TextField } from '../components/ui';

const MATCHES = [
  { v: 'cover-entire', label: 'Available for the entire window' },
  { v: 'overlap-part', label: 'Available for part of the window' },
  { v: 'start-within', label: 'Availability starts within the window' },
  { v: 'end-within', label: 'Availability ends within the window' },
] as const;

interface Question {
  titles?: string[];
  territories: string;
  media: string;
  languages?: string[];
  start: string;
  end: string | null;
  exclusive: boolean;
  match: string;
  minDays?: number;
  include: 'all' | 'available';
}

export default function Avails() {
  const [params, set] = useQueryState();
  const [titles, setTitles] = useState<Ref[]>([]);
  const [territories, setTerritories] = useState(params.get('territories') ?? '');
  const [media, setMedia] = useState(params.get('media') ?? 'All Media');
  const [languages, setLanguages] = useState(params.get('languages') ?? '');
  const [start, setStart] = useState(params.get('start') ?? todayIso());
  const [end, setEnd] = useState(params.get('end') ?? addYearsIso(todayIso(), 5));
  const [exclusive, setExclusive] = useState(params.get('exclusive') !== 'false');
  const [match, setMatch] = useState(params.get('match') ?? 'cover-entire');
  const [minDays, setMinDays] = useState(params.get('minDays') ?? '');
  const [include, setInclude] = useState<'all' | 'available'>(params.get('include') === 'available' ? 'available' : 'all');
  const [rows, setRows] = useState<AvailRow[]>();
  const [left, setLeft] = useState<Pick<AvailsAnswer, 'asked' | 'notShown'>>();
  const [groups, setGroups] = useState<AvailsAnswer['groups']>();
  const [asked, setAsked] = useState<Question>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  /** The catalog-wide answer comes a page of titles at a time: the cursor of the next page, if there is one. */
  const [next, setNext] = useState<string | null>(null);
  const [pageTitles, setPageTitles] = useState(0);
  const countries = useCountries();

  // Titles named in a shared link: fetch their names once.
  useMountEffect(() => {
    const ids = (params.get('titles') ?? '').split(',').filter(Boolean);
    if (!ids.length) return;
    Promise.all(
      ids.map((id) =>
        api.get<{ id: string; englishTitle: string | null; originalTitle: string }>(`/api/titles/${encodeURIComponent(id)}`).then(
          (t) => ({ id: t.id, name: t.englishTitle || t.originalTitle }),
          () => ({ id, name: id }),
        ),
      ),
    ).then(setTitles);
    if (params.get('territories') && params.get('media')) void run();
  });
  useMountEffect(() => {
    if (!params.get('titles') && params.get('territories') && params.get('media')) void run();
  });

  function question(): Question {
    const ids = titles.length ? titles.map((t) => t.id) : (params.get('titles') ?? '').split(',').filter(Boolean);
    return {
      ...(ids.length ? { titles: ids } : {}),
      territories: territories.trim(),
      media: media.trim(),
      ...(languages.trim() ? { languages: languages.split(/[\s,;]+/).filter(Boolean) } : {}),
      start,
      end: end || null,
      exclusive,
      match,
      ...(minDays ? { minDays: Number(minDays) } : {}),
      include,
    };
  }

  async function run(e?: FormEvent) {
    e?.preventDefault();
    const q = question();
    set({
      titles: q.titles?.join(','),
      territories: q.territories,
      media: q.media,
      languages: languages.trim(),
      start: q.start,
      end: q.end ?? '',
      exclusive: q.exclusive ? null : 'false',
      match: q.match === 'cover-entire' ? null : q.match,
      minDays: minDays || null,
      include: include === 'all' ? null : include,
    });
    setError(undefined);
    if (!q.territories)
      return setError(
        new ApiError(400, {
          error: 'invalid',
          message: 'Name the territories, e.g. "Germany" or "Worldwide excl. North America".',
          field: 'territories',
        }),
      );
    if (!q.media)
      return setError(new ApiError(400, { error: 'invalid', message: 'Name the media, e.g. "SVOD" or "All Media".', field: 'media' }));
    setBusy(true);
    try {
      const r = await api.post<AvailsAnswer>('/api/avails', q);
      setRows(r.rows);
      setLeft(r.notShown ? { asked: r.asked, notShown: r.notShown } : undefined);
      setGroups(r.groups);
      setAsked(q);
      setNext(r.page?.next ?? null);
      setPageTitles(r.page?.titles ?? 0);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  /** The next page of the catalog-wide answer, added below the rows shown. */
  async function more() {
    if (!asked || !next) return;
    setBusy(true);
    try {
      const r = await api.post<AvailsAnswer>('/api/avails', { ...asked, cursor: next });
      setRows((shown) => [...(shown ?? []), ...r.rows]);
      setLeft((before) => (before ? { asked: r.asked, notShown: joinNotShown(before.notShown, r.notShown) } : before));
      setNext(r.page?.next ?? null);
      setPageTitles((n) => n + (r.page?.titles ?? 0));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const fe = (f: string) => (error?.field === f || error?.field?.startsWith(`${f}[`) ? error.message : undefined);
  const info = useMemo(() => infoFromRows(rows ?? []), [rows]);

  /** The answer as a file, from the server: CSV and XLSX have the same columns, and the file is named after the question. */
  async function exportAs(format: 'csv' | 'xlsx') {
    if (!asked) return;
    setExporting(true);
    try {
      await downloadNamed('POST', `/api/avails/export?format=${format}`, asked, `avails-${todayIso()}.${format}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setExporting(false);
    }
  }

  const counts = rows
    ? {
        available: rows.filter((r) => r.status === 'available').length,
        hold: rows.filter((r) => r.status === 'on-hold').length,
        depends: rows.filter((r) => r.status === 'depends').length,
        no: rows.filter((r) => r.status === 'unavailable').length,
      }
    : undefined;

  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>Avails</h1>
        <p className="muted page-sub">What can be licensed, where, for which media and when.</p>
      </div>
      <form className="avails-form panel" onSubmit={run} noValidate aria-label="Avails question">
        <div className="form-grid">
          <Field label="Titles" hint="Leave empty to search the whole catalog." error={fe('titles')} className="span-2">
            {(p) => (
              <EntityPicker
                {...p}
                kind="titles"
                multiple
                value={titles}
                onChange={setTitles}
                placeholder="Whole catalog; type to pick titles"
              />
            )}
          </Field>
          <Field label="Territories" error={fe('territories')} className="span-2">
            {(p) => <TerritoryInput {...p} value={territories} onChange={setTerritories} />}
          </Field>
          <Field label="Media" error={fe('media')} className="span-2">
            {(p) => <MediaPicker {...p} value={media} onChange={setMedia} />}
          </Field>
          <TextField label="From" error={fe('start')} type="date" value={start} onChange={(v) => setStart(v)} />
          <TextField label="To" hint="Empty: open-ended" error={fe('end')} type="date" value={end} onChange={(v) => setEnd(v)} />
          <Field label="Window match" error={fe('match')}>
            {(p) => (
              <select {...p} value={match} onChange={(e) => setMatch(e.target.value)}>
                {MATCHES.map((m) => (
                  <option key={m.v} value={m.v}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="Minimum window (days)"
            error={fe('minDays')}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={minDays}
            onChange={(v) => setMinDays(v)}
          />
          <TextField
            label="Languages"
            hint="BCP 47, e.g. de, fr. Empty: all."
            error={fe('languages')}
            type="text"
            value={languages}
            onChange={(v) => setLanguages(v)}
          />
          <fieldset className="field radios">
            <legend>Exclusivity</legend>
            <label>
              <input type="radio" name="excl" checked={exclusive} onChange={() => setExclusive(true)} /> Exclusive
            </label>
            <label>
              <input type="radio" name="excl" checked={!exclusive} onChange={() => setExclusive(false)} /> Non-exclusive
            </label>
          </fieldset>
          <fieldset className="field radios">
            <legend>Show</legend>
            <label>
              <input type="radio" name="incl" checked={include === 'all'} onChange={() => setInclude('all')} /> Everything, with reasons
            </label>
            <label>
              <input type="radio" name="incl" checked={include === 'available'} onChange={() => setInclude('available')} /> Available only
            </label>
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Searching…' : 'Search avails'}
          </button>
        </div>
      </form>
      {error && !error.field && <ErrorNote error={error} />}
      {busy && !rows && <Loading what="Computing avails" />}
      {!rows && !busy && (
        <Empty title="Ask a question to see avails.">
          Name the territories and media, and a window. For example <em>Germany</em>, <em>SVOD</em>, from today, exclusive.
        </Empty>
      )}
      {rows && asked && (
        <>
          <Section
            title={`Answer: ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`}
            id="answer"
            actions={
              <>
                <button type="button" className="btn btn--small" onClick={() => void exportAs('csv')} disabled={!rows.length || exporting}>
                  Export CSV
                </button>
                <button type="button" className="btn btn--small" onClick={() => void exportAs('xlsx')} disabled={!rows.length || exporting}>
                  {exporting ? 'Preparing…' : 'Export XLSX'}
                </button>
              </>
            }
          >
            {counts && (
              <p className="muted">
                {counts.available} available · {counts.hold} on hold ·{' '}
                {counts.depends ? `${counts.depends} depending on events not yet dated · ` : ''}
                {counts.no} unavailable. {asked.exclusive ? 'Exclusive' : 'Non-exclusive'}, {formatDate(asked.start)} to{' '}
                {asked.end ? formatDate(asked.end) : 'open end'}.
              </p>
            )}
            {rows.length === 0 ? (
              <Empty title="Nothing matches.">
                Widen the window, choose “available for part of the window”, or lower the minimum window.
              </Empty>
            ) : (
              <div className="table-wrap table-wrap--cards">
                <table className="data data--cards">
                  <ColumnHeads columns={['Status', 'Titles', 'Territories', 'Media', 'Languages', 'Period', 'Why']} />
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={i} className={`avail-row avail-row--${r.status}`}>
                        <td data-label="Status">
                          <Badge value={r.status} />
                        </td>
                        <td className="cell-wrap" data-label="Titles">
                          <TitleList names={r.titles} ids={r.titleIds} />
                        </td>
                        <td className="cell-wrap" title={r.territories.join(' ')} data-label="Territories">
                          {r.territoryLabel}
                        </td>
                        <td data-label="Media">{r.mediaLabel}</td>
                        <td className="nowrap" data-label="Languages">
                          {r.languageLabel}
                        </td>
                        <td className="num nowrap" data-label="Period">
                          {formatDate(r.start)} – {formatDate(r.end, { open: 'perpetuity' })}
                        </td>
                        <td className="cell-wrap avail-why" data-label="Why">
                          <Reasons reasons={r.reasons} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {next && (
              <p className="muted">
                The first {pageTitles.toLocaleString('en')} titles with rows, by title.{' '}
                <button type="button" className="btn btn--small" onClick={() => void more()} disabled={busy}>
                  {busy ? 'Loading…' : 'Show more titles'}
                </button>
              </p>
            )}
            {groups && groups.length > 0 && <SeriesGroups groups={groups} />}
            {left && left.notShown.count > 0 && <NotShown asked={left.asked} notShown={left.notShown} />}
          </Section>
          {rows.length > 0 && (
            <Section title="On the map" id="answer-map">
              <WorldMap info={info} names={countries.byCode} label={`avails for ${asked.territories}, ${asked.media}`} />
            </Section>
          )}
        </>
      )}
    </div>
  );
}

const NOT_SHOWN_SHORT: Record<string, string> = {
  'no-rights-held': 'no rights held',
  'rights-expired': 'rights expired',
  'not-yet-started': 'rights not yet started',
  'between-terms': 'between two terms',
  'not-available': 'nothing available as asked',
};

/** "3 of 19 titles not shown": collapsed, each left-out title with why (the first ones listed by the server, then how many more). */
function NotShown({ asked, notShown }: Pick<AvailsAnswer, 'asked' | 'notShown'>) {
  const message = new Map(notShown.reasons.map((r) => [r.reason, r.message]));
  const more = notShown.count - notShown.titles.length;
  return (
    <details className="not-shown">
      <summary>
        {notShown.count} of {asked} {asked === 1 ? 'title' : 'titles'} not shown:{' '}
        {notShown.reasons.map((r) => `${r.count} ${NOT_SHOWN_SHORT[r.reason] ?? r.reason}`).join(', ')}
      </summary>
      <ul className="plain small">
        {notShown.titles.map((t) => (
          <li key={t.id}>
            <Link to={`/titles/${encodeURIComponent(t.id)}`}>{t.title}</Link>:{' '}
            <span className="muted">{message.get(t.reason) ?? t.reason}</span>
          </li>
        ))}
        {more > 0 && <li className="muted">and {more} more</li>}
      </ul>
    </details>
  );
}

const GROUP_LABEL: Record<string, string> = {
  available: 'available',
  'on-hold': 'on hold',
  depends: 'depends on events not yet dated',
  'partly-available': 'partly available',
  unavailable: 'unavailable',
};

/** A series or season asked about: its status as a whole (available only if every episode is) and which episodes are free. */
function SeriesGroups({ groups }: { groups: NonNullable<AvailsAnswer['groups']> }) {
  return (
    <ul className="plain series-groups">
      {groups.map((g) => {
        const free = g.units.filter((u) => u.status === 'available');
        return (
          <li key={g.id}>
            <Link to={`/titles/${encodeURIComponent(g.id)}`}>{g.title}</Link> ({g.kind}) as a whole:{' '}
            <Badge value={g.status === 'partly-available' ? 'partial' : g.status} label={GROUP_LABEL[g.status]} />.{' '}
            {free.length === g.units.length
              ? `All ${g.units.length} episodes are free.`
              : free.length
                ? `Free: ${free.map((u) => u.title).join(', ')} (${free.length} of ${g.units.length}).`
                : `None of its ${g.units.length} episodes is free.`}
          </li>
        );
      })}
    </ul>
  );
}

/** The titles left out of two pages of the answer, together (counts added; at most 500 listed, as one answer lists). */
function joinNotShown(a: AvailsAnswer['notShown'], b: AvailsAnswer['notShown']): AvailsAnswer['notShown'] {
  const reasons = [...a.reasons];
  for (const r of b.reasons) {
    const i = reasons.findIndex((x) => x.reason === r.reason);
    if (i >= 0) reasons[i] = { ...reasons[i], count: reasons[i].count + r.count };
    else reasons.push(r);
  }
  return { count: a.count + b.count, reasons, titles: [...a.titles, ...b.titles].slice(0, 500) };
}
