import type { ReactNode } from 'react';
import { formatDate, formatInt } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Contract } from '../../../src/contract/index.js';
import { ContractRef, parties, rightsLine, SignedCell, TitleLinks } from '../components/contracts';
import { Badge, ColumnHeads, Empty, ErrorNote, Loading, Section } from '../components/ui';
import { useAuth } from '../lib/auth';
import { MoneyDue } from '../components/MoneyDue';
import { MarketWeek } from './market/MarketWeek';

interface HomeData {
  holds: Array<{ contract: Contract; ageDays: number }>;
  expiring: Array<Record<string, unknown>>;
  recentlySigned: Array<Contract | { contract: Contract }>;
  factsToReview: number;
  articleFactsPending?: number;
}

function contractOf(x: unknown): Contract {
  const o = x as { contract?: Contract };
  return o.contract ?? (x as Contract);
}

interface DeskRow {
  key: string;
  c: Contract;
  /** The status beside the reference. */
  withStatus?: boolean;
  third: ReactNode;
  thirdClass?: string;
  /** The figure on the right: an age, an end date, a signature date. */
  figure: ReactNode;
  figureClass?: string;
}

/**
 * A table of the desk: the contract, its titles, one column of the section's own, and a figure on the
 * right. On a phone each row is a card of labelled lines (`data--stack`), the figure (an age, an end,
 * a signature) on screen rather than past the right edge.
 */
function DeskTable({ heads, rows }: { heads: [string, string, string]; rows: DeskRow[] }) {
  return (
    <table className="data data--stack">
      <ColumnHeads columns={[heads[0], 'Title', heads[1], { label: heads[2], className: 'num' }]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td data-label={heads[0]}>
              <span className="stack-value">
                <ContractRef c={r.c} />
                {r.withStatus && (
                  <>
                    {' '}
                    <Badge value={r.c.status} />
                  </>
                )}
              </span>
            </td>
            <td data-label="Title">
              <span className="stack-value">
                <TitleLinks titles={r.c.titles} />
              </span>
            </td>
            <td className={r.thirdClass} data-label={heads[1]}>
              <span className="stack-value">{r.third}</span>
            </td>
            <td className={r.figureClass ?? 'num'} data-label={heads[2]}>
              <span className="stack-value">{r.figure}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Home() {
  const { user } = useAuth();
  const home = useApi<HomeData>('/api/home');
  const d = home.data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          Good {new Date().getHours() < 12 ? 'morning' : new Date().getHours() < 18 ? 'afternoon' : 'evening'}, {user?.username}
        </h1>
        <div className="page-actions">
          <Link to="/avails" className="btn">
            Check avails
          </Link>
          <Link to="/deals/new" className="btn btn--primary">
            New deal
          </Link>
        </div>
      </div>
      {home.loading && !d && <Loading what="Loading your desk" />}
      <ErrorNote error={home.error} retry={home.reload} />
      <MarketWeek />
      {d && (
        <div className="grid-2">
          <Section title={`Deals in negotiation (${d.holds.length})`} id="holds">
            {d.holds.length === 0 ? (
              <Empty title="No deal is in negotiation.">
                Deals with status <em>offer</em> or <em>negotiating</em> hold their rights and show here with their age.{' '}
                <Link to="/deals/new">Start a deal</Link>.
              </Empty>
            ) : (
              <DeskTable
                heads={['Deal', 'Parties', 'Age']}
                rows={[...d.holds]
                  .sort((a, b) => b.ageDays - a.ageDays)
                  .map(({ contract: c, ageDays }) => ({
                    key: c.id,
                    c,
                    withStatus: true,
                    third: parties(c),
                    figure: ageDays === 1 ? '1 day' : `${formatInt(ageDays)} days`,
                    figureClass: `num${ageDays > 30 ? ' is-stale' : ''}`,
                  }))}
              />
            )}
          </Section>
          <Section title="Rights expiring in the next 90 days" id="expiring">
            {d.expiring.length === 0 ? (
              <Empty title="Nothing expires in the next 90 days.">
                Rights in and out whose term ends within 90 days appear here, so renewals are not missed.
              </Empty>
            ) : (
              <DeskTable
                heads={['Contract', 'Rights', 'Ends']}
                rows={d.expiring.map((x, i) => {
                  const c = contractOf(x);
                  const block = (x as { block?: { territoryLabel?: string; mediaLabel?: string; end?: string } }).block;
                  const end = (x as { end?: string }).end ?? block?.end;
                  return {
                    key: `${c.id}-${i}`,
                    c,
                    third: block ? `${block.territoryLabel ?? ''} · ${block.mediaLabel ?? ''}` : rightsLine(c),
                    thirdClass: 'cell-wrap',
                    figure: formatDate(end),
                  };
                })}
              />
            )}
          </Section>
          <Section title="Recently signed" id="signed">
            {d.recentlySigned.length === 0 ? (
              <Empty title="No signed deals yet.">
                Signed deals appear here. Record one from <Link to="/deals/new">New deal</Link>.
              </Empty>
            ) : (
              <DeskTable
                heads={['Deal', 'Parties', 'Signed']}
                rows={d.recentlySigned.map(contractOf).map((c) => ({ key: c.id, c, third: parties(c), figure: <SignedCell c={c} /> }))}
              />
            )}
          </Section>
          {user?.canSeeFinancials && <MoneyDue />}
          <Section title="Facts to review" id="review">
            {d.factsToReview === 0 && !d.articleFactsPending ? (
              <Empty title="Every fact has been reviewed." />
            ) : (
              <>
                {(d.articleFactsPending ?? 0) > 0 && (
                  <p className="big-number">
                    <strong>{formatInt(d.articleFactsPending ?? 0)}</strong> {d.articleFactsPending === 1 ? 'fact' : 'facts'} read from
                    trade-press articles {d.articleFactsPending === 1 ? 'waits' : 'wait'} to be accepted or rejected.{' '}
                    <Link to="/articles">Review them in Articles</Link>
                  </p>
                )}
                {d.factsToReview > 0 && (
                  <p className="big-number">
                    <strong>{formatInt(d.factsToReview)}</strong> {d.factsToReview === 1 ? 'fact' : 'facts'} on record came from the trade
                    press without a person's review (imported or demo data), marked “not yet reviewed” where they show. Each title and deal
                    page lists its sources.
                  </p>
                )}
              </>
            )}
          </Section>
        </div>
      )}
    </div>
  );
}
