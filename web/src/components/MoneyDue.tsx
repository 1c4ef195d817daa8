/** What the accounts need (docs/money.md): statements late or due, MG instalments unpaid. For users with the financial-terms permission. */
import type { MoneyDue as MoneyDueView } from '../../../src/contract/index.js';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { Badge, ColumnHeads, Empty, ErrorNote, Loading, Section } from './ui';

/** The most urgent first (the service lists them by deal and date); the rest are counted. */
const SHOWN = 10;

export function MoneyDue() {
  const due = useApi<MoneyDueView>('/api/money/due');
  const items = (due.data?.items ?? []).filter((d) => d.status !== 'not-yet-due');
  return (
    <Section title="Money due" id="money-due">
      {due.loading ? (
        <Loading what="Loading what is due" />
      ) : due.error ? (
        <ErrorNote error={due.error} retry={due.reload} />
      ) : items.length === 0 ? (
        <Empty title="No statement is late and no instalment is overdue." />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <ColumnHeads columns={['Deal', 'What', 'Status', { label: 'Due', className: 'num' }]} />
            <tbody>
              {items.slice(0, SHOWN).map((d, i) => (
                <tr key={`${d.contract.id}-${d.label}-${i}`}>
                  <td className="nowrap">
                    <Link to={`/deals/${d.contract.id}#accounts`}>{d.contract.ref}</Link>
                  </td>
                  <td className="cell-wrap">
                    {d.label}
                    {d.amount ? ` · ${d.currency} ${d.amount}` : ''}
                  </td>
                  <td>
                    <Badge value={d.status} />
                  </td>
                  <td className="num">{d.dueOn ?? 'on its event'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > SHOWN && <p className="muted small">and {items.length - SHOWN} more.</p>}
    </Section>
  );
}
