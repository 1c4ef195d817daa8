/**
 * The day view (a list of cards, readable standing in a corridor on a phone) and the week view
 * (a column per day; stacked on a phone). Each item says its local time, who and where, and is
 * flagged when it conflicts with another (and with which).
 */
import type { ReactNode } from 'react';
import type { ScheduleView } from '../../../../src/contract/index.js';
import { Link } from '../../lib/router';
import { conflictsOf, dayLabel, hm, itemsOfDay, otherName, weeks, type Item } from './schedule';

function ItemCard({ s, item, compact, actions }: { s: ScheduleView; item: Item; compact?: boolean; actions?: (item: Item) => ReactNode }) {
  const conflicts = conflictsOf(s, item.id);
  const cls = `sched-item sched-item--${item.kind}${conflicts.length ? ' sched-item--conflict' : ''}`;
  return (
    <li className={cls} data-testid={`item-${item.id}`}>
      <div className="sched-time">
        <strong>{hm(item.localStart)}</strong>–{hm(item.localEnd)}
      </div>
      <div className="sched-body">
        <div className="sched-what">
          {item.kind === 'meeting' ? (
            <>
              <span className="badge badge--neutral">Meeting</span>{' '}
              <Link to={`/companies/${encodeURIComponent(item.buyer.id)}`}>{item.buyer.name}</Link>
            </>
          ) : (
            <>
              <span className="badge badge--accent">Screening</span>{' '}
              <Link to={`/titles/${encodeURIComponent(item.title.id)}`}>{item.title.name}</Link>
            </>
          )}
        </div>
        {!compact && (
          <div className="sched-meta small">
            {item.kind === 'meeting' ? item.place && <span>{item.place}</span> : <span>{item.venue}</span>}
            {item.people.length > 0 && <span>With {item.people.map((p) => p.name).join(', ')}</span>}
            {item.kind === 'meeting' && item.titles.length > 0 && <span>Titles: {item.titles.map((t) => t.name).join(', ')}</span>}
            {item.kind === 'screening' && item.invited.length > 0 && (
              <span>
                Invited:{' '}
                {item.invited
                  .map((b) => `${b.company.name}${b.attended === true ? ' (came)' : b.attended === false ? ' (did not come)' : ''}`)
                  .join(', ')}
              </span>
            )}
            {item.kind === 'meeting' && item.nextStep && <span>Next: {item.nextStep}</span>}
          </div>
        )}
        {conflicts.length > 0 && (
          <ul className="sched-conflicts" aria-label="Conflicts">
            {conflicts.map((c, i) => (
              <li key={i}>
                <span aria-hidden="true">⚠ </span>
                {compact ? c.message : `${c.message} (with ${otherName(s, c, item.id)})`}
              </li>
            ))}
          </ul>
        )}
        {actions?.(item)}
      </div>
    </li>
  );
}

export function DayView({
  s,
  day,
  onDay,
  actions,
}: {
  s: ScheduleView;
  day: string;
  onDay: (d: string) => void;
  actions?: (item: Item) => ReactNode;
}) {
  const items = itemsOfDay(s, day);
  return (
    <div className="sched-day">
      <nav className="sched-days" aria-label="Market days">
        {s.days.map((d) => (
          <button
            key={d}
            type="button"
            className={`btn btn--small${d === day ? ' btn--primary' : ''}`}
            aria-current={d === day ? 'date' : undefined}
            onClick={() => onDay(d)}
          >
            {dayLabel(d)}
          </button>
        ))}
      </nav>
      <h2 className="h3">{dayLabel(day, true)}</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing scheduled this day.</p>
      ) : (
        <ol className="sched-list">
          {items.map((x) => (
            <ItemCard key={x.id} s={s} item={x} actions={actions} />
          ))}
        </ol>
      )}
    </div>
  );
}

export function WeekView({ s, onDay }: { s: ScheduleView; onDay: (d: string) => void }) {
  return (
    <div className="sched-weeks">
      {weeks(s.days).map((w) => (
        <div key={w[0]} className="sched-week" role="group" aria-label={`Week of ${dayLabel(w[0], true)}`}>
          {w.map((d) => {
            const items = itemsOfDay(s, d);
            return (
              <section key={d} className="sched-col" aria-label={dayLabel(d, true)}>
                <h3 className="sched-col-head">
                  <button type="button" className="btn--link linklike" onClick={() => onDay(d)}>
                    {dayLabel(d)}
                  </button>
                  {items.some((x) => conflictsOf(s, x.id).length) && <span className="badge badge--bad">conflict</span>}
                </h3>
                <ol className="sched-list">
                  {items.map((x) => (
                    <ItemCard key={x.id} s={s} item={x} compact />
                  ))}
                  {items.length === 0 && <li className="muted small">—</li>}
                </ol>
              </section>
            );
          })}
        </div>
      ))}
    </div>
  );
}
