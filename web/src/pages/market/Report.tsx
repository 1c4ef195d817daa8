/** The market report: meetings by buyer, offers by status, titles by interest, deals closed; MG totals for users allowed to see money. */
import type { MarketReportView } from '../../../../src/contract/index.js';
import { formatInt, formatMoney } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link } from '../../lib/router';
import { Badge, ColumnHeads, ErrorNote, Loading, Section } from '../../components/ui';
import './marketMore.css';

export function MarketReport({ marketId }: { marketId: string }) {
  const id = encodeURIComponent(marketId);
  const report = useApi<MarketReportView>(`/api/markets/${id}/report`);
  if (report.error) return <ErrorNote error={report.error} retry={report.reload} />;
  const r = report.data;
  if (!r) return <Loading what="Loading the report" />;
  const money = r.mgTotals !== undefined;
  return (
    <div className="market-report">
      <p className="export-links">
        Report:{' '}
        <a href={`/api/markets/${id}/report?format=xlsx`} download>
          XLSX
        </a>
      </p>
      <div className="report-figures" role="list" aria-label="Figures">
        <div role="listitem">
          <strong>{formatInt(r.meetings.count)}</strong> meetings
        </div>
        <div role="listitem">
          <strong>{formatInt(r.offers.count)}</strong> offers
        </div>
        <div role="listitem">
          <strong>{formatInt(r.deals.length)}</strong> deals closed
        </div>
      </div>
      <div className="grid-2">
        <Section title="Meetings by buyer">
          {r.meetings.byBuyer.length === 0 ? (
            <p className="muted">No meetings.</p>
          ) : (
            <table className="data">
              <ColumnHeads columns={['Buyer', { label: 'Meetings', className: 'num' }]} />
              <tbody>
                {r.meetings.byBuyer.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <Link to={`/buyers/${encodeURIComponent(b.id)}`}>{b.name}</Link>
                    </td>
                    <td className="num">{b.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title="Offers by status">
          {r.offers.byStatus.length === 0 ? (
            <p className="muted">No offers made at this market.</p>
          ) : (
            <table className="data">
              <ColumnHeads columns={['Status', { label: 'Offers', className: 'num' }]} />
              <tbody>
                {r.offers.byStatus.map((s) => (
                  <tr key={s.status}>
                    <td>
                      <Badge value={s.status} />
                    </td>
                    <td className="num">{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title="Titles by interest">
          {r.titles.length === 0 ? (
            <p className="muted">No title was discussed or offered for.</p>
          ) : (
            <table className="data">
              <ColumnHeads columns={['Title', { label: 'Meetings', className: 'num' }, { label: 'Offers', className: 'num' }]} />
              <tbody>
                {r.titles.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link to={`/titles/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                    </td>
                    <td className="num">{t.meetings}</td>
                    <td className="num">{t.offers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title="Deals closed">
          {r.deals.length === 0 ? (
            <p className="muted">No offer from this market is signed yet.</p>
          ) : (
            <table className="data data--stack">
              <ColumnHeads columns={['Offer', 'Buyer', 'Titles', ...(money ? [{ label: 'MG', className: 'num' }] : [])]} />
              <tbody>
                {r.deals.map((d) => (
                  <tr key={d.offer.id}>
                    <td data-label="Offer">
                      <Link to={`/offers/${encodeURIComponent(d.offer.id)}`}>{d.offer.ref}</Link>
                      {d.contract && (
                        <>
                          {' '}
                          ·{' '}
                          <Link to={`/deals/${encodeURIComponent(d.contract.id)}`}>
                            {d.contract.ref === d.offer.ref ? 'the deal' : d.contract.ref}
                          </Link>
                        </>
                      )}
                    </td>
                    <td data-label="Buyer">{d.buyer.name}</td>
                    <td data-label="Titles">{d.titles.map((t) => t.name).join(', ')}</td>
                    {money && (
                      <td data-label="MG" className="num">
                        {d.mg ? formatMoney(d.mg) : '—'}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        {r.mgTotals && (
          <Section title="Minimum guarantees by currency">
            <table className="data">
              <ColumnHeads columns={['Currency', { label: 'Signed', className: 'num' }, { label: 'Open offers', className: 'num' }]} />
              <tbody>
                {r.mgTotals.map((t) => (
                  <tr key={t.currency}>
                    <td>{t.currency}</td>
                    <td className="num">{formatMoney({ amount: t.signed, currency: t.currency })}</td>
                    <td className="num">{formatMoney({ amount: t.open, currency: t.currency })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        )}
      </div>
    </div>
  );
}
