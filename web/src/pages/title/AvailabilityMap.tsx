/** The title's availability map: media, window and exclusivity chosen above a world map of what can be sold. */
import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import { withQuery } from '../../lib/api';
import { addYearsIso, formatDate, todayIso } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { contractIndex, countryInfo, rightsInCoverage } from '../../lib/mapInfo';
import { useCountries } from '../../lib/reference';
import { Link } from '../../lib/router';
import type { Contract, TitleMap } from '../../../../src/contract/index.js';
import { MediaPicker } from '../../components/MediaPicker';
import { WorldMap, type CountryInfo } from '../../components/WorldMap';
import { ErrorNote, Field, TextField } from '../../components/ui';

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

export function AvailabilityMap({ titleId, titleLabel, contracts }: { titleId: string; titleLabel: string; contracts: Contract[] }) {
  const [media, setMedia] = useState('All Media');
  const [preset, setPreset] = useState<WindowPreset>('today');
  const [custom, setCustom] = useState({ start: todayIso(), end: addYearsIso(todayIso(), 1) });
  const [exclusive, setExclusive] = useState(true);
  const { start, end } = presetWindow(preset, custom);
  const [query, setQuery] = useState({ media, start, end, exclusive });
  useEffect(() => {
    const t = setTimeout(() => setQuery({ media, start, end, exclusive }), 400);
    return () => clearTimeout(t);
  }, [media, start, end, exclusive]);
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
            <TextField
              label="From"
              error={fieldError('start')}
              type="date"
              value={custom.start}
              onChange={(v) => setCustom({ ...custom, start: v })}
            />
            <TextField
              label="To (inclusive)"
              hint="Empty: open-ended"
              error={fieldError('end')}
              type="date"
              value={custom.end}
              onChange={(v) => setCustom({ ...custom, end: v })}
            />
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

/**
 * A series' or season's world map, opened on demand below its episodes: a country is available
 * only where every episode under it is, and each stretch says which episodes it is about.
 */
export function GroupMap({ kind, ...props }: { titleId: string; titleLabel: string; contracts: Contract[]; kind: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group-map" onToggle={(e: SyntheticEvent<HTMLDetailsElement>) => setOpen(e.currentTarget.open)}>
      <summary>World map of the whole {kind === 'series' ? 'series' : 'season'}</summary>
      {open && <AvailabilityMap {...props} />}
    </details>
  );
}
