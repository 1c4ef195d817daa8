/** What the accounts need (docs/money.md): statements late or due, MG instalments unpaid. For users with the financial-terms permission. */
import type { MoneyDue as MoneyDueView } from '../../../src/contract/index.js';
import { formatDate } from '../lib/format';
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
          {/* on a phone each item is a card of labelled lines, its due date on screen */}
          <table className="data data--stack">
            <ColumnHeads columns={['Deal', 'What', 'Status', { label: 'Due', className: 'num' }]} />
            <tbody>
              {shown.map((d, i) => (
                <tr key={`${d.contract.id}-${d.label}-${i}`}>
                  <td className="nowrap" data-label="Deal">
                    <Link to={`/deals/${d.contract.id}#accounts`}>{d.contract.ref}</Link>
                  </td>
                  <td className="cell-wrap" data-label="What">
                    <span className="stack-value">
                      {d.label}
                      {d.amount ? ` · ${d.currency} ${d.amount}` : ''}
                    </span>
                  </td>
                  <td data-label="Status">
                    <Badge value={d.status} />
                  </td>
                  <td className="num" data-label="Due">
                    {formatDate(d.dueOn, { open: 'on its event' })}
                  </td>
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
