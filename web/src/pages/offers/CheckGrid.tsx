/**
 * The live check's grid: a row per title, a column per territory, each cell the worst answer of
 * its media (available, on hold, sold, not held, holdback); under it, every cell that is not
 * available with its media, the reasons and the contracts in the way.
 */
import { useState } from 'react';
import type { OfferCheck } from '../../../../src/contract/index.js';
import { CELL_LABEL, CELL_MARK } from './words';

export function CheckGrid({ check, checking }: { check: OfferCheck; checking?: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const cell = new Map(check.cells.map((c) => [`${c.titleId}|${c.territory}`, c]));
  const problems = check.cells.filter((c) => c.status !== 'available');
  const shown = showAll ? problems : problems.slice(0, 12);
  const name = new Map(check.titles.map((t) => [t.id, t.name]));
  const country = new Map(check.territories.map((t) => [t.code, t.name]));
  return (
    <div className={`offer-check${checking ? ' is-stale' : ''}`} aria-busy={checking || undefined}>
      <p className={`offer-verdict offer-verdict--${check.clear ? (check.held ? 'held' : 'clear') : 'blocked'}`} role="status">
        {check.clear
          ? check.held
            ? 'Free of sales, but some rights are on hold for another deal: accepting will be refused until the hold ends.'
            : 'All the rights asked are free.'
          : 'Some of the rights asked are not free (see why below).'}{' '}
        <span className="muted small">
          {Object.entries(check.counts)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${CELL_LABEL[s as keyof typeof CELL_LABEL].toLowerCase()}`)
            .join(', ')}{' '}
          (title × territory × medium)
        </span>
      </p>
      <div className="table-wrap offer-grid-wrap">
        <table className="offer-grid">
          <caption className="visually-hidden">Availability of each title in each territory</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              {check.territories.map((t) => (
                <th scope="col" key={t.code} title={t.name}>
                  {t.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {check.titles.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                {check.territories.map((c) => {
                  const x = cell.get(`${t.id}|${c.code}`);
                  if (!x) return <td key={c.code} />;
                  const label = `${t.name}, ${c.name}: ${CELL_LABEL[x.status]}`;
                  return (
                    <td key={c.code} className={`cell cell--${x.status}`} title={label}>
                      <span aria-hidden="true">{CELL_MARK[x.status]}</span>
                      <span className="visually-hidden">{label}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <ul className="offer-problems">
          {shown.map((p) => (
            <li key={`${p.titleId}|${p.territory}`}>
              <strong>
                {name.get(p.titleId)}, {country.get(p.territory) ?? p.territory}
              </strong>
              {p.media
                .filter((m) => m.status !== 'available')
                .map((m, i) => (
                  <div key={i} className="offer-problem">
                    <span className={`badge badge--${m.status === 'on-hold' ? 'warn' : m.status === 'depends' ? 'depends' : 'bad'}`}>
                      {CELL_LABEL[m.status]}
                    </span>{' '}
                    {m.mediaLabel}: {m.reasons.map((r) => r.message).join('; ')}
                  </div>
                ))}
            </li>
          ))}
          {problems.length > shown.length && (
            <li>
              <button type="button" className="linklike" onClick={() => setShowAll(true)}>
                Show all {problems.length} places that are not free
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
