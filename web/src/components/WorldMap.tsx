/**
 * The availability map: every country filled by its status, with a pattern
 * as well as a colour (striped = sold, dotted = on hold, lined = depends on
 * an event not yet dated, cross-hatched = no rights), a legend with counts, and beside it the list of countries by
 * status, searchable, so that small countries (and those too small for a
 * 1:110m map) are found and read from the keyboard. Hover or focus says why
 * and which contract.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { memo, useEffect, useId, useMemo, useState, type MouseEvent } from 'react';
import { formatDate, formatInt, humanize } from '../lib/format';
import { loadWorldShapes, type CountryShape } from '../lib/worldShapes';
import type { MapPeriod, MapStatus, PeriodStatus, Reason } from '../../../src/contract/index.js';
import { Reasons } from './Reasons';

/** A line of a country's card: a sentence, or reasons naming their deals (linked, with their ends). */
export type InfoLine = string | { prefix?: string; reasons: Reason[] };

export interface CountryInfo {
  status: MapStatus;
  /** Why, a line each ("sold to NEON-ONE-SECOND (Neon), until Sep 17, 2036"). */
  lines: InfoLine[];
  /** A partly available country: each stretch of the window, dated, with why. */
  periods?: MapPeriod[];
  /** Days of the window in each status (absent for an open-ended window). */
  days?: Partial<Record<PeriodStatus, number>>;
}

const PERIOD_LABEL: Record<PeriodStatus, string> = {
  available: 'available',
  'on-hold': 'on hold',
  depends: 'depends',
  sold: 'sold',
  'no-rights': 'no rights',
};

/** "Partly available" says what the rest is: "Partly: on hold", "Partly: sold, on hold". */
function listStatus(info: CountryInfo): string {
  if (info.status !== 'partial' || !info.periods?.length) return STATUS_LABEL[info.status];
  const other = [...new Set(info.periods.map((p) => p.status).filter((s) => s !== 'available'))];
  return other.length ? `Partly: ${other.map((s) => PERIOD_LABEL[s]).join(', ')}` : STATUS_LABEL.partial;
}

export const STATUS_ORDER: MapStatus[] = ['available', 'partial', 'on-hold', 'depends', 'sold', 'no-rights'];
/** The list beside the map puts the exceptions first: they are what a reader looks for. */
const LIST_ORDER: MapStatus[] = ['sold', 'on-hold', 'depends', 'partial', 'no-rights', 'available'];
export const STATUS_LABEL: Record<MapStatus, string> = {
  available: 'Available',
  partial: 'Partly available',
  'on-hold': 'On hold',
  depends: 'Depends (not yet dated)',
  sold: 'Sold',
  'no-rights': 'No rights',
};
const STATUS_PATTERN: Record<MapStatus, string> = {
  available: 'solid',
  partial: 'half-striped',
  'on-hold': 'dotted',
  depends: 'lined',
  sold: 'striped',
  'no-rights': 'cross-hatched',
};

const W = 960;
const H = 470;

/** Pattern definitions; `prefix` keeps ids unique when two maps share a page. */
function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-sold`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="fill-sold-bg" />
        <rect width="3" height="6" className="fill-sold" />
      </pattern>
      <pattern id={`${prefix}-on-hold`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-hold-bg" />
        <circle cx="3" cy="3" r="1.6" className="fill-hold" />
      </pattern>
      <pattern id={`${prefix}-depends`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-depends-bg" />
        <rect y="0" width="6" height="2.2" className="fill-depends" />
      </pattern>
      <pattern id={`${prefix}-partial`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="fill-available" />
        <rect y="4" width="8" height="4" className="fill-hold-bg" />
      </pattern>
      <pattern id={`${prefix}-no-rights`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-none-bg" />
        <path d="M0 0L6 6M6 0L0 6" className="stroke-none" />
      </pattern>
    </defs>
  );
}

function fillFor(status: MapStatus | undefined, prefix: string): string | undefined {
  if (!status) return undefined;
  if (status === 'available') return undefined; // CSS class gives the solid fill
  return `url(#${prefix}-${status})`;
}

export function Swatch({ status, prefix }: { status: MapStatus; prefix: string }) {
  return (
    <svg className="swatch" width="16" height="12" aria-hidden="true" focusable="false">
      <rect width="16" height="12" rx="2" className={`country country--${status}`} fill={fillFor(status, prefix)} />
    </svg>
  );
}

