/**
 * A series' or season's titles under it, each with its availability for one question
 * (territories, media, window): a season is available only if all its episodes are
 * (docs/domain.md, "Series, seasons and episodes").
 */
import { useEffect, useState } from 'react';
import { api, type ApiError } from '../../lib/api';
import { addYearsIso, todayIso } from '../../lib/format';
import { Link } from '../../lib/router';
import type { AvailsAnswer, SeriesGroup, TitleView } from '../../../../src/contract/index.js';
import { Badge, ErrorNote, TextField } from '../../components/ui';

type Place = NonNullable<TitleView['series']>;
type UnitStatus = SeriesGroup['units'][number]['status'];

const GROUP_LABEL: Record<SeriesGroup['status'], string> = {
  available: 'Available',
  'on-hold': 'On hold',
  depends: 'Depends (not yet dated)',
  'partly-available': 'Partly available',
  unavailable: 'Unavailable',
};

function kindLabel(kind: string, number: number | null): string {
  const k = kind.charAt(0).toUpperCase() + kind.slice(1);
  return number === null ? k : `${k} ${number}`;
}

export function SeriesEpisodes({ titleId, place }: { titleId: string; place: Place }) {
  const [territories, setTerritories] = useState('Worldwide');
  const [media, setMedia] = useState('All Media');
  const [start, setStart] = useState(todayIso());
  const [end, setEnd] = useState(addYearsIso(todayIso(), 1));
  const [answer, setAnswer] = useState<AvailsAnswer | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api
        .post<AvailsAnswer>('/api/avails', { titles: [titleId], territories, media, start, end: end || null, include: 'all' })
        .then((a) => {
          if (!live) return;
          setAnswer(a);
          setError(undefined);
        })
        .catch((e: ApiError) => live && setError(e));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [titleId, territories, media, start, end]);

  const group = answer?.groups?.find((g) => g.id === titleId);
  const status = new Map<string, UnitStatus>((group?.units ?? []).map((u) => [u.id, u.status]));
  // a season's own status: from its episodes (those it has), else its own as a title with nothing under it
  const seasonStatus = (id: string, kids: Place['children'][number]['children']): SeriesGroup['status'] | UnitStatus | undefined => {
    const list = kids.length ? kids.map((k) => status.get(k.id)) : [status.get(id)];
    if (list.some((s) => s === undefined)) return undefined;
    const free = list.filter((s) => s === 'available').length;
    const held = list.filter((s) => s === 'on-hold').length;
    const depends = list.filter((s) => s === 'depends').length;
    if (free === list.length) return 'available';
    if (free + held === list.length) return 'on-hold';
    if (free + held + depends === list.length) return 'depends';
    return free + held > 0 ? 'partly-available' : 'unavailable';
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <>
      <form className="map-controls" onSubmit={(e) => e.preventDefault()} aria-label="The question the statuses answer">
        <TextField label="Territories" value={territories} onChange={setTerritories} error={fieldError('territories')} />
        <TextField label="Media" value={media} onChange={setMedia} error={fieldError('media')} />
        <TextField label="From" type="date" value={start} onChange={setStart} error={fieldError('start')} />
        <TextField label="To (inclusive)" hint="Empty: open-ended" type="date" value={end} onChange={setEnd} error={fieldError('end')} />
      </form>
      {error && !error.field && <ErrorNote error={error} />}
      {group && (
        <p className="map-caption">
          As a whole, exclusive:{' '}
          <Badge value={group.status === 'partly-available' ? 'partial' : group.status} label={GROUP_LABEL[group.status]} /> (
          {group.units.filter((u) => u.status === 'available').length} of {group.units.length} free). A season is available only if all its
          episodes are.
        </p>
      )}
      <div className="table-wrap">
        <table className="data series-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Availability</th>
            </tr>
          </thead>
          <tbody>
            {place.children.map((c) => {
              const s = seasonStatus(c.id, c.children);
              return [
                <tr key={c.id} className="series-row--season">
                  <th scope="row">
                    <Link to={`/titles/${encodeURIComponent(c.id)}`}>{kindLabel(c.kind, c.number)}</Link>{' '}
                    <span className="muted small">{c.name}</span>
                  </th>
                  <td>{s ? <Badge value={s === 'partly-available' ? 'partial' : s} label={GROUP_LABEL[s]} /> : '…'}</td>
                </tr>,
                ...c.children.map((e) => (
                  <tr key={e.id} className="series-row--episode">
                    <td className="series-indent">
                      <Link to={`/titles/${encodeURIComponent(e.id)}`}>{kindLabel(e.kind, e.number)}</Link>{' '}
                      <span className="muted small">{e.name}</span>
                    </td>
                    <td>{status.get(e.id) ? <Badge value={status.get(e.id)} /> : '…'}</td>
                  </tr>
                )),
              ];
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
