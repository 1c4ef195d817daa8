/** What the record says of the title's market: box office, releases, and who holds which rights. */
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { Link } from '../../lib/router';
import { Badge, ColumnHeads } from '../../components/ui';
import { str, type TitleBoxOffice, type TitleHolding, type TitleRelease } from './detail';

export function BoxOffice({ rows, names }: { rows: TitleBoxOffice[]; names?: Map<string, string> }) {
  const items = rows
    .filter((r) => str(r.gross.amount) && str(r.gross.currency))
    .map((r) => ({
      territory: str(r.territory),
      name: str(r.territoryName),
      m: r.gross,
      value: Number(r.gross.amount),
      asOf: str(r.asOf),
      cumulative: r.cumulative,
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
              {i.cumulative === false ? 'period' : 'to date'}
              {i.asOf ? `, as of ${formatDate(i.asOf)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {max.size > 1 && <figcaption className="muted">Bars compare amounts within one currency only.</figcaption>}
    </figure>
  );
}

export function Releases({ rows, names }: { rows: TitleRelease[]; names?: Map<string, string> }) {
  if (!rows.length) return <p className="muted">No releases recorded.</p>;
  return (
    <div className="table-wrap table-wrap--plain">
      <table className="data">
        <ColumnHeads columns={['Territory', 'Opened', 'Kind', 'Distributor']} />
        <tbody>
          {rows.map((r, i) => {
            const t = str(r.territory);
            const d = r.distributor;
            const prec = r.precision;
            return (
              <tr key={str(r.id) ?? i}>
                <td>{t ? (str(r.territoryName) ?? names?.get(t) ?? t) : '—'}</td>
                <td className="num">{formatDate(str(r.date), { precision: prec })}</td>
                <td>{humanize(str(r.kind)) || '—'}</td>
                <td>{d ? <Link to={`/companies/${encodeURIComponent(d.id)}`}>{d.name}</Link> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Who holds what, as the record (ours and the trade press) says. */
export function MarketPicture({ rows }: { rows: TitleHolding[] }) {
  if (!rows.length) return <p className="muted">No holder on record.</p>;
  return (
    <div className="table-wrap table-wrap--plain table-wrap--cards">
      <table className="data data--cards">
        <ColumnHeads columns={['Holder', 'Territories', 'Media', 'Term', 'Contract']} />
        <tbody>
          {rows.map((r, i) => {
            const h = r.holder;
            return (
              <tr key={i}>
                <td data-label="Holder">{h ? <Link to={`/companies/${encodeURIComponent(h.id)}`}>{h.name}</Link> : '—'}</td>
                <td data-label="Territories">{str(r.territoryLabel)}</td>
                <td data-label="Media">{str(r.mediaLabel)}</td>
                <td data-label="Term" className="nowrap">
                  {r.startCondition ? <span className="term-condition">{r.startCondition}</span> : formatDate(str(r.start))} –{' '}
                  {r.endCondition ? (
                    <span className="term-condition">{r.endCondition}</span>
                  ) : r.termReported === false && !r.end ? (
                    <span className="term-not-reported">term not reported</span>
                  ) : (
                    formatDate(str(r.end), { open: 'perpetuity' })
                  )}
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