const Shapes = memo(function Shapes({
  shapes,
  info,
  prefix,
}: {
  shapes: Array<CountryShape & { d: string }>;
  info: Record<string, CountryInfo>;
  prefix: string;
}) {
  return (
    <g>
      {shapes.map((s, i) => {
        const st = s.code ? info[s.code]?.status : undefined;
        return (
          <path
            key={s.code ?? `x${i}`}
            d={s.d}
            data-code={s.code ?? undefined}
            data-status={st ?? 'unknown'}
            className={`country country--${st ?? 'unknown'}`}
            fill={fillFor(st, prefix)}
          />
        );
      })}
    </g>
  );
});

export function WorldMap({
  info,
  names,
  label,
  loading,
}: {
  info: Record<string, CountryInfo>;
  /** Country code → name, for every country (the list shows them all). */
  names: Map<string, string> | undefined;
  /** What the map shows ("One Second · SVOD · exclusive · 2025-…"). */
  label: string;
  loading?: boolean;
}) {
  const prefix = `p${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [shapes, setShapes] = useState<Array<CountryShape & { d: string }>>();
  const [shapeError, setShapeError] = useState<string>();
  const [hover, setHover] = useState<{ code: string; x: number; y: number; w: number } | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [only, setOnly] = useState<MapStatus | null>(null);

  useEffect(() => {
    let live = true;
    loadWorldShapes().then(
      (list) => {
        if (!live) return;
        const projection = geoNaturalEarth1().fitExtent(
          [
            [4, 4],
            [W - 4, H - 4],
          ],
          { type: 'FeatureCollection', features: list.map((s) => s.feature) },
        );
        const path = geoPath(projection);
        setShapes(list.map((s) => ({ ...s, d: path(s.feature) ?? '' })));
      },
      (e: Error) => live && setShapeError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);

  const counts = useMemo(() => {
    const c: Partial<Record<MapStatus, number>> = {};
    for (const v of Object.values(info)) c[v.status] = (c[v.status] ?? 0) + 1;
    return c;
  }, [info]);

  const list = useMemo(() => {
    const q = filter
      .trim()
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    return Object.entries(info)
      .map(([code, v]) => ({ code, name: names?.get(code) ?? code, ...v }))
      .filter((c) => !only || c.status === only)
      .filter(
        (c) =>
          !q ||
          c.code.toLowerCase() === q ||
          c.name
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .includes(q),
      )
      .sort((a, b) => LIST_ORDER.indexOf(a.status) - LIST_ORDER.indexOf(b.status) || a.name.localeCompare(b.name));
  }, [info, names, filter, only]);
  const groups = useMemo(() => {
    const g: Array<{ status: MapStatus; items: typeof list }> = [];
    for (const c of list) {
      if (g.at(-1)?.status !== c.status) g.push({ status: c.status, items: [] });
      g.at(-1)!.items.push(c);
    }
    return g;
  }, [list]);

  const shownCode = hover?.code ?? focus;
  const highlight = shownCode ? shapes?.filter((s) => s.code === shownCode) : undefined;
  const shownInfo = shownCode ? info[shownCode] : undefined;

  function onMove(e: MouseEvent<SVGSVGElement>) {
    const code = (e.target as Element).getAttribute?.('data-code');
    if (!code) return setHover(null);
    const box = e.currentTarget.getBoundingClientRect();
    setHover({ code, x: e.clientX - box.left, y: e.clientY - box.top, w: box.width });
  }

  const summary = STATUS_ORDER.filter((s) => counts[s])
    .map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(', ');

  return (
    <div className="worldmap">
      <div className="worldmap-main">
        <div className="worldmap-canvas" aria-busy={loading || !shapes}>
          {shapeError && <p className="error-note">{shapeError}</p>}
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={`World map, ${label}: ${summary || 'no data'}. The list beside the map gives every country.`}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            onClick={(e) => {
              // A click (a tap on a phone) keeps the country's card open beside the map, where its deal links can be followed.
              const code = (e.target as Element).getAttribute?.('data-code');
              if (code && info[code]) {
                setFocus(code);
                setHover(null);
              }
            }}
          >
            <Patterns prefix={prefix} />
            <rect width={W} height={H} className="ocean" />
            {shapes && <Shapes shapes={shapes} info={info} prefix={prefix} />}
            {highlight?.map((s, i) => (
              <path key={i} d={s.d} className="country-highlight" />
            ))}
          </svg>
          {loading && <div className="worldmap-loading">Updating…</div>}
          {hover && shownInfo && (
            <div
              className="map-tip"
              role="tooltip"
              style={
                hover.x < hover.w * 0.6 ? { left: hover.x + 14, top: hover.y + 14 } : { right: hover.w - hover.x + 14, top: hover.y + 14 }
              }
            >
              <CountryCard code={hover.code} name={names?.get(hover.code)} info={shownInfo} prefix={prefix} />
            </div>
          )}
        </div>
        <ul className="legend" aria-label="Legend">
          {STATUS_ORDER.map((s) => (
            <li key={s}>
              <button
                type="button"
                className={`legend-item${only === s ? ' is-on' : ''}`}
                aria-pressed={only === s}
                onClick={() => setOnly(only === s ? null : s)}
                title={`Show only ${STATUS_LABEL[s].toLowerCase()} in the list`}
              >
                <Swatch status={s} prefix={prefix} />
                <span>{STATUS_LABEL[s]}</span>
                <span className="legend-count">{counts[s] ?? 0}</span>
                <span className="visually-hidden"> ({STATUS_PATTERN[s]})</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <aside className="worldmap-side" aria-label="Countries by status">
        <label className="visually-hidden" htmlFor={`${prefix}-find`}>
          Find a country
        </label>
        <input
          id={`${prefix}-find`}
          type="search"
          placeholder="Find a country (e.g. Singapore, SG)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {focus && info[focus] && !hover && (
          <div className="worldmap-detail">
            <CountryCard code={focus} name={names?.get(focus)} info={info[focus]} prefix={prefix} />
          </div>
        )}
        <div className="country-list" role="group" aria-label={only ? `${STATUS_LABEL[only]} countries` : 'Countries by status'}>
          {list.length === 0 && <p className="muted country-none">No country matches{filter ? ` “${filter}”` : ''}.</p>}
          {groups.map((g) => (
            <section key={g.status} aria-label={`${STATUS_LABEL[g.status]}: ${g.items.length}`}>
              <h3 className="country-group">
                <Swatch status={g.status} prefix={prefix} /> {STATUS_LABEL[g.status]} <span className="legend-count">{g.items.length}</span>
              </h3>
              <ul>
                {g.items.map((c) => (
                  <li key={c.code} data-code={c.code} data-status={c.status}>
                    <button
                      type="button"
                      className={`country-item${focus === c.code ? ' is-focus' : ''}`}
                      onFocus={() => setFocus(c.code)}
                      onMouseEnter={() => setFocus(c.code)}
                      onClick={() => setFocus(c.code)}
                    >
                      <Swatch status={c.status} prefix={prefix} />
                      <span className="country-name">{c.name}</span>
                      <span className="country-status">{listStatus(c)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </aside>
    </div>
  );
}

function CountryCard({ code, name, info, prefix }: { code: string; name?: string; info: CountryInfo; prefix: string }) {
  const periods = info.periods ?? [];
  const manyMedia = new Set(periods.map((p) => `${p.media}|${p.languages ?? ''}`)).size > 1;
  const total = info.days ? Object.values(info.days).reduce((n, d) => n + (d ?? 0), 0) : 0;
  const dayParts = info.days
    ? (Object.entries(info.days) as Array<[PeriodStatus, number]>)
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${PERIOD_LABEL[s]} ${formatInt(n)} ${n === 1 ? 'day' : 'days'}`)
    : [];
  return (
    <div className="country-card">
      <div className="country-card-head">
        <strong>{name ?? code}</strong> <span className="muted">{code}</span>
      </div>
      <div className="country-card-status">
        <Swatch status={info.status} prefix={prefix} /> {STATUS_LABEL[info.status] ?? humanize(info.status)}
      </div>
      {periods.length > 0 && (
        <>
          {dayParts.length > 1 && !manyMedia && (
            <p className="country-days">
              Of the window’s {formatInt(total)} days: {dayParts.join(', ')}.
            </p>
          )}
          <ol className="country-periods">
            {periods.map((p, i) => (
              <li key={i} className={`country-period country-period--${p.status}`}>
                <span className="country-period-when">
                  {formatDate(p.start, { open: 'from the start' })} – {formatDate(p.end, { open: 'perpetuity' })}
                </span>{' '}
                <strong className="country-period-status">{PERIOD_LABEL[p.status]}</strong>
                {p.titles && p.titles.length > 0 && <span className="country-period-titles"> · {p.titles.join(', ')}</span>}
                {manyMedia && (
                  <span className="muted">
                    {' '}
                    · {p.media}
                    {p.languages ? ` · ${p.languages}` : ''}
                  </span>
                )}
                {p.reasons.length > 0 && (
                  <div className="country-period-why">
                    <Reasons reasons={p.reasons} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {info.lines.length > 0 && (
        <ul>
          {info.lines.map((l, i) => (
            <li key={i}>
              {typeof l === 'string' ? (
                l
              ) : (
                <>
                  {l.prefix && <>{l.prefix}: </>}
                  {l.reasons.length ? <Reasons reasons={l.reasons} /> : 'available'}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
