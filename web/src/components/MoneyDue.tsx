/** What the accounts need (docs/money.md): statements late or due, MG instalments unpaid. For users with the financial-terms permission. */
import type { MoneyDue as MoneyDueView } from '../../../src/contract/index.js';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { Badge, ColumnHeads, Empty, ErrorNote, Loading, Section } from './ui';

/** On Home, the most urgent first (the service lists them by deal and date); the rest are on the Money due page. */
const SHOWN = 10;

/** `all`: the Money due page: every item, those not yet due included, none left out. */
export function MoneyDue({ all = false }: { all?: boolean }) {
  const due = useApi<MoneyDueView>('/api/money/due');
  const items = (due.data?.items ?? []).filter((d) => all || d.status !== 'not-yet-due');
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <Section title={all ? 'Statements and instalments' : 'Money due'} id="money-due">
      {due.loading ? (
        <Loading what="Loading what is due" />
      ) : due.error ? (
        <ErrorNote error={due.error} retry={due.reload} />
      ) : items.length === 0 ? (
        <Empty
          title={
            all
              ? 'Nothing is due: no statement is waiting and no instalment is unpaid.'
              : 'No statement is late and no instalment is overdue.'
          }
        />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <ColumnHeads columns={['Deal', 'What', 'Status', { label: 'Due', className: 'num' }]} />
            <tbody>
              {shown.map((d, i) => (
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
      {!all && items.length > SHOWN && (
        <p className="muted small">
          and {items.length - SHOWN} more: <Link to="/money">all the money due</Link>.
        </p>
      )}
    </Section>
  );
}
