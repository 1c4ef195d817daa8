/**
 * A market (the market side of a festival edition): the day view (the one used standing in a
 * corridor), the week view, the line-up and the follow-ups; adding meetings and screenings,
 * the schedule as .ics (download, import) and the line-up sheet. Times are the market's local time.
 */
import { useState } from 'react';
import type { MarketView, OfferList, ScheduleView } from '../../../../src/contract/index.js';
import { api } from '../../lib/api';
import { canWrite, useAuth } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link } from '../../lib/router';
import { Badge, DoneNotice, Empty, ErrorNote, Loading } from '../../components/ui';
import { newOfferPath } from '../offers/links';
import { BuyerSheet } from './BuyerSheet';
import './marketMore.css';
import { FollowUps } from './FollowUps';
import { MarketReport } from './Report';
import { IcsImport } from './IcsImport';
import { LineupEditor } from './LineupEditor';
import { MeetingForm, ScreeningForm } from './ScheduleForms';
import { DayView, WeekView } from './ScheduleViews';
import type { Item } from './schedule';

type View = 'day' | 'week' | 'lineup' | 'sheet' | 'follow-ups' | 'report';
const VIEWS: Array<[View, string]> = [
  ['day', 'Day'],
  ['week', 'Week'],
  ['lineup', 'Line-up'],
  ['sheet', 'Buyer sheet'],
  ['follow-ups', 'Follow-ups'],
  ['report', 'Report'],
];

/** The market's first day, or today (in the market's own time zone) when the market is on. */
function firstDay(days: string[], zone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  return days.includes(today) ? today : days[0];
}

