/**
 * What a buyer bought: from us (our deals, with the MG for those allowed to see money) and, the press
 * says, from others. A deal read from a source nobody has reviewed yet carries the review mark.
 */
import { formatDate, formatMoney } from '../../lib/format';
import { Link } from '../../lib/router';
import type { BuyerHistory } from '../../../../src/contract/index.js';
import { ColumnHeads, Section } from '../../components/ui';
import { ContractRef } from '../../components/contracts';

type Deal = BuyerHistory['withUs'][number];

function Titles({ d }: { d: Deal }) {
  return (
    <>
      {d.titles.map((t, i) => (
        <span key={t.id}>
          {i > 0 && ', '}
          <Link to={`/titles/${encodeURIComponent(t.id)}`}>{t.name}</Link>
        </span>
      ))}
    </>
  );
}

export function History({ history, canSeeMoney }: { history: BuyerHistory; canSeeMoney: boolean }) {
  return (
    <>
      <Section title={`Bought from us (${history.withUs.length})`}>
        {history.withUs.length === 0 ? (
          <p className="muted">No deal with this buyer yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data data--stack">
              <ColumnHeads columns={['Titles', 'Deal', 'Date', 'Territories', 'Media', canSeeMoney && 'MG']} />
              <tbody>
                {history.withUs.map((d) => (
                  <tr key={d.contract.id}>
                    <td data-label="Titles">
                      <Titles d={d} />
                    </td>
                    <td data-label="Deal">
                      {/* one piece, so that a phone's stacked row keeps the mark after the reference */}
                      <span className="history-deal">
                        <ContractRef c={{ ...d.contract, notReviewed: d.notReviewed }} /> ({d.contract.status})
                      </span>
                    </td>
                    <td data-label="Date">{formatDate(d.date)}</td>
                    <td data-label="Territories">{d.territoryLabel ?? '—'}</td>
                    <td data-label="Media">{d.mediaLabel ?? '—'}</td>
                    {canSeeMoney && <td data-label="MG">{d.mg ? formatMoney(d.mg) : '—'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={`Bought from others, the press says (${history.fromOthers.length})`}>
        {history.fromOthers.length === 0 ? (
          <p className="muted">No deal of this buyer’s with others on record. Accepted trade-press facts show up here.</p>
        ) : (
          <div className="table-wrap">
            <table className="data data--stack">
              <ColumnHeads columns={['Titles', 'From', 'Date', 'Territories', 'Media', 'Source']} />
              <tbody>
                {history.fromOthers.map((d) => (
                  <tr key={d.contract.id}>
                    <td data-label="Titles">
                      <Titles d={d} />
                    </td>
                    <td data-label="From">
                      {d.seller ? <Link to={`/companies/${encodeURIComponent(d.seller.id)}`}>{d.seller.name}</Link> : '—'}
                    </td>
                    <td data-label="Date">{formatDate(d.date)}</td>
                    <td data-label="Territories">{d.territoryLabel ?? '—'}</td>
                    <td data-label="Media">{d.mediaLabel ?? '—'}</td>
                    <td data-label="Source">
                      <span className="history-deal">
                        <ContractRef c={{ ...d.contract, notReviewed: d.notReviewed }} label={d.sources.join('; ') || d.contract.ref} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
