/** Home in market week: the market on now (or starting within 7 days), today's meetings and screenings, the offers that need an answer. */
import { useState } from 'react';
import type { MarketWeekView } from '../../../../src/contract/index.js';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link } from '../../lib/router';
import { Badge, Section } from '../../components/ui';
import './marketMore.css';

export function MarketWeek() {
  const [mine, setMine] = useState(false);
  const week = useApi<MarketWeekView>(`/api/market-week${mine ? '?mine=true' : ''}`);
  const w = week.data;
  if (!w?.market) return null;
  const m = w.market;
  const on = w.today >= m.start;
  return (
    <section className="market-week" aria-label="Market week">
      <div className="market-week__head">
        <h2>
          <Link to={`/markets/${encodeURIComponent(m.id)}`}>{m.name}</Link>
        </h2>
        <p className="muted">
          {on ? 'On now' : `Starts ${formatDate(m.start)}`} · {formatDate(m.start)} – {formatDate(m.end)} · times in {m.timeZone}
        </p>
      </div>
      <div className="grid-2">
        <Section
          title={`Today, ${formatDate(w.today)} (${w.items.length})`}
          actions={
            <div className="segmented-buttons" role="group" aria-label="Whose schedule">
              <button type="button" className={`seg${!mine ? ' is-on' : ''}`} aria-pressed={!mine} onClick={() => setMine(false)}>
                Everyone
              </button>
              <button type="button" className={`seg${mine ? ' is-on' : ''}`} aria-pressed={mine} onClick={() => setMine(true)}>
                Mine
              </button>
            </div>
          }
        >
          {w.items.length === 0 ? (
            <p className="muted">Nothing on the schedule today{mine ? ' for you' : ''}.</p>
          ) : (
            <ul className="week-items">
              {w.items.map((i) => (
                <li key={i.id} className={`week-item week-item--${i.kind}`}>
                  <span className="week-time">
                    <strong>{i.startLocal.slice(11, 16)}</strong>–{i.endLocal.slice(11, 16)}
                  </span>
                  <span>
                    {i.what}
                    {i.place && <span className="muted small"> · {i.place}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={`Offers needing an answer (${w.offers.length})`}>
          {w.offers.length === 0 ? (
            <p className="muted">No open offer waits for an answer.</p>
          ) : (
            <ul className="week-items">
              {w.offers.map((o) => (
                <li key={o.id} className="week-item">
                  <span>
                    <Link to={`/offers/${encodeURIComponent(o.id)}`}>{o.ref}</Link> <Badge value={o.status} />
                  </span>
                  <span>
                    {o.buyer.name}: {o.titles.map((t) => t.name).join(', ')}
                    <span className={`small ${o.holdExpiresOn ? 'is-stale' : 'muted'}`}> · {o.why}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </section>
  );
}