export default function Market({ params }: { params: Record<string, string> }) {
  const id = encodeURIComponent(params.id);
  const market = useApi<MarketView>(`/api/markets/${id}`);
  const [person, setPerson] = useState('');
  const schedule = useApi<ScheduleView>(`/api/markets/${id}/schedule${person ? `?person=${encodeURIComponent(person)}` : ''}`);
  const { user } = useAuth();
  const writable = canWrite(user);
  const editionId = market.data?.editionId;
  const offers = useApi<OfferList>(editionId ? `/api/offers?market=${encodeURIComponent(editionId)}` : null);
  const [view, setView] = useState<View>('day');
  const [day, setDay] = useState<string>();
  const [mode, setMode] = useState<{ kind: 'meeting' | 'screening' | 'import'; item?: Item }>();
  const [flash, setFlash] = useState<string>();
  const open = (next: { kind: 'meeting' | 'screening' | 'import'; item?: Item }) => {
    setFlash(undefined);
    setMode(next);
  };
  const done = (m: string) => {
    setMode(undefined);
    setFlash(m);
    schedule.reload();
    market.reload();
  };
  if (market.error)
    return market.error.status === 404 ? (
      <Empty title="This market does not exist." />
    ) : (
      <ErrorNote error={market.error} retry={market.reload} />
    );
  if (!market.data) return <Loading what="Loading the market" />;
  const m = market.data;
  const s = schedule.data;
  const current = day ?? (s ? firstDay(s.days, m.timeZone) : m.start);
  async function remove(item: Item) {
    await api.del(`/api/markets/${id}/${item.kind === 'meeting' ? 'meetings' : 'screenings'}/${encodeURIComponent(item.id)}`);
    done(item.kind === 'meeting' ? `The meeting with ${item.buyer.name} was deleted.` : `The screening of ${item.title.name} was deleted.`);
  }
  const actions = (item: Item) => {
    const theirs = item.kind === 'meeting' ? (offers.data?.items ?? []).filter((o) => o.buyer.id === item.buyer.id) : [];
    return (
      <>
        {theirs.length > 0 && (
          <ul className="sched-offers small" aria-label={`Offers from ${item.kind === 'meeting' ? item.buyer.name : ''}`}>
            {theirs.map((o) => (
              <li key={o.id}>
                <Link to={`/offers/${encodeURIComponent(o.id)}`}>{o.ref}</Link> <Badge value={o.status} />{' '}
                {o.titles.map((t) => t.name).join(', ')} · {o.territoryLabel}
              </li>
            ))}
          </ul>
        )}
        {writable && (
          <div className="row-actions">
            {item.kind === 'meeting' && (
              <Link className="btn btn--small btn--ghost" to={newOfferPath(item.buyer, m.editionId)}>
                + Offer
              </Link>
            )}
            <button type="button" className="btn btn--small btn--ghost" onClick={() => open({ kind: item.kind, item })}>
              Change
            </button>
            <button type="button" className="btn btn--small btn--ghost btn--delete" onClick={() => remove(item)}>
              Delete
            </button>
          </div>
        )}
      </>
    );
  };
  const formProps = { marketId: m.id, zone: m.timeZone, day: current, onDone: done, onCancel: () => setMode(undefined) };
  return (
    <div className="page page--wide market-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/festivals">Festivals</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/editions/${encodeURIComponent(m.editionId)}`}>
          {m.festival.name} {m.year}
        </Link>{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">{m.name}</span>
      </nav>
      <div className="page-head">
        <h1>
          {m.name} {m.year}
        </h1>
        <p className="muted page-sub">
          {formatDate(m.start)} – {formatDate(m.end)} · times in {m.timeZone}
        </p>
        <div className="page-actions">
          {writable && (
            <>
              <button type="button" className="btn btn--primary" onClick={() => open({ kind: 'meeting' })}>
                + Meeting
              </button>
              <button type="button" className="btn" onClick={() => open({ kind: 'screening' })}>
                + Screening
              </button>
              <button type="button" className="btn btn--ghost" onClick={() => open({ kind: 'import' })}>
                Import .ics
              </button>
            </>
          )}
          <a
            className="btn btn--ghost"
            href={`/api/markets/${id}/schedule.ics${person ? `?person=${encodeURIComponent(person)}` : ''}`}
            download
          >
            Download .ics
          </a>
        </div>
      </div>
      <DoneNotice message={flash} />
      {mode?.kind === 'meeting' && <MeetingForm {...formProps} meeting={mode.item?.kind === 'meeting' ? mode.item : undefined} />}
      {mode?.kind === 'screening' && <ScreeningForm {...formProps} screening={mode.item?.kind === 'screening' ? mode.item : undefined} />}
      {mode?.kind === 'import' && <IcsImport marketId={m.id} onDone={done} onCancel={() => setMode(undefined)} />}
      <div className="market-bar">
        <nav className="view-tabs" aria-label="Market views">
          {VIEWS.map(([v, label]) => (
            <button
              key={v}
              type="button"
              className={`seg${view === v ? ' is-on' : ''}`}
              aria-pressed={view === v}
              onClick={() => (setFlash(undefined), setView(v))}
            >
              {label}
            </button>
          ))}
        </nav>
        {(view === 'day' || view === 'week') && s && (
          <label className="market-person">
            <span>Whose schedule</span>
            <select value={person} onChange={(e) => setPerson(e.target.value)}>
              <option value="">Everyone</option>
              {s.people.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {(view === 'day' || view === 'week') && (
        <>
          {schedule.error && <ErrorNote error={schedule.error} retry={schedule.reload} />}
          {!s && !schedule.error && <Loading what="Loading the schedule" />}
          {s && s.conflicts.length > 0 && (
            <p className="notice notice--warn" role="status">
              {s.conflicts.length} conflict{s.conflicts.length === 1 ? '' : 's'} in the schedule.
            </p>
          )}
          {s && view === 'day' && <DayView s={s} day={current} onDay={setDay} actions={actions} />}
          {s && view === 'week' && (
            <WeekView
              s={s}
              onDay={(d) => {
                setDay(d);
                setView('day');
              }}
            />
          )}
        </>
      )}
      {view === 'lineup' && (
        <>
          <p className="export-links">
            Line-up sheet:{' '}
            <a href={`/api/markets/${id}/lineup-sheet?format=pdf`} download>
              PDF
            </a>{' '}
            ·{' '}
            <a href={`/api/markets/${id}/lineup-sheet?format=xlsx`} download>
              XLSX
            </a>
          </p>
          <LineupEditor key={JSON.stringify(m.lineup)} market={m} writable={writable} onSaved={done} />
        </>
      )}
      {view === 'sheet' && <BuyerSheet market={m} />}
      {view === 'follow-ups' && <FollowUps marketId={m.id} writable={writable} />}
      {view === 'report' && <MarketReport marketId={m.id} />}
    </div>
  );
}
