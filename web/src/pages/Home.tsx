import { formatDate, formatInt } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Contract } from '../../../src/contract/index.js';
import { ContractRef, parties, rightsLine, SignedCell, TitleLinks } from '../components/contracts';
import { Badge, Empty, ErrorNote, Loading, Section } from '../components/ui';
import { useAuth } from '../lib/auth';

interface HomeData {
  holds: Array<{ contract: Contract; ageDays: number }>;
  expiring: Array<Record<string, unknown>>;
  recentlySigned: Array<Contract | { contract: Contract }>;
  factsToReview: number;
}

function contractOf(x: unknown): Contract {
  const o = x as { contract?: Contract };
  return o.contract ?? (x as Contract);
}

function titlesOf(c: Contract) {
  return <TitleLinks titles={c.titles} />;
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
      {d && (
        <div className="grid-2">
          <Section title={`Deals in negotiation (${d.holds.length})`} id="holds">
            {d.holds.length === 0 ? (
              <Empty title="No deal is in negotiation.">
                Deals with status <em>offer</em> or <em>negotiating</em> hold their rights and show here with their age.{' '}
                <Link to="/deals/new">Start a deal</Link>.
              </Empty>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Deal</th>
                    <th scope="col">Title</th>
                    <th scope="col">Parties</th>
                    <th scope="col" className="num">
                      Age
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.holds]
                    .sort((a, b) => b.ageDays - a.ageDays)
                    .map(({ contract: c, ageDays }) => (
                      <tr key={c.id}>
                        <td>
                          <ContractRef c={c} /> <Badge value={c.status} />
                        </td>
                        <td>{titlesOf(c)}</td>
                        <td>{parties(c)}</td>
                        <td className={`num${ageDays > 30 ? ' is-stale' : ''}`}>
                          {ageDays === 1 ? '1 day' : `${formatInt(ageDays)} days`}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section title="Rights expiring in the next 90 days" id="expiring">
            {d.expiring.length === 0 ? (
              <Empty title="Nothing expires in the next 90 days.">
                Rights in and out whose term ends within 90 days appear here, so renewals are not missed.
              </Empty>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Contract</th>
                    <th scope="col">Title</th>
                    <th scope="col">Rights</th>
                    <th scope="col" className="num">
                      Ends
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.expiring.map((x, i) => {
                    const c = contractOf(x);
                    const block = (x as { block?: { territoryLabel?: string; mediaLabel?: string; end?: string } }).block;
                    const end = (x as { end?: string }).end ?? block?.end;
                    return (
                      <tr key={`${c.id}-${i}`}>
                        <td>
                          <ContractRef c={c} />
                        </td>
                        <td>{titlesOf(c)}</td>
                        <td className="cell-wrap">{block ? `${block.territoryLabel ?? ''} · ${block.mediaLabel ?? ''}` : rightsLine(c)}</td>
                        <td className="num">{formatDate(end)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </Section>
          <Section title="Recently signed" id="signed">
            {d.recentlySigned.length === 0 ? (
              <Empty title="No signed deals yet.">
                Signed deals appear here. Record one from <Link to="/deals/new">New deal</Link>.
              </Empty>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Deal</th>
                    <th scope="col">Title</th>
                    <th scope="col">Parties</th>
                    <th scope="col" className="num">
                      Signed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.recentlySigned.map(contractOf).map((c) => (
                    <tr key={c.id}>
                      <td>
                        <ContractRef c={c} />
                      </td>
                      <td>{titlesOf(c)}</td>
                      <td>{parties(c)}</td>
                      <td className="num">
                        <SignedCell c={c} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section title="Facts to review" id="review">
            {d.factsToReview === 0 ? (
              <Empty title="Every fact has been reviewed." />
            ) : (
              <p className="big-number">
                <strong>{formatInt(d.factsToReview)}</strong> {d.factsToReview === 1 ? 'fact' : 'facts'} taken from trade-press articles
                wait for a person to confirm them. Each title page lists its sources.
              </p>
            )}
          </Section>
        </div>
      )}
    </div>
  );
}
